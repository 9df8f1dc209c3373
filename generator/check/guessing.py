"""The test-wise learner (issue 16): the score a learner can expect from each quiz by
guessing with a fixed strategy, graded as the browser grades (assets/quiz/types/*.js).

Grading, as in the browser:
- single, true_false, multiple: full marks for the exact set of right options, else
  max(0, (right ticked - wrong ticked) / right options) with partial credit, 0 without;
  nothing ticked is no answer (0);
- order: the share of steps in place (with partial credit), else all or nothing;
- text: a guess scores nothing;
- written: no points, so left out (`scored`), as the browser leaves it out of the score;
- the quiz's score is points won over points shown; with `draw`, an attempt shows a
  random `draw` of the questions; with `shuffle: true`, the options (and steps) of each
  question are shown in random order.

A strategy says what the learner picks for each type of question; a question it says
nothing about is answered at random. The expected score is exact (no simulation) for a
quiz without `draw`, or with `draw` and equal points; otherwise it is the mean of 2,000
seeded draws.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import combinations
from math import comb, factorial

from generator.check.items import MIN_QUESTIONS
from generator.check.locate import at
from generator.check.memo import remembered
from generator.check.options import CheckOptions
from generator.errors import Finding, Severity, counted
from generator.model.course import Course, Quiz
from generator.model.questions.base import ChoiceQuestion
from generator.model.questions.order import OrderQuestion

# each rule: (question, quiz) -> expected score of the question, 0-1
Rule = Callable[[object, Quiz], float]
_DRAWS = 2000


def _grade(picked: frozenset[int], right: frozenset[int], partial: bool) -> float:
    if not picked or not right:  # no right option: an error of its own (check_questions); nothing to win here
        return 0.0
    hits = len(picked & right)
    wrong = len(picked) - hits
    if hits == len(right) and not wrong:
        return 1.0
    return max(0.0, (hits - wrong) / len(right)) if partial else 0.0


_RIGHT: dict[int, frozenset[int]] = {}  # id(question) -> its right options, for one `_rule_scores` call


def _right(question: ChoiceQuestion) -> frozenset[int]:
    found = _RIGHT.get(id(question))
    if found is None:
        found = _RIGHT[id(question)] = frozenset(i for i, o in enumerate(question.options) if o.correct)
    return found


def _random(question, quiz: Quiz) -> float:
    if isinstance(question, ChoiceQuestion):
        right, k = _right(question), len(question.options)
        if question.type != "multiple":
            return len(right) / k if len(right) == 1 else _mean_subsets(question, quiz, (1,))
        return _mean_subsets(question, quiz, range(1, k + 1))
    if isinstance(question, OrderQuestion):
        n = len(question.items)
        return 1 / n if quiz.partial_credit else 1 / factorial(n)
    return 0.0


def _mean_subsets(question: ChoiceQuestion, quiz: Quiz, sizes) -> float:
    """The mean grade over every set of ticked boxes of these sizes, each set as likely."""
    return _subsets_mean(len(question.options), _right(question), quiz.partial_credit, tuple(sizes))


@lru_cache(maxsize=4096)
def _subsets_mean(k: int, right: frozenset[int], partial: bool, sizes: tuple[int, ...]) -> float:
    """_mean_subsets for k options: most questions of a course share their k and key, so
    each is worked out once (issue 16: 2,000 enumerations at 1,000 lessons)."""
    total = count = 0.0
    for size in sizes:
        for picked in combinations(range(k), size):
            total += _grade(frozenset(picked), right, partial)
            count += 1
    return total / count if count else 0.0


def _pick(choose: Callable[[ChoiceQuestion], int], by_text: bool = True) -> Rule:
    """One option, chosen from what the learner sees: by its text (wherever it is shown),
    or by its place (random in a shuffled quiz)."""
    def rule(question, quiz: Quiz) -> float:
        if isinstance(question, OrderQuestion):
            return _as_shown(question, quiz)
        if not isinstance(question, ChoiceQuestion):
            return 0.0
        if quiz.shuffle and not by_text:
            return _mean_subsets(question, quiz, (1,))
        return _grade(frozenset({choose(question)}), _right(question), quiz.partial_credit)
    return rule


def _as_shown(question, quiz: Quiz) -> float:
    """Steps left as the page lists them (shuffled again in a shuffled quiz)."""
    if quiz.shuffle or not isinstance(question, OrderQuestion):
        return _random(question, quiz)
    shown = question.shown_order()
    in_place = sum(shown[i] == i for i in range(len(shown))) / len(shown)
    return in_place if quiz.partial_credit or in_place == 1 else 0.0


def _lengths(question: ChoiceQuestion) -> list[int]:
    found = _LENGTHS.get(id(question))
    if found is None:
        found = _LENGTHS[id(question)] = [len(" ".join(o.text.split())) for o in question.options]
    return found


_LENGTHS: dict[int, list[int]] = {}  # id(question) -> its options' lengths, for one `_rule_scores` call


def _longest(question: ChoiceQuestion) -> int:
    lengths = _lengths(question)
    return lengths.index(max(lengths))


def _shortest(question: ChoiceQuestion) -> int:
    lengths = _lengths(question)
    return lengths.index(min(lengths))


def _ticks(which: str) -> Rule:
    def rule(question, quiz: Quiz) -> float:
        if not isinstance(question, ChoiceQuestion):
            return _random(question, quiz)
        picked = frozenset(range(len(question.options))) if which == "every" else frozenset()
        return _grade(picked, _right(question), quiz.partial_credit)
    return rule


FIRST = _pick(lambda q: 0, by_text=False)
LONGEST = _pick(_longest)
SHORTEST = _pick(_shortest)
TRUE = _pick(lambda q: 0)  # "True" is a true/false question's first option in the source
FALSE = _pick(lambda q: 1)

# per type of question, the rules a strategy may use (order: steps left as shown)
_BY_TYPE: dict[str, dict[str, Rule]] = {
    "single": {"random": _random, "first": FIRST, "longest": LONGEST, "shortest": SHORTEST},
    "true_false": {"random": _random, "first": FIRST, "longest": LONGEST, "shortest": SHORTEST, "True": TRUE, "False": FALSE},
    "multiple": {"random": _random, "first": FIRST, "longest": LONGEST, "shortest": SHORTEST, "every box": _ticks("every"),
                 "no box": _ticks("none")},
    "order": {"random": _random, "as shown": _as_shown},
    "text": {"random": _random},
}
# the named strategies: per type, the rule used (any other type: random)
STRATEGIES: dict[str, dict[str, str]] = {
    "random": {},
    "first option": {"single": "first", "true_false": "first", "multiple": "first", "order": "as shown"},
    "longest option": {"single": "longest", "true_false": "longest", "multiple": "longest", "order": "as shown"},
    "shortest option": {"single": "shortest", "true_false": "shortest", "multiple": "shortest", "order": "as shown"},
    "always True": {"true_false": "True"},
    "always False": {"true_false": "False"},
    "tick every box": {"multiple": "every box"},
    "tick none": {"multiple": "no box"},
    # the folk rules together: the longest option is right, a statement is false, tick everything
    "longest, False, every box": {"single": "longest", "true_false": "False", "multiple": "every box", "order": "as shown"},
}
BEST = "best combination"


def scored(quiz: Quiz) -> Quiz:
    """The quiz as the score sees it: only its questions that carry points (no `written`)."""
    if all(q.scored for q in quiz.questions):
        return quiz
    return quiz.model_copy(update={"questions": quiz.scored_questions})


def expected_scores(quiz: Quiz) -> dict[str, float]:
    """Each strategy's expected score in percent, and the best combination of rules (the
    best rule for each type of question) under BEST; a quiz without scored questions is 0."""
    quiz = scored(quiz)
    per_rule = _rule_scores(quiz)
    table = {name: [(q.points, got[rules.get(q.type, "random")]) for q, got in zip(quiz.questions, per_rule, strict=True)]
             for name, rules in STRATEGIES.items()}
    chosen = _best_rules(quiz, per_rule)
    table[BEST] = [(q.points, got[chosen[q.type]]) for q, got in zip(quiz.questions, per_rule, strict=True)]
    scores = {name: round(100 * _expected(quiz, pairs), 1) for name, pairs in table.items()}
    scores[BEST] = max(scores.values())  # never below a named strategy (draw: the best rules per type may differ)
    return scores


def _rule_scores(quiz: Quiz) -> list[dict[str, float]]:
    """Each question's expected score under each rule of its type (worked out once)."""
    try:
        return [{name: rule(q, quiz) for name, rule in _BY_TYPE[q.type].items()} for q in quiz.questions]
    finally:
        _forget()


