"""Load a course folder into validated models, collecting every finding on the way.

pydantic's errors are translated into trainer's words and pointed at the file, line
and column the offending value came from (see source.SourceDocument).
"""

from __future__ import annotations

import difflib
import os
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.errors import Finding, SourceLocation, display_path, display_prefix, item_name, counted, plural, spoken_path
from generator.i18n import languages
from generator.model.course import Course, CourseSettings, Lesson, Quiz
from generator.model.dialogue import Dialogue
from generator.model.figure import Figure
from generator.model.handout import Handout
from generator.model.scenario import Scenario
from generator.model.questions.base import id_form
from generator.load.figures import figures_dir, read_drawings
from generator.load.partial import valid_part
from generator.source.cache import ParseCache
from generator.source.document import SourceDocument, load_yaml

M = TypeVar("M", bound=BaseModel)
BLOCK_TYPES = "fields, phrases, rubric, list, text"  # a handout's blocks (model/handout.py)
_HANDOUT_HINTS = {"blocks": f"add at least one block: {BLOCK_TYPES}", "fields": "add a writing space: `- label: ...`",
                  "situations": "add a situation with its replies", "replies": "give at least one reply: `- say: ...` with its `why:`",
                  "criteria": "add a criterion: `- criterion: ...` with what `good:` looks like"}
Item = TypeVar("Item", Lesson, Quiz, Scenario, Dialogue, Figure, Handout)  # checked once as each
YAML_SUFFIXES = (".yml", ".yaml")
COURSE_DIR, QUIZZES_DIR, SCENARIOS_DIR, DIALOGUES_DIR = "course", "quizzes", "scenarios", "dialogues"  # the default folders, relative to mkdocs.yml
HANDOUTS_DIR = "handouts"
TRANSLATIONS_DIR = "translations"  # translations/<lang>/: the course's text in other languages (load/translation.py)


@dataclass(frozen=True)
class CoursePaths:
    """Where a course's files live; all relative paths are shown from `root`."""

    root: Path
    course_dir: Path
    quizzes_dir: Path
    scenarios_dir: Path
    dialogues_dir: Path
    handouts_dir: Path

    @classmethod
    def at(cls, root: Path, course_dir: str = COURSE_DIR, quizzes_dir: str = QUIZZES_DIR,
           scenarios_dir: str = SCENARIOS_DIR, dialogues_dir: str = DIALOGUES_DIR, handouts_dir: str = HANDOUTS_DIR) -> CoursePaths:
        root = Path(root)
        return cls(root, root / course_dir, root / quizzes_dir, root / scenarios_dir, root / dialogues_dir, root / handouts_dir)

    @property
    def course_file(self) -> Path:
        return self.course_dir / "course.yml"

    @property
    def lessons_dir(self) -> Path:
        return self.course_dir / "lessons"

    @property
    def figures_dir(self) -> Path:
        return figures_dir(self.root)

    @property
    def content_dirs(self) -> list[Path]:
        """Every folder of the trainer's course files, course/ first, translations/ last:
        what a build or an export never writes into, what `serve` watches and what a
        build's fingerprint reads. A new kind of content adds its folder here, once."""
        return [self.course_dir, self.quizzes_dir, self.scenarios_dir, self.dialogues_dir, self.figures_dir, self.handouts_dir,
                self.root / TRANSLATIONS_DIR]

    def show(self, path: Path) -> str:
        return display_path(path, self.root)


def yaml_files(folder: Path) -> list[Path]:
    return [folder / entry.name for entry in _yaml_entries(folder)]


def _yaml_entries(folder: Path) -> list[os.DirEntry]:
    """The YAML files in a folder, by name. One directory scan tells the files (symbolic
    links to files included) from the rest with no call per file (issue 8: 2,000 files)."""
    if not folder.is_dir():
        return []
    with os.scandir(folder) as scan:
        return sorted((entry for entry in scan if _suffix(entry.name) in YAML_SUFFIXES and entry.is_file()), key=_name)


def _name(entry: os.DirEntry) -> str:
    return entry.name


def _suffix(name: str) -> str:
    dot = name.rfind(".")  # as Path.suffix: not a leading dot, not a trailing one
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _shown_files(folder: Path, paths: CoursePaths) -> list[tuple[Path, str]]:
    """Each YAML file in a folder with the name it is shown under (`paths.show`), worked
    out once for the folder rather than resolved file by file."""
    prefix = display_prefix(folder, paths.root)
    return [(folder / entry.name, paths.show(folder / entry.name) if prefix is None or entry.is_symlink() else prefix + entry.name)
            for entry in _yaml_entries(folder)]


