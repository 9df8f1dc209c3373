"""What the quiz-bank tests share: the courses every format must export (the bundled
course, both brands, the quiz fixture and a hostile quiz), exporting one through the
real command line, and comparing exported text with the source as a learner reads it."""

from __future__ import annotations

import html
import re
from pathlib import Path

import lxml.html
import markdown
from conftest import ROOT, coursegen

from generator.check.pipeline import prepare_project
from generator.load.settings import read_settings
from generator.model.course import Course
from generator.site.markup import QuizMarkdown

# name -> (project folder, brand)
COURSES = {
    "bundled": (ROOT, None),
    "harbor": (ROOT, "harbor"),
    "nordlicht": (ROOT, "nordlicht"),
    "quizcourse": (ROOT / "tests" / "fixtures" / "quizcourse", None),
    "hostile": (ROOT / "tests" / "fixtures" / "hostilequiz", None),
}
SUFFIX = {"gift": ".gift", "moodle-xml": ".xml", "qti12": ".zip"}
_RENDER = QuizMarkdown()


def load(name: str) -> Course:
    """The course as the export sees it: checked, merged with its brand."""
    project, brand = COURSES[name]
    course = prepare_project(read_settings(project / "mkdocs.yml"), brand=brand).course
    assert course is not None
    return course


def export(name: str, fmt: str, folder: Path) -> tuple[Path, str]:
    """Export course `name` in `fmt` into `folder` with `coursegen export`; the file and the warnings printed."""
    project, brand = COURSES[name]
    out = folder / f"{name}-bank"
    result = coursegen("-f", str(project / "mkdocs.yml"), "export", "--format", fmt, str(out), *(["--brand", brand] if brand else []))
    assert result.returncode == 0, result.stderr
    path = out.with_suffix(SUFFIX[fmt])
    assert path.is_file(), result.stderr
    return path, result.stderr


def stem(question) -> str:
    return "\n\n".join(p.strip() for p in (question.scenario, question.prompt) if p and p.strip())


def words(html_text: str) -> str:
    """The text a reader sees in an HTML fragment, whitespace runs as one space."""
    if not html_text.strip():
        return ""
    return " ".join(lxml.html.fragment_fromstring(html_text, create_parent="div").text_content().split())


def shown(markdown_text: str | None) -> str:
    """What a learner reads of quiz Markdown on the course's own pages."""
    return words(_RENDER.block(markdown_text or ""))


def executable(html_text: str) -> list[str]:
    """Whatever in an HTML fragment a browser would run: script-like elements, event
    handlers, script addresses. Empty when it is inert."""
    found = []
    root = lxml.html.fragment_fromstring(html_text or "<p></p>", create_parent="div")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in ("script", "iframe", "object", "embed", "style"):
            found.append(f"<{element.tag}>")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"{name}=")
            address = re.sub(r"[\x00-\x20]", "", html.unescape(value)).lower()  # as a browser reads it, entities decoded
            if address.startswith(("javascript:", "vbscript:", "data:text/html")):
                found.append(f"{name}={value}")
    return found


def markdown_as_html(text: str) -> str:
    """Markdown rendered as a platform would (raw HTML passed through): for the executable check."""
    return markdown.markdown(text)
