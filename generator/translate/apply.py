"""Translated units (from PO or XLIFF) into translation files: what import writes."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from pydantic import BaseModel

from generator.errors import Finding, SourceLocation
from generator.load.course import CoursePaths
from generator.load.translation import source_items, translation_file, translations_dir
from generator.model.course import Course
from generator.model.translation import Path_, Translation, compare, dotted, text_hash, texts
from generator.translate.files import render
from generator.translate.units import Unit

NEVER_MATCHES = "0" * 12  # recorded for a text marked for review that had no record: it stays stale


def translated_files(course: Course, translation: Translation | None, paths: CoursePaths, language: str,
                     units: list[tuple[Unit, SourceLocation]]) -> tuple[list[tuple[Path, str]], list[Finding]]:
    """The translation files `units` make, as (path, text), and the findings on the way (a
    unit naming no file or field of the course: nothing is written then).

    A unit with a translation records the hash of its source text (the one the translator
    saw); one marked for review keeps the hash recorded before, so `check` still warns."""
    folder = translations_dir(paths, language)
    index: dict[str, tuple[str, str, BaseModel]] = {
        translation_file(paths, language, kind, item_id).relative_to(folder).as_posix(): (kind, item_id, model)
        for kind, item_id, model in source_items(course)}
    chosen: dict[str, dict[Path_, str]] = defaultdict(dict)
    hashes: dict[str, dict[Path_, str]] = defaultdict(dict)
    findings: list[Finding] = []
    seen: set[str] = set()
    for unit, where in units:
        target = index.get(unit.file)
        fields = {dotted(p): p for p, _ in texts(target[2])} if target else {}
        if target is None or unit.field not in fields:
            findings.append(Finding(where, f"'{unit.key}' names no text of the course",
                                    hint="export again from the current course, and translate that file", code="unresolved-reference"))
            continue
        seen.add(unit.file)
        if unit.target:
            field = fields[unit.field]
            chosen[unit.file][field] = unit.target
            recorded = _recorded(translation, target[0], target[1], unit.field) if unit.stale else None
            hashes[unit.file][field] = (recorded or NEVER_MATCHES) if unit.stale else text_hash(unit.source)
    if findings:
        return [], findings
    out = []
    for file in sorted(seen):
        kind, item_id, model = index[file]
        path = folder / file
        if chosen[file] or path.is_file():
            source_doc = course.sources.get((kind, item_id))
            shown = source_doc.file if source_doc is not None else file
            out.append((path, render(language, shown, model, chosen[file], hashes[file])))
    return out, []


def _recorded(translation: Translation | None, kind: str, item_id: str, field: str) -> str | None:
    entry = translation.files.get((kind, item_id)) if translation is not None else None
    return entry.hashes.get(field) if entry is not None else None


def stamped_files(translation: Translation, paths: CoursePaths, reviewed: bool) -> list[tuple[Path, str]]:
    """Each translation file with the source version recorded for the fields written by
    hand (no `source_hashes:` entry yet) and, when `reviewed`, for the stale ones too (the
    translator has brought them in line). Files with a structure problem are left alone."""
    out = []
    for (kind, item_id), entry in sorted(translation.files.items()):
        if compare(entry.source, entry.doc.data)[1]:
            continue
        current = dict(texts(entry.source))
        hashes = {path: entry.hashes[dotted(path)] for path in entry.texts if dotted(path) in entry.hashes}
        for path in entry.texts:
            if path not in hashes or (reviewed and hashes[path] != text_hash(current[path])):
                hashes[path] = text_hash(current[path])
        shown = translation.source_files.get((kind, item_id), item_id)
        out.append((translation_file(paths, translation.language, kind, item_id),
                    render(translation.language, shown, entry.source, entry.texts, hashes)))
    return out
