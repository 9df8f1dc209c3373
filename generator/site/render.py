"""Render a validated course into pages (Markdown for the site engine) and a nav tree.

Pure functions over the model: no files are written here and no site engine is
imported. Templates live in generator/templates/; a firm may put overrides of any of
them in a folder listed first in `template_dirs`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from generator.site import progress
from generator.site.encode import encode_key
from generator.i18n import strings_for
from generator.site.markup import QuizMarkdown, plain_text
from generator.model.course import Course, Lesson, Module, Quiz
from generator.model.questions.base import QuestionBase

# Markdown extensions every engine must enable for the pages render.py writes.
REQUIRED_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "pymdownx.details"]

# A course listed with `lessons:` (no modules) and longer than PARTS_FROM is shown in parts
# of PART_SIZE lessons, as if in modules: otherwise every page's navigation and the home
# page list every lesson, and a 1,000-lesson catalogue had 320 KB pages (issue 8).
PARTS_FROM = 40
PART_SIZE = 20

CALLOUTS = {"story": "story", "scenario": "scenario", "tip": "tip", "warning": "warning"}

# Stand-ins for what differs between copies of a rendered question (Renderer._question_html).
# No rendered text can hold one: quiz text reaches the page escaped, so a "<" there only
# opens a tag the generator wrote.
_SLOT_MARKS = {name: Markup(f"<\x00{name}>") for name in ("qid", "key", "hints")}
_SLOT = re.compile("<\x00(qid|key|hints)>")  # split() gives text, slot name, text, ...


@dataclass(frozen=True)
class Page:
    path: str  # e.g. "lessons/rapport-trap.md"
    title: str
    content: str


@dataclass
class NavItem:
    title: str
    path: str | None = None
    children: list["NavItem"] = field(default_factory=list)


@dataclass
class RenderedSite:
    pages: list[Page]
    nav: list[NavItem]
    strings: dict[str, str]
    # generated asset files (site path, bytes) the engine writes beside the pages, and the
    # ones among them every page loads as scripts (before the package's own, assets.scripts())
    files: list[tuple[str, bytes]] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)


def lesson_path(lesson_id: str) -> str:
    return f"lessons/{lesson_id}.md"


def module_path(index: int) -> str:
    return f"modules/module-{index + 1}.md"


def final_path(quiz_id: str) -> str:
    return f"assessment/{quiz_id}.md"


class Renderer:
    def __init__(self, course: Course, *, template_dirs: list[Path] | None = None, strings: dict[str, str] | None = None,
                 contact: list[tuple[str, str]] | None = None, brand_name: str = "",
                 quizzes_of: Callable[[str], bool] | None = None):
        self.course = course
        # the pages (by path) whose quizzes this render includes; a parallel build renders
        # the others in other processes, and those pages' quiz HTML is left out here
        self.quizzes_of = quizzes_of or (lambda path: True)
        self.contact = contact or []  # a brand's (kind, HTML link) pairs, shown on the home page
        self.brand_name = brand_name  # a brand's firm, shown on the certificate
        self.strings = strings_for(course.settings.language, course.settings.strings, strings or {})
        loaders = [FileSystemLoader([str(d) for d in template_dirs or []]), PackageLoader("generator.site", "templates")]
        self.env = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=select_autoescape(["html.j2"], default_for_string=False, default=False),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # one Environment per build: no stat() per {% include %} (issue 8)
        )
        self.env.filters["indent_block"] = _indent_block
        self.env.filters["md_title"] = _md_title
        self.env.filters["md_text"] = plain_text  # quiz titles inside Markdown: never markup
        self.env.globals["t"] = self.t
        self.quiz_md = QuizMarkdown()
        self.course = in_parts(course, self.t)

    def t(self, key: str, **values: object) -> str:
        text = self.strings.get(key, key)
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    def render(self) -> RenderedSite:
        course = self.course
        lessons = course.ordered_lessons()
        pages = [Page("index.md", course.settings.title, self._home(lessons))]
        pages += [Page(module_path(i), title, self._module_page(title, items)) for i, (title, items) in self._module_pages()]
        pages += [Page(lesson_path(lesson.id), lesson.title, self._lesson(lesson)) for lesson in lessons]
        final = course.final_quiz
        if final:
            pages.append(Page(final_path(final.id), final.title, self._final(final)))
        pages += [Page(*page) for page in progress.pages(self)]
        nav = self._nav(final) + [NavItem(title, path) for title, path in progress.nav_entries(self)]
        # the course map (every page shows lesson status in the nav) and the mistakes page's
        # per-quiz review data: scripts, cached by the browser, not copies inside pages
        return RenderedSite(pages, nav, self.strings, files=progress.generated_files(self), scripts=[progress.MAP_SCRIPT])

    def _nav(self, final: Quiz | None) -> list[NavItem]:
        settings = self.course.settings
        nav = [NavItem(self.t("home"), "index.md")]
        lesson_item = lambda lid: NavItem(self.course.lessons[lid].title, lesson_path(lid))  # noqa: E731
        if settings.modules is not None:
            for i, module in enumerate(settings.modules):
                children = [lesson_item(lid) for lid in module.lessons if lid in self.course.lessons]
                nav.append(NavItem(module.title, children=[NavItem(self.t("overview"), module_path(i)), *children]))
        else:
            nav += [lesson_item(lid) for lid in settings.lesson_order() if lid in self.course.lessons]
        if final:
            nav.append(NavItem(final.title, final_path(final.id)))
        return nav

    def _home(self, lessons: list[Lesson]) -> str:
        return self.env.get_template("home.md.j2").render(
            course=self.course.settings, lessons=lessons, modules=self._modules(), final=self.course.final_quiz,
            lesson_path=lesson_path, final_path=final_path, module_path=module_path, contact=self.contact,
            in_modules=self.course.settings.modules is not None,
        )

    def _module_pages(self) -> list[tuple[int, tuple[str, list[Lesson]]]]:
        """A course in modules gets one overview page per module: the home page then lists
        modules, not every lesson, so it stays small whatever the course size."""
        return list(enumerate(self._modules())) if self.course.settings.modules is not None else []

    def _module_page(self, title: str, lessons: list[Lesson]) -> str:
        return self.env.get_template("module.md.j2").render(title=title, lessons=lessons, lesson_path=lambda lid: "../" + lesson_path(lid))

    def _modules(self) -> list[tuple[str, list[Lesson]]]:
        settings = self.course.settings
        if settings.modules is None:
            return [("", self.course.ordered_lessons())]
        return [(m.title, [self.course.lessons[i] for i in m.lessons if i in self.course.lessons]) for m in settings.modules]

    def _lesson(self, lesson: Lesson) -> str:
        quiz = self.course.quizzes.get(lesson.quiz or "")
        return self.env.get_template("lesson.md.j2").render(
            course=self.course.settings, lesson=lesson, callouts=CALLOUTS,
            quiz_html=self.quiz_html(quiz) if quiz and self.quizzes_of(lesson_path(lesson.id)) else "",
        )

    def _final(self, quiz: Quiz) -> str:
        html = self.quiz_html(quiz) if self.quizzes_of(final_path(quiz.id)) else ""
        return self.env.get_template("final.md.j2").render(course=self.course.settings, quiz=quiz, quiz_html=html)

    def renders_quiz(self, quiz: Quiz) -> bool:
        """Whether this render includes `quiz`: the page that holds it is rendered here."""
        return self.quizzes_of(self._quiz_pages.get(quiz.id, ""))

    @cached_property
    def _quiz_pages(self) -> dict[str, str]:
        pages = {lesson.quiz: lesson_path(lesson.id) for lesson in self.course.ordered_lessons() if lesson.quiz}
        final = self.course.final_quiz
        return {**pages, **({final.id: final_path(final.id)} if final else {})}

    def quiz_html(self, quiz: Quiz) -> Markup:
        html = self.env.get_template("quiz.html.j2").render(
            course=self.course.settings, quiz=quiz, pass_mark=self.course.pass_mark(quiz),
            question_html=self._question_html, runtime_strings=self._runtime_strings,
        )
        return Markup(_collapse_blank_lines(html))

    @cached_property
    def _runtime_strings(self) -> str:
        """The strings the quiz runtime needs, as every quiz's data-strings: one JSON text per build."""
        pages_only = {"objectives", "minutes", "key_points", "reflection", "lessons", "start", "home"}
        runtime = {k: v for k, v in self.strings.items() if k not in pages_only and not k.startswith("progress_")}
        return json.dumps(runtime, ensure_ascii=False)

    @cached_property
    def _rendered_questions(self) -> dict[tuple, tuple[QuestionBase, list[str], dict, list[str]]]:
        return {}

    def _question_html(self, quiz: Quiz, question: QuestionBase, number: int, total: int) -> Markup:
        """One question (questions/_item.html.j2). Every copy of a quiz (the lesson's, the
        mistakes page's practice copy) shares its question objects and shows them alike but
        for the slots: rendered once per build, then each copy's slots filled in (issue 8)."""
        cache_key = (id(question), number, total, quiz.mode)
        cached = self._rendered_questions.get(cache_key)
        if cached is None or cached[0] is not question:
            md = self.quiz_md
            html = self.env.get_template("questions/_item.html.j2").render(
                question=question, number=number, total=total, mode=quiz.mode, md=md, **_SLOT_MARKS)
            cached = (question, _SLOT.split(html), question.key(md.block), question.hint_html(md.block))
            self._rendered_questions[cache_key] = cached
        _, parts, key, hints = cached
        seed = f"{quiz.id}/{question.id}"
        slots = {"qid": str(escape(f"quiz-{quiz.id}-{question.id}")), "key": encode_key(seed, key),
                 "hints": encode_key(seed + "#hints", hints) if hints else ""}
        filled = parts.copy()
        filled[1::2] = [slots[name] for name in parts[1::2]]
        return Markup("".join(filled))


