"""`multiple`: select all that apply (checkboxes); full marks only for the exact set."""

from typing import Literal

from .base import ChoiceQuestion


class MultipleQuestion(ChoiceQuestion):
    type: Literal["multiple"]

    def problems(self):
        found = super().problems()
        if not any(o.correct for o in self.options):
            found.insert(0, (("options",), "a multiple question needs at least one correct option, found 0", "mark the right options with `correct: true`"))
        return found
