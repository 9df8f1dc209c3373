"""A brand: a firm's name, look, contact and language for its own copy of the course.

A brand is a folder, `brands/<name>/`, holding `brand.yml` and the files it names
(logo, favicon, fonts, extra CSS). It is validated like a lesson, through
loader.load_model, so a trainer sees `brands/acme/brand.yml:7:9: ...` for a mistake.
Asset paths must stay inside the brand folder: an absolute path, a `..` step or a
symbolic link that leads outside is refused, because a brand folder is what a firm
hands over and a build must not publish other files from the machine.

This module is core: it never imports mkdocs. `brand_css`, `copyright_html` and
`theme_settings` produce what any site engine needs (CSS custom properties, a footer
line, palette and logo settings). Its JSON Schema is written by generator/schema.py.
"""

from __future__ import annotations

import difflib
import html
import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints

from generator.errors import Finding, Severity, SourceLocation
from generator.i18n import known_keys, languages
from generator.load.course import CoursePaths, load_model
from generator.model.questions.base import Id, Strict, Text
from generator.source.document import SourceDocument

BRAND_FILE = "brand.yml"
BRANDS_DIR = "brands"


def _matches(pattern: str, message: str):
    def check(value: str) -> str:
        if not re.fullmatch(pattern, value):
            raise ValueError(message.format(value=value))
        return value
    return AfterValidator(check)


Hex = Annotated[
    str,
    _matches(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})",
             "'{value}' is not a hex colour: write it as \"#rrggbb\" in quotes, e.g. \"#0b5d4b\" (any hex value works)"),
    Field(description="A colour as #rgb or #rrggbb, e.g. '#0b5d4b' (quote it: # starts a YAML comment).",
          json_schema_extra={"pattern": "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"}),
]
AssetPath = Annotated[
    str,
    StringConstraints(min_length=1, max_length=300),
    Field(description="A file inside the brand folder, relative to brand.yml, e.g. logo.svg."),
]
Line = Annotated[str, StringConstraints(min_length=1, max_length=500)]
# A CSS font stack goes into the generated stylesheet as is: only names, quotes and commas.
FontStack = Annotated[str, StringConstraints(max_length=300), _matches(
    r"""[A-Za-z0-9 _.,'"-]+""", "'{value}' is not a font stack: write font names separated by commas, "
    "e.g. '\"Firm Sans\", Arial, sans-serif' (letters, digits, spaces, quotes and hyphens only)")]
SYSTEM_TEXT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif'
SYSTEM_CODE = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace'
FONT_FORMATS = {".woff2": "woff2", ".woff": "woff", ".ttf": "truetype", ".otf": "opentype"}


class Colors(Strict):
    primary: Hex = Field(description="Header, links and buttons.")
    accent: Hex = Field(description="Hover and focus highlights.")


class FontFile(Strict):
    family: Annotated[Line, _matches(r"[A-Za-z0-9 _.-]+", "'{value}' is not a font name: letters, digits, spaces and hyphens only")] = Field(
        description="The name CSS uses for this face, e.g. 'Firm Serif'.")
    file: AssetPath = Field(description="A .woff2, .woff, .ttf or .otf file in the brand folder.")
    weight: Literal["normal", "bold", "100", "200", "300", "400", "500", "600", "700", "800", "900"] = "normal"
    style: Literal["normal", "italic"] = "normal"


class Fonts(Strict):
    text: FontStack = Field(SYSTEM_TEXT, description="CSS font stack for body text; system fonts or a family from `files`.")
    code: FontStack = Field(SYSTEM_CODE, description="CSS font stack for code.")
    files: list[FontFile] = Field(default_factory=list, description="Self-hosted font files (never loaded from another host).")


class Contact(Strict):
    email: Annotated[str, _matches(r"[^@\s]+@[^@\s]+\.[^@\s]+", "'{value}' is not an email address, e.g. training@firm.example")] | None = None
    phone: Annotated[str, _matches(r"\+?[0-9 ()./-]{4,30}", "'{value}' is not a phone number: digits, spaces and + ( ) . / - only")] | None = None
    web: Annotated[str, _matches(r"https?://\S+", "'{value}' is not a web address: start it with https://")] | None = None


class Module(Strict):
    title: Text
    lessons: Annotated[list[Id], Field(min_length=1)]


