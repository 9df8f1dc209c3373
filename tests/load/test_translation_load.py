"""Loading a translation: text laid over the source, everything else from the source."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.check.options import CheckOptions
from generator.check.pipeline import check
from generator.load.course import CoursePaths, load_course
from generator.load.translation import apply_translation
from generator.model.course import Lesson
from generator.model.questions.order import OrderQuestion
from generator.model.translation import dotted, texts

FIXTURE = Path(__file__).parent.parent / "fixtures" / "langcourse"


def _project(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "p"))


def test_translated_text_with_the_sources_ids_answers_and_numbers(tmp_path):
    paths = CoursePaths.at(_project(tmp_path))
    source, _ = load_course(paths)
    assert source is not None
    course, findings = apply_translation(source, paths, "de")
    assert findings == []
    assert course.settings.language == "de" and course.settings.title == "Ein kleiner Kurs"
    assert course.settings.id == source.settings.id  # progress keys stay the same
    lesson = course.lessons["intro"]
    assert lesson.title == "Einführung" and lesson.minutes == source.lessons["intro"].minutes and lesson.quiz == "intro-quiz"
    quiz, original = course.quizzes["intro-quiz"], source.quizzes["intro-quiz"]
    assert [o.text for o in quiz.questions[0].options] == ["Verkaufen mit einer guten Beziehung.", "Kochen."]
    assert [o.correct for o in quiz.questions[0].options] == [o.correct for o in original.questions[0].options]
    assert quiz.questions[0].key(str) == {**original.questions[0].key(str), "explanation": "",
                                          "feedback": ["Richtig.", "Nein."]}
    assert source.lessons["intro"].title == "Introduction"  # the source course is left as it was
    assert course.translation is not None and not any(course.translation.fallbacks.values())


def test_a_file_that_breaks_structure_is_not_laid_over(tmp_path):
    project = _project(tmp_path)
    file = project / "translations/de/quizzes/intro-quiz.yml"
    file.write_text(file.read_text().replace("- id: q1", "- id: q9"))
    course, findings = check(CoursePaths.at(project), CheckOptions(language="de"))
    assert course is not None and course.quizzes["intro-quiz"].questions[0].prompt == "What is the course for?"
    assert [f.one_line().split(": error: ")[0] for f in findings if f.is_error] == ["translations/de/quizzes/intro-quiz.yml:6:7"]


def test_a_yaml_mistake_in_a_translation_names_its_line(tmp_path):
    project = _project(tmp_path)
    (project / "translations/de/lessons/intro.yml").write_text("id: intro\ntitle: [Einführung\n")
    _, findings = check(CoursePaths.at(project), CheckOptions(language="de"))
    assert any(f.is_error and f.location.file == "translations/de/lessons/intro.yml" and f.location.line >= 2 for f in findings)


def test_every_text_field_is_translatable_and_no_id_or_answer_is():
    lesson = Lesson.model_validate({"id": "a", "title": "T", "summary": "S", "minutes": 3, "quiz": "a-quiz",
                                    "objectives": [{"id": "o", "text": "O"}], "key_points": ["K"], "reflection": ["R"],
                                    "sections": [{"heading": "H", "kind": "tip", "body": "B"}]})
    assert [dotted(p) for p, _ in texts(lesson)] == ["title", "summary", "objectives[0].text", "sections[0].heading",
                                                      "sections[0].body", "key_points[0]", "reflection[0]"]
    order = OrderQuestion.model_validate({"id": "q", "type": "order", "objective": "o", "prompt": "P", "items": ["x", "y"],
                                          "hints": ["h"], "feedback_correct": "C"})
    assert [dotted(p) for p, _ in texts(order)] == ["prompt", "hints[0]", "items[0]", "items[1]", "feedback_correct"]
