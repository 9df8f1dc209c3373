"""The review data's answer table (issue 16): what the progress page needs to put each
answer in the results summary by option identity, without saying which option is right."""

from __future__ import annotations

import json
import re

from generator.check.pipeline import check
from generator.load.course import CoursePaths
from generator.model.questions.single import SingleQuestion
from generator.site.progress import REVIEW_DIR, answer_table
from generator.site.render import render_site
from conftest import QUIZ_COURSE


def test_every_question_maps_the_runtime_s_positions_to_identities():
    course, _ = check(CoursePaths.at(QUIZ_COURSE))
    files = dict(render_site(course).files)
    kinds = set()
    for quiz_id, quiz in course.quizzes.items():
        text = files[f"{REVIEW_DIR}{quiz_id}.js"].decode()
        data = json.loads(text[text.index("] = ") + 4:-2])
        scored = [q for q in quiz.questions if q.type != "written"]  # written: no answer to map, no points
        assert list(data["answers"]) == [q.id for q in scored]
        for q in scored:
            kind, points, idents = data["answers"][q.id]  # and nothing else: no key
            kinds.add(kind)
            assert (kind, points) == (q.type, q.points)
            if kind in ("single", "multiple", "true_false"):
                assert idents == [o.text for o in q.options]  # value i is the i-th option in the file
            elif kind == "order":
                # the page's data-value i is the i-th step as listed: the same identities, not the key's order
                assert idents == [q.items[i] for i in q.shown_order()] and idents != q.items
                html = data["html"][data["html"].index(f'data-qid="{q.id}"'):]
                shown = re.findall(r'class="cq-order-text"[^>]*>(.*?)</span>', html)[:len(idents)]
                assert [re.sub(r"<[^>]+>", "", s) for s in shown] == [re.sub(r"[*_`]", "", i) for i in idents]
            else:
                assert idents == []
    assert kinds == {"single", "multiple", "true_false", "order", "text"}
    assert any(q.type == "written" for q in course.quizzes["basics-quiz"].questions)  # and it has no row


def test_an_option_with_an_id_is_known_by_it():
    question = SingleQuestion(id="q", type="single", objective="o", prompt="Which?", options=[
        {"id": "opt-a", "text": "Some text", "correct": True}, {"text": "Other text"}])
    assert answer_table(question) == ["single", 1, ["opt-a", "Other text"]]
