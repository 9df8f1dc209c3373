"""JSON Schemas for course, lesson, quiz, scenario, dialogue and handout files, generated from the pydantic models.

The schemas let an editor (VS Code with the YAML extension, through the
`# yaml-language-server: $schema=...` line at the top of each file, or
.vscode/settings.json) complete field names and flag mistakes as a trainer types.
They are committed under schemas/ and a test fails when the models change without
them: regenerate with `python -m generator.model.schema`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from generator.model.brand import Brand
from generator.model.course import CourseSettings, Lesson, Quiz
from generator.model.dialogue import Dialogue
from generator.model.figure import Figure
from generator.model.handout import Handout
from generator.model.scenario import Scenario

SCHEMAS: dict[str, tuple[type[BaseModel], str, str]] = {
    "course.schema.json": (CourseSettings, "Course settings", "course/course.yml: the course's title, language, pass mark and lesson order."),
    "lesson.schema.json": (Lesson, "Lesson", "course/lessons/<id>.yml: one lesson's sections, objectives and reflection prompts."),
    "quiz.schema.json": (Quiz, "Quiz", "quizzes/<id>.yml: a lesson's practice quiz or the final assessment."),
    "scenario.schema.json": (Scenario, "Scenario", "scenarios/<id>.yml: a branching role-play conversation shown after a lesson's quiz."),
    "dialogue.schema.json": (Dialogue, "Dialogue", "dialogues/<id>.yml: an annotated call transcript, its marked moments "
                                                   "explained, linked from the lesson it illustrates."),
    "figure.schema.json": (Figure, "Figure", "figures/<id>.yml: an illustration's alt text, caption and the labels drawn in figures/<id>.svg."),
    "handout.schema.json": (Handout, "Handout", "handouts/<id>.yml: a printable page (planner, phrase bank, rubric) listed in course.yml `handouts:`."),
    "brand.schema.json": (Brand, "Brand", "brands/<name>/brand.yml: a firm's name, logo, colours, contact, language and course overlay."),
}
DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "schemas"


def schema_for(model: type[BaseModel], title: str, description: str) -> dict:
    schema = model.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": title, "description": description}


def render_all() -> dict[str, str]:
    """Each schema file's name and its exact text (stable: sorted keys, a final newline)."""
    return {
        name: json.dumps(schema_for(model, title, description), indent=2, ensure_ascii=False) + "\n"
        for name, (model, title, description) in SCHEMAS.items()
    }


def write_all(folder: Path = DEFAULT_FOLDER) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_all().items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    folder = Path(argv[0]) if argv else DEFAULT_FOLDER
    written = write_all(folder)
    for path in written:
        print(f"wrote {path}")
    if not written:
        print(f"{folder}: schemas already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
