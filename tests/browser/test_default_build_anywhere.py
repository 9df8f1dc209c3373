"""The default build (no brand) set up as README "Publishing anywhere" says, with MkDocs' own
`use_directory_urls: false` and `site_url`, as the brands are: opened from disk, every link
opens a page (never a directory listing); served under a sub-path, the 404 page is styled; search works from disk."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from conftest import _QuietHandler, build_site, copy_project
from site_search import found, word_only_in

pytestmark = pytest.mark.browser

PREFIX = "/training/rapport/"


@pytest.fixture(scope="module")
def portable_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("portable"))
    config = project / "mkdocs.yml"
    text = config.read_text()
    assert "use_directory_urls" not in text and "site_url" not in text
    config.write_text(f"site_url: https://intranet.example{PREFIX}\nuse_directory_urls: false\n" + text)
    return build_site(project, project / "site")


class _Host(_QuietHandler):
    """A host serving the folder under PREFIX, with the site's 404.html for any missing page."""

    def translate_path(self, path):
        inside = path.startswith(PREFIX)
        return super().translate_path("/" + path[len(PREFIX):] if inside else "/__outside__")

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_opened_from_disk_every_link_opens_a_page(page, portable_site):
    broken = []
    for start in ("index.html", "lessons/rapport-trap.html", "progress.html"):
        page.goto((portable_site / start).as_uri())
        hrefs = page.evaluate("""() => [...document.querySelectorAll('a[href]')].map(a => a.href)
          .filter(h => h.startsWith('file:'))""")
        for href in hrefs:
            target = Path(unquote(urlsplit(href).path))
            if not target.is_file():
                broken.append(f"{start}: {href}")
    assert not broken, "\n".join(sorted(set(broken))[:10])
    page.goto((portable_site / "index.html").as_uri())
    page.locator(".md-content a", has_text="The rapport trap").first.click()
    assert page.locator("h1").inner_text().startswith("The rapport trap")
    expect(page.locator(".cq-quiz.cq-ready")).to_have_count(1)  # the quiz runtime runs from disk too (its scripts are deferred)


def test_under_a_sub_path_the_404_page_is_styled(page, portable_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Host, directory=str(portable_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        response = page.goto(f"http://127.0.0.1:{server.server_address[1]}{PREFIX}lessons/no-such-lesson.html")
        assert response.status == 404
        styled = page.evaluate("""() => ({
          sheets: [...document.styleSheets].filter(s => { try { return s.cssRules.length > 0 } catch (e) { return false } }).length,
          header: getComputedStyle(document.querySelector('.md-header')).position})""")
        assert styled["header"] == "sticky" and styled["sheets"] >= 3, styled
        home = page.locator(".md-header a.md-logo, .md-header__button.md-logo").first.get_attribute("href")
        assert home and PREFIX in page.evaluate("h => new URL(h, location.href).pathname", home)
    finally:
        server.shutdown()


def test_opened_from_disk_search_finds_a_lesson(page, portable_site):
    lesson = "lessons/value-first.html"
    word = word_only_in(portable_site, lesson)
    paths = found(page, (portable_site / "index.html").as_uri(), word)
    assert (portable_site / lesson).as_posix() in paths, (word, paths)
