"""The generator's two kinds of user error, and the findings trainers see.

Every message about a trainer's files is a `Finding` with a `SourceLocation`; they are
collected into a `CourseError` (exit 1: the course has problems). A `Refusal` is a
request the generator will not carry out as given (an output folder that is not ours,
a lesson id that exists already; exit 2), or a mkdocs.yml it cannot use (exit 1): one
message saying why and what to do instead. The command line handles both in one place (cli/__init__.py);
anything else is a bug in the generator and surfaces as an ordinary exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path


def counted(n: int, word: str, many: str | None = None) -> str:
    """'1 item', '2 items' (`many`: an irregular plural, e.g. counted(2, "is", "are") -> '2 are')."""
    return f"{n} {word if n == 1 else many or plural(word)}"


def plural(noun: str) -> str:
    """The plural of the nouns messages count: "option" -> "options", "quiz" -> "quizzes"."""
    irregular = {"criterion": "criteria", "reply": "replies"}  # a handout's rubric and phrases (issue 23)
    return irregular.get(noun) or (noun + "zes" if noun.endswith("z") else noun + "s")


_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
# a list's name -> what one of its items is called in a message
_ITEM_NAMES = {"questions": "question", "options": "option", "sections": "section", "objectives": "objective",
               "lessons": "lesson", "modules": "module", "items": "step", "answers": "answer", "key_points": "key point",
               "reflection": "reflection prompt", "quizzes": "quiz", "scenarios": "scenario", "steps": "step", "css": "stylesheet",
               "files": "file", "handouts": "handout", "blocks": "block", "fields": "writing space", "situations": "situation",
               "criteria": "criterion", "replies": "reply"}


def item_name(list_name: object) -> str:
    """What one item of a list of this name is called: "questions" -> "question"; else "item"."""
    return _ITEM_NAMES.get(str(list_name), "item")


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def spoken_path(path: tuple, data: object) -> str:
    """A path through a file's data as a trainer reads it, counting from 1 and naming an item
    by its id when it has one: ("questions", 1, "options", 0) -> "question 'q2' (2nd), option 1"."""
    parts: list[tuple[str, bool]] = []  # (text, whether it names a list item)
    node = data
    for at, step in enumerate(path):
        child = node[step] if isinstance(node, (list, dict)) and _has(node, step) else None
        if isinstance(step, int):
            name = parts.pop()[0] if parts else "item"
            noun = _ITEM_NAMES.get(name, f"{name} item")
            ident = child.get("id") if isinstance(child, dict) and path[at + 1:at + 2] != ("id",) else None  # not a wrong id
            named = isinstance(ident, str) and _ID.fullmatch(ident)
            parts.append((f"{noun} '{ident}' ({ordinal(step + 1)})" if named else f"{noun} {step + 1}", True))
        else:
            parts.append((str(step), False))
        node = child
    out = ""
    for n, (text, item) in enumerate(parts):  # a.b for fields in fields; a comma around a list item
        out += text if not n else (", " if item or parts[n - 1][1] else ".") + text
    return out


def _has(node: list | dict, step: object) -> bool:
    return (isinstance(step, int) and 0 <= step < len(node)) if isinstance(node, list) else step in node


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # information that needs no change, e.g. a brand colour adjusted for contrast


@dataclass(frozen=True, order=True)
class SourceLocation:
    file: str
    line: int = 0  # 1-based; 0 when the finding is about the whole file
    column: int = 0  # 1-based

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}" if self.column else f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Finding:
    location: SourceLocation
    message: str
    hint: str = ""
    code: str = "invalid"
    severity: Severity = Severity.ERROR
    field: str = ""  # dotted path inside the file, for tools (the JSON report), e.g. "questions[2].options"
    subject: str | None = None  # the field as the trainer reads it (spoken_path), e.g. "question 'q3' (3rd), options";
    # "" when the message names it itself; None: `field` as it is
    known: bool = False  # a warning listed in known-findings.yml: reported, never failing (check/known.py)

    @property
    def named(self) -> str:
        """What the message is about, as shown before it ("" for the whole file)."""
        return self.field if self.subject is None else self.subject

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_dict(self) -> dict:
        return {
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
            "severity": self.severity.value,
            "code": self.code,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
        } | ({"known": True} if self.known else {})

    def one_line(self) -> str:
        where = f"{self.location}: {self.severity.value}{' (known)' * self.known}: "
        text = f"{self.named}: {self.message}" if self.named else self.message
        return where + text + (f" ({self.hint})" if self.hint else "")


@dataclass
class CourseError(Exception):
    """Raised when a trainer's files cannot become a site; carries every finding."""

    findings: list[Finding] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(f.one_line() for f in self.findings)


class Refusal(Exception):
    """A request refused: str(error) says why and what to do instead. `exit_code` is 2
    (wrong usage) unless a subclass says otherwise."""

    exit_code = 2


def display_path(path: Path, root: Path | None) -> str:
    """A path as a trainer would type it: relative to the project when possible."""
    if root is not None and path.is_absolute() and root.is_absolute():
        return _display(path, root)
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def display_prefix(folder: Path, root: Path | None) -> str | None:
    """What `display_path` puts before the name of a file in `folder` that is not a
    symbolic link ("course/lessons/"), or None if it has to be asked file by file."""
    if root is None or not folder.is_absolute() or not root.is_absolute():
        return None
    try:
        shown = _resolved_folder(folder).relative_to(_resolved_folder(root)).as_posix()
    except ValueError:
        return None
    return "" if shown == "." else shown + "/"


@lru_cache(maxsize=8192)  # every course file is shown twice or more per check
def _display(path: Path, root: Path) -> str:
    try:
        return _resolved(path).relative_to(_resolved_folder(root)).as_posix()
    except ValueError:
        return path.as_posix()


def _resolved(path: Path) -> Path:
    """`path.resolve()`, with each folder resolved once for all the files in it (resolve
    is a system call per path component: 0.4 s for 2,000 files, issue 8)."""
    if path.name in ("", ".", "..") or path.is_symlink():
        return path.resolve()
    return _resolved_folder(path.parent) / path.name


@lru_cache(maxsize=1024)
def _resolved_folder(folder: Path) -> Path:
    return folder.resolve()
