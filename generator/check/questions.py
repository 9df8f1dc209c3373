"""Each quiz's questions: duplicate ids, each type's own problems (correct options, option
texts, feedback), draw, and a quiz shorter than `min_questions`."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.locate import at
from generator.check.options import CheckOptions
from generator.errors import Finding, counted
from generator.model.course import Course, Quiz


def check_questions(course: Course, options: CheckOptions) -> Iterator[Finding]:
    for quiz in course.quizzes.values():
        yield from _quiz_findings(course, quiz, options)


def _quiz_findings(course: Course, quiz: Quiz, options: CheckOptions) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for q, question in enumerate(quiz.questions):
        if question.id in seen:
            yield Finding(at(course, "quiz", quiz.id, ("questions", q, "id")),
                          f"question id '{question.id}' is already used by question {seen[question.id] + 1}",
                          hint="give every question in a quiz its own id", code="duplicate-id")
        seen.setdefault(question.id, q)
        for path, message, hint in question.problems():
            yield Finding(at(course, "quiz", quiz.id, ("questions", q) + path), message, hint=hint, code="question")
    if quiz.draw and quiz.draw > len(quiz.questions):
        yield Finding(at(course, "quiz", quiz.id, ("draw",)), f"draw is {quiz.draw} but the quiz has only {counted(len(quiz.questions), 'question')}",
                      hint=f"set draw to at most {len(quiz.questions)}", code="invalid")
    if len(quiz.questions) < options.min_questions:
        count = len(quiz.questions)
        yield Finding(at(course, "quiz", quiz.id, ("questions",), key=True),
                      f"the quiz has {count} question{'s' * (count != 1)}; the minimum is {options.min_questions}",
                      hint=f"add {options.min_questions - count} more, or lower `min_questions` (mkdocs.yml) or `--min-questions`",
                      code="short-quiz")
