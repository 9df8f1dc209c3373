"""`coursegen serve` when a save breaks mkdocs.yml itself (MkDocs reads it anew on each
rebuild): the terminal shows file:line and no traceback, the browser gets the last good
pages with the error banner instead of a request that never answers, and fixing the file
brings the site back."""

from __future__ import annotations

from conftest import copy_project
from test_serve import BANNER, get, serving, wait_for


def test_a_broken_mkdocs_yml_shows_in_the_banner_and_the_preview_recovers(tmp_path):
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    line = next(n for n, text in enumerate(good.splitlines(), 1) if text.startswith("site_name: "))
    with serving(project) as (url, log):
        page = url + "/lessons/welcome/"
        config.write_text(good.replace("site_name: ", "site_name ", 1), encoding="utf-8")
        _, body = wait_for(page, lambda s, b: s == 200 and BANNER in b)
        assert f"mkdocs.yml:{line}:" in body and "has no &#39;:&#39; after it" in body.replace("'", "&#39;")  # the slip's own line
        assert "Welcome to the course" in body, "the last good pages stay"
        status, home = get(url + "/")
        assert status == 200 and BANNER in home
        log.seek(0)
        terminal = log.read()
        assert f"mkdocs.yml:{line}:" in terminal and "add ':' after 'site_name'" in terminal
        assert "Traceback" not in terminal and "ScannerError" not in terminal

        # YAML, but a value MkDocs refuses: named by its line too
        config.write_text(good.replace("plugins:", "use_directory_urls: sometimes\nplugins:", 1), encoding="utf-8")
        _, body = wait_for(page, lambda s, b: s == 200 and BANNER in b and "after it" not in b)
        plugins = next(n for n, text in enumerate(good.splitlines(), 1) if text.startswith("plugins:"))
        assert f"mkdocs.yml:{plugins}:1: error: use_directory_urls: Expected type" in body
        config.write_text(good, encoding="utf-8")
        _, body = wait_for(page, lambda s, b: s == 200 and BANNER not in b)
        assert "Welcome to the course" in body
        log.seek(0)
        terminal = log.read()
        assert "Traceback" not in terminal


def test_check_and_build_name_the_broken_line_of_mkdocs_yml(tmp_path):
    from conftest import coursegen

    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    line = next(n for n, text in enumerate(good.splitlines(), 1) if text.startswith("site_name: "))
    config.write_text(good.replace("site_name: ", "site_name ", 1), encoding="utf-8")
    for command in (["check"], ["build", "--out", str(tmp_path / "site")]):
        result = coursegen(*command, cwd=project)
        assert result.returncode == 1
        assert f"mkdocs.yml:{line}:" in result.stderr and "add ':' after 'site_name'" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_build_names_the_line_of_a_value_mkdocs_refuses(tmp_path):
    from conftest import coursegen

    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    config.write_text(good.replace("plugins:", "use_directory_urls: sometimes\nplugins:", 1), encoding="utf-8")
    line = next(n for n, text in enumerate(config.read_text().splitlines(), 1) if text.startswith("use_directory_urls:"))
    result = coursegen("build", "--out", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"mkdocs.yml:{line}:1: error: use_directory_urls: Expected type" in result.stderr
    assert not (tmp_path / "site").exists()
