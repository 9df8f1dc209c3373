"""Links, images and heading anchors in a lesson's Markdown, found without a build.

Used by the integrity checks to report links to pages or anchors that don't exist and
images that are missing or lack alt text. Anchors are computed the way MkDocs' `toc`
extension does it (Python-Markdown's `slugify`, `_1`, `_2`... for repeats, `{#id}`
from attr_list), so `x.md#anchor` is checked against what the page will really have.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from functools import cache

_FENCE = re.compile(r"^( {0,8})(```|~~~)[^\n]*\n.*?^\1\2[ \t]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_INLINE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""\b(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_HEADING = re.compile(r"^ {0,8}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_ATTR_ID = re.compile(r"\s*\{[^}]*#([\w-]+)[^}]*\}\s*$")
_EXTERNAL = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    target: str  # as written
    text: str  # link text, or the image's alt text
    image: bool
    raw: str  # the whole construct as written, to find it in the source

    @property
    def external(self) -> bool:
        return bool(_EXTERNAL.match(self.target))

    @property
    def path(self) -> str:
        return self.target.split("#", 1)[0].split("?", 1)[0]

    @property
    def anchor(self) -> str | None:
        return self.target.split("#", 1)[1] if "#" in self.target else None


def _without_code(text: str) -> str:
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))  # noqa: E731 - keep offsets
    return _CODE_SPAN.sub(blank, _FENCE.sub(blank, text))


def may_link(text: str) -> bool:
    """False for most texts: neither a Markdown link nor an <img> tag can be in them (issue 8)."""
    return "](" in text or "<" in text


def links_in(text: str) -> Iterator[Link]:
    """Inline Markdown links and images, and HTML <img> tags, outside code."""
    if not may_link(text):
        return
    clean = _without_code(text)
    for match in _INLINE.finditer(clean):
        bang, label, target = match.groups()
        yield Link(target, label.strip(), bool(bang), text[match.start():match.end()])
    for match in _IMG_TAG.finditer(clean):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in _ATTR.finditer(match.group(0))}
        yield Link(attrs.get("src", ""), attrs.get("alt", "").strip(), True, text[match.start():match.end()])


def headings_in(text: str) -> Iterator[str]:
    """The text of each Markdown heading (`## ...`) in a body, outside code."""
    if "#" not in text:  # most section bodies
        return
    for match in _HEADING.finditer(_without_code(text)):
        yield match.group(2)


@cache
def _inline_md():
    import markdown  # a converter is built only for headings with markup (issue 8)
    return markdown.Markdown(extensions=["attr_list"])


# Starts with a letter (not a list or quote marker) and holds nothing Markdown turns into markup.
_PLAIN_HEADING = re.compile(r"[^\W\d_][^\\`*_\[\]<>&!{}#]*")


@cache  # a course repeats its headings ("Key points", ...) on every page
def anchor_of(heading: str) -> str:
    """The id MkDocs gives a heading: an explicit `{#id}`, else toc's slug of its text."""
    from markdown.extensions.toc import slugify
    explicit = _ATTR_ID.search(heading)
    if explicit:
        return explicit.group(1)
    if _PLAIN_HEADING.fullmatch(heading.strip()):  # most headings: Markdown would change nothing (issue 8)
        return slugify(heading.strip(), "-")
    md = _inline_md()
    md.reset()
    rendered = md.convert(heading)
    plain = html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()
    return slugify(plain, "-")


def anchors(headings: Iterable[str]) -> list[str]:
    """The ids of a page's headings in order, repeats numbered as toc numbers them."""
    from markdown.extensions.toc import unique
    ids: list[str] = []
    for heading in headings:
        explicit = _ATTR_ID.search(heading)
        ids.append(explicit.group(1) if explicit else unique(anchor_of(heading), set(ids)))
    return ids
