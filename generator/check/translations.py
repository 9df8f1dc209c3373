"""Checks of a course's translation (load/translation.py): structure kept, text current,
and every piece shown in the source language named.

- check_translation_structure: a translation file whose ids, question types, order,
  counts (options, items, sections) or `correct:` marks differ from its source's (error:
  answers must grade the same in every language), or that gives a field that is not text
- check_translation_stale: a translated field whose source text changed since the
  translation was made (`source_hashes:`), named with its file (warning)
- check_translation_fallbacks: text the translation does not give, shown in the source
  language (warning; the page marks it with its `lang`, WCAG 3.1.2)
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.check.options import CheckOptions
from generator.errors import Finding, Severity, SourceLocation
from generator.load.translation import KINDS
from generator.model.course import Course
from generator.model.translation import TranslatedFile, compare, dotted, text_hash, texts

MOST_NAMED = 8  # fields named in one finding; the rest are counted


def check_translation_structure(course: Course, options: CheckOptions) -> Iterable[Finding]:
    if course.translation is None:
        return
    for entry in course.translation.files.values():
        for path, message, hint, code in compare(entry.source, entry.doc.data)[1]:
            yield Finding(entry.doc.location(path, key=code in ("extra-forbidden", "not-translatable")), message, hint=hint, code=code, field=dotted(path))


def check_translation_stale(course: Course, options: CheckOptions) -> Iterable[Finding]:
    if course.translation is None:
        return
    for entry in course.translation.files.values():
        changed, unrecorded = _stale(entry)
        language = entry.language
        if changed:
            source = course.translation.source_files.get((entry.kind, entry.id), "")
            yield Finding(entry.doc.location(changed[0]), f"the source text changed since this was translated: {_named(changed)}",
                          hint=f"bring the translation in line with {source}, then record that with "
                               f"`coursegen translations stamp --lang {language} --reviewed` (export and import do it too)",
                          code="translation-stale", severity=Severity.WARNING)
        if unrecorded:
            yield Finding(entry.doc.location(unrecorded[0]), f"no record of the source text these translate: {_named(unrecorded)}",
                          hint=f"once they are right, run `coursegen translations stamp --lang {language}`",
                          code="translation-stale", severity=Severity.WARNING)


def _stale(entry: TranslatedFile) -> tuple[list[tuple], list[tuple]]:
    """The paths of the fields translated from a text the source no longer has, and of those
    with no recorded source version."""
    current = dict(texts(entry.source))
    recorded = [path for path in entry.texts if dotted(path) in entry.hashes]
    changed = [path for path in recorded if path in current and entry.hashes[dotted(path)] != text_hash(current[path])]
    return changed, [path for path in entry.texts if dotted(path) not in entry.hashes]


def check_translation_fallbacks(course: Course, options: CheckOptions) -> Iterable[Finding]:
    translation = course.translation
    if translation is None:
        return
    for (kind, item_id), paths in sorted(translation.fallbacks.items()):
        if not paths:
            continue
        language = translation.source_language
        entry = translation.files.get((kind, item_id))
        if entry is not None and compare(entry.source, entry.doc.data)[1]:
            continue  # not used: check_translation_structure says why
        if entry is None or not entry.texts:
            sub = KINDS[kind]
            where = entry.doc.location(()) if entry else SourceLocation(
                f"{translation.folder}/{sub + '/' + item_id if sub else 'course'}.yml")
            yield Finding(where, f"no usable translation of {kind} '{item_id}': all of it is shown in '{language}'",
                          hint=f"translate {translation.source_files.get((kind, item_id), item_id)} into this file",
                          code="translation-fallback", severity=Severity.WARNING)
        else:
            yield Finding(entry.doc.location(()) if entry else SourceLocation(translation.folder),
                          f"shown in '{language}', not translated: {_named(paths)}",
                          hint="translate these fields, or leave them to show the source's text marked with its language",
                          code="translation-fallback", severity=Severity.WARNING)


def _named(paths: list[tuple]) -> str:
    names = [dotted(p) for p in paths]
    more = len(names) - MOST_NAMED
    return ", ".join(names[:MOST_NAMED]) + (f" and {more} more" if more > 0 else "")
