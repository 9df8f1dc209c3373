"""The course's language: one with interface strings of its own (generator/i18n/strings.yml),
or any language code when course.yml's `strings:` gives every string."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.locate import at
from generator.check.options import CheckOptions
from generator.errors import Finding
from generator.i18n import known_keys, language_hint, missing_strings
from generator.model.course import Course


def check_language(course: Course, options: CheckOptions) -> Iterator[Finding]:
    language = course.settings.language
    missing = missing_strings(language, course.settings.strings)
    if missing:
        given = len(known_keys()) - len(missing)
        message = f"there are no interface strings in '{language}'"
        if given:
            shown = ", ".join(missing[:3]) + (", ..." if len(missing) > 3 else "")
            message += f", and `strings:` gives {given} of {len(known_keys())}: missing {shown}"
        yield Finding(at(course, "course", course.settings.id, ("language",)), message,
                      hint=language_hint("course/course.yml"), code="language", field="language")
