"""The content model: what a course, a lesson and a quiz file may hold.

These classes are the single source of truth: the loader validates against them, the
JSON Schemas in schemas/ are generated from them, and the renderer reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal

from pydantic import Field, field_validator, model_validator

from generator.model.figure import Figure
from generator.model.questions import Question
from generator.model.questions.base import Id, Strict, Text
from generator.model.dialogue import Dialogue
from generator.model.handout import Handout
from generator.model.scenario import Scenario

if TYPE_CHECKING:
    from generator.model.translation import Translation
    from generator.source.document import SourceDocument

Percent = Annotated[int, Field(ge=1, le=100)]


class Module(Strict):
    title: Text = Field(description="Module heading in the navigation.")
    lessons: list[Id] = Field(description="Lesson ids in this module, in order; empty while the module is being filled.")
    scenarios: list[Id] = Field(default_factory=list, description="Scenarios shown on their own page in this module, after its lessons.")

    @field_validator("lessons", mode="before")
    @classmethod
    def _nothing_is_none_yet(cls, value: object) -> object:
        return [] if value is None else value  # `lessons:` with nothing after it: a module being filled


class CourseSettings(Strict):
    id: Id = Field(description="Course id; keys the learner's saved progress, so keep it stable.")
    title: Text
    description: Text = Field(description="One or two sentences for the home page.")
    language: Annotated[str, Field(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")] = Field(
        "en", description="en, de, es, fr, it, nl or pt: interface strings and Material's translations; "
        "another language needs every interface string under `strings:`.")
    pass_mark: Percent = Field(70, description="Default pass mark of lesson quizzes, percent.")
    guessing_margin: Annotated[int, Field(ge=0, le=100)] = Field(
        0, description="Points every guessing strategy's expected score must stay below each pass mark: `check` warns "
                       "(`guessing-margin`) when one comes closer; 0 warns only when a guess reaches the pass mark.")
    final_quiz: Id | None = Field(None, description="Id of the final assessment quiz.")
    lessons: Annotated[list[Id], Field(min_length=1)] | None = Field(None, description="Ordered lesson ids (or use `modules`).")
    modules: list[Module] | None = Field(None, description="Lessons grouped into titled modules, in order.")
    completion: Literal["quiz", "read"] = Field(
        "quiz", description="A lesson is done when its quiz is passed (`quiz`) or when marked as read (`read`)."
    )
    dialogues: list[Id] = Field(default_factory=list, description="Annotated dialogues (dialogues/<id>.yml) shown in the "
                                "site, in this order, each linked from the end of the lesson it illustrates.")
    handouts: list[Id] = Field(default_factory=list, description="Handout ids (handouts/<id>.yml), in the order of the "
                               "navigation's toolkit section and the home page: printable planners, phrase banks, guides.")
    results_email: str | None = Field(None, description="Address learners may send their results to.")
    strings: dict[str, str] = Field(default_factory=dict, description="Overrides of interface strings.")

    @model_validator(mode="after")
    def _one_lesson_list(self) -> CourseSettings:
        if (self.lessons is None) == (self.modules is None):
            raise ValueError("give either `lessons:` (a list of lesson ids) or `modules:` (titled groups), not both or neither")
        return self

    def lesson_order(self) -> list[str]:
        if self.modules is not None:
            return [lesson for module in self.modules for lesson in module.lessons]
        return list(self.lessons or [])


class Objective(Strict):
    id: Id
    text: Text = Field(description="One sentence: what the learner will be able to do.")


SectionKind = Literal["text", "story", "scenario", "tip", "warning"]


class Section(Strict):
    # a translation writes the section's figure as in the source: the drawing is the same in every
    # language, its words are translated in translations/<lang>/figures/ (model/translation.py)
    TRANSLATION_STRUCTURE: ClassVar[tuple[str, ...]] = ("figure",)

    heading: Text
    figure: Id | None = Field(None, description="Id of an illustration in figures/ shown after the section's text.")
    kind: SectionKind = Field("text", description="`story`, `scenario`, `tip` or `warning` render as a callout.")
    body: Text = Field(description="Markdown.")


class Lesson(Strict):
    id: Id
    title: Text
    summary: Text = Field(description="One sentence shown on the home page.")
    minutes: Annotated[int, Field(ge=1, le=600)] = Field(description="Estimated minutes to complete.")
    objectives: list[Objective] = Field(default_factory=list)
    sections: Annotated[list[Section], Field(min_length=1)]
    key_points: list[Text] = Field(default_factory=list)
    reflection: list[Text] = Field(default_factory=list, description="Reflection prompts.")
    quiz: Id | None = Field(None, description="Id of this lesson's quiz.")


class Quiz(Strict):
    id: Id
    lesson: Id | None = Field(None, description="The lesson this quiz checks.")
    final: bool = Field(False, description="true for the course's final assessment (instead of `lesson`).")
    title: Text
    pass_mark: Percent | None = Field(None, description="Percent; defaults to the course's pass mark.")
    mode: Literal["practice", "assessment"] = "practice"
    shuffle: bool = False
    partial_credit: bool = Field(True, description="Give part of the points for partly right answers.")
    draw: Annotated[int, Field(ge=1)] | None = Field(None, description="Pick this many questions per attempt.")
    draw_by: Literal["objective"] | None = Field(
        None, description="`objective`: each attempt's draw takes questions evenly across the objectives, so every "
                          "retake is a different paper that still covers every topic.")
    attempts: Annotated[int, Field(ge=1, le=100)] | None = Field(None, description="Attempt limit.")
    review: Literal["always", "after_pass", "score_only"] = Field(
        "always", description="What an assessment shows after submitting: `always` every question with its feedback; "
                              "`after_pass` the score and the topics to revisit until the learner passes, then "
                              "everything; `score_only` the score.")
    questions: Annotated[list[Question], Field(min_length=1, max_length=500)]

    @property
    def scored_questions(self) -> list[Question]:
        """The questions that carry points, in order: all but self-rated `written` ones."""
        return [q for q in self.questions if q.scored]

    @model_validator(mode="after")
    def _lesson_or_final(self) -> Quiz:
        if self.final and self.lesson:
            raise ValueError("a quiz is either a lesson's quiz (`lesson:`) or the final assessment (`final: true`), not both")
        if not self.final and not self.lesson:
            raise ValueError("say which lesson this quiz checks (`lesson: <id>`), or `final: true` for the final assessment")
        return self


@dataclass
class Course:
    """A whole course, validated: settings, lessons, quizzes and scenarios, with their files."""

    settings: CourseSettings
    lessons: dict[str, Lesson] = field(default_factory=dict)
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    sources: dict[tuple[str, str], SourceDocument] = field(default_factory=dict)  # (kind, id) -> its parsed file
    file_ids: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, file stem) -> shown path
    # Where the lesson order is written, when not in course.yml: a brand's file and the
    # data path of its `course:` (the order's paths are then taken under it)
    order_source: tuple[SourceDocument, tuple] | None = None
    scenarios: dict[str, Scenario] = field(default_factory=dict)  # shown at the end of their lessons (issue 19)
    dialogues: dict[str, Dialogue] = field(default_factory=dict)  # annotated call transcripts (issue 23)
    figures: dict[str, Figure] = field(default_factory=dict)  # named by lesson sections (issue 23)
    figure_svgs: dict[str, str] = field(default_factory=dict)  # figure id -> its drawing's SVG text, as written
    handouts: dict[str, Handout] = field(default_factory=dict)  # printable pages, listed in `handouts:` (issue 23)
    # Set when the course is shown in another language than it is written in (load/translation.py)
    translation: Translation | None = None
    # A brand's copy: the lessons it hides, and the course's own order before the brand's
    # (load/overlay.py), so that text naming a hidden lesson or "the last lesson" is caught
    hidden: dict[str, Lesson] = field(default_factory=dict)
    base_order: list[str] | None = None
    # What the checks work out once and use twice (check/memo.py); a copy (dataclasses.replace) starts empty
    memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    # (kind, file stem) -> the questions or sections that validate alone of a lesson or quiz
    # file that failed validation, and its source (load/partial.py): checked, never built
    held_back: dict[tuple[str, str], tuple[Lesson | Quiz, SourceDocument]] = field(default_factory=dict)

    def ordered_lessons(self) -> list[Lesson]:
        return [self.lessons[i] for i in self.settings.lesson_order() if i in self.lessons]

    def pass_mark(self, quiz: Quiz) -> int:
        return quiz.pass_mark or self.settings.pass_mark

    def scenario_pass_mark(self, scenario: Scenario) -> int:
        return scenario.pass_mark or self.settings.pass_mark

    def module_scenarios(self) -> list[Scenario]:
        """The scenarios placed on their own (`scenarios:` of a module), in course order, once each."""
        listed = [sid for module in self.settings.modules or [] for sid in module.scenarios]
        return [self.scenarios[sid] for sid in dict.fromkeys(listed) if sid in self.scenarios]

    def lesson_scenarios(self, lesson_id: str) -> list[Scenario]:
        """The scenarios shown at the end of a lesson, by id."""
        return sorted((s for s in self.scenarios.values() if s.lesson == lesson_id), key=lambda s: s.id)

    def listed_dialogues(self) -> list[Dialogue]:
        """The dialogues course.yml lists under `dialogues:` that loaded, in its order, once each."""
        return [self.dialogues[d] for d in dict.fromkeys(self.settings.dialogues) if d in self.dialogues]

    def lesson_dialogues(self, lesson_id: str) -> list[Dialogue]:
        """The listed dialogues that illustrate a lesson, in course.yml's order."""
        return [d for d in self.listed_dialogues() if d.lesson == lesson_id]

    def listed_handouts(self) -> list[Handout]:
        """The handouts course.yml lists (`handouts:`) that loaded, in its order, once each."""
        return [self.handouts[hid] for hid in dict.fromkeys(self.settings.handouts) if hid in self.handouts]

    @property
    def final_quiz(self) -> Quiz | None:
        return self.quizzes.get(self.settings.final_quiz or "")
