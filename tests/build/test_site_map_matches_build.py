"""`check` and the build agree about the site (issue 14): a link is accepted exactly when the
built site has its target, the settings are read alike in both mkdocs.yml forms, and the
course's title names the site.

Each test builds a real site with the command line and compares `check`'s verdict with
the built pages, for a course in modules and for a flat course of 45 lessons (shown in
parts, as if in modules).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_site, coursegen

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402  (bench/synth.py: the benchmark's generated courses)

HEADING_ID = re.compile(r'<h[1-6] id="([^"]+)"')


def _modules_project(dest: Path, *, allow_html: bool = True) -> Path:
    """The bundled course, grouped in two modules, with titles and headings that Markdown,
    HTML escaping and `allow_html: false` each change on the way to an anchor."""
    shutil.copytree(ROOT / "course", dest / "course")
    shutil.copytree(ROOT / "quizzes", dest / "quizzes")
    shutil.copytree(ROOT / "dialogues", dest / "dialogues")  # course.yml lists them (issue 23)
    shutil.copytree(ROOT / "figures", dest / "figures")
    shutil.copytree(ROOT / "handouts", dest / "handouts")  # listed in course.yml (issue 23)
    shutil.copy(ROOT / "known-findings.yml", dest / "known-findings.yml")  # issue 16
    title = "Negotiation & <Basics>"
    config = (ROOT / "mkdocs.yml").read_text().replace("site_name: Rapport that sells", f'site_name: "{title}"')
    if not allow_html:
        config = config.replace("  - course\n", "  - course:\n      allow_html: false\n")
        assert "allow_html: false" in config
    (dest / "mkdocs.yml").write_text(config)
    course = dest / "course/course.yml"
    data = yaml.safe_load(course.read_text())
    order = data.pop("lessons")
    data["title"] = title
    data["modules"] = [{"title": "Foundations & *more*", "lessons": order[:3]}, {"title": "Being written", "lessons": []},
                       {"title": "In practice", "lessons": order[3:]}]  # an empty module: a warning, no page, no nav entry
    course.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    lesson = dest / "course/lessons" / f"{order[1]}.yml"
    data = yaml.safe_load(lesson.read_text())
    data["title"] = "Q&A: the <trap> *signs*"
    data["sections"][0]["heading"] = "Prepare: Q&A, `fast` code <b>now</b>"
    data["sections"][0]["body"] += "\n\n### A <b>bold</b> move\n\nText.\n"
    lesson.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return dest


def _inert_project(dest: Path) -> Path:
    return _modules_project(dest, allow_html=False)


def _flat_project(dest: Path) -> Path:
    return synth.write_course(dest, 45, flat=True)


def _built_pages(site: Path) -> dict[str, list[str]]:
    """Every page the build wrote, as a docs path ("lessons/x.md"), with its heading anchors."""
    pages = {}
    for html in sorted(site.rglob("index.html")):
        rel = html.relative_to(site).parent.as_posix()
        text = html.read_text(encoding="utf-8")
        article = text[text.index("<article"):text.index("</article>")]
        pages["index.md" if rel == "." else rel + ".md"] = HEADING_ID.findall(article)
    return pages


def _probe(project: Path, lesson: str, targets: list[str]) -> dict[str, str]:
    """Add a section linking to every target to `lesson`; check; each target's finding code."""
    file = project / "course/lessons" / f"{lesson}.yml"
    data = yaml.safe_load(file.read_text())
    lines = [f"- [link {i}]({target})" for i, target in enumerate(targets)]
    for start in range(0, len(lines), 100):  # a text field holds at most 20,000 characters
        data["sections"].append({"heading": f"Probe links {start}", "body": "\n".join(lines[start:start + 100])})
    file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    result = coursegen("check", "--format", "json", cwd=project)
    assert not [f for f in json.loads(result.stdout)["findings"] if f["code"] not in ("broken-link", "broken-anchor")
                and f["severity"] == "error"], result.stdout
    report = json.loads(result.stdout)
    found = {}
    for finding in report["findings"]:
        match = re.match(r"link to '([^']+)'", finding["message"])
        if match:
            found[match.group(1)] = finding["code"]
            _MESSAGES[match.group(1)] = finding["message"]
    return found


_MESSAGES: dict[str, str] = {}  # the last probe's message for each target


def _opens(site: Path, page: str, href: str) -> bool:
    """Whether `href`, left as written on docs page `page`, opens a file of the built site
    (directory URLs: lessons/x.md is served at lessons/x/)."""
    import posixpath

    address = "" if page == "index.md" else page.removesuffix(".md") + "/"
    target = posixpath.normpath(posixpath.join(address, href.split("#")[0]))
    file = site / target
    return (file.is_file() or (file / "index.html").is_file()) and not target.startswith("..")


def _relative(from_page: str, to_page: str) -> str:
    import posixpath

    return posixpath.relpath(to_page, posixpath.dirname(from_page))


