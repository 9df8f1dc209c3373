"""The core in one call: load, validate and check a course. Never imports mkdocs."""

from __future__ import annotations

from dataclasses import replace

from .checks import CheckOptions, check_course
from .errors import CourseError, Finding, Severity
from .loader import CoursePaths, load_course
from .models import Course


def check(paths: CoursePaths, options: CheckOptions | None = None) -> tuple[Course | None, list[Finding]]:
    """Every finding about a course: load and validation errors, then integrity findings."""
    course, findings = load_course(paths)
    options = options or CheckOptions()
    if options.docs_dir is None:  # images and linked files are looked up next to the lessons
        options = replace(options, docs_dir=paths.course_dir)
    if course is not None:
        findings += check_course(course, options)
    return course, findings


def prepare(paths: CoursePaths, options: CheckOptions | None = None, *, strict: bool = False) -> tuple[Course, list[Finding]]:
    """A course ready to render, and its warnings; raises CourseError on any error."""
    course, findings = check(paths, options)
    failing = [f for f in findings if f.is_error or (strict and f.severity is Severity.WARNING)]
    if course is None or failing:
        raise CourseError(findings)
    return course, findings
