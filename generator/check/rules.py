"""Integrity checks across a validated course: what no single file can know alone.

Each rule is a small function `rule(course, options) -> Iterable[Finding]`, listed in
RULES; `check_course` runs them all and returns every finding, errors and warnings.
What the models alone enforce (pass marks 1-100, required fields, at least one section)
is reported by the loader. Every rule has a golden case in tests/fixtures/checks/cases/.

- check_course_order: lessons listed twice, order entries without a file, lesson files not in the order
- check_quiz_links: lesson -> quiz, quiz -> lesson and final_quiz references
- check_objectives: duplicate objective ids, question -> objective, objectives no question assesses
- check_questions: duplicate question ids, each type's problems() (correct options, option
  texts, feedback), draw, a quiz shorter than `min_questions`
- check_sections: sections whose body is only blank
- check_links: Markdown links to missing pages or anchors, images missing or without alt
  text, links that quiz text cannot carry
- check_lesson_length: a lesson far longer than its `minutes` (warning)
"""

from __future__ import annotations

import difflib
import math
import posixpath
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from generator.site import links
from generator.site.sitemap import SiteMap, final_path, lesson_path
from generator.errors import Finding, Severity, SourceLocation
from generator.i18n import strings_for
from generator.model.course import Course, Lesson, Quiz
from generator.source.document import SourceDocument


@dataclass(frozen=True)
class CheckOptions:
    min_questions: int = 1  # a quiz with fewer questions is an error
    words_per_minute: int = 200  # reading speed for the lesson-length warning
    long_factor: float = 2.0  # warn when reading takes more than this times `minutes`
    docs_dir: Path | None = None  # the site's docs folder (course/): where images and pages are looked up
    unchecked_pages: frozenset[str] = frozenset()  # pages whose existence is unknown (their lesson failed to load)
    contact: bool = False  # the home page shows a brand's contact details, under a heading


def _doc(course: Course, kind: str, ident: str) -> SourceDocument:
    return course.sources[(kind, ident)]  # type: ignore[return-value]


def _at(course: Course, kind: str, ident: str, path: tuple = (), key: bool = False) -> SourceLocation:
    return _doc(course, kind, ident).location(path, key=key)


def _find(course: Course, kind: str, ident: str, path: tuple, needle: str, spot: str = "", nth: int = 0) -> SourceLocation:
    """Where `needle` stands in the source, searching from the value at `path` on
    (a link inside a multi-line body is reported on its own line); with `spot`, the
    column of that part of the needle (a link's target rather than its text); `nth`
    skips that many earlier occurrences (the same link twice in one text)."""
    doc = _doc(course, kind, ident)
    start = doc.location(path)
    lines = doc.text.splitlines()
    for number in range(max(start.line, 1), len(lines) + 1):
        column = lines[number - 1].find(needle)
        while column >= 0 and nth:
            nth -= 1
            column = lines[number - 1].find(needle, column + 1)
        if column >= 0:
            column += max(needle.rfind(spot), 0) if spot else 0
            return SourceLocation(start.file, number, column + 1)
    return start


def _unloaded(course: Course, kind: str) -> set[str]:
    """Files of this kind that exist but did not load (their errors are already reported)."""
    store = course.lessons if kind == "lesson" else course.quizzes
    return {stem for k, stem in course.file_ids if k == kind and stem not in store}


