"""Interface strings by language, with course and brand overrides on top.

A string with a count carries its plural forms in ICU MessageFormat's plural syntax,
`{n, plural, one {# lesson} other {# lessons}}` (`#` is the number, `=0 {...}` an exact
match), so that every language says "1 lesson" and "2 lessons" its own way. The form is
chosen by the language's CLDR plural rules: Babel's at build time (`format_text`), the
browser's `Intl.PluralRules` at run time (`CourseKit.plural`, assets/language.js), with
the same patterns; no rule is written by hand.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from babel import Locale

# The same patterns as assets/language.js: a plural block (one level of nested braces), its forms.
PLURAL = r"\{(\w+), plural,((?:[^{}]|\{[^{}]*\})*)\}"
FORM = r"(=?\w+) *\{([^{}]*)\}"
_PLURAL, _FORM, _NAME = re.compile(PLURAL), re.compile(FORM), re.compile(r"\{(\w+)\}")


@cache
def _tables() -> dict[str, dict[str, str]]:
    return yaml.load(resources.files(__package__).joinpath("strings.yml").read_text("utf-8"), Loader=yaml.CSafeLoader)


def languages() -> list[str]:
    return sorted(_tables())


def strings_for(language: str, *overrides: dict[str, str]) -> dict[str, str]:
    """English, then the language's own strings, then each override in turn."""
    tables = _tables()
    merged = dict(tables["en"])
    merged.update(tables.get(language.split("-")[0], {}))
    for override in overrides:
        merged.update(override or {})
    return merged


@cache
def _locale(language: str) -> Locale | None:
    from babel import Locale, UnknownLocaleError  # only plural forms need Babel: `coursegen check` never loads it

    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def plural_category(language: str, count: object) -> str:
    """The CLDR plural category (`zero`, `one`, `two`, `few`, `many`, `other`) of `count` in
    `language` (a BCP 47 code such as `de` or `pt-BR`), by Babel; `other` for a language
    Babel does not know or a count that is not a number."""
    locale = _locale(language)
    if locale is None or isinstance(count, bool) or not isinstance(count, int | float):
        return "other"
    return locale.plural_form(count)


def format_text(text: str, language: str, values: dict[str, object]) -> str:
    """`text` with each plural block resolved for its count and each `{name}` replaced:
    `format_text("{n, plural, one {# lesson} other {# lessons}}", "en", {"n": 1})` is `1 lesson`.
    A name without a value stays as written."""
    def plural(match: re.Match) -> str:
        name, count = match.group(1), values.get(match.group(1))
        forms: dict[str, str] = dict(_FORM.findall(match.group(2)))
        chosen = forms.get(f"={count}", forms.get(plural_category(language, count), forms.get("other", "")))
        return chosen.replace("#", str(count)) if name in values else match.group(0)

    text = _PLURAL.sub(plural, text)
    return _NAME.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)


def placeholders(text: str) -> set[str]:
    """The names of `text`'s `{name}` placeholders and plural blocks."""
    return set(re.findall(r"\{(\w+)[},]", text))


def known_keys() -> set[str]:
    return set(_tables()["en"])


def missing_strings(language: str, strings: dict[str, str]) -> list[str]:
    """The interface strings a course in `language` lacks: none for a language with its own
    table, else every key that `strings` does not give."""
    if language.split("-")[0] in languages():
        return []
    return sorted(known_keys() - set(strings))


def language_hint(strings_file: str) -> str:
    return (f"use one of {', '.join(languages())}; or translate every interface string under `strings:` in {strings_file}: "
            "the keys and the English text are in generator/i18n/strings.yml")
