"""Scenarios in a translated course, in a real browser (issue 22): a German path played to
its ending is stored under the same key as in English, so the English page shows that
ending too; text a translation leaves out is shown by scenario.js marked `lang="en"`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import ROOT, build_site, serve_folder

pytestmark = pytest.mark.browser

LANGCOURSE = ROOT / "tests/fixtures/langcourse"


@pytest.fixture(scope="module")
def both_languages(tmp_path_factory):
    """The bundled course built in English and German on one origin (`--all-langs`): one storage."""
    site = build_site(ROOT, tmp_path_factory.mktemp("langs") / "site", "--all-langs")
    server, url = serve_folder(site)
    yield url
    server.shutdown()


def test_a_german_path_is_the_english_progress(page, both_languages):
    page.goto(both_languages + "/de/lessons/leading-the-dance/")
    page.evaluate("localStorage.clear()")
    page.reload()
    scenario = page.locator("#scenario-studio-rota-call")
    for reply in ("Dann nutzen wir sie gut", "Wenn ein Tausch im Gruppenchat untergeht",
                  "Verlorene Schichttausche kosten Sie also", "Das ist Priyas Entscheidung"):
        expect(scenario.locator(".cq-sc-ask")).to_contain_text("Was sagen Sie?")
        scenario.locator(".cq-sc-ask button", has_text=reply).click()
    expect(scenario.locator(".cq-sc-title")).to_have_text("Ausgang: Nächste Woche ein Termin mit der Inhaberin")
    expect(scenario.locator(".cq-sc-score")).to_contain_text("100 %")
    record = json.loads(page.evaluate("localStorage.getItem('coursegen:v1:rapport:scenario:studio-rota-call')"))
    assert record["best"]["ending"] == record["last"]["ending"] == "booked" and record["last"]["passed"]
    assert record["last"]["path"] == [["opening", 0], ["how", 0], ["cost", 0], ["budget", 0]]
    page.goto(both_languages + "/en/lessons/leading-the-dance/")  # the same key: the English page knows the result
    english = page.locator("#scenario-studio-rota-call")
    expect(english.locator(".cq-sc-title")).to_have_text("Outcome: A meeting with the owner next week")
    expect(english.locator(".cq-sc-path > li")).to_have_count(4)


def test_untranslated_scenario_text_is_shown_marked_english(page, tmp_path):
    project = Path(shutil.copytree(LANGCOURSE, tmp_path / "p"))
    german = project / "translations/de/scenarios/first-call.yml"
    text = german.read_text("utf-8")
    for left_out, rest in (("  narration: Sie hat zwischen zwei Backblechen fünf Minuten Zeit.\n", ""),
                           ("  - text: „Fürs Kochen.“\n    to: lost\n", "  - to: lost\n"),
                           ("  debrief: Sie hat nichts gehört, was ihre Zeit wert war.\n", "")):
        assert left_out in text
        text = text.replace(left_out, rest)
    german.write_text(text, "utf-8")
    site = build_site(project, tmp_path / "site", "--lang", "de")
    server, url = serve_folder(site)
    try:
        page.goto(url + "/lessons/intro/")
        scenario = page.locator("#scenario-first-call")
        expect(scenario.locator('.cq-sc-narrator [lang="en"]')).to_have_text("She has five minutes between two batches.")
        expect(scenario.locator('.cq-sc-ask button [lang="en"]')).to_have_text("“It is for cooking.”")
        scenario.locator(".cq-sc-ask button").nth(1).click()
        expect(scenario.locator(".cq-sc-title")).to_have_text("Ausgang: Sie geht zurück an ihre Öfen")
        expect(scenario.locator('.cq-sc-debrief [lang="en"]')).to_have_text("She heard nothing that was worth her time.")
        expect(scenario.locator('.cq-sc-path [lang="en"]')).to_have_text("“It is for cooking.”")
        assert scenario.locator('.cq-sc-title [lang="en"]').count() == 0  # translated text is not marked
    finally:
        server.shutdown()
