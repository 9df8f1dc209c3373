"""Translations of a course: which fields are text, and what a translation file holds.

A translation file (`translations/<lang>/course.yml`, `lessons/<id>.yml`,
`quizzes/<id>.yml`, `scenarios/<id>.yml`) mirrors its source file: the same ids, question types and
`correct:` marks, in the same order, with the text translated. Everything else
(minutes, points, pass marks, links between files) comes from the source and is not
written there. `source_hashes:` records, per text field, a hash of the source text the
translation was made from, so that `check` can name the fields whose source changed.

Which fields are text is read off the content models: a field typed `Text` (or a list of
`Text`) is translatable; `id`, `type` and `correct` are the structure a translation must
keep; every other field is the source's alone. A new content type becomes
translatable by being listed in `KINDS` (load/translation.py) with its folder. A model may
name more structure fields in `TRANSLATION_STRUCTURE` (a scenario's choice: `to`, `points`; a dialogue's
line: `speaker`, `mark`).
"""

from __future__ import annotations

import difflib
import hashlib
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from generator.model.questions.base import Text

_TEXT_MARK = typing.get_args(Text)[1]  # the StringConstraints that only `Text` carries
STRUCTURE_FIELDS = ("id", "type", "correct")  # written in a translation, and must equal the source's
ANCHORS = ("id", "to")  # of these, the ones a model has must be written: they tie each translated piece to its source
HASHES_KEY = "source_hashes"
HASH_LENGTH = 12  # hex digits of SHA-256: a changed sentence is told apart, the file stays readable

Path_ = tuple  # (field, index, field, ...) as in SourceDocument


def text_hash(text: str) -> str:
    """The recorded version of a source text: 12 hex digits of its SHA-256 (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def dotted(path: Path_) -> str:
    """`("sections", 2, "body")` -> `sections[2].body`, the form findings and hashes use."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def structure_fields(model: BaseModel) -> tuple[str, ...]:
    """The fields of `model` a translation writes as in the source (and that must equal it)."""
    return STRUCTURE_FIELDS + getattr(type(model), "TRANSLATION_STRUCTURE", ())


def _is_text(annotation: Any, metadata: list | tuple = ()) -> bool:
    if any(m == _TEXT_MARK for m in metadata):
        return True
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _is_text(typing.get_args(annotation)[0], annotation.__metadata__)
    if origin in (typing.Union, types.UnionType):
        return any(_is_text(arg) for arg in typing.get_args(annotation) if arg is not type(None))
    return False


