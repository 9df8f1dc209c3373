"""Build-time data for the learner's progress pages: "Your progress", the certificate
and "Review my mistakes", plus the small course map the browser needs on every page to
show each lesson's status (generator/site/assets/progress/).

Pure functions over the model, called by render.py. The browser reads the learner's
results from localStorage (format: README, "Learner progress"); nothing here knows them.
Issue 8 (no page over 150 KB at any size): the course map is one generated script,
assets/course/course-map.js, loaded with the other scripts and cached, not repeated in
every page; each quiz's review data is its own script, assets/course/review/<quiz>.js,
which the mistakes page loads only for quizzes the learner got something wrong in.
Scripts, not fetch(): the site must work opened from file://.
"""

from __future__ import annotations

import json
from typing import Protocol

from jinja2 import Environment
from markupsafe import Markup

from generator.model.course import Course, Quiz
from generator.model.questions import AnyQuestion
from generator.model.questions.base import ChoiceQuestion
from generator.model.questions.order import OrderQuestion
from generator.site.contact import Contact, email_of
from generator.site.encode import encode_key
from generator.site.markup import QuizMarkdown
from generator.site.sitemap import SiteMap, SitePage, final_path, lesson_path


class Renderer(Protocol):
    """What these functions need of the renderer (site/render.py), which calls them."""

    course: Course
    site: SiteMap
    strings: dict[str, str]
    env: Environment
    quiz_md: QuizMarkdown
    contact: list[Contact]
    brand_name: str
    def t(self, key: str, **values: object) -> str: ...

    def quiz_html(self, quiz: Quiz) -> Markup: ...

    def renders_quiz(self, quiz: Quiz) -> bool: ...


MISTAKES_SEED = "progress-mistakes"  # encode_key seed of the mistakes data; progress.js decodes with it
REVIEW_SUFFIX = "--review"  # retry quizzes on the mistakes page record under <quiz id>--review
SCENARIO_RECORD = "scenario:"  # a scenario's result is stored as a quiz's, under coursegen:v1:<course>:scenario:<id>
MAP_SCRIPT = "assets/course/course-map.js"  # sets window.CourseProgressMap
REVIEW_DIR = "assets/course/review/"  # <quiz id>.js: registers window.CourseReview[<quiz id>]


def course_map(site: SiteMap) -> dict:
    """What every page needs to decorate the navigation: lessons, their quizzes, the final,
    and the site's pages as [path, kind, id] (SiteMap.course_map_pages; the browser finds
    the page a link leads to among them)."""
    course = site.course
    final = course.final_quiz
    return {
        "course": course.settings.id,
        "completion": course.settings.completion,
        "lessons": [[lesson.id, lesson.quiz or "", lesson.title] for lesson in course.ordered_lessons()],
        "final": final.id if final else "",
        "pages": site.course_map_pages(),
        # lesson id -> its scenarios' record ids ("scenario:<id>", stored beside the quizzes'): issue 19
        "scenarios": {lesson.id: [SCENARIO_RECORD + s.id for s in course.lesson_scenarios(lesson.id)]
                      for lesson in course.ordered_lessons() if course.lesson_scenarios(lesson.id)},
    }


PAGE_STRINGS = ["progress_done", "progress_in_progress", "progress_not_started", "progress_best",
                "progress_mark_read", "progress_marked_read", "progress_retried", "continue_at",
                "passed", "not_passed"]  # the last two: a scenario page's badge in the navigation


def map_script(r: Renderer) -> str:
    """The course map, the status words and what the progress pages need (`info`), as one
    script every page loads (and caches): the pages themselves stay the same size at any
    course size, their lesson lists are drawn from it in the browser."""
    data = {"map": course_map(r.site), "strings": {k: r.strings[k] for k in PAGE_STRINGS}, "info": _info(r)}
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


_TEMPLATES = {"progress": "progress.md.j2", "certificate": "certificate.md.j2", "mistakes": "mistakes.md.j2"}


def page(r: Renderer, site_page: SitePage) -> str:
    """The Markdown of one of the three progress pages (progress, certificate, mistakes)."""
    lessons = r.course.ordered_lessons()
    # one link the browser copies for every lesson (it knows the engine's URL style)
    return r.env.get_template(_TEMPLATES[site_page.kind]).render(
        course=r.course.settings, sample=lessons[0] if lessons else None, final=r.course.final_quiz, lessons=lessons,
        # the summary's lines, 7 and one per quiz (views/progress.js): room kept so nothing moves
        quiz_count=len(_quizzes(r.course)), email=r.course.settings.results_email or email_of(r.contact),
        lesson_link=lesson_path, final_link=final_path)


