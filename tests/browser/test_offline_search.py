"""Search in a copy whose pages are addressed as files (a brand's), opened from disk and
served under a sub-path: a word from a lesson finds that lesson, and no request leaves the
site's origin (the iframe-worker shim is the site's own file, not unpkg.com's). The default
folder-style build is left as it was: no shim, no search_index.js."""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from conftest import ROOT, PrefixHandler, build_site
from generator.engines import offline_search

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


def word_only_in(site: Path, page: str) -> str:
    """A long word of the page's text that no other page of the site holds (the lesson's
    text may change; the test follows it)."""
    where = defaultdict(set)
    for entry in json.loads((site / offline_search.SEARCH_INDEX_JSON).read_text())["docs"]:
        for word in re.findall(r"[a-z]{8,}", f"{entry['title']} {entry['text']}".lower()):
            where[word].add(entry["location"].split("#")[0])
    return sorted(w for w, pages in where.items() if pages == {page})[0]


def found(page, start_url: str, word: str) -> list[str]:
    """Open `start_url`, type `word` into the search field, and return the result links'
    paths; fails the test on any request that leaves the start page's origin."""
    origin = urlsplit(start_url)
    outside: list[str] = []

    def leave_nothing(route):
        url = urlsplit(route.request.url)
        if (url.scheme, url.netloc) != (origin.scheme, origin.netloc) and url.scheme not in ("data", "blob", "about"):
            outside.append(route.request.url)
            return route.abort()
        return route.continue_()

    page.route("**/*", leave_nothing)
    page.goto(start_url)
    field = page.locator(".md-search__input")
    field.click()
    field.press_sequentially(word)
    links = page.locator(".md-search-result__list a")
    expect(links.first).to_be_attached()
    paths = links.evaluate_all("els => els.map(a => new URL(a.href).pathname)")
    links.first.click()
    expect(page.locator("article h1")).to_be_visible()
    assert not outside, outside
    return paths


@pytest.mark.parametrize("brand, lesson", [("harbor", LESSON), ("nordlicht", "lessons/leading-the-dance.html")])
def test_opened_from_disk_search_finds_the_lesson(page, brand_copies, brand, lesson):
    site = brand_copies[brand]  # nordlicht: German, whose stemmer the search worker loads through the shim
    word = word_only_in(site, lesson)
    paths = found(page, (site / "lessons" / "welcome.html").as_uri(), word)
    assert paths and all(p == (site / lesson).as_posix() for p in paths), (word, paths)
    assert page.url.startswith((site / lesson).as_uri())  # the result opens the lesson


def test_under_a_sub_path_search_finds_the_lesson(page, harbor):
    handler = type("Handler", (PrefixHandler,), {"prefix": PREFIX})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(harbor)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        word = word_only_in(harbor, LESSON)
        paths = found(page, f"http://127.0.0.1:{server.server_address[1]}{PREFIX}index.html", word)
        assert paths and all(p == PREFIX + LESSON for p in paths), (word, paths)
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
