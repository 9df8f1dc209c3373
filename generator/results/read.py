"""Results summaries (the JSON "Your progress" downloads) read into plain records.

The format is `{"format": "coursegen-results", "v": 1, ...}`; revision 1 (issue 16) adds
to each quiz the learner's last attempt, `last: {attempt, date, percent, questions:
[{id, type, points, options, answer, score}]}`, options and answers by stable option
identity. A v1 summary without `last` (revision 0) is readable but carries no answers.
Issue 23 adds, where the learner wrote any, each quiz's `written: [{id, answer, covered,
points}]` (the self-rating: checklist points ticked of `points`, both null before the learner
compared) and, only when the learner chose to include them, `reflections: [{lesson, prompt, text}]`.
Every way a file can be wrong is an `Unreadable` with a reason a trainer can act on.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

FORMAT, VERSION = "coursegen-results", 1


class Unreadable(Exception):
    """A summary file this command cannot use; str() says why."""


@dataclass(frozen=True)
class Answer:
    """One question of one learner's attempt: its score is 0-1 (the runtime's partial credit)."""

    id: str
    type: str
    points: float
    options: tuple[str, ...]
    answer: tuple[str, ...]
    score: float


@dataclass(frozen=True)
class Attempt:
    quiz: str
    title: str
    date: str  # when the attempt ended (ISO, to the millisecond)
    questions: tuple[Answer, ...]


@dataclass(frozen=True)
class Written:
    """One written answer: the learner's text and self-rating (`covered` of `points` checklist
    points; both None when the learner did not compare with the model answer). Never a score."""

    quiz: str
    id: str
    answer: str
    covered: int | None
    points: int | None


@dataclass(frozen=True)
class Reflection:
    """A reflection the learner chose to include: the lesson, the prompt as shown, their text."""

    lesson: str
    prompt: str
    text: str


@dataclass
class Summary:
    path: Path
    course: str
    course_title: str
    learner: str
    quizzes: dict[str, Attempt] = field(default_factory=dict)
    written: list[Written] = field(default_factory=list)
    reflections: list[Reflection] = field(default_factory=list)

    def identity(self) -> str:
        """What two downloads of the same results share (to skip a file given twice): two
        learners who leave their name out and answer alike still differ in their attempts' times."""
        return json.dumps([self.course, self.learner, {q: [att.date, [(a.id, a.answer, a.score) for a in att.questions]]
                                                       for q, att in self.quizzes.items()},
                           [(w.quiz, w.id, w.answer) for w in self.written], [(r.lesson, r.text) for r in self.reflections]],
                          sort_keys=True)


def read_summary(path: Path) -> Summary:
    """The summary in `path`, or Unreadable: not readable, not JSON, not a results summary,
    another format version, or a field of the wrong kind (named)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise Unreadable("not JSON (not UTF-8 text)") from None
    except OSError as error:
        raise Unreadable(f"cannot be read ({error.strerror or error})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise Unreadable(f"not JSON (line {error.lineno}: {error.msg})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        what = "progress export, not a results summary" if isinstance(data, dict) and data.get("format") == "coursegen-progress" \
            else "not a coursegen results summary (no \"format\": \"coursegen-results\")"
        raise Unreadable(f"wrong format: {what}")
    if data.get("v") != VERSION:
        raise Unreadable(f"wrong format: version {data.get('v')!r}; this coursegen reads version {VERSION}")
    course = _text(data, "course", "course")
    quizzes = data.get("quizzes")
    if not isinstance(quizzes, list):
        raise Unreadable("wrong format: `quizzes` is not a list")
    summary = Summary(Path(path), course, str(data.get("course_title") or ""), str(data.get("learner") or ""))
    for i, quiz in enumerate(quizzes):
        where = f"quizzes[{i}]"
        if not isinstance(quiz, dict):
            raise Unreadable(f"wrong format: `{where}` is not an object")
        if quiz.get("written") is not None:
            summary.written += _written(quiz, where)
        last = quiz.get("last")
        if last is None:
            continue
        if not isinstance(last, dict) or not isinstance(last.get("questions"), list):
            raise Unreadable(f"wrong format: `{where}.last.questions` is not a list")
        quiz_id = _text(quiz, "id", where + ".id")
        answers = tuple(_answer(q, f"{where}.last.questions[{j}]") for j, q in enumerate(last["questions"]))
        summary.quizzes[quiz_id] = Attempt(quiz_id, str(quiz.get("title") or quiz_id), str(last.get("date") or ""), answers)
    summary.reflections = _reflections(data.get("reflections"))
    return summary


def _count(value: object, where: str) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise Unreadable(f"wrong format: `{where}` is not a whole number")
    return value


def _written(quiz: dict, where: str) -> list[Written]:
    items = quiz["written"]
    if not isinstance(items, list):
        raise Unreadable(f"wrong format: `{where}.written` is not a list")
    found = []
    for j, w in enumerate(items):
        at = f"{where}.written[{j}]"
        if not isinstance(w, dict) or not isinstance(w.get("answer"), str):
            raise Unreadable(f"wrong format: `{at}` is not an object with an `answer` text")
        covered, points = _count(w.get("covered"), at + ".covered"), _count(w.get("points"), at + ".points")
        if (covered is None) != (points is None) or (covered is not None and points is not None and covered > points):
            raise Unreadable(f"wrong format: `{at}` has `covered` without `points`, or more covered than points")
        found.append(Written(_text(quiz, "id", where + ".id"), _text(w, "id", at + ".id"), w["answer"], covered, points))
    return found


def _reflections(items: object) -> list[Reflection]:
    if items is None:
        return []
    if not isinstance(items, list) or not all(isinstance(r, dict) and all(isinstance(r.get(k), str) for k in ("lesson", "prompt", "text"))
                                              for r in items):
        raise Unreadable("wrong format: `reflections` is not a list of {lesson, prompt, text}")
    return [Reflection(r["lesson"], r["prompt"], r["text"]) for r in items]


def _text(data: dict, key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise Unreadable(f"wrong format: `{where}` is not a text")
    return value


def _number(value: object) -> float | None:
    """The value as a finite number, or None (booleans are not numbers here)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def _texts(value: object, where: str, *, nulls: bool = False) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) or (nulls and v is None) for v in value):
        raise Unreadable(f"wrong format: `{where}` is not a list of texts")
    return tuple("" if v is None else v for v in value)


def _answer(q: object, where: str) -> Answer:
    if not isinstance(q, dict):
        raise Unreadable(f"wrong format: `{where}` is not an object")
    score, points = _number(q.get("score")), _number(q.get("points", 1))
    if score is None or not 0 <= score <= 1:
        raise Unreadable(f"wrong format: `{where}.score` is not a number from 0 to 1")
    if points is None or points <= 0:
        raise Unreadable(f"wrong format: `{where}.points` is not a positive number")
    return Answer(_text(q, "id", where + ".id"), _text(q, "type", where + ".type"), points,
                  _texts(q.get("options", []), where + ".options"), _texts(q.get("answer"), where + ".answer", nulls=True),
                  score)
