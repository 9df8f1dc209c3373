"""Integrity checks across a validated course: what no single file can know alone.

Each rule is a small function `rule(course, options) -> Iterable[Finding]`, listed in
RULES; `check_course` runs them all and returns every finding, errors and warnings.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .errors import Finding, Severity, SourceLocation
from .models import Course, Quiz
from .source import SourceDocument


@dataclass(frozen=True)
class CheckOptions:
    min_questions: int = 1  # a quiz shorter than this is reported
    words_per_minute: int = 200


def _doc(course: Course, kind: str, ident: str) -> SourceDocument:
    return course.sources[(kind, ident)]  # type: ignore[return-value]


def _at(course: Course, kind: str, ident: str, path: tuple = (), key: bool = False) -> SourceLocation:
    return _doc(course, kind, ident).location(path, key=key)


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
        if lesson.quiz and lesson.quiz not in course.quizzes and lesson.quiz not in quiz_files:
            yield Finding(_at(course, "lesson", lesson.id, ("quiz",)), f"quiz '{lesson.quiz}' does not exist",
                          hint=_suggest(lesson.quiz, quiz_files) or f"create quizzes/{lesson.quiz}.yml", code="unresolved-reference")
    lesson_files = {stem for kind, stem in course.file_ids if kind == "lesson"}
    for quiz in course.quizzes.values():
        if quiz.lesson is None:
            continue
        lesson = course.lessons.get(quiz.lesson)
        if lesson is None:
            if quiz.lesson not in lesson_files:
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
    for quiz in course.quizzes.values():
        allowed = owner.keys() if quiz.final else {o.id for o in getattr(course.lessons.get(quiz.lesson or ""), "objectives", [])}
        if not quiz.final and quiz.lesson not in course.lessons:
            continue
        for q, question in enumerate(quiz.questions):
            assessed[question.objective] += 1
            if question.objective not in allowed:
                scope = "any lesson" if quiz.final else f"lesson '{quiz.lesson}'"
                yield Finding(_at(course, "quiz", quiz.id, ("questions", q, "objective")),
                              f"objective '{question.objective}' is not an objective of {scope}",
                              hint=_suggest(question.objective, allowed) or "use one of the ids under `objectives:` in the lesson",
                              code="unresolved-reference")
    for lesson in course.lessons.values():
        if not lesson.quiz or lesson.quiz not in course.quizzes:
            continue
        for i, objective in enumerate(lesson.objectives):
            if not assessed[objective.id]:
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
        yield Finding(_at(course, "quiz", quiz.id, ("questions",)), f"the quiz has {len(quiz.questions)} question(s); the minimum is {options.min_questions}",
                      hint="add questions", code="short-quiz", severity=Severity.WARNING)


Rule = Callable[[Course, CheckOptions], Iterable[Finding]]
RULES: list[Rule] = [check_course_order, check_quiz_links, check_objectives, check_questions]


def check_course(course: Course, options: CheckOptions | None = None) -> list[Finding]:
    options = options or CheckOptions()
    return [finding for rule in RULES for finding in rule(course, options)]
