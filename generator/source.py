"""Read one YAML file into plain data plus the source position of every value.

PyYAML's C composer (`yaml.CSafeLoader`) gives us a node tree with marks ten times
faster than the pure-Python loader; we then build the data ourselves instead of using
its constructor, because its constructor:
- silently keeps the last of two duplicate keys (a trainer loses text unawares);
- turns `yes`/`no`/`on`/`off` into booleans (YAML 1.1), so `title: no` becomes False;
- expands aliases, which is how an "alias bomb" eats memory.
So every scalar stays the text the trainer wrote (pydantic converts "15" to 15 where
a number is expected), `null`/`~`/empty become None, duplicate keys are findings and
anchors/aliases are refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Finding, SourceLocation

MAX_FILE_BYTES = 1_000_000  # a long lesson is ~20 KB; anything this big is a mistake
_NULLS = {"", "~", "null", "Null", "NULL"}

Path_ = tuple  # a data path: keys and list indexes from the document root


@dataclass
class SourceDocument:
    """A parsed file: its data, and where each value and key stands in the file."""

    file: str
    data: Any
    text: str
    value_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def location(self, path: Path_ = (), *, key: bool = False) -> SourceLocation:
        """The closest known position for a data path (its key's position if asked)."""
        marks = self.key_marks if key else self.value_marks
        for end in range(len(path), -1, -1):
            mark = marks.get(tuple(path[:end])) or self.value_marks.get(tuple(path[:end]))
            if mark:
                return SourceLocation(self.file, *mark)
        return SourceLocation(self.file, 1, 1)

    def line_text(self, line: int) -> str:
        lines = self.text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""


class _Refused(Exception):
    def __init__(self, finding: Finding):
        self.finding = finding


def load_yaml(path: Path, display: str) -> tuple[SourceDocument | None, list[Finding]]:
    """Parse a file; return the document, or None and the findings that stopped it."""
    whole_file = SourceLocation(display)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, [Finding(whole_file, f"cannot read the file: {exc.strerror}", code="unreadable")]
    if size > MAX_FILE_BYTES:
        return None, [
            Finding(
                whole_file,
                f"the file is {size / 1_000_000:.1f} MB; course files may be at most "
                f"{MAX_FILE_BYTES // 1000} KB",
                hint="split it into several lessons, or move large media next to it and link to them",
                code="too-large",
            )
        ]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark is harmless: drop it
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            Finding(
                SourceLocation(display, line, 1),
                f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                hint="save the file as UTF-8 in your editor",
                code="encoding",
            )
        ]
    text = text.replace("\r\n", "\n")
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return None, [Finding(whole_file, "the file is empty", hint="see README.md for a complete example", code="empty")]
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_finding(exc, display, text)]
    except yaml.YAMLError as exc:  # pragma: no cover - composer errors are always marked
        return None, [Finding(whole_file, f"invalid YAML: {exc}", code="yaml-syntax")]
    doc = SourceDocument(display, None, text)
    builder = _Builder(doc)
    try:
        doc.data = builder.build(node, ())
    except _Refused as refused:
        return None, [refused.finding]
    return doc, builder.findings


class _Builder:
    def __init__(self, doc: SourceDocument):
        self.doc = doc
        self.findings: list[Finding] = []
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: Path_) -> Any:
        mark = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.doc.value_marks[path] = mark
        if id(node) in self.seen:
            raise _Refused(
                Finding(
                    SourceLocation(self.doc.file, *mark),
                    "anchors and aliases (&name, *name) are not supported in course files",
                    hint="write the value out in full where it is needed",
                    code="alias",
                )
            )
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return _scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(
                    Finding(
                        SourceLocation(self.doc.file, key_node.start_mark.line + 1, key_node.start_mark.column + 1),
                        "a key must be a plain word, not a list or a mapping",
                        code="yaml-syntax",
                    )
                )
            key = key_node.value
            key_mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                first = self.doc.key_marks[path + (key,)]
                self.findings.append(
                    Finding(
                        SourceLocation(self.doc.file, *key_mark),
                        f"duplicate key '{key}': it is already set on line {first[0]}",
                        hint="remove one of them; YAML would silently keep only the last",
                        code="duplicate-key",
                    )
                )
                continue
            self.doc.key_marks[path + (key,)] = key_mark
            result[key] = self.build(value_node, path + (key,))
        return result


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.style is None and node.value in _NULLS:
        return None
    return node.value


def _syntax_finding(exc: yaml.MarkedYAMLError, display: str, text: str) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = (exc.problem or "invalid YAML").strip()
    hint = "check the indentation and quoting on this line and the one before"
    line_text = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    if "\\t" in problem or "\t" in line_text[: max(column, 1)]:
        problem = "a tab character is used for indentation"
        hint = "indent with spaces only (two per level)"
    elif "mapping values are not allowed" in problem:
        problem = "a colon followed by a space inside a plain value"
        hint = 'put the whole value in quotes, e.g. title: "Rapport: the trap"'
    elif "found unexpected end of stream" in problem or "found unexpected end" in problem:
        problem = "a quoted value is never closed"
        hint = "add the closing quote"
    elif "expected <block end>" in problem or "did not find expected" in problem:
        hint = "this line's indentation does not match the lines around it; align it with its siblings"
    return Finding(SourceLocation(display, line, column), f"invalid YAML: {problem}", hint=hint, code="yaml-syntax")
