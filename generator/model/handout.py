"""A printable handout: `handouts/<id>.yml`, listed in course.yml `handouts:` (issue 23).

A handout is a page a learner prints and keeps beside the phone: a pre-call planner with
spaces to write in, a bank of phrases for the moments a call turns, a manager's call-review
rubric. It is a title, a one-line purpose and a list of typed blocks, each a small thing a
trainer of any course could reuse:

- `fields`: labelled writing spaces, each with a hint and a number of ruled lines;
- `phrases`: situations (what the buyer says), each with replies and why each works;
- `rubric`: criteria, each with what good looks like (and, optionally, the warning sign);
- `list`: points, numbered or not;
- `text`: Markdown.

Every text is `Text`, so a translation (translations/<lang>/handouts/<id>.yml) covers it.
The page (site/templates/handout.md.j2) is laid out to print on `sheets` sheets of A4 and
of US Letter (assets/handout.css).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from generator.model.questions.base import Channel, Id, Strict, Text

MAX_LINES = 8  # ruled lines of one writing space: more would not leave room on one sheet for anything else


class WritingField(Strict):
    label: Text = Field(description="What to write here, e.g. `The outcome I want from this call`.")
    hint: Text | None = Field(None, description="A short help below the label: a rule or an example (Markdown, one line).")
    choices: Annotated[list[Text], Field(max_length=6)] = Field(
        default_factory=list, description="Boxes to tick before the lines, e.g. `Business first`, `Relationship first`.")
    lines: Annotated[int, Field(ge=1, le=MAX_LINES)] = Field(2, description=f"Ruled lines to write on, 1 to {MAX_LINES}.")


class Reply(Strict):
    say: Text = Field(description="What the seller says or writes (Markdown, one or two sentences).")
    why: Text = Field(description="Why it works, in a few words.")
    channel: Channel | None = Field(None, description="Where this wording fits best: in-person, phone, video, email or chat.")


class Situation(Strict):
    situation: Text = Field(description="The moment, e.g. what the buyer says: `\"We don't need it.\"`")
    replies: Annotated[list[Reply], Field(min_length=1, max_length=8)]


class Criterion(Strict):
    criterion: Text = Field(description="What the reviewer looks at, as a question: `Did they lead?`")
    good: Text = Field(description="What good looks like: what a listener would hear.")
    warning: Text | None = Field(None, description="The sign that it went wrong.")


class Block(Strict):
    heading: Text | None = Field(None, description="The block's heading on the page.")


class FieldsBlock(Block):
    type: Literal["fields"]
    fields: Annotated[list[WritingField], Field(min_length=1, max_length=20)]


class PhrasesBlock(Block):
    type: Literal["phrases"]
    situations: Annotated[list[Situation], Field(min_length=1, max_length=12)]


class RubricBlock(Block):
    type: Literal["rubric"]
    criteria: Annotated[list[Criterion], Field(min_length=1, max_length=12)]


class ListBlock(Block):
    type: Literal["list"]
    numbered: bool = Field(False, description="true: a numbered list (steps in order).")
    items: Annotated[list[Text], Field(min_length=1, max_length=20)]


class TextBlock(Block):
    type: Literal["text"]
    body: Text = Field(description="Markdown.")


HandoutBlock = Annotated[FieldsBlock | PhrasesBlock | RubricBlock | ListBlock | TextBlock, Field(discriminator="type")]


class Handout(Strict):
    id: Id
    title: Text
    purpose: Text = Field(description="One line under the title: what the handout is for and when to use it.")
    sheets: Annotated[int, Field(ge=1, le=4)] = Field(
        1, description="Sheets of A4 or US Letter it is laid out to print on; 1 prints it tighter.")
    blocks: Annotated[list[HandoutBlock], Field(min_length=1, max_length=20)]
