"""The content integrity suite: every check on the bundled course (and on every brand,
once brands exist), with no error and no warning but the known ones (known-findings.yml:
the item-writing findings of issue 16, until the course's second edition); and the heading
anchors the checks expect are the ones MkDocs really gives the built pages."""

from __future__ import annotations

import re
import pytest

from generator.check.guessing import check_guessing
from generator.check.items import ITEM_RULES
from generator.check.links import page_anchors
from generator.check.rules import RULES, CheckOptions, check_course
from generator.load.course import CoursePaths
from generator.check.pipeline import check
from conftest import ROOT

def _brands() -> list[str]:
    try:
        from generator.load.brand import list_brands
    except ImportError:  # pragma: no cover - before brands existed
        return []
    return list_brands(ROOT)


def _unknown(findings) -> list[str]:
    """Every finding but the known warnings (errors are never known) and notes (a brand's
    colours adjusted for contrast, which need no change)."""
    return [f.one_line() for f in findings if not f.known and f.severity.value != "note"]


def test_every_check_passes_strictly_on_the_bundled_course():
    course, findings = check(CoursePaths.at(ROOT))
    assert course is not None
    assert _unknown(findings) == []
    assert len(RULES) >= 7


ITEM_CODES = {"key-position", "longest-right", "option-length", "true-false-balance", "multiple-pattern", "giveaway-words",
              "recycled-text", "guessing"}


def test_the_bundled_course_known_findings_are_the_item_writing_ones():
    """Deliberately known (issue 16): the bundled course's quizzes are biased, and
    `check` says so; each is a warning of an item-writing rule, or the guessing verdict
    on the final assessment (an error), and still reported. The second edition (issue 23)
    clears them quiz by quiz, so the known codes shrink towards none."""
    _, findings = check(CoursePaths.at(ROOT))
    assert findings and all(f.known and f.code in ITEM_CODES for f in findings)
    assert [f.location.file for f in findings if f.message.endswith("(an error, listed as known)")] == \
        ["quizzes/final-assessment.yml"]


@pytest.mark.parametrize("name", _brands())
def test_every_check_passes_strictly_on_each_brand(name: str):
    from generator.check.pipeline import check_branded

    checked = check_branded(CoursePaths.at(ROOT), name, CheckOptions())
    course, brand, findings = checked.course, checked.brand, checked.findings
    assert course is not None and brand is not None
    assert _unknown(findings) == []


def test_each_rule_runs_on_the_bundled_course():
    course, _ = check(CoursePaths.at(ROOT))
    options = CheckOptions(docs_dir=ROOT / "course")
    for rule in RULES:
        if rule not in ITEM_RULES and rule is not check_guessing:  # they give the known findings above
            assert list(rule(course, options)) == [], rule.__name__
    assert [f for f in check_course(course, options) if f.code not in ITEM_CODES] == []


def test_anchors_match_the_built_site(built_site):
    course, _ = check(CoursePaths.at(ROOT))
    for page, expected in page_anchors(course, CheckOptions()).items():
        if not page.startswith("lessons/"):
            continue
        html = (built_site / page.removesuffix(".md") / "index.html").read_text()
        article = html[html.index('<article'):html.index('</article>')]
        ids = re.findall(r'<h[1-6] id="([^"]+)"', article)
        assert ids == expected, page
