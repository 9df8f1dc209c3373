"""The committed JSON Schemas (schemas/) match the models, and every bundled file is
wired to the right one for the editor (modeline and .vscode/settings.json)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from generator.model import schema
from generator.model.course import Lesson
from conftest import ROOT

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


def errors(value, schema: dict, root: dict, where: str = "") -> list[str]:
    """A small JSON Schema validator for the keywords pydantic emits (no extra
    dependency): what an editor's YAML language server would flag in a file."""
    if "$ref" in schema:
        return errors(value, root["$defs"][schema["$ref"].rsplit("/", 1)[-1]], root, where)
    found: list[str] = []
    if "anyOf" in schema or "oneOf" in schema:
        branches = [errors(value, b, root, where) for b in schema.get("anyOf", schema.get("oneOf"))]
        good = sum(not b for b in branches)
        return [] if (good >= 1 if "anyOf" in schema else good == 1) else [f"{where}: matches no allowed form"]
    kind = schema.get("type")
    checks = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}
    if kind == "integer" and (not isinstance(value, int) or isinstance(value, bool)):
        return [f"{where}: not a whole number"]
    if kind in checks and not isinstance(value, checks[kind]):
        return [f"{where}: not {kind}"]
    if "const" in schema and value != schema["const"] or "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: value not allowed")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", 10**9):
            found.append(f"{where}: length")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{where}: pattern")
    if isinstance(value, int) and not isinstance(value, bool) and (value < schema.get("minimum", -10**9) or value > schema.get("maximum", 10**9)):
        found.append(f"{where}: range")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", 10**9):
            found.append(f"{where}: item count")
        for i, item in enumerate(value):
            found += errors(item, schema.get("items", {}), root, f"{where}[{i}]")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        found += [f"{where}.{k}: required" for k in schema.get("required", []) if k not in value]
        if schema.get("additionalProperties") is False:
            found += [f"{where}.{k}: unknown field" for k in value if k not in props]
        for k, v in value.items():
            if k in props:
                found += errors(v, props[k], root, f"{where}.{k}")
    return found


def validate(path: Path, kind: str) -> list[str]:
    schema = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text())
    return errors(yaml.safe_load(path.read_text()), schema, schema)


def _files() -> list[tuple[Path, str]]:
    files = [(ROOT / "course/course.yml", "course")]
    files += [(p, "lesson") for p in sorted((ROOT / "course/lessons").glob("*.yml"))]
    files += [(p, "quiz") for p in sorted((ROOT / "quizzes").glob("*.yml"))]
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
    for key in mapping:
        assert (ROOT / key).is_file()
