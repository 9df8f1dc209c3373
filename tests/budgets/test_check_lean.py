"""`coursegen check` stays lean (issues 8 and 16): it loads no build-only library, no
export's (lxml, text2qti), nor what only a brand or plural forms need (coloraide, Babel).
(Markdown is used, for its heading slugs, which decide what `page.md#anchor` links may point to.)"""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402

PROBE = """
import sys
from generator.cli import main
code = main(["--color", "never", "check"])
heavy = sorted(m for m in ("jinja2", "mkdocs", "material", "pymdownx", "generator.site.render", "babel", "coloraide",
                          "fontTools", "lxml", "text2qti", "bespon", "pygments", "generator.engines.quizbank.qti12")
               if m in sys.modules)
print("exit", code, "heavy", heavy)
"""


def test_check_imports_no_build_library(tmp_path):
    synth.write_course(tmp_path, 3)
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Course OK." in result.stderr
    assert "exit 0 heavy []" in result.stdout


def test_command_line_check_reports_like_in_process(tmp_path, capsys, monkeypatch):
    """The command line runs `check` without the cycle collector; its findings are the same."""
    synth.write_course(tmp_path, 3)
    lesson = sorted((tmp_path / "course" / "lessons").glob("*.yml"))[0]
    lesson.write_text(lesson.read_text(encoding="utf-8") + "unknown_field: 1\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "generator", "--color", "never", "check", "--format", "json"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=60)
    monkeypatch.chdir(tmp_path)
    from generator.cli import main
    code = main(["--color", "never", "check", "--format", "json"])
    out = capsys.readouterr()
    assert run.returncode == code == 1
    assert "unknown_field" in run.stdout + run.stderr
    assert (run.stdout, run.stderr) == (out.out, out.err)
