"""What the integrity checks may be told: limits, reading speed, where the docs are."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.load.settings import CourseOptions


@dataclass(frozen=True)
class CheckOptions:
    """Settings of one run of the integrity rules (check/rules.py)."""

    min_questions: int = CourseOptions.model_fields["min_questions"].default  # a quiz with fewer questions is an error
    words_per_minute: int = 200  # reading speed for the lesson-length warning
    long_factor: float = 2.0  # warn when reading takes more than this times `minutes`
    docs_dir: Path | None = None  # the site's docs folder (course/): where images and pages are looked up
    unchecked_pages: frozenset[str] = frozenset()  # pages whose existence is unknown (their lesson failed to load)
    allow_html: bool = True  # false: lesson text is shown with every tag as text, headings included
    language: str | None = None  # translate the course into this language first (translations/<lang>/)
    contact: bool = False  # the home page shows a brand's contact details, under a heading
