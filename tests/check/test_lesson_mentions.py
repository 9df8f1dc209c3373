"""check_lesson_mentions: a brand's copy whose order or hidden lessons make lesson text stale."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.check.pipeline import check_branded
from generator.load.course import CoursePaths

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _project(tmp_path: Path, course: dict[str, str], brand_course: str) -> CoursePaths:
    project = Path(shutil.copytree(FIXTURES / "basecourse", tmp_path / "p"))
    lessons = project / "course/lessons"
    for name, (old, new) in course.items():
        file = lessons / f"{name}.yml"
        file.write_text(file.read_text().replace(old, new))
    brand = project / "brands/firm"
    brand.mkdir(parents=True)
    (brand / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (brand / "brand.yml").write_text('firm: "Firm"\nsite_title: "Firm Academy"\nlogo: logo.svg\nfavicon: logo.svg\n'
                                     f'colors: {{primary: "#0b5d4b", accent: "#e0a100"}}\ncourse:\n{brand_course}')
    return CoursePaths.at(project)


def _mentions(paths: CoursePaths) -> list[str]:
    return [f.one_line() for f in check_branded(paths, "firm").findings if f.code == "stale-mention"]


def test_the_last_lesson_after_a_reorder_is_named(tmp_path):
    paths = _project(tmp_path, {"next-steps": ('body: "Write down one goal."', 'body: "Use the last lesson: write one goal."')},
                     "  lessons: [next-steps, intro]\n")
    assert _mentions(paths) == [
        "course/lessons/next-steps.yml:10:11: warning: sections[0].body: says 'last lesson', meaning 'Introduction' "
        "in the course; in this copy that is 'none' (name the lesson by its title instead, reorder, or give this copy "
        "its own version of the lesson (a file of the same id in the brand's lessons/))"]


def test_a_hidden_lesson_named_by_its_title_is_found_even_in_another_word_form(tmp_path):
    paths = _project(tmp_path, {"intro": ('title: "Introduction"', 'title: "Working the phone"'),
                                "next-steps": ('body: "Write down one goal."', 'body: "As in work the phone, write one goal."')},
                     "  hide: [intro]\n")
    found = _mentions(paths)
    assert len(found) == 1 and "names lesson 'Working the phone', which this copy of the course hides" in found[0]


def test_a_lesson_named_before_it_that_now_follows_it_is_found(tmp_path):
    paths = _project(tmp_path, {"intro": ('title: "Introduction"', 'title: "Opening the call"'),
                                "next-steps": ('body: "Write down one goal."', 'body: "After opening the call, write a goal."')},
                     "  lessons: [next-steps, intro]\n")
    assert any("names lesson 'Opening the call', which now comes after this one" in f for f in _mentions(paths))


def test_the_shipped_brands_have_no_stale_mentions():
    root = Path(__file__).resolve().parents[2]
    for brand in ("nordlicht", "harbor"):
        assert [f.one_line() for f in check_branded(CoursePaths.at(root), brand).findings if f.code == "stale-mention"] == []


def test_text_counting_lessons_in_a_copy_with_another_number_of_lessons_is_found(tmp_path):
    paths = _project(tmp_path, {"intro": ('body: |\n      Hello, **trainer**.', 'body: |\n      Hello, **trainer**. The course has two short lessons.')},
                     "  hide: [next-steps]\n")
    found = _mentions(paths)
    assert len(found) == 1 and "counts 'two short lessons', written for the course's 2 lessons; this copy has 1" in found[0]
