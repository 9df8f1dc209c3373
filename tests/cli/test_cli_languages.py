"""`--lang` on the commands that write a course (issue 22): `export` in every form (plain
project, quiz bank, LMS package) writes the translation, and `build --lang` without
`--out` leaves the source language's site/ alone."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, run_ok

FIXTURE = ROOT / "tests" / "fixtures" / "langcourse"


@pytest.fixture
def project(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "p"))


def _run(project: Path, *args: str) -> str:
    return run_ok(project, *args)


def test_a_plain_export_in_german(project, tmp_path):
    _run(project, "export", "--lang", "de", str(tmp_path / "out"))
    lesson = (tmp_path / "out/docs/lessons/intro.md").read_text("utf-8")
    assert "# Einführung" in lesson and "Übung: das erste Gespräch" in lesson and "Introduction" not in lesson
    assert "language: de" in (tmp_path / "out/mkdocs.yml").read_text("utf-8")


def test_a_quiz_bank_in_german(project, tmp_path):
    _run(project, "export", "--lang", "de", "--format", "gift", str(tmp_path / "bank.gift"))
    bank = (tmp_path / "bank.gift").read_text("utf-8")
    assert "Wofür ist der Kurs da?" in bank and "Kochen." in bank
    assert "What is the course for?" not in bank


def test_an_lms_package_in_german(project, tmp_path):
    _run(project, "export", "--lang", "de", "--format", "scorm12", str(tmp_path / "course.zip"))
    with zipfile.ZipFile(tmp_path / "course.zip") as package:
        lesson = package.read("lessons/intro.html").decode("utf-8")
        manifest = package.read("imsmanifest.xml").decode("utf-8")
    assert '<html lang="de"' in lesson and "Einführung</h1>" in lesson and "Verkaufen mit einer guten Beziehung." in lesson
    assert "Ein kleiner Kurs" in manifest


def test_build_lang_without_out_leaves_the_english_site_alone(project):
    _run(project, "build")
    english = (project / "site/index.html").read_bytes()
    said = _run(project, "build", "--lang", "de")
    assert f"building into {project / 'site-langs' / 'de'}" in said and "is left as it is" in said
    assert (project / "site/index.html").read_bytes() == english
    assert '<html lang="de"' in (project / "site-langs/de/index.html").read_text("utf-8")
    _run(project, "build")  # and the English site builds again: neither folder holds the other
    assert (project / "site-langs/de/index.html").is_file() and (project / "site/index.html").is_file()
