"""`coursegen serve --lang LANG`: the preview shows the translation and follows its edits."""

from __future__ import annotations

import shutil
from pathlib import Path

from test_serve import serving, wait_for

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "langcourse"


def test_serve_previews_a_translation_and_rebuilds_on_its_edits(tmp_path):
    project = Path(shutil.copytree(FIXTURE, tmp_path / "p"))
    with serving(project, "/lessons/intro/", "--lang", "de") as (url, _):
        _, page = wait_for(url + "/lessons/intro/", lambda s, b: s == 200)
        assert '<html lang="de"' in page and "Einführung</h1>" in page
        file = project / "translations/de/lessons/intro.yml"
        file.write_text(file.read_text("utf-8").replace("title: Einführung", "title: Einstieg"), "utf-8")
        wait_for(url + "/lessons/intro/", lambda s, b: "Einstieg</h1>" in b, timeout=60)
