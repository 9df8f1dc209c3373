"""Figures as a learner sees them (issue 23): every figure of the bundled course and of both
brands is drawn, in the light and the dark scheme (chosen as Material's toggle does, not by
the system's preference), with each label at 4.5:1 and each line and shape at 3:1 against
the figure's background, measured on the computed colours; it fits a 320 px screen with no
sideways scroll, its labels inside the drawing and clear of each other (German labels in
the nordlicht brand's serif font included); printed, the dark scheme draws as the light one."""

from __future__ import annotations

import re

import pytest

from conftest import serve_folder

pytestmark = pytest.mark.browser

SITES = ("course", "harbor", "nordlicht")
TEXT, NON_TEXT = 4.5, 3.0  # WCAG 2.2 SC 1.4.3 and 1.4.11

# What each figure on the page draws, with the colours the browser computed: the background
# behind the figure (the first ancestor with one), each text's fill, each shape's stroke and
# fill, and each text's box in the drawing's own units.
_DRAWN_JS = """() => [...document.querySelectorAll('figure.cq-figure')].map(figure => {
  const svg = figure.querySelector('svg'), box = svg.viewBox.baseVal;
  let bg = 'rgb(255, 255, 255)';
  for (let e = figure; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; }
  }
  const texts = [...svg.querySelectorAll('text')].map(t => {
    const b = t.getBBox();
    return {what: t.textContent, fill: getComputedStyle(t).fill, box: [b.x, b.y, b.x + b.width, b.y + b.height]};
  });
  const shapes = [...svg.querySelectorAll('line, path, rect, circle, polygon, polyline, ellipse')].map(s => {
    const st = getComputedStyle(s);
    return {what: s.outerHTML.slice(0, 70), stroke: st.stroke, fill: s.tagName === 'line' ? 'none' : st.fill};  // a line has no inside
  });
  const r = svg.getBoundingClientRect();
  return {id: figure.id, bg, texts, shapes, view: [box.x, box.y, box.x + box.width, box.y + box.height],
          width: r.width, height: r.height, label: svg.getAttribute('aria-labelledby'),
          alt: (document.getElementById(svg.getAttribute('aria-labelledby')) || {}).textContent || ''};
})"""


def _rgba(css: str) -> tuple[float, float, float, float] | None:
    """A computed colour ('rgb(...)' or 'rgba(...)'); None for 'none'."""
    numbers = re.findall(r"[\d.]+", css)
    if css == "none" or len(numbers) < 3:
        return None
    r, g, b = (float(v) for v in numbers[:3])
    return r, g, b, float(numbers[3]) if len(numbers) > 3 else 1.0


def _over(colour: tuple[float, float, float, float], back: tuple[float, float, float, float]) -> tuple[float, float, float]:
    a = colour[3]
    return tuple(colour[i] * a + back[i] * (1 - a) for i in range(3))  # type: ignore[return-value]


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(css: str, background: str) -> float:
    """The WCAG contrast ratio of a computed colour drawn over a computed background."""
    back = _rgba(background)
    colour = _rgba(css)
    assert back is not None and colour is not None, (css, background)
    lighter, darker = sorted((_luminance(_over(colour, back)), _luminance(back[:3])), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_is_the_wcag_one():
    assert round(contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)"), 1) == 21.0
    assert round(contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)"), 2) == 4.54
    assert contrast("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)") == 1.0


@pytest.fixture(scope="module")
def served(built_site, brand_sites):
    """Each site over HTTP: name -> (folder, base URL, the addresses of its pages that show a figure)."""
    out, servers = {}, []
    for name, folder in {"course": built_site, **brand_sites}.items():
        if name not in SITES:
            continue
        server, base = serve_folder(folder)
        servers.append(server)
        pages = sorted(str(p.relative_to(folder)).removesuffix("index.html") for p in folder.rglob("*.html")
                       if 'class="cq-figure"' in p.read_text("utf-8"))
        out[name] = (folder, base, pages)
    yield out
    for server in servers:
        server.shutdown()


def _drawn(browser, base: str, path: str, scheme: str, width: int = 1280, media: str = "screen") -> list[dict]:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.emulate_media(media=media)  # type: ignore[arg-type]
    page.goto(f"{base}/{path}")
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)  # as the toggle does
    page.evaluate("document.fonts.ready")
    drawn = page.evaluate(_DRAWN_JS)
    drawn_width = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    for figure in drawn:
        figure["page_width"] = drawn_width
    return drawn


