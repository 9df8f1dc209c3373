"""Brands without a browser: brand.yml validation, refused asset paths, the course
overlay, and `coursegen check|build --brand` from the command line."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, coursegen
from generator.load.brand import list_brands, load_brand
from generator.load.course import CoursePaths, load_course
from generator.check.pipeline import check_branded
from generator.load.overlay import apply_overlay

EXAMPLES = ["harbor", "nordlicht"]


def project_with_brands(dest: Path) -> Path:
    copy_project(dest)
    shutil.copytree(ROOT / "brands", dest / "brands")
    return dest


@pytest.fixture
def project(tmp_path) -> Path:
    return project_with_brands(tmp_path / "proj")


def write_brand(project: Path, name: str, text: str, files: dict[str, str] | None = None) -> Path:
    folder = project / "brands" / name
    folder.mkdir(parents=True, exist_ok=True)
    for rel in ("logo.svg", "favicon.svg"):
        (folder / rel).write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    for rel, content in (files or {}).items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(content)
    (folder / "brand.yml").write_text(text)
    return folder


MINIMAL = """\
firm: "Test Firm"
site_title: "Test Academy"
logo: logo.svg
favicon: favicon.svg
colors:
  primary: "#123456"
  accent: "#abcdef"
"""


def messages(project: Path, name: str) -> list[str]:
    findings = check_branded(CoursePaths.at(project), name).findings
    return [f.one_line() for f in findings if f.is_error]


def test_example_brands_are_clean():
    assert list_brands(ROOT) == EXAMPLES
    for name in EXAMPLES:
        checked = check_branded(CoursePaths.at(ROOT), name)
        course, brand, findings = checked.course, checked.brand, checked.findings
        assert course is not None and brand is not None
        # known: known-findings.yml (issue 16); notes: brand colours adjusted for contrast
        assert [f.one_line() for f in findings if not f.known and f.severity.value != "note"] == []


def test_brand_mistakes_point_at_file_and_line(project):
    write_brand(project, "broken", MINIMAL.replace('"#123456"', '"blue"') + "fotner: x\nstrings:\n  chek: Go\n")
    found = messages(project, "broken")
    assert any(m.startswith("brands/broken/brand.yml:6:") and "'blue'" in m for m in found), found
    assert any(m.startswith("brands/broken/brand.yml:8:1") and "unknown field 'fotner'" in m and "footer" in m for m in found), found
    assert any(m.startswith("brands/broken/brand.yml:10:3") and "unknown interface string 'chek'" in m and "'check'" in m for m in found), found


def test_missing_brand_suggests_a_close_name(project):
    found = messages(project, "harbour")
    assert found == ["brands/harbour/brand.yml: error: there is no brand 'harbour' (did you mean 'harbor'?)"]


@pytest.mark.parametrize("value, words", [
    ("/etc/passwd", "absolute path"),
    ("../../mkdocs.yml", "leads out of the brand folder"),
    ("https://cdn.example/logo.svg", "another host"),
    ("missing.svg", "does not exist"),
    ("outside.svg", "symbolic link to a file outside"),
])
def test_asset_paths_outside_the_brand_folder_are_refused(project, value, words):
    folder = write_brand(project, "sneaky", MINIMAL.replace("logo: logo.svg", f"logo: {value}"))
    (project / "secret.svg").write_text("<svg/>")
    os.symlink(project / "secret.svg", folder / "outside.svg")
    found = messages(project, "sneaky")
    assert len(found) == 1 and found[0].startswith("brands/sneaky/brand.yml:3:7: error: logo: "), found
    assert words in found[0]


def test_brand_css_that_loads_from_another_host_is_refused(project):
    css = ("body { color: red; }\n@import url('https://fonts.googleapis.com/css?family=Roboto');\n.x { background: url(//cdn.example/a.png) }\n"
           '.y { background: url("../../../mkdocs.yml") }\n.z { background: url(img/none.png), url(data:image/png;base64,AA) }\n'
           '@import "more.css";\n.ok { background: url(img/bg.svg#x) }\n')
    write_brand(project, "leaky", MINIMAL + "css: [styles/extra.css]\n",
                {"styles/extra.css": css, "styles/more.css": "", "styles/img/bg.svg": "<svg/>"})
    found = messages(project, "leaky")
    assert found == [
        "brands/leaky/styles/extra.css:2:14: error: 'https://fonts.googleapis.com/css?family=Roboto' loads a file from another host; "
        "the site must not (copy the file into the brand folder and refer to it by a relative path)",
        "brands/leaky/styles/extra.css:3:22: error: '//cdn.example/a.png' loads a file from another host; the site must not "
        "(copy the file into the brand folder and refer to it by a relative path)",
        "brands/leaky/styles/extra.css:4:23: error: '../../../mkdocs.yml' leads out of the brand folder "
        "(refer to a file in the brand folder by a relative path)",
        "brands/leaky/styles/extra.css:5:22: error: the file 'styles/img/none.png' does not exist in leaky/ "
        "(put the file in the brand folder and name it relative to brand.yml, e.g. logo.svg)",
    ]


def test_files_brand_css_refers_to_are_published(project):
    write_brand(project, "pics", MINIMAL + "css: [styles/extra.css]\n",
                {"styles/extra.css": ".ok { background: url(img/bg.svg) }\n", "styles/img/bg.svg": "<svg/>"})
    brand, findings = load_brand(CoursePaths.at(project), "pics")
    assert [f for f in findings if f.code != "brand-colour"] == []
    assert ("assets/brand/styles/img/bg.svg", brand.folder / "styles/img/bg.svg") in brand.asset_files()


def test_a_symlink_inside_the_brand_folder_is_fine(project):
    folder = write_brand(project, "linked", MINIMAL.replace("logo: logo.svg", "logo: alias.svg"))
    os.symlink(folder / "logo.svg", folder / "alias.svg")
    assert messages(project, "linked") == []


def test_overlay_replaces_adds_hides_and_reorders_without_touching_the_base():
    paths = CoursePaths.at(ROOT)
    base, _ = load_course(paths)
    before = (base.settings.model_dump(), dict(base.lessons), dict(base.quizzes))
    brand, _ = load_brand(paths, "nordlicht")
    merged, findings = apply_overlay(base, brand, paths)
    assert findings == []
    assert merged.settings.lesson_order() == ["welcome", "rapport-trap", "leading-the-dance", "telefonakquise", "value-first", "wrap-up"]
    assert merged.lessons["welcome"].title == "Willkommen in der Nordlicht Akademie"  # replaced by id
    assert "telefonakquise-quiz" in merged.quizzes  # added
    assert "working-in-the-gray" not in merged.lessons and "working-in-the-gray-quiz" not in merged.quizzes  # hidden
    gray = {o.id for o in base.lessons["working-in-the-gray"].objectives}
    assert not any(q.objective in gray for q in merged.final_quiz.questions)
    assert merged.settings.language == "de" and merged.settings.id == "rapport-nordlicht"
    assert (base.settings.model_dump(), dict(base.lessons), dict(base.quizzes)) == before


def test_overlay_mistakes_are_reported_at_the_brand_files(project):
    overlay = MINIMAL + "course:\n  hide: [no-such-lesson]\n  lessons: [welcome, welcome, ghost]\n"
    quiz = """\
