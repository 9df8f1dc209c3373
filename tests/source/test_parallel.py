"""Parsing in forked workers (issue 8): the same results and messages as one process,
and no worker left behind, whatever happens to it. Each case runs in a fresh Python
process: the test runner has threads, and a process with threads never forks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402

from generator.source import parallel  # noqa: E402


def _python(code: str, cwd=ROOT, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, capture_output=True, text=True, timeout=timeout)


def _requires_fork():
    if not hasattr(os, "fork") or sys.platform == "darwin":
        pytest.skip("no fork on this platform")


HEADER = """
import os, sys, time, signal
sys.path.insert(0, {root!r})
from generator.source import parallel
parallel.worker_count = lambda items, min_items=0: 3  # three processes, whatever the machine has

def no_children():
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False
"""


def _run(body: str, timeout: float = 60) -> str:
    _requires_fork()
    result = _python(HEADER.format(root=str(ROOT)) + textwrap.dedent(body), timeout=timeout)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_results_come_back_in_order_and_no_worker_remains():
    out = _run("""
        pids = parallel.map_forked(lambda i: (i * i, os.getpid()), list(range(250)))
        assert [square for square, _ in pids] == [i * i for i in range(250)]
        assert len({pid for _, pid in pids}) == 3, "three processes shared the work"
        assert no_children()
        print("ok")
    """)
    assert out.strip() == "ok"


def test_a_worker_that_dies_costs_time_not_results():
    out = _run("""
        def square(i):
            if parallel._in_worker and i == 7:
                os.kill(os.getpid(), signal.SIGKILL)
            return i * i
        assert parallel.map_forked(square, list(range(100))) == [i * i for i in range(100)]
        assert no_children()
        print("ok")
    """)
    assert out.strip() == "ok"


def test_a_worker_that_sends_what_marshal_cannot_hold_is_replaced_by_the_parent():
    out = _run("""
        def value(i):
            return object() if parallel._in_worker else i
        assert parallel.map_forked(value, list(range(100))) == list(range(100))
        assert no_children()
        print("ok")
    """)
    assert out.strip() == "ok"


def test_a_stuck_worker_is_killed_after_the_timeout():
    out = _run("""
        parallel.CHILD_TIMEOUT = 1.0
        def slow(i):
            if parallel._in_worker:
                time.sleep(600)
            return -i
        start = time.monotonic()
        assert parallel.map_forked(slow, list(range(100))) == [-i for i in range(100)]
        assert time.monotonic() - start < 10
        assert no_children()
        print("ok")
    """)
    assert out.strip() == "ok"


def test_an_interrupted_parent_ends_its_workers():
    out = _run("""
        pidfile = "worker-pid-%d" % os.getpid()
        def work(i):
            if parallel._in_worker:
                with open(pidfile + "-" + str(os.getpid()), "w") as f:
                    f.write(str(os.getpid()))
                time.sleep(600)
            if i == 99:  # the parent's last item: Ctrl-C once the workers have started
                while len([n for n in os.listdir(".") if n.startswith(pidfile)]) < 2:
                    time.sleep(0.01)
                raise KeyboardInterrupt
            return i
        try:
            parallel.map_forked(work, list(range(100)))
        except KeyboardInterrupt:
            pass
        workers = [int(open(n).read()) for n in os.listdir(".") if n.startswith(pidfile)]
        for n in os.listdir("."):
            if n.startswith(pidfile):
                os.remove(n)
        for pid in workers:
            try:
                os.kill(pid, 0)
                print("still running", pid)
            except ProcessLookupError:
                pass
        assert no_children()
        print("ok")
    """)
    assert out.strip() == "ok"


def test_no_fork_for_few_items_in_a_worker_or_beside_another_thread():
    assert parallel.worker_count(5, 100) == 1
    result = _python(f"""
        import sys, threading, time
        sys.path.insert(0, {str(ROOT)!r})
        from generator.source import parallel
        parallel._in_worker = True
        assert parallel.worker_count(10_000, 1) == 1
        parallel._in_worker = False
        thread = threading.Thread(target=time.sleep, args=(1,))
        thread.start()
        assert parallel.worker_count(10_000, 1) == 1
        assert parallel.map_forked(abs, [-1] * 500) == [1] * 500
        print("ok")
    """)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


CHECK = """
import sys
sys.path.insert(0, {root!r})
from generator.source import parallel
parallel.worker_count = lambda items, min_items=0: {workers}
from generator.cli import main
from generator.load.course import CoursePaths
from generator.check.pipeline import check
for finding in check(CoursePaths.at("."))[1]:  # in the order found, before the report sorts them
    print(finding.one_line())
code = main(["--color", "never", "check", "--format", "json"])
print("exit", code)
"""


def test_check_reports_the_same_whether_forked_or_not(tmp_path):
    """Files that parse cleanly, files with every kind of parse finding, validation errors and
    integrity findings, at a size that forks (the bad-input goldens are small courses)."""
    _requires_fork()
    synth.write_course(tmp_path, 60)
    lessons = sorted((tmp_path / "course" / "lessons").glob("*.yml"))
    quizzes = sorted((tmp_path / "quizzes").glob("*.yml"))
    breakages = {
        lessons[3]: lambda t: t + "title: again\n",  # duplicate key
        lessons[8]: lambda t: t.replace("minutes:", "minutes: &m", 1),  # an anchor: allowed, but parsed with positions
        lessons[13]: lambda t: t + "extra: *m\n",  # an undefined alias
        lessons[20]: lambda t: t.replace("summary:", "summary: !!python/name:os.system", 1),  # a tag
        lessons[31]: lambda t: t.replace("minutes:", "minutes: lots\nold_minutes:", 1),  # validation errors
        lessons[40]: lambda t: t + "  bad indent: [\n",  # a syntax error
        lessons[41]: lambda t: "",  # empty
        lessons[50]: lambda t: t.replace("summary:", "summary: '[a page](nowhere.md)' #", 1),  # a broken link
        quizzes[5]: lambda t: t + "---\nid: second\n",  # a second document
        quizzes[9]: lambda t: t.replace("prompt:", "prompt: yes\n    promt:", 1),  # unknown field
    }
    for file, change in breakages.items():
        file.write_text(change(file.read_text(encoding="utf-8")), encoding="utf-8")
    runs = {}
    for workers in (1, 2, 3):
        result = _python(CHECK.format(root=str(ROOT), workers=workers), cwd=tmp_path)
        assert result.returncode == 0, result.stderr[-3000:]
        runs[workers] = result.stdout
    assert runs[1] == runs[2] == runs[3]
    assert runs[1].rstrip().endswith("exit 1")
    report = json.loads(runs[1][runs[1].index("\n{") : runs[1].rindex("exit")])
    shown = {f["file"] for f in report["findings"]}
    assert {f"course/lessons/{lessons[i].name}" for i in (3, 13, 20, 31, 40, 41)} <= shown
    assert f"course/lessons/{lessons[8].name}" not in shown
    assert f"quizzes/{quizzes[5].name}" in shown and f"quizzes/{quizzes[9].name}" in shown
