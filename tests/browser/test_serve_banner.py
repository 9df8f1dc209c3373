"""The serve error banner (site/preview.py) on a 320 px phone: a long finding wraps instead of
being cut off, and in the dark scheme the banner is dark too (not a light pink box)."""

from __future__ import annotations

import pytest

from generator.site.preview import banner

pytestmark = pytest.mark.browser

LONG = ("course/lessons/a-very-long-lesson-file-name.yml:12:5: error: this finding is long enough to run well "
        "past the edge of a phone's screen/and/has/a/path/with/no/spaces/at/all/in/it/anywhere.yml")


@pytest.mark.parametrize("scheme", [("#ffffff", "rgba(0, 0, 0, .87)"), ("#1e2029", "#e2e4e9")])
def test_the_banner_wraps_long_lines_and_follows_the_scheme(browser, scheme):
    background, text = scheme
    context = browser.new_context(viewport={"width": 320, "height": 600})
    page = context.new_page()
    page.set_content(f'<body style="margin:0;--md-default-bg-color:{background};--md-default-fg-color:{text};'
                     f'background:{background}">{banner(LONG, stale=True)}</body>')
    seen = page.evaluate("""() => { const b = document.querySelector('.cq-build-error'), c = document.createElement('canvas').getContext('2d');
      c.fillStyle = getComputedStyle(b).backgroundColor; c.fillRect(0, 0, 1, 1);
      return {wide: document.documentElement.scrollWidth, pre: document.querySelector('pre').scrollWidth,
              box: document.querySelector('pre').clientWidth, rgb: [...c.getImageData(0, 0, 1, 1).data].slice(0, 3)}; }""")
    context.close()
    assert seen["wide"] <= 320 and seen["pre"] <= seen["box"]  # nothing cut off, nothing to scroll sideways
    brightness = sum(seen["rgb"]) / 3
    assert (brightness < 80) if background == "#1e2029" else (brightness > 200), seen["rgb"]
