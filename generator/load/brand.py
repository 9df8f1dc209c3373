"""A brand: a firm's name, look, contact and language for its own copy of the course.

A brand is a folder, `brands/<name>/`, holding `brand.yml` and the files it names
(logo, favicon, fonts, extra CSS). It is validated like a lesson, through
load/course.load_model, so a trainer sees `brands/acme/brand.yml:7:9: ...` for a mistake.
Asset paths must stay inside the brand folder: an absolute path, a `..` step or a
symbolic link that leads outside is refused, because a brand folder is what a firm
hands over and a build must not publish other files from the machine.

The brand file's models are in model/brand.py; what a brand makes of the site (its
stylesheet, footer, contact, theme settings) is in site/branding.py.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from generator.errors import Finding, Severity, SourceLocation, spoken_path
from generator.i18n import known_keys, language_hint, missing_strings
from generator.load.course import CoursePaths, load_model
from generator.model.brand import FAVICON_FORMATS, FONT_FORMATS, LOGO_FORMATS, Brand
from generator.model.colour import derive_palette
from generator.source.document import SourceDocument

BRAND_FILE = "brand.yml"
BRANDS_DIR = "brands"
BRAND_ASSETS = "assets/brand/"  # where a brand's files are published in the site


@dataclass
class LoadedBrand:
    """A validated brand with its folder and the files it names."""

    name: str
    folder: Path
    model: Brand
    doc: SourceDocument
    extra: list[str] = field(default_factory=list)  # files its stylesheets refer to (images, fonts)

    def file(self, relative: str) -> Path:
        return self.folder / relative

    def site_asset(self, relative: str) -> str:
        """Where a brand file is published in the site."""
        return BRAND_ASSETS + PurePosixPath(relative).as_posix()

    def asset_files(self) -> list[tuple[str, Path]]:
        """(site path, file) of every file the brand publishes as it is: all but the font
        faces of `fonts.files`, which the build publishes subset, as WOFF2 (site/fonts.py),
        unless a brand stylesheet refers to the file itself."""
        m = self.model
        names = [m.logo, m.favicon, *m.css, *self.extra]
        return [(self.site_asset(n), self.file(n)) for n in dict.fromkeys(names)]


def brand_dir(root: Path, name: str, brands_dir: str = BRANDS_DIR) -> Path:
    return Path(root) / brands_dir / name


def list_brands(root: Path, brands_dir: str = BRANDS_DIR) -> list[str]:
    folder = Path(root) / brands_dir
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / BRAND_FILE).is_file())


def load_brand(paths: CoursePaths, name: str, brands_dir: str = BRANDS_DIR) -> tuple[LoadedBrand | None, list[Finding]]:
    """Read and check brands/<name>/brand.yml; every problem is a finding with file:line."""
    folder = brand_dir(paths.root, name, brands_dir)
    file = folder / BRAND_FILE
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        return None, [Finding(SourceLocation(name), f"'{name}' is not a valid brand name",
                              hint="brand folder names use lowercase letters, digits and hyphens", code="brand-name")]
    if not file.is_file():
        known = list_brands(paths.root, brands_dir)
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else (
            f"known brands: {', '.join(known)}" if known else f"create {paths.show(file)} (see README.md, 'Brands')")
        return None, [Finding(SourceLocation(paths.show(file)), f"there is no brand '{name}'", hint=hint, code="missing-file")]
    findings: list[Finding] = []
    model, doc = load_model(file, Brand, paths, findings)
    findings = [_missing_file_field(f, paths.show(folder)) for f in findings]
    if doc is not None and isinstance(doc.data, dict):  # string keys are reported even when other fields fail
        findings += _string_findings(doc)
    if model is None:
        return None, findings
    brand = LoadedBrand(name, folder, model, doc)
    findings += _asset_findings(brand) + colour_notes(brand)
    if model.language and (missing := missing_strings(model.language, model.strings)):
        given = len(known_keys()) - len(missing)
        findings.append(Finding(doc.location(("language",)), f"there are no interface strings in '{model.language}'"
                                + (f", and `strings:` gives {given} of {len(known_keys())}" if given else ""),
                                hint=language_hint(paths.show(file)), code="language", field="language"))
    return (None if any(f.is_error for f in findings) else brand), findings


# field -> (what it is, the formats accepted, an example name)
_FILE_FIELDS = {"logo": ("the logo shown in the site's header", LOGO_FORMATS, "logo.svg"),
                "favicon": ("the icon shown in the browser tab", FAVICON_FORMATS, "favicon.svg")}


def _missing_file_field(finding: Finding, folder: str) -> Finding:
    """A missing `logo:` or `favicon:` said as what it is: a file the firm puts in the
    brand's folder, in one of the formats browsers show there."""
    name = finding.message.removeprefix("missing required field '").removesuffix("'")
    if finding.code != "missing" or finding.named or name not in _FILE_FIELDS:
        return finding
    what, formats, example = _FILE_FIELDS[name]
    return replace(finding, message=f"missing required field '{name}': {what}, a file in {folder}/",
                   hint=f"put the file in {folder}/ ({', '.join(formats)}) and name it here, e.g. `{name}: {example}`")


