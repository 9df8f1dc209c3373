"""Classical item analysis of one quiz across learners' summaries.

Every figure is worked with Python's `statistics` module (fmean, pvariance, correlation);
the formulas and where they come from:

- **Difficulty** (p-value): the mean item score as a share of the item's points, i.e. the
  proportion of learners right for a 0/1 item (Crocker & Algina 1986, *Introduction to
  classical and modern test theory*, ch. 14).
- **Point-biserial** (`r_pb`): Pearson's correlation between the item score and the
  learner's score on the *rest* of the quiz (the item left out), the "corrected item-total
  correlation" (Cureton 1966, Psychometrika 31:93-96); for a 0/1 item Pearson's r is the
  point-biserial coefficient (Tate 1954, Ann. Math. Statist. 25:603-607). The rest score is
  a share of the points of the learner's other answered items, so drawn quizzes (each
  learner a different subset) compare alike.
- **Upper-lower index** (`D`): the item's mean score in the upper 27 % of learners minus
  that in the lower 27 % (Kelley 1939, J. Educ. Psychol. 30:17-24), the groups formed by
  the same rest score as `r_pb`, so that a short quiz's item does not lift itself into
  the upper group.
- **Reliability**: Cronbach's alpha, `k/(k-1) * (1 - sum of item variances / variance of
  the total)` (Cronbach 1951, Psychometrika 16:297-334), over learners who answered every
  item, item scores in points; for 0/1 items this is KR-20 (Kuder & Richardson 1937,
  Psychometrika 2:151-160), and is labelled so.

Flags (thresholds in the README, "Item analysis"): nobody or everybody fully right, a
distractor (a wrong option) nobody chose, negative discrimination.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.model.questions.text import normalise
from generator.results.read import Answer, Summary

UPPER_LOWER = 0.27  # Kelley (1939)
FEW_LEARNERS = 30  # below this the figures are too noisy to act on: a note, not a flag
CHOICE_TYPES = ("single", "multiple", "true_false")

FLAG_NOBODY = "nobody-right"
FLAG_EVERYBODY = "everybody-right"
FLAG_DISTRACTOR = "unchosen-distractor"
FLAG_NEGATIVE = "negative-discrimination"


@dataclass
class ItemStats:
    id: str
    type: str
    points: float
    n: int
    p: float
    r_pb: float | None
    d: float | None
    options: dict[str, int]  # option identity (or typed answer) -> learners who chose it
    flags: list[str] = field(default_factory=list)
    unchosen: list[str] = field(default_factory=list)  # distractors nobody chose


@dataclass
class QuizStats:
    course: str
    quiz: str
    title: str
    learners: int
    mean: float | None  # mean quiz score, a share of the points answered
    sd: float | None
    reliability: float | None
    reliability_kind: str  # "KR-20" or "alpha"
    complete: int  # learners who answered every item (the reliability's sample)
    items: list[ItemStats]


def analyse(summaries: list[Summary]) -> list[QuizStats]:
    """Item statistics for every quiz any of the summaries answered, in order of first appearance."""
    order: dict[str, str] = {}
    for s in summaries:
        for quiz_id, attempt in s.quizzes.items():
            order.setdefault(quiz_id, attempt.title)
    return [_quiz(summaries[0].course if summaries else "", quiz_id, title,
                  [s.quizzes[quiz_id].questions for s in summaries if quiz_id in s.quizzes and s.quizzes[quiz_id].questions])
            for quiz_id, title in order.items()]


def _share(answers: list[Answer]) -> float | None:
    """A learner's score on these answers, as a share of their points."""
    total = sum(a.points for a in answers)
    return sum(a.points * a.score for a in answers) / total if total else None


def _quiz(course: str, quiz_id: str, title: str, learners: list[tuple[Answer, ...]]) -> QuizStats:
    ids: dict[str, None] = {}
    for attempt in learners:
        for a in attempt:
            ids.setdefault(a.id)
    by_id = [{a.id: a for a in attempt} for attempt in learners]
    totals = [_share(list(attempt)) for attempt in learners]
    items = [_item(qid, by_id) for qid in ids]
    scored = [t for t in totals if t is not None]
    reliability, kind, complete = _reliability(list(ids), by_id)
    return QuizStats(course, quiz_id, title, len(learners), statistics.fmean(scored) if scored else None,
                     statistics.pstdev(scored) if len(scored) > 1 else None, reliability, kind, complete, items)


