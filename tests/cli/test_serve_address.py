"""`coursegen serve` on an address it cannot use (issue 18): one line that says so and how
to pick another, exit 2, and nothing built."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

from conftest import copy_whole_project


def _project(tmp_path):
    project = tmp_path / "project"
    copy_whole_project(project)
    return project


def _serve(project, *args):
    env = {**os.environ, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "generator", "serve", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=60)


def test_serve_on_a_port_in_use_says_so_in_one_line_and_builds_nothing(tmp_path):
    project = _project(tmp_path)
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = _serve(project, "-a", f"127.0.0.1:{port}")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"coursegen serve: port {port} on 127.0.0.1 is in use (another `coursegen serve`?); pick another with -a 127.0.0.1:")
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists(), "nothing was built"


def test_serve_on_an_address_that_is_not_host_and_port_is_refused(tmp_path):
    result = _serve(_project(tmp_path), "--dev-addr", "8001")
    assert result.returncode == 2
    assert result.stderr.strip() == "coursegen serve: '8001' is not an address to serve on: write host:port, e.g. -a 127.0.0.1:8001"


def test_the_hint_names_a_free_port():
    from generator.cli.serve import check_address

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        try:
            check_address(f"127.0.0.1:{port}")
        except Exception as refused:  # noqa: BLE001 - the Refusal's text is the point
            suggested = int(str(refused).rsplit(":", 1)[1])
        check_address(f"127.0.0.1:{suggested}")  # the suggestion itself is free
