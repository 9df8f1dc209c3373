"""The course order: lessons listed twice, entries without a file, lesson files left out, empty modules."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.locate import at, course_order, order_at, order_file, suggest
from generator.check.options import CheckOptions
from generator.errors import Finding, Severity, SourceLocation
from generator.model.course import Course
from generator.model.questions.base import id_form, is_id


def check_course_order(course: Course, options: CheckOptions) -> Iterator[Finding]:
    cid = course.settings.id
    modules = course.settings.modules or []
    filled = any(module.lessons for module in modules)
    if course.settings.modules is not None and not filled:
        first = f' --module "{modules[0].title}"' if modules else ""
        yield Finding(at(course, "course", cid, ("modules",), key=True), "no module lists a lesson yet, so the course has no lessons",
                      hint=f"add one with `coursegen new lesson LESSON-ID{first}`, or list a lesson id under a module's `lessons:`",
                      code="empty-module")
    for m, module in enumerate(modules if filled else []):
        if not module.lessons:  # being filled: the site leaves it out until it has a lesson
            yield Finding(at(course, "course", cid, ("modules", m, "lessons"), key=True),
                          f"module '{module.title}' has no lessons yet, so the site leaves it out",
                          hint=f'add one with `coursegen new lesson LESSON-ID --module "{module.title}"`, or list lesson ids in its `lessons:`',
                          code="empty-module", severity=Severity.WARNING)
    seen: set[str] = set()
    for lesson, path in course_order(course):
        if lesson in seen:
            yield Finding(order_at(course, path), f"lesson '{lesson}' is listed twice in the course order",
                          hint="remove the second entry", code="duplicate-id")
        seen.add(lesson)
        if lesson not in course.lessons and ("lesson", lesson) not in course.file_ids:
            hint = suggest(lesson, {stem for kind, stem in course.file_ids if kind == "lesson"}, ids=True)
            yield Finding(order_at(course, path), f"lesson '{lesson}' has no file course/lessons/{lesson}.yml",
                          hint=hint or f"create it with `coursegen new lesson {lesson}`", code="unresolved-reference")
    for (kind, stem), shown in sorted(course.file_ids.items()):
        if kind == "lesson" and stem not in seen:
            yield Finding(SourceLocation(shown, 1, 1), f"lesson '{stem}' is not in the course order, so learners never see it",
                          hint=f"add `- {stem}` to the lessons in {order_file(course)}" if is_id(stem) else
                          f"rename the file to {id_form(stem) or 'my-lesson'}.yml with that `id:`, and add it to the lessons in "
                          f"{order_file(course)}", code="orphan-lesson",
                          severity=Severity.WARNING)
