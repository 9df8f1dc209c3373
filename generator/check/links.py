"""Links and images in lesson and quiz text: a link is accepted exactly when the built
site has its target page and anchor (the site map says which), an image exists and has
alt text, and quiz text holds no link it could not carry."""

from __future__ import annotations

import difflib
import posixpath
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from generator.check.lessons import lesson_texts
from generator.check.locate import find_text, suggest, unloaded
from generator.check.options import CheckOptions
from generator.errors import Finding
from generator.i18n import strings_for
from generator.model.course import Course, Quiz
from generator.site import links
from generator.site.sitemap import SiteMap, final_path, lesson_path


class _PageAnchors(Mapping):
    """The site's pages (paths as in docs_dir, from the site map) and the heading anchors
    each will have, worked out for a page only when a link asks for one of its anchors:
    most pages are never asked, and slugging every heading of 1,000 lessons was a fifth
    of the checks (issue 8)."""

    def __init__(self, site: SiteMap):
        self._site = site
        self._anchors: dict[str, list[str]] = {}

    def __getitem__(self, page: str) -> list[str]:
        if page not in self._anchors:
            self._anchors[page] = self._site.anchors(page)
        return self._anchors[page]

    def __contains__(self, page: object) -> bool:
        return page in self._site.by_path

    def __iter__(self) -> Iterator[str]:
        return iter(self._site.by_path)

    def __len__(self) -> int:
        return len(self._site.by_path)


def page_anchors(course: Course, options: CheckOptions) -> _PageAnchors:
    """The site's pages and the heading anchors each will have: the site map's."""
    strings = strings_for(course.settings.language, course.settings.strings)
    return _PageAnchors(SiteMap(course, strings, contact=options.contact, allow_html=options.allow_html))


def check_links(course: Course, options: CheckOptions) -> Iterator[Finding]:
    pages = page_anchors(course, options)
    failed = frozenset(lesson_path(stem) for stem in unloaded(course, "lesson"))
    options = replace(options, unchecked_pages=failed)  # a lesson that failed to load: its page is unknown, not missing
    for lesson in course.lessons.values():
        here = lesson_path(lesson.id)
        for path, text in _linkable(lesson_texts(lesson)):
            for link, nth in _numbered(links.links_in(text)):
                where = lambda spot=link.target, link=link, nth=nth, lid=lesson.id, path=path: find_text(  # noqa: E731
                    course, "lesson", lid, path, link.raw, spot, nth)
                if link.image:
                    yield from _image_findings(link, here, where, options)
                elif not link.external:
                    yield from _link_findings(link, here, pages, where, options)
    for quiz in course.quizzes.values():
        here = final_path(quiz.id) if quiz.final else lesson_path(quiz.lesson or "")
        for path, text in _quiz_link_texts(quiz):
            for link, nth in _numbered(links.links_in(text)):
                where = lambda spot=link.target, link=link, nth=nth, qid=quiz.id, path=path: find_text(  # noqa: E731
                    course, "quiz", qid, path, link.raw, spot, nth)
                if link.image and not link.text:
                    yield Finding(where(""), f"image '{link.target}' has no alt text",
                                  hint=f"describe what it shows for learners who cannot see it: ![A client nodding]({link.target})", code="image-alt")
                if link.external or (not link.image and not link.path):  # a full address, or #anchor on the quiz's page
                    if not link.external and here in pages:
                        yield from _link_findings(link, here, pages, where, options)
                    continue
                what = "image" if link.image else "link to"
                yield Finding(where(), f"{what} '{link.target}': quiz text is not converted to site addresses, so this would not open",
                              hint="show it in the lesson text instead, or use a full https:// address", code="quiz-relative-link")


def _linkable(texts: Iterable[tuple[tuple, str]]) -> list[tuple[tuple, str]]:
    """The texts that may hold a link (links.may_link, written out: most hold none, and
    at 1,000 lessons there are 85,000 texts to look at; issue 8)."""
    return [(path, text) for path, text in texts if "](" in text or "<" in text]


