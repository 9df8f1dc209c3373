"""Translation files written from units: the one form import writes (and the shipped
translations are in), so that export followed by import changes no byte.

A file is its source's structure (ids, question types, `correct:` marks) with the
translated text of each field that has one, and `source_hashes:` last. Multi-line text
is written as a literal block (`|`), as trainers write lessons.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from generator.model.translation import HASHES_KEY, Path_, dotted, skeleton, text_hash, texts

HEADER = ("# Translation into {language} of {source}: text only. Ids, answers and order come from the source;\n"
          "# `source_hashes:` records the source text each field was translated from (coursegen translations import writes it).\n")


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def render(language: str, source_file: str, source: BaseModel, translated: dict[Path_, str],
           hashes: dict[Path_, str]) -> str:
    """The text of a translation file: `translated` maps a source path to its translation,
    `hashes` a source path to the hash recorded for it (default: the current source's)."""
    data: dict[str, Any] = skeleton(source, translated)
    current = dict(texts(source))
    data[HASHES_KEY] = {dotted(p): hashes.get(p, text_hash(current[p])) for p in current if p in translated}
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)
    return HEADER.format(language=language, source=source_file) + body


def write_if_changed(path: Path, text: str) -> bool:
    """Write `text` to `path` unless it holds exactly that already; whether it wrote."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(text, encoding="utf-8", newline="\n")
    temp.replace(path)
    return True
