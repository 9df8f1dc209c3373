"""`order`: put steps in the right order. Items are written in the correct order; the
page shows them shuffled (deterministically, so the source never lists the answer).
Each listed item carries its shown position as an opaque token (`data-value`); only the
encoded key says which token belongs where."""

import hashlib
from typing import Annotated, Literal

from pydantic import Field

from .base import QuestionBase, Text


class OrderQuestion(QuestionBase):
    type: Literal["order"]
    items: Annotated[list[Text], Field(min_length=2, max_length=12, description="The steps, in the correct order.")]
    feedback_correct: Text | None = None
    feedback_incorrect: Text | None = None

    def shown_order(self) -> list[int]:
        """Original indexes in the order the page lists them: never the answer itself."""
        n = len(self.items)
        seed = hashlib.sha256(self.id.encode()).digest()
        order = sorted(range(n), key=lambda i: hashlib.sha256(seed + bytes([i])).digest())
        if order == list(range(n)):
            order = order[1:] + order[:1]
        return order

    def item_key(self, index: int) -> str:
        """The stable identity of the step written at `index`: its text as written."""
        return self.items[index]

    def key(self, render):
        shown = self.shown_order()
        return super().key(render) | {
            "order": [shown.index(i) for i in range(len(self.items))],
            "feedback_correct": render(self.feedback_correct or ""),
            "feedback_incorrect": render(self.feedback_incorrect or ""),
        }

    def problems(self):
        found = []
        if len({" ".join(i.lower().split()) for i in self.items}) != len(self.items):
            found.append((("items",), "two items have the same text", "give every step a different text"))
        return found
