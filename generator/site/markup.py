"""Markdown for text that must stay inert: quiz prompts, options, feedback, explanations.

Quiz text: Markdown with the site's own extensions (mkdocs.yml's `markdown_extensions`,
with fenced code and tables always on, as MkDocs has them: `QuizMarkdown`), and inert: raw
HTML is escaped, not passed through, elements that could run or load something (script,
iframe, form controls...) become plain <span>s, and links or images whose address
is not http(s), mailto, tel or relative lose it (no `javascript:`), as do event-handler
attributes. Quiz titles, which also appear outside Markdown, go through `plain_text`
(inside Markdown) and `nav_title` (the site navigation).

Lesson Markdown is the trainer's: raw HTML is allowed by default. The plugin option
`allow_html: false` (for firms taking content from many authors) escapes every tag in
every lesson text field before rendering (`inert_lessons`) and adds this module as a
Markdown extension to MkDocs, which drops `javascript:` links and `on...` attributes on
every page. In that mode a `<` inside inline code shows as `&lt;`; fenced code is kept.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from pydantic import BaseModel

from generator.load.settings import MarkdownExtension

from generator.model.course import Lesson

_SAFE_URL = re.compile(r"^(https?:|mailto:|tel:|#|/|\.|[^:/?#]*([/?#]|$))", re.IGNORECASE)


def is_safe_url(url: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20]", "", url)
    return bool(_SAFE_URL.match(cleaned))


_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "data")


class _DropUnsafeUrls(Treeprocessor):
    """Drop script-bearing addresses, and event handlers an `{: onclick=... }` could add.
    A link or image that loses its address becomes a plain <span> (MkDocs expects every
    <a> and <img> to have one)."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attribute in list(element.attrib):
                name = attribute.lower()
                if name.startswith("on") or name == "srcdoc":
                    del element.attrib[attribute]
                elif name in _URL_ATTRIBUTES and not is_safe_url(element.get(attribute, "")):
                    del element.attrib[attribute]
                    if element.tag in ("a", "img"):
                        if element.tag == "img":
                            element.text = element.attrib.pop("alt", "")
                        element.tag = "span"


_MD_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!])")  # Python-Markdown's escapable characters


def plain_text(text: str) -> str:
    """Text that shows as itself inside Markdown: HTML escaped, Markdown punctuation
    backslash-escaped, so a quiz title can be neither a tag nor a link."""
    return _MD_PUNCTUATION.sub(r"\\\1", html.escape(text, quote=False))


def meta_description(text: str) -> str:
    """A summary for `<meta name="description">`: one line, no Markdown marks, HTML-escaped
    (Material prints `page.meta.description` and `site_description` unescaped into an attribute)."""
    return html.escape(" ".join(re.sub(r"[*_`#>\[\]]", "", text).split()), quote=True)


def meta_text(text: str) -> str:
    """meta_description() as a front-matter value: a JSON string, which YAML reads as itself."""
    return json.dumps(meta_description(text), ensure_ascii=False)


def nav_title(text: str) -> str:
    """A title for the site navigation. Material prints nav titles unescaped, and its
    `<title>` unescapes entities once: `&` is escaped (so typed entities stay text) and
    `<`, `>` become look-alike characters (an escaped `<` would be unescaped into a tag)."""
    return text.replace("&", "&amp;").replace("<", "\u2039").replace(">", "\u203a")


class SafeLinks(Extension):
    """Drop script-bearing URLs and event-handler attributes (every page, `allow_html: false`)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.treeprocessors.register(_DropUnsafeUrls(md), "inert_urls", 0)


# Elements quiz text never needs that could run, load or submit something (an extension
# such as pymdownx.blocks.html builds them from Markdown, not from raw HTML).
_ACTIVE_TAGS = frozenset({"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
                          "input", "button", "textarea", "select", "option", "link", "meta", "base", "template",
                          "svg", "math", "audio", "video", "source", "track", "portal"})


class _DropActiveElements(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if str(element.tag).lower() in _ACTIVE_TAGS:
                element.tag = "span"
                element.attrib.clear()


class InertHtml(SafeLinks):
    """Escape raw HTML too: for quiz text, which is never trusted."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        for name in ("html_block",):  # md_in_html registers its own under the same name
            if name in md.preprocessors:
                md.preprocessors.deregister(name)
        if "html" in md.inlinePatterns:
            md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_DropActiveElements(md), "inert_elements", 1)
        super().extendMarkdown(md)


def makeExtension(**kwargs) -> SafeLinks:  # noqa: N802 - the name Markdown looks for
    return SafeLinks(**kwargs)