def in_parts(course: Course, t: Callable[..., str] = lambda key, **values: key) -> Course:
    """`course` as shown: a long course without modules gets numbered parts (see PARTS_FROM)."""
    order = course.settings.lesson_order()
    if course.settings.modules is not None or len(order) <= PARTS_FROM:
        return course
    size = -(-len(order) // -(-len(order) // PART_SIZE))  # even parts of at most PART_SIZE: no part of one lesson
    parts = [Module(title=t("part", first=start + 1, last=min(start + size, len(order))),
                    lessons=order[start:start + size]) for start in range(0, len(order), size)]
    # model_copy does not validate: a course gives lessons or modules, and this one is only shown
    return replace(course, settings=course.settings.model_copy(update={"modules": parts, "lessons": None}))


def render_site(course: Course, **options) -> RenderedSite:
    return Renderer(course, **options).render()


def _indent_block(text: str, width: int = 4) -> str:
    pad = " " * width
    return "\n".join(pad + line if line.strip() else "" for line in text.strip("\n").splitlines())


def _md_title(text: str) -> str:
    """A title inside `!!! kind "title"`: double quotes would end it early."""
    return text.replace('"', "&quot;")


def _collapse_blank_lines(html: str) -> str:
    # Markdown ends a raw HTML block at a blank line; keep the quiz one block.
    return "\n".join(line for line in html.splitlines() if line.strip())