def _correlation(x: list[float], y: list[float]) -> float | None:
    """Pearson's r, or None where it is undefined (fewer than two learners, or a constant)."""
    if len(x) < 2 or len(set(x)) < 2 or len(set(y)) < 2:
        return None
    return statistics.correlation(x, y)


def _upper_lower(scores: list[float], totals: list[float]) -> float | None:
    """Kelley's (1939) index: mean item score of the top 27 % by rest score minus the bottom
    27 % (at least one learner each; ties broken by the order the files were given)."""
    if len(scores) < 2:
        return None
    ranked = sorted(range(len(scores)), key=lambda i: totals[i])
    g = max(1, round(UPPER_LOWER * len(scores)))
    return statistics.fmean(scores[i] for i in ranked[-g:]) - statistics.fmean(scores[i] for i in ranked[:g])


def _item(qid: str, by_id: list[dict[str, Answer]]) -> ItemStats:
    answers, rest = [], []
    for learner in by_id:
        if qid not in learner:
            continue
        answers.append(learner[qid])
        others = _share([b for k, b in learner.items() if k != qid])
        rest.append(others if others is not None else 0.0)
    scores = [a.score for a in answers]
    first = answers[0]
    stats = ItemStats(qid, first.type, first.points, len(answers), statistics.fmean(scores),
                      _correlation(scores, rest), _upper_lower(scores, rest), _options(answers))
    if not any(s >= 1 for s in scores):
        stats.flags.append(FLAG_NOBODY)
    elif all(s >= 1 for s in scores):
        stats.flags.append(FLAG_EVERYBODY)
    if first.type in CHOICE_TYPES:
        # an option nobody chose, in an item someone got fully right, cannot be a key:
        # full marks take every right option and no wrong one
        keys = {o for a in answers if a.score >= 1 for o in a.answer}
        if keys:
            stats.unchosen = [o for o, n in stats.options.items() if n == 0 and o not in keys]
            if stats.unchosen:
                stats.flags.append(FLAG_DISTRACTOR)
    if stats.r_pb is not None and round(stats.r_pb, 2) < 0:  # negative as shown: -0.004 is 0.00
        stats.flags.append(FLAG_NEGATIVE)
    return stats


def _options(answers: list[Answer]) -> dict[str, int]:
    """How many learners chose each option (choice questions: every option listed, chosen
    or not), or typed each answer (text: see _typed); none for order."""
    kind = answers[0].type
    if kind == "order":
        return {}
    if kind == "text":
        return _typed(t for a in answers for t in a.answer)
    counts: dict[str, int] = {}
    for a in answers:
        for o in a.options:
            counts.setdefault(o, 0)
    for a in answers:
        for o in set(a.answer):
            counts[o] = counts.get(o, 0) + 1
    return counts


def _typed(typed: Iterable[str]) -> dict[str, int]:
    """How many learners typed each answer, most typed first: answers alike by the runtime's
    typed-answer rule (model/questions/text.py `normalise`: case, accents typed either way,
    quote and dash variants, spacing, end punctuation) count as one, shown as first typed
    (spaces collapsed). The summary does not say `match: exact`: the forgiving rule groups."""
    shown: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for answer in typed:
        key = normalise(answer)
        shown.setdefault(key, " ".join(answer.split()))
        counts[key] += 1
    return {shown[key]: n for key, n in counts.most_common()}


def _reliability(ids: list[str], by_id: list[dict[str, Answer]]) -> tuple[float | None, str, int]:
    """Cronbach's alpha over learners who answered every item (KR-20 when every item
    score is 0 or 1 and all items carry the same points): (value or None, kind, sample)."""
    rows = [[learner[q].score * learner[q].points for q in ids] for learner in by_id if all(q in learner for q in ids)]
    dichotomous = all(learner[q].score in (0, 1) for learner in by_id for q in learner) and \
        len({a.points for learner in by_id for a in learner.values()}) <= 1
    kind = "KR-20" if dichotomous else "alpha"
    k = len(ids)
    if k < 2 or len(rows) < 2:
        return None, kind, len(rows)
    totals = [sum(r) for r in rows]
    variance = statistics.pvariance(totals)
    if variance == 0:
        return None, kind, len(rows)
    items = sum(statistics.pvariance([r[j] for r in rows]) for j in range(k))
    return k / (k - 1) * (1 - items / variance), kind, len(rows)
