"""Markdown for text that must stay inert: quiz prompts, options, feedback, explanations.

Raw HTML is escaped, not passed through, and links or images whose address is not
http(s), mailto, tel or relative are dropped (no `javascript:`). The same extension,
added to MkDocs' own Markdown, is the `allow_html: false` switch for lesson bodies.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_SAFE_URL = re.compile(r"^(https?:|mailto:|tel:|#|/|\.|[^:/?#]*([/?#]|$))", re.IGNORECASE)


def is_safe_url(url: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20]", "", url)
    return bool(_SAFE_URL.match(cleaned))


class _DropUnsafeUrls(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not is_safe_url(value):
                    del element.attrib[attribute]


class InertHtml(Extension):
    """Escape raw HTML and drop script-bearing URLs."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_DropUnsafeUrls(md), "inert_urls", 0)


def makeExtension(**kwargs) -> InertHtml:  # noqa: N802 - the name Markdown looks for
    return InertHtml(**kwargs)


class QuizMarkdown:
    """Renders quiz text to safe HTML; one instance per build (Markdown objects are reusable)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["sane_lists", "smarty", InertHtml()], output_format="html")

    def block(self, text: str | None) -> str:
        if not text:
            return ""
        self._md.reset()
        return self._md.convert(text)

    def inline(self, text: str | None) -> str:
        """For one-paragraph text (options, prompts): without the wrapping <p>."""
        html = self.block(text)
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return html[3:-4]
        return html