def _suggest(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def _course_order(course: Course) -> Iterator[tuple[str, tuple]]:
    """Each lesson id in course.yml with its data path there."""
    settings = course.settings
    if settings.modules is not None:
        for m, module in enumerate(settings.modules):
            for i, lesson in enumerate(module.lessons):
                yield lesson, ("modules", m, "lessons", i)
    else:
        for i, lesson in enumerate(settings.lessons or []):
            yield lesson, ("lessons", i)


def check_course_order(course: Course, options: CheckOptions) -> Iterator[Finding]:
    cid = course.settings.id
    seen: set[str] = set()
    for lesson, path in _course_order(course):
        if lesson in seen:
            yield Finding(_at(course, "course", cid, path), f"lesson '{lesson}' is listed twice in the course order",
                          hint="remove the second entry", code="duplicate-id")
        seen.add(lesson)
        if lesson not in course.lessons and ("lesson", lesson) not in course.file_ids:
            hint = _suggest(lesson, {stem for kind, stem in course.file_ids if kind == "lesson"})
            yield Finding(_at(course, "course", cid, path), f"lesson '{lesson}' has no file course/lessons/{lesson}.yml",
                          hint=hint or f"create it with `coursegen new lesson {lesson}`", code="unresolved-reference")
    for (kind, stem), shown in sorted(course.file_ids.items()):
        if kind == "lesson" and stem not in seen:
            yield Finding(SourceLocation(shown, 1, 1), f"lesson '{stem}' is not in the course order, so learners never see it",
                          hint=f"add `- {stem}` to the lessons in course/course.yml", code="orphan-lesson",
                          severity=Severity.WARNING)


def check_quiz_links(course: Course, options: CheckOptions) -> Iterator[Finding]:
    quiz_files = {stem for kind, stem in course.file_ids if kind == "quiz"}
    for lesson in course.lessons.values():
        if lesson.quiz == lesson.id and lesson.quiz not in quiz_files:
            yield Finding(_at(course, "lesson", lesson.id, ("quiz",)), f"'{lesson.quiz}' is this lesson's own id: `quiz:` needs the id of its quiz",
                          hint=_suggest(lesson.quiz, quiz_files) or f"create quizzes/{lesson.id}-quiz.yml and write `quiz: {lesson.id}-quiz`", code="self-reference")
        elif lesson.quiz and lesson.quiz not in course.quizzes and lesson.quiz not in quiz_files:
            yield Finding(_at(course, "lesson", lesson.id, ("quiz",)), f"quiz '{lesson.quiz}' does not exist",
                          hint=_suggest(lesson.quiz, quiz_files) or f"create quizzes/{lesson.quiz}.yml", code="unresolved-reference")
        quiz = course.quizzes.get(lesson.quiz or "")
        if quiz is not None and quiz.final:
            yield Finding(_at(course, "lesson", lesson.id, ("quiz",)), f"quiz '{quiz.id}' is the final assessment, not a lesson quiz",
                          hint=f"create a quiz with `lesson: {lesson.id}` for this lesson, or remove `quiz:`", code="unresolved-reference")
        elif quiz is not None and quiz.lesson != lesson.id:
            yield Finding(_at(course, "lesson", lesson.id, ("quiz",)), f"quiz '{quiz.id}' checks lesson '{quiz.lesson}', not this one",
                          hint=f"name this lesson's own quiz, or set `lesson: {lesson.id}` in quizzes/{quiz.id}.yml", code="unresolved-reference")
    lesson_files = {stem for kind, stem in course.file_ids if kind == "lesson"}
    for quiz in course.quizzes.values():
        if quiz.lesson is None:
            continue
        lesson = course.lessons.get(quiz.lesson)
        if lesson is None:
            if quiz.lesson == quiz.id:
                yield Finding(_at(course, "quiz", quiz.id, ("lesson",)), f"'{quiz.lesson}' is this quiz's own id: `lesson:` needs the id of the lesson it checks",
                              hint=_suggest(quiz.lesson, lesson_files) or "name a lesson in course/lessons/", code="self-reference")
            elif quiz.lesson not in lesson_files:
                yield Finding(_at(course, "quiz", quiz.id, ("lesson",)), f"lesson '{quiz.lesson}' does not exist",
                              hint=_suggest(quiz.lesson, lesson_files) or "name a lesson in course/lessons/", code="unresolved-reference")
        elif lesson.quiz != quiz.id:
            yield Finding(_at(course, "quiz", quiz.id, ("lesson",)),
                          f"this quiz says it checks lesson '{quiz.lesson}', but that lesson names quiz '{lesson.quiz or 'none'}'",
                          hint=f"set `quiz: {quiz.id}` in course/lessons/{lesson.id}.yml", code="unresolved-reference")
    final = course.settings.final_quiz
    cid = course.settings.id
    if final and final not in course.quizzes and final not in quiz_files:
        yield Finding(_at(course, "course", cid, ("final_quiz",)), f"final quiz '{final}' does not exist",
                      hint=_suggest(final, quiz_files) or f"create quizzes/{final}.yml with `final: true`", code="unresolved-reference")
    elif final in course.quizzes and not course.quizzes[final].final:
        yield Finding(_at(course, "quiz", final, ()), f"quiz '{final}' is the course's final quiz but lacks `final: true`",
                      hint="add `final: true` and remove `lesson:`", code="unresolved-reference")
    for quiz in course.quizzes.values():
        if quiz.final and quiz.id != final:
            yield Finding(_at(course, "quiz", quiz.id, ("final",)), f"quiz '{quiz.id}' says `final: true` but course.yml names '{final}' as the final quiz",
                          hint=f"set `final_quiz: {quiz.id}` in course/course.yml", code="unresolved-reference")


def check_objectives(course: Course, options: CheckOptions) -> Iterator[Finding]:
    owner: dict[str, str] = {}
    for lesson in course.lessons.values():
        for i, objective in enumerate(lesson.objectives):
            if objective.id in owner:
                yield Finding(_at(course, "lesson", lesson.id, ("objectives", i, "id")),
                              f"objective id '{objective.id}' is already used in lesson '{owner[objective.id]}'",
                              hint="objective ids must be unique across the course; prefix them with the lesson's topic", code="duplicate-id")
            owner.setdefault(objective.id, lesson.id)
    assessed: Counter[str] = Counter()
    meant: set[str] = set()  # objectives a misspelt question objective probably meant: not reported twice
    for quiz in course.quizzes.values():
        allowed = owner.keys() if quiz.final else {o.id for o in getattr(course.lessons.get(quiz.lesson or ""), "objectives", [])}
        if not quiz.final and quiz.lesson not in course.lessons:
            continue
        if quiz.final and _unloaded(course, "lesson"):  # its objectives may be in a lesson that failed to load
            continue
        for q, question in enumerate(quiz.questions):
            assessed[question.objective] += 1
            if question.objective not in allowed:
                meant.update(difflib.get_close_matches(question.objective, list(allowed), n=1, cutoff=0.6))
                scope = "any lesson" if quiz.final else f"lesson '{quiz.lesson}'"
                yield Finding(_at(course, "quiz", quiz.id, ("questions", q, "objective")),
                              f"objective '{question.objective}' is not an objective of {scope}",
                              hint=_suggest(question.objective, allowed) or "use one of the ids under `objectives:` in the lesson",
                              code="unresolved-reference")
    for lesson in course.lessons.values():
        quiz = course.quizzes.get(lesson.quiz or "")
        if quiz is None or quiz.lesson != lesson.id:  # reported by check_quiz_links
            continue
        for i, objective in enumerate(lesson.objectives):
            if not assessed[objective.id] and objective.id not in meant:
                yield Finding(_at(course, "lesson", lesson.id, ("objectives", i, "id")),
                              f"objective '{objective.id}' is not assessed by any question",
                              hint=f"add a question with `objective: {objective.id}` to quizzes/{lesson.quiz}.yml", code="unassessed-objective")


def check_questions(course: Course, options: CheckOptions) -> Iterator[Finding]:
    for quiz in course.quizzes.values():
        yield from _quiz_findings(course, quiz, options)


def _quiz_findings(course: Course, quiz: Quiz, options: CheckOptions) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for q, question in enumerate(quiz.questions):
        if question.id in seen:
            yield Finding(_at(course, "quiz", quiz.id, ("questions", q, "id")),
                          f"question id '{question.id}' is already used by question {seen[question.id] + 1}",
                          hint="give every question in a quiz its own id", code="duplicate-id")
        seen.setdefault(question.id, q)
        for path, message, hint in question.problems():
            yield Finding(_at(course, "quiz", quiz.id, ("questions", q) + path), message, hint=hint, code="question")
    if quiz.draw and quiz.draw > len(quiz.questions):
        yield Finding(_at(course, "quiz", quiz.id, ("draw",)), f"draw is {quiz.draw} but the quiz has only {len(quiz.questions)} questions",
                      hint=f"set draw to at most {len(quiz.questions)}", code="invalid")
    if len(quiz.questions) < options.min_questions:
        count = len(quiz.questions)
        yield Finding(_at(course, "quiz", quiz.id, ("questions",), key=True),
                      f"the quiz has {count} question{'s' * (count != 1)}; the minimum is {options.min_questions}",
                      hint=f"add {options.min_questions - count} more, or lower `min_questions` (mkdocs.yml) or `--min-questions`",
                      code="short-quiz")


def check_sections(course: Course, options: CheckOptions) -> Iterator[Finding]:
    for lesson in course.lessons.values():
        for i, section in enumerate(lesson.sections):
            if not section.body.strip():
                yield Finding(_at(course, "lesson", lesson.id, ("sections", i, "body")), f"section '{section.heading}' is empty",
                              hint="write its text under `body: |`, indented, or remove the section", code="empty-section")


def check_lesson_length(course: Course, options: CheckOptions) -> Iterator[Finding]:
    for lesson in course.lessons.values():
        texts = [text for _, text in _lesson_texts(lesson)]
        # n words take at least 2n - 1 characters: most lessons are too short to need counting (issue 8)
        most = sum((len(text) + 1) // 2 for text in texts)
        if math.ceil(most / options.words_per_minute) <= lesson.minutes * options.long_factor:
            continue
        words = sum(len(text.split()) for text in texts)
        reading = math.ceil(words / options.words_per_minute)
        if reading > lesson.minutes * options.long_factor:
            yield Finding(_at(course, "lesson", lesson.id, ("minutes",)),
                          f"the lesson has {words} words, about {reading} minutes of reading at {options.words_per_minute} words a minute, "
                          f"but says `minutes: {lesson.minutes}`",
                          hint=f"set `minutes: {reading}` or more, or split the lesson in two", code="long-lesson", severity=Severity.WARNING)


def _lesson_texts(lesson: Lesson) -> Iterator[tuple[tuple, str]]:
    """Every Markdown text of a lesson with its data path."""
    yield ("summary",), lesson.summary
    for i, objective in enumerate(lesson.objectives):
        yield ("objectives", i, "text"), objective.text
    for i, section in enumerate(lesson.sections):
        yield ("sections", i, "body"), section.body
    for i, point in enumerate(lesson.key_points):
        yield ("key_points", i), point
    for i, prompt in enumerate(lesson.reflection):
        yield ("reflection", i), prompt


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


def _page_anchors(course: Course, options: CheckOptions) -> _PageAnchors:
    """The site's pages and the heading anchors each will have: the site map's."""
    strings = strings_for(course.settings.language, course.settings.strings)
    return _PageAnchors(SiteMap(course, strings, contact=options.contact))


def check_links(course: Course, options: CheckOptions) -> Iterator[Finding]:
    pages = _page_anchors(course, options)
    unloaded = frozenset(lesson_path(stem) for stem in _unloaded(course, "lesson"))
    options = replace(options, unchecked_pages=unloaded)  # a lesson that failed to load: its page is unknown, not missing
    for lesson in course.lessons.values():
        here = lesson_path(lesson.id)
        for path, text in _linkable(_lesson_texts(lesson)):
            for link, nth in _numbered(links.links_in(text)):
                where = lambda spot=link.target, link=link, nth=nth: _find(course, "lesson", lesson.id, path, link.raw, spot, nth)  # noqa: E731
                if link.image:
                    yield from _image_findings(link, here, where, options)
                elif not link.external:
                    yield from _link_findings(link, here, pages, where, options)
    for quiz in course.quizzes.values():
        here = final_path(quiz.id) if quiz.final else lesson_path(quiz.lesson or "")
        for path, text in _quiz_link_texts(quiz):
            for link, nth in _numbered(links.links_in(text)):
                where = lambda spot=link.target, link=link, nth=nth: _find(course, "quiz", quiz.id, path, link.raw, spot, nth)  # noqa: E731
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


_QUIZ_TEXT_FIELDS = ("scenario", "prompt", "explanation", "feedback_correct", "feedback_incorrect")


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
    target = posixpath.normpath(posixpath.join(posixpath.dirname(here), link.path))
    file = options.docs_dir / target
    if target.startswith("../") or not file.is_file():
        folder = file.parent
        nearby = [p.name for p in folder.iterdir() if p.is_file()] if folder.is_dir() else []
        close = _suggest(Path(link.path).name, nearby)
        shown = f"{options.docs_dir.name}/{target}"
        yield Finding(where(), f"image '{link.target}' does not exist: there is no {shown}",
                      hint=close or f"put the picture next to the lesson, in {options.docs_dir.name}/lessons/, and link it by its file name",
                      code="missing-image")


def _link_findings(link: links.Link, here: str, pages: Mapping[str, list[str]], where, options: CheckOptions) -> Iterator[Finding]:
    page = here if not link.path else posixpath.normpath(posixpath.join(posixpath.dirname(here), link.path))
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
        close = f"did you mean '{containing[0]}'?" if containing else _suggest(link.anchor, known)
        hint = close or ("headings there: " + ", ".join(f"#{a}" for a in known))
        yield Finding(where(), f"link to '{link.target}': {shown} has no heading with the anchor '#{link.anchor}'",
                      hint=hint, code="broken-anchor")


Rule = Callable[[Course, CheckOptions], Iterable[Finding]]
RULES: list[Rule] = [check_course_order, check_quiz_links, check_objectives, check_questions, check_sections,
                     check_links, check_lesson_length]


def check_course(course: Course, options: CheckOptions | None = None) -> list[Finding]:
    options = options or CheckOptions()
    return [finding for rule in RULES for finding in rule(course, options)]
