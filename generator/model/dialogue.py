"""An annotated dialogue: `dialogues/<id>.yml` (issue 23), listed in course.yml `dialogues:`.

A short call transcript that illustrates one lesson: who speaks (`speakers`, each with a
role label), what each says (`lines`), and on some lines a `mark:` naming the moment
(merging, leading, bridging...) with a `note:` saying what happens there and why. The page
shows each mark as a text label beside its line, never as colour alone (WCAG 1.4.1).
"""

from __future__ import annotations

from typing import get_args, Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from generator.model.questions.base import Id, Setting, Strict, Text

# The moments a dialogue may mark, in legend order; each has an interface string `dialogue_mark_<name>`
# and a description `dialogue_mark_<name>_about` (generator/i18n/strings.yml).
Mark = Literal["merging", "leading", "bridging", "rapport", "value", "next-step"]
MARKS: tuple[str, ...] = get_args(Mark)


class Speaker(Strict):
    id: Id = Field(description="Short name the lines use, e.g. `seller`, `buyer`.")
    role: Text = Field(description="The label shown, e.g. \"Seller\" or \"Buyer (practice manager)\".")


class Line(Strict):
    # a translation writes these as the source has them, and must keep them (model/translation.py)
    TRANSLATION_STRUCTURE: ClassVar[tuple[str, ...]] = ("speaker", "mark")

    speaker: Id = Field(description="Id of one of the dialogue's `speakers`.")
    text: Text = Field(description="What the speaker says (Markdown, one paragraph).")
    mark: Mark | None = Field(None, description="The moment this line shows: merging, leading, bridging, rapport, value or "
                                                 "next-step; give a `note:` with it.")
    note: Text | None = Field(None, description="What happens at this moment and why (Markdown), shown below the line.")

    @model_validator(mode="after")
    def _mark_with_note(self) -> Line:
        if self.mark and not self.note:
            raise ValueError(f"a line marked '{self.mark}' needs a `note:` saying what happens there and why")
        if self.note and not self.mark:
            raise ValueError("a `note:` belongs to a marked line: add `mark:` (one of " + ", ".join(MARKS) + ")")
        return self


class Dialogue(Strict):
    id: Id
    title: Text
    lesson: Id = Field(description="The lesson this dialogue illustrates: its page links here at its end.")
    setting: Setting | None = Field(None, description="Where the call is set (channel, market, industry): "
                                                     "for the content metrics, not shown.")
    situation: Text = Field(description="One line: who calls whom, and why (Markdown).")
    speakers: Annotated[list[Speaker], Field(min_length=2, max_length=6)]
    lines: Annotated[list[Line], Field(min_length=2, max_length=80)]

    def speaker(self, speaker_id: str) -> Speaker | None:
        return next((s for s in self.speakers if s.id == speaker_id), None)

    def marks(self) -> list[str]:
        """The marks this dialogue uses, in legend order (MARKS)."""
        used = {line.mark for line in self.lines if line.mark}
        return [mark for mark in MARKS if mark in used]
