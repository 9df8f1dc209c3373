"""Benchmark: coursegen against plain MkDocs + Material on synthetic courses.

    make bench                                   # sizes 10, 100, 1000; best of 3 runs
    .venv/bin/python bench/run.py --sizes 10,100 --repeat 1

For each size it generates a course of N lessons (about 800 words and 8 questions
each, modules of ten, a branching scenario in every tenth; see bench/synth.py) and the same lessons as plain Markdown pages
in a stock Material project, then measures, each in a fresh child process:
  (a) `coursegen build`      our build from YAML (check included, as a trainer runs it)
  (b) `mkdocs build`         the plain project, stock Material settings: the baseline
  (c) `coursegen check`      validation alone
  (d) serve rebuild          `coursegen serve` running; one lesson file is saved and we
                             time until the server returns the updated page
Wall time and CPU time (user+sys) are the best of --repeat runs (the machine may be
shared: CPU time is the steadier figure); peak memory is the child's max RSS.
Then it prints the budgets of issue 8 with PASS/FAIL. Nothing here runs in `make test`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402

ROOT = synth.ROOT
# COURSEGEN_CACHE=off: every figure is a cold parse (best of 3 would otherwise time a warm
# `check`), and no cache file is left behind for the deleted temporary courses.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "COURSEGEN_CACHE": "off"}
EDITED = 5  # the lesson saved during the serve measurement


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float


def measure(cmd: list[str], cwd: Path, repeat: int) -> Run:
    """Best wall and CPU time over `repeat` runs of a child process, and its peak memory."""
    best: Run | None = None
    for _ in range(repeat):
        with tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode != 0:
                err.seek(0)
                sys.exit(f"{' '.join(cmd)} failed in {cwd}:\n{err.read().decode(errors='replace')[-3000:]}")
        run = Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
        best = run if best is None else Run(min(best.wall, wall), min(best.cpu, run.cpu), max(best.rss_mb, run.rss_mb))
    assert best is not None
    return best


def site_stats(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    index = site / "search" / "search_index.json"
    return {
        "output_mb": sum(p.stat().st_size for p in files) / 1e6,
        "html_pages": len(pages),
        "largest_page_kb": largest.stat().st_size / 1000,
        "largest_page": largest.relative_to(site).as_posix(),
        "search_index_mb": index.stat().st_size / 1e6 if index.exists() else 0.0,
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def measure_serve(project: Path, repeat: int) -> tuple[float, float]:
    """(best seconds from saving a lesson to the server returning the new page, peak MB of the server).

    The edit is to the lesson's text, the usual save; a new title changes the navigation of
    every page, so that save rebuilds them all (as long as a full build, without the check).
    The server keeps its parse cache, as in a trainer's session, in a folder deleted after."""
    port = _free_port()
    lesson = project / "course" / "lessons" / f"{synth.lesson_id(EDITED)}.yml"
    url = f"http://127.0.0.1:{port}/lessons/{synth.lesson_id(EDITED)}/"
    original = lesson.read_text(encoding="utf-8")
    with tempfile.TemporaryFile() as log, tempfile.TemporaryDirectory() as cache:
        env = {**ENV, "COURSEGEN_CACHE": "on", "XDG_CACHE_HOME": cache}
        proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{port}"],
                                cwd=project, env=env, stdout=log, stderr=log)
        try:
            deadline = time.monotonic() + 600
            while _get(url) is None:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    sys.exit("coursegen serve did not start:\n" + log.read().decode(errors="replace")[-3000:])
                time.sleep(0.2)
            time.sleep(1.0)  # let the watcher settle after the first build
            best = float("inf")
            for attempt in range(repeat):
                marker = f"Edited {attempt} {time.time_ns()}"
                edited = original.replace("sections:\n- heading:", f"sections:\n- heading: {marker}", 1)
                assert edited != original, "the lesson's first section has changed form; update bench/run.py"
                lesson.write_text(edited, encoding="utf-8")
                start = time.perf_counter()
                while marker not in (_get(url) or ""):
                    if time.perf_counter() - start > 300:
                        sys.exit("the serve rebuild never showed the edit")
                    time.sleep(0.02)
                best = min(best, time.perf_counter() - start)
                time.sleep(1.0)
            rss = _peak_mb(proc.pid)
        finally:
            lesson.write_text(original, encoding="utf-8")
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    return best, rss


def _peak_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def runtime_sizes() -> dict:
    """Gzipped bytes (level 9) of the quiz runtime as served: the minified quiz.js and quiz.css
    from generator.site.assets.files(), each gzipped on its own as a browser downloads them, and
    the two concatenated in one stream for comparison."""
    from generator.site import assets

    runtime = assets.quiz_runtime()
    js, css = (len(gzip.compress(runtime[k], 9)) for k in ("js", "css"))
    return {"quiz_js_gz": js, "quiz_css_gz": css, "quiz_gz": js + css,
            "quiz_concat_gz": len(gzip.compress(runtime["js"] + runtime["css"], 9)),
            "scenario_js_gz": len(gzip.compress(assets.scenario_runtime(), 9))}


