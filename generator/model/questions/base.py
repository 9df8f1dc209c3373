"""What every question type shares, and the pieces choice questions have in common.

A question type is one module in this package: a pydantic model with a `type` literal,
`key()` (the answer data the browser decodes only when the learner checks) and
`problems()` (type-specific integrity findings, as (field path, message, hint)).
Its browser half is generator/site/assets/quiz/types/<type>.js.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
ID_MAX_LENGTH = 80
Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH),
    Field(description="Lowercase letters, digits and hyphens, e.g. `rapport-trap`."),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]


def is_id(text: str) -> bool:
    return len(text) <= ID_MAX_LENGTH and re.fullmatch(ID_PATTERN, text) is not None


def id_form(text: str) -> str:
    """The valid id closest to `text`: `Stay Calm!` -> `stay-calm`."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:ID_MAX_LENGTH].strip("-")


Problem = tuple[tuple, str, str]  # (path inside the question, message, hint)


class Strict(BaseModel):
    """Base of every content model: a misspelt key is an error, never ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


Channel = Literal["in-person", "phone", "video", "email", "chat"]


class Setting(Strict):
    """Where a question's situation is set: metadata for the trainer, never shown to learners.

    The content metrics (docs/content_metrics.py) count channels, markets and industries per
    quiz, so that a course can show its questions are set in new situations, not the lesson's.
    """

    channel: Channel = Field(description="How buyer and seller meet: in-person, phone, video, email or chat.")
    market: Literal["b2b", "b2c"] = Field(description="`b2b`: the buyer buys for a firm; `b2c`: for themselves.")
    industry: Annotated[str, StringConstraints(min_length=1, max_length=80)] = Field(
        description="The buyer's trade in a few words, e.g. `dental practice`, `logistics`.")


class QuestionBase(Strict):
    if TYPE_CHECKING:  # each question type declares it as a Literal (the union's tag); not a field here
        type: str
    # False: the question carries no points (`written`): left out of the score, the pass mark,
    # `draw`, the guessing simulation and the item-writing rules
    scored: ClassVar[bool] = True
    id: Id
    objective: Id = Field(description="Id of the lesson objective this question assesses.")
    prompt: Text = Field(description="The question itself (Markdown).")
    scenario: Text | None = Field(None, description="A short situation shown before the prompt (Markdown).")
    explanation: Text | None = Field(None, description="Shown after answering: why the answer is right.")
    points: Annotated[int, Field(ge=1, le=100)] = Field(1, description="Points for a fully right answer.")
    hints: list[Text] = Field(default_factory=list, description="Progressive hints, shown one at a time.")
    setting: Setting | None = Field(None, description="Where the situation is set (channel, market, industry): "
                                                      "for the content metrics, not shown to learners.")

    def key(self, render) -> dict[str, Any]:
        """Answer data for the runtime; `render` turns quiz Markdown into safe HTML."""
        return {"explanation": render(self.explanation or "")}

    def hint_html(self, render) -> list[str]:
        """Hints ship encoded apart from the key: showing one never decodes the answer."""
        return [render(h) for h in self.hints]

    def problems(self) -> list[Problem]:
        return []

    def fingerprint(self) -> str:
        """8 hex digits that change when what the learner answers changes: type, scenario, prompt,
        options (identity, text, which are right), steps, accepted answers or checklist. Feedback, hints,
        explanation, points and a model answer may change without it. The runtime stores it with each answer and
        does not replay an answer to a question whose fingerprint differs (issue 15)."""
        kept = self.model_dump(exclude={"id", "objective", "explanation", "points", "hints", "setting", "feedback_correct",
                                        "feedback_incorrect", "model_answer"})
        for option in kept.get("options", []):
            option.pop("feedback", None)
            option.pop("fixed", None)
        text = json.dumps(kept, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


class Option(Strict):
    id: Id | None = Field(None, description="A stable identity for this option: saved answers and results "
                                            "summaries name it by this id, else by its text.")
    text: Text = Field(description="The option as the learner sees it (Markdown, one line).")
    fixed: bool = Field(False, description="true keeps this option in its written place when the quiz is "
                                           "shuffled (e.g. 'None of the above').")
    correct: bool = Field(False, description="true on the right option(s).")
    feedback: Text | None = Field(None, description="Why this option is right or wrong; shown when chosen.")


class ChoiceQuestion(QuestionBase):
    options: Annotated[list[Option], Field(min_length=2, max_length=12)]

    def option_keys(self) -> list[str]:
        """Each option's stable identity, as saved answers and results summaries name it: its
        `id:`, else its text as written (so it keeps its identity when others are added or moved)."""
        return [o.id or o.text for o in self.options]

    def key(self, render) -> dict[str, Any]:
        return super().key(render) | {
            "correct": [i for i, o in enumerate(self.options) if o.correct],
            "feedback": [render(o.feedback or "") for o in self.options],
        }

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        seen: dict[str, int] = {}
        for i, option in enumerate(self.options):
            norm = " ".join(option.text.lower().split())
            if norm in seen:
                found.append((("options", i, "text"), f"option {i + 1} repeats option {seen[norm] + 1}: '{option.text}'",
                              "give every option a different text"))
            seen.setdefault(norm, i)
            if option.id and [o.id for o in self.options].index(option.id) < i:
                found.append((("options", i, "id"), f"option {i + 1} has the same id as an earlier option: '{option.id}'",
                              "give every option of a question a different `id:`, or none"))
            if not option.feedback:
                found.append((("options", i), f"option {i + 1} has no feedback", "add `feedback:` saying why this option is right or wrong"))
        return found

    def _exactly_one_correct(self) -> list[Problem]:
        count = sum(o.correct for o in self.options)
        if count == 1:
            return []
        if not count:
            hint = "mark the right option with `correct: true`"
        elif self.type == "single":
            marked = [str(i + 1) for i, o in enumerate(self.options) if o.correct]
            right = ", ".join(marked[:-1]) + " and " + marked[-1]
            hint = (f"options {right} are marked right: keep `correct: true` on one of them only, or make it "
                    "`type: multiple` if learners should tick every right one")
        else:
            hint = "keep `correct: true` on one option only: a statement is either true or false"
        return [(("options",), f"a {self.type} question needs exactly one correct option, found {count}", hint)]
