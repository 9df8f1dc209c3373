"""Where a YAML slip really is, when the parser noticed it later.

PyYAML reports where it noticed a problem, not where the trainer made it: `minutes 10`
with no colon is reported on the next line ("could not find expected ':'"), a line
indented one space too few as "did not find expected '-' indicator". For those errors
(`diagnose`), this looks back from the parser's position for the likely culprit:

- a plain `word value` line with no colon among `key: value` lines;
- `key:value` with no space after the colon;
- a line indented differently from every line it could line up with.

It runs only for a file that failed to parse, on its text: a clean course never pays for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# `minutes 10`, `- heading Welcome`: a field name, spaces, a value, and no ': ' anywhere
_NO_COLON = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)\s+([^\s:#][^#]*)$")
# `minutes:10`: a field name, a colon, a value with no space between (not `http://`)
_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):([^\s/:][^#]*)$")
_KEY = re.compile(r"^(\s*(?:-\s+)*)[^\s#'\"-][^:#]*:(\s|$)")
_BLOCK_SCALAR = re.compile(r"(:|^\s*-)\s+[|>][-+0-9]*\s*(#.*)?$")
_LOOK_BACK = 20  # lines: a culprit further up than this is a guess too far


@dataclass(frozen=True)
class Diagnosis:
    """The culprit's line and column (1-based), what is wrong there and what to write."""

    line: int
    column: int
    problem: str
    hint: str


def diagnose(lines: list[str], line: int, problem: str) -> Diagnosis | None:
    """The likely culprit of the parser's `problem` noticed at `line` (1-based; it may be one
    past the last line), or None when no line above explains it."""
    shape = _shapes(lines)
    last = min(line, len(lines))
    if "mapping values are not allowed" in problem:  # `- heading Welcome` then `body: ...`: only the line above
        return _missing_colon(lines, shape, last - 1, look_back=1) if last > 1 else None
    if "could not find expected ':'" in problem or "expected <block end>" in problem or "expected key" in problem:
        found = _missing_colon(lines, shape, last)
        if found is not None:
            return found
    if any(words in problem for words in ("expected '-' indicator", "expected <block end>", "expected key",
                                          "could not find expected ':'")):
        return _misaligned(lines, shape, last)
    return None


def _shapes(lines: list[str]) -> list[bool]:
    """For each line, whether it is a key, list item or value line (not blank, not a
    comment, not the text of a `|` or `>` block, which may hold anything)."""
    shape, block_at = [], -1
    for text in lines:
        indent = len(text) - len(text.lstrip(" "))
        stripped = text.strip()
        if block_at >= 0 and (not stripped or indent > block_at):
            shape.append(False)
            continue
        block_at = -1
        shape.append(bool(stripped) and not stripped.startswith("#"))
        if _BLOCK_SCALAR.search(text):
            block_at = indent
    return shape


def _missing_colon(lines: list[str], shape: list[bool], last: int, look_back: int = _LOOK_BACK) -> Diagnosis | None:
    """A `word value` or `key:value` line at or above `last`, among fields."""
    for number in range(last, max(last - look_back, 0), -1):
        text = lines[number - 1].rstrip()
        if not shape[number - 1]:
            continue
        for pattern, fix in ((_NO_COLON, _add_colon), (_NO_SPACE, _add_space)):
            match = pattern.match(text)
            if match and _has_key_sibling(lines, shape, number, len(match[1])):
                return fix(number, match)
        if number < last and _KEY.match(text):
            return None  # a well-formed field: the slip is not above it
    return None


def _add_colon(number: int, match: re.Match) -> Diagnosis:
    name, value = match[2], match[3].rstrip()
    return Diagnosis(number, len(match[1]) + len(name) + 1, f"'{name}' has no ':' after it",
                     f"add ':' after '{name}': {name}: {value}")


def _add_space(number: int, match: re.Match) -> Diagnosis:
    name, value = match[2], match[3].rstrip()
    return Diagnosis(number, len(match[1]) + len(name) + 2, f"no space after the ':' of '{name}'",
                     f"add a space after the colon: {name}: {value}")


def _has_key_sibling(lines: list[str], shape: list[bool], number: int, column: int) -> bool:
    """Whether a `key:` line nearby starts at `column` (after any `- `): the line is in a
    group of fields, so `word value` there is a field that lost its colon."""
    for other in range(max(number - _LOOK_BACK, 1), min(number + _LOOK_BACK, len(lines)) + 1):
        if other == number or not shape[other - 1]:
            continue
        match = _KEY.match(lines[other - 1])
        if match and len(match[1]) == column:
            return True
    return False


def _misaligned(lines: list[str], shape: list[bool], last: int) -> Diagnosis | None:
    """The noticed line, when it starts in a column no line above it at its level uses."""
    if last < 1 or not shape[last - 1]:
        return None
    text = lines[last - 1]
    column = len(text) - len(text.lstrip(" "))
    item = text.lstrip(" ").startswith("- ") or text.strip() == "-"
    columns = _open_columns(lines, shape, last, item)
    if not columns or column in columns:
        return None
    want = min(columns, key=lambda c: (abs(c - column), -c))
    kind = "list item" if item else "line"
    return Diagnosis(last, column + 1, f"this {kind} is indented {column} space{'s' * (column != 1)}, out of line with the lines above it",
                     f"indent this line like the lines above it ({want} spaces)" if want
                     else "start this line at the left margin, like the lines above it")


def _open_columns(lines: list[str], shape: list[bool], last: int, item: bool) -> set[int]:
    """The columns a line after line `last - 1` may start in: those of the lines above it
    that are still open (each one less indented than the one after it), list items' dashes
    for a list item, fields' names for a field."""
    columns: set[int] = set()
    limit = None
    for number in range(last - 1, 0, -1):
        if not shape[number - 1]:
            continue
        text = lines[number - 1]
        indent = len(text) - len(text.lstrip(" "))
        if limit is not None and indent >= limit:
            continue
        limit = indent
        dash = text.lstrip(" ").startswith("-")
        if item and dash:
            columns.add(indent)
        elif not item:
            columns.add(indent + len(text.lstrip(" ")) - len(text.lstrip(" ").lstrip("- ")) if dash else indent)
        if indent == 0:
            break
    return columns