id: extra-quiz
lesson: extra
title: "Extra"
questions:
  - id: q1
    type: true_false
    objective: not-an-objective
    prompt: "Yes?"
    options:
      - text: "True"
        correct: true
      - text: "False"
"""
    lesson = ("id: extra\ntitle: Extra\nsummary: S\nminutes: 2\nobjectives:\n  - id: extra-o\n    text: T\n"
              "sections:\n  - heading: H\n    body: B\nquiz: extra-quiz\n")
    write_brand(project, "mixed", overlay, {"lessons/extra.yml": lesson, "quizzes/extra-quiz.yml": quiz})
    found = messages(project, "mixed")
    assert "brands/mixed/brand.yml:9:10: error: course.hide: cannot hide lesson 'no-such-lesson'" in found[0]
    assert any(m.startswith("brands/mixed/brand.yml:10:22: error: course: lesson 'welcome' is listed twice") for m in found), found
    assert any(m.startswith("brands/mixed/brand.yml:10:31: error: course: lesson 'ghost' is neither") for m in found), found
    # the overlay order is broken, so the merged course is not built; fix it and the checks run on the merge
    write_brand(project, "mixed", MINIMAL + "course:\n  lessons: [welcome, extra]\n",
                {"lessons/extra.yml": lesson, "quizzes/extra-quiz.yml": quiz})
    found = messages(project, "mixed")
    assert any(m.startswith("brands/mixed/quizzes/extra-quiz.yml:7:16: error:") and "not-an-objective" in m for m in found), found


def test_check_brand_from_the_command_line(project):
    result = coursegen("check", "--brand", "nordlicht", cwd=project)
    assert result.returncode == 0, result.stderr
    write_brand(project, "bad", MINIMAL.replace("logo: logo.svg", "logo: ../mkdocs.yml"))
    result = coursegen("check", "--brand", "bad", cwd=project)
    assert result.returncode == 1
    assert "brands/bad/brand.yml:3:7: error: logo: '../mkdocs.yml' leads out of the brand folder" in result.stderr
    assert "Traceback" not in result.stderr


def _tree_digest(folder: Path) -> dict[str, tuple[str, int]]:
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_building_one_brand_never_changes_another(project):
    result = coursegen("build", "--all-brands", cwd=project)
    assert result.returncode == 0, result.stderr
    out = project / "site-brands"
    assert sorted(p.name for p in out.iterdir()) == EXAMPLES
    nordlicht = _tree_digest(out / "nordlicht")
    result = coursegen("build", "--brand", "harbor", cwd=project)
    assert result.returncode == 0, result.stderr
    assert _tree_digest(out / "nordlicht") == nordlicht
    result = coursegen("build", cwd=project)  # the main site (site/) leaves the brands alone too
    assert result.returncode == 0, result.stderr
    assert _tree_digest(out / "nordlicht") == nordlicht
    # a brand with errors: nothing is written, its previous site stays
    harbor = _tree_digest(out / "harbor")
    (project / "brands" / "harbor" / "brand.yml").write_text(MINIMAL.replace('"#123456"', "red"))
    result = coursegen("build", "--brand", "harbor", cwd=project)
    assert result.returncode == 1 and "previous site is unchanged" in result.stderr
    assert _tree_digest(out / "harbor") == harbor


def test_build_brand_usage_errors(project):
    result = coursegen("build", "--brand", "nope", cwd=project)
    assert result.returncode == 1 and "there is no brand 'nope'" in result.stderr
    result = coursegen("build", "--brand", "harbor", "--all-brands", cwd=project)
    assert result.returncode == 2 and "not both" in result.stderr


def test_serve_previews_a_brand(project):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--brand", "harbor", "-a", f"127.0.0.1:{port}"],
                            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline, html = time.monotonic() + 60, ""
        while time.monotonic() < deadline and not html:
            try:
                html = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode("utf-8")
            except OSError:
                time.sleep(0.3)
        assert "Harbor Sales Academy Ltd" in html and "assets/brand/brand.css" in html
    finally:
        proc.terminate()
        proc.wait(timeout=10)


SAMPLE = ["#000000", "#ffffff", "#ffff00", "#00ff00", "#808080", "#ff0000", "#ff5c8a", "#2ee6c8", "#0b5d4b", "#e0a100"]


@pytest.mark.parametrize("primary", SAMPLE)
def test_every_derived_colour_reaches_its_contrast_in_both_schemes(primary):
    """Text 4.5:1 and focus rings 3:1 wherever they sit: the header and its search field
    (placeholder too), shades under the header's text, links and hovered links on the page
    and on feedback blocks, the accent's tint, hovered buttons, the header's focus ring."""
    from generator.model.colour import SCHEMES, contrast, derive_palette, tint

    for accent in SAMPLE:
        p = derive_palette(primary, accent)
        on_header = [(p.on_primary, bg) for bg in (p.primary, p.field, p.field_hover, p.shade, p.shade_light)]
        pairs = on_header + [(p.on_primary_soft, p.primary), (p.on_primary_soft, p.field)]
        for scheme in SCHEMES:
            s = p.light if scheme.name == "default" else p.dark
            pairs += [(s.link, bg) for bg in scheme.surfaces] + [(s.accent, bg) for bg in scheme.surfaces]
            pairs += [(s.accent, tint(s.accent, bg)) for bg in scheme.surfaces] + [(s.on_accent, s.accent)]
        assert [(a, b) for a, b in pairs if contrast(a, b) < 4.5] == [], (primary, accent)
        assert contrast(p.header_focus, p.primary) >= 3


def test_check_notes_each_adjusted_colour_and_the_value_used():
    checked = check_branded(CoursePaths.at(ROOT), "harbor")
    notes = [f.one_line() for f in checked.findings if f.severity.value == "note"]
    assert "brands/harbor/brand.yml:9:12: note: colors.primary: links and outline buttons in the light scheme use #bf4568 " \
           "(4.51:1) instead of #ff5c8a (2.69:1), to reach 4.5:1" in notes
    assert all(n.startswith("brands/harbor/brand.yml:") for n in notes) and len(notes) == 3
    assert not checked.failing(strict=True)  # a note never stops a build, even a strict one


def test_overlay_on_a_course_in_modules(project):
    course_yml = project / "course" / "course.yml"
    text = course_yml.read_text()
    head = text[: text.index("lessons:")]
    course_yml.write_text(head + """modules:
  - title: "Start"
    lessons: [welcome, rapport-trap]
  - title: "Practice"
    lessons: [leading-the-dance, value-first, working-in-the-gray, wrap-up]
