"""Integrity checks across a validated course: what no single file can know alone.

Each rule is a small function, in a module of its theme, `rule(course, options) -> Iterable[Finding]`, listed in
RULES; `check_course` runs them all and returns every finding, errors and warnings.
What the models alone enforce (pass marks 1-100, required fields, at least one section)
is reported by the loader. Every rule has a golden case in tests/check/cases/rules/.

- check_course_order: lessons listed twice, order entries without a file, lesson files not in the order,
  modules with no lessons yet (warning)
- check_quiz_links: lesson -> quiz, quiz -> lesson and final_quiz references
- check_objectives: duplicate objective ids, question -> objective, objectives no question assesses
- check_questions: duplicate question ids, each type's problems() (correct options, option
  texts, feedback), draw, a quiz shorter than `min_questions`
- check_sections: sections whose body is only blank
- check_links: Markdown links to missing pages or anchors, images missing or without alt
  text, links that quiz text cannot carry
- check_lesson_length: a lesson far longer than its `minutes` (warning)
- check_language: a language without interface strings, unless `strings:` gives them all
- check_translation_* (translations.py): a translation's structure (error), stale text and
  fallbacks to the source language (warnings)
- check_lesson_mentions (mentions.py): in a brand's copy, lesson text naming a hidden lesson,
  a lesson now placed after it, or "the last lesson" when that changed (warnings)
- ITEM_RULES (items.py): item-writing patterns a test-wise learner exploits (warnings):
  key position, longest option right, option lengths, true/false balance, multiple
  patterns, giveaway words, all/none of the above, recycled lesson text, near-duplicate options
- check_scenario_placement, check_scenario_structure, check_scenario_paths (scenarios.py): where
  branching scenarios are shown, their references,
  ids, choices and debriefs; their paths: reachability, dead ends, the best path's ending,
  loops, pass marks, long paths
- check_dialogue_listing, check_dialogue_structure (dialogues.py): annotated dialogues listed in
  course.yml, their lesson, speakers and marks
- check_figure_references, check_figure_drawings, check_figure_alt_text (figures.py): sections naming
  a figure the course lacks, drawings missing, unsafe or not agreeing with the labels given, alt text
  blank or only repeating the caption
- check_handouts (handouts.py): `handouts:` entries without a file or listed twice, handout files not listed
- check_guessing (guessing.py): a guessing strategy's expected score reaches a quiz's pass
  mark (an error for the final assessment, a warning for a lesson quiz), or comes within
  course.yml's `guessing_margin` points of it (`guessing-margin`, a warning)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.check.dialogues import check_dialogue_listing, check_dialogue_structure
from generator.check.figures import check_figure_alt_text, check_figure_drawings, check_figure_references
from generator.check.guessing import check_guessing
from generator.check.handouts import check_handouts
from generator.check.items import ITEM_RULES
from generator.check.language import check_language
from generator.check.lessons import check_lesson_length, check_sections
from generator.check.links import check_links
from generator.check.mentions import check_lesson_mentions
from generator.check.options import CheckOptions
from generator.check.order import check_course_order
from generator.check.questions import check_questions
from generator.check.references import check_objectives, check_quiz_links
from generator.check.translations import check_translation_fallbacks, check_translation_stale, check_translation_structure
from generator.check.scenarios import check_scenario_paths, check_scenario_placement, check_scenario_structure
from generator.errors import Finding
from generator.model.course import Course

__all__ = ["RULES", "CheckOptions", "Rule", "check_course"]

Rule = Callable[[Course, CheckOptions], Iterable[Finding]]
RULES: list[Rule] = [check_course_order, check_quiz_links, check_objectives, check_questions, check_sections,
                     check_links, check_lesson_length, check_language, *ITEM_RULES, check_guessing,
                     check_translation_structure, check_translation_stale, check_translation_fallbacks, check_lesson_mentions,
                     check_scenario_placement, check_scenario_structure, check_scenario_paths,
                     check_dialogue_listing, check_dialogue_structure, check_handouts,
                     check_figure_references, check_figure_drawings, check_figure_alt_text]


def check_course(course: Course, options: CheckOptions | None = None) -> list[Finding]:
    options = options or CheckOptions()
    return [finding for rule in RULES for finding in rule(course, options)]
