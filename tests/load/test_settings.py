"""One reading of mkdocs.yml (generator/load/settings.py): both forms of `plugins:`, the
defaults, and a wrong option refused alike by `check`, `build`, plain `mkdocs build` and
`export`, as one message at mkdocs.yml, never a traceback."""

from __future__ import annotations

import json
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
