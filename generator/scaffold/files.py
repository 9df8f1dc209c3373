"""`coursegen new lesson ID` and `coursegen new quiz ID`: commented files that pass
`coursegen check` as they are, linked into the course. Their text is in templates/
(lesson.yml.j2, quiz.yml.j2).

course.yml and the lesson are changed by small text edits (one line added or
replaced), never by re-dumping the YAML, so the trainer's comments, quoting and order
stay as they wrote them. Each edit is re-read afterwards; if it did not land where it
should, the file is put back and the trainer is told what to add by hand.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import Refusal
from generator.load.course import CoursePaths
from generator.source.document import SourceDocument, load_yaml

if TYPE_CHECKING:
    from jinja2 import Environment

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class ScaffoldError(Refusal):
    """A request `new` cannot carry out; the message says what to do instead."""


@dataclass
class Created:
    files: list[str]  # shown paths, created or changed
    notes: list[str]


def new_lesson(paths: CoursePaths, lesson_id: str, title: str | None = None, module: str | None = None) -> Created:
    _valid_id(lesson_id, "lesson")
    file = paths.lessons_dir / f"{lesson_id}.yml"
    _not_there(paths, file, paths.lessons_dir / f"{lesson_id}.yaml")
    course = _course_doc(paths)
    text = lesson_text(lesson_id, title or _title_from(lesson_id), _modeline(paths, file, "lesson"))
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    changed = [paths.show(file)]
    notes = []
    if _add_to_order(paths, course, lesson_id, module):
        changed.append(paths.show(paths.course_file))
    else:
        notes.append(f"'{lesson_id}' was already in the course order")
    return Created(changed, notes)


def new_quiz(paths: CoursePaths, quiz_id: str, lesson_id: str | None = None, *, final: bool = False, min_questions: int = 1) -> Created:
    _valid_id(quiz_id, "quiz")
    file = paths.quizzes_dir / f"{quiz_id}.yml"
    _not_there(paths, file, paths.quizzes_dir / f"{quiz_id}.yaml")
    course = _course_doc(paths)
    if final:
        current = course.data.get("final_quiz")
        if current and current != quiz_id:
            raise ScaffoldError(f"the course already has a final quiz, '{current}' (final_quiz in {paths.show(paths.course_file)})")
        objectives = [obj for lid in _lesson_order(course.data) for obj in _objectives(paths, lid)[:1]]
        if not objectives:
            raise ScaffoldError("no lesson in the course order has objectives yet: add lessons with objectives first")
    else:
        lesson_id = lesson_id or (quiz_id.removesuffix("-quiz") if quiz_id.endswith("-quiz") else None)
        if not lesson_id:
            raise ScaffoldError(f"say which lesson the quiz checks: `coursegen new quiz {quiz_id} --lesson LESSON-ID`")
        lesson_doc = _lesson_doc(paths, lesson_id)
        current = lesson_doc.data.get("quiz")
        if current and current != quiz_id:
            raise ScaffoldError(f"lesson '{lesson_id}' already has quiz '{current}'")
        objectives = [o["id"] for o in lesson_doc.data.get("objectives") or [] if isinstance(o, dict) and o.get("id")]
        if not objectives:
            raise ScaffoldError(f"lesson '{lesson_id}' has no objectives: each question assesses one, so add an objective first")
    text = quiz_text(quiz_id, lesson_id, objectives, final=final, count=max(len(objectives), min_questions, 1),
                     modeline=_modeline(paths, file, "quiz"))
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    changed = [paths.show(file)]
    if final:
        if not course.data.get("final_quiz"):
            _edit_checked(paths.course_file, _set_top_level(course.text, "final_quiz", quiz_id),
                          lambda data: data.get("final_quiz") == quiz_id, f"`final_quiz: {quiz_id}`")
            changed.append(paths.show(paths.course_file))
    elif not lesson_doc.data.get("quiz"):
        lesson_file = Path(paths.root) / lesson_doc.file
        _edit_checked(lesson_file, _set_top_level(lesson_doc.text, "quiz", quiz_id),
                      lambda data: data.get("quiz") == quiz_id, f"`quiz: {quiz_id}`")
        changed.append(lesson_doc.file)
    return Created(changed, [])


# --- file texts --------------------------------------------------------------------------


def lesson_text(lesson_id: str, title: str, modeline: str = "") -> str:
    return _render("lesson.yml.j2", lesson_id=lesson_id, title=title, modeline=modeline)


def quiz_text(quiz_id: str, lesson_id: str | None, objectives: list[str], *, final: bool, count: int, modeline: str = "") -> str:
    """`count` questions, each assessing the next objective in turn."""
    return _render("quiz.yml.j2", quiz_id=quiz_id, lesson_id=lesson_id, final=final, modeline=modeline,
                   objectives=[objectives[n % len(objectives)] for n in range(count)])


@cache
def _templates() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined  # here: `coursegen check` imports this module, and stays lean

    env = Environment(loader=PackageLoader("generator.scaffold", "templates"), autoescape=False, undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["quoted"] = _quote
    env.filters["title_from"] = _title_from
    return env


def _render(name: str, **values: object) -> str:
    return _templates().get_template(name).render(**values)


# --- small text edits ------------------------------------------------------------------------


def _add_to_order(paths: CoursePaths, course: SourceDocument, lesson_id: str, module: str | None) -> bool:
    data = course.data
    if lesson_id in _lesson_order(data):
        return False
    if data.get("modules") is not None:
        modules = data["modules"] if isinstance(data["modules"], list) else []
        titles = [m.get("title") for m in modules if isinstance(m, dict)]
        index = len(modules) - 1 if module is None else (titles.index(module) if module in titles else -1)
        if index < 0:
            raise ScaffoldError(f"no module titled '{module}' in {paths.show(paths.course_file)}; modules: {', '.join(map(str, titles))}")
        path: tuple[str | int, ...] = ("modules", index, "lessons")
    else:
        if module is not None:
            raise ScaffoldError("the course has no modules: leave out --module")
        path = ("lessons",)
    text = _append_item(course, path, lesson_id)
    _edit_checked(paths.course_file, text, lambda d: lesson_id in _lesson_order(d), f"`- {lesson_id}` under lessons:")
    return True


def _append_item(doc: SourceDocument, path: tuple, item: str) -> str:
    """The document's text with `item` added at the end of the list at `path`."""
    lines = doc.text.split("\n")
    items = _get(doc.data, path)
    if items:
        line, col = doc.value_marks[path + (len(items) - 1,)]
        current = lines[line - 1]
        before = current[: col - 1]
        if before.rstrip().endswith(("[", ",")):  # a flow list: [a, b]
            end = col - 1 + len(_scalar_source(current[col - 1:]))
            lines[line - 1] = current[:end] + f", {item}" + current[end:]
        else:  # a block list: copy the last item's "  - " prefix
            lines.insert(line, before + item)
        return "\n".join(lines)
    line, col = doc.value_marks.get(path, (0, 0))
    key_line, _ = doc.key_marks[path]
    current = lines[key_line - 1]
    if "[]" in current:
        lines[key_line - 1] = current.replace("[]", f"[{item}]", 1)
    else:  # `lessons:` with nothing after it
        lines[key_line - 1] = re.sub(r"^(\s*\S+:)\s*(#.*)?$", lambda m: f"{m.group(1)} [{item}]" + (f"  {m.group(2)}" if m.group(2) else ""), current)
    return "\n".join(lines)


