"""Read one YAML file into plain data plus the source position of every value.

PyYAML's C composer (`yaml.CSafeLoader`) gives us a node tree with marks ten times
faster than the pure-Python loader; we then build the data ourselves instead of using
its constructor, because its constructor:
- silently keeps the last of two duplicate keys (a trainer loses text unawares);
- turns `yes`/`no`/`on`/`off` into booleans (YAML 1.1), so `title: no` becomes False;
- expands aliases, which is how an "alias bomb" eats memory.
So every scalar stays the text the trainer wrote (pydantic converts "15" to 15 where
a number is expected), `null`/`~`/empty become None, duplicate keys are findings and
anchors/aliases are refused, as are tags other than YAML's plain ones (`!!python/...`
is never data here, let alone code).

Limits keep hostile files cheap: size is checked before the file is read, nesting
depth is capped (PyYAML's composer recurses), and no alias is ever expanded.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .errors import Finding, SourceLocation

MAX_FILE_BYTES = 1_000_000  # a long lesson is ~20 KB; anything this big is a mistake
MAX_DEPTH = 40  # a quiz is about 6 levels deep
MAX_EVENTS = 50_000  # keys, values and brackets; the bundled final assessment has about 800
MAX_DUPLICATES_SHOWN = 20  # a pasted block repeated a thousand times needs one message, not a thousand
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")}
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
    text, refused = _read_text(path, display)
    if text is None:
        return None, refused
    node, refused = _compose(text, display)
    if node is None:
        return None, refused
    doc = SourceDocument(display, None, text)
    builder = _Builder(doc)
    try:
        doc.data = builder.build(node, ())
    except _Refused as stop:
        return None, [stop.finding]
    hidden = builder.duplicates - MAX_DUPLICATES_SHOWN
    if hidden > 0:
        builder.findings.append(Finding(SourceLocation(display, 1), f"{hidden} more duplicate keys are not shown",
                                        hint="fix the ones above, then check again", code="duplicate-key"))
    return doc, builder.findings


def _read_text(path: Path, display: str) -> tuple[str | None, list[Finding]]:
    """The file as text with Unix line endings, or why not: too large (checked before
    reading), unreadable, not UTF-8 or empty. A byte-order mark is dropped."""
    whole_file = SourceLocation(display, 1)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Finding(whole_file, f"the file is {size / 1_000_000:.1f} MB; course files may be at most "
                                              f"{MAX_FILE_BYTES // 1000} KB",
                                  hint="split it into several lessons, or move large media next to it and link to them",
                                  code="too-large")]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Finding(whole_file, f"cannot read the file: {exc.strerror}", code="unreadable")]
    try:
        text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Finding(SourceLocation(display, line, 1),
                              f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                              hint="save the file as UTF-8 in your editor", code="encoding")]
    if all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [_empty(display)]
    return text, []


def _compose(text: str, display: str) -> tuple[yaml.Node | None, list[Finding]]:
    """The YAML node tree, after the cheap limits (depth, size) were checked on events."""
    try:
        deep = _too_deep(text)
        if deep:
            return None, [Finding(SourceLocation(display, *deep), f"values are nested more than {MAX_DEPTH} levels deep",
                                  hint="check the brackets and indentation; course files need only a few levels",
                                  code="too-deep")]
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
    except _Refused as stop:
        return None, [replace(stop.finding, location=SourceLocation(display, stop.finding.location.line, 1))]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_finding(exc, display, text)]
    except yaml.reader.ReaderError as exc:  # a control character such as NUL
        line, column = text[: exc.position].count("\n") + 1, exc.position - text.rfind("\n", 0, exc.position)
        return None, [Finding(SourceLocation(display, line, column), f"invalid YAML: the control character #x{exc.character:04x} "
                                                                "is not allowed in a course file",
                              hint="delete it; it is often pasted in by accident", code="yaml-syntax")]
    except yaml.YAMLError as exc:  # pragma: no cover - other composer errors are marked
        return None, [Finding(SourceLocation(display, 1), f"invalid YAML: {exc}", code="yaml-syntax")]
    if node is None:  # only byte-order marks or directives: nothing in it
        return None, [_empty(display)]
    return node, []


def _empty(display: str) -> Finding:
    return Finding(SourceLocation(display, 1), "the file is empty", hint="see README.md for a complete example", code="empty")


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where nesting first passes MAX_DEPTH, found from the event stream before composing:
    libyaml's composer recurses in C, and a few hundred thousand '[' crash the process.
    Raises _Refused when the file holds more than MAX_EVENTS values (composing a million
    tiny values would take seconds)."""
    depth = 0
    for count, event in enumerate(yaml.parse(text, Loader=yaml.CSafeLoader)):
        if count > MAX_EVENTS:
            raise _Refused(Finding(SourceLocation("", event.start_mark.line + 1, 1), f"the file holds more than {MAX_EVENTS:,} values",
                                   hint="a lesson or quiz needs far fewer; split it into several files", code="too-large"))
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1, event.start_mark.column + 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None


