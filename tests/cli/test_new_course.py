"""`coursegen new course DIR` (issue 18): a trainer's first hour. A complete project that
`check --strict` and `build` pass as written, grown with `new lesson --module X
--new-module`; the refusals that write nothing; an empty module while it is being filled;
comments and hints that are true for a new course."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
import yaml

from conftest import build_site, coursegen, validate

TITLE = "Negotiation for engineers"
FILES = [".gitignore", ".vscode/settings.json", "README.md", "course/course.yml", "course/lessons/welcome.yml", "mkdocs.yml",
         "quizzes/welcome-quiz.yml", "schemas/brand.schema.json", "schemas/course.schema.json", "schemas/dialogue.schema.json",
         "schemas/figure.schema.json", "schemas/handout.schema.json", "schemas/lesson.schema.json", "schemas/quiz.schema.json",
         "schemas/scenario.schema.json"]


def strict_check(project: Path) -> None:
    result = coursegen("check", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "Course OK.\n", "no warning either"


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def new_course(tmp_path) -> Path:
    result = coursegen("new", "course", "negotiation", "--title", TITLE, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "negotiation"


def test_a_new_course_grows_a_module_and_builds_with_its_own_title_only(tmp_path):
    (tmp_path / "empty").mkdir()
    result = coursegen("new", "course", "empty", "--title", TITLE, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "empty"
    assert sorted(files_in(project)) == FILES
    assert "Next: `cd empty`, then `coursegen serve`" in result.stderr
    strict_check(project)

    result = coursegen("new", "lesson", "closing", "--module", "Closing deals", "--new-module", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "wrote course/lessons/closing.yml\nwrote course/course.yml\n" in result.stderr
    course = yaml.safe_load((project / "course/course.yml").read_text())
    assert course["modules"] == [{"title": "Getting started", "lessons": ["welcome"]}, {"title": "Closing deals", "lessons": ["closing"]}]
    strict_check(project)
    assert coursegen("new", "quiz", "closing-quiz", cwd=project).returncode == 0
    strict_check(project)

    site = build_site(project, tmp_path / "site", "--strict")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"<title>{TITLE}</title>" in home
    assert re.search(rf'class="md-header__topic">\s*<span class="md-ellipsis">\s*{TITLE}\s*</span>', home), "the header"
    course_map = (site / "assets/course/course-map.js").read_text(encoding="utf-8")
    assert f'"title":"{TITLE}"' in course_map.replace('": "', '":"'), "the certificate's course title"
    assert "Closing deals" in home and (site / "modules/module-2/index.html").is_file()
    for page in [*site.rglob("*.html"), site / "assets/course/course-map.js", site / "search/search_index.json"]:
        text = page.read_text(encoding="utf-8")
        assert "rapport" not in text.lower(), f"{page.relative_to(site)} has a word of the bundled course"


def test_every_generated_file_is_true_for_a_new_course(new_course):
    files = {name: data.decode() for name, data in files_in(new_course).items()}
    for name, text in files.items():  # the schemas are the generator's, the same in every project
        assert name.startswith("schemas/") or "rapport" not in text.lower(), name
    config = yaml.safe_load(files["mkdocs.yml"])
    assert config["site_name"] == TITLE and config["docs_dir"] == "course" and "course" in config["plugins"]
    assert config["exclude_docs"] == yaml.safe_load((Path(__file__).parents[2] / "mkdocs.yml").read_text())["exclude_docs"]
    course = yaml.safe_load(files["course/course.yml"])
    assert course["id"] == "negotiation-for-engineers" and course["title"] == TITLE and course["language"] == "en"
    # the editor: each file's schema line and .vscode/settings.json name a schema the project has
    for name, kind in [("course/course.yml", "course"), ("course/lessons/welcome.yml", "lesson"), ("quizzes/welcome-quiz.yml", "quiz")]:
        line = files[name].splitlines()[0]
        assert line == f"# yaml-language-server: $schema={'../' * name.count('/')}schemas/{kind}.schema.json"
        assert (new_course / name).parent.joinpath(line.split("=", 1)[1]).resolve().is_file()
        assert validate(new_course / name, kind) == []
    for schema, globs in json.loads(files[".vscode/settings.json"])["yaml.schemas"].items():
        assert (new_course / schema).is_file() and globs
    assert files["schemas/lesson.schema.json"] == (Path(__file__).parents[2] / "schemas/lesson.schema.json").read_text()
    # the README stub: the two commands, each of which works as written
    assert "coursegen serve" in files["README.md"] and "coursegen check --strict && coursegen build" in files["README.md"]
    assert "/site/" in files[".gitignore"].splitlines()
    # a comment's command does what it says: the final quiz of course.yml's commented line
    command = re.search(r"# final_quiz: \S+  # create it with `(coursegen [^`]+)`", files["course/course.yml"]).group(1)
    assert coursegen(*shlex.split(command)[1:], cwd=new_course).returncode == 0
    assert yaml.safe_load((new_course / "course/course.yml").read_text())["final_quiz"] == "final-assessment"
    strict_check(new_course)


def test_a_lesson_added_to_a_new_course_links_by_example_to_a_lesson_that_exists(new_course):
    first = (new_course / "course/lessons/welcome.yml").read_text()
    assert "Once the course has a second lesson,\n      link to it by its file name" in first
    assert coursegen("new", "lesson", "closing", cwd=new_course).returncode == 0
    second = (new_course / "course/lessons/closing.yml").read_text()
    assert "`[Welcome](welcome.md)`" in second and (new_course / "course/lessons/welcome.yml").is_file()
    assert "# quiz: closing-quiz  # create it with `coursegen new quiz closing-quiz`" in second


@pytest.mark.parametrize("setup,args,message", [
    ("notempty", ("new", "course", "target"),
     "coursegen new: target is not empty (it holds notes.txt); nothing was written: pick a new or empty folder for the course\n"),
    ("file", ("new", "course", "target"), "coursegen new: target is a file, not a folder; pick a new or empty folder for the course\n"),
    ("", ("new", "course", "target", "--language", "xx"),
     "coursegen new: there are no interface strings for language 'xx'; use one of "),
    ("", ("new", "course", "target", "--module", "Basics"), "coursegen new: --module does not apply to `coursegen new course`\n"),
    ("", ("new", "course", "target", "--title", " "),
     'coursegen new: give the course a title of one line (at most 200 characters): --title "Negotiation basics"\n'),
])
def test_new_course_refuses_and_writes_nothing(tmp_path, setup, args, message):
    target = tmp_path / "target"
    if setup == "notempty":
        target.mkdir()
        (target / "notes.txt").write_text("mine")
    elif setup == "file":
        target.write_text("mine")
    before = files_in(tmp_path)
    result = coursegen(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(message) and "Traceback" not in result.stderr
    assert files_in(tmp_path) == before and (setup or not target.exists()), "nothing written"


def test_an_unknown_module_writes_nothing_and_new_module_creates_it(new_course):
    before = files_in(new_course)
    result = coursegen("new", "lesson", "closing", "--module", "Closing deals", cwd=new_course)
    assert result.returncode == 2
    assert result.stderr == ("coursegen new: no module titled 'Closing deals' in course/course.yml; modules: Getting started "
                             "(add --new-module to create it at the end of `modules:`)\n")
    assert files_in(new_course) == before, "the lesson file is not written"

    result = coursegen("new", "lesson", "closing", "--module", "Closing deals", "--new-module", cwd=new_course)
    assert result.returncode == 0, result.stderr  # the retry is not told that the file exists
    text = (new_course / "course/course.yml").read_text()
    assert text.endswith('    lessons:\n      - welcome\n  - title: "Closing deals"\n    lessons: [closing]\n')
    # a second lesson for the same module goes into it, --new-module or not
    assert coursegen("new", "lesson", "objections", "--module", "Closing deals", "--new-module", cwd=new_course).returncode == 0
    assert coursegen("new", "lesson", "silence", "--module", "Closing deals", cwd=new_course).returncode == 0
    assert (new_course / "course/course.yml").read_text().endswith('  - title: "Closing deals"\n    lessons: [closing, objections, silence]\n')
    strict_check(new_course)


@pytest.mark.parametrize("edit,args,message", [
    (None, ("new", "lesson", "x", "--new-module"), "coursegen new: --new-module needs the module's title: `--module \"Title\" --new-module`\n"),
    ("flat", ("new", "lesson", "x", "--module", "Basics", "--new-module"),
     "coursegen new: the course lists `lessons:` without modules (course/course.yml): leave out --module, "
     "or replace `lessons:` with `modules:` (README.md, 'Content format')\n"),
    ("flow", ("new", "lesson", "x", "--module", "Basics", "--new-module"),
     "coursegen new: could not edit course.yml safely; add `- title: \"Basics\"` with `lessons: [x]` at the end of `modules:` to it by hand\n"),
    ("none", ("new", "lesson", "x", "--module", "Basics", "--new-module"),
     "coursegen new: could not edit course.yml safely; add `- title: \"Basics\"` with `lessons: [x]` at the end of `modules:` to it by hand\n"),
    ("none", ("new", "lesson", "x"), 'coursegen new: course/course.yml has `modules:` but none yet: add one with `--module "Title" --new-module`\n'),
])
def test_new_lesson_refusals_write_nothing(new_course, edit, args, message):
    course = new_course / "course/course.yml"
    text = course.read_text()
    if edit == "flat":
        course.write_text(text[:text.index("modules:")] + "lessons:\n  - welcome\n")
    elif edit == "none":
        course.write_text(text[:text.index("modules:")] + "modules: []\n")
    elif edit == "flow":
        course.write_text(text[:text.index("modules:")] + 'modules: [{title: "Getting started", lessons: [welcome]}]\n')
    before = files_in(new_course)
    result = coursegen(*args, cwd=new_course)
    assert result.returncode == 2
    assert result.stderr == message
    assert files_in(new_course) == before


def test_an_empty_module_is_a_warning_and_the_build_leaves_it_out(new_course, tmp_path):
    course = new_course / "course/course.yml"
    course.write_text(course.read_text() + '  - title: "Later"\n    lessons: []\n')
    line = course.read_text().splitlines().index("    lessons: []") + 1
    result = coursegen("check", cwd=new_course)
    assert result.returncode == 0, result.stderr
    assert f"course/course.yml:{line}:5: warning: module 'Later' has no lessons yet, so the site leaves it out" in result.stderr
    assert 'hint: add one with `coursegen new lesson LESSON-ID --module "Later"`, or list lesson ids in its `lessons:`' in result.stderr
    assert coursegen("check", "--strict", cwd=new_course).returncode == 1
    site = build_site(new_course, tmp_path / "site")
    assert sorted(p.name for p in (site / "modules").iterdir()) == ["module-1"]
    assert "Later" not in (site / "index.html").read_text(encoding="utf-8")
    # the hint's command fills the module, and the warning goes
    assert coursegen("new", "lesson", "later-on", "--module", "Later", cwd=new_course).returncode == 0
    strict_check(new_course)


def test_check_outside_a_project_suggests_a_command_that_starts_one(tmp_path):
    result = coursegen("check", cwd=tmp_path)
    assert result.returncode == 1
    command = re.search(r"start a course in a new folder with `(coursegen new course [^`]+)`", result.stderr).group(1)
    assert coursegen(*shlex.split(command)[1:], cwd=tmp_path).returncode == 0
    strict_check(tmp_path / command.split()[-1])


def test_the_current_empty_folder_and_a_title_with_accents_quotes_and_a_hash(tmp_path):
    folder = tmp_path / "sales-basics"
    folder.mkdir()
    result = coursegen("new", "course", ".", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert "Next: `coursegen serve` to preview it" in result.stderr, "no `cd .`"
    course = yaml.safe_load((folder / "course/course.yml").read_text())
    assert (course["id"], course["title"]) == ("sales-basics", "Sales basics")
    strict_check(folder)

    title = 'Négociation: "the #1 way" \\ à 2'
    result = coursegen("new", "course", "other", "--title", title, "--language", "de", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    course = yaml.safe_load((tmp_path / "other/course/course.yml").read_text())
    assert (course["id"], course["title"], course["language"]) == ("negociation-the-1-way-a-2", title, "de")
    assert yaml.safe_load((tmp_path / "other/mkdocs.yml").read_text())["site_name"] == title
    strict_check(tmp_path / "other")
