"""The quiz-bank engine: a checked course's quizzes written in the formats learning
platforms import into their question banks (issue 21).

It reads the typed models (never the YAML, never the rendered site): `walk.py` lists
the quizzes and questions with the file and line each is written at, and each format
is one module that turns them into text: `gift.py` (Moodle's GIFT), `moodle_xml.py`
(Moodle XML) and `qti12.py` (QTI 1.2 for Canvas Classic). `export.py` checks the course,
runs one of them and writes the file only when everything succeeded.

What a format cannot carry is left out with a warning naming the question's file and
line; the trainer decides (`--strict`) whether that stops the export.
"""