def load_course(paths: CoursePaths) -> tuple[Course | None, list[Finding]]:
    """Read course.yml, every lesson, quiz, scenario, dialogue and handout. The course is None if course.yml is unusable."""
    findings: list[Finding] = []
    if not paths.course_file.is_file():
        return None, [
            Finding(
                SourceLocation(paths.show(paths.course_file)),
                "the course settings file is missing",
                hint="start a course in a new folder with `coursegen new course my-course`, "
                     "or create the file as coursegen's README.md shows under 'Content format'",
                code="missing-file",
            )
        ]
    cache = ParseCache(paths.root)  # files unchanged since the last run are not parsed again (issue 8)
    settings, doc = load_model(paths.course_file, CourseSettings, paths, findings, cache)
    if settings is None:
        return None, findings
    course = Course(settings)
    course.sources[("course", settings.id)] = doc
    _load_items(course, paths, cache, findings)
    return course, findings


def load_files_alone(paths: CoursePaths) -> tuple[Course, list[Finding]]:
    """Every lesson, quiz and scenario file, loaded and validated on its own, for when course.yml is
    unusable (issue 18: one slip there must not hide every finding elsewhere). The course
    holds stand-in settings with no lesson order and no final quiz: only the checks that
    need no settings may run on it."""
    findings: list[Finding] = []
    course = Course(CourseSettings.model_construct(id="course", title="", description="", lessons=[], modules=None,
                                                   final_quiz=None, pass_mark=70, language="en", strings={},
                                                   dialogues=[]))
    _load_items(course, paths, ParseCache(paths.root), findings)
    return course, findings


def _load_items(course: Course, paths: CoursePaths, cache: ParseCache, findings: list[Finding]) -> None:
    lesson_files = _shown_files(paths.lessons_dir, paths)
    quiz_files = _shown_files(paths.quizzes_dir, paths)
    scenario_files = _shown_files(paths.scenarios_dir, paths)
    dialogue_files = _shown_files(paths.dialogues_dir, paths)
    figure_files = _shown_files(paths.figures_dir, paths)
    handout_files = _shown_files(paths.handouts_dir, paths)
    parsed = cache.load_many(lesson_files + quiz_files + scenario_files + dialogue_files + figure_files + handout_files)  # all at once: in parallel (issue 8)
    quizzes_end = len(lesson_files) + len(quiz_files)
    scenarios_end = quizzes_end + len(scenario_files)
    _add_items(course, "lesson", Lesson, course.lessons, lesson_files, parsed[:len(lesson_files)], findings)
    _add_items(course, "quiz", Quiz, course.quizzes, quiz_files, parsed[len(lesson_files):quizzes_end], findings)
    _add_items(course, "scenario", Scenario, course.scenarios, scenario_files, parsed[quizzes_end:scenarios_end], findings)
    dialogues_end = scenarios_end + len(dialogue_files)
    _add_items(course, "dialogue", Dialogue, course.dialogues, dialogue_files, parsed[scenarios_end:dialogues_end], findings)
    figures_end = dialogues_end + len(figure_files)
    _add_items(course, "figure", Figure, course.figures, figure_files, parsed[dialogues_end:figures_end], findings)
    read_drawings(course, paths.figures_dir)
    _add_items(course, "handout", Handout, course.handouts, handout_files, parsed[figures_end:], findings)
    cache.save()


def _add_items(course: Course, kind: str, model: type[Item], store: dict[str, Item], files: list[tuple[Path, str]],
               parsed: list[tuple[SourceDocument | None, list[Finding]]], findings: list[Finding]) -> None:
    """Validate one kind's parsed files into `store` (lessons, quizzes or scenarios), keyed by id."""
    for (file, name), (doc, problems) in zip(files, parsed, strict=True):
        course.file_ids[(kind, file.stem)] = name
        findings.extend(problems)
        item = _validated(doc, problems, model, findings)
        if item is None and doc is not None:
            part = valid_part(doc, model, file.stem)
            if part is not None:
                course.held_back[(kind, file.stem)] = part
        if item is None or doc is None:
            continue
        if item.id != file.stem:
            findings.append(
                Finding(
                    doc.location(("id",)),
                    f"the {kind} id '{item.id}' does not match its file name '{file.name}'",
                    hint=f"rename the file to {item.id}{file.suffix} or set `id: {file.stem}`",
                    code="id-filename",
                )
            )
            if isinstance(item, Lesson | Quiz):  # its questions or sections are still checked
                course.held_back[(kind, file.stem)] = (item.model_copy(update={"id": file.stem}), doc)
            continue
        if item.id in store:  # x.yml and x.yaml
            first = course.sources[(kind, item.id)].file
            findings.append(
                Finding(doc.location(("id",)), f"the {kind} id '{item.id}' is already used by {first}",
                        hint="delete one of the two files, or give this one another id and file name", code="duplicate-id")
            )
            continue
        store[item.id] = item
        course.sources[(kind, item.id)] = doc


