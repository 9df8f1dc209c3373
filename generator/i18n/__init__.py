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