class CourseOverlay(Strict):
    """What a brand changes in the course; lesson and quiz files live in the brand folder."""

    id: Id | None = Field(None, description="Course id for saved progress; default `<course id>-<brand name>`.")
    title: Text | None = Field(None, description="Course title on the home page; default the brand's site_title.")
    description: Text | None = Field(None, description="Home page introduction; default the base course's.")
    hide: list[Id] = Field(default_factory=list, description="Lesson ids of the base course to leave out.")
    lessons: list[Id] | None = Field(None, description="The whole lesson order (base and brand lessons).")
    modules: list[Module] | None = Field(None, description="The whole order as titled groups (instead of `lessons`).")
    final_quiz: Id | None = Field(None, description="Another final quiz (a brand quiz with `final: true`).")
    lessons_dir: AssetPath = Field("lessons", description="Folder of the brand's own and replacing lessons.")
    quizzes_dir: AssetPath = Field("quizzes", description="Folder of the brand's own and replacing quizzes.")


class Brand(Strict):
    firm: Line = Field(description="The firm's name, as shown in the footer.")
    site_title: Line = Field(description="The site's title in the header and the browser tab.")
    logo: AssetPath = Field(description="Logo file in the brand folder (SVG or PNG).")
    favicon: AssetPath = Field(description="Favicon file in the brand folder (SVG, PNG or ICO).")
    colors: Colors
    scheme: Literal["light", "dark"] = Field("light", description="The colour scheme learners see first; they may switch.")
    fonts: Fonts = Field(default_factory=Fonts)
    footer: Text | None = Field(None, description="A line of text in every page's footer.")
    contact: Contact = Field(default_factory=Contact)
    copyright: Line | None = Field(None, description="e.g. '© 2026 Firm GmbH'.")
    language: Annotated[str, _matches(r"[a-z]{2}(-[A-Z]{2})?", "'{value}' is not a language code: use en, de or es")] | None = Field(
        None, description="en, de or es: interface strings and Material's translations; default the course's."
    )
    site_url: Annotated[str, _matches(r"https?://[^\s?#]+/", "'{value}' is not a site address: write it in full, ending in /, e.g. https://intranet.example/training/rapport/")] | None = Field(
        None, description="Where the site will be published, e.g. https://intranet.example/training/rapport/; "
        "gives the 404 page working links under that sub-path (every other page works anywhere)."
    )
    css: list[AssetPath] = Field(default_factory=list, description="Extra stylesheets in the brand folder.")
    strings: dict[str, Text] = Field(default_factory=dict, description="Overrides of interface strings (see generator/i18n/strings.yml).")
    theme_strings: dict[str, Text] = Field(
        default_factory=dict, description="Overrides of Material's own strings, e.g. `search.placeholder`."
    )
    course: CourseOverlay = Field(default_factory=CourseOverlay)


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
        return f"assets/brand/{PurePosixPath(relative).as_posix()}"

    def asset_files(self) -> list[tuple[str, Path]]:
        """(site path, file) of every file the brand publishes."""
        m = self.model
        names = [m.logo, m.favicon, *m.css, *(f.file for f in m.fonts.files), *self.extra]
        return [(self.site_asset(n), self.file(n)) for n in dict.fromkeys(names)]


# `coursegen serve --brand NAME` passes NAME to the plugin through this variable
SERVE_BRAND_ENV = "COURSEGEN_SERVE_BRAND"


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
    if doc is not None and isinstance(doc.data, dict):  # string keys are reported even when other fields fail
        findings += _string_findings(doc)
    if model is None:
        return None, findings
    brand = LoadedBrand(name, folder, model, doc)
    findings += _asset_findings(brand)
    if model.language and model.language.split("-")[0] not in languages():
        findings.append(Finding(doc.location(("language",)), f"there are no quiz strings in '{model.language}' yet; they will be in English",
                                hint=f"translate them under `strings:` (keys in generator/i18n/strings.yml), or use one of: {', '.join(languages())}",
                                code="language", severity=Severity.WARNING, field="language"))
    return (None if any(f.is_error for f in findings) else brand), findings


# Strings a brand's pages use on top of generator/i18n/strings.yml; a brand may override them.
BRAND_STRINGS = {
    "en": {"contact": "Contact", "to_dark": "Switch to dark mode", "to_light": "Switch to light mode"},
    "de": {"contact": "Kontakt", "to_dark": "Dunkles Design einschalten", "to_light": "Helles Design einschalten"},
    "es": {"contact": "Contacto", "to_dark": "Cambiar al modo oscuro", "to_light": "Cambiar al modo claro"},
}


