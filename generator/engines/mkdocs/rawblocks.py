"""Keep finished HTML out of the site engine's Markdown pass (issue 8: fast at any size).

A page's quiz is HTML the renderer has already made safe. Fed to
MkDocs as Markdown, every page's quiz (most of its bytes) is parsed again by the raw
HTML and md_in_html machinery, then by the search plugin. Instead the adapter swaps
each such block for a placeholder comment before Markdown, and puts it back in the
finished page: the lesson text still goes through MkDocs' whole Markdown pipeline, the
output is byte-for-byte the same HTML, and the search index keeps the lesson text only.
"""

from __future__ import annotations

BLOCK_STARTS = ('<section class="cq-quiz"',)


def _placeholder(i: int) -> str:
    return f"<!--cq-block-{i}-->"


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each finished HTML block replaced by a placeholder, and the blocks.

    A block starts a line after a blank line (so Markdown would have taken it as one raw
    HTML block) and ends at the next blank line, as the renderer writes them."""
    out: list[str] = []
    blocks: list[str] = []
    pos = 0
    while True:
        starts = [i for i in (_block_start(markdown, s, pos) for s in BLOCK_STARTS) if i >= 0]
        if not starts:
            break
        start = min(starts)
        end = markdown.find("\n\n", start)
        end = len(markdown.rstrip("\n")) if end < 0 else end
        out += [markdown[pos:start], _placeholder(len(blocks))]
        blocks.append(markdown[start:end])
        pos = end
    out.append(markdown[pos:])
    return "".join(out), blocks


def _block_start(text: str, marker: str, pos: int) -> int:
    i = text.find(marker, pos)
    while i >= 0 and not (i == 0 or text[max(0, i - 2):i] == "\n\n"):
        i = text.find(marker, i + 1)
    return i


def put_back(html: str, blocks: list[str]) -> str:
    """The finished page with every set-aside block in its place."""
    for i, block in enumerate(blocks):
        if _placeholder(i) not in html:
            raise LookupError(f"the page lost its placeholder {_placeholder(i)} in the Markdown pass")
        html = html.replace(_placeholder(i), block, 1)
    return html
