"""One golden case per integrity rule: a small course (tests/fixtures/checkcourse),
one edit that breaks it, and the exact findings `check` must report.

Each case is a file in tests/check/cases/rules/: `edits` (replace text in a file,
write a new file, or delete one), optional `options` (CheckOptions fields) and
`expect` (every finding, as `file:line:col: severity: message (hint)`). Adding a case
is adding a file. After a deliberate change of wording, re-record every case with
`COURSEGEN_UPDATE_GOLDEN=1 pytest tests/check/test_checks.py` and review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from generator.check.rules import RULES, CheckOptions
from generator.load.course import CoursePaths
from generator.check.pipeline import check

CASES_DIR = Path(__file__).parent / "cases" / "rules"
PROJECT = Path(__file__).parents[1] / "fixtures" / "checkcourse"
CASES = sorted(CASES_DIR.glob("*.yml"))


def apply_edits(project: Path, edits: list[dict]) -> None:
    for edit in edits:
        path = project / edit["file"]
        if "delete" in edit:
            path.unlink()
        elif "write" in edit:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(edit["write"], encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
            assert text.count(edit["replace"]) == 1, f"{edit['file']}: {edit['replace']!r} must occur exactly once"
            path.write_text(text.replace(edit["replace"], edit["with"]), encoding="utf-8")


def findings_after(case: dict, tmp_path: Path) -> list[str]:
    project = tmp_path / "project"
    shutil.copytree(PROJECT, project)
    apply_edits(project, case.get("edits", []))
    _, findings = check(CoursePaths.at(project), CheckOptions(**case.get("options", {})))
    findings.sort(key=lambda f: (f.location, f.message))
    return [f.one_line() for f in findings]


def test_the_base_course_is_clean(tmp_path):
    assert findings_after({}, tmp_path) == []


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_rule(case_file, tmp_path):
    text = case_file.read_text(encoding="utf-8")
    case = yaml.safe_load(text)
    found = findings_after(case, tmp_path)
    if os.environ.get("COURSEGEN_UPDATE_GOLDEN") == "1" and found != case["expect"]:
        comment = text.splitlines()[0] + "\n" if text.startswith("#") else ""
        case_file.write_text(comment + yaml.safe_dump({**case, "expect": found}, sort_keys=False, width=1000, allow_unicode=True))
        return
    assert found == case["expect"]


def test_every_rule_has_a_case():
    covered = {yaml.safe_load(c.read_text())["rule"] for c in CASES}
    assert {rule.__name__ for rule in RULES} <= covered
