"""Every page says the language it is written in (WCAG 3.1.1, 3.1.2): a simple stop-word
detector reads each block of text and checks it against the nearest `lang` around it.

nordlicht (German, from translations/de/) must show no English at all; a translated
course with a lesson left untranslated must mark that lesson's text `lang="en"`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest

from conftest import ROOT, build_site, coursegen
from generator.site.encode import decode_key

FIXTURE = ROOT / "tests" / "fixtures" / "langcourse"
STOP_WORDS = {
    "en": {"the", "and", "of", "to", "is", "you", "your", "with", "that", "this", "are", "what", "which", "when",
           "have", "not", "they", "their", "for", "from", "will", "can", "do", "it", "be", "or", "by", "on"},
    "de": {"der", "die", "das", "und", "ist", "sie", "nicht", "mit", "ein", "eine", "zu", "den", "dem", "des", "von",
           "auf", "für", "sich", "wie", "was", "ihr", "ihre", "wenn", "oder", "auch", "es", "im", "bei", "dass", "sind"},
}
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "legend", "label", "button", "a", "summary", "figcaption",
          "blockquote", "dt", "dd", "title", "span"}
SKIP = {"script", "style", "code", "pre", "svg"}


def guess(text: str) -> str | None:
    """The language whose stop words a text uses clearly more (at least two), else None."""
    words = re.findall(r"[a-zäöüß]+", text.lower())
    score = {lang: sum(w in stop for w in words) for lang, stop in STOP_WORDS.items()}
    best = max(score, key=lambda lang: score[lang])
    others = max(v for lang, v in score.items() if lang != best)
    return best if score[best] >= 2 and score[best] > 2 * others else None


def text_blocks(page: Path) -> list[tuple[str, str, str]]:
    """(declared language, detected language, text) of each block of text on a page."""
    return blocks_of(lxml.html.fromstring(page.read_bytes()))


def blocks_of(root, around: str = "") -> list[tuple[str, str, str]]:
    """`text_blocks` of an element; `around`: the language declared outside it."""
    found = []
    for element in root.iter(*BLOCKS):
        if any(parent.tag in SKIP for parent in element.iterancestors()) or element.get("hidden") is not None:
            continue
        own = " ".join(t for t in [element.text or ""] + [child.tail or "" for child in element] if t).strip()
        # inline children read as part of their block, unless they or something in them say their own language
        own += " " + " ".join(child.text_content() for child in element
                              if child.tag in ("strong", "em", "a", "code") and not child.xpath(".//@lang"))
        detected = guess(own)
        if detected:
            declared = next((e.get("lang") for e in [element, *element.iterancestors()] if e.get("lang")), around)
            found.append((declared.split("-")[0], detected, " ".join(own.split())[:120]))
    return found


def mismatches(site: Path) -> list[str]:
    return [f"{page.relative_to(site)}: declared {declared}, reads as {detected}: {text!r}"
            for page in sorted(site.rglob("*.html")) for declared, detected, text in text_blocks(page) if declared != detected]


@pytest.fixture(scope="module")
def nordlicht(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("nordlicht") / "site"
    result = coursegen("build", "--brand", "nordlicht", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_the_detector_tells_english_from_german():
    assert guess("Put the buyer's business agenda first and let the relationship grow from it.") == "en"
    assert guess("Stellen Sie die geschäftlichen Anliegen des Einkäufers an die erste Stelle und lassen Sie die Beziehung wachsen.") == "de"
    assert guess("Frage 1 von 5") is None


def test_nordlicht_shows_no_english(nordlicht):
    pages = sorted(nordlicht.rglob("*.html"))
    assert len(pages) >= 10
    assert sum(len(text_blocks(page)) for page in pages) > 300  # the detector reads the pages
    assert mismatches(nordlicht) == []


def test_fallback_content_carries_its_language(tmp_path):
    project = Path(shutil.copytree(FIXTURE, tmp_path / "p"))
    (project / "translations/de/lessons/next-steps.yml").unlink()
    lesson = project / "course/lessons/next-steps.yml"
    lesson.write_text(lesson.read_text().replace('"Write down one goal."', '"Write down the one goal that you want from this call."'))
    site = build_site(project, tmp_path / "site", "--lang", "de")
    blocks = text_blocks(site / "lessons/next-steps/index.html")
    assert ("en", "en", "Write down the one goal that you want from this call.") in blocks
    assert mismatches(site) == []


@pytest.fixture(scope="module")
def german(tmp_path_factory) -> Path:
    return build_site(ROOT, tmp_path_factory.mktemp("german") / "site", "--lang", "de")


def test_the_bundled_course_in_german_shows_no_english(german):
    assert '<html lang="de"' in (german / "lessons/working-in-the-gray/index.html").read_text("utf-8")
    assert mismatches(german) == []


def scenario_blocks(page: Path) -> list[tuple[str, str, str]]:
    """`text_blocks` of each scenario on a page: its nodes, and what scenario.js shows from its
    key (each reply's note, the endings' titles, lines and debriefs)."""
    root = lxml.html.fromstring(page.read_bytes())
    found = []
    for section in root.find_class("cq-sc"):
        lang = next(e.get("lang") for e in section.iterancestors() if e.get("lang"))
        found += blocks_of(section)
        key = decode_key(f"scenario/{section.get('data-scenario')}", section.get("data-key"))
        shown = [note for choices in key["nodes"].values() for _, _, note in choices]
        shown += [html for title, _, says, debrief in key["endings"].values() for html in (title, says, debrief)]
        for html in filter(None, shown):
            found += blocks_of(lxml.html.fragment_fromstring(f"<p>{html}</p>" if not html.startswith("<") else html,
                                                             create_parent="div"), lang)
    return found


@pytest.mark.parametrize("site_name", ["nordlicht", "german"])
def test_every_scenario_reads_in_german(site_name, request):
    site = request.getfixturevalue(site_name)
    pages = ["lessons/rapport-trap", "lessons/leading-the-dance", "lessons/value-first", "lessons/working-in-the-gray"]
    pages = [page for p in pages for page in (site / p / "index.html", site / f"{p}.html")  # nordlicht: .html addresses
             if page.is_file()]  # and a lesson hidden
    found = [block for page in pages for block in scenario_blocks(page)]
    assert len(pages) >= 3 and len(found) > 40 * len(pages)  # the detector reads every node, note and ending
    assert [b for b in found if b[:2] != ("de", "de")] == []
