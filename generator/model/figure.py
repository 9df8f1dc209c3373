"""Figures: illustrations the course draws as SVG, named by a lesson section (`figure: <id>`).

A figure is two files in `figures/`: `<id>.yml` (this model: its alt text, caption and the
words drawn inside it, all course text, translated like lessons) and `<id>.svg`, the
drawing, whose `<text data-label="...">` elements are filled with `labels` in the site's
language. Colours come from the site's stylesheet (classes `fig-brand`, `fig-good`,
`fig-warn`, `fig-caution`, `fig-muted` and `currentColor`), so one drawing serves both of
Material's schemes, every brand and print.
"""

from __future__ import annotations

from pydantic import Field

from generator.model.questions.base import Id, Strict, Text


class FigureLabel(Strict):
    """One word or phrase drawn inside the figure."""

    id: Id = Field(description="The `data-label` of the SVG `<text>` element it fills.")
    text: Text = Field(description="Plain text; a line break starts a new line of the label.")


class Figure(Strict):
    """An illustration (figures/<id>.yml beside figures/<id>.svg)."""

    id: Id
    alt: Text = Field(description="What the figure shows, for readers who cannot see it (WCAG 1.1.1): the "
                                  "relationship it draws, not its look; not a copy of the caption.")
    caption: Text | None = Field(None, description="Shown under the figure (plain text).")
    labels: list[FigureLabel] = Field(default_factory=list, description="The words drawn inside the SVG, by label id.")

    def label_texts(self) -> dict[str, str]:
        return {label.id: label.text for label in self.labels}
