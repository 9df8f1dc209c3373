"""`coursegen results` recovers known item parameters (issue 16).

200 summaries are drawn from a two-parameter logistic model with fixed seeds
(bench/results_synth.py: items of known difficulty and discrimination, one planted to
discriminate the wrong way, one everybody and one nobody gets right, one distractor
nobody picks). The command, run as a trainer runs it, must give each item's p-value
within sampling error of its expected value, rank the high-discrimination items above
the low ones, and flag the planted items. Its run time is printed (docs/benchmarks.md),
not asserted.
"""

from __future__ import annotations

import csv
import io
import json
import statistics
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, coursegen
from generator.results.analysis import analyse
from generator.results.read import read_summary

sys.path.insert(0, str(ROOT / "bench"))
from results_synth import ITEMS, QUIZ, write_summaries  # noqa: E402

N = 200
# sd of a proportion over 200 learners is at most 0.035: three of them
P_TOLERANCE = 0.1


@pytest.fixture(scope="module")
def summaries(tmp_path_factory) -> list[Path]:
    return write_summaries(tmp_path_factory.mktemp("irt"), N)


@pytest.fixture(scope="module")
def table(summaries) -> dict[str, dict[str, str]]:
    start = time.perf_counter()
    run = coursegen("results", "--csv", *map(str, summaries))
    print(f"\ncoursegen results --csv on {N} summaries: {time.perf_counter() - start:.2f} s")
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    return {row["question"]: row for row in csv.DictReader(io.StringIO(run.stdout))}


def test_difficulty_is_the_expected_proportion_right(table):
    for item in ITEMS:
        expected, got = item.expected_p(), float(table[item.id]["p"])
        assert abs(got - expected) < P_TOLERANCE, (item.id, expected, got)
    assert table["everybody"]["p"] == "1.0000" and table["nobody"]["p"] == "0.0000"


def test_discrimination_ranks_the_items_by_their_slope(table):
    def r(kind: str) -> list[float]:
        return [float(table[i.id]["r_pb"]) for i in ITEMS if i.id.startswith(kind)]

    def d(kind: str) -> list[float]:
        return [float(table[i.id]["d_27"]) for i in ITEMS if i.id.startswith(kind)]

    assert min(r("high-")) > max(r("low-")) and min(d("high-")) > max(d("low-"))
    assert statistics.fmean(r("high-")) - statistics.fmean(r("low-")) > 0.2
    # on the items of positive slope, the point-biserial goes with the slope
    sloped = [i for i in ITEMS if i.a > 0 and -5 < i.b < 5]
    assert statistics.correlation([i.a for i in sloped], [float(table[i.id]["r_pb"]) for i in sloped]) > 0.7
    assert float(table["negative"]["r_pb"]) < -0.2 and float(table["negative"]["d_27"]) < -0.2


def test_planted_items_are_flagged(table):
    assert "negative-discrimination" in table["negative"]["flags"]
    assert table["everybody"]["flags"].startswith("everybody-right") and table["nobody"]["flags"] == "nobody-right"
    assert table["unused"]["flags"] == "unchosen-distractor ('unused distractor 3')"
    assert json.loads(table["unused"]["options"])["unused distractor 3"] == 0
    for item in ("high-easy", "high-mid", "high-hard", "mid-a"):
        assert table[item]["flags"] == "", item
    assert table["everybody"]["r_pb"] == ""  # undefined for a constant item, not 0


def test_option_counts_add_up_to_the_learners(table):
    for item in ITEMS:
        counts = json.loads(table[item.id]["options"])
        assert sum(counts.values()) == N and len(counts) == 4
        assert counts[f"{item.id} key"] == round(float(table[item.id]["p"]) * N)


def test_reliability_is_kr20_as_kuder_and_richardson_write_it(summaries, table):
    """KR-20 = k/(k-1) (1 - sum p q / var(X)), worked here from its own textbook form."""
    rows = [[q.score for q in read_summary(p).quizzes[QUIZ].questions] for p in summaries]
    k = len(rows[0])
    p = [sum(r[j] for r in rows) / len(rows) for j in range(k)]
    totals = [sum(r) for r in rows]
    mean = sum(totals) / len(totals)
    variance = sum((t - mean) ** 2 for t in totals) / len(totals)
    kr20 = k / (k - 1) * (1 - sum(x * (1 - x) for x in p) / variance)
    first = next(iter(table.values()))
    assert first["reliability_kind"] == "KR-20" and abs(float(first["reliability"]) - kr20) < 1e-4
    [quiz] = analyse([read_summary(p) for p in summaries])
    assert quiz.complete == N and quiz.learners == N


def test_a_reliable_test_scores_higher_than_a_noisy_one(tmp_path):
    """Ten items of slope 2 hang together (KR-20 high); ten of slope 0.2 hardly do."""
    import random

    from results_synth import Item, summary

    def kr20(a: float) -> float:
        rng, items = random.Random(7), [Item(f"i{j}", a, -1 + j * 0.2) for j in range(10)]
        paths = []
        for k in range(N):
            path = tmp_path / f"{a}-{k}.json"
            path.write_text(json.dumps(summary(k, rng, items)))
            paths.append(path)
        [quiz] = analyse([read_summary(p) for p in paths])
        assert quiz.reliability is not None
        return quiz.reliability

    assert kr20(2.0) > 0.7 > 0.3 > kr20(0.2)


def test_typed_answers_are_grouped_by_the_runtime_rule():
    """Answers the browser counts as the same (case, ß/SS, curly apostrophes, spacing, end
    punctuation: model/questions/text.py) are one row of the option counts, shown as first typed."""
    from generator.results.read import Answer, Attempt, Summary

    typed = ["Don’t  panic!", "don't panic", "DON'T PANIC.", "Straße", "STRASSE", "panic"]
    summaries = [Summary(Path(f"s{i}.json"), "c", "C", f"learner {i}", {"q": Attempt("q", "Q", f"2026-01-0{i + 1}", (
        Answer("t1", "text", 1, (), (answer,), float(i < 3)),))}) for i, answer in enumerate(typed)]
    [quiz] = analyse(summaries)
    assert quiz.items[0].options == {"Don’t panic!": 3, "Straße": 2, "panic": 1}