def _numbered(found: Iterable[links.Link]) -> Iterator[tuple[links.Link, int]]:
    """Each link with the count of identical links before it in the same text."""
    seen: Counter[str] = Counter()
    for link in found:
        yield link, seen[link.raw]
        seen[link.raw] += 1


_QUIZ_TEXT_FIELDS = ("scenario", "prompt", "explanation", "feedback_correct", "feedback_incorrect", "model_answer")


def _quiz_link_texts(quiz: Quiz) -> list[tuple[tuple, str]]:
    """The Markdown texts of a quiz's questions that may hold a link (see `_linkable`), with
    their data paths. A path is made only for those: a quiz has 70 texts (issue 8)."""
    found: list[tuple[tuple, str]] = []
    for q, question in enumerate(quiz.questions):
        fields = question.__dict__  # not getattr: a field a question type lacks costs pydantic's __getattr__ (issue 8)
        for name in _QUIZ_TEXT_FIELDS:
            value = fields.get(name)
            if isinstance(value, str) and ("](" in value or "<" in value):
                found.append((("questions", q, name), value))
        for i, hint in enumerate(question.hints):
            if "](" in hint or "<" in hint:
                found.append((("questions", q, "hints", i), hint))
        for i, point in enumerate(fields.get("checklist") or ()):
            if "](" in point or "<" in point:
                found.append((("questions", q, "checklist", i), point))
        for i, option in enumerate(fields.get("options") or ()):
            text, feedback = option.text, option.feedback
            if "](" in text or "<" in text:
                found.append((("questions", q, "options", i, "text"), text))
            if feedback and ("](" in feedback or "<" in feedback):
                found.append((("questions", q, "options", i, "feedback"), feedback))
        for i, item in enumerate(fields.get("items") or ()):
            if "](" in item or "<" in item:
                found.append((("questions", q, "items", i), item))
    return found


def _image_findings(link: links.Link, here: str, where, options: CheckOptions) -> Iterator[Finding]:
    if not link.text:
        yield Finding(where(""), f"image '{link.target}' has no alt text",
                      hint=f"describe what it shows for learners who cannot see it: ![A client nodding]({link.target})", code="image-alt")
    if link.external or not link.path or options.docs_dir is None:
        return
    target = SiteMap.link_target(here, link.path)
    file = options.docs_dir / target
    if target.startswith("../") or not file.is_file():
        folder = file.parent
        nearby = [p.name for p in folder.iterdir() if p.is_file()] if folder.is_dir() else []
        close = suggest(Path(link.path).name, nearby)
        shown = f"{options.docs_dir.name}/{target}"
        yield Finding(where(), f"image '{link.target}' does not exist: there is no {shown}",
                      hint=close or f"put the picture next to the lesson, in {options.docs_dir.name}/lessons/, and link it by its file name",
                      code="missing-image")


_SOURCE_SUFFIXES = (".yml", ".yaml")  # the course's own files: never published (exclude_docs in mkdocs.yml)
_ADDRESS_SUFFIXES = (".html", ".htm")


def _page_form(link: links.Link, here: str, pages: Mapping[str, list[str]], options: CheckOptions) -> tuple[str, str] | None:
    """(message, hint) for a link that names a page by something other than its .md name (its .yml, its .html
    address, its bare id, its folder URL), or any .yml file: MkDocs converts only `x.md`
    links to page addresses; the rest are left as written and do not open in every build
    (a .yml is not published, a folder URL fails with .html addresses and from file://)."""
    path = link.path
    suffix = posixpath.splitext(path.rstrip("/"))[1].lower()
    if suffix not in _SOURCE_SUFFIXES:
        if options.docs_dir is not None and (options.docs_dir / SiteMap.link_target(here, path)).is_file():
            return None  # a file shipped with the site: a handout, a picture
        if suffix and suffix not in _ADDRESS_SUFFIXES:
            return None  # a missing file: said below
    page = _page_named(path, here, pages)
    shown = (posixpath.relpath(page, posixpath.dirname(here)) + (f"#{link.anchor}" if link.anchor else "")) if page else ""
    if suffix in _SOURCE_SUFFIXES:
        if page:
            whose = "a lesson is linked by its page" if page.startswith("lessons/") else "link its page"
            return f"link to '{link.target}': write `{shown}`: {whose}, not its file", ""
        return f"link to '{link.target}': YAML files are not published with the site", "link a page by its .md name, e.g. " + _example(here, pages)
    if page:
        return (f"link to '{link.target}': write `{shown}`: a page is linked by its .md name, "
                "which the build turns into the page's address"), ""
    if not suffix:
        return f"link to '{link.target}': there is no page or file {link.path}", "link a page by its .md name, e.g. " + _example(here, pages)
    return None


