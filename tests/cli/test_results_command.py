"""`coursegen results`: files it cannot use are named with the reason and the rest analysed;
exit 1 when none can be used, 2 on usage errors (issue 16)."""

from __future__ import annotations

import json
import sys

from conftest import ROOT, coursegen
from generator.cli import main

sys.path.insert(0, str(ROOT / "bench"))
from results_synth import ITEMS, summary  # noqa: E402
import random  # noqa: E402


def _write(tmp_path, name: str, data) -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return str(path)


def _learners(tmp_path, n: int = 5) -> list[str]:
    rng = random.Random(1)
    return [_write(tmp_path, f"ok-{k}.json", summary(k, rng)) for k in range(n)]


def test_unreadable_files_are_named_with_the_reason_and_the_rest_reported(tmp_path):
    good = _learners(tmp_path)
    other = summary(99, random.Random(2))
    other["course"] = "another"
    old = summary(98, random.Random(3))
    del old["quizzes"][0]["last"]  # a summary from before revision 1
    bad = [_write(tmp_path, "notes.txt", "Dear trainer,"), _write(tmp_path, "progress.json", {"format": "coursegen-progress", "v": 1}),
           _write(tmp_path, "future.json", {"format": "coursegen-results", "v": 2}), _write(tmp_path, "other.json", other),
           _write(tmp_path, "old.json", old), str(tmp_path / "missing.json"),
           _write(tmp_path, "broken.json", {"format": "coursegen-results", "v": 1, "course": "irt", "quizzes": [
               {"id": "q", "last": {"questions": [{"id": "a", "type": "single", "answer": ["x"], "score": 2}]}}]})]
    run = coursegen("results", *good, *bad, good[0])
    assert run.returncode == 0, run.stderr
    lines = run.stderr.splitlines()
    assert lines[0] == "coursegen results: 8 of 13 files not used:"
    reasons = dict(line.strip().split(": ", 1) for line in lines[1:])
    assert reasons[bad[0]] == "not JSON (line 1: Expecting value)"
    assert reasons[bad[1]].startswith("wrong format: progress export")
    assert reasons[bad[2]] == "wrong format: version 2; this coursegen reads version 1"
    assert reasons[bad[3]] == "another course ('another', not 'irt')"
    assert reasons[bad[4]].startswith("no answers per question")
    assert reasons[bad[5]].startswith("cannot be read")
    assert reasons[bad[6]] == "wrong format: `quizzes[0].last.questions[0].score` is not a number from 0 to 1"
    assert any(line.strip() == f"{good[0]}: the same results as {good[0]}" for line in lines)
    assert run.stdout.startswith("Item analysis of irt (IRT course): 5 summaries\n")
    assert "5 learners are too few for stable figures" in run.stdout
    for item in ITEMS:
        assert f"\n  {item.id} " in run.stdout


def test_none_readable_is_exit_1_and_no_files_is_a_usage_error(tmp_path, capsys):
    run = coursegen("results", _write(tmp_path, "a.json", "[]"))
    assert run.returncode == 1 and run.stdout == ""
    assert "a.json: wrong format" in run.stderr and "no summary with answers to analyse" in run.stderr
    run = coursegen("results")
    assert run.returncode == 2 and "FILE" in run.stderr


def test_course_option_picks_the_course(tmp_path, capsys):
    good = _learners(tmp_path, 3)
    assert main(["results", "--course", "elsewhere", *good]) == 1
    assert "another course ('irt', not 'elsewhere')" in capsys.readouterr().err
    assert main(["results", "--course", "irt", "--csv", *good]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "course,quiz,question,type,points,n,p,r_pb,d_27,options,flags,reliability,reliability_kind,learners"
    assert len(out) == 1 + len(ITEMS) and out[1].startswith("irt,irt-quiz,high-easy,single,1,3,")


def test_two_nameless_learners_who_answer_alike_both_count(tmp_path, capsys):
    first, second = summary(1, random.Random(5)), summary(2, random.Random(5))
    first["learner"] = second["learner"] = ""
    assert first["quizzes"][0]["last"]["questions"] == second["quizzes"][0]["last"]["questions"]
    files = [_write(tmp_path, "one.json", first), _write(tmp_path, "two.json", second)]
    assert main(["results", *files, files[1]]) == 0
    captured = capsys.readouterr()
    assert ": 2 summaries" in captured.out and f"{files[1]}: the same results as {files[1]}" in captured.err
