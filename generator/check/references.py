"""References between files: lesson -> quiz, quiz -> lesson, final_quiz, question ->
objective, and objectives that no question assesses."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator

from generator.check.locate import at, suggest, unloaded
from generator.check.options import CheckOptions
from generator.errors import Finding
from generator.model.course import Course


def check_quiz_links(course: Course, options: CheckOptions) -> Iterator[Finding]:
    yield from check_lesson_quiz_links(course, options)
    yield from _final_quiz_links(course)


def check_lesson_quiz_links(course: Course, options: CheckOptions) -> Iterator[Finding]:
    """Lesson -> quiz and quiz -> lesson: these need nothing of course.yml."""
    quiz_files = {stem for kind, stem in course.file_ids if kind == "quiz"}
    for lesson in course.lessons.values():
        if lesson.quiz == lesson.id and lesson.quiz not in quiz_files:
            yield Finding(at(course, "lesson", lesson.id, ("quiz",)),
                          f"'{lesson.quiz}' is this lesson's own id: `quiz:` needs the id of its quiz",
                          hint=suggest(lesson.quiz, quiz_files, ids=True) or f"create quizzes/{lesson.id}-quiz.yml and write `quiz: {lesson.id}-quiz`",
                          code="self-reference")
        elif lesson.quiz and lesson.quiz not in course.quizzes and lesson.quiz not in quiz_files:
            yield Finding(at(course, "lesson", lesson.id, ("quiz",)), f"quiz '{lesson.quiz}' does not exist",
                          hint=suggest(lesson.quiz, quiz_files, ids=True) or f"create quizzes/{lesson.quiz}.yml", code="unresolved-reference")
        quiz = course.quizzes.get(lesson.quiz or "")
        if quiz is not None and quiz.final:
            yield Finding(at(course, "lesson", lesson.id, ("quiz",)), f"quiz '{quiz.id}' is the final assessment, not a lesson quiz",
                          hint=f"create a quiz with `lesson: {lesson.id}` for this lesson, or remove `quiz:`", code="unresolved-reference")
        elif quiz is not None and quiz.lesson != lesson.id:
            yield Finding(at(course, "lesson", lesson.id, ("quiz",)), f"quiz '{quiz.id}' checks lesson '{quiz.lesson}', not this one",
                          hint=f"name this lesson's own quiz, or set `lesson: {lesson.id}` in quizzes/{quiz.id}.yml", code="unresolved-reference")
    lesson_files = {stem for kind, stem in course.file_ids if kind == "lesson"}
    for quiz in course.quizzes.values():
        if quiz.lesson is None:
            continue
        checked = course.lessons.get(quiz.lesson)
        if checked is None:
            if quiz.lesson == quiz.id:
                yield Finding(at(course, "quiz", quiz.id, ("lesson",)),
                              f"'{quiz.lesson}' is this quiz's own id: `lesson:` needs the id of the lesson it checks",
                              hint=suggest(quiz.lesson, lesson_files, ids=True) or "name a lesson in course/lessons/", code="self-reference")
            elif quiz.lesson not in lesson_files:
                yield Finding(at(course, "quiz", quiz.id, ("lesson",)), f"lesson '{quiz.lesson}' does not exist",
                              hint=suggest(quiz.lesson, lesson_files, ids=True) or "name a lesson in course/lessons/", code="unresolved-reference")
        elif checked.quiz != quiz.id:
            yield Finding(at(course, "quiz", quiz.id, ("lesson",)),
                          f"this quiz says it checks lesson '{quiz.lesson}', but that lesson names quiz '{checked.quiz or 'none'}'",
                          hint=f"set `quiz: {quiz.id}` in course/lessons/{checked.id}.yml", code="unresolved-reference")


def _final_quiz_links(course: Course) -> Iterator[Finding]:
    quiz_files = {stem for kind, stem in course.file_ids if kind == "quiz"}
    final = course.settings.final_quiz
    cid = course.settings.id
    if final and final not in course.quizzes and final not in quiz_files:
        yield Finding(at(course, "course", cid, ("final_quiz",)), f"final quiz '{final}' does not exist",
                      hint=suggest(final, quiz_files, ids=True) or f"create quizzes/{final}.yml with `final: true`", code="unresolved-reference")
    elif final in course.quizzes and not course.quizzes[final].final:
        yield Finding(at(course, "quiz", final, ()), f"quiz '{final}' is the course's final quiz but lacks `final: true`",
                      hint="add `final: true` and remove `lesson:`", code="unresolved-reference")
    for quiz in course.quizzes.values():
        if quiz.final and quiz.id != final:
            yield Finding(at(course, "quiz", quiz.id, ("final",)), f"quiz '{quiz.id}' says `final: true` but course.yml names '{final}' as the final quiz",
                          hint=f"set `final_quiz: {quiz.id}` in course/course.yml", code="unresolved-reference")


def check_objectives(course: Course, options: CheckOptions) -> Iterator[Finding]:
    owner: dict[str, str] = {}
    first_at: dict[str, int] = {}  # objective id -> its index in the owner lesson's objectives
    for lesson in course.lessons.values():
        for i, objective in enumerate(lesson.objectives):
            if objective.id in owner:
                # positions only for a finding: a location re-parses a file that had none (issue 8)
                first = at(course, "lesson", owner[objective.id], ("objectives", first_at[objective.id], "id"))
                yield Finding(at(course, "lesson", lesson.id, ("objectives", i, "id")),
                              f"objective id '{objective.id}' is already used in lesson '{owner[objective.id]}', "
                              f"at {first.file}:{first.line}",
                              hint="objective ids must be unique across the course: rename one of the two, e.g. prefix "
                                   "it with its lesson's topic, and its questions' `objective:` with it", code="duplicate-id")
            else:
                owner[objective.id], first_at[objective.id] = lesson.id, i
    assessed: Counter[str] = Counter()
    meant: set[str] = set()  # objectives a misspelt question objective probably meant: not reported twice
    for quiz in course.quizzes.values():
        allowed = owner.keys() if quiz.final else {o.id for o in getattr(course.lessons.get(quiz.lesson or ""), "objectives", [])}
        if not quiz.final and quiz.lesson not in course.lessons:
            continue
        if quiz.final and unloaded(course, "lesson"):  # its objectives may be in a lesson that failed to load
            continue
        for q, question in enumerate(quiz.questions):
            assessed[question.objective] += 1
            if question.objective not in allowed:
                meant.update(difflib.get_close_matches(question.objective, list(allowed), n=1, cutoff=0.6))
                scope = "any lesson" if quiz.final else f"lesson '{quiz.lesson}'"
                yield Finding(at(course, "quiz", quiz.id, ("questions", q, "objective")),
                              f"objective '{question.objective}' is not an objective of {scope}",
                              hint=suggest(question.objective, allowed, ids=True) or "use one of the ids under `objectives:` in the lesson",
                              code="unresolved-reference")
    for lesson in course.lessons.values():
        own = course.quizzes.get(lesson.quiz or "")
        if own is None or own.lesson != lesson.id:  # reported by check_quiz_links
            continue
        for i, objective in enumerate(lesson.objectives):
            if not assessed[objective.id] and objective.id not in meant:
                yield Finding(at(course, "lesson", lesson.id, ("objectives", i, "id")),
                              f"objective '{objective.id}' is not assessed by any question",
                              hint=f"add a question with `objective: {objective.id}` to quizzes/{lesson.quiz}.yml", code="unassessed-objective")
