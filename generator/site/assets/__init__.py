"""The site's static assets (quiz runtime, styles), shipped as files in this package.

They are served as separate, cacheable files under assets/course/, never inlined.
The sources here stay readable; the site gets them minified (rjsmin, rcssmin: comments
and spacing go, names stay), once per process. shared.js (window.CourseKit: storage,
{name} formatting, hashing, start-up on every page), then the quiz runtime's scripts, the
core, one file per question type and the start-up script, are served in that order as one
file, quiz.js, so a learner downloads the runtime in one request; the learner-progress
scripts (their core, one file per progress page, start-up) follow as one file too,
progress.js, and use CourseKit. What depends on the learner's language (language.js: plural
forms for CourseKit.format, the typed-answer rule CourseQuiz.answerForm) is served on its own
between them: used only once the page has started or a typed answer is checked, it keeps the
quiz runtime within its budget. The stylesheets, theme.css, quiz.css (the quiz runtime's rules) and
progress.css in that order, are served as one file, course.css: one render-blocking request of ours,
not three (issue 17). `quiz_runtime()` is what the size budget (6 KB gzipped) measures. The
branching-scenario runtime, scenario/scenario.js, is served alone as scenario.js, which
quiz.js loads on the pages that hold a scenario (`scenario_runtime()`: 3 KB gzipped). The
written-answer and reflection runtime, written/written.js, is served alone as written.js, which
progress.js (progress/writing.js) loads on the pages that hold a written question or reflection
prompts (`written_runtime()`: 2 KB gzipped).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import rcssmin
import rjsmin

PREFIX = "assets/course/"
QUIZ_JS = "quiz.js"  # the served name of the quiz runtime's scripts, minified and joined
PROGRESS_JS = "progress.js"  # the same for the learner-progress scripts
LANGUAGE_JS = "language.js"  # plural forms and the typed-answer rule (language.js)
SCENARIO_JS = "scenario.js"  # the branching-scenario runtime: loaded by quiz.js only on pages with a scenario
WRITTEN_JS = "written.js"  # written answers and reflections: loaded by progress.js only on pages that hold them
COURSE_CSS = "course.css"  # the served name of the stylesheets, minified and joined
_ROOT = Path(str(resources.files(__package__)))
_STYLE_ORDER = ["theme.css", "quiz.css", "progress.css"]


def _quiz_sources() -> list[Path]:
    # shared.js (window.CourseKit: storage, format, hash, start-up) first: both runtimes use it.
    quiz = _ROOT / "quiz"
    return [_ROOT / "shared.js", quiz / "core.js", *sorted((quiz / "types").glob("*.js")), quiz / "boot.js"]


def _progress_scripts() -> list[Path]:
    # Learner progress reads what the quiz runtime records, so it loads after it: its core (statuses
    # on every page, what the views share), records.js (saved quiz progress), the quiz runtime's
    # extras (quiz/extras/: hints, what is said to screen readers), which all extend the quiz runtime
    # before the quizzes start on page load and keep quiz.js within its 6 KB budget, one file per
    # progress page (views/), then start-up.
    progress = _ROOT / "progress"
    extras = sorted((_ROOT / "quiz" / "extras").glob("*.js"))
    return [progress / "core.js", progress / "records.js", progress / "writing.js", *extras, *sorted((progress / "views").glob("*.js")),
            progress / "start.js"]


def _style_paths() -> list[Path]:
    named = [_ROOT / name for name in _STYLE_ORDER]
    return named + sorted(p for p in _ROOT.glob("*.css") if p not in named)


def _js(path: Path) -> str:
    return rjsmin.jsmin(path.read_text(encoding="utf-8")).strip()


def _css(path: Path) -> str:
    return rcssmin.cssmin(path.read_text(encoding="utf-8")).strip()


def scripts() -> list[str]:
    return [PREFIX + QUIZ_JS, PREFIX + LANGUAGE_JS, PREFIX + PROGRESS_JS]


def stylesheets() -> list[str]:
    return [PREFIX + COURSE_CSS]


@cache
def _served() -> tuple[tuple[str, bytes], ...]:
    # Each source is complete statements (an IIFE or a call, ending in ";"): joined by newlines they
    # run as they would as separate <script> tags, in the same order.
    quiz = "\n".join(_js(p) for p in _quiz_sources()) + "\n"
    progress = "\n".join(_js(p) for p in _progress_scripts()) + "\n"
    language = _js(_ROOT / LANGUAGE_JS) + "\n"
    out = [(PREFIX + QUIZ_JS, quiz.encode("utf-8")), (PREFIX + LANGUAGE_JS, language.encode("utf-8")),
           (PREFIX + PROGRESS_JS, progress.encode("utf-8")),
           (PREFIX + SCENARIO_JS, (_js(_ROOT / "scenario" / "scenario.js") + "\n").encode("utf-8")),
           (PREFIX + WRITTEN_JS, (_js(_ROOT / "written" / "written.js") + "\n").encode("utf-8"))]
    # Each stylesheet is whole rules (and @media blocks): joined, they cascade as separate files would.
    out.append((PREFIX + COURSE_CSS, "".join(_css(p) + "\n" for p in _style_paths()).encode("utf-8")))
    return tuple(out)


def files() -> list[tuple[str, bytes]]:
    """(site path, content) of every asset the site needs, minified."""
    return list(_served())


def scenario_runtime() -> bytes:
    """The scenario runtime as served (scenario.js), which its size budget (3 KB gzipped) measures."""
    return dict(_served())[PREFIX + SCENARIO_JS]


def written_runtime() -> bytes:
    """The written-answer and reflection runtime as served (written.js), which its size budget measures."""
    return dict(_served())[PREFIX + WRITTEN_JS]


def quiz_runtime() -> dict[str, bytes]:
    """The quiz runtime as served: its script (quiz.js, shared.js included) and its rules (quiz.css, minified,
    served inside course.css)."""
    served = dict(_served())
    return {"js": served[PREFIX + QUIZ_JS], "css": (_css(_ROOT / "quiz.css") + "\n").encode("utf-8")}