def bench_size(n: int, work: Path, repeat: int, serve: bool) -> dict:
    course = synth.write_course(work / f"course-{n}", n)
    plain = synth.write_plain(work / f"plain-{n}", n)
    py = sys.executable
    row: dict = {"lessons": n}
    row["check"] = asdict(measure([py, "-m", "generator", "check"], course, repeat))
    row["build"] = asdict(measure([py, "-m", "generator", "build", "--out", str(course / "site")], course, repeat))
    row.update({f"build_{k}": v for k, v in site_stats(course / "site").items()})
    row["plain"] = asdict(measure([py, "-m", "mkdocs", "build", "-q", "-d", str(plain / "site")], plain, repeat))
    row.update({f"plain_{k}": v for k, v in site_stats(plain / "site").items()})
    if serve:
        row["serve_rebuild"], row["serve_rss_mb"] = measure_serve(course, repeat)
    return row


def table(rows: list[dict], runtime: dict) -> str:
    out = [
        "| lessons | (a) coursegen build | (b) plain mkdocs build | a/b wall (cpu) | (a) ms/lesson | (c) check | (d) serve rebuild "
        "| peak memory a / b | output a / b | largest page a / b | search index a / b |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        a, b, c = r["build"], r["plain"], r["check"]
        serve = f"{r['serve_rebuild']:.2f} s" if "serve_rebuild" in r else "–"
        out.append(
            f"| {r['lessons']:,} | {a['wall']:.2f} s (cpu {a['cpu']:.2f}) | {b['wall']:.2f} s (cpu {b['cpu']:.2f}) "
            f"| {a['wall'] / b['wall']:.2f} ({a['cpu'] / b['cpu']:.2f}) | {1000 * a['wall'] / r['lessons']:.1f} "
            f"| {c['wall']:.2f} s | {serve} | {a['rss_mb']:.0f} / {b['rss_mb']:.0f} MB "
            f"| {r['build_output_mb']:.1f} / {r['plain_output_mb']:.1f} MB "
            f"| {r['build_largest_page_kb']:.0f} / {r['plain_largest_page_kb']:.0f} KB "
            f"| {r['build_search_index_mb']:.2f} / {r['plain_search_index_mb']:.2f} MB |"
        )
    out.append("")
    out.append(
        f"Quiz runtime as served (minified quiz.js + quiz.css, gzip -9 file by file): {runtime['quiz_js_gz']:,} B JS "
        f"+ {runtime['quiz_css_gz']:,} B CSS = {runtime['quiz_gz']:,} B ({runtime['quiz_concat_gz']:,} B as one gzip stream)."
    )
    big = max(rows, key=lambda r: r["lessons"])
    out.append(f"Largest page of our build at {big['lessons']:,} lessons: {big['build_largest_page']} ({big['build_largest_page_kb']:.0f} KB).")
    return "\n".join(out)


def budgets(rows: list[dict], runtime: dict) -> list[tuple[bool, str]]:
    by = {r["lessons"]: r for r in rows}
    found: list[tuple[bool, str]] = []
    if 1000 in by:
        r = by[1000]
        ratio = r["build"]["wall"] / r["plain"]["wall"]
        found.append((ratio <= 0.25, f"build at 1,000 lessons is {ratio:.2f} of plain MkDocs' time (budget 0.25)"))
        found.append((r["check"]["wall"] < 1.0, f"check at 1,000 lessons takes {r['check']['wall']:.2f} s (budget < 1 s)"))
        if 100 in by:
            per = lambda n: by[n]["build"]["wall"] / n  # noqa: E731
            found.append((per(1000) <= 2 * per(100), f"per-lesson cost at 1,000 is {per(1000) / per(100):.2f}x that at 100 (budget 2x)"))
            mem = (by[1000]["build"]["rss_mb"] - by[100]["build"]["rss_mb"]) / 900
            mem_small = (by[100]["build"]["rss_mb"] - by.get(10, by[100])["build"]["rss_mb"]) / 90 if 10 in by else mem
            found.append((mem <= 2 * max(mem_small, 0.05), f"peak memory grows {mem:.2f} MB/lesson from 100 to 1,000 ({mem_small:.2f} from 10 to 100)"))
    largest = max(r["build_largest_page_kb"] for r in rows)
    found.append((largest <= 150, f"largest page {largest:.0f} KB of HTML (budget 150 KB)"))
    found.append((runtime["quiz_gz"] <= 6144, f"quiz runtime JS+CSS {runtime['quiz_gz']:,} bytes gzipped, as served (budget 6 KB)"))
    found.append((runtime["scenario_js_gz"] <= 3072,
                  f"scenario runtime {runtime['scenario_js_gz']:,} bytes gzipped, as served (budget 3 KB)"))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100,1000", help="lesson counts, comma-separated (default 10,100,1000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept (default 3)")
    parser.add_argument("--work", help="folder for the generated projects (default: a temporary folder)")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve rebuild measurement")
    parser.add_argument("--json", help="also write the raw figures to this file")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="coursegen-bench-") as tmp:
        work = Path(args.work) if args.work else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        rows = []
        for n in sizes:
            print(f"... {n} lessons", file=sys.stderr, flush=True)
            rows.append(bench_size(n, work, args.repeat, not args.no_serve))
    runtime = runtime_sizes()
    print(f"coursegen benchmark: best of {args.repeat} run(s); {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}\n")
    print(table(rows, runtime))
    print()
    results = budgets(rows, runtime)
    for ok, text in results:
        print(("PASS  " if ok else "FAIL  ") + text)
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": rows, "runtime": runtime}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
