"""The MkDocs adapter: a thin plugin whose hooks hand MkDocs one engine-neutral SiteBuild. `on_config` builds the site (site/build.py) before MkDocs empties
the site folder (a failed build leaves the previous site untouched); `on_files` adds the pages and files in memory; `on_page_content` marks the toc's
headings in another language (toc.py); `on_post_page` puts each page's quiz HTML back; `mkdocs serve` watches the course, quiz and brand folders and, after
a broken save (of mkdocs.yml too: config_guard.py), serves the last good site with a banner."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files

from generator.check.pipeline import Checked
from generator.check.report import format_text
from generator.engines.mkdocs.after_build import gather_and_mark, search_from_disk
from generator.engines.mkdocs.config import (CoursePluginConfig, add_files, apply_config, config_path, serve_choices,
                                             settings_of)
from generator.engines.mkdocs.config_guard import ConfigGuard
from generator.engines.mkdocs.incremental import IncrementalPages
from generator.engines.mkdocs.nav import NavItemMemo
from generator.engines.mkdocs.shards import page_url, search_plugin
from generator.engines.mkdocs.toc import mark_toc
from generator.errors import CourseError
from generator.load.settings import ProjectSettings, SettingsError
from generator.site.build import SiteBuild, build_site, serving_fallback
from generator.site.render import put_back

log = logging.getLogger("mkdocs.plugins.course")


class CoursePlugin(BasePlugin[CoursePluginConfig]):
    def __init__(self) -> None:
        self.built: SiteBuild | None = None
        self.checked: Checked | None = None  # the command line's check, used by the next build only
        self.settings: ProjectSettings | None = None
        self.last_good: SiteBuild | None = None
        self.serving = False
        self.incremental: IncrementalPages | None = None
        self.shard = None  # this process's share of a parallel `coursegen build` (shards.py)
        self.blocks: dict[str, tuple[str, ...]] = {}  # page path -> finished HTML kept out of Markdown
        self.files: Files | None = None
        self.temp_dirs: list[Path] = []  # removed at exit (a brand's Material strings)
        self.guard: ConfigGuard | None = None  # serve: rebuilds that survive a broken mkdocs.yml

    def on_startup(self, *, command, dirty) -> None:
        # Defining this hook makes `mkdocs serve` keep this one instance across rebuilds,
        # so a broken save can fall back to the last good pages instead of hanging.
        self.serving = command == "serve"
        self.incremental = IncrementalPages() if self.serving and dirty else None

    @event_priority(50)  # before the search plugin, so it indexes in the course's (or brand's) language
    def on_config(self, config):
        checked, self.checked = self.checked, None
        root = config_path(config).parent
        try:
            if self.guard and self.guard.findings:  # a save broke mkdocs.yml: this build uses the last good one
                raise CourseError(self.guard.findings)
            self.settings = serve_choices(settings_of(config, self.config)) if self.serving else settings_of(config, self.config)
            self.built = build_site(self.settings, self.brand(), checked=checked, share=self.shard)
            self.last_good = self.built
            # once: not per process, and not again after the command line's check showed them
            if self.built.warnings and checked is None and not (self.shard and not self.shard.is_parent):
                log.warning("The course has warnings:\n\n" + format_text(self.built.warnings, root))
        except (CourseError, SettingsError) as error:
            report = format_text(error.findings, root) if isinstance(error, CourseError) else str(error)
            if not self.serving:  # `mkdocs build` and `coursegen build` fail
                raise PluginError("The course has errors:\n\n" + report) from None
            self._serve_last_good(report)
        except Exception as exc:  # a generator bug, not a trainer's mistake: the preview stays up all the same
            if not self.serving:
                raise
            log.exception("Internal error in the course generator while rebuilding")
            self._serve_last_good(f"internal error in the generator: {exc!r}; the terminal shows the details")
        assert self.built is not None  # built, or the fallback of a broken save
        apply_config(config, self.built, self.temp_dirs)
        return config

    def brand(self) -> str | None:
        """The brand to build: `coursegen serve --brand`'s (config.serve_choices), else the `brand` option's."""
        return self.settings.options.brand if self.settings else None

    def _serve_last_good(self, report: str) -> None:
        """Serve mode after a broken save: log the findings, keep the last good pages with a banner."""
        log.error("The course has errors; %s until they are fixed:\n\n%s", "the preview keeps showing the last good version"
                  if self.last_good else "the preview shows only this report", report)
        self.built = serving_fallback(report, self.last_good)

    def on_files(self, files: Files, config) -> Files:
        assert self.built is not None
        self.blocks = add_files(files, config, self.built)
        if self.shard:
            self.shard.restrict(files, config)
        if self.incremental:
            everywhere = (self.built.nav, self.built.strings, dict(self.config), self.built.theme, self.built.settings,
                          config.site_name)
            self.incremental.mark(files, config, everywhere, self.blocks)
        self.files = files
        return files

    def on_nav(self, nav, *, config, files):
        if self.shard:
            self.shard.read_others(files, config)
        return nav

    def on_env(self, env, *, config, files):
        env.globals["coursegen_nav_item"] = NavItemMemo(config.theme.get("features") or [])  # site/theme/partials/nav.html
        return env

    def on_page_content(self, html: str, *, page, config, files) -> str:
        return mark_toc(page.toc, html, config.theme.get("language") or "en")

    def on_post_page(self, output: str, *, page, config) -> str:
        try:
            output = put_back(output, self.blocks.get(page.file.src_uri, ()))
        except LookupError as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from None
        if self.shard and page.file.src_uri == self.shard.last:
            self.shard.gather(config, self.files, search_plugin(config))
        if self.incremental and self.files is not None and page.url == self.incremental.last:
            self.incremental.merge_search(search_plugin(config), [page_url(f) for f in self.files.documentation_pages()])
        return output

    def remove_temp_dirs(self) -> None:
        while self.temp_dirs:
            shutil.rmtree(self.temp_dirs.pop(), ignore_errors=True)

    def on_build_error(self, *, error) -> None:
        if self.incremental:
            self.incremental.forget()

    on_post_build = CombinedEvent(gather_and_mark, search_from_disk)  # around Material's search plugin (after_build.py)

    def on_serve(self, server, config, builder):
        server.builder = self.guard = ConfigGuard(builder, config)
        if self.settings is not None:  # else mkdocs.yml is wrong: MkDocs watches it, and the preview says why
            paths, brand = self.settings.paths, self.brand()
            # translations/ too: `--lang` or a brand's language may show one of them
            for folder in paths.content_dirs + \
                    ([self.settings.brands_dir / brand] if brand else []):
                if folder.is_dir():
                    server.watch(str(folder))
        return server
