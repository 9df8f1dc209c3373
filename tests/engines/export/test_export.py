"""`coursegen export DIR`: a plain project that plain MkDocs and Zensical build alike.

The bundled course is built three ways once per module (our plugin on MkDocs, the
exported project on plain `mkdocs build --strict`, the exported project on
`zensical build --strict`) and a learner's browser drives each output over HTTP.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, coursegen, serve_folder
from generator.site import assets
from generator.cli import main
from generator.load.settings import read_settings
from generator.engines.export.project import MARKER, ExportRefused, export_project, plain_config
from generator.site.render import REQUIRED_EXTENSIONS

ENGINES = ["plugin", "mkdocs", "zensical"]
PAGES = ["index.html", "lessons/rapport-trap/index.html", "assessment/final-assessment/index.html"]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {"NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "PATH": "/usr/bin:/bin", "HOME": str(cwd)}
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def mkdocs_build(project: Path, out: Path) -> Path:
    result = _run("mkdocs", "build", "--strict", "-d", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    return out


def zensical_build(project: Path) -> Path:
    result = _run("zensical", "build", "--strict", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def export_cli(*args: str) -> tuple[int, str]:
    """`coursegen export ...` in this process (a new interpreter costs seconds): exit code, stderr."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["-f", str(ROOT / "mkdocs.yml"), "--color", "never", "export", *args])
    return code, err.getvalue()


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("export") / "rapport-export"
    code, stderr = export_cli(str(dest))
    assert code == 0, stderr
    reported = re.search(r"Exported (\d+) pages", stderr)
    assert reported and int(reported.group(1)) == len(list((dest / "docs").rglob("*.md"))) >= 8, stderr
    assert "mkdocs build --strict` or `zensical build`" in stderr
    return dest


@pytest.fixture(scope="module")
def sites(built_site, exported, tmp_path_factory) -> dict[str, Path]:
    return {
        "plugin": built_site,
        "mkdocs": mkdocs_build(exported, tmp_path_factory.mktemp("plain") / "site"),
        "zensical": zensical_build(exported),
    }


@pytest.fixture(scope="module")
def urls(sites):
    servers = {engine: serve_folder(folder) for engine, folder in sites.items()}
    yield {engine: url for engine, (_, url) in servers.items()}
    for server, _ in servers.values():
        server.shutdown()


# --- the exported project ----------------------------------------------------------


