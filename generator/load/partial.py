"""The valid part of a lesson or quiz file that failed validation.

pydantic refuses a whole quiz for one broken question, and the integrity checks then never
see its other questions: a trainer would fix one error per run. The loader keeps, per
failed file, every question (or section) that validates on its own, so that the checks of
one question at a time (check/pipeline.py HELD_BACK_RULES) still run on them. What is kept
is never built: the file's validation errors stop the build.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from generator.model.course import Lesson, Quiz, Section
from generator.model.questions import Question
from generator.source.document import SourceDocument

# the list of each model whose entries validate one by one
_PARTS: dict[type[BaseModel], tuple[str, TypeAdapter]] = {Quiz: ("questions", TypeAdapter(Question)),
                                              Lesson: ("sections", TypeAdapter(Section))}


def valid_part(doc: SourceDocument, model: type[BaseModel], stem: str) -> tuple[Lesson | Quiz, SourceDocument] | None:
    """A stand-in item (id `stem`, only its valid questions or sections, no other field set)
    and its source renumbered to match, or None when nothing in the file validates alone."""
    if model not in _PARTS or not isinstance(doc.data, dict):
        return None
    field, adapter = _PARTS[model]
    entries = doc.data.get(field)
    if not isinstance(entries, list):
        return None
    kept: list[tuple[int, Any]] = []
    for i, entry in enumerate(entries):
        try:
            kept.append((i, adapter.validate_python(entry)))
        except ValidationError:
            continue  # its errors are already reported, with the file's
    if not kept:
        return None
    values: dict[str, Any] = {"id": stem, field: [value for _, value in kept]}
    item: Any = model.model_construct(None, **values)
    return item, _renumbered(doc, field, {old: new for new, (old, _) in enumerate(kept)})


def _renumbered(doc: SourceDocument, field: str, new_of_old: dict[int, int]) -> SourceDocument:
    """The document whose positions under `field` follow the kept entries' new indexes,
    so that a finding about the kept entry n points at the entry it came from."""
    def renumber(marks: dict[tuple, tuple[int, int]]) -> dict[tuple, tuple[int, int]]:
        out = {}
        for path, mark in marks.items():
            if len(path) >= 2 and path[0] == field:
                if path[1] not in new_of_old:
                    continue
                path = (field, new_of_old[path[1]]) + path[2:]
            out[path] = mark
        return out
    return SourceDocument(doc.file, doc.data, doc.text, renumber(doc.value_marks), renumber(doc.key_marks))