def _forget() -> None:
    """Empty the per-call caches: they are keyed by id(question), which a later question may
    reuse once this one is gone (a stale entry gave another quiz's lengths: a wrong score)."""
    _RIGHT.clear()
    _LENGTHS.clear()


def _best_rules(quiz: Quiz, per_rule: list[dict[str, float]] | None = None) -> dict[str, str]:
    """For each type of question, the rule that scores best on the quiz's questions of
    that type; random for a type with fewer than 4 questions (choosing the best of six
    rules on two questions would find a "pattern" in any quiz)."""
    per_rule = per_rule if per_rule is not None else _rule_scores(quiz)
    chosen: dict[str, str] = {}
    for kind in {q.type for q in quiz.questions}:
        of_kind = [(q, got) for q, got in zip(quiz.questions, per_rule, strict=True) if q.type == kind]
        names = list(_BY_TYPE[kind]) if len(of_kind) >= MIN_QUESTIONS else ["random"]
        chosen[kind] = max(names, key=lambda name: sum(q.points * got[name] for q, got in of_kind))
    return chosen


def best_rules(quiz: Quiz) -> str:
    """The best combination in words, e.g. 'single: longest; true/false: False; multiple: every box'."""
    chosen = _best_rules(scored(quiz))
    return "; ".join(f"{kind.replace('_', '/')}: {chosen[kind]}" for kind in ("single", "true_false", "multiple", "order")
                     if kind in chosen)


