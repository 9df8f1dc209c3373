"""The walk every quiz-bank format shares: the course's quizzes in course order, each
question with the place it is written, and the warning for a question left out.

Quizzes come in the order learners meet them (the lessons' order, then the final
assessment), then any quiz no lesson names, by id, so that two exports of the same
course are the same file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.errors import Finding, Severity, SourceLocation
from generator.i18n import strings_for
from generator.model.course import Course, Quiz
from generator.model.questions import AnyQuestion, MultipleQuestion, WrittenQuestion

LEFT_OUT = "export-left-out"  # the findings' code: what --strict fails on


@dataclass(frozen=True)
class Item:
    """One question of one quiz, with where it is written (file:line of its `- id:`)."""

    quiz: Quiz
    index: int  # 0-based position in quiz.questions
    question: AnyQuestion
    location: SourceLocation


def ordered_quizzes(course: Course) -> list[Quiz]:
    """The course's quizzes: the lessons' quizzes in lesson order, the final one, then the rest by id."""
    named = [lesson.quiz for lesson in course.ordered_lessons() if lesson.quiz]
    if course.settings.final_quiz:
        named.append(course.settings.final_quiz)
    order = list(dict.fromkeys(quiz_id for quiz_id in named if quiz_id in course.quizzes))
    order += sorted(set(course.quizzes) - set(order))
    return [course.quizzes[quiz_id] for quiz_id in order]


def items(course: Course, quiz: Quiz) -> Iterator[Item]:
    """Every question of `quiz`, in its file's order."""
    source = course.sources.get(("quiz", quiz.id))
    for index, question in enumerate(quiz.questions):
        where = source.location(("questions", index)) if source is not None else SourceLocation(f"quizzes/{quiz.id}.yml")
        yield Item(quiz, index, question, where)


def left_out(item: Item, format_name: str, reason: str, hint: str) -> Finding:
    """The warning for a question a format cannot carry: file, line, question and why."""
    return Finding(item.location, f"question '{item.question.id}' is left out of the {format_name} export: {reason}",
                   hint=hint, code=LEFT_OUT, severity=Severity.WARNING, field=f"questions[{item.index}]", subject="")


def grader_notes(course: Course, question: WrittenQuestion) -> str:
    """What a person grading a written question (an essay in the LMS) works from, as Markdown:
    the model answer, then the checklist as a list, each under the course's own heading for it
    (i18n strings `written_model`, `written_checklist`), then the explanation if any."""
    strings = strings_for(course.settings.language, course.settings.strings)
    parts = [f"**{strings['written_model']}**", question.model_answer.strip(), f"**{strings['written_checklist']}**",
             "\n".join(f"- {' '.join(point.split())}" for point in question.checklist)]
    return "\n\n".join(parts + ([question.explanation.strip()] if question.explanation else []))


def partial_credit_lost(item: Item, format_name: str) -> Finding | None:
    """The warning for a multiple question in a quiz without partial credit, when Moodle
    would give partial credit for it (more than one right option): Moodle's multichoice
    always does, so the question cannot keep its all-or-nothing grading. None otherwise."""
    q = item.question
    if not isinstance(q, MultipleQuestion) or item.quiz.partial_credit or sum(o.correct for o in q.options) < 2:
        return None
    return left_out(item, format_name, "the quiz gives no partial credit (`partial_credit: false`); Moodle's multiple-answer "
                    "question always does", "export this quiz with `partial_credit: true`, or rebuild the question in Moodle")


def category_path(course: Course, quiz: Quiz) -> str:
    """Moodle's category path for a quiz's questions: `$course$/top/<course>/<quiz>`.

    Moodle splits category paths at `/` and reads `//` as a slash in a name
    (question/format.php, split_category_path); whitespace runs become one space, and
    `<`, `>` look-alikes (a category name is plain text: no tag may reach a page)."""
    def name(text: str) -> str:
        return " ".join(text.split()).replace("/", "//").replace("<", "\u2039").replace(">", "\u203a")
    return f"$course$/top/{name(course.settings.title)}/{name(quiz.title)}"


def stem(question: AnyQuestion) -> str:
    """The question's text as Markdown: its scenario (if any), a blank line, its prompt."""
    parts = [question.scenario, question.prompt]
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def moodle_weights(correct: list[bool]) -> list[float]:
    """Moodle's answer fractions (percent) for a multiple question with partial credit.

    Each right option gives 100/k % and each wrong one takes 100/k % away (k right
    options), so a learner's grade is max(0, hits - wrong) / k, which is how the
    browser grades it (site/assets/quiz/types/choice.js); Moodle floors a
    question's grade at 0. The right options' weights sum to 100 %."""
    k = sum(correct)
    return [(100 if right else -100) / k for right in correct]


def weight(percent: float) -> str:
    """A weight or fraction in percent as Moodle writes it: at most 5 decimals (33.33333),
    which its importer matches to its grade list (question_bank::fraction_options_full)."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")
