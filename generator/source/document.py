"""Read one YAML file into plain data plus the source position of every value.

libyaml's parser (PyYAML's C extension, ten times faster than the pure-Python one)
gives us its event stream; we build the data ourselves instead of using PyYAML's
constructor, because that constructor:
- silently keeps the last of two duplicate keys (a trainer loses text unawares);
- turns `yes`/`no`/`on`/`off` into booleans (YAML 1.1), so `title: no` becomes False;
- expands aliases, which is how an "alias bomb" eats memory.
So every scalar stays the text the trainer wrote (pydantic converts "15" to 15 where
a number is expected), `null`/`~`/empty become None, duplicate keys are findings and
anchors/aliases are refused, as are tags other than YAML's plain ones (`!!python/...`
is never data here, let alone code).

Limits keep hostile files cheap: size is checked before the file is read, nesting
depth is capped (PyYAML's composer recurses), and no alias is ever expanded.

Two builders share these rules: `plain_data` builds the data alone and gives up at the
first thing it does not handle; `_Builder` also keeps every position and reports every
finding. A file goes through the second only if the first gave up, or when a message
about it needs a position.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import replace
from itertools import islice
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from yaml._yaml import CParser  # libyaml's parser, driven event by event (see _Builder)

from generator.errors import Finding, Severity, SourceLocation
from generator.source.diagnose import Diagnosis, diagnose

MAX_FILE_BYTES = 1_000_000  # a long lesson is ~20 KB; anything this big is a mistake
MAX_DEPTH = 40  # a quiz is about 6 levels deep
MAX_EVENTS = 50_000  # keys, values and brackets; the bundled final assessment has about 800
MAX_DUPLICATES_SHOWN = 20  # a pasted block repeated a thousand times needs one message, not a thousand
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")}
_NULLS = {"", "~", "null", "Null", "NULL"}

Path_ = tuple  # a data path: keys and list indexes from the document root


class SourceDocument:
    """A parsed file: its data, and where each value and key stands in the file.

    Positions are needed only for a message: a file that parsed cleanly gets them on
    first use, by parsing its text again (issue 8: building them for 2,000 files that
    have nothing to report was a third of `check`)."""

    def __init__(self, file: str, data: Any, text: str, value_marks: dict[Path_, tuple[int, int]] | None = None,
                 key_marks: dict[Path_, tuple[int, int]] | None = None):
        self.file, self.data, self.text = file, data, text
        if value_marks is not None or key_marks is not None:
            self.value_marks = {} if value_marks is None else value_marks
            self.key_marks = {} if key_marks is None else key_marks

    def __getattr__(self, name: str):  # only called for attributes not set yet: the marks
        if name not in ("value_marks", "key_marks"):
            raise AttributeError(name)
        marked, _ = _parse_marked(self.text, self.file)
        self.value_marks = marked.value_marks if marked else {}
        self.key_marks = marked.key_marks if marked else {}
        return getattr(self, name)

    def __repr__(self) -> str:
        return f"SourceDocument({self.file!r})"

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
    return parse_text(text, display)


def plain_file(path: Path) -> tuple[str, Any] | None:
    """A file's text and data if it reads and parses with nothing to report, else None
    (then `load_yaml` reads it again and reports). Plain values only: it runs in forked
    workers, whose results come back as `marshal` data (see parallel.py)."""
    text, _ = _read_text(path, "")
    if text is None:
        return None
    data = plain_data(text)
    return None if data is IRREGULAR else (text, data)


def parse_text(text: str, display: str) -> tuple[SourceDocument | None, list[Finding]]:
    """The document in a file's text (as `_read_text` returns it), or the findings that stopped it."""
    data = plain_data(text)
    if data is not IRREGULAR:
        return SourceDocument(display, data, text), []
    return _parse_marked(text, display)


