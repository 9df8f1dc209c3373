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
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator import __version__
from generator.engines import offline_search
from generator.errors import Finding, Refusal
from generator.load.brand import BRAND_ASSETS
from generator.load.settings import ProjectSettings, Tagged, is_course_plugin, plugins
from generator.site.build import INERT_EXTENSION, SiteBuild, build_site
from generator.site.markup import nav_title
from generator.site.sitemap import NavItem

MARKER = ".coursegen-export"
DOCS = "docs"
THEME = "theme"
SOURCE_SUFFIXES = (".yml", ".yaml")
# Zensical's own markup for partials where a Material 9 override would break Zensical.
ZENSICAL_PARTIALS = Path(__file__).resolve().parent / "zensical"
# Text written into the export, read at use: `header.yml` heads its mkdocs.yml ({version});
# `engine-switch.html.j2` is a partial holding both engines' markup ({zensical}, {material}),
# chosen by Jinja when the site is built: Zensical sets `generator` ("zensical-0.0.73") in
# every template, MkDocs does not.
TEMPLATES = Path(__file__).resolve().parent / "templates"


def _template(name: str, **values: str) -> str:
    """templates/`name` with each `{key}` of `values` replaced, in one pass (the values are not searched)."""
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    return re.sub(r"\{(" + "|".join(map(re.escape, values)) + r")\}", lambda match: values[match.group(1)], text)


class ExportRefused(Refusal):
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


# --- the export --------------------------------------------------------------------


def export_project(settings: ProjectSettings, dest: Path, *, brand_name: str | None = None) -> ExportResult:
    """Validate and render the project's course, then write a plain project to `dest`.

    With `brand_name`, the firm's copy in brands/<name>/ (as `build --brand` makes it).
    The site's theme overrides, then the project's own custom_dir, are merged (later ones
    winning) into the export's custom_dir. Raises CourseError (the course has errors;
    nothing is written) or ExportRefused (the destination is not ours to write, or
    cannot be written).
    """
    built = build_site(settings, brand_name)
    root, config = settings.root, settings.config
    dest = Path(dest).resolve()
    docs_dir = root / str(config.get("docs_dir") or "docs")
    check_destination(dest, project=root, content=[*settings.paths.content_dirs, docs_dir])
    theme_dirs = _theme_dirs(config, root, built)
    custom_dir = THEME if theme_dirs or built.theme_strings else None
    plain = plain_config(config, built, custom_dir=custom_dir)

    try:
        return _write_project(dest, built, plain, config, docs_dir, theme_dirs)
    except OSError as error:
        raise ExportRefused(f"{dest}: cannot be written ({error.strerror or error}); give a folder you may write to") from None


def _write_project(dest: Path, built: SiteBuild, plain: dict, config: dict, docs_dir: Path, theme_dirs: list[Path]) -> ExportResult:
    _clear_previous(dest)
    docs = dest / DOCS
    for page in built.pages:
        _write(docs / page.path, page.markdown().encode("utf-8"))
    for uri, content in built.files + (offline_search.site_files() if addressed_as_files(plain) else []):
        _write(docs / uri, content)
    generated = {p.path for p in built.pages} | {uri for uri, _ in built.files}
    media = [rel for rel in _media_files(docs_dir, config.get("exclude_docs")) if rel not in generated]
    for rel in media:
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(docs_dir / rel, docs / rel)
    for folder in theme_dirs:
        _copy_theme(folder, dest / THEME)
    if built.theme_strings:  # Material's (and Zensical's) own strings, overridden
        _write(dest / THEME / "partials" / "languages" / "custom.html", built.theme_strings.encode("utf-8"))
    text = _template("header.yml", version=__version__) + yaml.dump(plain, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    _write(dest / "mkdocs.yml", text.encode("utf-8"))
    _write(dest / MARKER, json.dumps({"generator": "coursegen", "version": __version__}).encode("utf-8"))
    if not (dest / ".gitignore").exists():  # what the engines write there: built site, Zensical's cache
        _write(dest / ".gitignore", b"site/\n.cache/\n")
    assets = sum(not path.startswith(BRAND_ASSETS) for path, _ in built.files)  # the package's and the course's
    return ExportResult(dest, len(built.pages), assets, media, built.warnings,
                        needs_coursegen=INERT_EXTENSION in built.markdown_extensions)


def plain_config(config: dict, built: SiteBuild, *, custom_dir: str | None = None) -> dict:
    """The project's mkdocs.yml without the course plugin, with what the plugin adds at build time."""
    plain = {key: value for key, value in config.items() if key not in {"docs_dir", "site_dir", "exclude_docs", "nav"}}
    plain["site_name"] = built.site_name
    plain["docs_dir"] = DOCS
    plain["theme"] = _theme(config.get("theme"), built.language, custom_dir)
    kept = [p for p in plugins(config) if not is_course_plugin(p)]
    if kept or "plugins" in config:
        plain["plugins"] = kept
    plain["markdown_extensions"] = _extensions(config.get("markdown_extensions"), built.markdown_extensions)
    plain["extra_css"] = _add_missing(config.get("extra_css"), built.stylesheets)
    plain["extra_javascript"] = _add_missing(config.get("extra_javascript"), built.scripts)
    plain["nav"] = [_nav_entry(item) for item in built.nav]
    plain["theme"].update(built.theme)
    plain.update(built.settings)
    if built.theme_strings:
        plain["theme"]["language"] = "custom"
    if addressed_as_files(plain):
        _search_from_disk(plain)
    return plain


def addressed_as_files(plain: dict) -> bool:
    """Whether the export's pages are lessons/x.html (a brand's copy, `use_directory_urls: false`), meant to open from disk."""
    return plain.get("use_directory_urls") is False


def _search_from_disk(plain: dict) -> None:
    """Search from file:// as the plugin gives it (engines/offline_search.py): the shim, the
    site's own file, as a polyfill, and Material's `offline` plugin to write
    search/search_index.js. That plugin adds unpkg.com's shim only when no polyfill names
    iframe-worker, and ours does."""
    extra = dict(plain.get("extra") or {})
    extra["polyfills"] = offline_search.with_shim(extra.get("polyfills"))
    plain["extra"] = extra
    found = plain.get("plugins", ["search"])  # MkDocs' default when mkdocs.yml names none
    names = [p if isinstance(p, str) else next(iter(p), "") for p in found]
    if {"search", "material/search"} & set(names) and not {"offline", "material/offline"} & set(names):
        plain["plugins"] = [*found, "offline"]


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


def _extensions(configured: Any, wanted: list[str]) -> list:
    if isinstance(configured, dict):
        configured = [{name: options} if options else name for name, options in configured.items()]
    extensions = list(configured or [])
    names = {e if isinstance(e, str) else next(iter(e)) for e in extensions}
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


def _theme_dirs(config: dict, root: Path, built: SiteBuild) -> list[Path]:
    dirs = [d for d in reversed(built.theme_dirs) if d.is_dir()]  # later ones win
    theme = config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if isinstance(custom, str) and (root / custom).is_dir():
        dirs.append(root / custom)
    return dirs


# --- the destination ---------------------------------------------------------------


def check_destination(dest: Path, *, project: Path | None = None, content: Sequence[Path] = ()) -> None:
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
            text = _template("engine-switch.html.j2", zensical=zensical.read_text(encoding="utf-8").strip(),
                             material=path.read_text(encoding="utf-8").strip())
            _write(target / rel, text.encode("utf-8"))
        else:
            _write(target / rel, path.read_bytes())


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