_TAG_START = re.compile(r"<(?=[A-Za-z/!?])(?!(?:https?|mailto):[^<>\s]*>)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def escape_raw_html(text: str) -> str:
    """Lesson Markdown with every HTML tag, comment and declaration shown as text.

    Each `<` that would open one becomes `&lt;`, outside fenced code blocks (which
    Markdown escapes itself); autolinks such as <https://example.com> are kept."""
    out, fence = [], ""
    for line in text.split("\n"):
        match = _FENCE.match(line)
        if fence:
            if match and match[1][0] == fence[0] and len(match[1]) >= len(fence) and not line.strip(" `~"):
                fence = ""
            out.append(line)
        elif match and not (match[1][0] == "`" and "`" in line[match.end():]):
            fence = match[1]
            out.append(line)
        else:
            out.append(_TAG_START.sub("&lt;", line))
    return "\n".join(out)


def inert_lessons(course):
    """A copy of the course with every lesson's text passed through `escape_raw_html`
    (`allow_html: false`); the course given is not changed."""
    return dataclasses.replace(course, lessons={lesson_id: inert_lesson(lesson) for lesson_id, lesson in course.lessons.items()})


def inert_lesson(lesson: Lesson) -> Lesson:
    """A copy of the lesson with every text passed through `escape_raw_html`."""
    return _inert(lesson)


def _inert(value):
    if isinstance(value, str):
        return escape_raw_html(value)
    if isinstance(value, list):
        return [_inert(item) for item in value]
    if isinstance(value, BaseModel):
        return value.model_copy(update={name: _inert(getattr(value, name)) for name in type(value).model_fields})
    return value


# One line of words, digits, spaces and punctuation that neither Markdown nor smarty acts
# on: no quotes, no `--` or `...`, no markup characters, no leading or trailing space.
_PLAIN = re.compile(r"[^\W\d_][\w .,;:?!()/%=+\-]*")  # starts with a letter; \w is str.isalnum() plus "_"


def _is_plain(text: str) -> bool:
    # `in` one by one, not any() over a tuple: called for every distinct quiz text (issue 8)
    if text[-1] == " " or "_" in text or "--" in text or ".." in text or "  " in text:
        return False
    # what site extensions may act on: bare links (magiclink), ==mark==, ++keys++, :emoji:
    if "://" in text or "www." in text or "==" in text or "++" in text or text.count(":") > 1:
        return False
    return _PLAIN.fullmatch(text) is not None


# Quiz text's own extensions, and fenced code and tables, which MkDocs always enables for lessons.
BASE_EXTENSIONS = ["sane_lists", "smarty", "fenced_code", "tables"]
# Site extensions quiz text does without: ids and anchors that would repeat once per question
# (toc, footnotes), files read into the text (snippets), raw HTML by another syntax
# (blocks.html), and the site's own inert pass (InertHtml does it).
_NOT_IN_QUIZ_TEXT = frozenset({"toc", "footnotes", "meta", "pymdownx.snippets", "pymdownx.blocks.html",
                               "generator.site.markup"})


def quiz_extensions(site: tuple[MarkdownExtension, ...] | list[MarkdownExtension] = ()) -> tuple[list, dict]:
    """The extensions and their options for quiz text: BASE_EXTENSIONS, then the site's
    (`MarkdownExtension`s of mkdocs.yml) but those in _NOT_IN_QUIZ_TEXT, then InertHtml last.
    Math is marked for MathJax as pymdownx.arithmatex's `generic` output (a span, never a
    <script type="math/tex">); fenced_code gives way to pymdownx.superfences."""
    names, configs = list(BASE_EXTENSIONS), {}
    for name, options in site:
        short = name.removeprefix("markdown.extensions.")
        if short in _NOT_IN_QUIZ_TEXT or short in names:
            continue
        names.append(short)
        configs[short] = dict(options) | ({"generic": True} if short == "pymdownx.arithmatex" else {})
    if "pymdownx.superfences" in names:
        names.remove("fenced_code")
    return [*names, InertHtml()], configs


class QuizMarkdown:
    """Renders quiz text to safe HTML; one instance per build (Markdown objects are reusable).

    `extensions` are the site's Markdown extensions (ProjectSettings.markdown_extensions), so
    quiz text reads like the lesson's: fenced code, tables, math, admonitions..."""

    def __init__(self, extensions: tuple[MarkdownExtension, ...] = ()) -> None:
        names, configs = quiz_extensions(extensions)
        try:
            self._md = markdown.Markdown(extensions=names, extension_configs=configs, output_format="html")
        except (ImportError, TypeError, KeyError, ValueError, AttributeError):
            # an extension that does not load with these options: the site's own build reports it
            self._md = markdown.Markdown(extensions=quiz_extensions()[0], output_format="html")
        self._done: dict[str, str] = {}  # the mistakes page renders every quiz again: convert each text once

    def block(self, text: str | None) -> str:
        if not text:
            return ""
        if text not in self._done:
            if _is_plain(text):  # most quiz text: Markdown and smarty would change nothing (issue 8)
                self._done[text] = f"<p>{text}</p>"
            else:
                self._md.reset()
                self._done[text] = self._md.convert(text)
        return self._done[text]

    def inline(self, text: str | None) -> str:
        """For one-paragraph text (options, prompts): without the wrapping <p>."""
        html = self.block(text)
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return html[3:-4]
        return html


class LangMarked:
    """A QuizMarkdown that marks text shown in another language than the page's: each
    text in `fallbacks` (source text -> its language) comes out inside an element with
    that `lang` (WCAG 3.1.2), `<div>` for a block, `<span>` inline; other text as is."""

    def __init__(self, md: QuizMarkdown, fallbacks: dict[str, str]) -> None:
        self.md, self.fallbacks = md, fallbacks

    def block(self, text: str | None) -> str:
        html = self.md.block(text)
        lang = self.fallbacks.get(text or "")
        return f'<div lang="{lang}">{html}</div>' if lang and html else html

    def inline(self, text: str | None) -> str:
        html = self.md.inline(text)
        lang = self.fallbacks.get(text or "")
        return f'<span lang="{lang}">{html}</span>' if lang and html else html
