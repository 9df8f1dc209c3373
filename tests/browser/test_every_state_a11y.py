"""axe-core finds nothing, of any impact, in any state of any page (states.py lists them):
the bundled course and both example brands, light and dark, at 390 and 1280 px (a brand's
lesson quizzes after its first: before answering and after submission; the bundled course
takes every quiz through every state). In the
state with a focused button, its focus ring reaches 3:1 against the page (WCAG 1.4.11)."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT, PrefixHandler
from states import settle, walk

pytestmark = pytest.mark.browser

BRANDS = ("nordlicht", "harbor")
WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
AXE = Axe()
PALETTE_JS = """try { localStorage.setItem(%r,
  JSON.stringify({index: %d, color: {media: "", scheme: "%s", primary: "custom", accent: "custom"}})) } catch (e) {}"""


def palette_index(folder: Path, scheme: str) -> int:
    """The place of `scheme` among the site's palette toggles (Material's inputs named
    __palette, in the brand's order): once its script runs, Material applies the stored
    palette by this index, not by the stored scheme (index 0 made a light-first brand's
    "dark" run light)."""
    inputs = re.findall(r'<input[^>]*name="__palette"[^>]*>', (folder / "index.html").read_text("utf-8"))
    return [re.search(r'data-md-color-scheme="(\w+)"', tag).group(1) for tag in inputs].index(scheme)

_RING_JS = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  if (!el || el === document.body) return null;
  const canvas = document.createElement('canvas').getContext('2d');
  const rgb = c => { canvas.fillStyle = '#000'; canvas.fillStyle = c; canvas.fillRect(0, 0, 1, 1);
                     return [...canvas.getImageData(0, 0, 1, 1).data].slice(0, 3); };
  let bg = null;
  for (let e = el.parentElement; e && !bg; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') bg = c;
  }
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  canvas.fillStyle = bg || getComputedStyle(document.body).backgroundColor; canvas.fillRect(0, 0, 1, 1);
  const back = [...canvas.getImageData(0, 0, 1, 1).data].slice(0, 3);
  canvas.fillStyle = style.outlineColor; canvas.fillRect(0, 0, 1, 1);
  const ring = [...canvas.getImageData(0, 0, 1, 1).data].slice(0, 3);
  const [a, b] = [lum(ring), lum(back)].sort((x, y) => y - x);
  return {style: style.outlineStyle, width: parseFloat(style.outlineWidth), ratio: (a + 0.05) / (b + 0.05), what: el.outerHTML.slice(0, 80)};
}"""


@pytest.fixture(scope="module")
def sites(built_site, brand_sites):
    """Each site served over HTTP (a brand under its site_url's path): name -> (folder, base URL)."""
    servers, out = [], {}
    for name, folder in {"course": built_site, **brand_sites}.items():
        url = yaml.safe_load((ROOT / "brands" / name / "brand.yml").read_text())["site_url"] if name in BRANDS else "/"
        prefix = urlsplit(url).path
        handler = functools.partial(type("Handler", (PrefixHandler,), {"prefix": prefix}), directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        out[name] = (folder, f"http://127.0.0.1:{server.server_address[1]}{prefix}")
    yield out
    for server in servers:
        server.shutdown()


def findings(page, whole: bool) -> list[str]:
    """axe's violations: on the whole page, or (for a later state of the same page) on what a state changes."""
    result = AXE.run(page, context=None if whole else {"include": [[".md-header__title"], [".md-content"]]})
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("site", ["course", *BRANDS])
def test_axe_finds_nothing_in_any_state(browser, sites, site, scheme, width):
    folder, base = sites[site]
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h}, color_scheme=scheme)
    page = context.new_page()
    if site != "course":  # a brand's palette follows no media query: choose its scheme as the toggle would
        material = "slate" if scheme == "dark" else "default"
        page.add_init_script(PALETTE_JS % (urlsplit(base).path + ".__palette", palette_index(folder, material), material))
    found = []
    for target in walk(folder, every_quiz=site == "course"):
        page.goto(base + target.path)
        shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert shown == ("slate" if scheme == "dark" else "default"), f"{target.path} shows the {shown} scheme, not {scheme}"
        for n, state in enumerate(target.states):
            state.act(page)
            settle(page)
            if not state.lasts:
                found += [f"{target.label()} {state.name}: {v}" for v in findings(page, whole=n == 0)]
            if state.name == "with a focused button":
                ring = page.evaluate(_RING_JS)
                assert ring and ring["style"] != "none" and ring["width"] >= 2, ring
                if ring["ratio"] < 3:
                    found.append(f"{target.label()} focus ring {ring['ratio']:.2f}:1 on {ring['what']}")
    context.close()
    assert not found, "\n".join(found)
