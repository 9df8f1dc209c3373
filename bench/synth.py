"""Synthetic courses for the benchmark: N lessons of about 800 words and 8 questions,
and a branching scenario (6 decision nodes, 3 endings) in every tenth lesson.

`write_course(dest, n)` writes a coursegen project (mkdocs.yml copied from the
repository with its theme settings, course/ and quizzes/); `write_plain(dest, n)`
writes the same lessons as hand-written Markdown pages in a plain MkDocs project with
stock Material settings: the baseline a trainer would otherwise have. The text is
pseudo-random but deterministic, so every run builds the same bytes.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LESSONS_PER_MODULE = 10
QUESTIONS = 8
SECTIONS = 5
WORDS_PER_SECTION = 140  # with objectives, key points and reflection: ~800 words a lesson

_WORDS = (
    "client buyer rapport trust value budget meeting call proposal price contract deal "
    "pipeline quarter target question answer listen lead follow next step decision risk "
    "team manager account renewal offer service product demo objection concern goal plan "
    "outcome time cost saving growth market partner supplier order invoice delivery "
    "support issue change agree explain show ask confirm prepare open close review "
    "the a an of to and in on for with that this your our their we they you it is are "
    "was will can should would before after when while because so but if then also"
).split()
SCENARIO_EVERY = 10  # lesson 10, 20, ... shows a scenario after its quiz (issue 19)
SCENARIO_NODES = 6
_KINDS = ["text", "text", "story", "text", "tip"]
_TYPES = ["single", "multiple", "true_false", "single", "order", "text", "single", "multiple"]


def lesson_id(i: int) -> str:
    return f"lesson-{i:04d}"


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _paragraphs(rng: random.Random, words: int) -> str:
    sentences, count = [], 0
    while count < words:
        n = rng.randint(8, 18)
        sentences.append(_sentence(rng, n))
        count += n
    paras = [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)]
    return "\n\n".join(paras) + "\n"


def lesson_data(i: int) -> tuple[dict, dict]:
    """(lesson, quiz) as plain data for lesson number i (1-based)."""
    rng = random.Random(i)
    lid = lesson_id(i)
    objectives = [{"id": f"{lid}-o{k}", "text": _sentence(rng, 12)} for k in range(1, 4)]
    sections = []
    for k in range(SECTIONS):
        section = {"heading": _sentence(rng, 4).rstrip("."), "body": _paragraphs(rng, WORDS_PER_SECTION)}
        if _KINDS[k] != "text":
            section["kind"] = _KINDS[k]
        sections.append(section)
    lesson = {
        "id": lid, "title": f"Lesson {i}: " + _sentence(rng, 4).rstrip("."), "summary": _sentence(rng, 14),
        "minutes": 10 + i % 20, "objectives": objectives, "sections": sections,
        "key_points": [_sentence(rng, 10) for _ in range(3)], "reflection": [_sentence(rng, 10) + "?" for _ in range(2)],
        "quiz": f"{lid}-quiz",
    }
    questions = [_question(rng, f"q{k + 1}", objectives[k % 3]["id"], kind) for k, kind in enumerate(_TYPES[:QUESTIONS])]
    quiz = {"id": f"{lid}-quiz", "lesson": lid, "title": f"Check yourself: lesson {i}", "mode": "practice", "questions": questions}
    return lesson, quiz


def _question(rng: random.Random, qid: str, objective: str, kind: str) -> dict:
    q = {"id": qid, "type": kind, "objective": objective, "prompt": _sentence(rng, 12).rstrip(".") + "?"}
    if kind in ("single", "multiple"):
        q["scenario"] = _sentence(rng, 20)
        keys = random.Random(f"{objective}/{qid}")  # its own stream: the text stays as it was; keys vary (issue 16's checks)
        right = {keys.randrange(4)} if kind == "single" else set(keys.sample(range(4), keys.randint(1, 3)))
        q["options"] = [
            {"text": f"Option {n + 1}: " + _sentence(rng, 8), "correct": n in right, "feedback": _sentence(rng, 12)} for n in range(4)
        ]
        for option in q["options"]:
            if not option["correct"]:
                del option["correct"]
    elif kind == "true_false":
        q["options"] = [{"text": "True", "feedback": _sentence(rng, 10)}, {"text": "False", "feedback": _sentence(rng, 10)}]
        q["options"][random.Random(f"{objective}/{qid}").randrange(2)]["correct"] = True
    elif kind == "order":
        q["items"] = [f"Step {n + 1}: " + _sentence(rng, 5) for n in range(4)]
    else:
        q["answers"] = [rng.choice(_WORDS[:40])]
    q["explanation"] = _sentence(rng, 16)
    return q


def scenario_data(i: int) -> dict:
    """The scenario of lesson number i: a chain of nodes where the first reply goes on (2
    points), the second skips a node (1 point; at the last nodes, a middling ending) and the
    third ends the talk; every path is one of the check's, no loop, 3 endings."""
    rng = random.Random(f"scenario-{i}")
    lid = lesson_id(i)
    nodes = []
    for k in range(1, SCENARIO_NODES + 1):
        onward = f"n{k + 1}" if k < SCENARIO_NODES else "agreed"
        skip = f"n{k + 2}" if k + 2 <= SCENARIO_NODES else "later"
        choices = [{"text": _sentence(rng, 9), "to": onward, "points": 2, "feedback": _sentence(rng, 12)},
                   {"text": _sentence(rng, 9), "to": skip, "points": 1, "feedback": _sentence(rng, 12)}]
        if k < SCENARIO_NODES:
            choices.append({"text": _sentence(rng, 9), "to": "lost", "feedback": _sentence(rng, 12)})
        nodes.append({"id": f"n{k}", "says": _sentence(rng, 14), "choices": choices})
    endings = [{"id": "agreed", "title": _sentence(rng, 5).rstrip("."), "debrief": _paragraphs(rng, 40)},
               {"id": "later", "title": _sentence(rng, 5).rstrip("."), "debrief": _paragraphs(rng, 40)},
               {"id": "lost", "title": _sentence(rng, 5).rstrip("."), "passed": False, "debrief": _paragraphs(rng, 40)}]
    return {"id": f"{lid}-practice", "lesson": lid, "title": f"Practice: lesson {i}", "objective": f"{lid}-o1",
            "pass_mark": 60, "client": _sentence(rng, 6), "setting": _paragraphs(rng, 40), "start": "n1",
            "nodes": nodes, "endings": endings}


