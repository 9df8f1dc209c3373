"""Findings as a compiler prints them: grouped by file, sorted by line, the line quoted
with a caret under the spot, colour on a terminal, a count at the end."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from .errors import Finding

_COLOURS = {"error": "\033[1;31m", "warning": "\033[1;33m", "file": "\033[1m", "hint": "\033[36m", "caret": "\033[1;32m"}
_RESET = "\033[0m"


def format_text(findings: list[Finding], root: Path | None = None, colour: bool = False) -> str:
    paint = (lambda what, text: f"{_COLOURS[what]}{text}{_RESET}") if colour else (lambda what, text: text)
    base = Path(root) if root else Path()

    def read_line(file: str, line: int) -> str:
        return _read_line_from_disk(base / file, line)

    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_file[finding.location.file].append(finding)
    out: list[str] = []
    for file in sorted(by_file):
        out.append(paint("file", file))
        for f in sorted(by_file[file], key=lambda f: (f.location.line, f.location.column, f.message)):
            sev = f.severity.value
            subject = f"{f.field}: " if f.field else ""
            out.append(f"  {f.location}: {paint(sev, sev)}: {subject}{f.message}")
            line = read_line(file, f.location.line) if f.location.line else ""
            if line.strip():
                out.append(f"    {f.location.line:>4} | {line}")
                col = max(f.location.column, 1)
                out.append("         | " + " " * (col - 1) + paint("caret", "^"))
            if f.hint:
                out.append("    " + paint("hint", f"hint: {f.hint}"))
        out.append("")
    out.append(summary(findings))
    return "\n".join(out)


def summary(findings: list[Finding]) -> str:
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    if not findings:
        return "No problems found."
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def format_json(findings: list[Finding]) -> str:
    ordered = sorted(findings, key=lambda f: (f.location.file, f.location.line, f.location.column))
    errors = sum(f.is_error for f in findings)
    return json.dumps({"errors": errors, "warnings": len(findings) - errors, "findings": [f.as_dict() for f in ordered]}, indent=2)


def _read_line_from_disk(file: Path, line: int) -> str:
    try:
        with file.open(encoding="utf-8-sig", errors="replace") as handle:
            for number, text in enumerate(handle, 1):
                if number == line:
                    return text.rstrip("\r\n")
    except OSError:
        pass
    return ""
