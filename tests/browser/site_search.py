"""Searching a built site as a learner does, for the browser tests: a word only one page
holds, typed into Material's search field, with every request outside the site refused."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import expect

from generator.engines import offline_search


def word_only_in(site: Path, page: str) -> str:
    """A long word of the page's text that no other page of the site holds (the lesson's
    text may change; the test follows it)."""
    index = json.loads((site / offline_search.SEARCH_INDEX_JSON).read_text())
    where = defaultdict(set)
    for entry in index["docs"]:
        # the index's own tokens (its separator; no trimming, so "word" in quotes is not word)
        for token in re.split(index["config"]["separator"], f"{entry['title']} {entry['text']}".lower()):
            if re.fullmatch(r"[a-z]{8,}", token):
                where[token].add(entry["location"].split("#")[0])
    return sorted(w for w, pages in where.items() if pages == {page})[0]


def found(page, start_url: str, word: str) -> list[str]:
    """Open `start_url`, type `word` into the search field, and return the result links'
    paths, leaving the results open; fails the test on any request outside the start
    page's origin (refused, so a missing local file cannot hide behind a remote one)."""
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
    assert not outside, outside
    return links.evaluate_all("els => els.map(a => new URL(a.href).pathname)")


def open_result(page, path: str) -> None:
    """Click the first search result that links to `path` and wait for that page."""
    page.locator(".md-search-result__list a").evaluate_all(
        "(els, path) => els.find(a => new URL(a.href).pathname === path).click()", path)
    expect(page).to_have_url(re.compile(re.escape(path) + r"(\?|#|$)"))
    expect(page.locator("article h1")).to_be_visible()
