"""Benchmark: what each integrity rule of `coursegen check` costs, against plain MkDocs.

    .venv/bin/python bench/rules.py                 # 1,000 lessons, best of 3
    .venv/bin/python bench/rules.py --lessons 100 --repeat 1

It writes a synthetic course (bench/synth.py), then measures in fresh child processes:
  (a) `mkdocs build` of the same lessons as a plain Material project: the baseline
  (b) `coursegen check`, cold (COURSEGEN_CACHE=off)
and, in this process, each rule of RULES (generator/check/rules.py) run on the loaded course,
best of --repeat. It prints each rule's time, its share of (b) and its ratio to (a), and the
budget of issue 16: the guessing simulation adds at most 20 % to check's time (its time
divided by check's time without it). CPU time is the steadier figure on a shared machine.
Nothing here runs in `make test`.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402

ROOT = synth.ROOT
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "COURSEGEN_CACHE": "off"}
BIN = Path(sys.executable).parent
GUESSING_BUDGET = 0.20  # issue 16: the simulation adds at most 20 % to check's time


def child_cpu(cmd: list[str], cwd: Path, repeat: int) -> float:
    """Best CPU time (user + sys, seconds) of `cmd` over `repeat` runs in a child process."""
    best = float("inf")
    for _ in range(repeat):
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        best = min(best, usage.ru_utime + usage.ru_stime)
    return best


def rule_times(project: Path, repeat: int) -> dict[str, float]:
    """Best CPU time (seconds) of each rule in RULES on the loaded course, by rule name."""
    from generator.check.pipeline import _with_docs_dir
    from generator.check.rules import RULES
    from generator.load.course import CoursePaths, load_course

    paths = CoursePaths.at(project)
    course, findings = load_course(paths)
    assert course is not None, findings
    options = _with_docs_dir(None, paths)
    gc.disable()  # as check/pipeline.py runs the rules: a collection over the loaded course is not a rule's cost
    times: dict[str, float] = {}
    for rule in RULES:
        best = float("inf")
        for _ in range(repeat):
            course.memo.clear()  # what a rule works out for the report (check/memo.py) is its cost: not remembered across runs
            start = time.process_time()
            list(rule(course, options))
            best = min(best, time.process_time() - start)
        times[rule.__name__] = best
    gc.enable()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lessons", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-rules-") as tmp:
        course, plain = Path(tmp, "course"), Path(tmp, "plain")
        synth.write_course(course, args.lessons)
        synth.write_plain(plain, args.lessons)
        mkdocs = child_cpu([str(BIN / "mkdocs"), "build", "-q", "-d", str(Path(tmp, "plain-site"))], plain, args.repeat)
        check = child_cpu([str(BIN / "coursegen"), "check"], course, args.repeat)
        times = rule_times(course, args.repeat)
    print(f"{args.lessons} lessons, CPU seconds, best of {args.repeat}")
    print(f"  plain mkdocs build  {mkdocs:7.3f}   1.00 x")
    print(f"  coursegen check     {check:7.3f}   {check / mkdocs:.2f} x")
    print(f"  {'rule':<28}{'seconds':>9}{'of check':>10}{'of mkdocs':>11}")
    for name, seconds in sorted(times.items(), key=lambda item: -item[1]):
        print(f"  {name:<28}{seconds:9.3f}{seconds / check:10.1%}{seconds / mkdocs:11.1%}")
    guessing = times.get("check_guessing", 0.0)
    added = guessing / max(check - guessing, 1e-9)
    verdict = "PASS" if added <= GUESSING_BUDGET else "FAIL"
    print(f"guessing simulation adds {added:.1%} to check (budget {GUESSING_BUDGET:.0%}): {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