def colour_notes(brand: LoadedBrand) -> list[Finding]:
    """A note for each use of a brand colour that had to change to stay readable (model/colour.py)."""
    palette = derive_palette(brand.model.colors.primary, brand.model.colors.accent)
    return [Finding(brand.doc.location(tuple(a.field.split("."))), a.message(), code="brand-colour", severity=Severity.NOTE,
                    field=a.field) for a in palette.adjustments]


def _asset_fields(model: Brand) -> list[tuple[tuple[str | int, ...], str, tuple[str, ...]]]:
    """(data path, value, allowed suffixes) of every file a brand names."""
    fields: list[tuple[tuple[str | int, ...], str, tuple[str, ...]]] = [(("logo",), model.logo, LOGO_FORMATS),
                                                                       (("favicon",), model.favicon, FAVICON_FORMATS)]
    fields += [(("css", i), css, (".css",)) for i, css in enumerate(model.css)]
    fields += [(("fonts", "files", i, "file"), f.file, tuple(FONT_FORMATS)) for i, f in enumerate(model.fonts.files)]
    return fields


def _asset_findings(brand: LoadedBrand) -> list[Finding]:
    findings = []
    for path, value, suffixes in _asset_fields(brand.model):
        problem = asset_problem(brand.folder, value, suffixes)
        if problem:
            message, hint = problem
            findings.append(Finding(brand.doc.location(path), message, hint=hint, code="brand-asset", field=_dotted(path),
                                    subject=spoken_path(path, brand.doc.data)))
    if not findings:
        findings += _css_findings(brand)
    overlay = brand.model.course
    for key in ("lessons_dir", "quizzes_dir", "scenarios_dir"):
        value = getattr(overlay, key)
        problem = asset_problem(brand.folder, value, None, folder=True)
        if problem:
            findings.append(Finding(brand.doc.location(("course", key)), problem[0], hint=problem[1], code="brand-asset",
                                    field=f"course.{key}"))
    return findings


