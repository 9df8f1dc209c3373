"""Export a course as a plain site project that any engine reading mkdocs.yml builds.

The generated pages, the quiz runtime and the lessons' media are written out as an
ordinary docs/ folder next to a mkdocs.yml without the `course` plugin, so plain
`mkdocs build` and `zensical build` (which ignores third-party MkDocs plugins) both
build the same site. Core only: never imports mkdocs.

The project's mkdocs.yml is read with a loader that keeps tags it does not know
(`!ENV`, `!!python/name:...`) and writes them back unchanged.
"""

from __future__ import annotations

import fnmatch
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator import __version__
from generator.site import assets
from generator.load import brand
from generator.check.rules import CheckOptions
from generator.errors import Finding
from generator.load.course import CoursePaths
from generator.site.markup import inert_lessons, nav_title
from generator.load.overlay import prepare_branded
from generator.check.pipeline import prepare
from generator.site.render import REQUIRED_EXTENSIONS, NavItem, RenderedSite, render_site

MARKER = ".coursegen-export"
DOCS = "docs"
THEME = "theme"
# The same list the MkDocs plugin adds (generator/mkdocs_plugin.py); a test keeps them equal.
# The package's own theme overrides (accessibility fixes), used as custom_dir when present.
PACKAGE_THEME = Path(__file__).resolve().parent.parent / "mkdocs" / "theme"
SOURCE_SUFFIXES = (".yml", ".yaml")
# Zensical's own markup for partials where a Material 9 override would break Zensical.
ZENSICAL_PARTIALS = Path(__file__).resolve().parent / "zensical"
# Zensical sets `generator` ("zensical-0.0.73") in every template; MkDocs does not.
ENGINE_SWITCH = """\
{{#- coursegen export: Material for MkDocs and Zensical need different markup here. -#}}
{{%- if generator is defined and "zensical" in generator -%}}
{zensical}
{{%- else -%}}
{material}
{{%- endif -%}}
"""

HEADER = """\
# A plain site project exported by `coursegen export` (coursegen {version}).
# Build it with either engine, no course plugin needed:
#   mkdocs build --strict      (mkdocs + mkdocs-material)
#   zensical build             (Zensical reads this file too)
# Regenerate it with `coursegen export` rather than editing docs/ by hand.
"""


class ExportRefused(Exception):
    """The destination cannot be written: the message says why and what to do."""


@dataclass
class ExportResult:
    dest: Path
    pages: int
    assets: int
    media: list[str]
    warnings: list[Finding] = field(default_factory=list)
    needs_coursegen: bool = False  # allow_html: false keeps generator.site.markup in the Markdown extensions


# --- mkdocs.yml, read and written without mkdocs ------------------------------------


@dataclass(frozen=True)
class Tagged:
    """A YAML value under a tag we do not interpret, e.g. `!ENV [SITE_URL]`."""

    tag: str
    value: Any


class _KeepTagsLoader(yaml.SafeLoader):
    pass


