"""Search in a copy whose pages are addressed as files (a brand's), opened from disk and
served under a sub-path: a word from a lesson finds that lesson, and no request leaves the
site's origin (the iframe-worker shim is the site's own file, not unpkg.com's). The default
folder-style build is left as it was: no shim, no search_index.js."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from conftest import ROOT, PrefixHandler, build_site
from generator.engines import offline_search
from site_search import found, open_result, word_only_in

pytestmark = pytest.mark.browser

LESSON = "lessons/value-first.html"
PREFIX = "/training/harbor/"


@pytest.fixture(scope="module")
def brand_copies(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("offline-search")
    return {name: build_site(ROOT, out / name, "--brand", name) for name in ("harbor", "nordlicht")}


@pytest.fixture(scope="module")
def harbor(brand_copies) -> Path:
    return brand_copies["harbor"]


@pytest.mark.parametrize("brand, lesson", [("harbor", LESSON), ("nordlicht", "lessons/leading-the-dance.html")])
def test_opened_from_disk_search_finds_the_lesson(page, brand_copies, brand, lesson):
    site = brand_copies[brand]  # nordlicht: German, whose stemmer the search worker loads through the shim
    word = word_only_in(site, lesson)
    paths = found(page, (site / "lessons" / "welcome.html").as_uri(), word)
    assert (site / lesson).as_posix() in paths, (word, paths)
    open_result(page, (site / lesson).as_posix())
    assert page.url.startswith((site / lesson).as_uri())  # the result opens the lesson, from disk too


def test_under_a_sub_path_search_finds_the_lesson(page, harbor):
    handler = type("Handler", (PrefixHandler,), {"prefix": PREFIX})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(harbor)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        word = word_only_in(harbor, LESSON)
        paths = found(page, f"http://127.0.0.1:{server.server_address[1]}{PREFIX}index.html", word)
        assert PREFIX + LESSON in paths, (word, paths)
        open_result(page, PREFIX + LESSON)
    finally:
        server.shutdown()


def test_no_page_names_unpkg_and_the_shim_licence_ships(harbor):
    assert (harbor / offline_search.SEARCH_INDEX_JS).read_text().startswith("var __index = {")
    assert (harbor / offline_search.LICENCE_URI).read_bytes() == offline_search.LICENCE.read_bytes()
    pages = list(harbor.rglob("*.html"))
    assert pages and not [p for p in pages if "unpkg.com" in p.read_text()]
    assert 'src="../assets/course/iframe-worker-shim.js"' in (harbor / LESSON).read_text()


def test_default_folder_style_build_is_unchanged(built_site):
    assert not (built_site / offline_search.SEARCH_INDEX_JS).exists()
    assert (built_site / offline_search.SEARCH_INDEX_JSON).is_file()
    assert not (built_site / offline_search.SHIM_URI).exists()
    assert "iframe-worker" not in (built_site / "lessons" / "value-first" / "index.html").read_text()


def test_default_folder_style_build_still_searches_over_http(page, site_url, built_site):
    lesson = "lessons/value-first/"
    word = word_only_in(built_site, lesson)
    assert "/" + lesson in found(page, site_url + "/", word)