def brand_strings(language: str) -> dict[str, str]:
    return {**BRAND_STRINGS["en"], **BRAND_STRINGS.get(language.split("-")[0], {})}


def _asset_fields(model: Brand) -> list[tuple[tuple, str, tuple[str, ...]]]:
    """(data path, value, allowed suffixes) of every file a brand names."""
    fields = [(("logo",), model.logo, (".svg", ".png", ".jpg", ".jpeg", ".webp")),
              (("favicon",), model.favicon, (".svg", ".png", ".ico"))]
    fields += [(("css", i), css, (".css",)) for i, css in enumerate(model.css)]
    fields += [(("fonts", "files", i, "file"), f.file, tuple(FONT_FORMATS)) for i, f in enumerate(model.fonts.files)]
    return fields


def _asset_findings(brand: LoadedBrand) -> list[Finding]:
    findings = []
    for path, value, suffixes in _asset_fields(brand.model):
        problem = asset_problem(brand.folder, value, suffixes)
        if problem:
            message, hint = problem
            findings.append(Finding(brand.doc.location(path), message, hint=hint, code="brand-asset", field=_dotted(path)))
    if not findings:
        findings += _css_findings(brand)
    overlay = brand.model.course
    for key in ("lessons_dir", "quizzes_dir"):
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
    known = known_keys() | set(BRAND_STRINGS["en"])
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


# --- what a site engine needs ----------------------------------------------------


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def _mix(hex_colour: str, other: tuple[int, int, int], amount: float) -> str:
    r, g, b = _rgb(hex_colour)
    return _hex((r + (other[0] - r) * amount, g + (other[1] - g) * amount, b + (other[2] - b) * amount))


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def readable_on(hex_colour: str) -> str:
    """Black or white, whichever reads better on the colour."""
    lum = _luminance(hex_colour)
    return "#000000" if (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) else "#ffffff"


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


SLATE_BG = "#1e2029"  # Material's slate background, hsl(232, 15%, 14%)


def link_colour(colour: str, background: str) -> str:
    """The brand colour, darkened (on light) or lightened (on dark) just enough for
    body-text links to reach WCAG AA contrast (4.5:1) on the background."""
    towards = (0, 0, 0) if _luminance(background) > 0.5 else (255, 255, 255)
    for step in range(21):
        mixed = _mix(colour, towards, step / 20)
        if contrast(mixed, background) >= 4.5:
            return mixed
    return _hex(towards)


def _css_string(text: str) -> str:
    return json.dumps(text)  # a double-quoted CSS string with escapes


def brand_css(brand: LoadedBrand) -> str:
    """CSS custom properties for Material's `custom` palette, fonts and @font-face."""
    m = brand.model
    primary, accent = m.colors.primary.lower(), m.colors.accent.lower()
    on_primary = readable_on(primary)
    r, g, b = _rgb(accent)
    lines = [f"/* Brand '{brand.name}' ({m.firm}): generated from brand.yml. */"]
    for face in m.fonts.files:
        url = PurePosixPath(face.file).as_posix()
        fmt = FONT_FORMATS.get(PurePosixPath(face.file).suffix.lower(), "truetype")
        lines.append(
            "@font-face { font-family: %s; src: url(%s) format(%s); font-weight: %s; font-style: %s; font-display: swap; }"
            % (_css_string(face.family), _css_string(url), _css_string(fmt), face.weight, face.style)
        )
    lines += [
        ":root {",
        f"  --md-text-font: {m.fonts.text};",
        f"  --md-code-font: {m.fonts.code};",
        f"  --brand-primary: {primary};",
        f"  --brand-accent: {accent};",
        "}",
        '[data-md-color-primary="custom"] {',
        f"  --md-primary-fg-color: {primary};",
        f"  --md-primary-fg-color--light: {_mix(primary, (255, 255, 255), 0.25)};",
        f"  --md-primary-fg-color--dark: {_mix(primary, (0, 0, 0), 0.25)};",
        f"  --md-primary-bg-color: {on_primary};",
        f"  --md-primary-bg-color--light: {on_primary}b3;",
        f"  --md-typeset-a-color: {link_colour(primary, '#ffffff')};",
        "}",
        '[data-md-color-scheme="slate"][data-md-color-primary="custom"] {',
        f"  --md-typeset-a-color: {link_colour(primary, SLATE_BG)};",
        "}",
        '[data-md-color-accent="custom"] {',
        f"  --md-accent-fg-color: {accent};",
        f"  --md-accent-fg-color--transparent: rgba({r}, {g}, {b}, 0.1);",
        f"  --md-accent-bg-color: {readable_on(accent)};",
        "}",
        "body, input { font-family: var(--md-text-font), sans-serif; }",
        "code, kbd, pre { font-family: var(--md-code-font), monospace; }",
        # a hovered or focused button takes the accent colour: its text must follow (course.css keeps it link-coloured)
        ".md-typeset .cq-quiz .md-button:not(.md-button--primary):is(:hover, :focus) { color: var(--md-accent-bg-color); }",
        ".md-header__button.md-logo img { height: 1.6rem; width: auto; }",
        ".cq-brand-contact { margin-top: 2rem; }",
    ]
    return "\n".join(lines) + "\n"


