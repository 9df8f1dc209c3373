"""A course's text as translation units: what export writes and import reads.

A unit names its text by the translation file (relative to translations/<lang>/) and
the field's path in it, e.g. `lessons/rapport-trap.yml` and `sections[2].body`. Ids,
answers and structure are never units: they come from the source.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.load.course import CoursePaths
from generator.load.translation import source_items, translation_file, translations_dir
from generator.model.course import Course
from generator.model.translation import Translation, dotted, text_hash, texts


@dataclass(frozen=True)
class Unit:
    """One source text and its translation (None: not translated yet).

    `stale` says the translation was made from another source text (a translator should
    review it: PO's `fuzzy`, XLIFF's `needs-review-translation`); `recorded` is the hash
    recorded for it, kept on import while the unit stays marked for review."""

    file: str  # the translation file, relative to translations/<lang>/
    field: str  # dotted path of the text in it
    source: str
    target: str | None
    stale: bool
    recorded: str | None
    where: str  # the source text's file:line, for the translator's reference

    @property
    def key(self) -> str:
        return f"{self.file}#{self.field}"


def course_units(course: Course, translation: Translation | None, paths: CoursePaths, language: str) -> list[Unit]:
    """Every text of `course` (as written in its source language), in file order, with its
    translation into `language` from `translation` (load/translation.apply_translation), if any."""
    folder = translations_dir(paths, language)
    files = translation.files if translation is not None else {}
    units = []
    for kind, item_id, model in source_items(course):
        entry = files.get((kind, item_id))
        file = translation_file(paths, language, kind, item_id).relative_to(folder).as_posix()
        doc = course.sources.get((kind, item_id))
        for path, text in texts(model):
            target = entry.texts.get(path) if entry else None
            recorded = entry.hashes.get(dotted(path)) if entry else None
            where = f"{doc.file}:{doc.location(path).line}" if doc is not None else ""
            units.append(Unit(file, dotted(path), text, target, target is not None and recorded != text_hash(text),
                              recorded, where))
    return units
