"""`coursegen results` on N generated summaries (bench/results_synth.py), timed as a
trainer runs it (a fresh process, imports included). Usage: python bench/results_bench.py [N]"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from results_synth import write_summaries  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_summaries(Path(tmp), n)
        for args in ([], ["--csv"]):
            times, cpu = [], []
            for _ in range(5):
                start, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
                subprocess.run([sys.executable, "-m", "generator", "results", *args, *map(str, paths)], cwd=ROOT,
                               check=True, capture_output=True, env={**os.environ, "NO_COLOR": "1"})
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                times.append(time.perf_counter() - start)
                cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            print(f"coursegen results {' '.join(args + [''])}on {n} summaries: wall best {min(times):.3f} s, "
                  f"median {sorted(times)[2]:.3f} s; CPU best {min(cpu):.3f} s, median {sorted(cpu)[2]:.3f} s")


if __name__ == "__main__":
    main()
