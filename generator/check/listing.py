"""Content that course.yml lists by id, one file each in its own folder (issue 23:
`dialogues:` in dialogues/, `handouts:` in handouts/): each listed id has its file and is
listed once (errors), and each file is listed (a warning: no page shows it otherwise)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.locate import at, suggest
from generator.errors import Finding, Severity, SourceLocation
from generator.model.course import Course
from generator.model.questions.base import id_form, is_id


def course_at(course: Course, path: tuple, key: bool = False) -> SourceLocation:
    """Where a value of course.yml stands (a brand's copy may have no course.yml source)."""
    if ("course", course.settings.id) in course.sources:
        return at(course, "course", course.settings.id, path, key=key)
    return SourceLocation("course.yml")


def check_listed(course: Course, kind: str, key: str, folder: str, create: str) -> Iterator[Finding]:
    """The findings for the `key:` list of course.yml (e.g. "handouts") and the files of
    `kind` (e.g. "handout") in `folder`; `create` says what a new file holds, for the hint."""
    files = {stem: shown for (k, stem), shown in course.file_ids.items() if k == kind}
    seen: set[str] = set()
    for i, item_id in enumerate(getattr(course.settings, key)):
        where = course_at(course, (key, i))
        if item_id in seen:
            yield Finding(where, f"{kind} '{item_id}' is listed twice", hint="remove the second entry", code="duplicate-id")
        elif item_id not in files:
            yield Finding(where, f"{kind} '{item_id}' has no file {folder}/{item_id}.yml",
                          hint=suggest(item_id, files, ids=True) or f"create {folder}/{item_id}.yml ({create}), or remove the entry",
                          code="unresolved-reference")
        seen.add(item_id)
    course_file = course_at(course, ()).file
    for stem, shown in sorted(files.items()):
        if stem not in seen:
            listed = f"add `- {stem}` to `{key}:` in {course_file}" if is_id(stem) else \
                f"rename the file to {id_form(stem) or 'my-' + kind}.yml with that `id:`, and add it to `{key}:` in {course_file}"
            yield Finding(SourceLocation(shown, 1, 1), f"{kind} '{stem}' is not listed in {course_file}, so learners never see it",
                          hint=listed, code=f"orphan-{kind}", severity=Severity.WARNING)
