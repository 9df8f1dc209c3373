"""Live preview after a broken save: the last good pages with an error banner on top.

`coursegen serve` (MkDocs' serve) would otherwise hang every request until the course
is fixed. The MkDocs adapter keeps the last good RenderedSite and, when a save breaks
the course, serves it through `with_error_banner`, so the trainer sees the error in the
page and in the terminal while the site stays up. The banner is templates/preview-banner.html.j2.
Pure functions: no mkdocs here.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from generator.site.render import Page, RenderedSite
from generator.site.sitemap import NavItem


@cache
def _banner_template() -> Template:
    env = Environment(loader=PackageLoader("generator.site", "templates"), autoescape=True, undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("preview-banner.html.j2")


def banner(report: str, *, stale: bool) -> str:
    """An HTML block (valid inside Markdown) showing the findings, escaped."""
    return _banner_template().render(report=report, stale=stale) + "\n"  # a blank line: Markdown again after it


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
