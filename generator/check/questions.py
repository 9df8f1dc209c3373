"""Each quiz's questions: duplicate ids, each type's own problems (correct options, option
texts, feedback), draw (and a pool too small for `draw_by: objective`), and a quiz
shorter than `min_questions`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from generator.check.locate import at
from generator.check.options import CheckOptions
from generator.errors import Finding, Severity, counted
from generator.model.course import Course, Quiz


def check_questions(course: Course, options: CheckOptions) -> Iterator[Finding]:
    for quiz in course.quizzes.values():
        yield from _each_question(course, quiz)
        yield from _quiz_findings(course, quiz, options)


def check_each_question(course: Course, options: CheckOptions) -> Iterator[Finding]:
    """The part of check_questions that looks at one question at a time (and at duplicate
    ids): it also runs on the valid questions of a quiz that failed validation."""
    for quiz in course.quizzes.values():
        yield from _each_question(course, quiz)


def _each_question(course: Course, quiz: Quiz) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for q, question in enumerate(quiz.questions):
        if question.id in seen:
            yield Finding(at(course, "quiz", quiz.id, ("questions", q, "id")),
                          f"question id '{question.id}' is already used by question {seen[question.id] + 1}",
                          hint="give every question in a quiz its own id", code="duplicate-id")
        seen.setdefault(question.id, q)
        for path, message, hint in question.problems():
            yield Finding(at(course, "quiz", quiz.id, ("questions", q) + path), message, hint=hint, code="question")


def _quiz_findings(course: Course, quiz: Quiz, options: CheckOptions) -> Iterator[Finding]:
    """Draw and length count the questions that carry points: a `written` question is shown
    on every attempt, outside the draw, and adds nothing to the score."""
    scored = quiz.scored_questions
    unscored = len(quiz.questions) - len(scored)
    if not scored:
        yield Finding(at(course, "quiz", quiz.id, ("questions",), key=True),
                      "the quiz has only written questions, which carry no points, so it has no score to pass",
                      hint="add a question with a right answer (single, multiple, true_false, order, text), "
                           "or move the written questions into a quiz that has one", code="short-quiz")
    elif quiz.draw and quiz.draw > len(scored):
        written = " to draw from (written questions are not drawn: every attempt shows them)" if unscored else ""
        yield Finding(at(course, "quiz", quiz.id, ("draw",)),
                      f"draw is {quiz.draw} but the quiz has only {counted(len(scored), 'question')}{written}",
                      hint=f"set draw to at most {len(scored)}", code="invalid")
    yield from _draw_by_objective(course, quiz)
    if scored and len(scored) < options.min_questions:
        count, written = len(scored), f" with points (and {counted(unscored, 'written question')})" if unscored else ""
        yield Finding(at(course, "quiz", quiz.id, ("questions",), key=True),
                      f"the quiz has {count} question{'s' * (count != 1)}{written}; the minimum is {options.min_questions}",
                      hint=f"add {options.min_questions - count} more, or lower `min_questions` (mkdocs.yml) or `--min-questions`",
                      code="short-quiz")


def _draw_by_objective(course: Course, quiz: Quiz) -> Iterator[Finding]:
    """`draw_by: objective` deals an attempt's `draw` round the objectives (the runtime's
    Quiz.begin in progress/records.js): each objective gives about draw / objectives
    questions. A pool too small for that repeats the same questions on every retake, or
    leaves objectives out of every attempt."""
    if not quiz.draw_by:
        return
    if not quiz.draw:
        yield Finding(at(course, "quiz", quiz.id, ("draw_by",)), "draw_by is set but the quiz draws no questions",
                      hint="add `draw: N` (questions per attempt), or remove `draw_by`", code="invalid")
        return
    pool = Counter(q.objective for q in quiz.scored_questions)
    if not pool:
        return  # a quiz of written questions only: its own error says so (no draw to deal)
    share = -(-quiz.draw // len(pool))  # the most any objective gives to one attempt
    where = at(course, "quiz", quiz.id, ("draw",))
    if quiz.draw < len(pool):
        yield Finding(where, f"draw is {quiz.draw} but the questions cover {len(pool)} objectives: every attempt leaves "
                             f"{len(pool) - quiz.draw} out", hint=f"draw at least {len(pool)} questions", severity=Severity.WARNING,
                      code="draw-pool")
    small = [f"'{o}' ({n})" for o, n in pool.items() if n <= share]
    if small:
        yield Finding(where, f"the pool is too small for its draw: each attempt draws up to {share} question"
                             f"{'s' * (share != 1)} per objective, so every retake asks the same ones of {', '.join(small)}",
                      hint=f"write more than {share} questions for each objective, or lower `draw`", severity=Severity.WARNING,
                      code="draw-pool")
