"""The bad-input corpus: each file in tests/check/cases/bad_inputs/ is a tiny course broken one way
and the exact findings `coursegen check` must print for it (golden-file style).

A case file holds:
  about:  what is broken, in a few words
  edit:   [{file, old, new}, ...] replace text once in a file of the base course (tests/fixtures/basecourse/)
  write:  {file: text} files written (replacing the base's), UTF-8
  raw:    {file: text} files written byte for byte: each character is one byte (latin-1)
  delete: [file, ...]
  expect: ["file:line:col: error: message (hint)", ...] every finding, in output order;
          an empty list means the course must pass (a BOM or CRLF just works)

The corpus runs in-process through `generator.cli.main`, the function the command line
calls; a few cases also run through the real command line in a subprocess.
"""

from __future__ import annotations

import re
import resource
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml

from conftest import coursegen
from generator.cli import main

CORPUS = Path(__file__).parent / "cases" / "bad_inputs"
BASE = Path(__file__).parents[1] / "fixtures" / "basecourse"
CASES = sorted(p for p in CORPUS.glob("*.yml"))
_FINDING = re.compile(r"^  (\S+:\d+(?::\d+)?|\S+): (error|warning): (.*)$")


def make_course(case: Path, dest: Path) -> Path:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    shutil.copytree(BASE, dest)
    for change in spec.get("edit") or []:
        file, old, new = change["file"], change["old"], change["new"]
        path = dest / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{case.name}: {old!r} is not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8", newline="")
    for file, text in (spec.get("write") or {}).items():
        (dest / file).parent.mkdir(parents=True, exist_ok=True)
        (dest / file).write_text(text, encoding="utf-8", newline="")
    for file, text in (spec.get("raw") or {}).items():
        (dest / file).parent.mkdir(parents=True, exist_ok=True)
        (dest / file).write_bytes(text.encode("latin-1"))
    for file in spec.get("delete") or []:
        (dest / file).unlink()
    return dest


def findings_in(output: str) -> list[str]:
    """Each finding of the text report as one line: 'where: severity: message (hint)'."""
    found: list[str] = []
    for line in output.splitlines():
        match = _FINDING.match(line)
        if match:
            found.append(f"{match[1]}: {match[2]}: {match[3]}")
        elif line.startswith("    hint: ") and found:
            found[-1] += f" ({line.removeprefix('    hint: ')})"
    return found


def run_check(project: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--color", "never", "-f", str(project / "mkdocs.yml"), "check"])
    return code, capsys.readouterr().err


def expected(case: Path) -> list[str]:
    return yaml.safe_load(case.read_text(encoding="utf-8"))["expect"]


def test_the_corpus_is_big_enough():
    assert sum(1 for case in CASES if expected(case)) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_input(case, tmp_path, capsys):
    project = make_course(case, tmp_path / "p")
    start = time.perf_counter()
    code, output = run_check(project, capsys)
    elapsed = time.perf_counter() - start
    want = expected(case)
    assert findings_in(output) == want, output
    assert code == (1 if any(": error: " in w for w in want) else 0), output
    assert "Traceback" not in output
    assert elapsed < 1.0, f"{case.name} took {elapsed:.2f} s"
    if code:  # `build` stops on the same findings and writes nothing
        out = tmp_path / "site"
        assert main(["--color", "never", "-f", str(project / "mkdocs.yml"), "build", "--out", str(out)]) == code
        assert findings_in(capsys.readouterr().err) == want
        assert not out.exists()


def test_every_error_names_file_and_line():
    for case in CASES:
        for finding in expected(case):
            where = finding.split(": ", 1)[0]
            assert re.fullmatch(r"\S+\.yml:\d+(:\d+)?", where) or "file is missing" in finding, (case.name, finding)


SUBPROCESS_CASES = ["yaml-tab-indentation", "alias-bomb", "not-utf8-latin1", "unknown-field-typo", "deep-nesting"]


@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_real_command_line_check_and_build_fail_cleanly(name, tmp_path):
    case = CORPUS / f"{name}.yml"
    project = make_course(case, tmp_path / "p")
    for command in (["check"], ["build", "--out", str(tmp_path / "site")]):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = coursegen(*command, cwd=project, timeout=30)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        assert result.returncode == 1, result.stderr
        assert findings_in(result.stderr) == expected(case), result.stderr
        assert "Traceback" not in result.stderr + result.stdout
        # CPU time, start-up included: wall time depends on what else the machine runs
        assert cpu < 1.0, f"{command[0]} used {cpu:.2f} s of CPU"
    assert not (tmp_path / "site").exists()


def _measure(project: Path, capsys) -> tuple[int, str, float, int]:
    """Exit code, output, CPU seconds (a busy machine stretches wall time) and peak memory
    (a second run: tracing allocations slows a run down)."""
    start = time.process_time()
    code, output = run_check(project, capsys)
    cpu = time.process_time() - start
    tracemalloc.start()
    run_check(project, capsys)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return code, output, cpu, peak


def test_a_50_mb_file_is_refused_fast_without_reading_it(tmp_path, capsys):
    project = make_course(CORPUS / "works-bom.yml", tmp_path / "p")
    big = project / "course/lessons/intro.yml"
    with big.open("ab") as handle:  # a real lesson, then 50 MB of section text
        handle.write(b"    body: |\n" + (b"      " + b"x" * 1000 + b"\n") * 50_000)
    assert big.stat().st_size > 50_000_000
    code, output, elapsed, peak = _measure(project, capsys)
    assert code == 1
    assert findings_in(output) == [
        "course/lessons/intro.yml:1: error: the file is 50.4 MB; course files may be at most 1000 KB "
        "(split it into several lessons, or move large media next to it and link to them)"
    ]
    assert elapsed < 1.0 and peak < 20_000_000, (elapsed, peak)


def test_the_alias_bomb_is_refused_with_bounded_memory(tmp_path, capsys):
    project = make_course(CORPUS / "alias-bomb.yml", tmp_path / "p")
    code, output, elapsed, peak = _measure(project, capsys)
    assert code == 1 and findings_in(output) == expected(CORPUS / "alias-bomb.yml")
    assert elapsed < 1.0 and peak < 20_000_000, (elapsed, peak)


def test_bom_and_windows_line_endings_build_like_any_course(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(BASE, project)
    for path in project.rglob("*.yml"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    result = coursegen("build", "--out", "site", cwd=project, timeout=60)
    assert result.returncode == 0, result.stderr
    lesson = (project / "site/lessons/intro/index.html").read_text(encoding="utf-8")
    assert "<h1 id=\"introduction\">Introduction</h1>" in lesson or ">Introduction</h1>" in lesson
    assert "\ufeff" not in lesson and "\r" not in lesson.split("<article", 1)[1].split("</article>", 1)[0]


def test_a_file_of_a_hundred_thousand_values_is_refused_fast(tmp_path, capsys):
    project = make_course(CORPUS / "works-bom.yml", tmp_path / "p")
    (project / "course/lessons/intro.yml").write_text("id: intro\n" + "title: x\n" * 100_000)  # 0.9 MB
    code, output, elapsed, peak = _measure(project, capsys)
    assert code == 1
    assert findings_in(output) == [
        "course/lessons/intro.yml:25000:1: error: the file holds more than 50,000 values "
        "(a lesson or quiz needs far fewer; split it into several files)"
    ]
    assert elapsed < 1.0 and peak < 50_000_000, (elapsed, peak)