def _list_of_text(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _list_of_text(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return any(_list_of_text(arg) for arg in typing.get_args(annotation) if arg is not type(None))
    return origin is list and _is_text(typing.get_args(annotation)[0])


def texts(model: BaseModel, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every translatable text of a content model, as (path, text), in file order."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None:
            continue
        here = (*path, name)
        if isinstance(value, str) and _is_text(info.annotation, info.metadata):
            yield here, value
        elif isinstance(value, list) and _list_of_text(info.annotation):
            yield from (((*here, i), item) for i, item in enumerate(value))
        elif isinstance(value, BaseModel):
            yield from texts(value, here)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from texts(item, (*here, i))


def skeleton(model: BaseModel, translated: dict[Path_, str], path: Path_ = ()) -> dict[str, Any]:
    """The translation file's data for `model`: its structure fields, and the text of each
    field `translated` gives (a field it does not give is left out: the source shows)."""
    out: dict[str, Any] = {}
    fields = type(model).model_fields
    structure = structure_fields(model)
    for name, info in sorted(fields.items(), key=lambda item: item[0] not in ("id", "type")):  # anchors first
        value = getattr(model, name)
        here = (*path, name)
        if name in structure and value not in (None, False):
            out[name] = value
        elif isinstance(value, str) and _is_text(info.annotation, info.metadata):
            if here in translated:
                out[name] = translated[here]
        elif isinstance(value, list) and _list_of_text(info.annotation):
            if value and all((*here, i) in translated for i in range(len(value))):
                out[name] = [translated[(*here, i)] for i in range(len(value))]
        elif isinstance(value, BaseModel):
            inner = skeleton(value, translated, here)
            if _has_text(inner, value):
                out[name] = inner
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            inner_list = [skeleton(item, translated, (*here, i)) for i, item in enumerate(value)]
            if any(_has_text(item, child) for item, child in zip(inner_list, value, strict=True)):
                out[name] = inner_list
    return out


def _has_text(data: dict[str, Any], model: BaseModel) -> bool:
    return any(key not in structure_fields(model) for key in data)


@dataclass
class TranslatedFile:
    """One translation file, read: what it translates and the text it gives.

    `texts` maps a source field's path to its translation; `hashes` the dotted path to the
    hash recorded for it (`text_hash` of the source text it was made from)."""

    language: str
    kind: str  # "course", "lesson", "quiz", "scenario"
    id: str
    file: str  # shown path, e.g. translations/de/lessons/rapport-trap.yml
    doc: Any  # its SourceDocument: positions for findings
    source: BaseModel  # the source model it translates (before translation)
    texts: dict[Path_, str] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)


@dataclass
class Translation:
    """A course's translation into `language`: the files read, and what fell back.

    `fallbacks[(kind, id)]` lists the paths of the source texts shown in `source_language`
    because the translation does not give them (every path, when it has no usable file)."""

    language: str
    source_language: str
    folder: str  # shown path, e.g. translations/de
    files: dict[tuple[str, str], TranslatedFile] = field(default_factory=dict)
    fallbacks: dict[tuple[str, str], list[Path_]] = field(default_factory=dict)
    source_files: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) -> source's shown path

    def item_lang(self, kind: str, item_id: str, field_name: str, child_id: str, *prefix: Any) -> str:
        """`fallback_lang` of the list entry whose id is `child_id` (a quiz's question; under
        `prefix` inside it), found by its place in the source: a brand may have left others out."""
        entry = self.files.get((kind, item_id))
        children = getattr(entry.source, field_name, None) if entry is not None else None
        ids = [getattr(child, "id", None) for child in children or []]
        if child_id not in ids:
            return self.fallback_lang(kind, item_id)
        return self.fallback_lang(kind, item_id, field_name, ids.index(child_id), *prefix)

    def fallback_lang(self, kind: str, item_id: str, *prefix: Any) -> str:
        """The source language when any text of (kind, id) under `prefix` falls back, else ""."""
        paths = self.fallbacks.get((kind, item_id), ())
        return self.source_language if any(p[:len(prefix)] == prefix for p in paths) else ""


Problem = tuple[Path_, str, str, str]  # (path in the translation file, message, hint, code)


def compare(source: BaseModel, data: Any, path: Path_ = ()) -> tuple[dict[Path_, str], list[Problem]]:
    """Read a translation file's data against the source model it translates: the text it
    gives (path -> text), and what is wrong with it. A different id, question type, order,
    count of options, items or sections, or a different `correct:` mark is a
    `translation-structure` problem: answers must grade the same in every language."""
    found: dict[Path_, str] = {}
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return found, [(path, "expected fields (`key: value` lines)", "indent the translated fields under this key", "wrong-type")]
    fields = type(source).model_fields
    structure = structure_fields(source)
    for key, value in data.items():
        here = (*path, key)
        info = fields.get(key) if isinstance(key, str) else None
        if info is None:
            if not (path == () and key == HASHES_KEY):
                close = difflib.get_close_matches(str(key), _allowed(source), n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'?" if close else f"a translation gives only {', '.join(_allowed(source))}"
                problems.append((here, f"unknown field '{key}'", hint, "extra-forbidden"))
            continue
        mine = getattr(source, key)
        if key in structure:
            if _plain(value, mine) != mine:
                problems.append(_structure(here, key, value, mine))
        elif isinstance(mine, str) and _is_text(info.annotation, info.metadata):
            _text(value, here, found, problems)
        elif isinstance(mine, list) and _list_of_text(info.annotation):
            if not _same_length(value, mine, here, problems):
                continue
            for i, item in enumerate(value):
                _text(item, (*here, i), found, problems)
        elif isinstance(mine, BaseModel):
            _merge(compare(mine, value, here), found, problems)
        elif isinstance(mine, list) and mine and isinstance(mine[0], BaseModel):
            if _same_length(value, mine, here, problems):
                for i, (item, theirs) in enumerate(zip(mine, value, strict=True)):
                    _merge(compare(item, theirs, (*here, i)), found, problems)
        else:
            problems.append((here, f"'{key}' comes from the source file, not the translation", "delete this line", "not-translatable"))
    for anchor in ANCHORS:
        if anchor in structure and getattr(source, anchor, None) is not None and anchor not in data:
            problems.append((path, f"missing field '{anchor}'", f"add `{anchor}: {getattr(source, anchor)}`: "
                             f"{_ANCHOR_WHY[anchor]}", "translation-structure"))
    return found, problems


_ANCHOR_WHY = {"id": "ids anchor each translated piece to its source",
               "to": "each reply names where it leads, so the replies stay in the source's order"}


def _plain(value: Any, like: Any = None) -> Any:
    """A structure value as YAML means it (the reader keeps scalars as written: `true`);
    a number where the source's value (`like`) is one (`points: 2`)."""
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if isinstance(like, int) and not isinstance(like, bool) and isinstance(value, str) and re.fullmatch(r"[+-]?[0-9]+", value.strip()):
        return int(value)
    return value


def _allowed(source: BaseModel) -> list[str]:
    names = [n for n, i in type(source).model_fields.items()
             if n in structure_fields(source) or _is_text(i.annotation, i.metadata) or _list_of_text(i.annotation)
             or isinstance(getattr(source, n), BaseModel)
             or (isinstance(getattr(source, n), list) and getattr(source, n) and isinstance(getattr(source, n)[0], BaseModel))]
    return names


def _structure(here: Path_, key: str, value: Any, mine: Any) -> Problem:
    what = {"id": "id", "type": "question type", "correct": "`correct:` mark", "to": "`to:` target", "points": "`points:` value",
            "speaker": "speaker", "mark": "`mark:`"}[key]
    hint = {"id": "translate in the source's order, under the source's ids",
            "type": "keep the source's question type", "correct": "answers come from the source: copy its `correct:` marks",
            "to": "translate the replies in the source's order: each leads where the source's does",
            "points": "points come from the source: copy its `points:`, or leave them out",
            "speaker": "translate each line in the source's order, with the source's speaker",
            "mark": "marks come from the source: copy its `mark:`, or leave it out"}[key]
    return here, f"the {what} is {_shown(value, mine)} where the source has {_shown(mine)}", hint, "translation-structure"


def _shown(value: Any, like: Any = None) -> str:
    value = _plain(value, like)
    return str(value).lower() if isinstance(value, bool) else repr(value)


def _same_length(value: Any, mine: list, here: Path_, problems: list[Problem]) -> bool:
    if not isinstance(value, list):
        problems.append((here, "expected a list", "write each item on its own line starting with '- '", "wrong-type"))
        return False
    if len(value) != len(mine):
        problems.append((here, f"has {len(value)} item(s) where the source has {len(mine)}",
                         "translate each of the source's items, in its order: no more, no fewer", "translation-structure"))
        return False
    return True


def _text(value: Any, here: Path_, found: dict[Path_, str], problems: list[Problem]) -> None:
    if isinstance(value, str) and value.strip():
        found[here] = value
    else:
        problems.append((here, "expected text", "write the translated text, or delete the line to show the source's", "wrong-type"))


def _merge(result: tuple[dict[Path_, str], list[Problem]], found: dict[Path_, str], problems: list[Problem]) -> None:
    found.update(result[0])
    problems.extend(result[1])
