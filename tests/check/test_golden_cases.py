"""Golden cases for `coursegen check`: a small course broken one way and the exact
findings it must give. One format, one runner, one folder of cases per way of checking.

A case is a YAML file in a folder of tests/check/cases/:

  about:   what the case is about, in a few words
  rule:    (rules/ only) the function of generator.check.rules.RULES, or `load_course`,
           whose findings the case shows
  base:    the course the edits start from, a folder of tests/fixtures/
  options: (rules/ only, optional) CheckOptions fields, e.g. {min_questions: 3}
  brand:   (bad_inputs/ only, optional) check as `check --brand NAME`; the edits write brands/NAME/
  edits:   applied in order to a copy of the base course, each one of
             {file, replace, with}  replace text that occurs exactly once in the file
             {file, write}          write the file (new, or replacing the base's), UTF-8
             {file, raw}            write the file byte for byte: each character is one byte (Latin-1)
             {file, delete: true}   delete the file
  expect:  every finding, as "file:line:col: severity: message (hint)"; [] when the course
           must pass. Always the last key.

  bad_inputs/  one broken course each, checked as a trainer does, by the command line
               (`generator.cli.main`, in-process; a few cases also in a subprocess): the
               findings in output order, exit code 1 on an error, no traceback, within a
               second, and `build` stops on the same findings without writing a file.
  rules/       at least one case per integrity rule, checked through
               `generator.check.pipeline.check` with the case's options: the findings sorted
               by place and message.

Adding a case is adding a file. After a deliberate change of wording, re-record the cases
with `COURSEGEN_UPDATE_GOLDEN=1 pytest tests/check/test_golden_cases.py` (only each file's
`expect:` list is rewritten) and review the diff.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml

from conftest import build_site, coursegen
from generator.check.pipeline import check
from generator.check.rules import RULES, CheckOptions
from generator.cli import main
from generator.load.course import CoursePaths

HERE = Path(__file__).parent
FIXTURES = HERE.parent / "fixtures"
FOLDERS = ("bad_inputs", "rules")
CASES = {folder: sorted((HERE / "cases" / folder).glob("*.yml")) for folder in FOLDERS}
BAD_INPUTS, RULE_CASES = CASES["bad_inputs"], CASES["rules"]
UPDATE = os.environ.get("COURSEGEN_UPDATE_GOLDEN") == "1"
_FINDING = re.compile(r"^  (\S+:\d+(?::\d+)?|\S+): (error|warning|note): (.*)$")
_EDITS = ({"file", "replace", "with"}, {"file", "write"}, {"file", "raw"}, {"file", "delete"})


def _ids(cases: list[Path]) -> list[str]:
    return [case.stem for case in cases]


# --- the format --------------------------------------------------------------------------


def load(case: Path) -> dict:
    return yaml.safe_load(case.read_text(encoding="utf-8"))


def make_course(case: Path | dict, dest: Path) -> Path:
    """A copy of the case's base course with its edits applied."""
    spec = load(case) if isinstance(case, Path) else case
    name = case.name if isinstance(case, Path) else "case"
    shutil.copytree(FIXTURES / spec["base"], dest)
    for edit in spec["edits"]:
        path = dest / edit["file"]
        if "delete" in edit:
            path.unlink()
        elif "write" in edit or "raw" in edit:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(edit["write"].encode("utf-8") if "write" in edit else edit["raw"].encode("latin-1"))
        else:
            text = path.read_text(encoding="utf-8")
            assert text.count(edit["replace"]) == 1, f"{name}: {edit['replace']!r} must occur exactly once in {edit['file']}"
            path.write_text(text.replace(edit["replace"], edit["with"]), encoding="utf-8", newline="")
    return dest


def expected(case: Path) -> list[str]:
    return load(case)["expect"]


def rerecord(case: Path, found: list[str]) -> None:
    """Rewrite the case's `expect:` list (its last key), leaving the rest as written."""
    text = case.read_text(encoding="utf-8")
    start = [m.start() for m in re.finditer(r"^expect:", text, re.MULTILINE)][-1]
    case.write_text(text[:start] + yaml.safe_dump({"expect": found}, sort_keys=False, width=1000, allow_unicode=True),
                    encoding="utf-8")
    assert load(case)["expect"] == found


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_case_follows_the_format(folder):
    assert len(CASES[folder]) >= 40
    required = {"about", "base", "edits", "expect"} | ({"rule"} if folder == "rules" else set())
    allowed = required | ({"options"} if folder == "rules" else {"brand"})
    for case in CASES[folder]:
        spec = load(case)
        assert required <= set(spec) <= allowed, (case.name, sorted(spec))
        assert list(spec)[-1] == "expect", f"{case.name}: expect comes last (re-recording rewrites it)"
        assert isinstance(spec["about"], str) and spec["about"].strip(), case.name
        assert (FIXTURES / spec["base"]).is_dir(), (case.name, spec["base"])
        assert all(set(edit) in _EDITS for edit in spec["edits"]), (case.name, spec["edits"])
        assert all(isinstance(line, str) for line in spec["expect"]), case.name
        CheckOptions(**spec.get("options", {}))


# --- bad_inputs/: the command line --------------------------------------------------------


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


def run_check(project: Path, capsys, brand: str | None = None) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--color", "never", "-f", str(project / "mkdocs.yml"), "check"] + (["--brand", brand] if brand else []))
    return code, capsys.readouterr().err


