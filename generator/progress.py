"""Build-time data for the learner's progress pages: "Your progress", the certificate
and "Review my mistakes", plus the small course map every page carries so the
browser can show each lesson's status (generator/assets/progress/progress.js).

Pure functions over the model, called by render.py. The browser reads the learner's
results from localStorage (format: README, "Learner progress"); nothing here knows them.
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from .encode import encode_key

if TYPE_CHECKING:
    from .models import Course, Quiz
    from .render import Renderer

PROGRESS_PATH = "progress.md"
CERTIFICATE_PATH = "certificate.md"
MISTAKES_PATH = "mistakes.md"
MISTAKES_SEED = "progress-mistakes"  # encode_key seed of the mistakes data; progress.js decodes with it
REVIEW_SUFFIX = "--review"  # retry quizzes on the mistakes page record under <quiz id>--review


def course_map(course: Course) -> dict:
    """What every page needs to decorate the navigation: lessons, their quizzes, the final."""
    final = course.final_quiz
    return {
        "course": course.settings.id,
        "completion": course.settings.completion,
        "lessons": [[lesson.id, lesson.quiz or ""] for lesson in course.ordered_lessons()],
        "final": final.id if final else "",
    }


PAGE_STRINGS = ["progress_done", "progress_in_progress", "progress_not_started", "progress_best",
                "progress_mark_read", "progress_marked_read"]


def map_html(course: Course, strings: dict[str, str]) -> str:
    """A hidden, inert element appended to every page (no text, so search ignores it)."""
    data = json.dumps(course_map(course), separators=(",", ":"))
    words = json.dumps({k: strings[k] for k in PAGE_STRINGS}, ensure_ascii=False, separators=(",", ":"))
    return f'\n\n<div class="cq-course-map" hidden data-search-exclude data-map="{escape(data)}" data-strings="{escape(words)}"></div>\n'


def nav_entries(r: Renderer) -> list[tuple[str, str]]:
    return [(r.t("progress_title"), PROGRESS_PATH), (r.t("progress_mistakes_title"), MISTAKES_PATH),
            (r.t("progress_certificate_title"), CERTIFICATE_PATH)]


def pages(r: Renderer) -> list[tuple[str, str, str]]:
    """(path, title, Markdown) of the three progress pages."""
    info = Markup(escape(json.dumps(_info(r), ensure_ascii=False, separators=(",", ":"))))
    common = {"course": r.course.settings, "lessons": r.course.ordered_lessons(), "final": r.course.final_quiz,
              "info": info, "lesson_link": lambda lid: "lessons/" + lid + ".md",
              "final_link": lambda qid: "assessment/" + qid + ".md"}
    out = []
    for path, template, title_key, extra in (
        (PROGRESS_PATH, "progress.md.j2", "progress_title", {}),
        (CERTIFICATE_PATH, "certificate.md.j2", "progress_certificate_title", {}),
        (MISTAKES_PATH, "mistakes.md.j2", "progress_mistakes_title", _mistakes(r)),
    ):
        content = r.env.get_template(template).render(**common, **extra)
        out.append((path, r.t(title_key), content))
    return out


def _quizzes(course: Course) -> list[Quiz]:
    """The quizzes a learner must pass, in course order: lesson quizzes, then the final."""
    found = [course.quizzes[lesson.quiz] for lesson in course.ordered_lessons() if lesson.quiz in course.quizzes]
    return found + ([course.final_quiz] if course.final_quiz else [])


def _contact_email(contact: list[tuple[str, str]]) -> str:
    """The brand's address from its (kind, HTML link) contact pairs, as the renderer gets them."""
    for kind, link in contact:
        found = re.search(r'href="mailto:([^"?]+)"', link) if kind == "email" else None
        if found:
            return html.unescape(found.group(1))
    return ""


def _info(r: Renderer) -> dict:
    course = r.course
    return {
        "course": course.settings.id,
        "title": course.settings.title,
        "completion": course.settings.completion,
        "brand": r.brand_name,
        "email": course.settings.results_email or _contact_email(r.contact),
        "final": course.final_quiz.id if course.final_quiz else "",
        "lessons": [{"id": lesson.id, "title": lesson.title, "quiz": lesson.quiz or ""} for lesson in course.ordered_lessons()],
        "strings": {k: v for k, v in r.strings.items() if k.startswith("progress_")},
        "quizzes": [{"id": q.id, "title": q.title, "lesson": q.lesson or "", "pass": course.pass_mark(q),
                     "final": q.final} for q in _quizzes(course)],
    }


def _mistakes(r: Renderer) -> dict:
    """Every question (prompt, explanation, lesson that teaches it), encoded, and one retry quiz per quiz."""
    course, md = r.course, r.quiz_md
    owner = {o.id: lesson.id for lesson in course.ordered_lessons() for o in lesson.objectives}
    questions: dict[str, dict[str, list]] = {}
    reviews = []
    for quiz in _quizzes(course):
        questions[quiz.id] = {
            q.id: [i + 1, md.inline(q.prompt), md.block(q.explanation or ""), quiz.lesson or owner.get(q.objective, "")]
            for i, q in enumerate(quiz.questions)
        }
        review = quiz.model_copy(update={"id": quiz.id + REVIEW_SUFFIX, "mode": "practice", "shuffle": False,
                                         "draw": None, "attempts": None})
        reviews.append((quiz, r.quiz_html(review)))
    return {"mistakes_data": encode_key(MISTAKES_SEED, questions), "reviews": reviews}
