"""Where a scenario is shown (issue 19): at the end of its lesson, after the quiz, or on a
page of its own listed in a module's navigation (`scenarios:` of a module)."""

from __future__ import annotations

import shutil

from conftest import ROOT, build_site
from generator.check.pipeline import prepare
from generator.load.course import CoursePaths
from generator.site.render import Renderer

COURSE = ROOT / "tests/fixtures/scenariocourse"
MODULES = 'modules:\n  - title: "First steps"\n    lessons: [basics]\n    scenarios: [supplier-call]\n  - title: "More"\n    lessons: [pool]\n'


def _on_its_own(tmp_path):
    project = shutil.copytree(COURSE, tmp_path / "p")
    course_file, scenario = project / "course/course.yml", project / "scenarios/supplier-call.yml"
    course_file.write_text(course_file.read_text().replace("lessons: [basics, pool]\n", MODULES))
    scenario.write_text(scenario.read_text().replace("lesson: basics\n", ""))
    return project


def test_a_lesson_shows_its_scenario_after_its_quiz():
    course, _ = prepare(CoursePaths.at(COURSE))
    site = Renderer(course).render()
    page = next(p for p in site.pages if p.path == "lessons/basics.md")
    assert page.content.index("## Check yourself") < page.content.index("## Practice: the supplier&#39;s call")
    assert 'data-scenario="supplier-call"' in page.blocks[1]
    assert not [p for p in site.pages if p.path.startswith("practice/")]


def test_a_scenario_on_its_own_has_a_page_in_its_modules_navigation(tmp_path):
    course, findings = prepare(CoursePaths.at(_on_its_own(tmp_path)), strict=True)
    site = Renderer(course).render()
    page = next(p for p in site.pages if p.path == "practice/supplier-call.md")
    assert page.content.startswith("# Practice: the supplier&#39;s call") and 'data-scenario="supplier-call"' in page.blocks[0]
    lesson = next(p for p in site.pages if p.path == "lessons/basics.md")
    assert "cq-sc" not in "".join(lesson.blocks)
    first = next(item for item in site.nav if item.title == "First steps")
    assert [(child.title, child.path) for child in first.children][-1] == ("Practice: the supplier's call", "practice/supplier-call.md")


def test_the_page_of_a_scenario_on_its_own_is_built(tmp_path):
    site = build_site(_on_its_own(tmp_path), tmp_path / "site")
    html = (site / "practice/supplier-call/index.html").read_text(encoding="utf-8")
    assert 'class="cq-sc"' in html and 'id="scenario-supplier-call_node-opening"' in html
    assert 'href="../../practice/supplier-call/"' in (site / "lessons/basics/index.html").read_text(encoding="utf-8")  # in the nav
