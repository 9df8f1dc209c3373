"""`coursegen build --lang` and `--all-langs`: each language's site, marked where it falls back."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import build_site, coursegen, serve_folder

FIXTURE = Path(__file__).parent.parent / "fixtures" / "langcourse"


@pytest.fixture(scope="module")
def languages(tmp_path_factory) -> Path:
    """The langcourse, with one lesson left untranslated, built in every language."""
    project = Path(shutil.copytree(FIXTURE, tmp_path_factory.mktemp("lang") / "p"))
    (project / "translations/de/lessons/next-steps.yml").unlink()
    result = coursegen("build", "--all-langs", "--out", str(project / "out"), cwd=project)
    assert result.returncode == 0, result.stderr
    assert "translations/de/lessons/next-steps.yml: warning: no usable translation of lesson 'next-steps'" in result.stderr
    return project / "out"


def test_lang_builds_the_translated_site(tmp_path):
    project = Path(shutil.copytree(FIXTURE, tmp_path / "p"))
    site = build_site(project, tmp_path / "site", "--lang", "de")
    page = (site / "lessons/intro/index.html").read_text("utf-8")
    assert '<html lang="de"' in page and "Einführung</h1>" in page and "Verkaufen mit einer guten Beziehung." in page
    assert 'lang="en"' not in page.split('<div class="md-content"', 1)[1]
    home = (site / "index.html").read_text("utf-8")
    assert "Ein kleiner Kurs" in home and "Lektionen" in home


def test_all_langs_builds_one_site_per_language_with_a_switcher(languages):
    assert sorted(p.name for p in languages.iterdir()) == ["de", "en", "index.html"]
    top = (languages / "index.html").read_text("utf-8")
    assert 'content="0; url=en/"' in top and '<a href="de/" hreflang="de" lang="de">Deutsch</a>' in top
    for lang, other in (("en", "de"), ("de", "en")):
        page = (languages / lang / "lessons/intro/index.html").read_text("utf-8")
        assert f'<html lang="{lang}"' in page
        assert re.search(rf'href="\.\./\.\./\.\./{other}/" hreflang="{other}"', page), page
    assert "Deutsch" in (languages / "en/index.html").read_text("utf-8")


def test_fallback_content_says_its_language(languages):
    untranslated = (languages / "de/lessons/next-steps/index.html").read_text("utf-8")
    assert re.search(r'<h1 [^>]*lang="en"[^>]*>Next steps', untranslated)
    assert re.search(r'<div lang="en">\s*<h2[^>]*>Plan</h2>', untranslated)
    home = (languages / "de/index.html").read_text("utf-8")
    assert re.search(r'<strong [^>]*lang="en"[^>]*><a [^>]*>Next steps</a>', home)
    assert '<span lang="en">Where to go from here.</span>' in home
    translated = (languages / "de/lessons/intro/index.html").read_text("utf-8")
    assert 'lang="en"' not in translated.split('<div class="md-content"', 1)[1]


def test_the_table_of_contents_marks_a_heading_that_falls_back(languages):
    toc_link = r'<a href="#([^"]+)" class="md-nav__link"([^>]*)>'
    untranslated = (languages / "de/lessons/next-steps/index.html").read_text("utf-8")
    assert re.findall(toc_link, untranslated) == [("plan", ' lang="en"')] * 2  # the sidebar's, and the one the drawer folds in
    translated = (languages / "de/lessons/intro/index.html").read_text("utf-8")
    assert ("willkommen", "") in re.findall(toc_link, translated)
    assert all(lang == "" for _, lang in re.findall(toc_link, translated))
    english = (languages / "en/lessons/next-steps/index.html").read_text("utf-8")
    assert re.findall(toc_link, english) == [("plan", "")] * 2  # English in an English page: nothing to mark


@pytest.mark.browser
def test_progress_is_shared_between_the_languages_of_a_course(page: Page, languages):
    server, url = serve_folder(languages)
    try:
        page.goto(url + "/en/lessons/intro/")
        page.get_by_label("Selling with rapport.").check()
        page.locator(".cq-check").click()
        expect(page.locator(".cq-best")).to_contain_text("100%")
        for reply in ("selling with rapport", "One goal for your next call"):  # the lesson's scenario, its best path
            page.locator(".cq-sc-ask button", has_text=reply).click()
        expect(page.locator(".cq-sc-title")).to_have_text("Outcome: She books a seat")
        page.goto(url + "/de/lessons/intro/")
        expect(page.locator(".cq-best")).to_contain_text("100")
        expect(page.locator(".cq-sc-title")).to_have_text("Ausgang: Sie bucht einen Platz")  # the same path, in German
        assert page.locator(".cq-lesson-meta .cq-status").get_attribute("data-state") == "done"
        page.goto(url + "/de/")
        expect(page.locator('.cq-lesson-list [data-lesson="intro"] .cq-status')).to_have_attribute("data-state", "done")
    finally:
        server.shutdown()


def test_a_brands_language_picks_its_translation(tmp_path):
    from generator.check.pipeline import check_project
    from generator.load.settings import read_settings

    project = Path(shutil.copytree(FIXTURE, tmp_path / "p"))
    brand = project / "brands/kiel"
    brand.mkdir(parents=True)
    (brand / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (brand / "brand.yml").write_text('firm: "Kiel GmbH"\nsite_title: "Kiel Akademie"\nlogo: logo.svg\nfavicon: logo.svg\n'
                                     'colors: {primary: "#0b5d4b", accent: "#e0a100"}\nlanguage: de\n')
    checked = check_project(read_settings(project / "mkdocs.yml"), brand="kiel")
    assert checked.course is not None and not [f for f in checked.findings if f.is_error], checked.findings
    assert checked.course.lessons["intro"].title == "Einführung" and checked.course.settings.language == "de"
    assert checked.course.settings.id == "tiny-kiel" and checked.course.settings.title == "Kiel Akademie"
