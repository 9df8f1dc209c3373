"""The map of the site: every page a course produces, with its path, title and heading anchors.

One object, made from a validated course, that every later stage reads: the renderer
(which pages to write, under which path and title, and the navigation), the integrity
checks (a link is accepted exactly when the built site has its target), the progress
pages and the browser's course map (which page is which lesson), and the parallel
build (which pages to deal out). Page paths are written here and nowhere else.

Paths are Markdown paths relative to the site's docs folder ("lessons/intro.md"); an
engine turns them into URLs. Headings are kept as the Markdown source the page writes,
and their anchors are worked out as MkDocs' `toc` extension does (site/links.py),
only for the pages a link points into, so a 1,000-lesson `check` stays fast.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

from generator.site.links import anchors as toc_anchors
from generator.site.links import headings_in
from markupsafe import escape

from generator.model.course import Course, Lesson, Module, Quiz
from generator.model.dialogue import Dialogue
from generator.model.handout import Handout, PhrasesBlock, TextBlock
from generator.site.markup import inert_lesson, plain_text
from generator.i18n import format_text

HOME_PATH = "index.md"
PROGRESS_PATH = "progress.md"
CERTIFICATE_PATH = "certificate.md"
MISTAKES_PATH = "mistakes.md"

# A course listed with `lessons:` (no modules) and longer than PARTS_FROM is shown in parts
# of PART_SIZE lessons, as if in modules: otherwise every page's navigation and the home
# page list every lesson, and a 1,000-lesson catalogue had 320 KB pages (issue 8).
PARTS_FROM = 40
PART_SIZE = 20


def lesson_path(lesson_id: str) -> str:
    return f"lessons/{lesson_id}.md"


def module_path(index: int) -> str:
    """The overview page of the module at `index` (0-based) in the course as shown."""
    return f"modules/module-{index + 1}.md"


def final_path(quiz_id: str) -> str:
    return f"assessment/{quiz_id}.md"


def scenario_path(scenario_id: str) -> str:
    """The page of a scenario placed on its own (`scenarios:` of a module)."""
    return f"practice/{scenario_id}.md"


def dialogue_path(dialogue_id: str) -> str:
    """The page of an annotated dialogue (`dialogues:` in course.yml)."""
    return f"dialogues/{dialogue_id}.md"


def relative_link(here: str, target: str) -> str:
    """The relative Markdown link from the page at `here` to the page at `target` (both docs paths)."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def handout_path(handout_id: str) -> str:
    """The page of a printable handout (`handouts:` in course.yml)."""
    return f"toolkit/{handout_id}.md"


def scenario_anchor(scenario_id: str, node_id: str = "") -> str:
    """The id of a scenario's section on its lesson page, or of one node's section in it:
    without JavaScript, replies link to nodes by these. An underscore, which no id holds,
    keeps two scenarios' anchors apart."""
    return f"scenario-{scenario_id}" + (f"_node-{node_id}" if node_id else "")


def scenario_end_anchor(scenario_id: str) -> str:
    """The section a reply that ends the conversation links to without JavaScript (which
    ending it is stays in the encoded key)."""
    return f"scenario-{scenario_id}_end"


@dataclass(frozen=True)
class SitePage:
    """One page: its docs-relative Markdown path, title, and what it shows.

    `kind` is home, module, lesson, scenario, dialogue, final, handout, progress, certificate or mistakes; `key` is
    the lesson id, the scenario's, dialogue's or handout's id, the final quiz's id or the module's index (as text), else "".
    """

    path: str
    title: str
    kind: str
    key: str = ""


@dataclass
class NavItem:
    """An entry of the site's navigation: a page (`path`) or a section of `children`."""

    title: str
    path: str | None = None
    children: list[NavItem] = field(default_factory=list)


