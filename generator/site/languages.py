"""The languages of a course built side by side (`build --all-langs`): their names for
Material's language switcher (`extra.alternate`) and the page at the top of the output."""

from __future__ import annotations

INDEX_MARKER = "coursegen: languages index"  # tells our page from a trainer's own index.html


def language_name(code: str) -> str:
    """A language's name in that language (Babel's CLDR data), e.g. de -> Deutsch; the code
    itself for a language Babel does not know."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:] if name else code


def alternates(codes: list[str]) -> list[dict[str, str]]:
    """Material's `extra.alternate` entries: each language's home, relative to the site's root."""
    return [{"name": language_name(code), "link": f"../{code}/", "lang": code} for code in codes]


def language_index(codes: list[str], title: str) -> str:
    """The top page: it redirects to the first language (the course's own) and links every one."""
    # Jinja2 only here: `coursegen check` imports this module (through cli/build.py) and needs no templates
    from jinja2 import Environment, PackageLoader, select_autoescape

    templates = Environment(loader=PackageLoader("generator.site", "templates"), autoescape=select_autoescape(["html.j2"]),
                            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return templates.get_template("languages-index.html.j2").render(
        default=codes[0], title=title, languages=[(code, language_name(code)) for code in codes], marker=INDEX_MARKER)