_CSS_REFERENCE = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]*)\3""", re.I)


def _css_findings(brand: LoadedBrand) -> list[Finding]:
    """Check what brand stylesheets refer to: files in the brand folder are published with
    the site; anything on another host (fonts, images, @import) or outside the folder is refused."""
    findings = []
    for css in brand.model.css:
        text = brand.file(css).read_text("utf-8", errors="replace")
        shown = f"{brand.doc.file.rsplit('/', 1)[0]}/{css}" if "/" in brand.doc.file else css
        for match in _CSS_REFERENCE.finditer(text):
            start = match.start(2) if match.group(2) is not None else match.start(4)
            value = (match.group(2) if match.group(2) is not None else match.group(4)).strip()
            if not value or value.startswith(("data:", "#")):
                continue
            where = SourceLocation(shown, text.count("\n", 0, start) + 1, start - (text.rfind("\n", 0, start) + 1) + 1)
            problem = _css_reference_problem(brand, css, value)
            if problem:
                findings.append(Finding(where, problem[0], hint=problem[1], code="outside-request" if "host" in problem[0] else "brand-asset"))
    return findings


def _css_reference_problem(brand: LoadedBrand, css: str, value: str) -> tuple[str, str] | None:
    if re.match(r"^([a-z][a-z0-9+.-]*:)?//", value, re.I) or re.match(r"^[a-z][a-z0-9+.-]*:", value, re.I):
        return (f"'{value}' loads a file from another host; the site must not",
                "copy the file into the brand folder and refer to it by a relative path")
    relative = posixpath.normpath(posixpath.join(posixpath.dirname(css), value.split("?")[0].split("#")[0]))
    if value.startswith("/") or relative.startswith("../") or relative == "..":
        return f"'{value}' leads out of the brand folder", "refer to a file in the brand folder by a relative path"
    problem = _path_problem(brand.folder, relative, None, want_dir=False)
    if problem is None and relative not in brand.extra:
        brand.extra.append(relative)
    return problem


def asset_problem(base: Path, value: str, suffixes: tuple[str, ...] | None, *, folder: bool = False) -> tuple[str, str] | None:
    """Why a brand's file path is refused, as (message, hint), or None when it is fine."""
    return _path_problem(base, value, suffixes, want_dir=folder)


def _path_problem(base: Path, value: str, suffixes, want_dir: bool) -> tuple[str, str] | None:
    inside = "put the file in the brand folder and name it relative to brand.yml, e.g. logo.svg"
    pure = PurePosixPath(value.replace("\\", "/"))
    if pure.is_absolute() or re.match(r"^[A-Za-z]:", value) or value.startswith("~"):
        return f"'{value}' is an absolute path; brand files must be inside the brand folder", inside
    if ".." in pure.parts:
        return f"'{value}' leads out of the brand folder ('..')", inside
    if re.match(r"^[a-z][a-z0-9+.-]*:", value, re.I):
        return f"'{value}' is an address on another host; the site must not load anything from elsewhere", inside
    target = base / pure
    real_base = base.resolve()
    try:
        target.resolve().relative_to(real_base)
    except ValueError:
        return f"'{value}' is a symbolic link to a file outside the brand folder", "copy the file into the brand folder instead of linking to it"
    if want_dir:
        return None if not target.exists() or target.is_dir() else (f"'{value}' is a file, not a folder", "name a folder")
    if not target.is_file():
        return f"the file '{value}' does not exist in {base.name}/", inside
    if suffixes and target.suffix.lower() not in suffixes:
        return f"'{value}' has the wrong kind of file for this field", f"use one of: {', '.join(suffixes)}"
    return None


def _string_findings(doc) -> list[Finding]:
    findings = []
    known = known_keys()
    strings, theme = doc.data.get("strings"), doc.data.get("theme_strings")
    for key in strings if isinstance(strings, dict) else {}:
        if key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
            findings.append(Finding(doc.location(("strings", key), key=True), f"unknown interface string '{key}'",
                                    hint=f"did you mean '{close[0]}'?" if close else "see generator/i18n/strings.yml for the keys",
                                    code="unknown-string", field="strings"))
    for key in theme if isinstance(theme, dict) else {}:
        if not re.fullmatch(r"[a-z][a-z0-9_.-]*", key):
            findings.append(Finding(doc.location(("theme_strings", key), key=True), f"'{key}' is not a theme string key",
                                    hint="use Material's keys, e.g. search.placeholder or footer.next", code="unknown-string",
                                    field="theme_strings"))
    return findings


def _dotted(path: tuple) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


