"""Handouts (issue 23): each one course.yml lists has a file, is listed once, and each
handout file is listed (else no page shows it)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.locate import at, suggest
from generator.check.options import CheckOptions
from generator.errors import Finding, Severity, SourceLocation
from generator.model.course import Course


def check_handouts(course: Course, options: CheckOptions) -> Iterator[Finding]:
    """`handouts:` entries without a file (error) or listed twice (error); handout files
    course.yml does not list (warning: learners never see them)."""
    cid = course.settings.id
    files = {stem for kind, stem in course.file_ids if kind == "handout"}
    seen: set[str] = set()
    for i, hid in enumerate(course.settings.handouts):
        where = at(course, "course", cid, ("handouts", i))
        if hid in seen:
            yield Finding(where, f"handout '{hid}' is listed twice", hint="remove the second entry", code="duplicate-id")
        elif hid not in files:
            yield Finding(where, f"handout '{hid}' has no file handouts/{hid}.yml",
                          hint=suggest(hid, files, ids=True) or f"create handouts/{hid}.yml (a title, a purpose and `blocks:`), "
                                                                 "or remove the entry", code="unresolved-reference")
        seen.add(hid)
    course_file = at(course, "course", cid).file
    for (kind, stem), shown in sorted(course.file_ids.items()):
        if kind == "handout" and stem not in seen:
            yield Finding(SourceLocation(shown, 1, 1), f"handout '{stem}' is not listed, so no page shows it",
                          hint=f"add `- {stem}` under `handouts:` in {course_file}", code="orphan-handout",
                          severity=Severity.WARNING)
