"""A brand's fonts as the build publishes them: WOFF2, subset to the site's characters,
with `font-display: swap`, the raw files left out; every character the pages show that
the font has is in the subset (read back with fontTools); a subset made once is reused."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from conftest import ROOT, coursegen
from generator.site import fonts

FACES = {"fonts/DejaVuSerif.ttf": "fonts/DejaVuSerif.woff2", "fonts/DejaVuSerif-Bold.ttf": "fonts/DejaVuSerif-Bold.woff2"}


@pytest.fixture(scope="module")
def nordlicht(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("nordlicht") / "site"
    result = coursegen("build", "--brand", "nordlicht", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def page_characters(site: Path) -> set[str]:
    """Every character a reader sees on the site's pages: text and placeholder, title and alt attributes."""
    seen: set[str] = set()
    for page in site.rglob("*.html"):
        tree = lxml.html.fromstring(page.read_bytes())
        for element in tree.xpath("//script | //style | //svg | //*[local-name()='svg']"):
            element.drop_tree()
        seen.update(tree.text_content())
        for value in tree.xpath("//@placeholder | //@title | //@alt | //@aria-label"):
            seen.update(str(value))
    return {ch for ch in seen if ch.isprintable() and not ch.isspace()}


def test_fonts_are_published_as_small_woff2_with_swap(nordlicht):
    brand = nordlicht / "assets/brand"
    css = (brand / "brand.css").read_text("utf-8")
    for raw, woff2 in FACES.items():
        assert not (brand / raw).exists(), f"{raw} is published as shipped"
        data = (brand / woff2).read_bytes()
        assert data[:4] == b"wOF2"
        assert len(data) < (ROOT / "brands/nordlicht" / raw).stat().st_size / 10
        assert f'src: url("{woff2}") format("woff2")' in css
    assert css.count("font-display: swap") == len(FACES)


def test_every_character_on_the_pages_that_the_font_has_is_in_the_subset(nordlicht):
    shown = page_characters(nordlicht)
    assert {"ä", "ö", "ü", "ß", "„", "“", "–"} & shown  # German text and punctuation are on the pages
    for raw, woff2 in FACES.items():
        original = fonts.coverage((ROOT / "brands/nordlicht" / raw).read_bytes())
        subset = fonts.coverage((nordlicht / "assets/brand" / woff2).read_bytes())
        assert sorted((shown & original) - subset) == [], woff2
        assert len(subset) < len(original) / 5


def test_a_subset_is_made_once_and_then_read_from_the_cache(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("COURSEGEN_CACHE", raising=False)
    data = (ROOT / "brands/nordlicht/fonts/DejaVuSerif.ttf").read_bytes()
    chars = fonts.characters(["Grüße aus Kiel"])
    first = fonts.web_font(data, chars)
    assert [r.getMessage() for r in caplog.records if r.levelno >= 30] == []  # fontTools' notes stay out of the build's output
    assert len(list((tmp_path / "coursegen/fonts").glob("*.woff2"))) == 1

    def no_subsetting(*args):
        raise AssertionError("subset again")

    monkeypatch.setattr(fonts, "_subset", no_subsetting)
    assert fonts.web_font(data, chars) == first
    with pytest.raises(AssertionError, match="subset again"):  # other characters: another subset
        fonts.web_font(data, chars + "Ω")