def test_export_is_a_plain_project_without_the_course_plugin(exported):
    config = yaml.safe_load((exported / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == ["search"]
    assert config["docs_dir"] == "docs"
    theme = config["theme"]
    assert (theme["name"], theme["font"], theme["variant"], theme["language"]) == ("material", False, "classic", "en")
    assert "navigation.prune" in theme["features"] and theme["palette"][0]["primary"] == "indigo"
    assert config["extra"]["generator"] is False
    assert set(REQUIRED_EXTENSIONS) <= {e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]}
    assert config["extra_css"] == assets.stylesheets()
    assert config["extra_javascript"] == ["assets/course/course-map.js"] + assets.scripts()  # the generated course map first
    assert (exported / "docs/assets/course/course-map.js").is_file() and (exported / "docs/assets/course/review/final-assessment.js").is_file()
    assert config["nav"][0] == {"Home": "index.md"}
    assert {"The rapport trap": "lessons/rapport-trap.md"} in config["nav"]
    for uri, content in assets.files():
        assert (exported / "docs" / uri).read_bytes() == content
    assert sorted(p.name for p in (exported / "docs" / "lessons").iterdir()) == [
        "leading-the-dance.md", "rapport-trap.md", "value-first.md", "welcome.md", "working-in-the-gray.md", "wrap-up.md",
    ]
    assert not list((exported / "docs").rglob("*.yml")), "course sources must not be published"


def test_three_builds_have_the_same_pages_and_quiz_markup(sites):
    def pages(folder: Path) -> set[str]:
        return {p.relative_to(folder).as_posix() for p in folder.rglob("index.html")}

    def quiz(folder: Path) -> str:
        html = (folder / "lessons/rapport-trap/index.html").read_text(encoding="utf-8")
        start = html.index('<section class="cq-quiz"')
        markup = re.sub(r"\s+", " ", html[start:html.index("</article>", start)])
        return re.sub(r' data-search-exclude(="")?', "", markup)  # a hint to the indexer, which some engines consume

    assert pages(sites["mkdocs"]) == pages(sites["plugin"]) == pages(sites["zensical"])
    assert set(PAGES) <= pages(sites["plugin"])
    assert quiz(sites["mkdocs"]) == quiz(sites["plugin"]) == quiz(sites["zensical"])
    for engine, folder in sites.items():
        html = (folder / "lessons/rapport-trap/index.html").read_text(encoding="utf-8")
        for script in assets.scripts():
            assert script.rsplit("/", 1)[-1] in html, f"{engine}: {script} not loaded"


ORDERED = {"search/search_index.json", "search/search_index.js", "sitemap.xml", "sitemap.xml.gz"}  # same entries, in file order


def assert_same_site(plugin: Path, plain: Path) -> None:
    """Byte for byte, but for the listings whose order follows the order files were found."""
    def files(folder: Path) -> set[str]:
        return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")}

    assert files(plain) == files(plugin)
    differ = [rel for rel in sorted(files(plugin) - ORDERED) if (plugin / rel).read_bytes() != (plain / rel).read_bytes()]
    assert not differ, f"the exported project builds these differently: {differ}"
    index = [json.loads((folder / "search/search_index.json").read_text(encoding="utf-8")) for folder in (plugin, plain)]
    assert sorted(map(json.dumps, index[0]["docs"])) == sorted(map(json.dumps, index[1]["docs"]))
    assert index[0]["config"] == index[1]["config"]
    urls = [sorted(re.findall(r"<loc>(.*?)</loc>", (folder / "sitemap.xml").read_text(encoding="utf-8"))) for folder in (plugin, plain)]
    assert urls[0] == urls[1]


def test_figures_are_drawn_alike_on_every_engine(sites, exported):
    """A figure is HTML kept whole through each engine's Markdown: one line, no blank line to end it early."""
    source = (exported / "docs/lessons/rapport-trap.md").read_text(encoding="utf-8")
    assert len([line for line in source.splitlines() if line.startswith('<figure class="cq-figure"')]) == 1

    def figure(folder: Path) -> str:
        html = (folder / "lessons/rapport-trap/index.html").read_text(encoding="utf-8")
        start = html.index('<figure class="cq-figure"')
        return re.sub(r' data-search-exclude(="")?', "", html[start:html.index("</figure>", start)])  # consumed by some engines

    drawn = {engine: figure(folder) for engine, folder in sites.items()}
    assert drawn["mkdocs"] == drawn["plugin"] == drawn["zensical"]
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in drawn["zensical"] and "<figcaption>" in drawn["zensical"]


def test_plain_mkdocs_builds_the_export_into_the_plugins_site_byte_for_byte(sites):
    """Any setting the plugin adds at build time and the export forgets shows up here."""
    assert_same_site(sites["plugin"], sites["mkdocs"])


def test_export_refuses_a_folder_that_is_not_a_previous_export(tmp_path):
    dest = tmp_path / "notes"
    dest.mkdir()
    (dest / "plan.txt").write_text("my plan", encoding="utf-8")
    code, stderr = export_cli(str(dest))
    assert code == 2
    assert "not empty and is not a previous export" in stderr and "nothing was written" in stderr
    assert [p.name for p in dest.iterdir()] == ["plan.txt"]
    assert (dest / "plan.txt").read_text(encoding="utf-8") == "my plan"


def test_export_of_a_broken_course_reports_file_and_line_and_writes_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    lesson = project / "course" / "lessons" / "rapport-trap.yml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("minutes:", "minutes: [", 1), encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["-f", str(project / "mkdocs.yml"), "--color", "never", "export", str(tmp_path / "out")])
    assert code == 1
    assert re.search(r"course/lessons/rapport-trap\.yml:\d+", err.getvalue()) and "Traceback" not in err.getvalue()
    assert "Export stopped: nothing was written." in err.getvalue()
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("target", ["course", "course/site", "quizzes", "scenarios", ".", ".."])
def test_export_refuses_the_project_and_its_content_folders(target):
    with pytest.raises(ExportRefused, match="holds the course itself"):
        export_project(read_settings(ROOT / "mkdocs.yml"), ROOT / target)
    assert not (ROOT / "course" / "mkdocs.yml").exists() and not (ROOT / "course" / "site").exists()


def test_export_refreshes_a_previous_export_and_keeps_other_files(tmp_path):
    dest = tmp_path / "export"
    export_project(read_settings(ROOT / "mkdocs.yml"), dest)
    stale = dest / "docs" / "lessons" / "removed-lesson.md"
    stale.write_text("# gone", encoding="utf-8")
    (dest / "site").mkdir()
    (dest / "site" / "keep.txt").write_text("built", encoding="utf-8")
    export_project(read_settings(ROOT / "mkdocs.yml"), dest)
    assert not stale.exists()
    assert (dest / "site" / "keep.txt").exists()
    assert (dest / MARKER).is_file() and (dest / "docs" / "index.md").is_file()
    assert (dest / ".gitignore").read_text(encoding="utf-8").split() == ["site/", ".cache/"]


@pytest.fixture(scope="module")
def customised(tmp_path_factory) -> Path:
    """A project with an image next to a lesson, theme overrides and tagged settings, exported."""
    project = copy_project(tmp_path_factory.mktemp("custom") / "project")
    image = project / "course" / "lessons" / "img" / "handshake.png"
    image.parent.mkdir(parents=True)
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 16)
    (project / "course" / "lessons" / ".draft.png").write_bytes(b"x")
    overrides = project / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}<span class="firm-banner">Firm override</span>{% endblock %}\n',
        encoding="utf-8",
    )
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("theme:\n  name: material\n", "theme:\n  name: material\n  custom_dir: overrides\n")
    config = config.replace("extra:\n", "extra:\n  note: !ENV [COURSE_NOTE, 'none']\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    export_project(read_settings(project / "mkdocs.yml"), project.parent / "export")
    return project.parent / "export"


def test_export_copies_media_and_the_theme_overrides(customised):
    assert (customised / "docs" / "lessons" / "img" / "handshake.png").read_bytes().startswith(b"\x89PNG")
    assert not (customised / "docs" / "lessons" / ".draft.png").exists()
    text = (customised / "mkdocs.yml").read_text(encoding="utf-8")
    assert "custom_dir: theme" in text
    assert "!ENV" in text and "COURSE_NOTE" in text, "tags such as !ENV must survive the export"
    assert (customised / "theme" / "main.html").is_file()
    package_theme = ROOT / "generator" / "engines" / "mkdocs" / "theme"
    if package_theme.is_dir():  # the accessibility overrides, when present, come along
        for path in package_theme.rglob("*"):
            if path.is_file() and not (customised.parent / "project" / "overrides" / path.relative_to(package_theme)).exists():
                exported = (customised / "theme" / path.relative_to(package_theme)).read_text(encoding="utf-8")
                assert path.read_text(encoding="utf-8").strip() in exported


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_both_engines_apply_the_overrides(customised, engine, tmp_path):
    site = mkdocs_build(customised, tmp_path / "site") if engine == "mkdocs" else zensical_build(customised)
    assert "Firm override" in (site / "lessons/rapport-trap/index.html").read_text(encoding="utf-8")
    assert (site / "lessons" / "img" / "handshake.png").is_file()


# --- a learner on each of the three builds -----------------------------------------


@pytest.fixture(params=ENGINES)
def learner(request, page, urls):
    """A page on one engine's site, recording every request and script error."""
    url = urls[request.param]
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, url, requests, errors
    assert not errors, f"{request.param}: script errors: {errors}"
    outside = [r for r in requests if not r.startswith(("http://127.0.0.1:", "data:", "blob:"))]
    assert not outside, f"{request.param}: requests left the local server: {outside}"


def _answer_first_question(page):
    item = page.locator(".cq-item").first
    item.locator("input").first.check()
    item.locator(".cq-check").click()
    feedback = item.locator(".cq-feedback")
    feedback.wait_for(state="visible")
    return item


@pytest.mark.browser
def test_a_quiz_grades_on_every_engine(learner):
    page, url, requests, _ = learner
    page.goto(f"{url}/")
    page.goto(f"{url}/lessons/rapport-trap/")
    item = _answer_first_question(page)
    verdict = item.locator(".cq-feedback").inner_text()
    assert any(word in verdict for word in ("Correct", "Incorrect", "Partly correct")), verdict
    page.goto(f"{url}/assessment/final-assessment/")
    assert page.locator(".cq-quiz .cq-item").count() >= 1
    assert any(r.endswith("/assets/course/quiz.js") for r in requests)


@pytest.mark.browser
def test_a_scenario_plays_to_an_ending_on_every_engine(learner):
    page, url, requests, _ = learner
    page.goto(f"{url}/lessons/value-first/")
    page.evaluate("localStorage.clear()")
    page.reload()
    for _ in range(3):  # the first reply at each node: the best path of the moulding-plant call
        page.locator(".cq-sc-ask button").first.click()
    title = page.locator(".cq-sc-title")
    title.wait_for(state="visible")
    assert title.inner_text() == "Outcome: An evening visit to listen to the plant"
    assert "Result: 100%" in page.locator(".cq-sc-score").inner_text()
    assert any(r.endswith("/assets/course/scenario.js") for r in requests)


@pytest.mark.browser
def test_results_persist_across_reload_on_every_engine(learner):
    page, url, _, _ = learner
    page.goto(f"{url}/lessons/rapport-trap/")
    page.evaluate("localStorage.clear()")
    page.reload()
    item = _answer_first_question(page)
    qid, verdict = item.get_attribute("data-qid"), item.locator(".cq-feedback").inner_text()
    stored = "() => Object.keys(localStorage).filter(k => k.startsWith('coursegen:v1:rapport:')).sort()"
    keys = page.evaluate(stored)
    assert keys, "answering a question stores nothing under coursegen:v1:rapport:"
    page.reload()
    again = page.locator(f'.cq-item[data-qid="{qid}"]')
    again.locator(".cq-feedback").wait_for(state="visible")  # the answer comes back, graded as before
    assert again.locator(".cq-feedback").inner_text() == verdict
    assert again.locator("input:checked").count() == 1
    assert page.evaluate(stored) == keys


@pytest.mark.browser
def test_search_finds_a_lesson_on_every_engine(learner):
    """Zensical's search differs from Material's: the exported theme overrides must not break either."""
    page, url, _, _ = learner
    page.goto(f"{url}/")
    page.wait_for_load_state("networkidle")
    hits = page.get_by_text("Leading the dance")

    def visible() -> int:
        return sum(hits.nth(i).is_visible() for i in range(hits.count()))

    before = visible()
    page.keyboard.press("/")
    page.keyboard.type("dance")
    for _ in range(50):
        if visible() > before:
            break
        page.wait_for_timeout(100)
    assert visible() > before, "typing in the search box shows no result"


# --- a firm's branded copy -----------------------------------------------------------


@pytest.fixture(scope="module")
def branded(tmp_path_factory) -> dict[str, Path]:
    """brands/nordlicht exported, then built by the plugin (`build --brand`), plain MkDocs and Zensical."""
    base = tmp_path_factory.mktemp("branded")
    export_project(read_settings(ROOT / "mkdocs.yml"), base / "export", brand_name="nordlicht")
    plugin = coursegen("build", "--brand", "nordlicht", "--out", str(base / "plugin"))
    assert plugin.returncode == 0, plugin.stderr
    return {"plugin": base / "plugin", "mkdocs": mkdocs_build(base / "export", base / "mkdocs"),
            "zensical": zensical_build(base / "export")}


def test_a_branded_export_builds_the_firms_copy_on_both_engines(branded):
    def pages(folder: Path) -> set[str]:
        return {p.relative_to(folder).as_posix() for p in folder.rglob("*.html") if p.name != "404.html"}

    assert pages(branded["mkdocs"]) == pages(branded["plugin"]) == pages(branded["zensical"])
    assert_same_site(branded["plugin"], branded["mkdocs"])
    for engine in ("mkdocs", "zensical"):
        site = branded[engine]
        html = (site / "lessons" / "rapport-trap.html").read_text(encoding="utf-8")  # .html: works from file://
        assert '<html lang="de"' in html and "Nordlicht Akademie" in html, engine
        assert "assets/brand/brand.css" in html and 'data-md-color-primary="custom"' in html, engine
        assert "mailto:akademie@" in html and "Harbor" not in html, engine
        assert "--md-primary-fg-color: #" in (site / "assets" / "brand" / "brand.css").read_text(encoding="utf-8")
        assert (site / "assets" / "brand" / "logo.svg").is_file()
        # search from disk (engines/offline_search.py): the site's own iframe-worker shim, never unpkg.com's
        assert 'src="../assets/course/iframe-worker-shim.js"' in html and "unpkg.com" not in html, engine
    assert (branded["mkdocs"] / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = {")


def test_nav_titles_are_escaped_like_the_plugins():
    """Both engines print nav titles as HTML: a title must not become a tag in the exported nav."""
    from generator.site.build import SiteBuild
    from generator.site.sitemap import NavItem

    built = SiteBuild(site_name="T", language="en", pages=[], nav=[NavItem("Q&A <img src=x onerror=alert(1)>", "lessons/qa.md")],
                      files=[], markdown_extensions=[], stylesheets=[], scripts=[], site=None, strings={})
    plain = plain_config({"theme": {"name": "material"}}, built)
    [entry] = plain["nav"]
    assert "<" not in next(iter(entry)) and "&amp;" in next(iter(entry))


@pytest.mark.browser
def test_no_accessibility_findings_on_every_engine(learner):
    """The exported theme (with its Zensical search switch) keeps axe at zero on a phone-sized lesson."""
    from axe_playwright_python.sync_playwright import Axe

    page, url, _, _ = learner
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{url}/lessons/rapport-trap/")
    page.wait_for_load_state("networkidle")
    violations = Axe().run(page).response["violations"]
    assert not violations, [(v["id"], v["impact"], len(v["nodes"])) for v in violations]