def _parse_marked(text: str, display: str) -> tuple[SourceDocument | None, list[Finding]]:
    """The document with the position of every value, and every finding about it."""
    doc = SourceDocument(display, None, text, {}, {})
    builder = _Builder(doc)
    parser = CParser(text)
    try:
        builder.run(iter(parser.get_event, None))
    except _Refused as stop:  # too deep, or too many values: refused before the rest was read
        return None, [replace(stop.finding, location=replace(stop.finding.location, file=display))]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_finding(exc, display, text)]
    except yaml.reader.ReaderError as exc:  # a control character such as NUL
        line, column = text[: exc.position].count("\n") + 1, exc.position - text.rfind("\n", 0, exc.position)
        return None, [Finding(SourceLocation(display, line, column), f"invalid YAML: the control character #x{exc.character:04x} "
                                                                "is not allowed in a course file",
                              hint="delete it; it is often pasted in by accident", code="yaml-syntax")]
    except yaml.YAMLError as exc:  # pragma: no cover - other parser errors are marked
        return None, [Finding(SourceLocation(display, 1), f"invalid YAML: {exc}", code="yaml-syntax")]
    finally:
        parser.dispose()
    if builder.composer_error is not None:
        return None, [_syntax_finding(builder.composer_error, display, text)]
    if builder.refused is not None:
        return None, [builder.refused]
    if not builder.documents:  # only byte-order marks or directives: nothing in it
        return None, [_empty(display)]
    hidden = builder.duplicates - MAX_DUPLICATES_SHOWN
    if hidden > 0:
        builder.findings.append(Finding(SourceLocation(display, 1), f"{hidden} more duplicate keys are not shown",
                                        hint="fix the ones above, then check again", code="duplicate-key"))
    return doc, builder.findings


IRREGULAR = object()  # what plain_data returns for a file it leaves to the full parse


def plain_data(text: str) -> Any:
    """The data of a file with nothing to report, built without positions; IRREGULAR for
    anything else (a syntax error, an alias, anchor or tag, a duplicate or non-word key,
    a second document, the limits), which `_parse_marked` then reads again and reports.

    Nearly every file is plain, and this loop is most of a cold `check` (issue 8): it
    keeps the least it can per event, and stops at the first thing it does not handle."""
    if _COMMENT_AFTER_TEXT.search(text) is not None:  # perhaps a value cut short by a comment: see _Builder._cut_short
        return IRREGULAR
    parser = CParser(text)
    try:
        return _plain_events(iter(parser.get_event, None))
    except yaml.YAMLError:
        return IRREGULAR
    finally:
        parser.dispose()


# Text, one or more spaces, '#': a comment after a value, or a '#' in a quoted one. Rare in
# course files, so the few files with one are read with positions, where _cut_short looks closer.
_COMMENT_AFTER_TEXT = re.compile(r"\S[ \t]+#")


def _plain_events(events) -> Any:  # noqa: C901 - one loop over the events keeps it fast
    root: Any = IRREGULAR
    container: Any = None  # the innermost open list or mapping
    in_mapping = False
    key: Any = _NO_KEY  # the open mapping's key waiting for its value
    outer: list = []  # the enclosing (container, in_mapping) pairs
    documents = 0
    kind: Any = None
    for event in islice(events, MAX_EVENTS + 1):
        kind = type(event)
        if kind is _Scalar:
            if event.anchor is not None or event.tag is not None:
                return IRREGULAR
            value = event.value
            if in_mapping:
                if key is _NO_KEY:
                    if value in container:
                        return IRREGULAR
                    key = value
                    continue
                container[key] = None if not event.style and value in _NULLS else value
                key = _NO_KEY
            elif container is not None:
                container.append(None if not event.style and value in _NULLS else value)
            elif documents == 1:
                root = None if not event.style and value in _NULLS else value
            else:
                return IRREGULAR
        elif kind is _MappingStart or kind is _SequenceStart:
            if event.anchor is not None or event.tag is not None or len(outer) >= MAX_DEPTH:
                return IRREGULAR
            value = {} if kind is _MappingStart else []
            if in_mapping:
                if key is _NO_KEY:  # a list or mapping as a key
                    return IRREGULAR
                container[key] = value
                key = _NO_KEY
            elif container is not None:
                container.append(value)
            elif documents == 1:
                root = value
            else:
                return IRREGULAR
            outer.append((container, in_mapping))
            container, in_mapping = value, kind is _MappingStart
        elif kind is _MappingEnd or kind is _SequenceEnd:
            container, in_mapping = outer.pop()
        elif kind is _DocumentStart:
            documents += 1
            if documents > 1:
                return IRREGULAR
        elif kind is not _DocumentEnd and kind is not _StreamStart and kind is not _StreamEnd:  # an alias
            return IRREGULAR
    return root if kind is _StreamEnd else IRREGULAR


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
        return None, [_not_utf8(raw, exc.start + 3 * raw.startswith(codecs.BOM_UTF8), display)]
    if _only_comments(text):
        return None, [_empty(display)]
    return text, []


