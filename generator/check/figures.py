"""Figures (issue 23): sections naming a figure the course lacks, drawings that are missing or
unusable, labels the drawing asks for and the figure file does not give (or the other way
round), and alt text that says nothing the caption does not."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.check.locate import at, suggest
from generator.check.options import CheckOptions
from generator.errors import Finding, Severity, SourceLocation
from generator.load.figures import SVG_SUFFIX
from generator.model.course import Course
from generator.model.figure import Figure
from generator.site.figures import LABEL_ATTR, parse_drawing

_WORD = re.compile(r"\w+")


def check_figure_references(course: Course, options: CheckOptions) -> Iterator[Finding]:
    """Every `figure:` of a lesson section names a figure of the course."""
    broken = {stem for kind, stem in course.file_ids if kind == "figure"}  # a figure file that did not load: reported already
    for lesson in course.lessons.values():
        for i, section in enumerate(lesson.sections):
            if section.figure is not None and section.figure not in course.figures and section.figure not in broken:
                yield Finding(at(course, "lesson", lesson.id, ("sections", i, "figure")),
                              f"section '{section.heading}' shows figure '{section.figure}', which the course does not have",
                              hint=suggest(section.figure, course.figures, ids=True) or
                              f"add figures/{section.figure}.yml and figures/{section.figure}{SVG_SUFFIX}, or remove the line",
                              code="unresolved-reference", field=f"sections[{i}].figure")


def check_figure_drawings(course: Course, options: CheckOptions) -> Iterator[Finding]:
    """Each figure has a usable drawing, and the drawing and the figure file agree on its labels."""
    for figure in course.figures.values():
        yield from _drawing_findings(course, figure)


def check_figure_alt_text(course: Course, options: CheckOptions) -> Iterator[Finding]:
    """Alt text that is blank, or only repeats the caption (a screen reader would hear the
    caption twice and never learn what the drawing shows)."""
    for figure in course.figures.values():
        where = at(course, "figure", figure.id, ("alt",))
        alt_words = _WORD.findall(figure.alt.casefold())
        if not alt_words:
            yield Finding(where, f"figure '{figure.id}' has no alt text",
                          hint="say in a sentence or two what the drawing shows, for learners who cannot see it",
                          code="figure-alt", field="alt")
        elif figure.caption is not None and " ".join(alt_words) in " ".join(_WORD.findall(figure.caption.casefold())):
            yield Finding(where, f"the alt text of figure '{figure.id}' only repeats its caption",
                          hint="describe what the drawing shows (its parts and how they relate); the caption is read out as well",
                          code="figure-alt", field="alt", severity=Severity.WARNING)


def _drawing_findings(course: Course, figure: Figure) -> Iterator[Finding]:
    shown = course.file_ids.get(("figure", figure.id), f"figures/{figure.id}.yml")
    svg_file = shown.rsplit(".", 1)[0] + SVG_SUFFIX
    text = course.figure_svgs.get(figure.id)
    if text is None:
        yield Finding(at(course, "figure", figure.id, ("id",)), f"figure '{figure.id}' has no drawing: {svg_file} is missing or not UTF-8",
                      hint=f"draw it as SVG in {svg_file}, with <text {LABEL_ATTR}=\"...\"> for each label", code="missing-file")
        return
    drawing = parse_drawing(text)
    for line, message in drawing.problems:
        hint = ("close every tag (<circle ... />) and quote every attribute; the line named is where the reader gave up"
                if message.startswith("is not well-formed") else
                "draw with shapes and <text> only; colour with currentColor and the fig-* classes (README, figures)")
        yield Finding(SourceLocation(svg_file, line), f"the drawing {message}", hint=hint, code="figure-svg")
    if drawing.root is None:
        return
    asked = drawing.labels()
    given = figure.label_texts()
    for name, line in asked.items():
        if name not in given:
            yield Finding(SourceLocation(svg_file, line), f"the drawing asks for label '{name}', which {shown} does not give",
                          hint=f"add `- id: {name}` with its `text:` under `labels:` in {shown}", code="figure-label")
    for i, label in enumerate(figure.labels):
        if label.id not in asked:
            yield Finding(at(course, "figure", figure.id, ("labels", i, "id")),
                          f"label '{label.id}' is not drawn: {svg_file} has no <text {LABEL_ATTR}=\"{label.id}\">",
                          hint=suggest(label.id, asked) or "remove the label, or place it in the drawing",
                          code="figure-label", field=f"labels[{i}].id", severity=Severity.WARNING)
