"""`export_quiz_bank`: check the course (or a brand's copy), write one quiz-bank file.

The output path is checked before anything else, and the file is written to a
temporary name next to it and renamed into place only when the whole export
succeeded: a course with errors, a refused path or (with `strict`) a question left out
writes nothing and leaves an earlier export as it was.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from generator.check.pipeline import prepare_project
from generator.engines.quizbank.walk import ordered_quizzes
from generator.errors import CourseError, Finding, Refusal
from generator.load.settings import ProjectSettings
from generator.model.course import Course


class QuizBankFormat(Protocol):
    """A format module (gift, moodle_xml, qti12): its name, file suffix and exporter."""

    NAME: str
    SUFFIX: str

    def export(self, course: Course) -> tuple[str | bytes, list[Finding]]: ...


@dataclass
class QuizBankResult:
    path: Path
    quizzes: int
    questions: int  # written; left-out questions are not counted
    left_out: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)  # the course's own warnings


def export_quiz_bank(settings: ProjectSettings, fmt: QuizBankFormat, out: Path, *, brand: str | None = None,
                     strict: bool = False) -> QuizBankResult:
    """Write the project's quizzes (with `brand`, the brand's copy of them) to `out` in `fmt`.

    `out` without a suffix gets the format's (`bank` -> `bank.gift`). Raises Refusal (a path
    that cannot or must not be written: exit 2), CourseError (the course has errors, or
    with `strict` any warning, including a question the format leaves out: exit 1)."""
    path = output_path(settings, out, fmt)
    checked = prepare_project(settings, brand=brand, strict=strict)
    course = checked.course
    assert course is not None  # prepare_project raises otherwise
    content, left_out = fmt.export(course)
    if strict and left_out:
        raise CourseError(left_out)
    quizzes = ordered_quizzes(course)
    questions = sum(len(quiz.questions) for quiz in quizzes) - len(left_out)
    write_atomically(path, content.encode("utf-8") if isinstance(content, str) else content)
    return QuizBankResult(path, len(quizzes), questions, left_out, checked.warnings)


def output_path(settings: ProjectSettings, out: Path, fmt: QuizBankFormat) -> Path:
    """The file to write, or a Refusal saying why not: a folder, a missing folder, a
    suffix of another format, or a place inside the course's own files."""
    path = Path(os.path.expanduser(str(out)))
    if not path.suffix:
        path = path.with_name(path.name + fmt.SUFFIX)
    elif path.suffix.lower() != fmt.SUFFIX:
        raise Refusal(f"{out}: a {fmt.NAME} export is a {fmt.SUFFIX} file; give e.g. {path.with_suffix(fmt.SUFFIX).name}")
    path = path.resolve()
    if path.is_dir():
        raise Refusal(f"{path} is a folder; give the name of the {fmt.SUFFIX} file to write, e.g. {path / ('quizbank' + fmt.SUFFIX)}")
    if not path.parent.is_dir():
        raise Refusal(f"{path.parent} does not exist; create the folder first, or give a path in an existing one")
    paths = settings.paths
    for folder in (*paths.content_dirs, settings.brands_dir):
        if path.is_relative_to(folder.resolve()):
            raise Refusal(f"{path} is inside {folder}, where the course's own files live; write the export elsewhere")
    return path


def write_atomically(path: Path, content: bytes) -> None:
    """`content` into `path` through a temporary file renamed into place; Refusal if it cannot be written."""
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise Refusal(f"{path.parent}: cannot be written ({error.strerror or error}); give a folder you may write to") from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes it private; an export is an ordinary file
        os.replace(temp, path)
    except OSError as error:
        raise Refusal(f"{path}: cannot be written ({error.strerror or error}); give a file you may write to") from None
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
