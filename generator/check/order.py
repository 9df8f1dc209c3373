"""The course order: lessons listed twice, entries without a file, lesson files left out."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.locate import at, course_order, suggest
from generator.check.options import CheckOptions
from generator.errors import Finding, Severity, SourceLocation
from generator.model.course import Course


def check_course_order(course: Course, options: CheckOptions) -> Iterator[Finding]:
    cid = course.settings.id
    seen: set[str] = set()
    for lesson, path in course_order(course):
        if lesson in seen:
            yield Finding(at(course, "course", cid, path), f"lesson '{lesson}' is listed twice in the course order",
                          hint="remove the second entry", code="duplicate-id")
        seen.add(lesson)
        if lesson not in course.lessons and ("lesson", lesson) not in course.file_ids:
            hint = suggest(lesson, {stem for kind, stem in course.file_ids if kind == "lesson"})
            yield Finding(at(course, "course", cid, path), f"lesson '{lesson}' has no file course/lessons/{lesson}.yml",
                          hint=hint or f"create it with `coursegen new lesson {lesson}`", code="unresolved-reference")
    for (kind, stem), shown in sorted(course.file_ids.items()):
        if kind == "lesson" and stem not in seen:
            yield Finding(SourceLocation(shown, 1, 1), f"lesson '{stem}' is not in the course order, so learners never see it",
                          hint=f"add `- {stem}` to the lessons in course/course.yml", code="orphan-lesson",
                          severity=Severity.WARNING)
