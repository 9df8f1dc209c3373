"""`coursegen build` and `check` end with os._exit once done (generator/cli.py, `_exit_now`:
freeing a 1,000-lesson course object by object took 0.5 s). What a normal exit does must
still happen: exit handlers run (a brand's temporary Material strings are removed) and
every line of output reaches the terminal."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, copy_whole_project


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_brand_build_leaves_no_temporary_folder_and_says_where_it_built(tmp_path, jobs):
    project = tmp_path / "project"
    copy_whole_project(project)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp), "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--brand", "nordlicht", "--out", str(tmp_path / "out"), "--jobs", jobs],
                            cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Brand 'nordlicht' built in" in result.stderr
    assert (tmp_path / "out" / "index.html").is_file()
    assert list(tmp.iterdir()) == [], "exit handlers ran (in every process): the brand's temporary theme folder is gone"


def test_check_output_is_complete_when_piped(tmp_path):
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--format", "json"], cwd=ROOT,
                            env={**os.environ, "NO_COLOR": "1"}, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert result.stdout.strip().endswith(("}", "]")), result.stdout[-200:]