def _not_utf8(raw: bytes, offset: int, display: str) -> Finding:
    """The finding for the first byte that is not UTF-8, at its line and column (the
    characters before it on its line, which decode: the error is the first one)."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8-sig", errors="replace")) + 1
    saved_as = "UTF-16" if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "Latin-1 or Windows-1252"
    return Finding(SourceLocation(display, raw.count(b"\n", 0, offset) + 1, column),
                   f"the file is not UTF-8 text: byte 0x{raw[offset]:02x} here is not a character in UTF-8 "
                   f"(the file was probably saved as {saved_as})",
                   hint="save the file as UTF-8 in your editor (VS Code: 'Save with Encoding', then UTF-8)", code="encoding")


def _only_comments(text: str) -> bool:
    """Whether every line is blank or a comment. Line breaks are whitespace to `strip`, so
    the first character that is not is the start of the first line that is not blank:
    in nearly every file, `id:`, and then no line needs looking at (issue 8)."""
    if text.lstrip()[:1] != "#":
        return not text.strip()
    return all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines())


def _empty(display: str) -> Finding:
    """An empty (or all-comment) file; the hint names the command that writes one to start from."""
    path = PurePosixPath(display)
    kind = {"lessons": "lesson", "quizzes": "quiz"}.get(path.parent.name)
    if kind:
        hint = (f"write its fields (README.md, 'Content format'), or delete it and run `coursegen new {kind} {path.stem}`, "
                f"which writes a commented {kind} that passes `coursegen check`")
    elif path.name in ("course.yml", "course.yaml"):
        hint = "write the course's fields (README.md, 'Content format'); `coursegen new course DIR` writes a complete example"
    elif path.name in ("brand.yml", "brand.yaml"):
        hint = "write the brand's fields (README.md, 'Brands')"
    else:
        hint = "write its fields (README.md, 'Content format')"
    return Finding(SourceLocation(display, 1), "the file is empty", hint=hint, code="empty")


_Scalar, _MappingStart, _SequenceStart = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_MappingEnd, _SequenceEnd, _DocumentStart = yaml.MappingEndEvent, yaml.SequenceEndEvent, yaml.DocumentStartEvent
_DocumentEnd, _StreamStart, _StreamEnd = yaml.DocumentEndEvent, yaml.StreamStartEvent, yaml.StreamEndEvent
_NO_KEY = object()  # a mapping waiting for its next key
_DROP = object()  # a mapping whose next value belongs to a duplicate key: not built
_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_NODES = (yaml.ScalarEvent, yaml.AliasEvent, *_OPENS)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class _Builder:
    """Data and marks from libyaml's event stream, in one pass (issue 8: parsing every
    file twice, an event scan then `compose`, was most of `check`'s time).

    The depth and size limits are checked on each event before anything is built, so
    a file of a million '[' is refused after 41 of them (libyaml's own composer recurses
    in C and crashes on it). What `compose` would refuse (a second document, an alias to
    no anchor, an anchor defined twice) and what we refuse (aliases, unknown tags, keys
    that are not plain words) is kept and reported after the whole stream parsed, in the
    order the two-pass loader reported it: syntax and limits, then composer, then ours."""

    def __init__(self, doc: SourceDocument):
        self.doc = doc
        self.findings: list[Finding] = []
        self.duplicates = 0
        self.documents = 0
        self.refused: Finding | None = None
        self.composer_error: yaml.MarkedYAMLError | None = None
        self._anchors: dict[str, Any] = {}
        self._first_document: Any = None

    def run(self, events) -> None:  # noqa: C901 - one loop over the events keeps it fast
        stack: list[list] = []  # open collections: [container, path, next key (or _NO_KEY/_DROP), key mark]
        depth = skip = 0  # skip: nesting inside a duplicate key's value, which is not built
        key_marks, value_marks = self.doc.key_marks, self.doc.value_marks
        for count, event in enumerate(events):
            if count > MAX_EVENTS:
                raise _Refused(Finding(SourceLocation("", event.start_mark.line + 1, 1), f"the file holds more than {MAX_EVENTS:,} values",
                                       hint="a lesson or quiz needs far fewer; split it into several files", code="too-large"))
            kind = type(event)
            if kind in _CLOSES:
                depth -= 1
                if self.documents == 1 and self.refused is None:
                    if skip:
                        skip -= 1
                    else:
                        stack.pop()
                continue
            if kind not in _NODES:
                if kind is yaml.DocumentStartEvent:
                    self._document(event)
                continue
            opens = kind in _OPENS
            if opens:
                depth += 1
                if depth > MAX_DEPTH:
                    raise _Refused(Finding(SourceLocation("", event.start_mark.line + 1, event.start_mark.column + 1),
                                           f"values are nested more than {MAX_DEPTH} levels deep",
                                           hint="check the brackets and indentation; course files need only a few levels", code="too-deep"))
            if self.documents > 1:
                continue
            if kind is yaml.AliasEvent:
                anchored = self._anchors.get(event.anchor)
                if anchored is None:
                    self._composer(yaml.composer.ComposerError(None, None, "found undefined alias", event.start_mark))
            elif event.anchor is not None:
                self._anchor(event)
            if self.refused is not None:
                continue
            if skip:
                skip += opens
                continue
            mark = (event.start_mark.line + 1, event.start_mark.column + 1)
            if not stack:
                path, frame = (), None
            else:
                frame = stack[-1]
                container = frame[0]
                if type(container) is list:
                    path = frame[1] + (len(container),)
                else:
                    key = frame[2]
                    if key is _NO_KEY:
                        self._key(frame, event, mark)
                        continue
                    frame[2] = _NO_KEY
                    if key is _DROP:
                        skip = int(opens)
                        continue
                    path = frame[1] + (key,)
                    key_marks[path] = frame[3]
            if kind is yaml.AliasEvent:
                if anchored is not None:
                    self._refuse(anchored, "anchors and aliases (&name, *name) are not supported in course files",
                                 "write the value out in full where it is needed", "alias")
                continue
            tag = event.tag
            if tag is not None and tag != "!" and tag not in _PLAIN_TAGS:
                self._refuse(mark, f"the YAML tag '{_short_tag(tag)}' is not supported in course files",
                             "remove the tag (the word starting with !) and write the value as plain text", "yaml-tag")
                continue
            value_marks[path] = mark
            if opens:
                value: Any = {} if kind is yaml.MappingStartEvent else []
            else:
                value = None if not event.style and event.value in _NULLS else event.value
                if not event.style:
                    self._cut_short(event)
            if frame is None:
                self.doc.data = value
            elif type(container) is list:
                container.append(value)
            else:
                container[key] = value
            if opens:
                stack.append([value, path, _NO_KEY, None])

    def _key(self, frame: list, event: Any, mark: tuple[int, int]) -> None:
        if type(event) is yaml.AliasEvent:  # the two-pass loader let an aliased key through
            self._refuse(self._anchors.get(event.anchor or "", mark), "anchors and aliases (&name, *name) are not supported in course files",
                         "write the value out in full where it is needed", "alias")
            return
        if type(event) is not yaml.ScalarEvent:
            self._refuse(mark, "a key must be a plain word, not a list or a mapping",
                         "write `name: value`; a key never starts with [, { or -", "yaml-syntax")
            return
        key, mapping = event.value, frame[0]
        if key not in mapping:
            frame[2], frame[3] = key, mark
            return
        frame[2] = _DROP
        self.duplicates += 1
        if self.duplicates <= MAX_DUPLICATES_SHOWN:
            first = self.doc.key_marks[frame[1] + (key,)]
            self.findings.append(Finding(SourceLocation(self.doc.file, *mark), f"duplicate key '{key}': it is already set on line {first[0]}",
                                         hint="remove one of them; YAML would silently keep only the last", code="duplicate-key"))

    def _cut_short(self, event: Any) -> None:
        """A warning when a comment on the same line cut a plain value short (issue 18):
        `prompt: What is step #1 for you?` is the text "What is step". A comment after a
        plain value is taken for a slip when its '#' is followed by something other than a
        space (`#1`, `#tag`: text, not a comment), or when the value is words and only one
        space stands before the '#'. `minutes: 5  # about five` and `id: x # note` are fine;
        `colour: #123456` (an empty value: a comment from the first '#') is not."""
        end = event.end_mark
        line = self.doc.line_text(end.line + 1)
        rest = line[end.column:]
        after = rest.lstrip(" \t")
        if not after.startswith("#"):
            return
        spaces = len(rest) - len(after)
        if after[1:2] in (" ", "\t") and (spaces > 1 or " " not in event.value):
            return
        column = end.column + spaces + 1
        hint = "put the whole value in quotes"
        if event.start_mark.line == end.line:
            start = event.start_mark.column
            hint += f": {line[:start].strip()} {_quoted(line[start:].strip())}"
        if after[1:2] in (" ", "\t"):
            hint += "; if it is a comment, put two spaces before the '#'"
        self.findings.append(Finding(SourceLocation(self.doc.file, end.line + 1, column),
                                     f"the text stops at '{after[:12].rstrip()}': an unquoted ' #' starts a comment, "
                                     + (f"so the value is only '{_shorten(event.value)}'" if event.value else "so the value is empty"),
                                     hint=hint, code="yaml-comment", severity=Severity.WARNING))

    def _refuse(self, mark: tuple[int, int], message: str, hint: str, code: str) -> None:
        self.refused = Finding(SourceLocation(self.doc.file, *mark), message, hint=hint, code=code)

    def _anchor(self, event: Any) -> None:
        first = self._anchors.get(event.anchor)
        if first is not None:
            self._composer(yaml.composer.ComposerError("found duplicate anchor; first occurrence", first._mark,
                                                       "second occurrence", event.start_mark))
        self._anchors[event.anchor] = _AnchorMark(event.start_mark)

    def _document(self, event: Any) -> None:
        self.documents += 1
        if self.documents == 1:
            self._first_document = event.start_mark
        elif self.documents == 2:
            self._composer(yaml.composer.ComposerError("expected a single document in the stream", self._first_document,
                                                       "but found another document", event.start_mark))

    def _composer(self, error: yaml.MarkedYAMLError) -> None:
        if self.composer_error is None:
            self.composer_error = error


class _AnchorMark(tuple):
    """(line, column) of an anchored value, 1-based, keeping libyaml's mark for messages."""

    _mark: Any

    def __new__(cls, mark: Any):
        self = super().__new__(cls, (mark.line + 1, mark.column + 1))
        self._mark = mark
        return self


