"""`coursegen build` splits the lesson pages between processes (generator/mkdocs_shards.py):
the site must be byte for byte the one a single process builds, and a failure in any
process must fail the build and leave nothing behind."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_site, copy_project, copy_whole_project, coursegen

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402

from generator.engines.mkdocs.shards import Shard, in_page_order, shard_safe  # noqa: E402

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="parallel builds need fork")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _assert_same_site(one: Path, other: Path) -> None:
    a, b = _tree(one), _tree(other)
    assert sorted(a) == sorted(b), set(a) ^ set(b)
    differ = [name for name in a if a[name] != b[name]]
    assert not differ, f"{len(differ)} files differ, e.g. {differ[:5]}"


@pytest.fixture(scope="module")
def module_course(tmp_path_factory) -> Path:
    """Fourteen lessons in two modules, with quizzes and a final: pages of every kind."""
    return synth.write_course(tmp_path_factory.mktemp("parallel") / "course", 14)


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_parallel_build_is_the_single_process_build(module_course, tmp_path, jobs):
    serial = build_site(module_course, tmp_path / "serial", "--jobs", "1")
    parallel = build_site(module_course, tmp_path / "parallel", "--jobs", jobs)
    _assert_same_site(serial, parallel)
    assert (parallel / "lessons" / synth.lesson_id(14) / "index.html").is_file()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in ("serial", "parallel")]
    assert leftovers == [], "the children's folders are removed"


def test_search_finds_lessons_of_every_process(module_course, tmp_path):
    import json

    site = build_site(module_course, tmp_path / "site", "--jobs", "3")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {f"lessons/{synth.lesson_id(i)}/" for i in range(1, 15)} <= pages


def test_a_brand_with_html_urls_builds_the_same_in_parallel(tmp_path):
    project = tmp_path / "project"
    copy_whole_project(project)
    serial = build_site(project, tmp_path / "serial", "--brand", "harbor", "--jobs", "1")
    parallel = build_site(project, tmp_path / "parallel", "--brand", "harbor", "--jobs", "2")
    _assert_same_site(serial, parallel)
    assert (parallel / "lessons" / "value-first.html").is_file()


def test_a_failed_child_fails_the_build(tmp_path):
    pid = os.fork()
    if pid == 0:
        os._exit(3)
    (tmp_path / "site").mkdir()
    shard = Shard(0, 2, [(pid, tmp_path / "part")])
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="parallel process failed"):
        shard.gather({"site_dir": str(tmp_path / "site")}, None, None)


def test_a_page_failing_in_a_child_fails_the_build_and_keeps_the_previous_site(module_course, tmp_path):
    site = build_site(module_course, tmp_path / "site", "--jobs", "2")
    before = _tree(site)
    broken = tmp_path / "broken"
    shutil.copytree(module_course, broken, ignore=shutil.ignore_patterns("site"))
    # a theme override that breaks one lesson page, one the second process renders
    child = Shard(1, 2)  # dealt as the plugin does: module overviews, then lessons
    child.deal(["modules/module-1.md", "modules/module-2.md"] + [f"lessons/{synth.lesson_id(i)}.md" for i in range(1, 15)])
    failing = next(synth.lesson_id(i) for i in range(1, 15) if child.owns(f"lessons/{synth.lesson_id(i)}.md"))
    (broken / "overrides").mkdir()
    (broken / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}'
        f'{{% if page.file.src_uri == "lessons/{failing}.md" %}}{{{{ no_such_thing.here }}}}{{% endif %}}'
        '{{ super() }}{% endblock %}', encoding="utf-8")
    config = (broken / "mkdocs.yml").read_text(encoding="utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    (broken / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = coursegen("build", "--out", str(site), "--jobs", "2", cwd=broken)
    assert result.returncode != 0, result.stderr
    assert "no_such_thing" in result.stderr and "parallel process failed" in result.stderr
    assert _tree(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "site"]


def test_search_entries_come_backin_page_order():
    entries = [{"location": "b/"}, {"location": "b/#x"}, {"location": "a/#y"}, {"location": "a/"}, {"location": "c/"}]
    assert [e["location"] for e in in_page_order(entries, ["a/", "b/", "c/"])] == ["a/#y", "a/", "b/", "b/#x", "c/"]


def test_pages_are_dealt_in_turn_and_other_pages_stay_with_the_parent():
    parent, child = Shard(0, 2), Shard(1, 2)
    for shard in (parent, child):
        shard.deal([f"lessons/{x}.md" for x in ("one", "two", "three")])
    assert [child.owns(f"lessons/{x}.md") for x in ("one", "two", "three")] == [False, True, False]
    assert parent.owns("lessons/one.md") and parent.owns("index.md") and not child.owns("progress.md")


def test_only_known_plugins_build_in_parallel(tmp_path):
    from mkdocs.config import load_config

    config_file = copy_project(tmp_path) / "mkdocs.yml"
    assert shard_safe(load_config(str(config_file)))
    config_file.write_text(config_file.read_text(encoding="utf-8").replace("  - course\n", "  - course\n  - tags\n"), encoding="utf-8")
    assert not shard_safe(load_config(str(config_file)))


def test_directories_compare_equal_helper_is_not_vacuous(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x").write_text("1")
    (tmp_path / "b" / "x").write_text("2")
    with pytest.raises(AssertionError):
        _assert_same_site(tmp_path / "a", tmp_path / "b")


def test_a_site_without_search_builds_in_parallel(module_course, tmp_path):
    project = tmp_path / "nosearch"
    shutil.copytree(module_course, project, ignore=shutil.ignore_patterns("site"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - search\n", "  - search:\n      enabled: false\n"), encoding="utf-8")
    serial = build_site(project, tmp_path / "serial", "--jobs", "1")
    parallel = build_site(project, tmp_path / "parallel", "--jobs", "2")
    _assert_same_site(serial, parallel)
    assert not (parallel / "search" / "search_index.json").exists()


def test_anchor_checks_that_warn_keep_the_build_in_one_process(tmp_path):
    from mkdocs.config import load_config

    config_file = copy_project(tmp_path) / "mkdocs.yml"
    config_file.write_text(config_file.read_text(encoding="utf-8") + "validation:\n  anchors: warn\n", encoding="utf-8")
    assert not shard_safe(load_config(str(config_file)))


def test_course_files_changed_during_the_build_fail_it(tmp_path):
    from mkdocs.exceptions import PluginError

    states = iter(["before", "after"])
    shard = Shard(0, 2)
    shard.snapshot, shard.before = lambda: next(states), "before-the-fork"
    with pytest.raises(PluginError, match="changed while the site was being built"):
        shard.gather({"site_dir": str(tmp_path)}, None, None)


def test_a_terminated_build_stops_its_children_and_leaves_nothing(tmp_path):
    import signal
    import subprocess
    import time

    project = synth.write_course(tmp_path / "big", 200)
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COURSEGEN_CACHE": "off"}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "build", "--jobs", "2", "--out", str(out / "site")],
                            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not any(".part" in p.name for p in out.iterdir()):  # the children are building
        assert proc.poll() is None and time.monotonic() < deadline, "the build ended before it could be stopped"
        time.sleep(0.05)
    time.sleep(0.5)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    assert proc.returncode != 0
    time.sleep(0.5)
    children = subprocess.run(["pgrep", "-f", f"--out {out / 'site'}"], capture_output=True, text=True).stdout.split()
    assert children == [], "no process of the build is left running"
    assert list(out.iterdir()) == [], "neither the staged folder nor a child's folder is left"
