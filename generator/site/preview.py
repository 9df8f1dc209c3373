"""Live preview after a broken save: the last good pages with an error banner on top.

`coursegen serve` (MkDocs' serve) would otherwise hang every request until the course
is fixed. The MkDocs adapter keeps the last good RenderedSite and, when a save breaks
the course, serves it through `with_error_banner`, so the trainer sees the error in the
page and in the terminal while the site stays up. Pure functions: no mkdocs here.
"""

from __future__ import annotations

import html
from dataclasses import replace

from generator.site.render import NavItem, Page, RenderedSite

BANNER_CLASS = "cq-build-error"
_STYLE = ("border:2px solid #c62828;border-radius:4px;padding:.6em 1em;margin:0 0 1.5em;"
          "background:#fdecea;color:#3b0a0a;font-size:.75rem")


def banner(report: str, *, stale: bool) -> str:
    """An HTML block (valid inside Markdown) showing the findings."""
    lead = ("This preview shows the last good version: the course has errors since the last save."
            if stale else "The course has errors, so there is no site to show yet.")
    return (
        f'<div class="{BANNER_CLASS}" role="alert" style="{_STYLE}">\n'
        f"<p><strong>{html.escape(lead)}</strong> Fix them and save; this page reloads by itself.</p>\n"
        f'<pre style="white-space:pre;overflow-x:auto;margin:0;background:none;color:inherit">{html.escape(report)}</pre>\n'
        "</div>\n\n"
    )


def with_error_banner(last_good: RenderedSite | None, report: str) -> RenderedSite:
    """The last good site with the banner on every page, or a one-page error site."""
    if last_good is None:
        page = Page("index.md", "The course has errors", banner(report, stale=False) + "# The course has errors\n")
        return RenderedSite([page], [NavItem(page.title, page.path)], {})
    pages = [replace(page, content=_insert(page.content, banner(report, stale=True))) for page in last_good.pages]
    return replace(last_good, pages=pages)


def _insert(content: str, block: str) -> str:
    """Put the block after any front matter (`---` ... `---`), before the page's text."""
    if content.startswith("---\n"):
        end = content.find("\n---\n", 4)
        if end >= 0:
            cut = end + len("\n---\n")
            return content[:cut] + block + content[cut:]
    return block + content
