"""Handouts (issue 23): each handout course.yml lists is a page of the built site, found
from the navigation's toolkit section and the home page, in every engine's output (the
MkDocs plugin's build, the plain export, an LMS package)."""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from pathlib import Path

import yaml
from lxml import html

from conftest import ROOT, build_site, copy_whole_project, coursegen
from generator.cli import main
from test_page_language import mismatches, text_blocks

COURSE = yaml.safe_load((ROOT / "course/course.yml").read_text("utf-8"))
HANDOUTS = {hid: yaml.safe_load((ROOT / f"handouts/{hid}.yml").read_text("utf-8")) for hid in COURSE["handouts"]}


def _page(site: Path, path: str) -> html.HtmlElement:
    return html.fromstring((site / path).read_text("utf-8"))


def _by_class(element: html.HtmlElement, name: str, within: str = "") -> list:
    """The descendants of `element` with the class `name` (inside one of class `within`, which may add an XPath predicate)."""
    inner = f".//*[contains(concat(' ', @class, ' '), ' {name} ')]"
    if within:
        cls, _, rest = within.partition("[")
        return element.xpath(f".//*[contains(concat(' ', @class, ' '), ' {cls} ')]{'[' + rest if rest else ''}" + inner[1:])
    return element.xpath(inner)


def _text(element: html.HtmlElement) -> str:
    return " ".join(element.text_content().replace("\u00b6", "").split())  # without the headings' permalink marks


def _unquoted(text: str) -> str:
    """The text without its quotation marks, which Markdown may turn typographic."""
    return re.sub("[\"'\u2018\u2019\u201c\u201d]", "", text)


def test_the_bundled_course_lists_the_three_handouts():
    assert list(HANDOUTS) == ["pre-call-planner", "phrase-bank", "managers-guide"]


def test_each_handout_page_shows_its_title_purpose_headings_and_writing_spaces(built_site):
    for hid, handout in HANDOUTS.items():
        page = _page(built_site, f"toolkit/{hid}/index.html")
        article = page.xpath("//article")[0]
        assert _text(article.xpath(".//h1")[0]) == handout["title"]
        assert _text(_by_class(article, "cq-handout-purpose")[0]) == handout["purpose"]
        headings = [_text(h) for h in article.xpath(".//h2")]
        assert headings == [block["heading"] for block in handout["blocks"] if "heading" in block]
        fields = [f for block in handout["blocks"] if block["type"] == "fields" for f in block["fields"]]
        spaces = _by_class(article, "cq-field")
        assert [_text(_by_class(s, "cq-field-label")[0].xpath("strong")[0]) for s in spaces] == [f["label"] for f in fields]
        # each writing space has its ruled lines, hidden from screen readers (the label says what to write)
        assert [len(_by_class(s, "cq-write-line", within="cq-lines[@aria-hidden='true']")) for s in spaces] == [f.get("lines", 2) for f in fields]


def test_the_phrase_bank_gives_every_reply_with_why_it_works(built_site):
    article = _page(built_site, "toolkit/phrase-bank/index.html").xpath("//article")[0]
    situations = [s for block in HANDOUTS["phrase-bank"]["blocks"] for s in block["situations"]]
    assert [_unquoted(_text(h)) for h in article.xpath(".//h3")] == [_unquoted(s["situation"]) for s in situations]
    replies = article.xpath(".//ul[@class='cq-phrases']/li")
    assert len(replies) == sum(len(s["replies"]) for s in situations) >= 12
    assert all("Why it works:" in _text(_by_class(li, "cq-why")[0]) for li in replies)
    channels = {_text(c) for c in _by_class(article, "cq-channel")}
    assert {"Phone", "In person", "Video", "E-mail", "Chat"} <= channels


