"""`written`: the learner writes an answer, then compares it with a model answer and rates it
against a checklist (issue 23: objectives that describe understanding, not behaviour).

Self-assessment cannot grade, so a written question carries no points: it never counts
toward a quiz's score or pass mark, never blocks submitting, and the guessing simulation
and the item-writing rules leave it out (`scored` is False). The learner's text and
self-rating (points of the checklist ticked) are kept with saved progress and in the
results summary. Its browser half is generator/site/assets/written/written.js, served
alone as `written.js` on pages with a written question.
"""

from typing import Annotated, ClassVar, Literal

from pydantic import Field, field_validator

from .base import Problem, QuestionBase, Text


class WrittenQuestion(QuestionBase):
    type: Literal["written"]
    scored: ClassVar[bool] = False
    model_answer: Text = Field(description="One good answer (Markdown), shown once the learner has written theirs.")
    checklist: Annotated[list[Text], Field(min_length=2, max_length=6, description=(
        "2-6 points a good answer covers; the learner ticks those their own answer covers (a self-rating)."))]
    points: int = Field(0, description="None: a written question carries no points (self-assessment cannot grade).")
    hints: list[Text] = Field(default_factory=list, description="None: a written question's model answer is its help.")

    @field_validator("points")
    @classmethod
    def _no_points(cls, value: int) -> int:
        if value:
            raise ValueError("a written question carries no points (the learner rates their own answer, which cannot "
                             "grade): remove `points:`")
        return value

    @field_validator("hints")
    @classmethod
    def _no_hints(cls, value: list[str]) -> list[str]:
        if value:
            raise ValueError("a written question takes no hints: its model answer, shown after writing, is the help; "
                             "remove `hints:`")
        return value

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        seen: dict[str, int] = {}
        for i, point in enumerate(self.checklist):
            norm = " ".join(point.lower().split())
            if norm in seen:
                found.append((("checklist", i), f"checklist point {i + 1} repeats point {seen[norm] + 1}: '{point}'",
                              "give every checklist point a different text"))
            seen.setdefault(norm, i)
        return found