def _quoted(value: str) -> str:
    """A value in the quotes that keep it as written: double quotes, or single quotes when
    it holds a double quote or a backslash (an escape in double quotes)."""
    if '"' in value or "\\" in value:
        return "'" + value.replace("'", "''") + "'"
    return f'"{value}"'


def _shorten(text: str, most: int = 40) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def yaml_error_finding(exc: yaml.MarkedYAMLError, display: str, text: str) -> Finding:
    """PyYAML's error about `text` (a file shown as `display`) in a trainer's words, at the
    likely slip rather than where the parser noticed it (source/diagnose.py)."""
    return _syntax_finding(exc, display, text)


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
    early = _closed_early(line_text)
    if "\\t" in problem or "\t" in line_text[: max(column, 1)]:
        problem, hint = "a tab character is used for indentation", "indent with spaces only, two per level"
    elif early is not None and "expected" in problem:
        column, problem, hint = early
    elif "mapping values are not allowed" in problem and (found := diagnose(lines, line, problem)) is not None:
        line, column, problem, hint = _diagnosed(found, line, column)
    elif "mapping values are not allowed" in problem and ":" not in line_text[: column - 1].strip()[:-1]:
        problem = "this line is indented more than the field above it"
        hint = "align it with the field above, or put a value that spans lines in quotes"
    elif "mapping values are not allowed" in problem:
        problem = "a colon followed by a space inside a plain value"
        field = _FIELD.match(line_text)
        hint = (f"put the whole value in quotes: {field[1].strip()} {_quoted(line_text[field.end(1):].rstrip())}" if field
                else 'put the whole value in quotes, e.g. title: "Rapport: the trap"')
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
    elif (found := diagnose(lines, line, problem)) is not None:
        line, column, problem, hint = _diagnosed(found, line, column)
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


