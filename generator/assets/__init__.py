"""The site's static assets (quiz runtime, styles), shipped as files in this package.

They are served as separate, cacheable files under assets/course/, never inlined.
Scripts load in the order `scripts()` gives: the core, then one file per question
type, then the start-up script, then the learner-progress scripts.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PREFIX = "assets/course/"
_ROOT = Path(str(resources.files(__package__)))


def _script_paths() -> list[Path]:
    quiz = _ROOT / "quiz"
    # Learner progress (progress/*.js) reads what the quiz runtime records, so it loads after it.
    return [quiz / "core.js", *sorted((quiz / "types").glob("*.js")), quiz / "boot.js", *sorted((_ROOT / "progress").glob("*.js"))]


def _style_paths() -> list[Path]:
    return sorted(_ROOT.glob("*.css"))


def scripts() -> list[str]:
    return [PREFIX + p.relative_to(_ROOT).as_posix() for p in _script_paths()]


def stylesheets() -> list[str]:
    return [PREFIX + p.relative_to(_ROOT).as_posix() for p in _style_paths()]


def files() -> list[tuple[str, bytes]]:
    """(site path, content) of every asset the site needs."""
    return [(PREFIX + p.relative_to(_ROOT).as_posix(), p.read_bytes()) for p in _script_paths() + _style_paths()]
