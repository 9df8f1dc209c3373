"""The language of each heading a table of contents lists (WCAG 3.1.2, issue 22).

A translated page marks a heading that falls back to the source language in its body
(`lang` on the heading, or on a `<div>` around its section: templates/lesson.md.j2), but
MkDocs' table of contents keeps only each heading's text and id. The plugin reads the
languages back from the page's HTML and sets `lang` on its toc items, which
site/theme/partials/toc-item.html writes on each link (Material's sidebar and the
table of contents folded into the navigation both use that partial).
"""

from __future__ import annotations

from collections.abc import Iterable
from html.parser import HTMLParser

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _HeadingLanguages(HTMLParser):
    """Each heading's id and the language in force there (its own `lang`, else the nearest around it)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str]] = []  # (tag, language in force inside it)
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        given = dict(attrs)
        lang = given.get("lang") or (self.open[-1][1] if self.open else "")
        self.open.append((tag, lang))
        if tag in HEADINGS and given.get("id") and lang:
            self.found[given["id"] or ""] = lang

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.open) - 1, -1, -1):  # close up to the matching tag (HTML may leave some open)
            if self.open[i][0] == tag:
                del self.open[i:]
                return


def heading_languages(html: str, page_language: str) -> dict[str, str]:
    """{heading id: its language} for the headings of a page body (HTML) written in
    another language than `page_language`; {} when nothing on the page says so."""
    if ' lang="' not in html:  # a page in its own language only: no parse
        return {}
    parser = _HeadingLanguages()
    parser.feed(html)
    parser.close()
    return {anchor: lang for anchor, lang in parser.found.items() if lang.split("-")[0] != page_language.split("-")[0]}


def mark_toc(toc: Iterable, html: str, page_language: str) -> str:
    """`html` (a page body) unchanged, once each item of its table of contents (MkDocs'
    AnchorLinks, at any depth) whose heading is in another language has that `lang`."""
    _mark(toc, heading_languages(html, page_language))
    return html


def _mark(items: Iterable, languages: dict[str, str]) -> None:
    for item in items:
        lang = languages.get(item.id)
        if lang:
            item.lang = lang
        _mark(item.children, languages)
