"""The docs are complete and their examples are right (issue 18).

Every ```yaml block in README.md and docs/*.md follows a marker comment that says what
it is, and is checked as such:

  <!-- example: project NAME FILE --> a whole file of a small course NAME: the examples of
                                    one NAME (with tests/fixtures/docs-NAME/ for the files
                                    they name but do not show) pass `coursegen check --strict`
  <!-- example: brand NAME -->      a whole brand.yml: with the files it names
                                    (tests/fixtures/readme-brand/), `check --brand` passes
  <!-- example: fragment MODEL[.FIELD] -->  part of a file: validates against the model
                                    (or, with .FIELD, as that field of it)
  <!-- example: mkdocs -->          part of mkdocs.yml: the `course` plugin's options are valid
  <!-- example: yaml -->            not ours to check (a CI workflow, a comment): it parses

And every field of the editor schemas (schemas/*.schema.json) is a key in some example.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml
from pydantic import TypeAdapter

from conftest import ROOT, coursegen

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_BLOCK = re.compile(r"(?:<!-- example: ([^>]*?) -->\n)?```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)


def examples() -> list[tuple[str, str, str]]:
    """(where, marker, text) of every YAML example in the docs."""
    found = []
    for doc in DOCS:
        content = doc.read_text("utf-8")
        for match in _BLOCK.finditer(content):
            line = content.count("\n", 0, match.start(2))
            found.append((f"{doc.relative_to(ROOT)}:{line}", match.group(1) or "", match.group(2)))
    return found


EXAMPLES = examples()


def _of(kind: str) -> list[tuple[str, str, str]]:
    return [e for e in EXAMPLES if e[1].split(" ")[0] == kind]


def test_every_yaml_example_says_what_it_is():
    kinds = {"project", "brand", "fragment", "mkdocs", "yaml"}
    assert len(EXAMPLES) >= 10
    assert [where for where, marker, _ in EXAMPLES if marker.split(" ")[0] not in kinds] == []


@pytest.mark.parametrize("where,marker,text", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_every_example_parses(where, marker, text):
    yaml.safe_load(text)


def _fields(node, out: set[str]) -> set[str]:
    if isinstance(node, dict):
        out.update(node.get("properties", {}))
        for value in node.values():
            _fields(value, out)
    elif isinstance(node, list):
        for value in node:
            _fields(value, out)
    return out


@pytest.mark.parametrize("schema", sorted((ROOT / "schemas").glob("*.schema.json")), ids=lambda p: p.name)
def test_every_schema_field_is_shown_in_an_example(schema):
    keys = set()
    for _, _, text in EXAMPLES:
        keys.update(re.findall(r"(?:^|[\s{,-])([a-z_]+):", text, re.MULTILINE))
    fields = _fields(json.loads(schema.read_text()), set())
    assert fields and sorted(fields - keys) == [], f"fields of {schema.name} in no example of README.md or docs/*.md"


def _projects() -> dict[str, list[tuple[str, str, str]]]:
    found: dict[str, list[tuple[str, str, str]]] = {}
    for where, marker, text in _of("project"):
        found.setdefault(marker.split(" ")[1], []).append((where, marker.split(" ", 2)[2], text))
    return found


@pytest.mark.parametrize("name", sorted(_projects()))
def test_whole_file_examples_make_a_course_that_passes_check(tmp_path, name):
    """The examples of one project, written into an empty folder (with the few files they
    name but do not show, from tests/fixtures/docs-NAME/), pass `coursegen check --strict`."""
    project = tmp_path / name
    seed = ROOT / "tests/fixtures" / f"docs-{name}"
    if seed.is_dir():
        shutil.copytree(seed, project)
    for _, file, text in _projects()[name]:
        path = project / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    title = yaml.safe_load((project / "course/course.yml").read_text("utf-8"))["title"]
    config = re.sub(r"(?m)^site_name: .*$", f"site_name: {json.dumps(title)}", (ROOT / "mkdocs.yml").read_text("utf-8"))
    (project / "mkdocs.yml").write_text(config, "utf-8")
    result = coursegen("check", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "course/course.yml" in {file for _, file, _ in _projects()[name]}


def test_the_brand_example_passes_check_with_its_files(tmp_path):
    (brand_example,) = _of("brand")
    project = tmp_path / "project"
    for name in ("course", "quizzes", "dialogues", "figures", "handouts"):  # course.yml lists dialogues and handouts, lessons name figures (issue 23)
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copy(ROOT / "known-findings.yml", project / "known-findings.yml")  # the bundled course's, listed (issue 16)
    name = brand_example[1].split(" ", 1)[1]
    folder = project / "brands" / name
    shutil.copytree(ROOT / "tests/fixtures/readme-brand", folder)
    (folder / "fonts").mkdir(exist_ok=True)  # the one file too big to keep twice: the bundled brand's font
    shutil.copy(ROOT / "brands/nordlicht/fonts/DejaVuSerif.ttf", folder / "fonts/DejaVuSerif.ttf")
    (folder / "brand.yml").write_text(brand_example[2], "utf-8")
    result = coursegen("check", "--brand", name, cwd=project)
    assert result.returncode == 0, result.stderr


def _model(name: str):
    from generator.model import brand, course

    owner, _, field = name.partition(".")
    model = getattr(course, owner, None) or getattr(brand, owner)
    return model, field


@pytest.mark.parametrize("where,marker,text", _of("fragment"), ids=[e[0] for e in _of("fragment")])
def test_fragments_validate_against_their_model(where, marker, text):
    model, field = _model(marker.split(" ", 1)[1])
    data = yaml.safe_load(text)
    if field:
        assert list(data) == [field], where
        TypeAdapter(model.model_fields[field].annotation).validate_python(data[field])
    else:
        model.model_validate(data)


@pytest.mark.parametrize("where,marker,text", _of("mkdocs"), ids=[e[0] for e in _of("mkdocs")])
def test_mkdocs_examples_give_valid_plugin_options(where, marker, text):
    from generator.load.settings import CourseOptions

    plugins = yaml.safe_load(text)["plugins"]
    options = [p["course"] for p in plugins if isinstance(p, dict) and "course" in p]
    assert options, where
    for option in options:
        CourseOptions.model_validate(option)
