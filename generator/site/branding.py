"""A brand's site: the stylesheet of its colours and fonts, its footer, contact, theme
settings and Material's strings, for any engine (the MkDocs plugin and the export alike).

Pure functions of a loaded brand; the CSS and the Material language partial are
templates in site/templates/brand/.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.load.brand import BRAND_ASSETS, LoadedBrand
from generator.model.colour import derive_palette
from generator.site import fonts
from generator.site.contact import Contact, contacts

BRAND_CSS = BRAND_ASSETS + "brand.css"  # generated: a brand file of that name would be replaced

_templates = Environment(loader=PackageLoader("generator.site", "templates/brand"), undefined=StrictUndefined,
                         trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)


def _css_string(text: str) -> str:
    return json.dumps(text)  # a double-quoted CSS string with escapes


def brand_css(brand: LoadedBrand) -> str:
    """CSS custom properties for Material's `custom` palette, fonts and @font-face
    (templates/brand/brand.css.j2); every colour text or a focus ring sits on is the
    brand's palette (model/colour.py), readable in both schemes."""
    m = brand.model
    faces = [{"family": _css_string(face.family), "url": _css_string(fonts.web_name(face.file)), "format": _css_string("woff2"),
              "weight": face.weight, "style": face.style} for face in m.fonts.files]  # published subset, as WOFF2
    return _templates.get_template("brand.css.j2").render(
        name=brand.name, firm=m.firm, faces=faces, fonts=m.fonts, p=derive_palette(m.colors.primary, m.colors.accent))


def web_fonts(brand: LoadedBrand, texts: Iterable[str]) -> list[tuple[str, bytes]]:
    """(site path, WOFF2 bytes) of each font face of the brand, subset to the characters of
    `texts` (site/fonts.py)."""
    chars = fonts.characters(texts)
    files = dict.fromkeys(face.file for face in brand.model.fonts.files)
    return [(brand.site_asset(fonts.web_name(file)), fonts.web_font(brand.file(file).read_bytes(), chars)) for file in files]


def brand_texts(brand: LoadedBrand) -> list[str]:
    """Every text of the brand's own that a page may show: titles, footer, contact, strings."""
    m = brand.model
    c = m.contact
    return [m.firm, m.site_title, m.footer or "", m.copyright or "", c.email or "", c.phone or "", c.web or "",
            *m.strings.values(), *m.theme_strings.values()]


def copyright_html(brand: LoadedBrand) -> str:
    """The footer line: copyright, footer text and contact, escaped."""
    m = brand.model
    parts = [html.escape(m.copyright or f"© {m.firm}")]
    if m.footer:
        parts.append(f'<span class="cq-brand-footer">{html.escape(m.footer.strip())}</span>')
    parts += [contact.html() for contact in brand_contacts(brand)]
    return " · ".join(parts)


def brand_contacts(brand: LoadedBrand) -> list[Contact]:
    """The contact details the brand gives, in the order email, phone, web."""
    c = brand.model.contact
    return contacts(c.email, c.phone, c.web)


def theme_strings_template(language: str, overrides: dict[str, str]) -> str:
    """Material's `partials/languages/custom.html`: the language's strings with overrides on
    top (templates/brand/languages-custom.html.j2)."""
    base = language.split("-")[0]
    entries = {"language": base, **overrides}
    body = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in entries.items())
    return _templates.get_template("languages-custom.html.j2").render(language=base, entries=body)


def site_settings(brand: LoadedBrand, strings: dict[str, str]) -> dict:
    """The site-level settings of a firm's copy, for any engine's config (plugin and export alike)."""
    settings = {  # the site's name is the SiteBuild's (site/build.py): the brand's site_title
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
             "toggle": {"icon": "material/weather-night", "name": strings["to_dark"]}}
    dark = {"scheme": "slate", "primary": "custom", "accent": "custom",
            "toggle": {"icon": "material/weather-sunny", "name": strings["to_light"]}}
    return {
        "logo": brand.site_asset(brand.model.logo),
        "favicon": brand.site_asset(brand.model.favicon),
        "font": False,
        "palette": [dark, light] if brand.model.scheme == "dark" else [light, dark],
    }


def stylesheets(brand: LoadedBrand) -> list[str]:
    """Site paths of the brand's stylesheets, generated one first."""
    return [BRAND_CSS] + [brand.site_asset(css) for css in brand.model.css]
