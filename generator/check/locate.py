"""Where a finding points: a value's file, line and column in a course's sources, and a
"did you mean" for a misspelt name. Shared by the rules."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from generator.errors import SourceLocation
from generator.model.course import Course
from generator.model.questions.base import id_form, is_id
from generator.source.document import SourceDocument


def doc(course: Course, kind: str, ident: str) -> SourceDocument:
    """The source of a course file: kind is course, lesson, quiz or scenario."""
    return course.sources[(kind, ident)]


def at(course: Course, kind: str, ident: str, path: tuple = (), key: bool = False) -> SourceLocation:
    """Where the value (or, with `key`, the key) at data `path` of a course file stands."""
    return doc(course, kind, ident).location(path, key=key)


def find_text(course: Course, kind: str, ident: str, path: tuple, needle: str, spot: str = "", nth: int = 0) -> SourceLocation:
    """Where `needle` stands in the source, searching from the value at `path` on
    (a link inside a multi-line body is reported on its own line); with `spot`, the
    column of that part of the needle (a link's target rather than its text); `nth`
    skips that many earlier occurrences (the same link twice in one text)."""
    source = doc(course, kind, ident)
    start = source.location(path)
    lines = source.text.splitlines()
    for number in range(max(start.line, 1), len(lines) + 1):
        column = lines[number - 1].find(needle)
        while column >= 0 and nth:
            nth -= 1
            column = lines[number - 1].find(needle, column + 1)
        if column >= 0:
            column += max(needle.rfind(spot), 0) if spot else 0
            return SourceLocation(start.file, number, column + 1)
    return start


def unloaded(course: Course, kind: str) -> set[str]:
    """Files of this kind that exist but did not load (their errors are already reported)."""
    stores: dict[str, dict] = {"lesson": course.lessons, "quiz": course.quizzes, "scenario": course.scenarios}
    store = stores[kind]
    return {stem for k, stem in course.file_ids if k == kind and stem not in store}


def suggest(name: str, known: Iterable[str], *, ids: bool = False) -> str:
    """'did you mean ...?' for the closest of `known`, or "". With `ids`, `known` are
    ids (or file names standing for them), and one that is not a valid id is never offered
    as the fix: its valid form is."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    if not close:
        return ""
    if ids and not is_id(close[0]):  # `Stay-Calm`: itself refused where it is written, never a fix (issue 18)
        valid = id_form(close[0])
        return (f"'{close[0]}' is not a valid id (lowercase letters, digits and hyphens): "
                + (f"rename it to '{name}' where it is defined" if valid == name
                   else f"rename it to '{valid}' where it is defined, and write that here"))
    return f"did you mean '{close[0]}'?"


def order_at(course: Course, path: tuple) -> SourceLocation:
    """Where an entry of the lesson order stands: in course.yml, or in the brand's file
    that overrides the order."""
    if course.order_source is not None:
        source, prefix = course.order_source
        return source.location(prefix + path)
    return at(course, "course", course.settings.id, path)


def order_file(course: Course) -> str:
    """The file that holds the lesson order, as shown to the trainer."""
    if course.order_source is not None:
        return course.order_source[0].file
    return doc(course, "course", course.settings.id).file


def course_order(course: Course) -> Iterator[tuple[str, tuple]]:
    """Each lesson id in course.yml with its data path there."""
    settings = course.settings
    if settings.modules is not None:
        for m, module in enumerate(settings.modules):
            for i, lesson in enumerate(module.lessons):
                yield lesson, ("modules", m, "lessons", i)
    else:
        for i, lesson in enumerate(settings.lessons or []):
            yield lesson, ("lessons", i)