""")
    extra = "id: extra\ntitle: Extra\nsummary: S\nminutes: 2\nsections:\n  - heading: H\n    body: B\n"
    quiz = (ROOT / "quizzes" / "value-first-quiz.yml").read_text().replace(
        'title: "Check yourself: value first, rapport second"', 'title: "Harbor quiz on value"')
    write_brand(project, "mods", MINIMAL + "language: es\ncourse:\n  hide: [rapport-trap]\n",
                {"lessons/extra.yml": extra, "quizzes/value-first-quiz.yml": quiz})
    checked = check_branded(CoursePaths.at(project), "mods")
    course, findings = checked.course, checked.findings
    assert [f.one_line() for f in findings if f.is_error] == []
    assert [(m.title, m.lessons) for m in course.settings.modules] == [
        ("Start", ["welcome"]), ("Practice", ["leading-the-dance", "value-first", "working-in-the-gray", "wrap-up", "extra"])]
    assert course.quizzes["value-first-quiz"].title == "Harbor quiz on value"  # a quiz replaced by id
    assert course.settings.language == "es" and "rapport-trap-quiz" not in course.quizzes


def test_a_brand_that_reorders_modules_keeps_their_scenarios(project):
    course_yml = project / "course" / "course.yml"
    text = course_yml.read_text()
    course_yml.write_text(text[: text.index("lessons:")] + """modules:
  - title: "Start"
    lessons: [welcome, rapport-trap]
    scenarios: [dental-review]
  - title: "Practice"
    lessons: [leading-the-dance, value-first, working-in-the-gray, wrap-up]