def _scalar_source(rest: str) -> str:
    if rest[:1] in "\"'":
        end = rest.find(rest[0], 1)
        return rest[: end + 1]
    match = re.match(r"[^,\]\s#]*", rest)  # never None: the pattern matches the empty string
    return match.group(0) if match else ""


def _set_top_level(text: str, key: str, value: str) -> str:
    """Set `key: value` at the top level: fill a commented-out `# key:` line, else append."""
    commented = re.compile(rf"^#\s*{re.escape(key)}:.*$", re.MULTILINE)
    if commented.search(text):
        return commented.sub(f"{key}: {value}", text, count=1)
    return text.rstrip("\n") + f"\n{key}: {value}\n"


def _edit_checked(file: Path, text: str, ok, what: str) -> None:
    before = file.read_text(encoding="utf-8")
    file.write_text(text, encoding="utf-8")
    doc, problems = load_yaml(file, file.name)
    if doc is None or any(p.is_error for p in problems) or not isinstance(doc.data, dict) or not ok(doc.data):
        file.write_text(before, encoding="utf-8")
        raise ScaffoldError(f"could not edit {file.name} safely; add {what} to it by hand")


# --- reading -------------------------------------------------------------------------------


def _course_doc(paths: CoursePaths) -> SourceDocument:
    doc, problems = load_yaml(paths.course_file, paths.show(paths.course_file))
    if doc is None or not isinstance(doc.data, dict):
        where = problems[0].one_line() if problems else paths.show(paths.course_file)
        raise ScaffoldError(f"cannot read the course settings: {where}")
    return doc


def _lesson_doc(paths: CoursePaths, lesson_id: str) -> SourceDocument:
    for suffix in (".yml", ".yaml"):
        file = paths.lessons_dir / f"{lesson_id}{suffix}"
        if file.is_file():
            doc, problems = load_yaml(file, paths.show(file))
            if doc is None or not isinstance(doc.data, dict):
                raise ScaffoldError(f"cannot read lesson '{lesson_id}': {problems[0].one_line() if problems else paths.show(file)}")
            return doc
    raise ScaffoldError(f"there is no lesson '{lesson_id}' ({paths.show(paths.lessons_dir)}/{lesson_id}.yml); "
                        f"create it with `coursegen new lesson {lesson_id}`, or pass --lesson")


def _objectives(paths: CoursePaths, lesson_id: str) -> list[str]:
    try:
        doc = _lesson_doc(paths, lesson_id)
    except ScaffoldError:
        return []
    return [o["id"] for o in doc.data.get("objectives") or [] if isinstance(o, dict) and o.get("id")]


def _lesson_order(data: dict) -> list[str]:
    if isinstance(data.get("modules"), list):
        return [lid for m in data["modules"] if isinstance(m, dict) for lid in m.get("lessons") or []]
    return list(data.get("lessons") or []) if isinstance(data.get("lessons"), list) else []


def _get(data, path: tuple):
    for step in path:
        data = data[step] if data is not None else None
    return data


def _valid_id(ident: str, kind: str) -> None:
    if not _ID.match(ident) or len(ident) > 80:
        slug = re.sub(r"[^a-z0-9]+", "-", ident.lower()).strip("-") or f"my-{kind}"
        raise ScaffoldError(f"'{ident}' is not a valid {kind} id: use lowercase letters, digits and hyphens, e.g. {slug}")


def _not_there(paths: CoursePaths, *files: Path) -> None:
    for file in files:
        if file.exists():
            raise ScaffoldError(f"{paths.show(file)} already exists; pick another id or edit that file")


def _modeline(paths: CoursePaths, file: Path, kind: str) -> str:
    """The editor's schema line, when the project has schemas/ (as this repository does)."""
    schema = Path(paths.root) / "schemas" / f"{kind}.schema.json"
    if not schema.is_file():
        return ""
    return f"# yaml-language-server: $schema={Path(os.path.relpath(schema, file.parent)).as_posix()}\n"


def _title_from(ident: str) -> str:
    words = ident.replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