def _diagnosed(found: Diagnosis, line: int, column: int) -> tuple[int, int, str, str]:
    """The culprit's place, problem and hint, with where the parser noticed it as context."""
    noticed = f" (YAML noticed it at line {line}, column {column})" if found.line != line else ""
    return found.line, found.column, found.problem + noticed, found.hint


# A line's `key: ` (after any `- `), up to the first colon and space: the start of its value.
_FIELD = re.compile(r"^(\s*(?:-\s+)*[^\s:#'\"\-][^:#]*?:\s+)\S")
_QUOTED_VALUE = re.compile(r"^(\s*(?:-\s+)*(?:[^\s:#'\"\-][^:#]*?:\s+)?)([\"'])")


def _closed_early(line: str) -> tuple[int, str, str] | None:
    """(column, problem, hint) for a line whose quoted value is closed by a quote inside it:
    `- text: "Please "calm down"."`, `text: 'It's fine'`. YAML sees "Please " and then
    text it cannot place, and says something about list items or indentation."""
    match = _QUOTED_VALUE.match(line)
    if match is None:
        return None
    quote, start = match[2], match.end()
    i = start
    while i < len(line):
        if quote == '"' and line[i] == "\\":
            i += 2
            continue
        if line[i] == quote:
            if quote == "'" and line[i + 1:i + 2] == "'":
                i += 2
                continue
            break
        i += 1
    rest = line[i + 1:].strip()
    if i >= len(line) or not rest or rest[0] in "#:,]}":
        return None
    last = line.rstrip().rfind(quote)
    inner = line[start:last] if last > i else line[start:].rstrip()
    field = match[1].strip()
    if quote == '"':
        hint = (f"write it in single quotes: {field} '" + inner.replace("'", "''") + "'"
                + f", or put a backslash before each quote inside: {field} \"" + inner.replace('"', '\\"') + '"')
        problem = 'a double quote (") inside a value in double quotes ends the value early'
    else:
        hint = (f"write it in double quotes: {field} \"" + inner.replace("\\", "\\\\").replace('"', '\\"') + '"'
                + f", or double each quote inside: {field} '" + inner.replace("'", "''") + "'")
        problem = "a single quote (') inside a value in single quotes ends the value early"
    return i + 1, problem, hint


def _unclosed_quote(lines: list[str], line: int) -> tuple[int, int] | None:
    """The `key: "...` (or `key: '...`) line above `line` whose quote runs on: PyYAML only notices
    the slip where the next quote ends the value, often on a later line."""
    for number in range(line - 1, max(line - 20, 0), -1):
        text = lines[number - 1]
        if text.lstrip().startswith("#"):
            continue
        quote = text.find(': "')
        if quote >= 0 and (text.count('"') - text.count('\\"')) % 2:
            return number, quote + 3
        quote = text.find(": '")
        if quote >= 0 and (text.count("'") - 2 * text.count("''")) % 2:
            return number, quote + 3
    return None
