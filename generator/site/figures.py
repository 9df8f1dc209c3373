"""A figure's drawing made ready for a page: its SVG parsed safely, its labels filled in the
page's language, its ids kept apart from the page's, and its alt text and caption attached.

The drawing goes into the page inline (not as an image file): its colours then come from
the site's stylesheet (assets/figure.css: Material's scheme toggle, a brand's colours,
print), its words are real text in the page's language, and no file path can break
under a sub-path, from file:// or inside an LMS package.

Drawings are the trainer's files: parsed without entities or network (lxml), refused
when they hold script, foreign content, event handlers or links out of the drawing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from generator.model.figure import Figure

if TYPE_CHECKING:  # lxml is imported where a drawing is read: `check` of a course without figures stays lean
    from lxml import etree

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
LABEL_ATTR = "data-label"
VALIGN_ATTR = "data-valign"  # top (default), middle or bottom: where a label of several lines sits on its y
LINE_HEIGHT_EM = 1.2
_REFUSED = {"script", "foreignObject", "iframe", "image", "audio", "video", "a", "style"}
_URL_REF = re.compile(r"url\(\s*#([^)\s]+)\s*\)")
_OUTSIDE_URL = re.compile(r"url\(\s*(?![\s'\"]*#)[^)]*", re.IGNORECASE)  # any url( but to an id inside the drawing


@dataclass
class Drawing:
    """A parsed drawing, or the problems that make it unusable: (line, message) each."""

    root: etree._Element | None
    problems: list[tuple[int, str]] = field(default_factory=list)

    def labels(self) -> dict[str, int]:
        """The label ids the drawing asks for, with the line of each (first use)."""
        found: dict[str, int] = {}
        if self.root is not None:
            for element in self.root.iter(f"{{{SVG_NS}}}text", f"{{{SVG_NS}}}tspan"):
                name = element.get(LABEL_ATTR)
                if name is not None:
                    found.setdefault(name, element.sourceline or 0)
        return found


def parse_drawing(text: str) -> Drawing:
    """`text` as an SVG drawing fit to go inline in a page; never raises."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True,
                             load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        first = exc.error_log[0] if len(exc.error_log) else None  # the first slip, not where the parser gave up
        return Drawing(None, [(first.line if first else exc.lineno or 0, f"is not well-formed SVG: {first.message if first else exc.msg}")])
    if root.tag != f"{{{SVG_NS}}}svg":
        return Drawing(None, [(root.sourceline or 0, f'starts with <{etree.QName(root).localname}>, not <svg xmlns="{SVG_NS}">')])
    problems = [] if root.get("viewBox") else [(root.sourceline or 0, "has no viewBox, so it cannot scale to the page's width")]
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # an entity reference left unresolved
        name = etree.QName(element).localname
        if name in _REFUSED or etree.QName(element).namespace not in (SVG_NS, None):
            problems.append((element.sourceline or 0, f"holds <{name}>, which a figure may not (only shapes and text)"))
        for attr, value in element.attrib.items():
            local = etree.QName(attr).localname
            if local.lower().startswith("on"):
                problems.append((element.sourceline or 0, f"holds the event handler {local}=, which a figure may not"))
            elif local == "href" and not value.startswith("#"):
                problems.append((element.sourceline or 0, f"links to '{value}' outside the drawing"))
            elif outside := _OUTSIDE_URL.search(value):  # style="fill:url(https://...)": a request out of the page
                problems.append((element.sourceline or 0, f"refers to {outside.group(0).strip()}), outside the drawing"))
    return Drawing(None if problems else root, problems)


def figure_html(figure: Figure, svg_text: str, *, lang: str = "") -> Markup:
    """The figure as one line of HTML: `<figure>` with the inline drawing (role img, named by
    its alt text) and the caption. `lang` marks a figure shown in the source language.
    Raises ValueError on a drawing `parse_drawing` refuses (the check stops such a course first)."""
    from lxml import etree

    drawing = parse_drawing(svg_text)
    if drawing.root is None:
        raise ValueError(f"figure '{figure.id}': the drawing {drawing.problems[0][1]}")
    root = drawing.root
    prefix = f"cq-fig-{figure.id}-"
    _keep_ids_apart(root, prefix)
    _fill_labels(root, figure.label_texts())
    for size in ("width", "height"):
        root.attrib.pop(size, None)  # the stylesheet sizes it to the column
    title_id = prefix + "alt"
    root.set("role", "img")
    root.set("aria-labelledby", title_id)
    root.set("focusable", "false")
    root.set("class", ("cq-figure-art " + root.get("class", "")).strip())
    title = etree.Element(f"{{{SVG_NS}}}title", id=title_id)
    title.text = figure.alt
    root.insert(0, title)
    for element in root.iter():  # the indentation between elements: one line, no blank line for Markdown
        if element.text is not None and not element.text.strip():
            element.text = None
        if element.tail is not None and not element.tail.strip():
            element.tail = None
    svg = etree.tostring(root, encoding="unicode").replace("\n", " ")
    caption = f"<figcaption>{escape(figure.caption)}</figcaption>" if figure.caption else ""
    lang_attr = f' lang="{escape(lang)}"' if lang else ""
    # data-search-exclude: the site's search indexes pages before blocks are put back (engines/mkdocs), an
    # exported project's Markdown has the figure in; both then index the same text, the section's own
    return Markup(f'<figure class="cq-figure" data-search-exclude id="figure-{escape(figure.id)}"{lang_attr}>{svg}{caption}</figure>')


def _keep_ids_apart(root: etree._Element, prefix: str) -> None:
    """Every id in the drawing (a marker, a gradient) and every reference to one, prefixed:
    two figures on a page must not share an id."""
    from lxml import etree

    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attr, value in list(element.attrib.items()):
            if attr == "id":
                element.set(attr, prefix + value)
            elif etree.QName(attr).localname == "href" and value.startswith("#"):
                element.set(attr, "#" + prefix + value[1:])
            elif "url(#" in value.replace(" ", ""):
                element.set(attr, _URL_REF.sub(lambda m: f"url(#{prefix}{m.group(1)})", value))


def _fill_labels(root: etree._Element, texts: dict[str, str]) -> None:
    """Each `<text data-label>` holds its label's text, one `<tspan>` per line."""
    from lxml import etree

    for element in root.iter(f"{{{SVG_NS}}}text", f"{{{SVG_NS}}}tspan"):
        name = element.get(LABEL_ATTR)
        if name is None:
            continue
        lines = texts.get(name, "").split("\n")
        for child in list(element):
            element.remove(child)
        del element.attrib[LABEL_ATTR]
        valign = element.attrib.pop(VALIGN_ATTR, "top")
        if len(lines) == 1:
            element.text = lines[0]
            continue
        element.text = None
        shift = {"middle": (len(lines) - 1) / 2, "bottom": len(lines) - 1}.get(valign, 0) * LINE_HEIGHT_EM
        for i, line in enumerate(lines):
            span = etree.SubElement(element, f"{{{SVG_NS}}}tspan", x=element.get("x", "0"))
            span.set("dy", f"{-shift:g}em" if i == 0 else f"{LINE_HEIGHT_EM:g}em")
            span.text = line
