"""How a written question is rendered (issue 23): after the scored questions, outside the
quiz runtime's items (so never graded, drawn or counted), numbered apart from them, with a
labelled text box, a closed model answer and checklist; left out of the mistakes page's
practice copy and of the review data; reflection prompts marked for written.js."""

from __future__ import annotations

import html
import re

from conftest import QUIZ_COURSE
from generator.check.pipeline import check
from generator.load.course import CoursePaths
from generator.site.progress import REVIEW_DIR
from generator.site.render import render_site


def test_written_question_sits_after_the_scored_ones_and_outside_their_count():
    course, _ = check(CoursePaths.at(QUIZ_COURSE))
    site = render_site(course)
    page = next(p for p in site.pages if p.path == "lessons/basics.md")
    quiz = html.unescape("".join(page.blocks))
    scored = re.findall(r'class="cq-item" data-qid="([^"]+)"', quiz)
    assert scored == ["q-single", "q-multiple", "q-truefalse", "q-order", "q-text"]  # no q-written among the items
    assert re.findall(r"Question \d of (\d)", quiz) == ["5"] * 5
    written = quiz[quiz.index('<div class="cq-wp"'):quiz.index('<div class="cq-actions">')]
    assert 'data-qid="q-written"' in written and "does not count toward your score" in written
    assert re.search(r'<label for="(quiz-basics-quiz-q-written-text)">Your answer</label><textarea id="\1"', written)
    assert re.search(r'<div class="cq-model" id="quiz-basics-quiz-q-written-model" hidden>', written)
    assert written.count('type="checkbox"') == 3
    review = next(data.decode() for path, data in site.files if path == f"{REVIEW_DIR}basics-quiz.js")
    assert "q-written" not in review  # nothing to retry on the mistakes page, no answer-table row


def test_reflection_prompts_are_marked_for_the_written_runtime():
    course, _ = check(CoursePaths.at(QUIZ_COURSE))
    page = next(p for p in render_site(course).pages if p.path == "lessons/basics.md")
    assert '<div class="cq-reflect" data-course="quiztest" data-lesson="basics" data-writing="' in page.content
    assert "Include my reflections in the results summary" in html.unescape(page.content)
