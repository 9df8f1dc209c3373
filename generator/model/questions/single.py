"""`single`: one right option among several (radio buttons)."""

from typing import Literal

from .base import ChoiceQuestion


class SingleQuestion(ChoiceQuestion):
    type: Literal["single"]

    def problems(self):
        return self._exactly_one_correct() + super().problems()