def _dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")


def _modules(n: int) -> list[dict]:
    return [
        {"title": f"Module {m // LESSONS_PER_MODULE + 1}", "lessons": [lesson_id(i) for i in range(m + 1, min(m + LESSONS_PER_MODULE, n) + 1)]}
        for m in range(0, n, LESSONS_PER_MODULE)
    ]


def write_course(dest: Path, n: int, *, flat: bool = False) -> Path:
    """A coursegen project with n lessons (grouped in modules of ten, or listed with
    `lessons:` when flat), one quiz each, a scenario in every tenth, and a final quiz."""
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "course" / "lessons").mkdir(parents=True)
    (dest / "quizzes").mkdir()
    (dest / "scenarios").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8").replace("site_name: Rapport that sells", f"site_name: Benchmark course, {n} lessons")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    _dump(dest / "course/course.yml", {
        "id": f"bench-{n}", "title": f"Benchmark course, {n} lessons", "description": "A synthetic course for the benchmark.",
        "language": "en", "pass_mark": 70, "final_quiz": "final",
        **({"lessons": [lesson_id(i) for i in range(1, n + 1)]} if flat else {"modules": _modules(n)}),
    })
    final_questions = []
    for i in range(1, n + 1):
        lesson, quiz = lesson_data(i)
        _dump(dest / f"course/lessons/{lesson['id']}.yml", lesson)
        _dump(dest / f"quizzes/{quiz['id']}.yml", quiz)
        if i % SCENARIO_EVERY == 0:
            scenario = scenario_data(i)
            _dump(dest / f"scenarios/{scenario['id']}.yml", scenario)
        if len(final_questions) < 10:
            final_questions.append({**quiz["questions"][0], "id": f"f{i}"})
    _dump(dest / "quizzes/final.yml", {"id": "final", "final": True, "title": "Final assessment", "mode": "assessment", "questions": final_questions})
    return dest


def plain_markdown(lesson: dict, quiz: dict) -> str:
    """The lesson and its questions as a trainer would write them by hand in Markdown."""
    out = [f"# {lesson['title']}", "", lesson["summary"], "", "## Objectives", ""]
    out += [f"- {o['text']}" for o in lesson["objectives"]] + [""]
    for section in lesson["sections"]:
        out += [f"## {section['heading']}", "", section["body"].strip(), ""]
    out += ["## Key points", ""] + [f"- {p}" for p in lesson["key_points"]] + [""]
    out += ["## Reflection", ""] + [f"1. {p}" for p in lesson["reflection"]] + [""]
    out += ["## Check yourself", ""]
    for n, q in enumerate(quiz["questions"], 1):
        out += [f"**Question {n}.** {q.get('scenario', '')} {q['prompt']}", ""]
        for option in q.get("options", []) + [{"text": t} for t in q.get("items", [])]:
            out.append(f"- {option['text']}")
        out.append("")
    return "\n".join(out)


def write_plain(dest: Path, n: int) -> Path:
    """The same lessons as plain Markdown pages, one folder per module, stock Material settings."""
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / "docs"
    docs.mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(f"site_name: Plain {n}\ntheme:\n  name: material\n", encoding="utf-8")
    (docs / "index.md").write_text(f"# Plain course, {n} lessons\n\nThe baseline.\n", encoding="utf-8")
    for i in range(1, n + 1):
        folder = docs / f"module-{(i - 1) // LESSONS_PER_MODULE + 1:03d}"
        folder.mkdir(exist_ok=True)
        lesson, quiz = lesson_data(i)
        (folder / f"{lesson['id']}.md").write_text(plain_markdown(lesson, quiz), encoding="utf-8")
    return dest


def word_count(i: int) -> int:
    lesson, _ = lesson_data(i)
    texts = [lesson["summary"], *lesson["key_points"], *lesson["reflection"], *(o["text"] for o in lesson["objectives"])]
    texts += [s["heading"] + " " + s["body"] for s in lesson["sections"]]
    return sum(len(t.split()) for t in texts)
