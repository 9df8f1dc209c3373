"""Photograph the page states (tests/browser/states.py) of the bundled course at 390 and 1280 px,
light and dark, into docs/screenshots/<page>--<state>--<width>-<scheme>.jpg. Every page kind
is shown; of the lesson quizzes, the first (the others are the same runtime); states a later
one still shows (a wrong answer, a focused button) are in the next picture.

Usage: .venv/bin/python docs/screenshots.py   (builds the bundled course into a temp folder)
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests/browser")]
from conftest import CHROMIUM, CHROMIUM_ARGS, serve_folder  # noqa: E402
from states import settle, walk  # noqa: E402

OUT = ROOT / "docs/screenshots"
WIDTHS = {390: 844, 1280: 800}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "home"


def chosen(site: Path) -> list:
    """Every page but the lesson quizzes after the first one, and lessons without a quiz after the first."""
    seen, out = set(), []
    for target in walk(site):
        kind = ("quiz" if len(target.states) > 2 else "lesson") if target.kind == "lesson" else target.kind
        if kind in ("quiz", "lesson") and kind in seen:
            continue
        seen.add(kind)
        out.append(target)
    return out


def main() -> None:
    site = Path(tempfile.mkdtemp()) / "site"
    subprocess.run([sys.executable, "-m", "generator", "build", "--out", str(site)], cwd=ROOT, check=True, capture_output=True)
    server, url = serve_folder(site)
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.jpg"):
        old.unlink()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height in WIDTHS.items():
            for scheme in ("light", "dark"):
                context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                page = context.new_page()
                for target in chosen(site):
                    page.goto(f"{url}/{target.path}")
                    for state in target.states:
                        state.act(page)
                        settle(page)
                        if state.lasts:
                            continue
                        name = f"{slug(target.path)}--{slug(state.name)}--{width}-{scheme}.jpg"
                        page.screenshot(path=str(OUT / name), type="jpeg", quality=70)
                context.close()
        browser.close()
    server.shutdown()
    print(f"{len(list(OUT.glob('*.jpg')))} screenshots in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
