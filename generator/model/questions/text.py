"""`text`: a short typed answer, checked against accepted answers (case and spacing forgiven)."""

from typing import Annotated, Literal

from pydantic import Field

from .base import QuestionBase, Text


def normalise(answer: str) -> str:
    return " ".join(answer.casefold().split())


class TextQuestion(QuestionBase):
    type: Literal["text"]
    answers: Annotated[list[Text], Field(min_length=1, max_length=30, description="Accepted answers.")]
    feedback_correct: Text | None = None
    feedback_incorrect: Text | None = None

    def key(self, render):
        return super().key(render) | {
            "answers": sorted({normalise(a) for a in self.answers}),
            "feedback_correct": render(self.feedback_correct or ""),
            "feedback_incorrect": render(self.feedback_incorrect or ""),
        }