class SiteMap:
    """Every page of a course's site, in site order, and the navigation over them.

    `strings` are the interface strings of the course's language (i18n.strings_for);
    `contact` says whether the home page shows a brand's contact details (a heading).
    """

    def __init__(self, course: Course, strings: dict[str, str], *, contact: bool = False, allow_html: bool = True) -> None:
        self.strings = strings
        self.language = course.settings.language  # plural forms of counted strings (i18n.format_text)
        self.contact = contact
        self.allow_html = allow_html  # False: lesson text is shown with every tag as text (site/markup.py)
        self.course = in_parts(course, self.t)  # the course as shown: a long flat course in parts
        self.pages = self._pages()
        self.by_path = {page.path: page for page in self.pages}

    def t(self, key: str, **values: object) -> str:
        """The interface string `key` with `values` in its `{name}`s, a count's plural form
        chosen by the course language (i18n.format_text)."""
        return format_text(self.strings.get(key, key), self.language, values)

    # --- the pages -------------------------------------------------------------------

    def _pages(self) -> list[SitePage]:
        course = self.course
        pages = [SitePage(HOME_PATH, course.settings.title, "home")]
        pages += [SitePage(module_path(i), title, "module", str(i)) for i, (title, _) in enumerate(self.modules)]
        pages += [SitePage(lesson_path(lesson.id), lesson.title, "lesson", lesson.id) for lesson in course.ordered_lessons()]
        pages += [SitePage(scenario_path(s.id), s.title, "scenario", s.id) for s in course.module_scenarios()]
        pages += [SitePage(dialogue_path(d.id), d.title, "dialogue", d.id) for d in self.shown_dialogues]
        final = course.final_quiz
        if final:
            pages.append(SitePage(final_path(final.id), final.title, "final", final.id))
        pages += [SitePage(handout_path(h.id), h.title, "handout", h.id) for h in course.listed_handouts()]
        pages += [SitePage(PROGRESS_PATH, self.t("progress_title"), "progress"),
                  SitePage(CERTIFICATE_PATH, self.t("progress_certificate_title"), "certificate"),
                  SitePage(MISTAKES_PATH, self.t("progress_mistakes_title"), "mistakes")]
        return pages

    @cached_property
    def modules(self) -> list[tuple[str, list[Lesson]]]:
        """(title, lessons) of each module with an overview page; none for a short flat course.
        A module with no lessons yet (being filled; `check` warns) gets no page."""
        course = self.course
        if course.settings.modules is None:
            return []
        return [(m.title, [course.lessons[i] for i in m.lessons if i in course.lessons]) for m in course.settings.modules if m.lessons]

    @cached_property
    def _shown_modules(self) -> list[Module]:
        """The modules with an overview page (`modules`), as in course.yml."""
        return [m for m in self.course.settings.modules or [] if m.lessons]

    @cached_property
    def _scenario_home(self) -> dict[str, int]:
        """Each scenario on its own page: the index of the first shown module that lists it."""
        home: dict[str, int] = {}
        for i, module in enumerate(self._shown_modules):
            for sid in module.scenarios:
                home.setdefault(sid, i)
        return home

    @cached_property
    def shown_dialogues(self) -> list[Dialogue]:
        """The dialogues listed in course.yml whose lesson the site shows, in that order."""
        shown = set(self.course.settings.lesson_order())
        return [d for d in self.course.listed_dialogues() if d.lesson in shown]

    def lesson_dialogues(self, lesson_id: str) -> list[tuple[str, str]]:
        """(title, path) of each dialogue that illustrates a lesson: the links at the end of its page."""
        return [(d.title, dialogue_path(d.id)) for d in self.shown_dialogues if d.lesson == lesson_id]

    def quiz_page(self, quiz: Quiz) -> str | None:
        """The page that holds a quiz: its lesson's, or the final assessment's; None if not shown."""
        return self._quiz_pages.get(quiz.id)

    @cached_property
    def _quiz_pages(self) -> dict[str, str]:
        pages = {lesson.quiz: lesson_path(lesson.id) for lesson in self.course.ordered_lessons() if lesson.quiz}
        final = self.course.final_quiz
        return {**pages, **({final.id: final_path(final.id)} if final else {})}

    def dealt_pages(self) -> list[str]:
        """The pages a parallel build deals out between processes: module overviews, then lessons."""
        return [page.path for page in self.pages if page.kind in ("module", "lesson")]

    def course_map_pages(self) -> list[list[str]]:
        """[path, kind, key] of every page: what the browser needs to tell one page from another."""
        return [[page.path, page.kind, page.key] for page in self.pages]

    # --- navigation ------------------------------------------------------------------

    def nav(self) -> list[NavItem]:
        """Home, the lessons (in modules or parts, each led by its overview, named after it), the dialogues,
        the final, the toolkit (the handouts, in a section), the progress pages."""
        course = self.course
        nav = [NavItem(self.t("home"), HOME_PATH)]
        if course.settings.modules is not None:
            shown = {s.id for s in course.module_scenarios()}
            for i, (title, lessons) in enumerate(self.modules):
                children = [NavItem(lesson.title, lesson_path(lesson.id)) for lesson in lessons]
                module = self._shown_modules[i]
                children += [NavItem(course.scenarios[sid].title, scenario_path(sid)) for sid in dict.fromkeys(module.scenarios)
                             if sid in shown and self._scenario_home[sid] == i]
                # the overview is named after its module: the footer says "Next → <module>", not "Next → Overview"
                nav.append(NavItem(title, children=[NavItem(title, module_path(i)), *children]))
        else:
            nav += [NavItem(lesson.title, lesson_path(lesson.id)) for lesson in course.ordered_lessons()]
        if self.shown_dialogues:
            nav.append(NavItem(self.t("dialogues"), children=[NavItem(d.title, dialogue_path(d.id)) for d in self.shown_dialogues]))
        final = course.final_quiz
        if final:
            nav.append(NavItem(final.title, final_path(final.id)))
        handouts = course.listed_handouts()
        if handouts:
            nav.append(NavItem(self.t("toolkit"), children=[NavItem(h.title, handout_path(h.id)) for h in handouts]))
        return nav + [NavItem(self.by_path[path].title, path) for path in (PROGRESS_PATH, MISTAKES_PATH, CERTIFICATE_PATH)]

    # --- headings and anchors --------------------------------------------------------

    def headings(self, path: str) -> list[str]:
        """The Markdown source of every heading the page at `path` has, in order.

        What the templates in site/templates/ write; tests/build/ compares the anchors
        with those of a real build, page by page."""
        page = self.by_path[path]
        t, course = self.t, self.course
        if page.kind == "lesson":
            lesson = course.lessons[page.key]
            return lesson_headings(lesson if self.allow_html else inert_lesson(lesson), self.strings) + [
                str(escape(scenario.title)) for scenario in course.lesson_scenarios(lesson.id)]
        if page.kind == "home":  # course and module titles are escaped (`| e`), quiz titles plain text
            return ([str(escape(course.settings.title))] + [t("final_assessment")] * bool(course.final_quiz)
                    + [t("toolkit")] * bool(course.listed_handouts()) + [t("contact")] * self.contact)
        if page.kind == "progress":
            return [t("progress_title"), t("progress_summary_title"), t("progress_transfer_title"), t("progress_reset_title")]
        if page.kind == "final":
            return [plain_text(page.title)]
        if page.kind in ("scenario", "dialogue"):
            return [str(escape(page.title))]
        if page.kind == "handout":
            return handout_headings(course.handouts[page.key])
        if page.kind == "module":
            return [str(escape(page.title))]
        return [page.title]

    def anchors(self, path: str) -> list[str]:
        """The ids MkDocs gives the headings of the page at `path`."""
        return toc_anchors(self.headings(path))

    @staticmethod
    def link_target(here: str, target: str) -> str:
        """The docs path a relative link's path (no #anchor) written on page `here` leads to."""
        return posixpath.normpath(posixpath.join(posixpath.dirname(here), target)) if target else here


