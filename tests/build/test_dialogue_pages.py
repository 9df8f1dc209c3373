"""Annotated dialogues in the built site (issue 23): a page per listed dialogue, a section
of the navigation after the lessons, a link at the end of the lesson each illustrates, every
marked moment with its mark as a text label and its note, in the course's language, and in
the plain export. The translation keeps the source's speakers and marks."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest
import yaml

from conftest import ROOT, build_site, coursegen, copy_whole_project
from generator.check.pipeline import check_branded
from generator.i18n import strings_for
from generator.load.course import CoursePaths
from generator.model.dialogue import MARKS
from generator.site.sitemap import SiteMap
from test_page_language import mismatches, text_blocks

LISTED = yaml.safe_load((ROOT / "course/course.yml").read_text("utf-8"))["dialogues"]
DIALOGUES = {d: yaml.safe_load((ROOT / "dialogues" / f"{d}.yml").read_text("utf-8")) for d in LISTED}
EN = strings_for("en")


def _html(site: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / path / "index.html").read_bytes())


def _label(strings: dict[str, str], mark: str) -> str:
    return strings[f"dialogue_mark_{mark.replace('-', '_')}"]


def _all(element: lxml.html.HtmlElement, tag: str = "*", cls: str = "") -> list:
    """The descendants `tag` (with the class `cls`), in document order (lxml without cssselect)."""
    test = f"[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]" if cls else ""
    return element.xpath(f".//{tag}{test}")


def _text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().replace("\u2019", "'").split())  # smarty's apostrophes


def test_the_course_has_four_dialogues_across_channels_and_markets():
    settings = [(d["setting"]["channel"], d["setting"]["market"]) for d in DIALOGUES.values()]
    assert len(DIALOGUES) == 4
    assert {"phone", "video", "in-person"} <= {channel for channel, _ in settings} and ("phone", "b2c") in settings
    for did, dialogue in DIALOGUES.items():
        words = sum(len(line["text"].split()) for line in dialogue["lines"])
        assert 150 <= words <= 300, (did, words)
        assert {"merging", "leading", "bridging"} <= {line.get("mark") for line in dialogue["lines"]}, did


def test_each_dialogue_is_a_page_in_a_nav_section_after_the_lessons(built_site):
    page = _html(built_site, "lessons/welcome")
    top = _all(page, "nav", "md-nav--primary")[0].xpath("./ul/li")
    nav = [_text(li.xpath("./a | ./label")[0]) for li in top]
    section = nav.index(EN["dialogues"])
    assert nav.index("Putting it together") < section < next(i for i, t in enumerate(nav) if t.startswith("Final assessment"))
    assert top[section].xpath("./a")[0].get("href") == f"../../dialogues/{LISTED[0]}/"
    inside = _all(_all(_html(built_site, f"dialogues/{LISTED[0]}"), "nav", "md-nav--primary")[0], "li", "md-nav__item--active")[0]
    assert [_text(a) for a in inside.xpath(".//nav//a")] == [DIALOGUES[d]["title"] for d in LISTED]  # pruned elsewhere
    for did in LISTED:
        assert _all(_html(built_site, f"dialogues/{did}"), "h1")[0].text.strip() == DIALOGUES[did]["title"]


def test_each_lesson_ends_with_a_link_to_the_dialogue_that_illustrates_it(built_site):
    for did, dialogue in DIALOGUES.items():
        article = _all(_html(built_site, f"lessons/{dialogue['lesson']}"), "article")[0]
        links = _all(article, "a", "cq-dialogue-link")
        assert [_text(a) for a in links] == [EN["dialogue_link"].format(title=dialogue["title"])]
        target = (built_site / "lessons" / dialogue["lesson"] / links[0].get("href")).resolve()
        assert target == (built_site / "dialogues" / did).resolve() and (target / "index.html").is_file()
        last = [e for e in article.iter("p", "section", "div", "ol") if _text(e)][-1]
        assert links[0] in last.iter("a"), "the link is the lesson's last paragraph"


def test_every_marked_moment_shows_its_mark_as_text_then_its_note(built_site):
    for did, dialogue in DIALOGUES.items():
        page = _html(built_site, f"dialogues/{did}")
        roles = {s["id"]: s["role"] for s in dialogue["speakers"]}
        items = _all(page, "ol", "cq-dialogue")[0].xpath("./li")
        assert len(items) == len(dialogue["lines"])
        for item, line in zip(items, dialogue["lines"], strict=True):
            said = _all(item, "p", "cq-line-said")[0]
            assert _text(_all(said, "span", "cq-line-speaker")[0]) == roles[line["speaker"]] + ":"
            notes = _all(item, "p", "cq-line-note")
            if not line.get("mark"):
                assert notes == []
                continue
            (note,) = notes
            assert list(item).index(said) < list(item).index(note)  # read in order: speaker, line, mark, note
            assert _text(_all(note, "span", "cq-mark")[0]) == _label(EN, line["mark"])
            assert _text(note).startswith(_label(EN, line["mark"]) + " " + line["note"][:20])
        used = [m for m in MARKS if any(line.get("mark") == m for line in dialogue["lines"])]
        assert [_text(dt) for dt in _all(_all(page, "section", "cq-dialogue-legend")[0], "dt")] == [_label(EN, m) for m in used]


@pytest.fixture(scope="module")
def german_site(tmp_path_factory) -> Path:
    return build_site(ROOT, tmp_path_factory.mktemp("de") / "site", "--lang", "de")


def test_the_german_course_shows_its_dialogues_in_german(german_site):
    de = strings_for("de")
    translated = yaml.safe_load((ROOT / "translations/de/dialogues/vet-practice-follow-up.yml").read_text("utf-8"))
    link = _all(_html(german_site, "lessons/rapport-trap"), "a", "cq-dialogue-link")[0]
    assert _text(link) == de["dialogue_link"].format(title=translated["title"])
    page = _html(german_site, "dialogues/vet-practice-follow-up")
    assert _text(_all(_all(page, "ol", "cq-dialogue")[0], "span", "cq-mark")[0]) == de["dialogue_mark_merging"] == "Verschmelzung"
    assert _text(_all(page, "p", "cq-line-said")[0]).startswith(translated["speakers"][0]["role"] + ": " + translated["lines"][0]["text"][:30])


def test_the_plain_export_has_the_dialogue_pages_in_its_nav(tmp_path):
    result = coursegen("export", str(tmp_path / "plain"))
    assert result.returncode == 0, result.stderr
    config = (tmp_path / "plain/mkdocs.yml").read_text("utf-8")
    for did in LISTED:
        page = (tmp_path / "plain/docs/dialogues" / f"{did}.md").read_text("utf-8")
        assert f"dialogues/{did}.md" in config and 'class="cq-mark cq-mark--bridging">Bridging<' in page


def test_a_translation_must_keep_the_sources_speakers_and_marks(tmp_path):
    project = copy_whole_project(tmp_path / "p")
    file = project / "translations/de/dialogues/solar-enquiry.yml"
    text = file.read_text("utf-8")
    text = text.replace("  mark: merging", "  mark: leading", 1).replace("- speaker: buyer", "- speaker: seller", 1)
    file.write_text(text, "utf-8")
    result = coursegen("check", "--lang", "de", cwd=project)
    assert result.returncode == 1
    assert "the `mark:` is 'leading' where the source has 'merging'" in result.stderr
    assert "the speaker is 'seller' where the source has 'buyer'" in result.stderr
    shutil.rmtree(project / "translations/de/dialogues")
    result = coursegen("check", "--lang", "de", cwd=project)
    assert "no usable translation of dialogue 'solar-enquiry'" in result.stderr


def test_a_brand_keeps_the_dialogues_of_the_lessons_it_shows():
    checked = check_branded(CoursePaths.at(ROOT), "nordlicht")  # German; hides working-in-the-gray
    assert checked.course is not None
    pages = {page.key: page.title for page in SiteMap(checked.course, strings_for("de")).pages if page.kind == "dialogue"}
    assert set(pages) == {d for d in LISTED if DIALOGUES[d]["lesson"] != "working-in-the-gray"}
    assert pages["solar-enquiry"] == "Eine Anfrage zu Solarmodulen am Telefon"


def test_an_untranslated_dialogue_says_its_language(tmp_path):
    project = copy_whole_project(tmp_path / "p")
    (project / "translations/de/dialogues/solar-enquiry.yml").unlink()
    site = build_site(project, tmp_path / "site", "--lang", "de")
    page = site / "dialogues/solar-enquiry/index.html"
    assert any(declared == read == "en" and "Ten minutes is fine" in text for declared, read, text in text_blocks(page))
    assert mismatches(site) == []