def _construct_tagged(loader: yaml.SafeLoader, tag: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        return Tagged(tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(tag, loader.construct_sequence(node, deep=True))
    return Tagged(tag, loader.construct_mapping(node, deep=True))


_KeepTagsLoader.add_multi_constructor("", _construct_tagged)


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Dumper.add_representer(Tagged, _represent_tagged)


def load_site_config(config_file: Path) -> dict:
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8-sig"), Loader=_KeepTagsLoader) or {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"{config_file.name}:{mark.line + 1}:{mark.column + 1}" if mark else config_file.name
        raise ExportRefused(f"{where}: {error.problem}; fix the YAML (indent with spaces, quote values holding ': ')") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ExportRefused(f"{config_file.name}: cannot be read ({error})") from None
    if not isinstance(data, dict):
        raise ExportRefused(f"{config_file.name}: expected a mapping of settings (site_name: ..., theme: ...)")
    return data


def plugin_options(config: dict) -> dict:
    """The `course` plugin's settings in a parsed mkdocs.yml."""
    for plugin in _plugins(config):
        if isinstance(plugin, dict) and "course" in plugin:
            return plugin["course"] or {}
    return {}


def _plugins(config: dict) -> list:
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):  # mkdocs also accepts a mapping of name -> options
        return [{name: options} for name, options in plugins.items()]
    return list(plugins)


def _is_course_plugin(plugin: Any) -> bool:
    return plugin == "course" or (isinstance(plugin, dict) and "course" in plugin)


# --- the export --------------------------------------------------------------------


def export_project(config_file: Path, dest: Path, *, brand_name: str | None = None,
                   theme_dirs: list[Path] | None = None) -> ExportResult:
    """Validate and render the course behind `config_file`, then write a plain project to `dest`.

    With `brand_name`, the firm's copy in brands/<name>/ (as `build --brand` makes it).
    Raises CourseError (the course has errors; nothing is written) or ExportRefused.
    `theme_dirs` are override folders merged, later ones winning, into the project's
    custom_dir; by default the package's theme/ folder, then the project's own custom_dir.
    """
    config_file = Path(config_file).resolve()
    root = config_file.parent
    config = load_site_config(config_file)
    options = plugin_options(config)
    paths = CoursePaths.at(root, options.get("course_dir", "course"), options.get("quizzes_dir", "quizzes"))
    check_options = CheckOptions(min_questions=options.get("min_questions", 1))
    strict = bool(options.get("strict"))
    loaded = None
    if brand_name:
        course, loaded, warnings = prepare_branded(paths, brand_name, check_options, strict=strict,
                                                   brands_dir=options.get("brands_dir", brand.BRANDS_DIR))
    else:
        course, warnings = prepare(paths, check_options, strict=strict)
    if options.get("allow_html", True) is False:
        course = inert_lessons(course)  # as the plugin does: lesson tags shown as text
    site = render_site(course, contact=brand.contact_links(loaded) if loaded else [], brand_name=loaded.model.firm if loaded else "")

    dest = Path(dest).resolve()
    docs_dir = root / str(config.get("docs_dir") or "docs")
    check_destination(dest, project=root, content=[paths.course_dir, paths.quizzes_dir, docs_dir])
    if theme_dirs is None:
        theme_dirs = _theme_dirs(config, root)
    allow_html = options.get("allow_html", True) is not False
    custom_dir = THEME if theme_dirs or (loaded and loaded.model.theme_strings) else None
    plain = plain_config(config, site, title=course.settings.title, language=course.settings.language,
                         allow_html=allow_html, custom_dir=custom_dir)
    if loaded:
        _brand_config(plain, loaded, site.strings)

    _clear_previous(dest)
    docs = dest / DOCS
    for page in site.pages:
        _write(docs / page.path, page.content.encode("utf-8"))
    asset_files = assets.files() + site.files  # package assets, then the course's generated scripts
    for uri, content in asset_files:
        _write(docs / uri, content)
    generated = {p.path for p in site.pages} | {uri for uri, _ in asset_files}
    media = [rel for rel in _media_files(docs_dir, config.get("exclude_docs")) if rel not in generated]
    for rel in media:
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(docs_dir / rel, docs / rel)
    for folder in theme_dirs:
        _copy_theme(folder, dest / THEME)
    if loaded:
        _write(docs / brand.BRAND_CSS, brand.brand_css(loaded).encode("utf-8"))
        for uri, path in loaded.asset_files():
            _write(docs / uri, path.read_bytes())
        if loaded.model.theme_strings:  # Material's (and Zensical's) own strings, overridden
            template = brand.theme_strings_template(course.settings.language, loaded.model.theme_strings)
            _write(dest / THEME / "partials" / "languages" / "custom.html", template.encode("utf-8"))
    text = HEADER.format(version=__version__) + yaml.dump(plain, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    _write(dest / "mkdocs.yml", text.encode("utf-8"))
    _write(dest / MARKER, json.dumps({"generator": "coursegen", "version": __version__}).encode("utf-8"))
    if not (dest / ".gitignore").exists():  # what the engines write there: built site, Zensical's cache
        _write(dest / ".gitignore", b"site/\n.cache/\n")
    return ExportResult(dest, len(site.pages), len(asset_files), media, warnings, needs_coursegen=not allow_html)


def plain_config(config: dict, site: RenderedSite, *, title: str, language: str, allow_html: bool = True,
                 custom_dir: str | None = None) -> dict:
    """The project's mkdocs.yml without the course plugin, with what the plugin adds at build time."""
    plain = {key: value for key, value in config.items() if key not in {"docs_dir", "site_dir", "exclude_docs", "nav"}}
    if not plain.get("site_name") or plain.get("site_name") == "course":
        plain["site_name"] = title
    plain["docs_dir"] = DOCS
    plain["theme"] = _theme(config.get("theme"), language, custom_dir)
    plugins = [p for p in _plugins(config) if not _is_course_plugin(p)]
    if plugins or "plugins" in config:
        plain["plugins"] = plugins
    plain["markdown_extensions"] = _extensions(config.get("markdown_extensions"), allow_html)
    plain["extra_css"] = _add_missing(config.get("extra_css"), assets.stylesheets())
    plain["extra_javascript"] = _add_missing(config.get("extra_javascript"), site.scripts + assets.scripts())
    plain["nav"] = [_nav_entry(item) for item in site.nav]
    return plain


def _brand_config(plain: dict, loaded: brand.LoadedBrand, strings: dict[str, str]) -> None:
    """What the plugin's brand build sets: brand.site_settings, as plain config."""
    settings = brand.site_settings(loaded, strings)
    plain["theme"].update(settings.pop("theme"))
    plain.update(settings)
    if loaded.model.theme_strings:
        plain["theme"]["language"] = "custom"
    plain["extra_css"] = _add_missing(plain["extra_css"], brand.stylesheets(loaded))


def _theme(theme: Any, language: str, custom_dir: str | None) -> dict:
    theme = {"name": theme} if isinstance(theme, str) else dict(theme or {"name": "material"})
    theme["language"] = language
    # Zensical's default "modern" variant looks different; "classic" is Material's look.
    theme.setdefault("variant", "classic")
    # No font key means Google Fonts in both engines: a self-hosted course makes no outside request.
    theme.setdefault("font", False)
    if custom_dir:
        theme["custom_dir"] = custom_dir
    else:
        theme.pop("custom_dir", None)
    return theme


def _extensions(configured: Any, allow_html: bool) -> list:
    if isinstance(configured, dict):
        configured = [{name: options} if options else name for name, options in configured.items()]
    extensions = list(configured or [])
    names = {e if isinstance(e, str) else next(iter(e)) for e in extensions}
    wanted = REQUIRED_EXTENSIONS + ([] if allow_html else ["generator.site.markup"])
    return extensions + [name for name in wanted if name not in names]


def _add_missing(configured: Any, ours: list[str]) -> list:
    items = list(configured or [])
    present = {item if isinstance(item, str) else str(item.get("path")) for item in items if isinstance(item, (str, dict))}
    return items + [uri for uri in ours if uri not in present]


def _nav_entry(item: NavItem) -> Any:
    title = nav_title(item.title)  # both engines print nav titles as HTML, as the plugin's nav does
    if item.children:
        return {title: [_nav_entry(child) for child in item.children]}
    return {title: item.path}


def _theme_dirs(config: dict, root: Path) -> list[Path]:
    dirs = [PACKAGE_THEME] if PACKAGE_THEME.is_dir() else []
    theme = config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if isinstance(custom, str) and (root / custom).is_dir():
        dirs.append(root / custom)
    return dirs


# --- the destination ---------------------------------------------------------------


def check_destination(dest: Path, *, project: Path | None = None, content: list[Path] = ()) -> None:
    """Refuse anything but a missing folder, an empty one or a previous export.

    Never the project folder or one above it, and never inside the course or quiz folders.
    """
    inside = [f for f in content if dest.is_relative_to(f.resolve())]
    if inside or (project is not None and project.resolve().is_relative_to(dest)):
        raise ExportRefused(f"{dest}: this folder holds the course itself; export into a new folder, e.g. `export ../course-export`")
    if dest.exists() and not dest.is_dir():
        raise ExportRefused(f"{dest}: is a file, not a folder; give a new folder's name")
    if dest.is_dir() and any(dest.iterdir()) and not (dest / MARKER).is_file():
        raise ExportRefused(
            f"{dest}: the folder is not empty and is not a previous export (no {MARKER} in it); "
            "nothing was written. Give a new or empty folder, or the folder of an earlier export to refresh it."
        )


def _clear_previous(dest: Path) -> None:
    """Remove what an earlier export wrote; leave anything else (a built site/, a .git)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in (DOCS, THEME):
        if (dest / name).is_dir():
            shutil.rmtree(dest / name)


def _media_files(docs_dir: Path, exclude_docs: Any) -> list[str]:
    """Files next to the lessons (images, downloads) that the site serves as they are."""
    if not docs_dir.is_dir():
        return []
    patterns = [line.strip() for line in str(exclude_docs or "").splitlines() if line.strip() and not line.startswith("#")]
    found = []
    for path in sorted(docs_dir.rglob("*")):
        rel = path.relative_to(docs_dir).as_posix()
        if not path.is_file() or path.suffix.lower() in SOURCE_SUFFIXES:
            continue
        if any(part.startswith(".") for part in rel.split("/")) or _excluded(rel, patterns):
            continue
        found.append(rel)
    return found


def _excluded(rel: str, patterns: list[str]) -> bool:
    """The common subset of gitignore patterns that exclude_docs uses."""
    name = rel.rsplit("/", 1)[-1]
    for pattern in patterns:
        anchored = pattern.lstrip("/")
        if fnmatch.fnmatch(rel, anchored) or ("/" not in pattern.strip("/") and fnmatch.fnmatch(name, anchored)):
            return True
        if pattern.endswith("/") and (rel + "/").startswith(anchored):
            return True
    return False


def _copy_theme(source: Path, target: Path) -> None:
    """Copy an override folder; a partial Zensical renders differently gets an engine switch."""
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(source)
        zensical = ZENSICAL_PARTIALS / rel
        if zensical.is_file():
            text = ENGINE_SWITCH.format(zensical=zensical.read_text(encoding="utf-8").strip(),
                                        material=path.read_text(encoding="utf-8").strip())
            _write(target / rel, text.encode("utf-8"))
        else:
            _write(target / rel, path.read_bytes())


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
