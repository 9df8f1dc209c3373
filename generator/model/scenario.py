"""A branching role-play scenario: `scenarios/<id>.yml` (issue 19).

The learner talks with a client: at each node the client says something and the learner
picks a reply (a choice); each choice leads to another node or to an ending, which
passes or fails and carries a debrief. Nodes and endings are named by id, never by list
position (H5P's `nextContentId` index breaks when a list is reordered).

Scoring (the same in check/scenarios.py and assets/scenario/scenario.js): the path is
the list of choices from `start` to an ending; going back to a node already on the path
(a loop, or "Back one step") takes the path back to that node, so each node's last
choice counts once and a loop cannot farm points. The percent is the path's points over
the best path's, and the result passes when the ending passes and the percent reaches
`pass_mark`.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from generator.model.questions.base import Id, Strict, Text

MIN_CHOICES, MAX_CHOICES = 2, 5  # a node offers a real decision, and fits on a phone screen


class Choice(Strict):
    # a translation writes where each reply leads (and its points, if any), as a quiz's `correct:`
    # marks: the branches must be the same in every language (model/translation.py)
    TRANSLATION_STRUCTURE: ClassVar[tuple[str, ...]] = ("to", "points")

    text: Text = Field(description="What the learner says (Markdown, one line).")
    to: Id = Field(description="Id of the node or ending this reply leads to.")
    points: Annotated[int, Field(ge=0, le=100)] = Field(0, description="Points for this reply; the best path's total is 100 %.")
    feedback: Text | None = Field(None, description="Why this reply works or not: in the debrief, or after the choice "
                                                    "with `feedback: immediate`.")


class Node(Strict):
    id: Id
    narration: Text | None = Field(None, description="What happens, before the client speaks (Markdown).")
    says: Text = Field(description="The client's line (Markdown).")
    choices: Annotated[list[Choice], Field(min_length=1, max_length=12)] = Field(
        description=f"The learner's possible replies, {MIN_CHOICES} to {MAX_CHOICES}.")


class Ending(Strict):
    id: Id
    title: Text = Field(description="The outcome, as a heading.")
    passed: bool = Field(True, description="false: this outcome fails whatever the points.")
    says: Text | None = Field(None, description="The client's closing line (Markdown).")
    debrief: Text | None = Field(None, description="What happened and why (Markdown); required.")


class Scenario(Strict):
    id: Id
    lesson: Id | None = Field(None, description="The lesson that shows this scenario at its end, after its quiz; leave it "
                                                "out for a scenario on its own page (`scenarios:` of a module in course.yml).")
    title: Text
    objective: Id | None = Field(None, description="Id of the lesson objective this scenario practises.")
    objectives: list[Id] = Field(default_factory=list, description="Several objectives (instead of `objective`).")
    pass_mark: Annotated[int, Field(ge=1, le=100)] | None = Field(
        None, description="Percent of the best path's points; defaults to the course's pass mark.")
    feedback: Literal["end", "immediate"] = Field(
        "end", description="`end`: each reply's note in the debrief; `immediate`: after each reply too.")
    allow_back: bool = Field(True, description="Offer \"Back one step\": the last choice at a node counts, once.")
    client: Text | None = Field(None, description="Who the learner talks to, e.g. \"Operations director at a logistics firm\".")
    setting: Text | None = Field(None, description="The situation, shown before the first turn (Markdown).")
    start: Id = Field(description="Id of the first node.")
    nodes: Annotated[list[Node], Field(min_length=1, max_length=200)]
    endings: Annotated[list[Ending], Field(min_length=1, max_length=50)]

    @model_validator(mode="after")
    def _one_objective_field(self) -> Scenario:
        if self.objective and self.objectives:
            raise ValueError("give `objective:` (one id) or `objectives:` (a list), not both")
        return self

    def objective_ids(self) -> list[str]:
        """The lesson objectives this scenario practises."""
        return [self.objective] if self.objective else list(self.objectives)

    def node(self, node_id: str) -> Node | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    def ending(self, ending_id: str) -> Ending | None:
        return next((e for e in self.endings if e.id == ending_id), None)