def copyright_html(brand: LoadedBrand) -> str:
    """The footer line: copyright, footer text and contact, escaped."""
    m = brand.model
    parts = [html.escape(m.copyright or f"© {m.firm}")]
    if m.footer:
        parts.append(f'<span class="cq-brand-footer">{html.escape(m.footer.strip())}</span>')
    parts += [link for _, link in contact_links(brand)]
    return " · ".join(parts)


def contact_links(brand: LoadedBrand) -> list[tuple[str, str]]:
    """(kind, HTML link) for each contact detail the brand gives."""
    c = brand.model.contact
    out = []
    if c.email:
        out.append(("email", f'<a href="mailto:{html.escape(c.email)}">{html.escape(c.email)}</a>'))
    if c.phone:
        tel = re.sub(r"[^0-9+]", "", c.phone)
        out.append(("phone", f'<a href="tel:{tel}">{html.escape(c.phone)}</a>'))
    if c.web:
        out.append(("web", f'<a href="{html.escape(c.web)}">{html.escape(re.sub(r"^https?://", "", c.web).rstrip("/"))}</a>'))
    return out


def theme_strings_template(language: str, overrides: dict[str, str]) -> str:
    """Material's `partials/languages/custom.html`: the language's strings with overrides on top."""
    entries = {"language": language.split("-")[0], **overrides}
    body = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in entries.items())
    return (
        f'{{% import "partials/languages/{language.split("-")[0]}.html" as fallback %}}\n'
        "{% macro t(key) %}{{ {\n" + body + "\n}[key] or fallback.t(key) }}{% endmacro %}\n"
    )


def site_settings(brand: LoadedBrand, strings: dict[str, str]) -> dict:
    """The site-level settings of a firm's copy, for any engine's config (plugin and export alike)."""
    settings = {
        "site_name": brand.model.site_title,
        "copyright": copyright_html(brand),
        "use_directory_urls": False,  # lessons/x.html, not lessons/x/: the copy also works opened from disk
        "theme": theme_settings(brand, strings),
    }
    if brand.model.site_url:  # only the 404 page needs its sub-path; every other link is relative
        settings["site_url"] = brand.model.site_url
    return settings


def theme_settings(brand: LoadedBrand, strings: dict[str, str]) -> dict:
    """Theme settings for Material: logo, favicon, no Google Fonts, a `custom` palette
    whose first scheme is the brand's (learners may switch)."""
    light = {"scheme": "default", "primary": "custom", "accent": "custom",
             "toggle": {"icon": "material/weather-night", "name": strings.get("to_dark", "Switch to dark mode")}}
    dark = {"scheme": "slate", "primary": "custom", "accent": "custom",
            "toggle": {"icon": "material/weather-sunny", "name": strings.get("to_light", "Switch to light mode")}}
    return {
        "logo": brand.site_asset(brand.model.logo),
        "favicon": brand.site_asset(brand.model.favicon),
        "font": False,
        "palette": [dark, light] if brand.model.scheme == "dark" else [light, dark],
    }


def stylesheets(brand: LoadedBrand) -> list[str]:
    """Site paths of the brand's stylesheets, generated one first."""
    return [BRAND_CSS] + [brand.site_asset(css) for css in brand.model.css]


BRAND_CSS = "assets/brand/brand.css"
