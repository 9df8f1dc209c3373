"""The core in one call: load, validate and check a course. Never imports mkdocs."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from generator.check.rules import CheckOptions, check_course
from generator.errors import CourseError, Finding, Severity
from generator.load.course import CoursePaths, load_course
from generator.model.course import Course


# `coursegen build` checks the course, then MkDocs' plugin prepares it in the same process:
# the check's result is kept for that one next `prepare` if no course file changed since
# (issue 8: one load, not two). Only `check` stores it and `prepare` takes it once, so a
# serve rebuild never reuses a course an earlier build has used.
_last_check: tuple | None = None


def check(paths: CoursePaths, options: CheckOptions | None = None, *, keep: bool = True) -> tuple[Course | None, list[Finding]]:
    """Every finding about a course: load and validation errors, then integrity findings.
    With keep=False (`coursegen check`, which builds nothing after), the result is not
    kept for `prepare`, and no fingerprint of the course's files is taken for it."""
    global _last_check
    result = _check(paths, options)
    _last_check = ((paths, options, _fingerprint(paths)), result) if keep else None
    return result


def _fingerprint(paths: CoursePaths) -> tuple:
    return fingerprint(paths.course_dir, paths.quizzes_dir)


def fingerprint(*folders: Path) -> tuple:
    """Name, size and modification time of every file in `folders` (a course's, by default)."""
    found = []
    for folder in folders:
        # os.walk and plain strings, not Path.rglob: rglob hashed 2,000 Paths, 0.1 s of `check` (issue 8)
        names = [os.path.join(top, name) for top, dirs, files in os.walk(folder, followlinks=True) for name in dirs + files]
        for entry in sorted(names):
            try:
                stat = os.stat(entry)
            except OSError:
                continue
            found.append((entry, stat.st_size, stat.st_mtime_ns))
    return tuple(found)


def _check(paths: CoursePaths, options: CheckOptions | None = None) -> tuple[Course | None, list[Finding]]:
    with _collector_paused():
        return _load_and_check(paths, options)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a course is loaded and checked: the hundreds of
    thousands of objects made from the YAML trigger full collections that find nothing
    (0.2 s of a 1,000-lesson `check`, the same peak memory without them; issue 8)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_and_check(paths: CoursePaths, options: CheckOptions | None) -> tuple[Course | None, list[Finding]]:
    course, findings = load_course(paths)
    options = options or CheckOptions()
    if options.docs_dir is None:  # images and linked files are looked up next to the lessons
        options = replace(options, docs_dir=paths.course_dir)
    if course is not None:
        findings += check_course(course, options)
    return course, findings


def prepare(paths: CoursePaths, options: CheckOptions | None = None, *, strict: bool = False) -> tuple[Course, list[Finding]]:
    """A course ready to render, and its warnings; raises CourseError on any error."""
    global _last_check
    last, _last_check = _last_check, None
    if last is not None and last[0] == (paths, options, _fingerprint(paths)):
        course, findings = last[1]
    else:
        course, findings = _check(paths, options)
    failing = [f for f in findings if f.is_error or (strict and f.severity is Severity.WARNING)]
    if course is None or failing:
        raise CourseError(findings)
    return course, findings
