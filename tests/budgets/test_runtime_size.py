"""The quiz runtime as served: minified, within 6 KB gzipped, and still working (issue 8)."""

from __future__ import annotations

import gzip

import pytest

from generator.site import assets
from generator.site.encode import encode_key

BUDGET = 6 * 1024


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def test_served_quiz_runtime_fits_in_6_kb_gzipped():
    runtime = assets.quiz_runtime()
    # What a quiz page needs: quiz.js carries the shared module (window.CourseKit) too, no other script.
    shared = assets._js(assets._ROOT / "shared.js")
    assert runtime["js"].startswith(shared.encode("utf-8")) and not any("shared" in uri for uri in assets.scripts())
    js, css = _gz(runtime["js"]), _gz(runtime["css"])
    # File by file, as a browser downloads them (quiz.js, quiz.css): the larger of the two measures.
    assert js + css <= BUDGET, f"quiz runtime {js:,} B JS + {css:,} B CSS = {js + css:,} B gzipped (budget {BUDGET:,})"


def test_plural_forms_and_the_typed_answer_rule_are_a_small_file_of_their_own():
    # Needed only once the page has started or a typed answer is checked: served apart (issue 15), small.
    served = dict(assets.files())
    language = served[assets.PREFIX + assets.LANGUAGE_JS]
    assert assets.scripts() == [assets.PREFIX + n for n in (assets.QUIZ_JS, assets.LANGUAGE_JS, assets.PROGRESS_JS)]
    assert b"CQ.answerForm=" not in assets.quiz_runtime()["js"] and b"K.plural=" not in assets.quiz_runtime()["js"]
    assert _gz(language) <= 1024, f"language.js is {_gz(language):,} B gzipped"


SCENARIO_BUDGET = 3 * 1024


def test_served_scenario_runtime_fits_in_3_kb_gzipped():
    # issue 19: its own file, which quiz.js loads only on a page with a scenario
    script = assets.scenario_runtime()
    assert b"/*" not in script and b"CourseScenario" in script
    assert _gz(script) <= SCENARIO_BUDGET, f"scenario runtime {_gz(script):,} B gzipped (budget {SCENARIO_BUDGET:,})"
    assert all("scenario" not in uri for uri in assets.scripts())  # not a script of every page


def test_what_is_served_is_minified_and_the_sources_are_not():
    runtime = assets.quiz_runtime()
    source = (assets._ROOT / "quiz" / "core.js").read_text(encoding="utf-8")
    assert "/*" in source and "\n  " in source  # readable in the repository
    for kind in ("js", "css"):
        assert b"/*" not in runtime[kind] and b"\n  " not in runtime[kind], kind
    assert len(runtime["js"]) < 0.8 * sum(len(p.read_bytes()) for p in assets._quiz_sources())


def test_the_built_site_serves_the_minified_files(built_site):
    served = dict(assets.files())
    for uri in [*assets.scripts(), *assets.stylesheets()]:
        assert (built_site / uri).read_bytes() == served[uri], uri
    page = (built_site / "index.html").read_text(encoding="utf-8")
    assert "assets/course/quiz.js" in page and "assets/course/quiz/core.js" not in page
    # one stylesheet of ours, render-blocking once: theme, quiz, progress, the order the rules were written in
    assert page.count('href="assets/course/') == 1 and 'href="assets/course/course.css"' in page
    css = served["assets/course/course.css"].decode("utf-8")
    order = [css.index(assets._css(assets._ROOT / name)) for name in ("theme.css", "quiz.css", "progress.css")]
    assert order == sorted(order)


@pytest.mark.browser
def test_the_minified_runtime_parses_and_decodes_like_the_generator(page):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_content("<!doctype html><html><body><p>blank</p></body></html>")
    page.add_script_tag(content=assets.quiz_runtime()["js"].decode("utf-8"))
    data = {"correct": [1, 2], "feedback": ["<p>Ja, genau – ß & ü</p>" * 20], "explanation": "✓"}  # pad repeated
    blob = encode_key("final/q1", data)
    found = page.evaluate(
        """blob => ({types: Object.keys(CourseQuiz.types).sort(), decoded: CourseQuiz.decode("final/q1", blob),
                     order: CourseQuiz.shuffle([1, 2, 3, 4, 5], CourseQuiz.random(7)).join(),
                     again: CourseQuiz.shuffle([1, 2, 3, 4, 5], CourseQuiz.random(7)).join(),
                     text: CourseKit.format("{n} of {total}", {n: 2, total: 5})})""",
        blob,
    )
    assert errors == []
    assert found["types"] == ["multiple", "order", "single", "text", "true_false"]
    assert found["decoded"] == data
    assert found["order"] == found["again"] and sorted(found["order"].split(",")) == list("12345")
    assert found["text"] == "2 of 5"


@pytest.mark.browser
def test_a_learner_answers_a_quiz_with_the_minified_runtime(page, site_url):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{site_url}/lessons/rapport-trap/")
    item = page.locator('.cq-quiz.cq-ready .cq-item[data-type="single"]:not([hidden])').first
    item.locator(".cq-options input").first.check()
    item.locator(".cq-check").click()
    verdict = item.locator(".cq-feedback .cq-verdict")
    assert verdict.inner_text().strip()[:1] in "✓◐✗"
    assert item.locator(".cq-feedback").evaluate("e => e === document.activeElement")
    assert errors == []


WRITTEN_BUDGET = 2 * 1024


def test_served_written_runtime_fits_in_2_kb_gzipped_and_only_pages_with_writing_load_it():
    # issue 23: its own file, which progress.js loads only on a page with a written question or reflection prompts
    script = assets.written_runtime()
    assert b"/*" not in script and b"CourseWritten" in script
    assert _gz(script) <= WRITTEN_BUDGET, f"written runtime {_gz(script):,} B gzipped (budget {WRITTEN_BUDGET:,})"
    assert all("written" not in uri for uri in assets.scripts())  # not a script of every page
    progress = dict(assets.files())[assets.PREFIX + assets.PROGRESS_JS]
    assert b'"written.js"' in progress and b".cq-wq, .cq-reflect" in progress  # the loader, and what it looks for
