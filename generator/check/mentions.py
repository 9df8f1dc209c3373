"""Lesson text that speaks of other lessons, checked against the order a learner meets
them in. A brand may hide lessons and reorder the rest (load/overlay.py); text written
for the course's own order can then go stale:

- check_lesson_mentions: a lesson that names the title of a lesson the brand hides, or
  of a lesson that came before it in the course and now comes after it, a lesson that
  speaks of "the last lesson" (or the next one) when a brand changed which lesson that
  is, and text that counts lessons ("four main lessons") in a copy with another number
  of lessons than the course (warnings).

Titles are matched on their words with simple endings taken off ("Work in the gray"
names "Working in the gray"); titles of one word are not matched (too many false hits).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.check.options import CheckOptions
from generator.errors import Finding, Severity, SourceLocation
from generator.model.course import Course, Lesson
from generator.model.translation import dotted, texts

# Words that refer to the lesson just before or just after, per language (lower case).
NEIGHBOUR_PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"before": ("last lesson", "previous lesson", "lesson before"), "after": ("next lesson", "following lesson")},
    "de": {"before": ("letzten lektion", "vorigen lektion", "vorherigen lektion", "letzte lektion", "vorige lektion"),
           "after": ("nächsten lektion", "nächste lektion", "folgenden lektion")},
}
_WORD = re.compile(r"\w+")
# A count of lessons: a number (in digits or words, English or German) and at most one word before "lessons".
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
            "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10}
_COUNT = re.compile(r"\b(\d+|" + "|".join(_NUMBERS) + r")\s+(?:\w+\s+)?\w*?(?:lessons|lektionen)\b", re.IGNORECASE)  # "vier Hauptlektionen" too
_ENDINGS = ("ing", "en", "er", "es", "ed", "e", "n", "s")


def _stems(text: str) -> list[str]:
    out = []
    for word in _WORD.findall(text.lower()):
        for ending in _ENDINGS:
            if len(word) > len(ending) + 2 and word.endswith(ending):
                word = word[: -len(ending)]
                break
        out.append(word)
    return out


def _names(text_stems: list[str], title: str) -> bool:
    wanted = _stems(title)
    if len(wanted) < 2:
        return False
    n = len(wanted)
    return any(text_stems[i:i + n] == wanted for i in range(len(text_stems) - n + 1))


def check_lesson_mentions(course: Course, options: CheckOptions) -> Iterable[Finding]:
    if course.base_order is None:
        return
    order = course.settings.lesson_order()
    base = [lid for lid in course.base_order if lid in course.lessons or lid in course.hidden]
    # every language's: a translated course may still show some text in its source language
    phrases = {side: tuple(p for table in NEIGHBOUR_PHRASES.values() for p in table[side]) for side in ("before", "after")}
    for place, lesson_id in enumerate(order):
        lesson = course.lessons.get(lesson_id)
        doc = course.sources.get(("lesson", lesson_id))
        if lesson is None or doc is None:
            continue
        for path, text in texts(lesson):
            for message, hint, at in _problems(course, lesson, place, order, base, text, phrases):
                yield Finding(_where(doc, path, text, at), message, hint=hint, code="stale-mention", severity=Severity.WARNING,
                              field=dotted(path))


def _where(doc, path: tuple, text: str, at: int) -> SourceLocation:
    """The line of `text[at]` when the text is a literal block (`|`), else the value's start."""
    start = doc.location(path)
    if not doc.line_text(start.line).rstrip().endswith(("|", "|-", "|+")):
        return start
    return SourceLocation(start.file, start.line + 1 + text.count("\n", 0, at))


def _problems(course: Course, lesson: Lesson, place: int, order: list[str], base: list[str], text: str,
              phrases: dict[str, tuple[str, ...]]) -> Iterable[tuple[str, str, int]]:
    """(message, hint, offset in `text`) of each stale mention in one text."""
    stems = _stems(text)
    own = "give this copy its own version of the lesson (a file of the same id in the brand's lessons/)"
    for hidden in course.hidden.values():
        if _names(stems, hidden.title):
            yield f"names lesson '{hidden.title}', which this copy of the course hides", f"reword it, or {own}", _offset(text, hidden.title)
    for other_id in order[place + 1:]:
        other = course.lessons.get(other_id)
        if other is not None and lesson.id in base and other_id in base and base.index(other_id) < base.index(lesson.id) \
                and _names(stems, other.title):
            yield f"names lesson '{other.title}', which now comes after this one", f"reorder the lessons, or {own}", _offset(text, other.title)
    lowered = text.lower()
    count = _COUNT.search(text)
    if count and len(order) != len(base):
        yield (f"counts '{' '.join(count.group(0).split())}', written for the course's {len(base)} lessons; this copy has {len(order)}",
               f"reword it without the number, or {own}", count.start())
    for side, step in (("before", -1), ("after", 1)):
        said = next((p for p in phrases[side] if p in lowered), None)
        if said is None or lesson.id not in base:
            continue
        then, now = _neighbour(base, lesson.id, step), _neighbour(order, lesson.id, step)
        if then != now:
            was = course.lessons.get(then or "") or course.hidden.get(then or "")
            is_now = course.lessons.get(now or "")
            yield (f"says '{said}', meaning '{was.title if was else 'none'}' in the course; in this copy that is "
                   f"'{is_now.title if is_now else 'none'}'"), f"name the lesson by its title instead, reorder, or {own}", lowered.index(said)


def _offset(text: str, title: str) -> int:
    """Where in `text` the title's last word stands, roughly (its stem's first match)."""
    words = _stems(title)
    found = text.lower().find(words[-1]) if words else -1
    return max(found, 0)


def _neighbour(order: list[str], lesson_id: str, step: int) -> str | None:
    i = order.index(lesson_id) + step
    return order[i] if 0 <= i < len(order) else None
