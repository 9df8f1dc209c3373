"""Annotated dialogues (issue 23): what a call transcript must be before a learner reads it.

- check_dialogue_listing: `dialogues:` in course.yml names existing dialogues, once each;
  a dialogue file it does not list is never shown (warning)
- check_dialogue_structure: the lesson it illustrates exists; speaker ids are unique;
  every line's speaker is one of the speakers; a speaker who never speaks (warning); a
  dialogue with no marked moment (warning: nothing tells the learner what to notice)
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.listing import check_listed
from generator.check.locate import at, suggest
from generator.check.options import CheckOptions
from generator.errors import Finding, Severity
from generator.model.course import Course
from generator.model.dialogue import MARKS, Dialogue


def check_dialogue_listing(course: Course, options: CheckOptions) -> Iterator[Finding]:
    """`dialogues:` entries without a file or listed twice (errors); dialogue files not listed (warning)."""
    yield from check_listed(course, "dialogue", "dialogues", "dialogues", "speakers and `lines:`")


def check_dialogue_structure(course: Course, options: CheckOptions) -> Iterator[Finding]:
    """Each dialogue's lesson exists, its speakers are unique and speak, and it marks a moment."""
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