""")
    scenario = project / "scenarios" / "dental-review.yml"
    scenario.write_text(scenario.read_text().replace("lesson: rapport-trap\n", ""))  # on its own page, in module Start
    order = """course:
  modules:
    - title: "First"
      lessons: [welcome, leading-the-dance]
    - title: "Then"
      lessons: [rapport-trap, value-first, working-in-the-gray, wrap-up]
"""
    write_brand(project, "reorder", MINIMAL + order)
    checked = check_branded(CoursePaths.at(project), "reorder")
    assert [f.one_line() for f in checked.findings if f.is_error] == []
    assert checked.course is not None
    # after the lessons it came after: rapport-trap, the last of module Start's lessons, is now in "Then"
    assert [(m.title, m.scenarios) for m in checked.course.settings.modules] == [("First", []), ("Then", ["dental-review"])]
    assert [s.id for s in checked.course.module_scenarios()] == ["dental-review"]
    write_brand(project, "placed", MINIMAL + order.replace("lessons: [welcome, leading-the-dance]",
                                                           "lessons: [welcome, leading-the-dance]\n      scenarios: [dental-review]"))
    checked = check_branded(CoursePaths.at(project), "placed")
    assert [(m.title, m.scenarios) for m in checked.course.settings.modules] == [("First", ["dental-review"]), ("Then", [])]


def test_a_language_without_interface_strings_is_refused_unless_the_brand_gives_them_all(project):
    from generator.i18n import known_keys

    write_brand(project, "swedish", MINIMAL + "language: sv\n")
    findings = check_branded(CoursePaths.at(project), "swedish").findings
    assert [f.one_line() for f in findings if not f.known and f.code != "brand-colour"] == [
        "brands/swedish/brand.yml:8:11: error: language: there are no interface strings in 'sv' "
        "(use one of de, en, es, fr, it, nl, pt; or translate every interface string under `strings:` in brands/swedish/brand.yml: "
        "the keys and the English text are in generator/i18n/strings.yml)"]
    every = "".join(f"  {key}: 'sv {key} {{n}}'\n" for key in sorted(known_keys()))
    write_brand(project, "svenska", MINIMAL + "language: sv\nstrings:\n" + every)
    findings = check_branded(CoursePaths.at(project), "svenska").findings
    assert [f.one_line() for f in findings if f.code == "language"] == []
    write_brand(project, "french", MINIMAL + "language: fr\n")
    assert [f for f in check_branded(CoursePaths.at(project), "french").findings if not f.known and f.code != "brand-colour"] == []


def test_a_font_stack_cannot_smuggle_css(project):
    stack = "Arial; } body { background: url(https://tracker.example/x.png) } x {"
    write_brand(project, "smuggle", MINIMAL + f"fonts:\n  text: '{stack}'\n")
    found = messages(project, "smuggle")
    assert len(found) == 1 and found[0].startswith("brands/smuggle/brand.yml:9:9: error: fonts.text: ") and "not a font stack" in found[0]


def test_brand_page_strings_come_from_the_language_and_brand_yml_overrides_them(project):
    """contact, to_dark and to_light are in generator/i18n/strings.yml like every interface string."""
    from generator.load.settings import read_settings
    from generator.site.build import build_site

    contact = "contact:\n  email: team@test.example\n"
    write_brand(project, "deutsch", MINIMAL + contact + "language: de\n")
    write_brand(project, "own", MINIMAL + contact + "strings:\n  contact: \"Reach us\"\n  to_dark: \"Lights off\"\n  to_light: \"Lights on\"\n")
    settings = read_settings(project / "mkdocs.yml")
    for name, words in (("deutsch", ("Kontakt", "Dunkles Design einschalten", "Helles Design einschalten")),
                        ("own", ("Reach us", "Lights off", "Lights on"))):
        built = build_site(settings, name)
        home = next(page for page in built.pages if page.path == "index.md")
        assert f"## {words[0]}\n" in home.content, name
        assert [scheme["toggle"]["name"] for scheme in built.theme["palette"]] == list(words[1:]), name


def test_a_brand_order_that_leaves_lessons_out_names_brand_yml(project):
    """Issue 18: the lessons a brand's own order leaves out are added in its brand.yml, not course.yml."""
    write_brand(project, "few", MINIMAL + "course:\n  lessons: [welcome, rapport-trap, wrap-up]\n")
    checked = check_branded(CoursePaths.at(project), "few")
    left_out = [f.one_line() for f in checked.findings if f.code == "orphan-lesson"]
    assert left_out and all("brands/few/brand.yml" in line and "course/course.yml" not in line for line in left_out), left_out
    assert any("lesson 'value-first' is not in the course order" in line
               and "add `- value-first` to the lessons in brands/few/brand.yml" in line for line in left_out), left_out
    # an entry of the brand's order is pointed at in brand.yml too
    write_brand(project, "few", MINIMAL + "course:\n  lessons: [welcome, rapport-trap, wrap-up, rapport-trap]\n")
    found = messages(project, "few")
    assert any(m.startswith("brands/few/brand.yml:9:") and "listed twice" in m for m in found), found