def load_model(path: Path, model: type[M], paths: CoursePaths, findings: list[Finding],
               cache: ParseCache | None = None) -> tuple[M | None, Any]:
    doc, problems = (cache.load_yaml if cache else load_yaml)(path, paths.show(path))
    findings.extend(problems)
    return _validated(doc, problems, model, findings), doc


def _validated(doc: SourceDocument | None, problems: list[Finding], model: type[M], findings: list[Finding]) -> M | None:
    """The model of a parsed file, or None after adding to `findings` why not."""
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        findings.append(
            Finding(
                doc.location(()),
                f"expected fields (`key: value` lines) at the top of the file, found {_describe(doc.data)}",
                hint="start the file with `id: ...` on its own line",
                code="wrong-type",
            )
        )
        return None
    try:
        item = model.model_validate(doc.data)
    except ValidationError as exc:
        findings.extend(translate_errors(exc, model, doc))
        return None
    if any(problem.is_error for problem in problems):  # duplicate keys: the data is incomplete, do not build on it
        return None
    return item


# --- pydantic errors in a trainer's words -------------------------------------------


def translate_errors(exc: ValidationError, model: type[BaseModel], doc: SourceDocument) -> list[Finding]:
    findings = []
    for error in exc.errors(include_url=False):
        path, parent = _data_path(model, error["loc"])
        findings.append(_finding(error, path, parent, doc))
    # `sumary:` is one slip, not two: drop "missing 'summary'" when a typo explains it
    explained = {(f.field, f.hint.removeprefix("did you mean '").removesuffix("'?")) for f in findings if f.code == "extra-forbidden"}
    findings = [f for f in findings if not (f.code == "missing" and (f.field, f.message.split("'")[1]) in explained)]
    return sorted(findings, key=lambda f: (f.location.line, f.location.column))


