"""How messages name what they are about: a question by its id and its place counted from
1 (never a 0-based index), counts with proper plurals."""

from __future__ import annotations

from generator.errors import counted, spoken_path

QUIZ = {"questions": [{"id": "q1"}, {"id": "q2", "options": [{"text": "a"}, {"text": "b"}]}, {"id": "Not An Id"}]}


def test_a_path_is_spoken_with_ids_and_places_from_one():
    assert spoken_path(("questions", 1), QUIZ) == "question 'q2' (2nd)"
    assert spoken_path(("questions", 1, "options", 0, "text"), QUIZ) == "question 'q2' (2nd), option 1, text"
    assert spoken_path(("questions", 2, "id"), QUIZ) == "question 3, id", "a wrong id does not name its question"
    assert spoken_path(("questions", 2, "prompt"), QUIZ) == "question 3, prompt"
    assert spoken_path(("fonts", "files", 1, "file"), {}) == "fonts, file 2, file"
    assert spoken_path(("fonts", "text"), {}) == "fonts.text"


def test_counts_have_plurals():
    assert counted(1, "option") == "1 option" and counted(2, "option") == "2 options" and counted(3, "quiz") == "3 quizzes"
