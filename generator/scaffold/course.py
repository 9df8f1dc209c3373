"""`coursegen new course DIR`: a complete, minimal project that `coursegen check --strict`
and `coursegen build` pass as written. Its files are templates in templates/course/ (and
the lesson and quiz templates `new lesson` and `new quiz` use); the editor's JSON Schemas
are written from the models (model/schema.py), so they match the installed generator.

Everything is rendered and checked first, then written: a refusal writes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from generator.scaffold.files import Created, ScaffoldError, lesson_text, quiz_text, render

LESSON_ID, MODULE = "welcome", "Getting started"


def new_course(folder: Path, title: str | None = None, language: str = "en") -> Created:
    """Write a new project into `folder` (new, or an empty folder)."""
    from generator.i18n import languages
    from generator.model.schema import render_all

    _usable(folder)
    title = title if title is not None else _title_from_folder(folder)
    if not title.strip() or "\n" in title or len(title) > 200:
        raise ScaffoldError("give the course a title of one line (at most 200 characters): --title \"Negotiation basics\"")
    if language not in languages():
        raise ScaffoldError(f"there are no interface strings for language '{language}'; use one of {', '.join(languages())} "
                            "(--language de)")
    quiz_id = f"{LESSON_ID}-quiz"
    values = {"title": title, "language": language, "languages": languages(), "course_id": course_id(title, folder),
              "module": MODULE, "lesson_id": LESSON_ID}
    files = {
        "mkdocs.yml": render("course/mkdocs.yml.j2", **values),
        "course/course.yml": render("course/course.yml.j2", **values, modeline=_schema_line("..", "course")),
        f"course/lessons/{LESSON_ID}.yml": lesson_text(LESSON_ID, "Welcome", _schema_line("../..", "lesson"), quiz=quiz_id),
        f"quizzes/{quiz_id}.yml": quiz_text(quiz_id, LESSON_ID, [f"{LESSON_ID}-1"], final=False, count=1,
                                            modeline=_schema_line("..", "quiz")),
        **{f"schemas/{name}": text for name, text in render_all().items()},
        ".vscode/settings.json": render("course/vscode-settings.json.j2"),
        ".gitignore": render("course/gitignore.j2"),
        "README.md": render("course/README.md.j2", **values),
    }
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Created(list(files), [])


def course_id(title: str, folder: Path) -> str:
    """A course id from the title (else the folder's name): lowercase letters, digits, hyphens."""
    for name in (title, folder.resolve().name):
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()  # é -> e
        slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-")
        if slug:
            return slug
    return "my-course"


def _usable(folder: Path) -> None:
    if folder.is_symlink() and not folder.exists():
        raise ScaffoldError(f"{folder} is a broken symbolic link; pick a new or empty folder")
    if folder.exists() and not folder.is_dir():
        raise ScaffoldError(f"{folder} is a file, not a folder; pick a new or empty folder for the course")
    if folder.is_dir():
        entries = sorted(entry.name for entry in folder.iterdir())
        if entries:
            shown = ", ".join(entries[:3]) + (", ..." if len(entries) > 3 else "")
            raise ScaffoldError(f"{folder} is not empty (it holds {shown}); nothing was written: "
                                "pick a new or empty folder for the course")


def _title_from_folder(folder: Path) -> str:
    words = re.sub(r"[-_]+", " ", folder.resolve().name).strip()
    return (words[:1].upper() + words[1:]) if words else "My course"


def _schema_line(up: str, kind: str) -> str:
    return f"# yaml-language-server: $schema={up}/schemas/{kind}.schema.json\n"
