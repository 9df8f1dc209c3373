"""A brand's self-hosted fonts, made light enough for a first page: each font file the
brand names (TTF, OTF, WOFF or WOFF2) is cut down to the characters the site shows and
published as WOFF2, by fontTools (its subsetter, and brotli for WOFF2's compression).

nordlicht's two DejaVu Serif faces are 357 KB and 381 KB as shipped; subset to the
course's German text they are about 30 KB each (tests/site/test_brand_fonts.py).

Which characters: every text of the built course, whichever process renders which quiz
(a parallel build deals quizzes out, site/build.py), so the set is read from the course
itself (lessons, quizzes, settings), the pages' own text, the navigation, the interface
strings and the brand's own text; plus printable ASCII, Latin-1 and common punctuation,
for what the browser writes at run time (scores, dates) and Material's own strings in
Western European languages. A character outside the subset is not lost: the browser
draws it in the next font of the brand's stack.

A subset is kept in the user's cache folder under a hash of the font, the characters and
fontTools' version, so rebuilds (and every `serve` reload) reuse it.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Iterable
from pathlib import PurePosixPath

import fontTools
from fontTools import subset
from fontTools.ttLib import TTFont

from generator.source.cache import cache_dir

_FORMAT = 1  # part of the cache key: change it when the subsetting options change
# printable ASCII, Latin-1, dashes, quotes, bullet, ellipsis, per mille, guillemets, euro, trade mark
BASELINE = frozenset(chr(c) for c in [*range(0x20, 0x7F), *range(0xA0, 0x100), *range(0x2010, 0x2028),
                                      0x2030, 0x2039, 0x203A, 0x20AC, 0x2122])


def characters(texts: Iterable[str]) -> str:
    """The sorted characters of `texts` and the baseline, without control characters."""
    seen = set(BASELINE)
    for text in texts:
        seen.update(text)
    return "".join(sorted(ch for ch in seen if ch.isprintable() or ch == "\u00a0"))


def web_name(file: str) -> str:
    """Where a brand's font file is published as WOFF2: same folder and name, `.woff2`."""
    return PurePosixPath(file).with_suffix(".woff2").as_posix()


def web_font(data: bytes, chars: str) -> bytes:
    """`data` (a TTF, OTF, WOFF or WOFF2 file) subset to `chars`, as WOFF2 bytes, from the
    cache when this font and these characters were subset before. Raises fontTools' errors
    (e.g. TTLibError) on a file that is not a font."""
    key = hashlib.sha256(b"\0".join([data, chars.encode("utf-8"), fontTools.version.encode(), str(_FORMAT).encode()])).hexdigest()
    folder = cache_dir()
    cached = folder / "fonts" / f"{key}.woff2" if folder else None
    if cached and cached.is_file():
        return cached.read_bytes()
    woff2 = _subset(data, chars)
    if cached:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{key[:8]}.part")
            partial.write_bytes(woff2)
            partial.replace(cached)  # whole or not at all: parallel builds may write it at once
        except OSError:
            pass  # a read-only cache folder only costs time
    return woff2


def _subset(data: bytes, chars: str) -> bytes:
    log = logging.getLogger("fontTools.subset")  # it reports tables it drops (FFTM, a FontForge timestamp): not a trainer's concern
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        return _subset_quietly(data, chars)
    finally:
        log.setLevel(level)


def _subset_quietly(data: bytes, chars: str) -> bytes:
    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False  # TrueType hints are most of DejaVu's size; browsers draw well without them
    options.desubroutinize = True  # smaller once compressed (fontTools' advice for WOFF2)
    font = TTFont(io.BytesIO(data), lazy=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(ch) for ch in chars])
    subsetter.subset(font)
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def coverage(data: bytes) -> set[str]:
    """The characters a font file (any flavour) maps to a glyph."""
    return {chr(code) for code in TTFont(io.BytesIO(data)).getBestCmap()}
