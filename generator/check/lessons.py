"""Each lesson on its own: empty sections, and a text far longer than its `minutes`."""

from __future__ import annotations

import math
from collections.abc import Iterator

from generator.check.locate import at
from generator.check.options import CheckOptions
from generator.errors import Finding, Severity
from generator.model.course import Course, Lesson


def check_sections(course: Course, options: CheckOptions) -> Iterator[Finding]:
    for lesson in course.lessons.values():
        for i, section in enumerate(lesson.sections):
            if not section.body.strip():
                yield Finding(at(course, "lesson", lesson.id, ("sections", i, "body")), f"section '{section.heading}' is empty",
                              hint="write its text under `body: |`, indented, or remove the section", code="empty-section")


def check_lesson_length(course: Course, options: CheckOptions) -> Iterator[Finding]:
    for lesson in course.lessons.values():
        texts = [text for _, text in lesson_texts(lesson)]
        # n words take at least 2n - 1 characters: most lessons are too short to need counting (issue 8)
        most = sum((len(text) + 1) // 2 for text in texts)
        if math.ceil(most / options.words_per_minute) <= lesson.minutes * options.long_factor:
            continue
        words = sum(len(text.split()) for text in texts)
        reading = math.ceil(words / options.words_per_minute)
        if reading > lesson.minutes * options.long_factor:
            yield Finding(at(course, "lesson", lesson.id, ("minutes",)),
                          f"the lesson has {words} words, about {reading} minutes of reading at {options.words_per_minute} words a minute, "
                          f"but says `minutes: {lesson.minutes}`",
                          hint=f"set `minutes: {reading}` or more, or split the lesson in two", code="long-lesson", severity=Severity.WARNING)


def lesson_texts(lesson: Lesson) -> Iterator[tuple[tuple, str]]:
    """Every Markdown text of a lesson with its data path."""
    yield ("summary",), lesson.summary
    for i, objective in enumerate(lesson.objectives):
        yield ("objectives", i, "text"), objective.text
    for i, section in enumerate(lesson.sections):
        yield ("sections", i, "body"), section.body
    for i, point in enumerate(lesson.key_points):
        yield ("key_points", i), point
    for i, prompt in enumerate(lesson.reflection):
        yield ("reflection", i), prompt
