"""One reading of mkdocs.yml (generator/load/settings.py): both forms of `plugins:`, the
defaults, and a wrong option refused alike by `check`, `build`, plain `mkdocs build` and
`export`, as one message at mkdocs.yml, never a traceback."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, coursegen
from generator.load.settings import CourseOptions, SettingsError, read_settings


def _project(tmp_path: Path, plugins) -> Path:
    project = tmp_path / "p"
    shutil.copytree(ROOT / "course", project / "course")
    shutil.copytree(ROOT / "quizzes", project / "quizzes")
    shutil.copytree(ROOT / "dialogues", project / "dialogues")  # course.yml lists them (issue 23)
    shutil.copytree(ROOT / "figures", project / "figures")
    shutil.copytree(ROOT / "handouts", project / "handouts")  # listed in course.yml (issue 23)
    shutil.copy(ROOT / "known-findings.yml", project / "known-findings.yml")  # issue 16
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    config["plugins"] = plugins
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    return project


@pytest.mark.parametrize("plugins", [["search", "course"], {"search": {}, "course": {}}, {"search": None, "course": None}],
                         ids=["list", "mapping", "mapping-of-nulls"])
def test_defaults_whichever_form(tmp_path, plugins):
    settings = read_settings(_project(tmp_path, plugins) / "mkdocs.yml")
    assert settings.options == CourseOptions()
    assert settings.paths.course_dir == settings.root / "course" and settings.site_name == "Rapport that sells"


def test_options_in_the_mapping_form(tmp_path):
    settings = read_settings(_project(tmp_path, {"search": {}, "course": {"min_questions": 3, "allow_html": False}}) / "mkdocs.yml")
    assert settings.options.min_questions == 3 and settings.options.allow_html is False


@pytest.mark.parametrize("course, words", [
    ({"min_question": 2}, "`min_question`: not an option of the course plugin (did you mean `min_questions`?)"),
    ({"strict": "maybe"}, "`strict`: input should be a valid boolean"),
    (True, "the course plugin's options must be a mapping"),
    ([1], "the course plugin's options must be a mapping"),
])
def test_a_wrong_option_is_one_message_for_every_command(tmp_path, course, words):
    project = _project(tmp_path, [{"course": course}, "search"] if not isinstance(course, dict) else [{"search": {}}, {"course": course}])
    with pytest.raises(SettingsError) as error:
        read_settings(project / "mkdocs.yml")
    assert words in str(error.value)
    for args in (["check"], ["build", "--out", str(tmp_path / "site")], ["export", str(tmp_path / "export")]):
        result = coursegen(*args, cwd=project)
        assert result.returncode == 1 and words in result.stderr and "Traceback" not in result.stderr, (args, result.stderr)
    plain = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, capture_output=True, text=True)
    assert plain.returncode != 0 and "Traceback" not in plain.stderr, plain.stderr
    if isinstance(course, dict):  # options that are not a mapping MkDocs refuses itself, before the plugin runs
        assert words in plain.stderr, plain.stderr
    assert not (tmp_path / "site").exists() and not (tmp_path / "export").exists() and not (project / "site").exists()


def test_check_reports_a_wrong_option_as_a_json_finding(tmp_path):
    project = _project(tmp_path, ["search", {"course": {"min_question": 2}}])
    result = coursegen("check", "--format", "json", cwd=project)
    report = json.loads(result.stdout)
    assert result.returncode == 1 and report["errors"] == 1
    [finding] = report["findings"]
    assert finding["file"] == "mkdocs.yml" and finding["line"] > 0 and finding["code"] == "settings"
    assert "min_question" in finding["message"]


def test_an_export_that_cannot_be_written_is_refused_without_a_traceback(tmp_path):
    result = coursegen("export", "/dev/null/export")
    assert result.returncode == 2 and "cannot be written" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("slip, line, words, hint", [
    ("  name material", 6, "'name' has no ':' after it (YAML noticed it at line 7", "add ':' after 'name': name: material"),
    ("  name:material", 6, "no space after the ':' of 'name'", "add a space after the colon: name: material"),
    (" font: false", 7, "this line is indented 1 space", "indent this line like the lines above it (2 spaces)"),
])
def test_a_yaml_slip_in_mkdocs_yml_is_shown_on_its_own_line_with_the_fix(tmp_path, slip, line, words, hint):
    project = tmp_path / "p"
    shutil.copytree(ROOT / "tests/fixtures/basecourse", project)
    config = project / "mkdocs.yml"
    written = slip.strip().split(":")[0].split()[0]
    config.write_text(re.sub(rf"(?m)^  {written}:? ?\S+$", slip, config.read_text()), encoding="utf-8")
    assert config.read_text().splitlines()[line - 1] == slip
    with pytest.raises(SettingsError) as error:
        read_settings(config)
    assert (error.value.where.line, error.value.hint) == (line, hint) and words in error.value.problem
    result = coursegen("check", cwd=project)
    assert result.returncode == 1 and f"mkdocs.yml:{line}:" in result.stderr and f"hint: {hint}" in result.stderr, result.stderr


def test_a_wrong_indent_under_a_plugin_option_names_the_indent_to_use(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(ROOT / "tests/fixtures/basecourse", project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - course", "  - course:\n      min_questions: 1\n     strict: false"), encoding="utf-8")
    with pytest.raises(SettingsError) as error:
        read_settings(config)
    assert error.value.where.line == 13 and error.value.hint == "indent this line like the lines above it (6 spaces)"