def _quizzes(course: Course) -> list[Quiz]:
    """The quizzes a learner must pass, in course order: lesson quizzes, then the final."""
    found = [course.quizzes[lesson.quiz] for lesson in course.ordered_lessons() if lesson.quiz in course.quizzes]
    return found + ([course.final_quiz] if course.final_quiz else [])


def _info(r: Renderer) -> dict:
    course = r.course
    return {
        "course": course.settings.id,
        "title": course.settings.title,
        "completion": course.settings.completion,
        "brand": r.brand_name,
        "email": course.settings.results_email or email_of(r.contact),
        "final": course.final_quiz.id if course.final_quiz else "",
        "strings": {k: v for k, v in r.strings.items() if k.startswith("progress_")},
        "quizzes": [{"id": q.id, "title": q.title, "lesson": q.lesson or "", "pass": course.pass_mark(q),
                     "final": q.final, "review": q.review if q.mode == "assessment" else "always"} for q in _quizzes(course)] + _scenarios(course),
    }


def _scenarios(course: Course) -> list[dict]:
    """The scenarios a learner must pass, in course order, as the progress pages list quizzes:
    the summary, the certificate and the mistakes page count them (issue 19)."""
    placed = [(lesson.id, s) for lesson in course.ordered_lessons() for s in course.lesson_scenarios(lesson.id)]
    placed += [("", s) for s in course.module_scenarios()]  # on their own pages: linked back to that page
    # `scenario`: its id, by which the browser finds its page in the course map (if on a page of its own)
    return [{"id": SCENARIO_RECORD + s.id, "title": s.title, "lesson": lesson, "pass": course.scenario_pass_mark(s),
             "final": False, "scenario": s.id} for lesson, s in placed]


def review_copy(quiz: Quiz) -> Quiz:
    """The practice copy of a quiz the mistakes page retries. It shares the quiz's question
    objects, so the renderer reuses their HTML rather than rendering them again (issue 8)."""
    return quiz.model_copy(update={"id": quiz.id + REVIEW_SUFFIX, "mode": "practice", "shuffle": False,
                                   "draw": None, "draw_by": None, "attempts": None, "review": "always",
                                   "questions": quiz.scored_questions})  # nothing to get wrong in `written`


def _reviews(r: Renderer) -> list[tuple[str, dict]]:
    """Per quiz: every question (number, prompt, explanation, lesson that teaches it), encoded,
    the HTML of a practice copy the mistakes page retries, and each question's answer
    table (answer_table) for the results summary the progress page builds."""
    course, md = r.course, r.quiz_md
    owner = {o.id: lesson.id for lesson in course.ordered_lessons() for o in lesson.objectives}
    out = []
    for quiz in filter(r.renders_quiz, _quizzes(course)):  # a parallel build: this process's share
        questions = {
            q.id: [i + 1, md.inline(q.prompt), md.block(q.explanation or ""), quiz.lesson or owner.get(q.objective, "")]
            for i, q in enumerate(quiz.scored_questions)
        }
        html = str(r.quiz_html(review_copy(quiz)))
        answers = {q.id: answer_table(q) for q in quiz.scored_questions}
        out.append((quiz.id, {"questions": encode_key(MISTAKES_SEED, questions), "html": html, "answers": answers}))
    return out


def answer_table(question: AnyQuestion) -> list:
    """[type, points, identities]: what the progress page needs to turn a stored answer
    (option positions, the runtime's `value`) into stable option identities for the
    results summary (issue 16). Choice questions: one identity per option, by the
    position the runtime stores (the option's place in the file). `order`: the steps in
    the order the page lists them (the runtime stores those positions), never the key's
    order. `text`: none, the typed answer is its own identity. Nothing here says which
    option is right: the key stays encoded."""
    if isinstance(question, ChoiceQuestion):
        idents = question.option_keys()  # as the page's data-oid: `id:`, else the text as written
    elif isinstance(question, OrderQuestion):
        idents = [question.item_key(i) for i in question.shown_order()]
    else:
        idents = []
    return [question.type, question.points, idents]
