"""`true_false`: a statement to judge; two options, one correct."""

from typing import Annotated, Literal

from pydantic import Field

from .base import ChoiceQuestion, Option


class TrueFalseQuestion(ChoiceQuestion):
    type: Literal["true_false"]
    options: Annotated[list[Option], Field(min_length=2, max_length=2)]

    def problems(self):
        return self._exactly_one_correct() + super().problems()
