"""Synthetic results summaries from an item-response model with known parameters (issue 16).

Two-parameter logistic model (Birnbaum 1968, in Lord & Novick, *Statistical theories of
mental test scores*): learner ability theta ~ N(0, 1); a learner answers item j right
with probability P_j(theta) = 1 / (1 + exp(-a_j (theta - b_j))), a_j the item's
discrimination, b_j its difficulty. A wrong answer picks one of the item's distractors
(by the item's `pick` weights, so a distractor can be one nobody picks). Seeded, so
every run writes the same files. The expected p-value of an item is
E[P_j(theta)] = integral of P_j(t) phi(t) dt (`expected_p`, by the midpoint rule).

`write_summaries(dest, n)` writes n files as "Your progress" downloads them (revision 1).
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass
from pathlib import Path
from statistics import NormalDist

COURSE, QUIZ = "irt", "irt-quiz"


@dataclass(frozen=True)
class Item:
    id: str
    a: float  # discrimination
    b: float  # difficulty (ability at which half are right)
    pick: tuple[float, ...] = (1.0, 1.0, 1.0)  # weights of the three distractors

    @property
    def options(self) -> list[str]:
        return [f"{self.id} key"] + [f"{self.id} distractor {k + 1}" for k in range(len(self.pick))]

    def p_right(self, theta: float) -> float:
        z = -self.a * (theta - self.b)
        return 0.0 if z > 700 else 1 / (1 + math.exp(z))

    def expected_p(self) -> float:
        phi, step = NormalDist(), 0.01
        return sum(self.p_right(-8 + (k + 0.5) * step) * phi.pdf(-8 + (k + 0.5) * step) * step for k in range(1600))


# high (a = 2), low (a = 0.4) discrimination at several difficulties; one item that
# discriminates the wrong way (a < 0: the key is what weak learners pick); one that
# everybody, and one that nobody, gets right; one distractor nobody picks (item "unused").
ITEMS = [
    Item("high-easy", 2.0, -1.0), Item("high-mid", 2.0, 0.0), Item("high-hard", 2.0, 1.0),
    Item("low-easy", 0.4, -1.0), Item("low-mid", 0.4, 0.0), Item("low-hard", 0.4, 1.0),
    Item("mid-a", 1.0, -0.5), Item("unused", 1.0, 0.5, (1.0, 1.0, 0.0)),
    Item("negative", -1.2, 0.0),
    Item("everybody", 1.0, -60.0), Item("nobody", 1.0, 60.0),
]


def summary(learner: int, rng: random.Random, items: list[Item] = ITEMS) -> dict:
    theta = rng.gauss(0, 1)
    questions = []
    for item in items:
        right = rng.random() < item.p_right(theta)
        options = item.options
        chosen = options[0] if right else rng.choices(options[1:], weights=item.pick)[0]
        questions.append({"id": item.id, "type": "single", "points": 1, "options": options,
                          "answer": [chosen], "score": 1 if right else 0})
    percent = round(100 * sum(q["score"] for q in questions) / len(questions))
    ended = f"2026-11-30T{9 + learner // 3600:02d}:{learner // 60 % 60:02d}:{learner % 60:02d}.000Z"
    return {"format": "coursegen-results", "v": 1, "revision": 1, "course": COURSE, "course_title": "IRT course",
            "learner": f"Learner {learner:03d}", "date": "2026-11-30", "complete": False, "final_score": percent,
            "lessons_done": 0, "lessons_total": 1, "code": "0000-0000-0000",
            "quizzes": [{"id": QUIZ, "title": "IRT quiz", "best": percent, "passed": percent >= 50, "attempts": 1,
                         "last": {"attempt": 1, "date": ended, "percent": percent, "questions": questions}}]}


def write_summaries(dest: Path, n: int = 200, seed: int = 16) -> list[Path]:
    rng = random.Random(seed)
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n):
        path = dest / f"results-{k:03d}.json"
        path.write_text(json.dumps(summary(k, rng), indent=2))
        paths.append(path)
    return paths