def test_every_teaching_lesson_shows_a_figure(served):
    for name in SITES:
        _, _, pages = served[name]
        shown = {re.sub(r"\.html$|/$", "", p).split("/")[-1] for p in pages}
        teaching = {"rapport-trap", "leading-the-dance", "value-first", "working-in-the-gray"}
        hidden = {"working-in-the-gray"} if name == "nordlicht" else set()  # the brand hides that lesson
        assert shown == teaching - hidden, name


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("site", SITES)
def test_figures_are_drawn_with_enough_contrast_in_both_schemes(browser, served, site, scheme):
    _, base, pages = served[site]
    low = []
    for path in pages:
        for figure in _drawn(browser, base, path, scheme):
            assert figure["height"] > 150 and figure["alt"].strip(), figure["id"]
            for text in figure["texts"]:
                if (ratio := contrast(text["fill"], figure["bg"])) < TEXT:
                    low.append(f"{path} {figure['id']}: label {text['what']!r} {ratio:.2f}:1")
            for shape in figure["shapes"]:
                for part in ("stroke", "fill"):
                    if _rgba(shape[part]) is not None and (ratio := contrast(shape[part], figure["bg"])) < NON_TEXT:
                        low.append(f"{path} {figure['id']}: {part} of {shape['what']} {ratio:.2f}:1")
    assert not low, "\n".join(low)


@pytest.mark.parametrize("site", SITES)
def test_the_dark_scheme_redraws_the_figure(browser, served, site):
    """The toggle, not the system's preference, switches the figure: its labels change colour with the page."""
    _, base, pages = served[site]
    light, dark = (_drawn(browser, base, pages[0], scheme)[0] for scheme in ("default", "slate"))
    assert light["bg"] != dark["bg"]
    assert light["texts"][0]["fill"] != dark["texts"][0]["fill"]
    assert _luminance(_over(_rgba(dark["texts"][0]["fill"]), _rgba(dark["bg"]))) > 0.4  # type: ignore[arg-type]


@pytest.mark.parametrize("site", SITES)
def test_figures_print_in_the_light_scheme(browser, served, site):
    _, base, pages = served[site]
    for figure in _drawn(browser, base, pages[0], "slate", media="print"):
        for text in figure["texts"]:
            assert contrast(text["fill"], "rgb(255, 255, 255)") >= TEXT, (figure["id"], text)


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("site", ["course", "nordlicht"])
def test_figures_fit_the_screen_and_their_labels_fit_the_drawing(browser, served, site, width):
    _, base, pages = served[site]
    wrong = []
    for path in pages:
        for figure in _drawn(browser, base, path, "default", width=width):
            if figure["page_width"] > width or figure["width"] > width:
                wrong.append(f"{path}: {figure['id']} is {figure['width']:.0f} px wide, the page {figure['page_width']} px")
            x0, y0, x1, y1 = figure["view"]
            boxes = figure["texts"]
            for i, text in enumerate(boxes):
                a = text["box"]
                if a[0] < x0 or a[1] < y0 or a[2] > x1 or a[3] > y1:
                    wrong.append(f"{path}: {figure['id']}: label {text['what']!r} leaves the drawing ({a})")
                for other in boxes[i + 1:]:
                    b = other["box"]
                    if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                        wrong.append(f"{path}: {figure['id']}: labels {text['what']!r} and {other['what']!r} overlap")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("site", SITES)
def test_axe_finds_nothing_in_a_figure(browser, served, site, scheme):
    """Every figure, as axe-core reads it (its name, its colours); the whole lesson pages are walked in
    every state by test_every_state_a11y.py through states.py."""
    from axe_playwright_python.sync_playwright import Axe

    _, base, pages = served[site]
    found = []
    for path in pages:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(f"{base}/{path}")
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        result = Axe().run(page, context={"include": [[".cq-figure"]]})
        found += [f"{path}: {v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]
        page.close()
    assert not found, "\n".join(found)
