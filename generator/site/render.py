"""Render a validated course into pages (Markdown for the site engine) and a nav tree.

Pure functions over the model: no files are written here and no site engine is
imported. Templates live in generator/site/templates/.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial

from pydantic import BaseModel
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from generator.site import progress
from generator.site.sitemap import (
    CERTIFICATE_PATH, MISTAKES_PATH, PROGRESS_PATH, NavItem, SiteMap, SitePage, final_path, lesson_path, module_path, scenario_anchor,
    scenario_end_anchor, relative_link, handout_path,
)
from generator.site.contact import Contact
from generator.site.encode import encode_key
from generator.site.figures import figure_html
from generator.i18n import strings_for
from generator.site.markup import LangMarked, QuizMarkdown, meta_text, plain_text
from generator.load.settings import MarkdownExtension
from generator.model.course import Course, Quiz
from generator.model.questions.base import QuestionBase
from generator.model.translation import texts
from generator.model.scenario import Scenario
from generator.model.scenario_paths import best_points, paths

# Markdown extensions every engine must enable for the pages render.py writes.
REQUIRED_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "pymdownx.details"]

CALLOUTS = {"story": "story", "scenario": "scenario", "tip": "tip", "warning": "warning"}

# Stand-ins for what differs between copies of a rendered question (Renderer._question_html).
# No rendered text can hold one: quiz text reaches the page escaped, so a "<" there only
# opens a tag the generator wrote.
_SLOT_MARKS = {name: Markup(f"<\x00{name}>") for name in ("qid", "key", "hints")}
_SLOT = re.compile("<\x00(qid|key|hints)>")  # split() gives text, slot name, text, ...


@dataclass(frozen=True)
class Page:
    """A rendered page: Markdown for the engine, with finished HTML blocks kept apart.

    `content` holds a placeholder comment (`block_placeholder(i)`) where each of `blocks`
    goes: a quiz is HTML the renderer has already made safe, and an engine need not pass
    it through Markdown again (the MkDocs adapter puts it back in the finished page,
    issue 8). `markdown()` is the page with its blocks in place, for engines that take
    one Markdown file per page (the export)."""

    path: str  # e.g. "lessons/rapport-trap.md", a SiteMap path
    title: str
    content: str
    blocks: tuple[str, ...] = ()

    def markdown(self) -> str:
        return put_back(self.content, self.blocks)


def block_placeholder(i: int) -> str:
    return f"<!--cq-block-{i}-->"


def put_back(text: str, blocks: tuple[str, ...] | list[str]) -> str:
    """`text` (a page's Markdown, or its finished HTML) with every block in its placeholder's place.
    Raises LookupError when a placeholder went missing on the way (a Markdown extension ate it)."""
    for i, block in enumerate(blocks):
        if block_placeholder(i) not in text:
            raise LookupError(f"the page lost its placeholder {block_placeholder(i)} in the Markdown pass")
        text = text.replace(block_placeholder(i), block, 1)
    return text


@dataclass
class RenderedSite:
    """What the renderer makes of a course: its pages, navigation and generated files."""

    pages: list[Page]
    nav: list[NavItem]
    strings: dict[str, str]
    # generated asset files (site path, bytes) the engine writes beside the pages, and the
    # ones among them every page loads as scripts (before the package's own, assets.scripts())
    files: list[tuple[str, bytes]] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    site: SiteMap | None = None  # None only for the preview's error page


class Renderer:
    """Renders a course's pages from its site map. Pure: no file is written, and the
    course given is not changed.

    `contact` is a brand's contact details (shown on the home page and the certificate),
    `brand_name` its firm; `markdown_extensions` the site's (quiz text is rendered with them); `quizzes_of(path)` says whether the quizzes of the page at
    `path` are rendered here (a parallel build renders the others in other processes)."""

    def __init__(self, course: Course, *, strings: dict[str, str] | None = None,
                 contact: list[Contact] | None = None, brand_name: str = "",
                 quizzes_of: Callable[[str], bool] | None = None,
                 markdown_extensions: tuple[MarkdownExtension, ...] = ()):
        self.quizzes_of = quizzes_of or (lambda path: True)
        self.contact = contact or []
        self.brand_name = brand_name
        self.strings = strings_for(course.settings.language, course.settings.strings, strings or {})
        self.site = SiteMap(course, self.strings, contact=bool(self.contact))
        self.course = self.site.course
        self.env = Environment(
            loader=PackageLoader("generator.site", "templates"),
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
        self.env.filters["meta_text"] = meta_text  # a page's description, in its front matter
        self.env.globals["t"] = self.t
        self.env.globals["fallback"] = self.fallback_lang
        self.quiz_md = QuizMarkdown(markdown_extensions)

    def t(self, key: str, **values: object) -> str:
        return self.site.t(key, **values)

    def fallback_lang(self, kind: str, item_id: str, *prefix: object) -> str:
        """The source language when a translated course shows this text (or any text under
        `prefix`) in it, for the element's `lang` (WCAG 3.1.2); "" when it is translated."""
        translation = self.course.translation
        return translation.fallback_lang(kind, item_id, *prefix) if translation is not None else ""

    def render(self) -> RenderedSite:
        render_kind = {"home": self._home, "module": self._module_page, "lesson": self._lesson, "final": self._final,
                       "scenario": self._scenario_page, "dialogue": self._dialogue_page, "handout": self._handout_page,
                       "progress": self._progress_page, "certificate": self._progress_page, "mistakes": self._progress_page}
        pages = [render_kind[page.kind](page) for page in self.site.pages]
        # the course map (every page shows lesson status in the nav) and the mistakes page's
        # per-quiz review data: scripts, cached by the browser, not copies inside pages
        return RenderedSite(pages, self.site.nav(), self.strings, files=progress.generated_files(self),
                            scripts=[progress.MAP_SCRIPT], site=self.site)

    def _home(self, page: SitePage) -> Page:
        content = self.env.get_template("home.md.j2").render(
            course=self.course.settings, modules=self.site.modules or [("", self.course.ordered_lessons())],
            final=self.course.final_quiz, lesson_path=lesson_path, final_path=final_path, module_path=module_path,
            contact=self.contact, in_modules=self.course.settings.modules is not None,
            first=next(iter(self.course.ordered_lessons()), None),
            links=[(self.site.by_path[p].title, p) for p in (PROGRESS_PATH, MISTAKES_PATH, CERTIFICATE_PATH)],
            handouts=[(h, handout_path(h.id)) for h in self.course.listed_handouts()],
        )
        return Page(page.path, page.title, content)

    def _module_page(self, page: SitePage) -> Page:
        """A course in modules gets one overview page per module: the home page then lists
        modules, not every lesson, so it stays small whatever the course size."""
        title, lessons = self.site.modules[int(page.key)]
        content = self.env.get_template("module.md.j2").render(title=title, lessons=lessons,
                                                               lesson_path=lambda lid: "../" + lesson_path(lid))
        return Page(page.path, page.title, content)

    def _lesson(self, page: SitePage) -> Page:
        lesson = self.course.lessons[page.key]
        quiz = self.course.quizzes.get(lesson.quiz or "")
        here = self.quizzes_of(page.path)
        blocks = [str(self.quiz_html(quiz))] if quiz and here else []
        scenarios = []
        for scenario in self.course.lesson_scenarios(lesson.id) if here else []:
            scenarios.append((scenario.title, self.fallback_lang("scenario", scenario.id, "title"),
                              Markup(block_placeholder(len(blocks)))))
            blocks.append(str(self.scenario_html(scenario)))
        figures = {}  # section index -> its figure's placeholder: the drawing is HTML kept out of Markdown
        for i, section in enumerate(lesson.sections):
            if section.figure:
                figures[i] = Markup(block_placeholder(len(blocks)))
                blocks.append(str(self.figure_html(section.figure)))
        content = self.env.get_template("lesson.md.j2").render(
            course=self.course.settings, lesson=lesson, callouts=CALLOUTS, lang=partial(self.fallback_lang, "lesson", lesson.id),
            quiz_html=Markup(block_placeholder(0)) if quiz and here else "", scenarios=scenarios, figures=figures,
            dialogues=[(title, relative_link(page.path, path)) for title, path in self.site.lesson_dialogues(lesson.id)],
            written_strings=self._written_strings,
        )
        return Page(page.path, page.title, content, tuple(blocks))

    def figure_html(self, figure_id: str) -> Markup:
        """A figure (site/figures.py), marked with the source language when a translated course shows any of its text untranslated."""
        return figure_html(self.course.figures[figure_id], self.course.figure_svgs[figure_id],
                           lang=self.fallback_lang("figure", figure_id))

    def _final(self, page: SitePage) -> Page:
        quiz = self.course.quizzes[page.key]
        blocks = (str(self.quiz_html(quiz)),) if self.quizzes_of(page.path) else ()
        content = self.env.get_template("final.md.j2").render(
            course=self.course.settings, quiz=quiz, quiz_html=Markup(block_placeholder(0)) if blocks else "",
            lang=partial(self.fallback_lang, "quiz", quiz.id))
        return Page(page.path, page.title, content, blocks)

    def _scenario_page(self, page: SitePage) -> Page:
        """A scenario on its own page (`scenarios:` of a module)."""
        scenario = self.course.scenarios[page.key]
        blocks = (str(self.scenario_html(scenario, level=2)),) if self.quizzes_of(page.path) else ()  # under the page's h1
        content = self.env.get_template("scenario-page.md.j2").render(
            scenario=scenario, scenario_html=Markup(block_placeholder(0)) if blocks else "",
            title_lang=self.fallback_lang("scenario", scenario.id, "title"))
        return Page(page.path, page.title, content, blocks)

    def _dialogue_page(self, page: SitePage) -> Page:
        """An annotated dialogue (templates/dialogue-page.md.j2): its legend and transcript are
        raw HTML in the page's Markdown (dialogue.html.j2, text rendered here), so that the site's
        search indexes the transcript alike in every engine."""
        dialogue = self.course.dialogues[page.key]
        lesson = self.course.lessons[dialogue.lesson]
        lang = partial(self.fallback_lang, "dialogue", dialogue.id)
        values = {"dialogue": dialogue, "md": self.quiz_md, "lang": lang, "marks": dialogue.marks(),
                  "roles": {s.id: s.role for s in dialogue.speakers}, "mark_label": self._mark_label,
                  "mark_about": lambda mark: self.t(f"dialogue_mark_{mark.replace('-', '_')}_about")}
        legend, transcript = (Markup(_collapse_blank_lines(self.env.get_template("dialogue.html.j2").render(part=part, **values)))
                              for part in ("legend", "transcript"))
        content = self.env.get_template("dialogue-page.md.j2").render(
            dialogue=dialogue, lesson=lesson, lang=lang, lesson_href=relative_link(page.path, lesson_path(lesson.id)),
            legend_html=legend, transcript_html=transcript)
        return Page(page.path, page.title, content)

    def _mark_label(self, mark: str) -> str:
        """A dialogue mark's visible label in the course language (strings.yml `dialogue_mark_<mark>`)."""
        return self.t(f"dialogue_mark_{mark.replace('-', '_')}")

    def _handout_page(self, page: SitePage) -> Page:
        """A printable handout (`handouts:` in course.yml; templates/handout.md.j2, assets/handout.css)."""
        handout = self.course.handouts[page.key]
        content = self.env.get_template("handout.md.j2").render(
            handout=handout, md=self._marked_texts("handout", handout.id, handout), lang=partial(self.fallback_lang, "handout", handout.id))
        return Page(page.path, page.title, content)

    def _marked_texts(self, kind: str, item_id: str, model: BaseModel) -> QuizMarkdown | LangMarked:
        """The quiz Markdown for a model's texts; in a translated course, one that marks each
        text shown in the source language with that `lang` (WCAG 3.1.2)."""
        translation = self.course.translation
        if translation is None:
            return self.quiz_md
        fallbacks = {text: translation.source_language for path, text in texts(model) if translation.fallback_lang(kind, item_id, *path)}
        return LangMarked(self.quiz_md, fallbacks) if fallbacks else self.quiz_md

    def _progress_page(self, page: SitePage) -> Page:
        return Page(page.path, page.title, progress.page(self, page))

    def renders_quiz(self, quiz: Quiz) -> bool:
        """Whether this render includes `quiz`: the page that holds it is rendered here."""
        return self.quizzes_of(self.site.quiz_page(quiz) or "")

    def quiz_html(self, quiz: Quiz) -> Markup:
        html = self.env.get_template("quiz.html.j2").render(
            course=self.course.settings, quiz=quiz, pass_mark=self.course.pass_mark(quiz),
            question_html=self._question_html, runtime_strings=self._runtime_strings, topics=self._topics(quiz),
            written_html=self._written_html, written_strings=self._written_strings,
        )
        return Markup(_collapse_blank_lines(html))

    def _topics(self, quiz: Quiz) -> str:
        """{objective id: its text} for the objectives `quiz` asks about, as JSON: what an assessment
        with `review: after_pass` or `score_only` names as topics to revisit."""
        texts = {o.id: o.text for lesson in self.course.ordered_lessons() for o in lesson.objectives}
        return json.dumps({q.objective: texts.get(q.objective, q.objective) for q in quiz.questions}, ensure_ascii=False)

    def scenario_html(self, scenario: Scenario, level: int = 3) -> Markup:
        """A scenario's block (templates/scenario.html.j2): its nodes readable without
        JavaScript, and what only the runtime may know (where each reply leads, its points
        and note, the endings) in an encoded key seeded by "scenario/<id>". In a translated
        course each text shown in the source language carries its `lang`, in the page and in
        the key, so scenario.js shows it marked too. `level`: of the outcome's heading the
        runtime adds, one below the heading the block sits under (a lesson's "## <title>": 3;
        a page of its own's "# <title>": 2), so no level is skipped."""
        md = self._scenario_marked(scenario)
        key = {
            "best": best_points(paths(scenario)[0]),
            "nodes": {n.id: [[c.to, c.points, md.block(c.feedback)] for c in n.choices] for n in scenario.nodes},
            "endings": {e.id: [md.inline(e.title), e.passed, md.block(e.says), md.block(e.debrief)] for e in scenario.endings},
        }
        html = self.env.get_template("scenario.html.j2").render(
            course=self.course.settings, scenario=scenario, pass_mark=self.course.scenario_pass_mark(scenario), md=md,
            key=encode_key(f"scenario/{scenario.id}", key), strings=self._scenario_strings,
            anchor=scenario_anchor, end_anchor=scenario_end_anchor, node_ids={n.id for n in scenario.nodes}, level=level)
        return Markup(_collapse_blank_lines(html))

    def _scenario_marked(self, scenario: Scenario) -> QuizMarkdown | LangMarked:
        """The quiz Markdown for a scenario; in a translated course, one that marks its
        untranslated texts with the source language (WCAG 3.1.2)."""
        return self._marked_texts("scenario", scenario.id, scenario)

    @cached_property
    def _runtime_strings(self) -> str:
        """The strings the quiz runtime needs, as every quiz's data-strings: one JSON text per build."""
        pages_only = {"objectives", "minutes", "key_points", "reflection", "lessons", "start", "home", "contact", "to_dark", "to_light",
                      "continue_at", "dialogues", "toolkit"}
        # progress_*: progress.js's, from the course map; lms_*: the LMS launcher's (engines/lms/); scenario_*: scenario.js's;
        # written_*, reflection_*: written.js's; dialogue_*: the dialogue pages' (no runtime)
        runtime = {k: v for k, v in self.strings.items() if k not in pages_only and not k.startswith(
            ("progress_", "lms_", "scenario_", "written_", "reflection_", "dialogue_", "handout_"))}
        return json.dumps(runtime, ensure_ascii=False)

    @cached_property
    def _written_strings(self) -> str:
        """The strings the written-answer runtime needs (assets/written/written.js), as data-writing."""
        return json.dumps({k: v for k, v in self.strings.items() if k.startswith(("written_", "reflection_"))}, ensure_ascii=False)

    def _written_html(self, quiz: Quiz, question: QuestionBase) -> Markup:
        """A written question (questions/written.html.j2): not a .cq-item, no key; the lesson's copy only
        (the mistakes page's practice copy leaves it out: progress.review_copy)."""
        return Markup(self.env.get_template("questions/written.html.j2").render(
            question=question, md=self._marked(quiz, question), qid=f"quiz-{quiz.id}-{question.id}"))

    @cached_property
    def _scenario_strings(self) -> str:
        """The strings the scenario runtime needs (assets/scenario/scenario.js), as each scenario's data-strings."""
        runtime = {k: v for k, v in self.strings.items() if k.startswith("scenario_") or k in ("passed", "not_passed")}
        return json.dumps(runtime, ensure_ascii=False)

    @cached_property
    def _rendered_questions(self) -> dict[tuple, tuple[QuestionBase, list[str], dict, list[str]]]:
        return {}

    def _marked(self, quiz: Quiz, question: QuestionBase) -> QuizMarkdown | LangMarked:
        """The quiz Markdown for a question; in a translated course, one that marks each of
        its texts shown in the source language with that `lang` (WCAG 3.1.2)."""
        translation = self.course.translation
        if translation is None:
            return self.quiz_md
        shown = dict(texts(question))
        fallbacks = {shown[path]: translation.source_language for path in shown
                     if translation.item_lang("quiz", quiz.id, "questions", question.id, *path)}
        return LangMarked(self.quiz_md, fallbacks) if fallbacks else self.quiz_md

    def _question_html(self, quiz: Quiz, question: QuestionBase, number: int, total: int) -> Markup:
        """One question (questions/_item.html.j2). Every copy of a quiz (the lesson's, the
        mistakes page's practice copy) shares its question objects and shows them alike but
        for the slots: rendered once per build, then each copy's slots filled in (issue 8)."""
        cache_key = (id(question), number, total, quiz.mode)
        cached = self._rendered_questions.get(cache_key)
        if cached is None or cached[0] is not question:
            md = self._marked(quiz, question)
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


def render_site(course: Course, **options) -> RenderedSite:
    return Renderer(course, **options).render()


def _indent_block(text: str, width: int = 4) -> str:
    pad = " " * width
    return "\n".join(pad + line if line.strip() else "" for line in text.strip("\n").splitlines())


def _md_title(text: str) -> str:
    """A title inside `!!! kind "title"`: double quotes would end it early."""
    return text.replace('"', "&quot;")


_PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL)
_BLANK_AHEAD = re.compile(r"\n(?=[ \t]*\n)")


def _collapse_blank_lines(html: str) -> str:
    # Markdown ends a raw HTML block at a blank line; keep the quiz one block. Code keeps its
    # blank lines: the line break before one is written as an entity, which reads the same.
    html = _PRE.sub(lambda m: _BLANK_AHEAD.sub("&#10;", m.group(0)), html)
    return "\n".join(line for line in html.split("\n") if line.strip())