def lesson_headings(lesson: Lesson, strings: dict[str, str]) -> list[str]:
    """A lesson page's headings (site/templates/lesson.md.j2): title, sections and the
    headings in their bodies, key points, reflection, the quiz."""
    headings = [str(escape(lesson.title))]
    for section in lesson.sections:
        headings += [section.heading, *headings_in(section.body)]
    headings += [strings["key_points"]] * bool(lesson.key_points) + [strings["reflection"]] * bool(lesson.reflection)
    return headings + [strings["check_yourself"]] * bool(lesson.quiz)


def handout_headings(handout: Handout) -> list[str]:
    """A handout page's headings (site/templates/handout.md.j2): its title, each block's heading,
    the situations of its `phrases` blocks and the headings in its `text` blocks."""
    headings = [str(escape(handout.title))]
    for block in handout.blocks:
        headings += [str(escape(block.heading))] * bool(block.heading)
        if isinstance(block, PhrasesBlock):
            headings += [situation.situation for situation in block.situations]
        elif isinstance(block, TextBlock):
            headings += headings_in(block.body)
    return headings


def in_parts(course: Course, t: Callable[..., str] = lambda key, **values: key) -> Course:
    """`course` as shown: a long course without modules gets numbered parts (see PARTS_FROM).
    A new Course: the one given is not changed."""
    order = course.settings.lesson_order()
    if course.settings.modules is not None or len(order) <= PARTS_FROM:
        return course
    size = -(-len(order) // -(-len(order) // PART_SIZE))  # even parts of at most PART_SIZE: no part of one lesson
    parts = [Module(title=t("part", first=start + 1, last=min(start + size, len(order))),
                    lessons=order[start:start + size]) for start in range(0, len(order), size)]
    # model_copy does not validate: a course gives lessons or modules, and this one is only shown
    return replace(course, settings=course.settings.model_copy(update={"modules": parts, "lessons": None}))
