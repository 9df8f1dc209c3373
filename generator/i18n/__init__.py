"""Interface strings by language, with course and brand overrides on top."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


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
