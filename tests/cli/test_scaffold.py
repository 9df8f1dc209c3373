"""`coursegen new lesson|quiz|scenario|handout`: commented files that pass `check --strict` at once,
linked into the course by small edits that keep the trainer's comments."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, coursegen, validate

SMALL = Path(__file__).parents[1] / "fixtures" / "checkcourse"


@pytest.fixture
def project(tmp_path) -> Path:
    project = copy_project(tmp_path / "p")
    shutil.copytree(ROOT / "schemas", project / "schemas")
    return project


def strict_check(project: Path) -> None:
    result = coursegen("check", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Course OK." in result.stderr


def test_new_lesson_then_quiz_pass_check(project):
    before = (project / "course/course.yml").read_text()
    result = coursegen("new", "lesson", "negotiation-basics", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "wrote course/lessons/negotiation-basics.yml" in result.stderr
    strict_check(project)
    after = (project / "course/course.yml").read_text()
    assert after == before.replace("  - wrap-up\n", "  - wrap-up\n  - negotiation-basics\n")  # one line added, comments kept

    lesson = (project / "course/lessons/negotiation-basics.yml").read_text()
    assert lesson.startswith("# yaml-language-server: $schema=../../schemas/lesson.schema.json\n")
    assert lesson.count("#") >= 8, "the file explains itself in comments"
    assert yaml.safe_load(lesson)["title"] == "Negotiation basics"

    result = coursegen("new", "quiz", "negotiation-basics-quiz", cwd=project)
    assert result.returncode == 0, result.stderr
    strict_check(project)
    assert yaml.safe_load((project / "course/lessons/negotiation-basics.yml").read_text())["quiz"] == "negotiation-basics-quiz"
    quiz = yaml.safe_load((project / "quizzes/negotiation-basics-quiz.yml").read_text())
    assert quiz["lesson"] == "negotiation-basics" and quiz["questions"][0]["objective"] == "negotiation-basics-1"
    assert validate(project / "course/lessons/negotiation-basics.yml", "lesson") == []  # the editor flags nothing either
    assert validate(project / "quizzes/negotiation-basics-quiz.yml", "quiz") == []


def test_new_scenario_passes_check_strict_and_is_built_into_its_lesson(project, tmp_path):
    result = coursegen("new", "scenario", "price-talk", "--lesson", "value-first", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "wrote scenarios/price-talk.yml" in result.stderr
    strict_check(project)
    text = (project / "scenarios/price-talk.yml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../schemas/scenario.schema.json\n")
    assert text.count("#") >= 10, "the file explains itself in comments"
    scenario = yaml.safe_load(text)
    assert scenario["lesson"] == "value-first" and scenario["objective"] == "value-spot-opener"
    assert validate(project / "scenarios/price-talk.yml", "scenario") == []
    result = coursegen("build", "--strict", "--out", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    assert 'data-scenario="price-talk"' in (tmp_path / "site/lessons/value-first/index.html").read_text()
    again = coursegen("new", "scenario", "price-talk", "--lesson", "value-first", cwd=project)
    assert again.returncode == 2 and "scenarios/price-talk.yml already exists" in again.stderr


def test_the_new_lesson_is_built_into_the_site(project, tmp_path):
    assert coursegen("new", "lesson", "closing", "--title", "Closing the deal", cwd=project).returncode == 0
    result = coursegen("build", "--strict", "--out", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Closing the deal" in (tmp_path / "site/lessons/closing/index.html").read_text()


def test_modules_flow_lists_and_comments(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(SMALL, project)
    (project / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text().replace("Rapport that sells", "A small course"))
    course = project / "course/course.yml"
    course.write_text(course.read_text().replace(
        "lessons:\n  - alpha\n  - beta\n",
        "modules:  # two parts\n  - title: \"Basics\"\n    lessons: [alpha]  # first\n  - title: \"More\"\n    lessons:\n      - beta   # second\n"))
    assert coursegen("new", "lesson", "gamma", "--module", "Basics", cwd=project).returncode == 0
    assert coursegen("new", "lesson", "delta", cwd=project).returncode == 0
    text = course.read_text()
    assert "    lessons: [alpha, gamma]  # first\n" in text
    assert "      - beta   # second\n      - delta\n" in text and "modules:  # two parts" in text
    strict_check(project)
    result = coursegen("new", "lesson", "epsilon", "--module", "Advanced", cwd=project)
    assert result.returncode == 2 and "no module titled 'Advanced'" in result.stderr


@pytest.mark.parametrize("args,message", [
    (("lesson", "Bad_Id"), "'Bad_Id' is not a valid lesson id: use lowercase letters, digits and hyphens, e.g. bad-id"),
    (("lesson", "welcome"), "course/lessons/welcome.yml already exists; pick another id or edit that file"),
    (("quiz", "rapport-trap-quiz"), "quizzes/rapport-trap-quiz.yml already exists"),
    (("quiz", "extra"), "say which lesson the quiz checks: `coursegen new quiz extra --lesson LESSON-ID`"),
    (("quiz", "extra", "--lesson", "nope"), "there is no lesson 'nope'"),
    (("quiz", "extra", "--lesson", "welcome"), "lesson 'welcome' already has quiz 'other-quiz'"),
    (("quiz", "extra", "--final"), "the course already has a final quiz, 'final-assessment'"),
    (("scenario", "price-talk"), "say which lesson shows the scenario: `coursegen new scenario price-talk --lesson LESSON-ID`"),
    (("scenario", "price-talk", "--lesson", "nope"), "there is no lesson 'nope'"),
    (("scenario", "Price talk", "--lesson", "welcome"), "'Price talk' is not a valid scenario id"),
    (("scenario", "price-talk", "--final"), "--final does not apply to `coursegen new scenario`"),
])
def test_refusals_say_what_to_do(project, args, message):
    if "welcome" in args and "--lesson" in args:
        lesson = project / "course/lessons/welcome.yml"
        lesson.write_text(lesson.read_text() + "quiz: other-quiz\n")
    before = {p: p.read_bytes() for p in project.rglob("*.yml")}
    result = coursegen("new", *args, cwd=project)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in project.rglob("*.yml")} == before, "nothing written"


def test_new_final_quiz_covers_every_lesson_and_is_named_in_course_yml(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(SMALL, project)
    (project / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text().replace("Rapport that sells", "A small course"))
    (project / "quizzes/final.yml").unlink()
    course = project / "course/course.yml"
    course.write_text(course.read_text().replace("final_quiz: final\n", "# final_quiz: later\n"))
    result = coursegen("new", "quiz", "final-exam", "--final", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "final_quiz: final-exam\n" in course.read_text() and "# final_quiz" not in course.read_text()
    quiz = yaml.safe_load((project / "quizzes/final-exam.yml").read_text())
    assert quiz["final"] is True and [q["objective"] for q in quiz["questions"]] == ["alpha-one", "beta-one"]
    strict_check(project)


# `coursegen new handout ID` (issue 23): listed in course.yml by a one-line edit (or a new
# `handouts:` line), built into a page.
def test_new_handout_is_listed_passes_check_strict_and_gets_a_page(project, tmp_path):
    before = (project / "course/course.yml").read_text()
    result = coursegen("new", "handout", "objection-cards", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "wrote handouts/objection-cards.yml" in result.stderr and "wrote course/course.yml" in result.stderr
    assert (project / "course/course.yml").read_text() == before.replace("  - managers-guide\n", "  - managers-guide\n  - objection-cards\n")
    text = (project / "handouts/objection-cards.yml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../schemas/handout.schema.json\n")
    assert yaml.safe_load(text)["title"] == "Objection cards"
    assert validate(project / "handouts/objection-cards.yml", "handout") == []
    checked = coursegen("check", "--strict", cwd=project)
    assert checked.returncode == 0 and "Course OK." in checked.stderr, checked.stderr
    built = coursegen("build", "--out", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0, built.stderr
    assert "Objection cards" in (tmp_path / "site/toolkit/objection-cards/index.html").read_text("utf-8")


def test_a_course_without_handouts_gets_its_list(tmp_path):
    project = Path(shutil.copytree(SMALL, tmp_path / "small"))
    result = coursegen("new", "handout", "planner", "--title", "Call planner", cwd=project)
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load((project / "course/course.yml").read_text())["handouts"] == ["planner"]
    assert yaml.safe_load((project / "handouts/planner.yml").read_text())["title"] == "Call planner"
    checked = coursegen("check", cwd=project)
    assert checked.returncode == 0 and "handouts/" not in checked.stderr, checked.stderr


def test_an_existing_handout_or_a_bad_id_is_refused_and_nothing_changes(project):
    before = {p: p.read_bytes() for p in [project / "course/course.yml", *sorted((project / "handouts").iterdir())]}
    for handout_id, says in (("phrase-bank", "handouts/phrase-bank.yml already exists"), ("Phrase Bank", "not a valid handout id")):
        result = coursegen("new", "handout", handout_id, cwd=project)
        assert result.returncode == 2 and says in result.stderr, result.stderr
    assert {p: p.read_bytes() for p in [project / "course/course.yml", *sorted((project / "handouts").iterdir())]} == before
    result = coursegen("new", "handout", "cards", "--lesson", "value-first", cwd=project)
    assert result.returncode == 2 and "--lesson does not apply to `coursegen new handout`" in result.stderr


def test_a_handouts_entry_that_is_not_a_list_is_refused_with_its_line(project):
    course_yml = project / "course/course.yml"
    text = course_yml.read_text().replace("handouts:\n  - pre-call-planner\n  - phrase-bank\n  - managers-guide\n", "handouts: pre-call-planner\n")
    course_yml.write_text(text)
    result = coursegen("new", "handout", "cards", cwd=project)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "course/course.yml:" in result.stderr and "`handouts:` is not a list" in result.stderr, result.stderr
    assert course_yml.read_text() == text and not (project / "handouts/cards.yml").exists()
