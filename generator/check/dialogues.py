"""Annotated dialogues (issue 23): what a call transcript must be before a learner reads it.

- check_dialogue_listing: `dialogues:` in course.yml names existing dialogues, once each;
  a dialogue file it does not list is never shown (warning)
- check_dialogue_structure: the lesson it illustrates exists; speaker ids are unique;
  every line's speaker is one of the speakers; a speaker who never speaks (warning); a
  dialogue with no marked moment (warning: nothing tells the learner what to notice)
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.locate import at, suggest
from generator.check.options import CheckOptions
from generator.errors import Finding, Severity, SourceLocation
from generator.model.course import Course
from generator.model.dialogue import MARKS, Dialogue
from generator.model.questions.base import id_form, is_id


def _course_at(course: Course, path: tuple, key: bool = False) -> SourceLocation:
    """Where a value of course.yml stands (a brand's copy may have no course.yml source)."""
    if ("course", course.settings.id) in course.sources:
        return at(course, "course", course.settings.id, path, key=key)
    return SourceLocation("course.yml")


def check_dialogue_listing(course: Course, options: CheckOptions) -> Iterator[Finding]:
    files = {stem: shown for (kind, stem), shown in course.file_ids.items() if kind == "dialogue"}
    seen: set[str] = set()
    for i, did in enumerate(course.settings.dialogues):
        where = _course_at(course, ("dialogues", i))
        if did in seen:
            yield Finding(where, f"dialogue '{did}' is listed twice", hint="remove the second entry", code="duplicate-id")
        elif did not in files:
            yield Finding(where, f"dialogue '{did}' has no file dialogues/{did}.yml",
                          hint=suggest(did, files, ids=True) or f"create dialogues/{did}.yml, or remove the entry",
                          code="unresolved-reference")
        seen.add(did)
    for stem, shown in sorted(files.items()):
        if stem not in seen:
            listed = f"add `- {stem}` to `dialogues:` in course.yml" if is_id(stem) else \
                f"rename the file to {id_form(stem) or 'my-dialogue'}.yml with that `id:`, and add it to `dialogues:` in course.yml"
            yield Finding(SourceLocation(shown, 1, 1), f"dialogue '{stem}' is not listed in course.yml, so learners never see it",
                          hint=listed, code="orphan-dialogue", severity=Severity.WARNING)


def check_dialogue_structure(course: Course, options: CheckOptions) -> Iterator[Finding]:
    for dialogue in course.dialogues.values():
        yield from _lesson(course, dialogue)
        yield from _speakers(course, dialogue)
        if not dialogue.marks():
            yield Finding(at(course, "dialogue", dialogue.id, ("lines",), key=True),
                          f"dialogue '{dialogue.id}' marks no moment, so nothing tells the learner what to notice",
                          hint=f"add `mark:` ({', '.join(MARKS)}) and a `note:` to the lines that show the lesson at work",
                          code="no-marks", severity=Severity.WARNING)


def _lesson(course: Course, dialogue: Dialogue) -> Iterator[Finding]:
    lesson_files = {stem for kind, stem in course.file_ids if kind == "lesson"}
    if dialogue.lesson not in course.lessons and dialogue.lesson not in lesson_files | set(course.hidden):
        yield Finding(at(course, "dialogue", dialogue.id, ("lesson",)), f"lesson '{dialogue.lesson}' does not exist",
                      hint=suggest(dialogue.lesson, lesson_files, ids=True) or "name a lesson in course/lessons/",
                      code="unresolved-reference")


def _speakers(course: Course, dialogue: Dialogue) -> Iterator[Finding]:
    ids: list[str] = []
    for s, speaker in enumerate(dialogue.speakers):
        if speaker.id in ids:
            yield Finding(at(course, "dialogue", dialogue.id, ("speakers", s, "id")), f"speaker id '{speaker.id}' is used twice",
                          hint="give each speaker its own id", code="duplicate-id")
        ids.append(speaker.id)
    for n, line in enumerate(dialogue.lines):
        if line.speaker not in ids:
            yield Finding(at(course, "dialogue", dialogue.id, ("lines", n, "speaker")),
                          f"speaker '{line.speaker}' is not one of this dialogue's speakers",
                          hint=suggest(line.speaker, ids, ids=True) or f"use one of: {', '.join(ids)}; or add it under `speakers:`",
                          code="unresolved-reference")
    spoken = {line.speaker for line in dialogue.lines}
    for s, speaker in enumerate(dialogue.speakers):
        if speaker.id not in spoken and ids.index(speaker.id) == s:  # once, at its first entry
            yield Finding(at(course, "dialogue", dialogue.id, ("speakers", s, "id")), f"speaker '{speaker.id}' never speaks",
                          hint="give them a line, or remove them from `speakers:`", code="unused-speaker", severity=Severity.WARNING)
