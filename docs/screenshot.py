"""Take the README's screenshot: a lesson page with a question answered, in Chromium.

Usage: .venv/bin/python docs/screenshot.py   (builds the bundled course into a temp folder)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, serve_folder  # noqa: E402


def main() -> None:
    out = Path(tempfile.mkdtemp()) / "site"
    subprocess.run([sys.executable, "-m", "generator", "build", "--out", str(out)], cwd=ROOT, check=True)
    server, url = serve_folder(out)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{url}/lessons/rapport-trap/")
        item = page.locator(".cq-item").first
        item.locator("input").first.check()
        item.locator(".cq-check").click()
        item.locator(".cq-feedback").wait_for(state="visible")
        item.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -120)")
        page.screenshot(path=str(ROOT / "docs/screenshot.png"))
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
