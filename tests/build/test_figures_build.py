"""Figures in the built site (issue 23): each teaching lesson shows its figure inline, named
by its alt text, with its caption and every label filled in the page's language; the
drawing needs no file of its own, so it shows the same under any sub-path, from file:// and
in an LMS package (tests/engines/ check the export, Zensical and the packages)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import yaml

from conftest import ROOT

SVG = "{http://www.w3.org/2000/svg}"
TEACHING = {"rapport-trap": "rapport-spectrum", "leading-the-dance": "lead-and-follow",
            "value-first": "value-timeline", "working-in-the-gray": "cue-matrix"}


def figures_on(page: Path) -> list[lxml.html.HtmlElement]:
    return lxml.html.fromstring(page.read_bytes()).xpath("//figure[contains(@class, 'cq-figure')]")


def drawn_words(figure: lxml.html.HtmlElement) -> list[str]:
    """The words of the drawing's labels, one string per label (its lines joined by a space)."""
    return [" ".join(t.strip() for t in text.itertext() if t.strip()) for text in figure.iter("text")]


def figure_file(figure_id: str, language: str = "en") -> dict:
    folder = ROOT / "figures" if language == "en" else ROOT / "translations" / language / "figures"
    return yaml.safe_load((folder / f"{figure_id}.yml").read_text("utf-8"))


def check_figure(figure: lxml.html.HtmlElement, data: dict) -> None:
    svg = figure.find("svg")
    assert svg is not None and svg.get("role") == "img"
    title = figure.xpath(f"//*[@id='{svg.get('aria-labelledby')}']")
    assert [t.tag for t in title] == ["title"] and title[0].text == data["alt"]
    assert figure.findtext("figcaption") == data["caption"]
    expected = {label["id"]: " ".join(label["text"].split("\n")) for label in data["labels"]}
    assert sorted(set(drawn_words(figure))) == sorted(set(expected.values()))
    html = lxml.html.tostring(figure, encoding="unicode")
    assert "data-label" not in html and " src=" not in html and "href=" not in html  # nothing to fetch


def test_every_teaching_lesson_shows_its_figure(built_site):
    for lesson, figure_id in TEACHING.items():
        figures = figures_on(built_site / "lessons" / lesson / "index.html")
        assert [f.get("id") for f in figures] == [f"figure-{figure_id}"], lesson
        check_figure(figures[0], figure_file(figure_id))


def test_each_figure_follows_the_text_of_its_section(built_site):
    for lesson, figure_id in TEACHING.items():
        sections = yaml.safe_load((ROOT / "course/lessons" / f"{lesson}.yml").read_text("utf-8"))["sections"]
        heading = next(s["heading"] for s in sections if s.get("figure") == figure_id)
        page = lxml.html.fromstring((built_site / "lessons" / lesson / "index.html").read_bytes())
        figure = page.get_element_by_id(f"figure-{figure_id}")
        before = figure.xpath("preceding::h2[1]")[0]
        assert before.text_content().strip().rstrip("¶").strip() == heading, lesson


def test_nordlicht_draws_the_figures_in_german(brand_sites):
    site = brand_sites["nordlicht"]
    for lesson in ("rapport-trap", "leading-the-dance", "value-first"):  # the brand hides working-in-the-gray
        figures = figures_on(site / "lessons" / f"{lesson}.html")
        assert len(figures) == 1 and figures[0].get("lang") is None, lesson  # nothing falls back to English
        check_figure(figures[0], figure_file(TEACHING[lesson], "de"))
    spectrum = drawn_words(figures_on(site / "lessons/rapport-trap.html")[0])
    english = {" ".join(label["text"].split("\n")) for label in figure_file("rapport-spectrum")["labels"]}
    german = {" ".join(label["text"].split("\n")) for label in figure_file("rapport-spectrum", "de")["labels"]}
    assert german <= set(spectrum) and not (english - german) & set(spectrum)