def _expected(quiz: Quiz, pairs: list[tuple[int, float]]) -> float:
    """The expected share of points, over the attempts' random draws of questions."""
    if not pairs:
        return 0.0
    draw = quiz.draw if quiz.draw and quiz.draw < len(pairs) else len(pairs)
    if draw == len(pairs) or len({points for points, _ in pairs}) == 1:
        return sum(p * s for p, s in pairs) / sum(p for p, _ in pairs) if draw == len(pairs) else sum(s for _, s in pairs) / len(pairs)
    if comb(len(pairs), draw) <= _DRAWS:
        papers = list(combinations(pairs, draw))
    else:
        rng = random.Random(0)
        papers = [tuple(rng.sample(pairs, draw)) for _ in range(_DRAWS)]
    return sum(sum(p * s for p, s in paper) / sum(p for p, _ in paper) for paper in papers) / len(papers)


def guessing_table(course: Course) -> dict[str, dict[str, float]]:
    """`{quiz id: {strategy: percent}}` for every quiz (the JSON report's `guessing`)."""
    return {quiz_id: _scores(course, quiz) for quiz_id, quiz in sorted(course.quizzes.items())}


def _scores(course: Course, quiz: Quiz) -> dict[str, float]:
    """expected_scores(quiz), worked out once for the rule and the report."""
    return remembered(course, "guessing", quiz, lambda: expected_scores(quiz))


def check_guessing(course: Course, options: CheckOptions) -> Iterator[Finding]:
    """A strategy whose expected score reaches the pass mark: an error for the final
    assessment, a warning for a lesson quiz (a quiz of 4 questions or more an attempt);
    one that comes within the course's `guessing_margin` points of it: a warning
    (`guessing-margin`; issue 23: a learner who knows a little and guesses the rest should
    not pass by the test's patterns alone)."""
    final, margin = course.settings.final_quiz, course.settings.guessing_margin
    for quiz in course.quizzes.values():
        asked = scored(quiz)
        if min(asked.draw or len(asked.questions), len(asked.questions)) < MIN_QUESTIONS:
            continue  # on so few questions, some fixed rule matches every key by construction
        name, score = best_strategy(course, quiz)
        quiz = asked
        pass_mark = course.pass_mark(quiz)
        if score < pass_mark - margin:
            continue
        is_final = quiz.id == final or quiz.final
        rules = _best_rules(quiz) if name.startswith(BEST) else STRATEGIES[name]
        where = at(course, "quiz", quiz.id, ("pass_mark",) if quiz.pass_mark else ("questions",), key=True)
        if score < pass_mark:
            yield Finding(where, f"a learner who guesses by '{name}' can expect {score:g} %, within {margin} points "
                                 f"of the pass mark ({pass_mark} %)",
                          hint=_advice(quiz, rules) + f"; or raise the pass mark to {min(100, score + margin):g} % or more",
                          code="guessing-margin", severity=Severity.WARNING)
            continue
        yield Finding(where, f"a learner who guesses by '{name}' can expect {score:g} %, and the pass mark is {pass_mark} %",
                      hint=_advice(quiz, rules) + (f"; or raise the pass mark above {score:g} %" if score < 100 else ""),
                      code="guessing", severity=Severity.ERROR if is_final else Severity.WARNING)