def _finding(error: ErrorDetails, path: tuple, parent: Any, doc: SourceDocument) -> Finding:
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    name = path[-1] if path else ""
    field = _dotted(path)
    where = doc.location(path)
    hint = ""
    if kind == "missing":
        where = doc.location(path[:-1])
        message = f"missing required field '{name}'"
        hint = f"add `{name}: ...`"
        field = _dotted(path[:-1])
    elif kind == "extra_forbidden":
        where = doc.location(path, key=True)
        allowed = sorted(_fields_of(parent))
        close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
        message = f"unknown field '{name}'"
        hint = f"did you mean '{close[0]}'?" if close else f"allowed fields: {', '.join(allowed)}"
        field = _dotted(path[:-1])
    elif kind == "string_type":
        message = "is empty: text is expected" if value is None else f"expected text, found {_describe(value)}"
        hint = "write the text after the colon; put it in quotes if it starts with a special character"
    elif kind == "string_too_short":
        message = "is empty: text is expected"
        hint = "write the text between the quotes"
    elif kind in ("int_parsing", "int_type", "int_from_float", "int_parsing_size"):
        message = f"expected a whole number, found {_describe(value)}"
        hint = "write digits only, e.g. 15"
    elif kind in ("bool_parsing", "bool_type"):
        message = f"expected true or false, found {_describe(value)}"
        hint = "write true or false"
    elif kind in ("list_type",):
        message = f"expected a list, found {_describe(value)}"
        hint = "write each item on its own line starting with '- '"
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        message = f"expected fields (`key: value` lines), found {_describe(value)}"
        hint = "indent the fields under this key"
    elif kind == "string_pattern_mismatch":
        message = f"'{value}' is not a valid id"
        hint = f"use lowercase letters, digits and hyphens, e.g. {_slug(str(value))}"
        if "language" in path:
            message, hint = f"'{value}' is not a language code", f"use one of {', '.join(languages())}, or another two-letter code such as sv"
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
        word = {"greater_than_equal": "at least", "less_than_equal": "at most", "greater_than": "more than", "less_than": "less than"}[kind]
        message = f"must be {word} {bound}, found {_describe(value)[1:-1] if isinstance(value, str) else value}"
        hint = {"pass_mark": "a pass mark is a percentage from 1 to 100"}.get(str(name), "")
    elif kind == "too_short":
        need = ctx.get("min_length")
        message = "is empty" if not value and need == 1 else f"needs at least {counted(int(need or 0), item_name(name))}, found {ctx.get('actual_length', 0)}"
        hint = {"questions": "add at least one question", "sections": "add at least one section",
                "options": "a choice question needs at least two options", "items": "give at least two steps to put in order",
                "answers": "give at least one accepted answer", "lessons": "list at least one lesson id",
                **_HANDOUT_HINTS}.get(str(name), "")
        if name == "items" and "blocks" in path:
            hint = "add at least one point: `- ...`"
        if need == 1 and value in ("", None):
            message = "is empty: text is expected"
    elif kind == "too_long":
        message = f"has too many {plural(item_name(name))}: at most {ctx.get('max_length')}, found {ctx.get('actual_length')}"
        hint = {"options": "a question may have at most 12 options; split it into two questions",
                "questions": "split the quiz into several quizzes, or use `draw:` on a shorter list"}.get(str(name), "")
    elif kind == "string_too_long":
        limit, length = ctx.get("max_length"), len(value) if isinstance(value, str) else None
        message = f"is too long: {length:,} characters, at most {limit:,}" if length is not None and isinstance(limit, int) \
            else f"is too long: at most {limit} characters"
        hint = "use a shorter id" if isinstance(limit, int) and limit < 1000 else "split the text, e.g. into several sections"
    elif kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        close = difflib.get_close_matches(str(value).lower(), allowed, n=1, cutoff=0.75)  # a typo, not another word
        message = f"'{value}' is not allowed here"
        hint = f"did you mean '{close[0]}'? Write one of: {', '.join(allowed)}" if close else f"write one of: {', '.join(allowed)}"
    elif kind == "union_tag_invalid":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected_tags", "")))
        close = difflib.get_close_matches(str(ctx.get("tag")), allowed, n=1, cutoff=0.5)
        where = doc.location(path + ("type",))
        message = f"unknown {'block' if 'blocks' in path else 'question'} type '{ctx.get('tag')}'"
        hint = f"did you mean '{close[0]}'?" if close else f"write one of: {', '.join(allowed)}"
    elif kind == "union_tag_not_found":
        message = "missing required field 'type'"
        hint = f"add `type:` with one of {BLOCK_TYPES if 'blocks' in path else 'single, multiple, true_false, order, text, written'}"
    elif kind == "value_error":
        message = str(error["msg"]).removeprefix("Value error, ")
    else:
        message = error["msg"]
    spoken = spoken_path(path[:-1] if kind in ("missing", "extra_forbidden") else path, doc.data)
    return Finding(where, message, hint=hint, code=kind.replace("_", "-"), field=field, subject=spoken)


def _data_path(model: type[BaseModel], loc: tuple) -> tuple[tuple, Any]:
    """Turn pydantic's loc into a path through the YAML data, dropping union tags.

    Returns the path and the model class that holds the last step (for did-you-mean)."""
    path: list = []
    current: Any = model
    parent: Any = model
    for step in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            parent = current
            info = current.model_fields.get(step) if isinstance(step, str) else None
            path.append(step)
            current = info.annotation if info else None
            continue
        origin = typing.get_origin(current)
        if origin in (typing.Union, types.UnionType):
            members = [m for m in typing.get_args(current) if _tag_of(m) == step]
            if members:
                current = members[0]
                continue
        path.append(step)
        args = typing.get_args(current)
        current = args[-1] if origin in (list, dict) and args else None
    return tuple(path), parent


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) == 1:
                annotation = args[0]
            else:
                return annotation
        else:
            return annotation


def _tag_of(member: Any) -> str | None:
    field = getattr(member, "model_fields", {}).get("type")
    args = typing.get_args(field.annotation) if field else ()
    return args[0] if args else None


def _fields_of(model: Any) -> set[str]:
    return set(getattr(model, "model_fields", {}))


def _dotted(path: tuple) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def _slug(text: str) -> str:
    return id_form(text) or "my-lesson"