def run_build(project: Path, out: Path, capsys, brand: str | None = None) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--color", "never", "-f", str(project / "mkdocs.yml"), "build", "--out", str(out)] + (["--brand", brand] if brand else []))
    return code, capsys.readouterr().err


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def previous_site(tmp_path_factory) -> Path:
    """The bad inputs' base course, built: a previous build that a failed build must leave alone."""
    return build_site(FIXTURES / "basecourse", tmp_path_factory.mktemp("previous") / "site")


def test_the_bad_input_corpus_is_big_enough():
    assert sum(1 for case in BAD_INPUTS if expected(case)) >= 40


@pytest.mark.parametrize("case", BAD_INPUTS, ids=_ids(BAD_INPUTS))
def test_bad_input(case, tmp_path, capsys, previous_site):
    project = make_course(case, tmp_path / "p")
    start = time.process_time()  # CPU, not wall time: two cores shared with browsers and builds made wall time flaky
    code, output = run_check(project, capsys, load(case).get("brand"))
    elapsed = time.process_time() - start
    want = expected(case)
    if UPDATE and findings_in(output) != want:
        want = findings_in(output)
        rerecord(case, want)
    assert findings_in(output) == want, output
    assert code == (1 if any(": error: " in w for w in want) else 0), output
    assert "Traceback" not in output
    assert elapsed < 1.0, f"{case.name} took {elapsed:.2f} s of CPU"
    if code:  # `build` stops on the same findings and writes nothing: no new folder, no change to a previous build
        for out in (tmp_path / "site", shutil.copytree(previous_site, tmp_path / "previous")):
            before = _files(out) if out.exists() else None
            build_code, build_output = run_build(project, out, capsys, load(case).get("brand"))
            assert build_code == code and findings_in(build_output) == want, build_output
            assert (_files(out) if out.exists() else None) == before


def test_every_error_names_file_and_line():
    for case in BAD_INPUTS:
        for finding in expected(case):
            where = finding.split(": ", 1)[0]
            assert re.fullmatch(r"\S+\.yml:\d+(:\d+)?", where) or "file is missing" in finding, (case.name, finding)


SUBPROCESS_CASES = ["yaml-tab-indentation", "alias-bomb", "not-utf8-latin1", "unknown-field-typo", "deep-nesting"]


def _bad_input(name: str) -> Path:
    return HERE / "cases" / "bad_inputs" / f"{name}.yml"


@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_real_command_line_check_and_build_fail_cleanly(name, tmp_path):
    case = _bad_input(name)
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
    project = make_course(_bad_input("works-bom"), tmp_path / "p")
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
    project = make_course(_bad_input("alias-bomb"), tmp_path / "p")
    code, output, elapsed, peak = _measure(project, capsys)
    assert code == 1 and findings_in(output) == expected(_bad_input("alias-bomb"))
    assert elapsed < 1.0 and peak < 20_000_000, (elapsed, peak)


def test_bom_and_windows_line_endings_build_like_any_course(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(FIXTURES / "basecourse", project)
    for path in project.rglob("*.yml"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    result = coursegen("build", "--out", "site", cwd=project, timeout=60)
    assert result.returncode == 0, result.stderr
    lesson = (project / "site/lessons/intro/index.html").read_text(encoding="utf-8")
    assert "<h1 id=\"introduction\">Introduction</h1>" in lesson or ">Introduction</h1>" in lesson
    assert "\ufeff" not in lesson and "\r" not in lesson.split("<article", 1)[1].split("</article>", 1)[0]


def test_a_file_of_a_hundred_thousand_values_is_refused_fast(tmp_path, capsys):
    project = make_course(_bad_input("works-bom"), tmp_path / "p")
    (project / "course/lessons/intro.yml").write_text("id: intro\n" + "title: x\n" * 100_000)  # 0.9 MB
    code, output, elapsed, peak = _measure(project, capsys)
    assert code == 1
    assert findings_in(output) == [
        "course/lessons/intro.yml:25000:1: error: the file holds more than 50,000 values "
        "(a lesson or quiz needs far fewer; split it into several files)"
    ]
    assert elapsed < 1.0 and peak < 50_000_000, (elapsed, peak)


# --- rules/: the integrity rules through check() ------------------------------------------


def findings_after(case: dict, tmp_path: Path) -> list[str]:
    project = make_course(case, tmp_path / "project")
    _, findings = check(CoursePaths.at(project), CheckOptions(**case.get("options", {})))
    findings.sort(key=lambda f: (f.location, f.message))
    return [f.one_line() for f in findings]


@pytest.mark.parametrize("folder", FOLDERS)
def test_the_base_course_is_clean(folder, tmp_path, capsys):
    for n, base in enumerate(sorted({load(case)["base"] for case in CASES[folder]})):
        course = {"base": base, "edits": []}
        if folder == "rules":
            assert findings_after(course, tmp_path / str(n)) == [], base
        else:
            code, output = run_check(make_course(course, tmp_path / str(n)), capsys)
            assert code == 0 and findings_in(output) == [] and "Course OK." in output, output


@pytest.mark.parametrize("case", RULE_CASES, ids=_ids(RULE_CASES))
def test_rule(case, tmp_path):
    spec = load(case)
    found = findings_after(spec, tmp_path)
    if UPDATE and found != spec["expect"]:
        rerecord(case, found)
        return
    assert found == spec["expect"]


def test_every_rule_has_a_case():
    covered = {load(case)["rule"] for case in RULE_CASES}
    assert {rule.__name__ for rule in RULES} <= covered
