"""Figures' drawings: the text of `figures/<id>.svg` beside each `figures/<id>.yml`.

The YAML files are loaded like every other kind (load/course.py, model/figure.py). The
drawing is read as text only; whether it is a usable SVG (well-formed, no script, its
labels given) is a check (check/figures.py), so every finding of a course comes at once.
"""

from __future__ import annotations

from pathlib import Path

from generator.model.course import Course

FIGURES_DIR = "figures"  # beside quizzes/ and scenarios/, relative to mkdocs.yml
SVG_SUFFIX = ".svg"


def figures_dir(root: Path) -> Path:
    """The project's figures folder (`root` is the folder of mkdocs.yml)."""
    return root / FIGURES_DIR


def read_drawings(course: Course, folder: Path) -> None:
    """Each figure's drawing into `course.figure_svgs`, when its SVG file exists and reads as UTF-8."""
    for figure_id in course.figures:
        try:
            course.figure_svgs[figure_id] = (folder / f"{figure_id}{SVG_SUFFIX}").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # check/figures.py names the missing or unreadable drawing
