"""Findings as a compiler prints them: grouped by file, sorted by line, the line quoted
with a caret under the spot, colour on a terminal, a count at the end.

    course/lessons/value-first.yml: 1 error
      course/lessons/value-first.yml:5:10: error: minutes: expected a whole number, found 'lots'
           5 | minutes: lots
             |          ^~~~
        hint: write digits only, e.g. 15

`format_json` gives the same findings for editors and CI.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from generator.source.document import MAX_FILE_BYTES
from generator.errors import Finding, Severity

_COLOURS = {"error": "\033[1;31m", "warning": "\033[1;35m", "note": "\033[1;36m", "file": "\033[1m", "hint": "\033[36m", "caret": "\033[1;32m",
            "dim": "\033[2m"}
_RESET = "\033[0m"
_WIDTH = 110  # quoted lines longer than this are cut around the spot


def format_text(findings: list[Finding], root: Path | None = None, colour: bool = False) -> str:
    paint = (lambda what, text: f"{_COLOURS[what]}{text}{_RESET}") if colour else (lambda what, text: text)
    base = Path(root) if root else Path()
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_file[finding.location.file].append(finding)
    out: list[str] = []
    for file in sorted(by_file):
        items = sorted(by_file[file], key=lambda f: (f.location.line, f.location.column, f.message))
        out.append(paint("file", f"{file}: {_counts(items)}"))
        lines = _read_lines(base / file) if any(f.location.line for f in items) else []
        for f in items:
            out.extend(_one(f, lines, paint))
        out.append("")
    out.append(summary(findings, colour=colour))
    return "\n".join(out)


def _one(f: Finding, lines: list[str], paint) -> list[str]:
    sev = f.severity.value
    subject = f"{f.named}: " if f.named else ""
    out = [f"  {f.location}: {paint(sev, sev)}{' (known)' * f.known}: {subject}{f.message}"]
    line = lines[f.location.line - 1] if 0 < f.location.line <= len(lines) else ""
    if line.strip():
        col = min(max(f.location.column, 1), len(line) + 1)
        shown, col = _clip(line.expandtabs(1), col)
        out.append(f"    {f.location.line:>5} | {shown}")
        out.append("          | " + " " * (col - 1) + paint("caret", "^" + "~" * (_token_length(shown, col) - 1)))
    if f.hint:
        out.append("    " + paint("hint", f"hint: {f.hint}"))
    return out


def _clip(line: str, col: int) -> tuple[str, int]:
    """A long line cut to the part around the spot, and the spot's column in it."""
    if len(line) <= _WIDTH:
        return line, col
    start = max(0, min(col - _WIDTH // 3, len(line) - _WIDTH))
    piece = line[start:start + _WIDTH]
    prefix = "…" if start else ""
    suffix = "…" if start + _WIDTH < len(line) else ""
    return prefix + piece + suffix, col - start + len(prefix)


def _token_length(line: str, col: int) -> int:
    """How far to underline: a quoted value to its closing quote, else to the next space."""
    rest = line[col - 1:]
    if not rest:
        return 1
    if rest[0] in "\"'":
        end = rest.find(rest[0], 1)
        return end + 1 if end > 0 else len(rest)
    end = next((i for i, ch in enumerate(rest) if ch.isspace() or (i and ch in ")]")), len(rest))
    return max(1, min(end, 60))


def _tally(findings: list[Finding]) -> dict[Severity, int]:
    return {severity: sum(f.severity is severity for f in findings) for severity in Severity}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def _counts(findings: list[Finding]) -> str:
    return ", ".join(_plural(n, severity.value) for severity, n in _tally(findings).items() if n)


def summary(findings: list[Finding], colour: bool = False) -> str:
    if not findings:
        return "No problems found."
    tally = _tally(findings)
    errors, warnings, notes = tally[Severity.ERROR], tally[Severity.WARNING], tally[Severity.NOTE]
    files = len({f.location.file for f in findings})
    known = sum(f.known for f in findings)  # errors or warnings listed in known-findings.yml
    noted = f", {_plural(notes, 'note')}" if notes else ""
    text = (f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}{f' ({known} known)' * bool(known)}{noted}"
            f" in {files} file{'s' * (files != 1)}")
    if colour:
        return f"{_COLOURS['error' if errors > sum(f.known and f.is_error for f in findings) else 'warning']}{text}{_RESET}"
    return text


def format_json(findings: list[Finding], guessing: dict | None = None, scenarios: dict | None = None) -> str:
    """The findings as JSON; with `guessing` ({quiz id: {strategy: percent}}, check/guessing.py), that too,
    and with `scenarios` each scenario's paths and endings (check/scenarios.py, `scenario_table`)."""
    ordered = sorted(findings, key=lambda f: (f.location.file, f.location.line, f.location.column, f.message))
    tally = _tally(findings)
    report = {"errors": tally[Severity.ERROR], "warnings": tally[Severity.WARNING], "notes": tally[Severity.NOTE],
              "findings": [f.as_dict() for f in ordered]}
    report |= {"guessing": guessing} if guessing is not None else {}
    return json.dumps(report | ({"scenarios": scenarios} if scenarios is not None else {}), indent=2)


def _read_lines(file: Path) -> list[str]:
    try:
        if file.stat().st_size > MAX_FILE_BYTES:  # refused unread by the loader: do not read it here either
            return []
        return file.read_text(encoding="utf-8-sig", errors="replace").replace("\r\n", "\n").split("\n")
    except OSError:
        return []
