"""The committed JSON Schemas (schemas/) match the models, and every bundled file is
wired to the right one for the editor (modeline and .vscode/settings.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.model import schema
from generator.model.course import Lesson
from conftest import ROOT, validate

REGENERATE = "run `python -m generator.model.schema` and commit schemas/"


def test_committed_schemas_match_the_models():
    for name, text in schema.render_all().items():
        path = ROOT / "schemas" / name
        assert path.is_file(), f"schemas/{name} is missing: {REGENERATE}"
        assert path.read_text(encoding="utf-8") == text, f"schemas/{name} is out of date with the models: {REGENERATE}"


def test_a_model_change_is_caught(monkeypatch):
    from pydantic import Field

    changed = type("Lesson", (Lesson,), {"__annotations__": {"level": int}, "level": Field(1, description="new")})
    monkeypatch.setitem(schema.SCHEMAS, "lesson.schema.json", (changed,) + schema.SCHEMAS["lesson.schema.json"][1:])
    committed = (ROOT / "schemas/lesson.schema.json").read_text(encoding="utf-8")
    assert schema.render_all()["lesson.schema.json"] != committed


def test_regenerating_writes_the_files(tmp_path):
    schema.main([str(tmp_path)])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(schema.SCHEMAS)
    lesson = json.loads((tmp_path / "lesson.schema.json").read_text())
    assert lesson["additionalProperties"] is False
    assert {"id", "title", "minutes", "sections"} <= set(lesson["required"])
    assert "description" in lesson["properties"]["minutes"]


def _files() -> list[tuple[Path, str]]:
    files = [(ROOT / "course/course.yml", "course")]
    files += [(p, "lesson") for p in sorted((ROOT / "course/lessons").glob("*.yml"))]
    files += [(p, "quiz") for p in sorted((ROOT / "quizzes").glob("*.yml"))]
    files += [(p, "dialogue") for p in sorted((ROOT / "dialogues").glob("*.yml"))]
    files += [(p, "brand") for p in sorted(ROOT.glob("brands/*/brand.yml"))]
    files += [(p, "lesson") for p in sorted(ROOT.glob("brands/*/lessons/*.yml"))]
    files += [(p, "quiz") for p in sorted(ROOT.glob("brands/*/quizzes/*.yml"))]
    return files


@pytest.mark.parametrize("path,kind", _files(), ids=lambda v: str(v.relative_to(ROOT)) if isinstance(v, Path) else v)
def test_every_bundled_file_points_at_its_schema_and_fits_it(path, kind):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix), f"{path.relative_to(ROOT)}: first line should be the schema modeline"
    target = (path.parent / first[len(prefix):]).resolve()
    assert target == (ROOT / "schemas" / f"{kind}.schema.json").resolve()
    assert validate(path, kind) == [], "the editor would flag these"


def test_the_schema_flags_what_a_trainer_gets_wrong(tmp_path):
    lesson = tmp_path / "lesson.yml"
    text = (ROOT / "course/lessons/welcome.yml").read_text()
    lesson.write_text(text.replace("title:", "titel:", 1).replace("minutes: 3", "minutes: lots").replace("id: welcome\n", "id: Welcome Page\n"))
    assert sorted(validate(lesson, "lesson")) == [".id: pattern", ".minutes: not a whole number", ".titel: unknown field", ".title: required"]
    quiz = tmp_path / "quiz.yml"
    quiz.write_text((ROOT / "quizzes/value-first-quiz.yml").read_text().replace("type: single", "type: singel", 1))
    assert validate(quiz, "quiz") == [".questions[0]: matches no allowed form"]


def test_vscode_maps_the_schemas():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text())
    mapping = settings["yaml.schemas"]
    assert "course/course.yml" in mapping["./schemas/course.schema.json"]
    assert "course/lessons/*.yml" in mapping["./schemas/lesson.schema.json"]
    assert "quizzes/*.yml" in mapping["./schemas/quiz.schema.json"]
    assert "brands/*/brand.yml" in mapping["./schemas/brand.schema.json"]
    assert "brands/*/lessons/*.yml" in mapping["./schemas/lesson.schema.json"]
    assert "dialogues/*.yml" in mapping["./schemas/dialogue.schema.json"]
    for key in mapping:
        assert (ROOT / key).is_file()
