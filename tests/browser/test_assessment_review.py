"""Assessments worth a certificate (issue 16), in Debian's Chromium: `draw_by: objective`
deals each attempt's questions round the objectives, and an assessment's `review:` says what
the learner sees after submitting, on the quiz and on "Review my mistakes".

The course is test_progress's; its final draws 3 of 6 questions, two per objective, and
shows answers after a pass; the beta lesson's quiz is an assessment that shows the score only.
"""

from __future__ import annotations

import pytest
import yaml
from test_progress import COURSE, _choice, write_course
from test_saved_progress import axe_findings

from conftest import build_site, copy_project, serve_folder

pytestmark = pytest.mark.browser

FINAL = "/assessment/final/"
KEY = f"coursegen:v1:{COURSE}:"
OBJECTIVES = {"intro-obj": "Explain Introduction.", "alpha-obj": "Explain Alpha lesson.", "beta-obj": "Explain Beta lesson."}


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("review") / "p", with_content=False)
    write_course(project)
    final = {"id": "final", "final": True, "title": "Final test", "mode": "assessment", "pass_mark": 60,
             "draw": 3, "draw_by": "objective", "review": "after_pass",
             "questions": [_choice(f"{o[:-4]}{n}", o, f"Question {n} on {o}?", f"Explained {o} {n}.")
                           for o in OBJECTIVES for n in (1, 2)]}
    beta = yaml.safe_load((project / "quizzes/beta-quiz.yml").read_text(encoding="utf-8"))
    beta.update(mode="assessment", review="score_only")
    for name, data in (("final", final), ("beta-quiz", beta)):
        (project / f"quizzes/{name}.yml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    server, base = serve_folder(build_site(project, project / "site"))
    yield base
    server.shutdown()


def shown(page) -> list[str]:
    return [i.get_attribute("data-qid") for i in page.locator(".cq-quiz.cq-ready .cq-item:not([hidden])").all()]


def submit(page, right: bool) -> None:
    for item in page.locator(".cq-quiz.cq-ready .cq-item:not([hidden])").all():
        item.locator("label", has_text="Right" if right else "Wrong").locator("input").check()
    page.locator(".cq-submit").click()


def test_draw_by_objective_covers_every_objective_with_a_new_paper_each_time(page, url):
    page.goto(url + FINAL)
    papers = set()
    for _ in range(10):
        page.evaluate("k => localStorage.removeItem(k)", KEY + "final:attempt")
        page.reload()
        qids = shown(page)
        assert len(qids) == 3 and {q[:-1] for q in qids} == {"intro", "alpha", "beta"}, qids
        papers.add(tuple(sorted(qids)))
    assert len(papers) > 1


def test_a_retake_asks_the_questions_the_learner_has_not_seen_yet(page, url):
    """Two questions per objective, one drawn from each: the second attempt is the other half
    of the pool, and the third goes back to the questions asked longest ago (issue 23)."""
    page.goto(url + FINAL)
    page.evaluate("() => localStorage.clear()")
    papers = []
    for _ in range(3):
        page.evaluate("k => localStorage.removeItem(k)", KEY + "final:attempt")
        page.reload()
        papers.append(set(shown(page)))
        submit(page, right=False)
        page.locator(".cq-result").wait_for()
    assert len(papers[0]) == 3 and not papers[0] & papers[1], papers
    assert papers[2] == papers[0], papers


def test_after_pass_shows_score_and_topics_until_passed_then_everything(page, url):
    page.goto(url + FINAL)
    submit(page, right=False)
    result = page.locator(".cq-result").inner_text()
    assert "Your score: 0%" in result and "shown once you pass" in result
    assert "Topics to revisit" in result and all(text in result for text in OBJECTIVES.values())
    assert page.locator(".cq-item:not([hidden]) .cq-verdict").count() == 0
    assert page.locator(".cq-item:not([hidden]) .cq-explanation").count() == 0
    assert axe_findings(page) == []
    page.reload()  # the last attempt, replayed for review, stays concealed
    assert page.locator(".cq-item:not([hidden]) .cq-verdict").count() == 0
    assert "Topics to revisit" in page.locator(".cq-result").inner_text()

    page.goto(f"{url}/mistakes/")
    page.locator(".cq-mistake-later[data-quiz='final']").wait_for()
    assert page.locator(".cq-mistake[data-quiz='final']").count() == 0
    assert "Explained" not in page.locator(".cq-progress").inner_text()
    assert axe_findings(page) == []

    page.goto(url + FINAL)
    page.locator(".cq-retry").click()
    submit(page, right=True)
    assert page.locator(".cq-item:not([hidden]) .cq-verdict").count() == 3  # passed: everything
    assert page.locator(".cq-item:not([hidden]) .cq-explanation").count() == 3
    assert "Topics to revisit" not in page.locator(".cq-result").inner_text()
    page.goto(f"{url}/mistakes/")
    assert page.locator(".cq-mistake-later").count() == 0


def test_score_only_shows_the_score_and_nothing_of_the_questions(page, url):
    page.goto(f"{url}/lessons/beta/")
    submit(page, right=False)
    result = page.locator(".cq-result").inner_text()
    assert "Your score: 0%" in result and "shows your score only" in result and "Topics" not in result
    assert page.locator(".cq-item .cq-verdict, .cq-item .cq-explanation, .cq-option-feedback:not([hidden])").count() == 0
    page.goto(f"{url}/mistakes/")
    page.locator(".cq-mistakes-intro").wait_for()
    assert page.locator("[data-quiz='beta-quiz']").count() == 0 and "Beta question" not in page.locator(".cq-progress").inner_text()
    page.goto(f"{url}/lessons/beta/")
    page.locator(".cq-retry").click()
    submit(page, right=True)
    assert "✓ Passed" in page.locator(".cq-result").inner_text()
    assert page.locator(".cq-item .cq-verdict").count() == 0  # not even after a pass