_KIND = {"single": "single-choice", "true_false": "true/false", "multiple": "select-all-that-apply", "order": "order"}


def _advice(quiz: Quiz, rules: dict[str, str]) -> str:
    """What to change in this quiz against the strategy's rules: for each type of question
    whose rule beats random guessing, how many questions follow the pattern and the remedy."""
    said: list[str] = []
    try:
        for kind, rule_name in rules.items():
            questions = [q for q in quiz.questions if q.type == kind]
            rule = _BY_TYPE[kind][rule_name]
            if not questions or sum(rule(q, quiz) for q in questions) <= sum(_random(q, quiz) for q in questions):
                continue
            said.append(_remedy(quiz, kind, rule_name, questions))
    finally:
        _forget()
    if not said:
        return "give the questions more plausible wrong options: random guesses alone reach the pass mark"
    return "; ".join(said)


def _remedy(quiz: Quiz, kind: str, rule: str, questions: list) -> str:
    n, what = len(questions), counted(len(questions), f"{_KIND[kind]} question")
    rule = "True" if kind == "true_false" and rule == "first" and not quiz.shuffle else rule  # "True" is listed first
    if rule in ("first", "longest", "shortest"):
        pick = {"first": lambda q: 0, "longest": _longest, "shortest": _shortest}[rule]
        hits = sum(pick(q) in _right(q) for q in questions)
        if rule == "first":
            return f"the right option is first in {hits} of {what}: move it to other places, or set `shuffle: true`"
        return (f"the right option is the {rule} in {hits} of {what}: write the wrong options "
                f"{'as long as' if rule == 'longest' else 'as short as'} the right one")
    if rule in ("True", "False"):
        hits = sum(_pick(lambda q: 0 if rule == "True" else 1)(q, quiz) == 1 for q in questions)
        flip = "false" if rule == "True" else "true"
        return f"{hits} of {counted(n, 'true/false statement')} {'is' if hits == 1 else 'are'} {rule.lower()}: " \
               f"rewrite some as {flip} statements"
    if rule == "every box":
        return f"ticking every box earns marks in {what}: give them more wrong options"
    if rule == "as shown":
        return f"the steps of {what} are listed close to the right order: list them in another order"
    return f"random guesses score well on {what}: give them more plausible wrong options"


def best_strategy(course: Course, quiz: Quiz) -> tuple[str, float]:
    """The guessing strategy that scores best on `quiz` and its expected score in percent:
    a named strategy, or the best combination of rules per question type when it does better."""
    scores = _scores(course, quiz)
    name, score = max(((n, s) for n, s in scores.items() if n != BEST), key=lambda item: item[1])
    if scores[BEST] > score:
        name, score = f"{BEST}: {best_rules(quiz)}", scores[BEST]
    return name, score


def guessing_report(course: Course) -> str:
    """Each judged quiz's best guessing strategy next to its pass mark, for the text report;
    "" when no quiz has enough questions to judge (a small quiz says nothing about guessing)."""
    lines = ["Guessing (the best strategy's expected score, and the pass mark):"]
    for quiz_id in guessing_table(course):
        name, score = best_strategy(course, course.quizzes[quiz_id])
        quiz = scored(course.quizzes[quiz_id])
        pass_mark = course.pass_mark(quiz)
        margin = course.settings.guessing_margin
        mark = "  <- reaches the pass mark" if score >= pass_mark else \
            f"  <- within {margin} points of the pass mark" if score >= pass_mark - margin else ""
        if min(quiz.draw or len(quiz.questions), len(quiz.questions)) < MIN_QUESTIONS:
            continue
        lines.append(f"  {quiz_id}: {score:g} % by '{name}', pass mark {pass_mark} %{mark}")
    return "\n".join(lines) if len(lines) > 1 else ""
