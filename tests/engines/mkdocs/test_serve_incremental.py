"""`coursegen serve` rebuilds only what a save changed (generator/mkdocs_incremental.py):
an edit to a lesson's text rewrites that page and leaves the others' files alone; a new
title reaches every page's navigation; the search index stays whole, without twins."""

from __future__ import annotations

import json
from collections import Counter
import os
import shutil
import time
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from test_serve import get, serving, wait_for

EDITED = "course/lessons/value-first.yml"


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    root = tmp_path_factory.mktemp("incremental")
    project = copy_project(root / "p")
    tmp = root / "tmp"  # MkDocs serves from a folder it makes in TMPDIR: the test looks inside
    tmp.mkdir()
    old = os.environ.get("TMPDIR")
    os.environ["TMPDIR"] = str(tmp)
    try:
        with serving(project) as (url, log):
            site = next(tmp.glob("mkdocs_*"))
            yield project, url, site
    finally:
        if old is None:
            del os.environ["TMPDIR"]
        else:
            os.environ["TMPDIR"] = old


def _edit(project: Path, old: str, new: str) -> None:
    path = project / EDITED
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _search(url: str) -> list[dict]:
    status, body = get(url + "/search/search_index.json")
    assert status == 200
    return json.loads(body)["docs"]


def test_a_text_edit_rewrites_only_its_page(session):
    project, url, site = session
    other = site / "lessons" / "rapport-trap" / "index.html"
    before = other.stat().st_mtime_ns
    locations = sorted(doc["location"] for doc in _search(url))
    time.sleep(0.05)
    _edit(project, "sections:\n", "sections:\n  - heading: Zebra crossing of ideas\n    body: A striped new section.\n")
    wait_for(url + "/lessons/value-first/", lambda s, b: s == 200 and "Zebra crossing of ideas" in b)
    wait_for(url + "/search/search_index.json", lambda s, b: "Zebra crossing" in b)
    assert other.stat().st_mtime_ns == before, "a page the save did not change is not written again"
    docs = _search(url)
    assert sum("Zebra crossing" in doc["title"] for doc in docs) == 1
    assert sorted(doc["location"] for doc in docs) == sorted(locations + ["lessons/value-first/#zebra-crossing-of-ideas"])


def test_a_new_title_reaches_every_page(session):
    project, url, site = session
    _edit(project, 'title: "', 'title: "Retitled: ')
    _, body = wait_for(url + "/lessons/rapport-trap/", lambda s, b: s == 200 and "Retitled: " in b)
    assert "Retitled: " in get(url + "/")[1]
    docs = _search(url)
    twice = [loc for loc, n in Counter(doc["location"] for doc in docs).items() if n > 1]
    assert not twice, f"indexed twice: {twice}"
    assert "" in {doc["location"] for doc in docs}, "the home page is indexed"


def test_a_deleted_lesson_is_gone_from_the_preview(tmp_path):
    # the welcome lesson: no quiz question assesses it (the final's pool covers the others)
    project = copy_project(tmp_path / "p")
    with serving(project) as (url, log):
        assert get(url + "/lessons/welcome/")[0] == 200
        course = project / "course" / "course.yml"
        course.write_text(course.read_text(encoding="utf-8").replace("  - welcome\n", ""), encoding="utf-8")
        (project / "course" / "lessons" / "welcome.yml").unlink()
        wait_for(url + "/lessons/welcome/", lambda s, b: s == 404)
        assert "lessons/welcome/" not in get(url + "/")[1]
        assert all(not doc["location"].startswith("lessons/welcome/") for doc in _search(url))


def test_a_markdown_page_of_the_trainers_follows_a_new_title(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "course" / "notes.md").write_text("# Notes\n\nA page of the trainer's own.\n", encoding="utf-8")
    with serving(project) as (url, log):
        assert "Value first, rapport second" in get(url + "/notes/")[1]
        _edit(project, 'title: "Value first, rapport second"', 'title: "Value, then rapport"')
        wait_for(url + "/notes/", lambda s, b: s == 200 and "Value, then rapport" in b)


def test_after_a_build_that_failed_part_way_every_page_is_right_again(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "overrides").mkdir()
    # a theme override that breaks any page whose text says CRASHME
    (project / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}{% if "CRASHME" in page.content %}'
        '{{ no_such_thing.here }}{% endif %}{{ super() }}{% endblock %}', encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"), encoding="utf-8")
    welcome = project / "course" / "lessons" / "welcome.yml"
    with serving(project) as (url, log):
        text = welcome.read_text(encoding="utf-8")
        welcome.write_text(text.replace("sections:\n", "sections:\n  - heading: CRASHME\n    body: Breaks the page.\n", 1), encoding="utf-8")
        _edit(project, 'title: "Value first, rapport second"', 'title: "Value, then rapport"')
        time.sleep(3)  # the failed rebuild
        welcome.write_text(text, encoding="utf-8")
        wait_for(url + "/lessons/value-first/", lambda s, b: s == 200 and "Value, then rapport" in b)
        wait_for(url + "/lessons/wrap-up/", lambda s, b: s == 200 and "Value, then rapport" in b)


def test_a_brand_preview_keeps_rebuilding_after_the_first_save(tmp_path):
    project = copy_project(tmp_path / "p")
    shutil.copytree(ROOT / "brands", project / "brands")
    with serving(project, "/lessons/welcome.html", "--brand", "harbor") as (url, log):
        assert "Harbor Sales Academy" in get(url + "/lessons/value-first.html")[1]
        for n in (1, 2):
            _edit(project, "sections:\n", f"sections:\n  - heading: Saved {n} times\n    body: Again.\n")
            _, body = wait_for(url + "/lessons/value-first.html", lambda s, b, n=n: s == 200 and f"Saved {n} times" in b)
            assert "Harbor Sales Academy" in body, "still the brand's copy"