@pytest.mark.parametrize("make", [_modules_project, _inert_project, _flat_project], ids=["modules", "allow-html-false", "flat-45"])
def test_a_link_is_accepted_exactly_when_the_build_has_its_target(tmp_path, make):
    project = make(tmp_path / "project")
    site_dir = build_site(project, tmp_path / "site")
    built = _built_pages(site_dir)
    assert any(page.startswith("modules/") for page in built), "the course is shown in modules or parts"
    if make is not _flat_project:  # the empty module has no overview page, and the others keep theirs
        assert sorted(page for page in built if page.startswith("modules/")) == ["modules/module-1.md", "modules/module-2.md"]
        assert "Being written" not in (tmp_path / "site/index.html").read_text(encoding="utf-8")

    from generator.check.pipeline import check
    from generator.i18n import strings_for
    from generator.load.course import CoursePaths
    from generator.site.sitemap import SiteMap

    course, _ = check(CoursePaths.at(project))
    allow_html = "allow_html: false" not in (project / "mkdocs.yml").read_text()
    site = SiteMap(course, strings_for(course.settings.language, course.settings.strings), allow_html=allow_html)
    assert sorted(page.path for page in site.pages) == sorted(built), "the site map lists exactly the built pages"
    for path, anchors in built.items():
        assert site.anchors(path) == anchors, path

    here = next(page for page in built if page.startswith("lessons/"))
    good = [_relative(here, page) + (f"#{anchor}" if anchor else "") for page, anchors in built.items() for anchor in ["", *anchors]]
    bad = [_relative(here, page) + "#no-such-heading" for page in built]
    bad += ["../modules/module-3.md"] * (make is not _flat_project)  # the third module listed is shown as the second
    bad += ["../modules/module-99.md", "../nowhere.md", "no-such-lesson.md", "../index.md#" + "foundations"]
    # a page named another way than its .md name (issue 18): MkDocs converts only `x.md`
    # links; these are left as written, and none opens the page in every build
    other = next(page for page in built if page.startswith("lessons/") and page != here)
    name = other.removeprefix("lessons/").removesuffix(".md")
    wrong = [f"{name}.yml", f"{name}.html", name, f"../lessons/{name}/", f"{name}/index.html", f"{name}.html#{built[other][0]}"]
    for href in wrong:
        assert not _opens(site_dir, here, href), f"{href} opens in the built site"
    assert not (site_dir / "lessons" / f"{name}.yml").exists(), "a lesson's .yml is not published (exclude_docs)"
    # `../name/` opens here (directory URLs over HTTP), but not in a brand's .html build or from file://
    assert _opens(site_dir, here, f"../{name}/")
    wrong.append(f"../{name}/")
    verdicts = _probe(project, here.removeprefix("lessons/").removesuffix(".md"), good + bad + wrong)
    assert {t: verdicts[t] for t in good if t in verdicts} == {}, "targets the build has, refused by check"
    assert sorted(t for t in bad + wrong if t not in verdicts) == [], "targets the build lacks, accepted by check"
    for href in wrong:
        anchor = "#" + href.split("#")[1] if "#" in href else ""
        assert f": write `{name}.md{anchor}`: " in _MESSAGES[href], _MESSAGES[href]


def test_the_mapping_form_of_plugins_is_read_by_check_build_and_export_alike(tmp_path):
    """`plugins: {search: {}, course: {min_questions: 40}}`: every command sees min_questions."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "course", project / "course")
    shutil.copytree(ROOT / "quizzes", project / "quizzes")
    shutil.copytree(ROOT / "dialogues", project / "dialogues")  # course.yml lists them (issue 23)
    shutil.copytree(ROOT / "figures", project / "figures")
    shutil.copytree(ROOT / "handouts", project / "handouts")  # listed in course.yml (issue 23)
    shutil.copy(ROOT / "known-findings.yml", project / "known-findings.yml")  # issue 16
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    config["plugins"] = {"search": {}, "course": {"min_questions": 40}}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    checked = coursegen("check", cwd=project)
    built = coursegen("build", "--out", str(tmp_path / "site"), cwd=project)
    exported = coursegen("export", str(tmp_path / "export"), cwd=project)
    quizzes = len(list((project / "quizzes").glob("*.yml")))
    for result in (checked, built, exported):
        assert result.returncode == 1, result.stderr
        assert result.stderr.count("the minimum is 40") == quizzes, result.stderr
    assert not (tmp_path / "site").exists() and not (tmp_path / "export").exists()


def test_the_course_title_names_the_site_and_a_different_site_name_is_a_warning(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "course", project / "course")
    shutil.copytree(ROOT / "quizzes", project / "quizzes")
    shutil.copytree(ROOT / "dialogues", project / "dialogues")  # course.yml lists them (issue 23)
    shutil.copytree(ROOT / "figures", project / "figures")
    shutil.copytree(ROOT / "handouts", project / "handouts")  # listed in course.yml (issue 23)
    shutil.copy(ROOT / "known-findings.yml", project / "known-findings.yml")  # issue 16
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    course = project / "course/course.yml"
    course.write_text(course.read_text().replace('title: "Rapport that sells"', 'title: "Negotiation for engineers"'))
    title_line = next(i for i, line in enumerate(course.read_text().splitlines(), 1) if line.startswith("title:"))
    name_line = next(i for i, line in enumerate((project / "mkdocs.yml").read_text().splitlines(), 1) if line.startswith("site_name:"))

    result = coursegen("check", cwd=project)
    assert result.returncode == 0
    assert f"mkdocs.yml:{name_line}:1: warning: site_name: 'Rapport that sells' differs" in result.stderr
    assert f"(course/course.yml:{title_line})" in result.stderr
    assert coursegen("check", "--strict", cwd=project).returncode == 1

    site = build_site(project, tmp_path / "site")
    for page in ["index.html", "lessons/rapport-trap/index.html", "certificate/index.html"]:
        html = (site / page).read_text(encoding="utf-8")
        assert "Negotiation for engineers" in html and "Rapport that sells" not in html, page
    assert "Negotiation for engineers" in (site / "assets/course/course-map.js").read_text()  # the certificate's title
