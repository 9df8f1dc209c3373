"""`coursegen check` as a trainer and CI see it: compiler-style text (grouped by file,
sorted by line, the line quoted with a caret, a count), `--format json`, `--strict`,
colour only when asked, and `build` running the same checks."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, coursegen

SMALL = Path(__file__).parents[1] / "fixtures" / "checkcourse"


def small_project(dest: Path, edits: dict[str, list[tuple[str, str]]]) -> Path:
    shutil.copytree(SMALL, dest)
    # the project's own mkdocs.yml, naming the site as the small course's title does
    config = (ROOT / "mkdocs.yml").read_text().replace("site_name: Rapport that sells", "site_name: A small course")
    (dest / "mkdocs.yml").write_text(config)
    for rel, pairs in edits.items():
        path = dest / rel
        text = path.read_text()
        for old, new in pairs:
            assert old in text
            text = text.replace(old, new, 1)
        path.write_text(text)
    return dest


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> Path:
    return small_project(tmp_path_factory.mktemp("cli") / "p", {
        "course/lessons/alpha.yml": [("(beta.md#second-part)", "(beta.md#part-two)"), ("minutes: 5", "minutes: lots")],
        "quizzes/alpha-quiz.yml": [('      - text: "The second thing"\n        feedback: "No."\n', '      - text: "The second thing"\n')],
        "course/lessons/beta.yml": [("minutes: 5", "minutes: 1"), ("      More text.\n", "      " + "word " * 500 + "\n")],
    })


def test_text_report_reads_like_a_compiler(broken):
    result = coursegen("check", cwd=broken)
    assert result.returncode == 1
    out = result.stderr
    assert "Traceback" not in out
    expected = """\
course/lessons/alpha.yml: 1 error
  course/lessons/alpha.yml:4:10: error: minutes: expected a whole number, found 'lots'
        4 | minutes: lots
          |          ^~~~
    hint: write digits only, e.g. 15

course/lessons/beta.yml: 1 warning
  course/lessons/beta.yml:4:10: warning: the lesson has 509 words, about 3 minutes of reading at 200 words a minute, but says `minutes: 1`
        4 | minutes: 1
          |          ^
    hint: set `minutes: 3` or more, or split the lesson in two

quizzes/alpha-quiz.yml: 1 error
  quizzes/alpha-quiz.yml:13:9: error: option 2 has no feedback
       13 |       - text: "The second thing"
          |         ^~~~~
    hint: add `feedback:` saying why this option is right or wrong

2 errors, 1 warning in 3 files
"""
    assert out == expected


def test_link_findings_point_at_the_line_inside_the_body(tmp_path):
    project = small_project(tmp_path / "p", {"course/lessons/alpha.yml": [("(beta.md#second-part)", "(beta.md#part-two)")]})
    result = coursegen("check", cwd=project)
    assert result.returncode == 1
    assert "  course/lessons/alpha.yml:13:58: error: link to 'beta.md#part-two': beta.md has no heading with the anchor '#part-two'" in result.stderr
    assert "       13 |       Read this, then go on to [the second part of Beta](beta.md#part-two).\n" \
           "          |                                                          ^~~~~~~~~~~~~~~~\n" in result.stderr


def test_json_gives_the_same_findings(broken):
    result = coursegen("check", "--format", "json", cwd=broken)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert (report["errors"], report["warnings"]) == (2, 1)
    first = report["findings"][0]
    assert first == {"file": "course/lessons/alpha.yml", "line": 4, "column": 10, "severity": "error", "code": "int-parsing",
                     "field": "minutes", "message": "expected a whole number, found 'lots'", "hint": "write digits only, e.g. 15"}
    assert [f["file"] for f in report["findings"]] == sorted(f["file"] for f in report["findings"])
    assert {f["code"] for f in report["findings"]} == {"int-parsing", "long-lesson", "question"}


def test_strict_makes_warnings_fail(tmp_path):
    long_text = ("      More text.\n", "      " + "word " * 500 + "\n")
    project = small_project(tmp_path / "p", {"course/lessons/beta.yml": [("minutes: 5", "minutes: 1"), long_text]})
    relaxed = coursegen("check", cwd=project)
    assert relaxed.returncode == 0 and "0 errors, 1 warning in 1 file" in relaxed.stderr
    strict = coursegen("check", "--strict", cwd=project)
    assert strict.returncode == 1 and "warning: the lesson has 509 words" in strict.stderr
    assert coursegen("check", "--strict", "--format", "json", cwd=project).returncode == 1


def test_min_questions_is_configurable(tmp_path):
    project = small_project(tmp_path / "p", {})
    result = coursegen("check", "--min-questions", "2", cwd=project)
    assert result.returncode == 1
    assert "quizzes/final.yml:5:1: error: the quiz has 1 question; the minimum is 2" in result.stderr
    mkdocs = project / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text().replace("  - course\n", "  - course:\n      min_questions: 2\n"))
    assert "the quiz has 1 question; the minimum is 2" in coursegen("check", cwd=project).stderr


def test_colour_only_when_asked(broken):
    coloured = coursegen("--color", "always", "check", cwd=broken).stderr
    assert "\033[1;31merror\033[0m" in coloured and "\033[" in coloured
    assert "\033[" not in coursegen("--color", "never", "check", cwd=broken).stderr


def test_build_runs_the_same_checks(broken, tmp_path):
    result = coursegen("build", "--out", str(tmp_path / "site"), cwd=broken)
    assert result.returncode == 1
    assert "course/lessons/alpha.yml:4:10: error: minutes: expected a whole number" in result.stderr
    assert "quizzes/alpha-quiz.yml:13:9: error: option 2 has no feedback" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_clean_course_says_ok():
    """The bundled course has no error and no warning but its known ones (known-findings.yml,
    issue 16), which are still reported, marked known, and pass `--strict`."""
    result = coursegen("check", "--strict")
    assert result.returncode == 0 and result.stderr.strip().endswith("Course OK.")
    report = json.loads(coursegen("check", "--format", "json").stdout)
    assert report["errors"] == 0 and report["warnings"] == len(report["findings"]) > 0
    assert all(f["known"] is True and f["severity"] == "warning" for f in report["findings"])
    assert re.search(r"\n0 errors, \d+ warnings \(\d+ known\) in \d+ files?\n", result.stderr)
    assert "warning (known): a learner who guesses by 'longest, False, every box' can expect 91.7 %, and the pass mark " \
           "is 80 % (an error, listed as known)" in result.stderr
    assert "final-assessment: 91.7 % by 'longest, False, every box', pass mark 80 %  <- reaches the pass mark" in result.stderr
    assert report["guessing"]["final-assessment"]["longest, False, every box"] == 91.7