def _scenario(sid: str, lesson: str, title: str) -> str:
    """A small valid scenario file: one node, a passing and a failing ending."""
    return (f'id: {sid}\nlesson: {lesson}\ntitle: "{title}"\nstart: ask\nnodes:\n'
            '  - id: ask\n    says: "Well?"\n    choices:\n'
            '      - {text: "Ask first", to: good, points: 1}\n      - {text: "Pitch", to: bad}\n'
            'endings:\n  - {id: good, title: "Good", debrief: "Asking worked."}\n'
            '  - {id: bad, title: "Bad", passed: false, debrief: "The pitch fell flat."}\n')


def test_overlay_adds_replaces_and_hides_scenarios(project):
    (project / "scenarios").mkdir(exist_ok=True)
    for sid, lesson in (("base-one", "rapport-trap"), ("base-two", "value-first"), ("gray-talk", "working-in-the-gray")):
        (project / "scenarios" / f"{sid}.yml").write_text(_scenario(sid, lesson, f"Base {sid}"))
    write_brand(project, "acme", MINIMAL + "course:\n  hide: [working-in-the-gray]\n  hide_scenarios: [base-two]\n", {
        "scenarios/base-one.yml": _scenario("base-one", "rapport-trap", "Acme's own take"),
        "scenarios/acme-extra.yml": _scenario("acme-extra", "welcome", "Acme extra"),
    })
    checked = check_branded(CoursePaths.at(project), "acme")
    assert [f.one_line() for f in checked.findings if f.is_error] == []
    scenarios = checked.course.scenarios
    # added; base-two hidden; gray-talk and the course's mountain-hotel-call gone with their lesson
    assert sorted(scenarios) == ["acme-extra", "base-one", "dental-review", "moulding-plant-call", "studio-rota-call"]
    assert scenarios["base-one"].title == "Acme's own take"  # replaced by id
    assert checked.course.sources[("scenario", "base-one")].file == "brands/acme/scenarios/base-one.yml"


def test_hiding_a_scenario_the_course_lacks_is_reported_at_brand_yml(project):
    write_brand(project, "acme", MINIMAL + "course:\n  hide_scenarios: [ghost]\n")
    found = messages(project, "acme")
    assert len(found) == 1 and found[0].startswith(
        "brands/acme/brand.yml:9:20: error: course.hide_scenarios: cannot hide scenario 'ghost': the course has no such "
        "scenario (use one of: "), found


def test_the_dark_scheme_surfaces_are_materials_slate_in_hex():
    """model/colour.py writes Material's slate surfaces in hex, so that loading it need not
    import coloraide: they are the hsl values Material gives."""
    from generator.model.colour import DARK, _hex

    assert (DARK.page, DARK.blocks) == (_hex("hsl(232 15% 14%)"), _hex("hsl(232 15% 18%)"))