def _page_named(path: str, here: str, pages: Mapping[str, list[str]]) -> str | None:
    """The page a non-.md link means: its .md name where the link points, else the one page
    of that name anywhere (a folder URL counts from the page's address, not its file)."""
    trimmed = path.rstrip("/")
    stem, suffix = posixpath.splitext(trimmed)
    if suffix.lower() not in _SOURCE_SUFFIXES + _ADDRESS_SUFFIXES:
        stem = trimmed
    if posixpath.basename(stem) == "index" and posixpath.dirname(stem) not in ("", "."):
        stem = posixpath.dirname(stem)  # x/index.html
    if not posixpath.basename(stem) or stem in (".", ".."):
        return None
    page = SiteMap.link_target(here, stem + ".md")
    if page in pages:
        return page
    named = [p for p in pages if posixpath.splitext(posixpath.basename(p))[0] == posixpath.basename(stem)]
    return named[0] if len(named) == 1 else None


def _example(here: str, pages: Mapping[str, list[str]]) -> str:
    lessons = sorted(p for p in pages if p.startswith("lessons/") and p != here)
    target = lessons[0] if lessons else "index.md"
    return f"[{posixpath.splitext(posixpath.basename(target))[0]}]({posixpath.relpath(target, posixpath.dirname(here))})"


def _link_findings(link: links.Link, here: str, pages: Mapping[str, list[str]], where, options: CheckOptions) -> Iterator[Finding]:
    page = SiteMap.link_target(here, link.path)
    if link.path and not link.path.endswith(".md") and (found := _page_form(link, here, pages, options)):
        if page not in options.unchecked_pages:
            yield Finding(where(), found[0], hint=found[1], code="broken-link")
        return
    if link.path and page not in pages:
        if page in options.unchecked_pages:
            return
        if link.path.endswith(".md"):
            names = {posixpath.basename(p): p for p in pages}
            close = difflib.get_close_matches(posixpath.basename(page), list(names), n=1, cutoff=0.75)
            hint = f"did you mean '{posixpath.relpath(names[close[0]], posixpath.dirname(here))}'?" if close else \
                "link a lesson by its file name with .md, e.g. [The rapport trap](rapport-trap.md)"
            yield Finding(where(), f"link to '{link.target}': there is no page {link.path}", hint=hint, code="broken-link")
        elif options.docs_dir is not None and not (options.docs_dir / page).exists():
            yield Finding(where(), f"link to '{link.target}': there is no file {options.docs_dir.name}/{page}",
                          hint=f"put {posixpath.basename(page)} next to the lesson, in {options.docs_dir.name}/lessons/", code="broken-link")
        return
    if link.anchor is None or page not in pages:
        return
    known = pages[page]
    if link.anchor not in known:
        shown = link.path or "this page"
        words = {w for w in link.anchor.split("-") if len(w) > 2}
        containing = [a for a in known if words and words <= set(a.split("-"))]
        hint = f"did you mean '{containing[0]}'?" if containing else suggest(link.anchor, known)
        hint = hint or ("headings there: " + ", ".join(f"#{a}" for a in known))
        yield Finding(where(), f"link to '{link.target}': {shown} has no heading with the anchor '#{link.anchor}'",
                      hint=hint, code="broken-anchor")
