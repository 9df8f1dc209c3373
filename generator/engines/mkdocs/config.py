"""The MkDocs side of the settings and of a build: the plugin's typed config, made from
load/settings.CourseOptions (defaults written once, there), and a SiteBuild applied to
MkDocs' config and files."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.structure.files import File, Files

from generator.engines import offline_search
from generator.load.settings import markdown_extensions_of, CourseOptions, ProjectSettings, course_options
from generator.site.build import SiteBuild
from generator.site.markup import nav_title
from generator.site.sitemap import NavItem


class _AsGiven(c.BaseConfigOption):
    """An option MkDocs passes on as written: CourseOptions validates every option, with
    the same messages for `check`, `build`, `serve` and the export (a value MkDocs itself
    refused would stop `mkdocs serve` without the preview's error banner)."""

    def run_validation(self, value: Any) -> Any:
        return value


_Options: Any = type("_Options", (base.Config,), {name: c.Optional(_AsGiven()) for name in CourseOptions.model_fields})


class CoursePluginConfig(_Options):
    """The plugin's options for MkDocs: one per field of CourseOptions (load/settings.py),
    which gives their defaults and validates them (settings_of). MkDocs only warns about
    an unknown name; CourseOptions refuses it."""


def settings_of(config, plugin_config) -> ProjectSettings:
    """The project's settings as MkDocs has read them (mkdocs.yml, this plugin's options).
    Raises SettingsError for a wrong option."""
    config_file = config_path(config)
    options = course_options(dict(plugin_config), config_file.name)
    return ProjectSettings(config_file, options, {}, config.site_name,
                           markdown_extensions_of(config.markdown_extensions, config.mdx_configs))


# `coursegen serve --brand NAME` and `--lang LANG` are told to the plugin here. MkDocs' serve
# loads mkdocs.yml anew for every rebuild, and a config override given to it is used up
# by the first build, so an environment variable is the one channel that reaches every rebuild.
SERVE_BRAND_ENV = "COURSEGEN_SERVE_BRAND"
SERVE_LANGUAGE_ENV = "COURSEGEN_SERVE_LANGUAGE"


def serve_choices(settings: ProjectSettings) -> ProjectSettings:
    """The settings with the brand and language `coursegen serve` was given, if any."""
    chosen = {key: os.environ[env] for key, env in (("brand", SERVE_BRAND_ENV), ("language", SERVE_LANGUAGE_ENV))
              if os.environ.get(env)}
    return replace(settings, options=settings.options.model_copy(update=chosen)) if chosen else settings


def config_path(config) -> Path:
    """The mkdocs.yml MkDocs read (./mkdocs.yml when it was given none)."""
    return Path(config.config_file_path or "mkdocs.yml").resolve()


def apply_config(config, built: SiteBuild, temp_dirs: list[Path]) -> None:
    """MkDocs' config with what the site needs: name, nav, language, theme overrides,
    Markdown extensions, stylesheets and scripts (after the site's own), brand settings,
    and for pages addressed as files the iframe-worker shim (engines/offline_search.py)."""
    config.nav = [mkdocs_nav(item) for item in built.nav]
    config.site_name = built.site_name
    config.theme["language"] = built.language
    for folder in reversed(built.theme_dirs):  # after a site's own custom_dir, before Material's
        if str(folder) not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(folder))
    _add_missing(config.markdown_extensions, built.markdown_extensions)
    _add_missing(config.extra_css, built.stylesheets)
    present = [str(script) for script in config.extra_javascript]
    config.extra_javascript.extend(js for js in built.scripts if js not in present)
    for key, value in built.theme.items():
        config.theme[key] = value
    for key, value in built.settings.items():
        config[key] = value
    if built.theme_strings:  # Material's own strings, overridden: a partial in a folder of ours
        folder = Path(tempfile.mkdtemp(prefix="coursegen-brand-"))
        temp_dirs.append(folder)
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        (folder / "partials" / "languages").mkdir(parents=True)
        (folder / "partials" / "languages" / "custom.html").write_text(built.theme_strings, encoding="utf-8")
        config.theme.dirs.insert(0, str(folder))
        config.theme["language"] = "custom"
    if addressed_as_files(config):
        config.extra["polyfills"] = offline_search.with_shim(config.extra.get("polyfills"))


def addressed_as_files(config) -> bool:
    """Whether the pages are lessons/x.html, meant to work opened from disk too (search included)."""
    return not config.use_directory_urls


def _add_missing(configured: list, ours: list[str]) -> None:
    configured.extend(item for item in ours if item not in configured)


def add_files(files: Files, config, built: SiteBuild) -> dict[str, tuple[str, ...]]:
    """The site's pages and files added to MkDocs' in memory (replacing any of the same
    path); returns each page's finished HTML blocks, for `on_post_page` to put back."""
    blocks = {}
    for page in built.pages:
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, page.path, content=page.content))
        blocks[page.path] = page.blocks
    for uri, content in built.files + (offline_search.site_files() if addressed_as_files(config) else []):
        files.append(File.generated(config, uri, content=content))
    return blocks


def mkdocs_nav(item: NavItem) -> Any:
    title = nav_title(item.title)  # Material prints nav titles as HTML
    if item.children:
        return {title: [mkdocs_nav(child) for child in item.children]}
    return {title: item.path}
