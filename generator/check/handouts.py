"""Handouts (issue 23): each one course.yml lists has a file, is listed once, and each
handout file is listed (else no page shows it)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.listing import check_listed
from generator.check.options import CheckOptions
from generator.errors import Finding
from generator.model.course import Course


def check_handouts(course: Course, options: CheckOptions) -> Iterator[Finding]:
    """`handouts:` entries without a file (error) or listed twice (error); handout files
    course.yml does not list (warning: learners never see them)."""
    yield from check_listed(course, "handout", "handouts", "handouts", "a title, a purpose and `blocks:`")
