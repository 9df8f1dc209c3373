"""Issue 16's item-writing checks beyond their golden cases: the chance they rest on, and
known findings (known-findings.yml) through the command line: reported, marked, and not
failing `--strict`, while an unknown warning still does."""

from __future__ import annotations

import json
import re
import shutil
from math import comb
from pathlib import Path

import pytest

from conftest import coursegen
from generator.check.items import _tail

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.mark.parametrize("n, p, k", [(9, 0.25, 9), (9, 0.25, 3), (6, 0.25, 6), (14, 0.25, 14), (10, 0.5, 8), (4, 1 / 3, 0)])
def test_the_tail_is_the_binomial_one_when_every_chance_is_the_same(n, p, k):
    exact = sum(comb(n, j) * p ** j * (1 - p) ** (n - j) for j in range(k, n + 1))
    assert _tail([p] * n, k) == pytest.approx(exact)


def test_the_tail_of_mixed_chances():
    assert _tail([0.5, 0.25], 2) == pytest.approx(0.125)
    assert _tail([0.5, 0.25], 1) == pytest.approx(1 - 0.5 * 0.75)


def _biased(tmp_path: Path) -> Path:
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "itemcourse", project)
    quiz = project / "quizzes/alpha-quiz.yml"
    quiz.write_text(quiz.read_text().replace('"Packing the finished set"', '"Sorting the parts by sizes"'))
    return project


def test_a_known_warning_is_reported_but_does_not_fail_strict(tmp_path):
    project = _biased(tmp_path)
    failing = coursegen("check", "--strict", cwd=project)
    assert failing.returncode == 1 and "warning: option 3 reads almost like option 1" in failing.stderr

    (project / "known-findings.yml").write_text("quizzes/alpha-quiz.yml: [near-duplicate]\n")
    result = coursegen("check", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "quizzes/alpha-quiz.yml:15:15: warning (known): option 3 reads almost like option 1" in result.stderr
    assert "\n0 errors, 1 warning (1 known) in 1 file\n" in result.stderr and result.stderr.endswith("Course OK.\n")
    # each judged quiz's best guessing strategy next to its pass mark (the 1-question final is too short to judge)
    assert re.search(r"\nGuessing \(the best strategy's expected score, and the pass mark\):\n  alpha-quiz: [\d.]+ % by '[^']+', "
                     r"pass mark 70 %", result.stderr), result.stderr
    assert "  final: " not in result.stderr
    report = json.loads(coursegen("check", "--format", "json", cwd=project).stdout)
    assert [(f["code"], f.get("known")) for f in report["findings"]] == [("near-duplicate", True)]


def test_an_unreadable_list_is_an_error(tmp_path):
    project = _biased(tmp_path)
    (project / "known-findings.yml").write_text("- near-duplicate\n")
    result = coursegen("check", cwd=project)
    assert result.returncode == 1
    assert "known-findings.yml:1:1: error: the list of known findings is not a list of codes per file" in result.stderr


def test_guessing_scores_are_worked_out_once_for_the_rule_and_the_report(tmp_path, monkeypatch, capsys):
    """`check` reports each quiz's guessing scores and judges them with the same figures,
    worked out once a quiz (0.12 s at 1,000 lessons)."""
    from generator.check import guessing
    from generator.cli import main

    worked: list[str] = []
    real = guessing.expected_scores
    monkeypatch.setattr(guessing, "expected_scores", lambda quiz: worked.append(quiz.id) or real(quiz))
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "itemcourse", project)
    monkeypatch.chdir(project)
    main(["--color", "never", "check"])
    assert "Guessing (the best strategy's expected score" in capsys.readouterr().err
    assert worked and sorted(worked) == sorted(set(worked))


@pytest.mark.parametrize("text", ["It's ALWAYS the client's call.", "Guaranteed:never-ever_x 42 times!", "  tab\there\nnew line ",
                                  "Straße und ÉCOLE — fin", "naïve café", "ﬁne ǅ", "", "'''", "a\x1cb\x85c"])
def test_lesson_words_are_the_regular_expressions_words(text):
    """Recycled-text and giveaway-word checks read ASCII text by translate and split: the
    same words, casefolded, as the pattern `[\\w']+` finds in any text."""
    from generator.check.items import _WORD, _words

    assert _words(text) == _WORD.findall(text.casefold())


def _runs_by_every_window(lesson: list[str], texts: list[list[str]], n: int) -> list[list[str]]:
    """The recycled-text rule by brute force: for each text, its longest run of n words or
    more that the lesson holds too, the earliest in the lesson on a tie."""
    best: list[list[str]] = [[] for _ in texts]
    for at_ in range(len(lesson) - n + 1):
        for t, words in enumerate(texts):
            for start in range(len(words) - n + 1):
                length = 0
                while start + length < len(words) and at_ + length < len(lesson) and words[start + length] == lesson[at_ + length]:
                    length += 1
                if length >= n and length > len(best[t]):
                    best[t] = words[start:start + length]
    return best


@pytest.mark.parametrize("seed", range(40))
def test_recycled_runs_are_those_of_every_window(seed):
    """The rule looks up only windows whose word pairs occur in the questions: it finds the
    same runs as looking at every window (a small vocabulary makes long shared runs likely)."""
    import random

    from generator.check.items import RECYCLED_WORDS, _recycled_runs

    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(rng.randint(2, 6))]
    lesson = [rng.choice(vocabulary + [""]) for _ in range(rng.randint(0, 300))]
    texts = [lesson[i:i + rng.randint(0, 20)] if rng.random() < 0.5 and lesson else
             [rng.choice(vocabulary) for _ in range(rng.randint(0, 20))] for i in range(rng.randint(1, 5))]
    texts = [[w for w in text if w] for text in texts]  # question texts have no empty words
    assert _recycled_runs(lesson, texts) == _runs_by_every_window(lesson, texts, RECYCLED_WORDS)


def test_guessing_leaves_no_cached_question_behind():
    """The guessing rule's caches are keyed by id(question): one left behind can be read for a
    later question at the same address, and a quiz was once scored with another's option
    lengths (a golden case flipped between 'longest' and 'shortest')."""
    from generator.check import guessing
    from generator.check.options import CheckOptions
    from generator.check.pipeline import check_project
    from generator.load.settings import read_settings
    course = check_project(read_settings(Path(__file__).parents[2] / "mkdocs.yml")).course
    assert course is not None
    list(guessing.check_guessing(course, CheckOptions()))
    for quiz in course.quizzes.values():
        for rules in guessing.STRATEGIES.values():
            guessing._advice(quiz, rules)  # the hint's counts read the caches too
            assert not guessing._RIGHT and not guessing._LENGTHS
