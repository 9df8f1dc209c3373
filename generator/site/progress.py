"""Build-time data for the learner's progress pages: "Your progress", the certificate
and "Review my mistakes", plus the small course map the browser needs on every page to
show each lesson's status (generator/assets/progress/*.js).

Pure functions over the model, called by render.py. The browser reads the learner's
results from localStorage (format: README, "Learner progress"); nothing here knows them.
Issue 8 (no page over 150 KB at any size): the course map is one generated script,
assets/course/course-map.js, loaded with the other scripts and cached, not repeated in
every page; each quiz's review data is its own script, assets/course/review/<quiz>.js,
which the mistakes page loads only for quizzes the learner got something wrong in.
Scripts, not fetch(): the site must work opened from file://.
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING

from generator.site.encode import encode_key

if TYPE_CHECKING:
    from generator.model.course import Course, Quiz
    from generator.site.render import Renderer

PROGRESS_PATH = "progress.md"
CERTIFICATE_PATH = "certificate.md"
MISTAKES_PATH = "mistakes.md"
MISTAKES_SEED = "progress-mistakes"  # encode_key seed of the mistakes data; progress.js decodes with it
REVIEW_SUFFIX = "--review"  # retry quizzes on the mistakes page record under <quiz id>--review
MAP_SCRIPT = "assets/course/course-map.js"  # sets window.CourseProgressMap
REVIEW_DIR = "assets/course/review/"  # <quiz id>.js: registers window.CourseReview[<quiz id>]


def course_map(course: Course) -> dict:
    """What every page needs to decorate the navigation: lessons, their quizzes, the final,
    and the site's pages (the browser finds the page a link leads to among them)."""
    final = course.final_quiz
    return {
        "course": course.settings.id,
        "completion": course.settings.completion,
        "lessons": [[lesson.id, lesson.quiz or "", lesson.title] for lesson in course.ordered_lessons()],
        "final": final.id if final else "",
        "pages": _site_pages(course),
    }


def _site_pages(course: Course) -> list[list[str]]:
    """[path, kind, id] of every page, in the order Renderer.render() makes them: kind is home,
    module, lesson, final, progress, certificate or mistakes; id the lesson id, the quiz id, the
    module's index (as module_path takes it) or ""."""
    from generator.site.render import final_path, lesson_path, module_path  # render imports this module

    final, modules = course.final_quiz, course.settings.modules
    pages = [["index.md", "home", ""]]
    pages += [[module_path(i), "module", str(i)] for i in range(len(modules))] if modules is not None else []
    pages += [[lesson_path(lesson.id), "lesson", lesson.id] for lesson in course.ordered_lessons()]
    pages += [[final_path(final.id), "final", final.id]] if final else []
    return pages + [[PROGRESS_PATH, "progress", ""], [CERTIFICATE_PATH, "certificate", ""], [MISTAKES_PATH, "mistakes", ""]]


PAGE_STRINGS = ["progress_done", "progress_in_progress", "progress_not_started", "progress_best",
                "progress_mark_read", "progress_marked_read"]


def map_script(r: Renderer) -> str:
    """The course map, the status words and what the progress pages need (`info`), as one
    script every page loads (and caches): the pages themselves stay the same size at any
    course size, their lesson lists are drawn from it in the browser."""
    data = {"map": course_map(r.course), "strings": {k: r.strings[k] for k in PAGE_STRINGS}, "info": _info(r)}
    return "window.CourseProgressMap = " + _js_value(data) + ";\n"


def generated_files(r: Renderer) -> list[tuple[str, bytes]]:
    """(site path, content) of the course's generated scripts: the course map, then one review file per quiz."""
    files = [(MAP_SCRIPT, map_script(r).encode("utf-8"))]
    for quiz_id, data in _reviews(r):
        text = f"(window.CourseReview = window.CourseReview || {{}})[{_js_value(quiz_id)}] = {_js_value(data)};\n"
        files.append((REVIEW_DIR + quiz_id + ".js", text.encode("utf-8")))
    return files


def _js_value(data: object) -> str:
    # ASCII only, and no "</" so the file could even be inlined: a JS literal safe anywhere
    return json.dumps(data, separators=(",", ":")).replace("</", "<\\/")


def nav_entries(r: Renderer) -> list[tuple[str, str]]:
    return [(r.t("progress_title"), PROGRESS_PATH), (r.t("progress_mistakes_title"), MISTAKES_PATH),
            (r.t("progress_certificate_title"), CERTIFICATE_PATH)]


def pages(r: Renderer) -> list[tuple[str, str, str]]:
    """(path, title, Markdown) of the three progress pages."""
    lessons = r.course.ordered_lessons()
    # one link the browser copies for every lesson (it knows the engine's URL style)
    common = {"course": r.course.settings, "sample": lessons[0] if lessons else None, "final": r.course.final_quiz,
              "lesson_link": lambda lid: "lessons/" + lid + ".md",
              "final_link": lambda qid: "assessment/" + qid + ".md"}
    out = []
    for path, template, title_key, extra in (
        (PROGRESS_PATH, "progress.md.j2", "progress_title", {}),
        (CERTIFICATE_PATH, "certificate.md.j2", "progress_certificate_title", {}),
        (MISTAKES_PATH, "mistakes.md.j2", "progress_mistakes_title", {}),
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
        "strings": {k: v for k, v in r.strings.items() if k.startswith("progress_")},
        "quizzes": [{"id": q.id, "title": q.title, "lesson": q.lesson or "", "pass": course.pass_mark(q),
                     "final": q.final} for q in _quizzes(course)],
    }


def review_copy(quiz: Quiz) -> Quiz:
    """The practice copy of a quiz the mistakes page retries. It shares the quiz's question
    objects, so the renderer reuses their HTML rather than rendering them again (issue 8)."""
    return quiz.model_copy(update={"id": quiz.id + REVIEW_SUFFIX, "mode": "practice", "shuffle": False,
                                   "draw": None, "attempts": None})


def _reviews(r: Renderer) -> list[tuple[str, dict]]:
    """Per quiz: every question (number, prompt, explanation, lesson that teaches it), encoded,
    and the HTML of a practice copy the mistakes page retries."""
    course, md = r.course, r.quiz_md
    owner = {o.id: lesson.id for lesson in course.ordered_lessons() for o in lesson.objectives}
    out = []
    for quiz in filter(r.renders_quiz, _quizzes(course)):  # a parallel build: this process's share
        questions = {
            q.id: [i + 1, md.inline(q.prompt), md.block(q.explanation or ""), quiz.lesson or owner.get(q.objective, "")]
            for i, q in enumerate(quiz.questions)
        }
        html = str(r.quiz_html(review_copy(quiz)))
        out.append((quiz.id, {"questions": encode_key(MISTAKES_SEED, questions), "html": html}))
    return out
