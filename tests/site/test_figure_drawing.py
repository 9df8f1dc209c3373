"""site/figures.py: a trainer's SVG made fit for the page: labels filled line by line, ids kept
apart between figures, the alt text as the drawing's accessible name, unsafe drawings refused."""

from __future__ import annotations

import pytest
from lxml import etree

from generator.model.figure import Figure
from generator.site.figures import figure_html, parse_drawing

SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100">
  <defs><marker id="tip"><path d="M0,0 L4,2 L0,4"/></marker></defs>
  <line x1="0" y1="50" x2="180" y2="50" marker-end="url(#tip)" stroke="currentColor"/>
  <text x="20" y="30" data-label="one"/>
  <text x="150" y="40" data-valign="middle" data-label="two"/>
</svg>"""
FIGURE = Figure(id="flow", alt="An arrow from a question to an answer.", caption="Ask & listen",
                labels=[{"id": "one", "text": "Ask <first>"}, {"id": "two", "text": "Then\nlisten\nwell"}])


def drawn(html: str) -> etree._Element:
    return etree.fromstring(html.replace(" data-search-exclude", "").encode())  # an HTML attribute without a value


def test_labels_are_filled_and_a_label_of_several_lines_is_centred_on_its_place():
    figure = drawn(figure_html(FIGURE, SVG))
    ns = {"s": "http://www.w3.org/2000/svg"}
    one, two = figure.findall(".//s:text", ns)
    assert one.text == "Ask <first>" and one.get("data-label") is None
    assert [(t.text, t.get("x"), t.get("dy")) for t in two] == [("Then", "150", "-1.2em"), ("listen", "150", "1.2em"), ("well", "150", "1.2em")]
    assert two.get("data-valign") is None


def test_the_alt_text_names_the_drawing_and_the_caption_follows_it():
    html = figure_html(FIGURE, SVG)
    figure = drawn(html)
    svg = figure.find("{http://www.w3.org/2000/svg}svg")
    assert svg.get("role") == "img" and svg.get("width") is None  # the stylesheet sizes it
    title = svg.find("{http://www.w3.org/2000/svg}title")
    assert svg.get("aria-labelledby") == title.get("id") and title.text == FIGURE.alt
    assert figure.findtext("figcaption") == "Ask & listen" and "Ask &amp; listen" in html
    assert "\n" not in html  # one line: Markdown keeps it one HTML block


def test_ids_are_prefixed_with_the_figure_so_two_figures_on_a_page_do_not_clash():
    html = figure_html(FIGURE, SVG)
    assert 'id="cq-fig-flow-tip"' in html and 'marker-end="url(#cq-fig-flow-tip)"' in html and 'id="tip"' not in html


def test_a_translated_figure_shown_in_the_source_language_says_so():
    assert drawn(figure_html(FIGURE, SVG, lang="en")).get("lang") == "en"


@pytest.mark.parametrize("svg, problem", [
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><script>alert(1)</script></svg>', "holds <script>"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect onload="x()"/></svg>', "event handler onload="),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" xmlns:x="http://www.w3.org/1999/xlink"><use x:href="a.svg#b"/></svg>',
     "links to 'a.svg#b'"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><foreignObject/></svg>', "holds <foreignObject>"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', "has no viewBox"),
    ('<html><body/></html>', "starts with <html>"),
    ('<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">'
     '<text>&x;</text></svg>', ""),
])
def test_unsafe_or_unusable_drawings_are_refused(svg, problem):
    drawing = parse_drawing(svg)
    if problem:
        assert drawing.root is None and any(problem in message for _, message in drawing.problems), drawing.problems
    else:  # an external entity is never read
        assert drawing.root is None or "root:" not in etree.tostring(drawing.root, encoding="unicode")