class _Builder:
    def __init__(self, doc: SourceDocument):
        self.doc = doc
        self.findings: list[Finding] = []
        self.seen: set[int] = set()
        self.duplicates = 0

    def build(self, node: yaml.Node, path: Path_) -> Any:
        mark = (node.start_mark.line + 1, node.start_mark.column + 1)
        self.doc.value_marks[path] = mark
        if len(path) > MAX_DEPTH:
            raise _Refused(
                Finding(
                    SourceLocation(self.doc.file, *mark),
                    f"values are nested more than {MAX_DEPTH} levels deep",
                    hint="check the brackets and indentation; course files need only a few levels",
                    code="too-deep",
                )
            )
        if node.tag not in _PLAIN_TAGS:
            raise _Refused(
                Finding(
                    SourceLocation(self.doc.file, *mark),
                    f"the YAML tag '{_short_tag(node.tag)}' is not supported in course files",
                    hint="remove the tag (the word starting with !) and write the value as plain text",
                    code="yaml-tag",
                )
            )
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
                        hint="write `name: value`; a key never starts with [, { or -",
                        code="yaml-syntax",
                    )
                )
            key = key_node.value
            key_mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                first = self.doc.key_marks[path + (key,)]
                self.duplicates += 1
                if self.duplicates > MAX_DUPLICATES_SHOWN:
                    continue
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
    if not node.style and node.value in _NULLS:  # plain style: None (pure Python) or "" (libyaml)
        return None
    return node.value


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def _syntax_finding(exc: yaml.MarkedYAMLError, display: str, text: str) -> Finding:
    """PyYAML's parser messages, reworded for trainers and pointed at the real slip."""
    lines = text.splitlines()
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem, context = (exc.problem or "invalid YAML").strip(), (exc.context or "").strip()
    line_text = lines[line - 1] if 0 < line <= len(lines) else ""
    opened = (exc.context_mark.line + 1, exc.context_mark.column + 1) if exc.context_mark else (line, column)
    hint = "check the indentation and quoting on this line and the one before"
    unclosed = _unclosed_quote(lines, line)
    if "\\t" in problem or "\t" in line_text[: max(column, 1)]:
        problem, hint = "a tab character is used for indentation", "indent with spaces only, two per level"
    elif "mapping values are not allowed" in problem and ":" not in line_text[: column - 1].strip()[:-1]:
        problem = "this line is indented more than the field above it"
        hint = "align it with the field above, or put a value that spans lines in quotes"
    elif "mapping values are not allowed" in problem:
        problem = "a colon followed by a space inside a plain value"
        hint = 'put the whole value in quotes, e.g. title: "Rapport: the trap"'
    elif "quoted scalar" in context:
        (line, column), problem, hint = opened, "a quoted value is never closed", "add the closing quote"
    elif "flow sequence" in context or "flow mapping" in context:
        bracket = "]" if "sequence" in context else "}"
        (line, column), problem = opened, f"a value in brackets is never closed with '{bracket}'"
        hint = f"add the closing {bracket}, or put the value in quotes if it starts with a bracket"
    elif "another document" in problem:
        problem = "a second document starts here (a line '---' or '...')"
        hint = "a course file holds one document: remove this line, or move what follows into its own file"
    elif unclosed and "expected" in problem:
        (line, column), problem, hint = unclosed, "a quoted value is never closed", "add the closing quote"
    elif "expected key" in problem and line_text.lstrip().startswith("-"):
        problem = "a list item ('- ') where a field (`key: value`) is expected"
        hint = "indent the item under the field it belongs to, or remove the '- '"
    elif "expected <block end>" in problem or "expected key" in problem:
        problem = "this line is not aligned with the lines around it"
        hint = "fields of the same item start in the same column; text after a closing quote belongs inside it"
    elif "cannot start any token" in problem:
        problem = f"a value cannot start with '{line_text[column - 1:column]}'"
        hint = "put the whole value in quotes"
    elif "alias" in context or "anchor" in context:
        problem = "a value cannot start with '*' or '&'"
        hint = "put the whole value in quotes"
    return Finding(SourceLocation(display, line, column), f"invalid YAML: {problem}", hint=hint, code="yaml-syntax")


def _unclosed_quote(lines: list[str], line: int) -> tuple[int, int] | None:
    """The `key: "...` line above `line` whose double quote runs on: PyYAML only notices
    the slip where the next quote ends the value, often on a later line."""
    for number in range(line - 1, max(line - 20, 0), -1):
        text = lines[number - 1]
        quote = text.find(': "')
        if quote >= 0 and not text.lstrip().startswith("#") and (text.count('"') - text.count('\\"')) % 2:
            return number, quote + 3
    return None
