"""The content integrity suite: every check on the bundled course (and on every brand,
once brands exist), with no error and no warning; and the heading anchors the checks
expect are the ones MkDocs really gives the built pages."""

from __future__ import annotations

import re
import pytest

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


def test_every_check_passes_strictly_on_the_bundled_course():
    course, findings = check(CoursePaths.at(ROOT))
    assert course is not None
    assert [f.one_line() for f in findings] == []
    assert len(RULES) >= 7


@pytest.mark.parametrize("name", _brands())
def test_every_check_passes_strictly_on_each_brand(name: str):
    from generator.check.pipeline import check_branded

    course, brand, findings = (lambda c: (c.course, c.brand, c.findings))(check_branded(CoursePaths.at(ROOT), name, CheckOptions()))
    assert course is not None and brand is not None
    assert [f.one_line() for f in findings] == []


def test_each_rule_runs_on_the_bundled_course():
    course, _ = check(CoursePaths.at(ROOT))
    options = CheckOptions(docs_dir=ROOT / "course")
    for rule in RULES:
        assert list(rule(course, options)) == [], rule.__name__
    assert check_course(course, options) == []


def test_anchors_match_the_built_site(built_site):
    course, _ = check(CoursePaths.at(ROOT))
    for page, expected in page_anchors(course, CheckOptions()).items():
        if not page.startswith("lessons/"):
            continue
        html = (built_site / page.removesuffix(".md") / "index.html").read_text()
        article = html[html.index('<article'):html.index('</article>')]
        ids = re.findall(r'<h[1-6] id="([^"]+)"', article)
        assert ids == expected, page
