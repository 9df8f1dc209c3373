"""axe-core finds nothing on the handout pages (issue 23), light and dark, at 390 and 1280 px,
in English and in the German brand: the quick check of the pages that test_every_state_a11y.py
walks with every other page (states.py lists the handout kind)."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import serve_folder
from states import settle, walk

pytestmark = pytest.mark.browser

AXE = Axe()
WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
PALETTE_JS = """try { localStorage.setItem(location.pathname.replace(/toolkit\\/.*$/, '') + '.__palette',
  JSON.stringify({index: %d, color: {media: "", scheme: "%s", primary: "custom", accent: "custom"}})) } catch (e) {}"""


@pytest.fixture(scope="module")
def handout_sites(built_site, brand_sites):
    """site name -> (its handout pages' addresses, served)."""
    servers, out = [], {}
    for name, folder in {"course": built_site, "nordlicht": brand_sites["nordlicht"]}.items():
        server, url = serve_folder(folder)
        servers.append(server)
        out[name] = [f"{url}/{target.path}" for target in walk(folder) if target.kind == "handout"]
    yield out
    for server in servers:
        server.shutdown()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("site", ["course", "nordlicht"])
def test_axe_finds_nothing_on_the_handout_pages(browser, handout_sites, site, scheme, width):
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h}, color_scheme=scheme)
    page = context.new_page()
    if site != "course":  # a brand's palette follows no media query: choose its scheme as the toggle would
        # (nordlicht is light first: its toggle's second palette is the dark one, which Material picks by index)
        page.add_init_script(PALETTE_JS % ((1, "slate") if scheme == "dark" else (0, "default")))
    found = []
    assert len(handout_sites[site]) == 3
    for url in handout_sites[site]:
        page.goto(url)
        settle(page)
        result = AXE.run(page)
        found += [f"{url} {v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]
    scheme_shown = page.locator("body").get_attribute("data-md-color-scheme")
    context.close()
    assert scheme_shown == ("slate" if scheme == "dark" else "default")
    assert not found, "\n".join(found)
