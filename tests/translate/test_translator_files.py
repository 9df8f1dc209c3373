"""`coursegen translations export` and `import`: PO and XLIFF out and back, text only."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import polib
import pytest
from lxml import etree

from conftest import copy_whole_project, coursegen, run_ok

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "langcourse"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "p"))


def _run(project: Path, *args: str) -> str:
    return run_ok(project, *args)


@pytest.mark.parametrize("fmt, name", [("po", "de.po"), ("xliff", "de.xlf")])
def test_export_then_import_changes_no_byte(project, tmp_path, fmt, name):
    before = _files(project / "translations")
    _run(project, "translations", "export", "--lang", "de", "--format", fmt, str(tmp_path / name))
    assert "0 file(s) written, 6 unchanged" in _run(project, "translations", "import", str(tmp_path / name))
    assert _files(project / "translations") == before


def test_only_text_is_exported(project, tmp_path):
    _run(project, "translations", "export", "--lang", "de", "--format", "po", str(tmp_path / "de.po"))
    po = polib.pofile(str(tmp_path / "de.po"))
    assert len(po) == 43 and po.metadata["Language"] == "de"
    assert {e.msgid for e in po} >= {"Selling with rapport.", "Cooking.", "Write down one goal.", '"It is for cooking."'}
    assert not {"intro-quiz", "q1", "true", "True ", "5", "70", "first-call", "opening", "detail", "2"} & {e.msgid for e in po}
    entry = next(e for e in po if e.msgid == "Cooking.")
    assert entry.msgctxt == "quizzes/intro-quiz.yml#questions[0].options[1].text" and entry.msgstr == "Kochen."
    entry = next(e for e in po if e.msgid == '"It is for cooking."')  # a scenario's reply: text only, not where it leads
    assert entry.msgctxt == "scenarios/first-call.yml#nodes[0].choices[1].text" and entry.msgstr == "„Fürs Kochen.“"
    _run(project, "translations", "export", "--lang", "de", "--format", "xliff", str(tmp_path / "de.xlf"))
    xliff = etree.parse(str(tmp_path / "de.xlf"))
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    assert len(xliff.findall(".//x:trans-unit", ns)) == 43
    assert xliff.find(".//x:file", ns).get("target-language") == "de"


def test_a_new_translation_is_written_and_recorded(project, tmp_path):
    po_file = tmp_path / "de.po"
    _run(project, "translations", "export", "--lang", "de", "--format", "po", str(po_file))
    po = polib.pofile(str(po_file))
    next(e for e in po if e.msgid == "Cooking.").msgstr = "Backen."
    po.save(str(po_file))
    assert "1 file(s) written, 5 unchanged" in _run(project, "translations", "import", str(po_file))
    text = (project / "translations/de/quizzes/intro-quiz.yml").read_text("utf-8")
    assert "text: Backen." in text and "correct: true" in text


def test_a_changed_source_is_marked_for_review_and_stays_stale_until_confirmed(project, tmp_path):
    lesson = project / "course/lessons/next-steps.yml"
    lesson.write_text(lesson.read_text().replace("Write down one goal.", "Write down two goals."))
    before = _files(project / "translations")
    _run(project, "translations", "export", "--lang", "de", "--format", "po", str(tmp_path / "de.po"))
    entry = next(e for e in polib.pofile(str(tmp_path / "de.po")) if "next-steps.yml#sections[0].body" in e.msgctxt)
    assert "fuzzy" in entry.flags and entry.msgid == "Write down two goals." and entry.msgstr == "Schreiben Sie ein Ziel auf."
    _run(project, "translations", "import", str(tmp_path / "de.po"))
    assert _files(project / "translations") == before
    assert "sections[0].body" in _run(project, "check", "--lang", "de")
    _run(project, "translations", "export", "--lang", "de", "--format", "xliff", str(tmp_path / "de.xlf"))
    xml = (tmp_path / "de.xlf").read_text("utf-8").replace("needs-review-translation", "translated")
    (tmp_path / "de.xlf").write_text(xml.replace("Schreiben Sie ein Ziel auf.", "Schreiben Sie zwei Ziele auf."), "utf-8")
    _run(project, "translations", "import", str(tmp_path / "de.xlf"))
    assert "warning" not in _run(project, "check", "--lang", "de")


def test_a_unit_naming_no_text_writes_nothing(project, tmp_path):
    po_file = tmp_path / "de.po"
    _run(project, "translations", "export", "--lang", "de", "--format", "po", str(po_file))
    po = polib.pofile(str(po_file))
    po[3].msgctxt = "lessons/gone.yml#title"
    po[0].msgstr = "Ein anderer Titel"
    po.save(str(po_file))
    before = _files(project / "translations")
    result = coursegen("translations", "import", str(po_file), cwd=project)
    assert result.returncode == 1 and "'lessons/gone.yml#title' names no text of the course" in result.stderr
    assert "Traceback" not in result.stderr and _files(project / "translations") == before


def test_stamp_records_hand_written_translations_and_reviewed_ones(project):
    file = project / "translations/de/lessons/next-steps.yml"
    written = file.read_text("utf-8")
    file.write_text(written.split("\nsource_hashes:")[0] + "\n", "utf-8")  # translated by hand: no record yet
    assert "no record of the source text these translate: title, summary" in _run(project, "check", "--lang", "de")
    _run(project, "translations", "stamp", "--lang", "de")
    assert file.read_text("utf-8") == written
    lesson = project / "course/lessons/next-steps.yml"
    lesson.write_text(lesson.read_text().replace("Write down one goal.", "Write one goal down."))
    _run(project, "translations", "stamp", "--lang", "de")
    assert "sections[0].body" in _run(project, "check", "--lang", "de")  # not reviewed: still stale
    _run(project, "translations", "stamp", "--lang", "de", "--reviewed")
    assert "warning" not in _run(project, "check", "--lang", "de")


def test_the_shipped_german_translation_is_complete_current_and_survives_a_round_trip(tmp_path):
    project = copy_whole_project(tmp_path / "course")
    report = _run(project, "check", "--lang", "de")
    assert "translations/" not in report, report  # no structure problem, nothing stale, nothing falls back
    before = _files(project / "translations")
    for fmt, name in (("po", "de.po"), ("xliff", "de.xlf")):
        _run(project, "translations", "export", "--lang", "de", "--format", fmt, str(tmp_path / name))
        _run(project, "translations", "import", str(tmp_path / name))
    _run(project, "translations", "stamp", "--lang", "de")
    assert _files(project / "translations") == before
    for name in ("de.po", "de.xlf"):  # written anew from the exchange file alone: the same bytes
        shutil.rmtree(project / "translations/de")
        _run(project, "translations", "import", str(tmp_path / name))
        assert _files(project / "translations") == before


@pytest.mark.parametrize("source, old, new, german, field", [
    ("course/lessons/value-first.yml", "Most firms now run lean.", "Most firms today run lean.",
     "translations/de/lessons/value-first.yml", r"sections\[1\]\.body"),
    ("scenarios/dental-review.yml", "Between us, I think the rise is unfair as well.", "Between us, I find the rise unfair too.",
     "translations/de/scenarios/dental-review.yml", r"nodes\[4\]\.choices\[1\]\.text"),
])
def test_editing_a_sentence_in_english_names_the_german_file_and_field(tmp_path, source, old, new, german, field):
    project = copy_whole_project(tmp_path / "course")
    text = (project / source).read_text("utf-8")
    assert old in text
    (project / source).write_text(text.replace(old, new), "utf-8")
    report = _run(project, "check", "--lang", "de")
    assert re.search(re.escape(german) + r":\d+:\d+: warning: the source text changed since this was translated: " + field + "\n",
                     report), report
