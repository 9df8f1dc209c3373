"""`coursegen new handout ID` (issue 23): a commented handout that passes `check --strict` at
once, listed in course.yml by a one-line edit (or a new `handouts:` line), built into a page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, coursegen, validate

SMALL = Path(__file__).parents[1] / "fixtures" / "checkcourse"


@pytest.fixture
def project(tmp_path) -> Path:
    project = copy_project(tmp_path / "p")
    shutil.copytree(ROOT / "schemas", project / "schemas")
    return project


def test_new_handout_is_listed_passes_check_strict_and_gets_a_page(project, tmp_path):
    before = (project / "course/course.yml").read_text()
    result = coursegen("new", "handout", "objection-cards", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "wrote handouts/objection-cards.yml" in result.stderr and "wrote course/course.yml" in result.stderr
    assert (project / "course/course.yml").read_text() == before.replace("  - managers-guide\n", "  - managers-guide\n  - objection-cards\n")
    text = (project / "handouts/objection-cards.yml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../schemas/handout.schema.json\n")
    assert yaml.safe_load(text)["title"] == "Objection cards"
    assert validate(project / "handouts/objection-cards.yml", "handout") == []
    checked = coursegen("check", "--strict", cwd=project)
    assert checked.returncode == 0 and "Course OK." in checked.stderr, checked.stderr
    built = coursegen("build", "--out", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0, built.stderr
    assert "Objection cards" in (tmp_path / "site/toolkit/objection-cards/index.html").read_text("utf-8")


def test_a_course_without_handouts_gets_its_list(tmp_path):
    project = Path(shutil.copytree(SMALL, tmp_path / "small"))
    result = coursegen("new", "handout", "planner", "--title", "Call planner", cwd=project)
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load((project / "course/course.yml").read_text())["handouts"] == ["planner"]
    assert yaml.safe_load((project / "handouts/planner.yml").read_text())["title"] == "Call planner"
    checked = coursegen("check", cwd=project)
    assert checked.returncode == 0 and "handouts/" not in checked.stderr, checked.stderr


def test_an_existing_handout_or_a_bad_id_is_refused_and_nothing_changes(project):
    before = {p: p.read_bytes() for p in [project / "course/course.yml", *sorted((project / "handouts").iterdir())]}
    for handout_id, says in (("phrase-bank", "handouts/phrase-bank.yml already exists"), ("Phrase Bank", "not a valid handout id")):
        result = coursegen("new", "handout", handout_id, cwd=project)
        assert result.returncode == 2 and says in result.stderr, result.stderr
    assert {p: p.read_bytes() for p in [project / "course/course.yml", *sorted((project / "handouts").iterdir())]} == before
    result = coursegen("new", "handout", "cards", "--lesson", "value-first", cwd=project)
    assert result.returncode == 2 and "--lesson does not apply to `coursegen new handout`" in result.stderr