def test_the_managers_guide_has_its_rubric_as_a_table_with_row_headers(built_site):
    table = _page(built_site, "toolkit/managers-guide/index.html").xpath("//table[@class='cq-rubric']")[0]
    assert [_text(th) for th in table.xpath("thead//th")] == ["Criterion", "What good looks like", "Warning sign"]
    rubric = next(b for b in HANDOUTS["managers-guide"]["blocks"] if b["type"] == "rubric")
    rows = [_text(th) for th in table.xpath("tbody//th[@scope='row']")]
    assert rows == [c["criterion"] for c in rubric["criteria"]] and "Did they lead?" in rows


def test_the_navigation_has_a_toolkit_section_with_the_handouts_in_order(built_site):
    page = _page(built_site, "toolkit/phrase-bank/index.html")  # the home page's navigation shows sections folded (prune)
    section = next(nav for nav in page.xpath("//nav[@aria-labelledby]") if _text(nav.xpath("label")[0]) == "Toolkit")
    links = section.xpath("ul/li/a")
    assert [_text(a) for a in links] == [h["title"] for h in HANDOUTS.values()]
    assert [a.get("href") for a in links] == ["../pre-call-planner/", "./", "../managers-guide/"]


def test_the_home_page_links_every_handout_under_its_toolkit_heading(built_site):
    article = _page(built_site, "index.html").xpath("//article")[0]
    heading = next(h for h in article.xpath(".//h2") if _text(h) == "Toolkit")
    items = heading.getnext().xpath(".//li")
    assert [_text(li.xpath(".//a")[0]) for li in items] == [h["title"] for h in HANDOUTS.values()]
    assert [li.xpath(".//a")[0].get("href") for li in items] == [f"toolkit/{hid}/" for hid in HANDOUTS]
    assert all(h["purpose"] in _text(li) for h, li in zip(HANDOUTS.values(), items, strict=True))


def test_the_plain_export_and_a_scorm_package_carry_the_handout_pages(tmp_path):
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["-f", str(ROOT / "mkdocs.yml"), "--color", "never", "export", str(tmp_path / "plain")]) == 0, err.getvalue()
    exported = tmp_path / "plain"
    assert sorted(p.name for p in (exported / "docs/toolkit").glob("*.md")) == sorted(f"{hid}.md" for hid in HANDOUTS)
    config = (exported / "mkdocs.yml").read_text("utf-8")
    assert all(f"toolkit/{hid}.md" in config for hid in HANDOUTS) and "Toolkit" in config
    result = coursegen("export", "--format", "scorm12", str(tmp_path / "course.zip"))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "course.zip") as package:
        names = set(package.namelist())
        planner = package.read("toolkit/pre-call-planner.html").decode("utf-8")
    assert {f"toolkit/{hid}.html" for hid in HANDOUTS} <= names
    assert re.search(r'href="toolkit/pre-call-planner\.html"', package_home(tmp_path / "course.zip"))
    assert "cq-write-line" in planner


def package_home(package: Path) -> str:
    with zipfile.ZipFile(package) as archive:
        return archive.read("index.html").decode("utf-8")


def test_a_handout_text_the_translation_does_not_give_shows_in_english_marked_so(tmp_path):
    project = copy_whole_project(tmp_path / "p")
    german = project / "translations/de/handouts/phrase-bank.yml"
    data = yaml.safe_load(german.read_text("utf-8"))
    # (not a heading: Material's table of contents repeats it without its `lang`, for lessons too)
    del data["purpose"], data["blocks"][1]["situations"][0]["replies"][0]["why"]
    german.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    site = build_site(project, tmp_path / "site", "--lang", "de")
    page = site / "toolkit/phrase-bank/index.html"
    english = HANDOUTS["phrase-bank"]
    blocks = text_blocks(page)
    assert ("en", "en", english["purpose"][:120]) in blocks  # (as much as the detector quotes)
    assert ("en", "en", english["blocks"][1]["situations"][0]["replies"][0]["why"][:120]) in blocks
    assert mismatches(site) == []  # everything else reads as the German it says it is
