"""`coursegen new lesson ID`, `coursegen new quiz ID`, `coursegen new scenario ID` and
`coursegen new handout ID`: commented files that pass `coursegen check` as they are, linked
into the course. Their text is in templates/ (lesson.yml.j2, quiz.yml.j2, scenario.yml.j2,
handout.yml.j2).

course.yml and the lesson are changed by small text edits (one line added or
replaced), never by re-dumping the YAML, so the trainer's comments, quoting and order
stay as they wrote them. Each edit is read back before anything is written; if it would not
land where it should, nothing is written and the trainer is told what to add by hand.
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
from generator.source.document import SourceDocument, load_yaml, parse_text

if TYPE_CHECKING:
    from jinja2 import Environment

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class ScaffoldError(Refusal):
    """A request `new` cannot carry out; the message says what to do instead."""


@dataclass
class Created:
    files: list[str]  # shown paths, created or changed
    notes: list[str]


def new_lesson(paths: CoursePaths, lesson_id: str, title: str | None = None, module: str | None = None, *,
               new_module: bool = False) -> Created:
    """The lesson file, and its id added to the course order (to `module`, created at the end
    of `modules:` with `new_module`). Every check comes first: on a refusal nothing is written."""
    _valid_id(lesson_id, "lesson")
    file = paths.lessons_dir / f"{lesson_id}.yml"
    _not_there(paths, file, paths.lessons_dir / f"{lesson_id}.yaml")
    if new_module and not module:
        raise ScaffoldError('--new-module needs the module\'s title: `--module "Title" --new-module`')
    course = _course_doc(paths)
    course_text = _with_lesson(paths, course, lesson_id, module, new_module)
    text = lesson_text(lesson_id, title or _title_from(lesson_id), _modeline(paths, file, "lesson"),
                       other=_other_lesson(paths, course.data, lesson_id))
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    changed = [paths.show(file)]
    notes = []
    if course_text is not None:
        paths.course_file.write_text(course_text, encoding="utf-8")
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
    edit: tuple[Path, str] | None = None  # the file that names the quiz, checked before anything is written
    if final:
        if not course.data.get("final_quiz"):
            edit = paths.course_file, _checked(_set_top_level(course.text, "final_quiz", quiz_id), paths.course_file.name,
                                               lambda data: data.get("final_quiz") == quiz_id, f"`final_quiz: {quiz_id}`")
    elif not lesson_doc.data.get("quiz"):
        lesson_file = Path(paths.root) / lesson_doc.file
        edit = lesson_file, _checked(_set_top_level(lesson_doc.text, "quiz", quiz_id), lesson_file.name,
                                     lambda data: data.get("quiz") == quiz_id, f"`quiz: {quiz_id}`")
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    changed = [paths.show(file)]
    if edit:
        edit[0].write_text(edit[1], encoding="utf-8")
        changed.append(paths.show(edit[0]))
    return Created(changed, [])


def new_scenario(paths: CoursePaths, scenario_id: str, lesson_id: str | None) -> Created:
    """A branching scenario for `lesson_id`, practising its first objective; it names its
    lesson, so no other file changes. Passes `check --strict` as written."""
    _valid_id(scenario_id, "scenario")
    if not lesson_id:
        raise ScaffoldError(f"say which lesson shows the scenario: `coursegen new scenario {scenario_id} --lesson LESSON-ID`")
    file = paths.scenarios_dir / f"{scenario_id}.yml"
    _not_there(paths, file, paths.scenarios_dir / f"{scenario_id}.yaml")
    objectives = [o["id"] for o in _lesson_doc(paths, lesson_id).data.get("objectives") or [] if isinstance(o, dict) and o.get("id")]
    text = render("scenario.yml.j2", scenario_id=scenario_id, lesson_id=lesson_id, objective=objectives[0] if objectives else None,
                  modeline=_modeline(paths, file, "scenario"))
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return Created([paths.show(file)], [])


def new_handout(paths: CoursePaths, handout_id: str, title: str | None = None) -> Created:
    """A handout file, and its id added to course.yml's `handouts:` (the list created when
    there is none). Every check comes first: on a refusal nothing is written."""
    _valid_id(handout_id, "handout")
    file = paths.handouts_dir / f"{handout_id}.yml"
    _not_there(paths, file, paths.handouts_dir / f"{handout_id}.yaml")
    course = _course_doc(paths)
    listed = course.data.get("handouts")
    shown = paths.show(paths.course_file)
    course_text = None
    if not isinstance(listed, list) or handout_id not in listed:
        text = _append_item(course, ("handouts",), handout_id) if listed is not None else \
            _set_top_level(course.text, "handouts", f"[{handout_id}]")
        course_text = _checked(text, shown, lambda d: handout_id in (d.get("handouts") or []), f"`handouts: [{handout_id}]`")
    text = render("handout.yml.j2", handout_id=handout_id, title=title or _title_from(handout_id),
                  modeline=_modeline(paths, file, "handout"))
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    changed = [paths.show(file)]
    if course_text is not None:
        paths.course_file.write_text(course_text, encoding="utf-8")
        changed.append(shown)
    return Created(changed, [] if course_text is not None else [f"'{handout_id}' was already under handouts:"])


# --- file texts --------------------------------------------------------------------------


def lesson_text(lesson_id: str, title: str, modeline: str = "", *, other: tuple[str, str] | None = None,
                quiz: str | None = None) -> str:
    """`other`: (id, title) of a lesson in the course, the example of a link (none in a new
    course); `quiz`: the quiz the lesson names (else a comment says how to add one)."""
    return render("lesson.yml.j2", lesson_id=lesson_id, title=title, modeline=modeline, other=other, quiz=quiz)


def quiz_text(quiz_id: str, lesson_id: str | None, objectives: list[str], *, final: bool, count: int, modeline: str = "") -> str:
    """`count` questions, each assessing the next objective in turn."""
    return render("quiz.yml.j2", quiz_id=quiz_id, lesson_id=lesson_id, final=final, modeline=modeline,
                   objectives=[objectives[n % len(objectives)] for n in range(count)])


@cache
def _templates() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined  # here: `coursegen check` imports this module, and stays lean

    env = Environment(loader=PackageLoader("generator.scaffold", "templates"), autoescape=False, undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["quoted"] = _quote
    env.filters["title_from"] = _title_from
    return env


def render(name: str, **values: object) -> str:
    return _templates().get_template(name).render(**values)


# --- small text edits ------------------------------------------------------------------------


def _with_lesson(paths: CoursePaths, course: SourceDocument, lesson_id: str, module: str | None, new_module: bool) -> str | None:
    """course.yml's text with `lesson_id` added to the order (None: it is there already),
    checked by reading it back; a ScaffoldError when it cannot be, before anything is written."""
    data = course.data
    if lesson_id in _lesson_order(data):
        return None
    shown = paths.show(paths.course_file)
    if data.get("modules") is not None:
        modules = data["modules"] if isinstance(data["modules"], list) else []
        titles = [m.get("title") for m in modules if isinstance(m, dict)]
        if module is not None and module not in titles:
            if not new_module:
                raise ScaffoldError(f"no module titled '{module}' in {shown}; modules: {', '.join(map(str, titles))} "
                                    f"(add --new-module to create it at the end of `modules:`)")
            text = _append_module(course, module, lesson_id)
            return _checked(text, shown, lambda d: (d.get("modules") or [None])[-1] == {"title": module, "lessons": [lesson_id]},
                            f'`- title: "{module}"` with `lessons: [{lesson_id}]` at the end of `modules:`')
        index = len(modules) - 1 if module is None else titles.index(module)
        if index < 0:
            raise ScaffoldError(f'{shown} has `modules:` but none yet: add one with `--module "Title" --new-module`')
        path: tuple[str | int, ...] = ("modules", index, "lessons")
    else:
        if module is not None:
            raise ScaffoldError(f"the course lists `lessons:` without modules ({shown}): leave out --module, "
                                "or replace `lessons:` with `modules:` (README.md, 'Content format')")
        path = ("lessons",)
    return _checked(_append_item(course, path, lesson_id), shown, lambda d: lesson_id in _lesson_order(d),
                    f"`- {lesson_id}` under lessons:")


def _append_module(doc: SourceDocument, title: str, lesson_id: str) -> str:
    """The document's text with a module `title` holding `lesson_id` added after the last
    module of a block list (`modules:` then `  - title: ...` lines)."""
    lines = doc.text.split("\n")
    modules = doc.data["modules"]
    if not modules:  # `modules: []`: _checked refuses the unchanged text
        return doc.text
    line, col = doc.value_marks[("modules", len(modules) - 1)]
    before = lines[line - 1][: col - 1]
    if not before.rstrip().endswith("-"):  # a flow list: [{title: ..., lessons: [...]}]; _checked refuses the result
        return doc.text
    dash = len(before.rstrip()) - 1
    end = line  # the last line of the last module: deeper than its dash, comments and blank lines aside
    for number in range(line + 1, len(lines) + 1):
        text = lines[number - 1]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if len(text) - len(text.lstrip()) <= dash:
            break
        end = number
    item = " " * dash + "- "
    lines[end:end] = [f"{item}title: {_quote(title)}", " " * len(item) + f"lessons: [{lesson_id}]"]
    return "\n".join(lines)


def _other_lesson(paths: CoursePaths, data: dict, lesson_id: str) -> tuple[str, str] | None:
    """(id, title) of the first other lesson in the order with a readable file, for the example link."""
    for other in _lesson_order(data):
        if other == lesson_id:
            continue
        try:
            title = _lesson_doc(paths, other).data.get("title")
        except ScaffoldError:
            continue
        if isinstance(title, str) and not re.search(r"[`\[\]\n]", title):
            return other, title
    return None


def _append_item(doc: SourceDocument, path: tuple, item: str) -> str:
    """The document's text with `item` added at the end of the list at `path`."""
    lines = doc.text.split("\n")
    items = _get(doc.data, path)
    if items is not None and not isinstance(items, list):  # `handouts: planner`: not a list to add to
        line, _ = doc.value_marks.get(path, doc.key_marks.get(path, (0, 0)))
        key = path[-1]
        raise ScaffoldError(f"{doc.file}:{line}: `{key}:` is not a list; nothing was changed. "
                            f"Write it as a list, e.g. `{key}: [{item}]`, then run the command again")
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


def _checked(text: str, display: str, ok, what: str) -> str:
    """`text` when it reads back as YAML and `ok(data)`; else a ScaffoldError saying what to add by hand."""
    doc, problems = parse_text(text, display)
    if doc is None or any(p.is_error for p in problems) or not isinstance(doc.data, dict) or not ok(doc.data):
        raise ScaffoldError(f"could not edit {Path(display).name} safely; add {what} to it by hand")
    return text


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
