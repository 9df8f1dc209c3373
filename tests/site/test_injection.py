"""Hostile content is inert: quiz text cannot inject markup or script, and lesson
Markdown holds raw HTML only while `allow_html` is on (the default, for trusted trainers).

One course, every quiz text field (titles, scenarios, prompts, options, feedback,
explanations, hints, order items, accepted answers) holding script-bearing payloads,
is built three times by the real command line: as is, with `allow_html: false`, and with
the site's Markdown extensions that quiz text takes on (issue 15: md_in_html, attr_list,
superfences, arithmatex, blocks.html...)."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import build_site, serve_folder

BASE = Path(__file__).parents[1] / "fixtures" / "basecourse"
PAYLOADS = [
    '<script>window.__pwned = "script"; console.log("PWNED script")</script>',
    '</script><script>window.__pwned = "close-script"; console.log("PWNED close")</script>',
    "<img src=\"https://example.invalid/x.png\" alt=\"x\" onerror=\"window.__pwned = 'img'; alert('PWNED img')\">",
    '[click me](javascript:window.__pwned="link") <javascript:alert("PWNED autolink")>',
    '" onmouseover="window.__pwned=\'quote\'" autofocus onfocus="alert(\'PWNED focus\')" x="',
    "'><svg onload=\"window.__pwned='svg'; alert('PWNED svg')\">",
    '![pic](javascript:alert("PWNED image")) <iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    "{{ 7*7 }} {% if true %}jinja{% endif %} &lt;script&gt;alert('PWNED entity')&lt;/script&gt;",
    '<a href="javascript:alert(\'PWNED anchor\')">anchor</a> <details open ontoggle="alert(\'PWNED toggle\')">',
]
LESSON_HTML = (
    '<div class="trainer-box">A box the trainer made</div>\n\n'
    '<span id="trainer-script-target"></span><script>document.getElementById("trainer-script-target").textContent = "ran"</script>\n\n'
    '[a javascript link](javascript:alert("PWNED lesson link"))\n\n'
    'A paragraph with a handler.\n{: onclick="alert(\'PWNED attr\')" }\n\n'
    "```html\n<b>code stays code</b>\n```\n"
)


RICH_EXTENSIONS = """markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.blocks.html
  - pymdownx.arithmatex:
      generic: true
  - toc:
      permalink: true
"""


def hostile_course(dest: Path, *, allow_html: bool = True, rich: bool = False) -> Path:
    shutil.copytree(BASE, dest)
    counter = iter(range(10_000))

    def text() -> str:
        n = next(counter)
        return f"T{n} {PAYLOADS[n % len(PAYLOADS)]}"

    def options(*correct: bool) -> list[dict]:
        return [{"text": text(), "correct": c, "feedback": text()} for c in correct]

    quiz = {
        "id": "intro-quiz", "lesson": "intro", "title": " ".join(PAYLOADS),
        "questions": [
            {"id": "q1", "type": "single", "objective": "intro-goal", "scenario": text(), "prompt": text(),
             "hints": [text(), text()], "explanation": text(), "options": options(True, False)},
            {"id": "q2", "type": "multiple", "objective": "intro-goal", "prompt": text(), "explanation": text(),
             "options": options(True, False, True)},
            {"id": "q3", "type": "true_false", "objective": "intro-goal", "prompt": text(), "explanation": text(),
             "options": [{"text": "True", "correct": True, "feedback": text()}, {"text": "False", "feedback": text()}]},
            {"id": "q4", "type": "order", "objective": "intro-goal", "prompt": text(), "items": [text(), text(), text()],
             "feedback_correct": text(), "feedback_incorrect": text(), "explanation": text()},
            {"id": "q5", "type": "text", "objective": "intro-goal", "prompt": text(), "answers": [text(), "lead"],
             "feedback_correct": text(), "feedback_incorrect": text(), "explanation": text()},
        ],
    }
    dump = lambda data: yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)  # noqa: E731
    (dest / "quizzes/intro-quiz.yml").write_text(dump(quiz))
    final = yaml.safe_load((dest / "quizzes/final.yml").read_text())
    final["title"] = " ".join(reversed(PAYLOADS))
    final["questions"][0].update(prompt=text(), explanation=text(), hints=[text()])
    for option in final["questions"][0]["options"]:
        option["feedback"] = text()
    (dest / "quizzes/final.yml").write_text(dump(final))
    lesson = yaml.safe_load((dest / "course/lessons/next-steps.yml").read_text())
    lesson["sections"].append({"heading": "Trainer HTML", "body": LESSON_HTML})
    (dest / "course/lessons/next-steps.yml").write_text(dump(lesson))
    if rich:
        config = dest / "mkdocs.yml"
        config.write_text(config.read_text() + RICH_EXTENSIONS)
        quiz["questions"][0]["explanation"] += "\n\n/// html | script\nwindow.__pwned = 'blocks'; alert('PWNED blocks')\n///\n"
        (dest / "quizzes/intro-quiz.yml").write_text(dump(quiz))
    if not allow_html:
        config = dest / "mkdocs.yml"
        config.write_text(config.read_text().replace("  - course\n", "  - course:\n      allow_html: false\n"))
    return dest


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("hostile")
    return {
        "trusted": build_site(hostile_course(root / "trusted"), root / "trusted-site"),
        "inert": build_site(hostile_course(root / "inert", allow_html=False), root / "inert-site"),
        "rich": build_site(hostile_course(root / "rich", rich=True), root / "rich-site"),
    }


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def content_of(html: str) -> str:
    """The HTML a course puts on a page: the article and the navigation, not Material's own scripts."""
    return html[html.index('<div class="md-container"'):html.rindex("</main>")] if "</main>" in html else html


# --- static checks on every built page --------------------------------------------------


class Elements(HTMLParser):
    """Every element a page really has (text that merely looks like a tag is not one)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {name: value or "" for name, value in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


@pytest.mark.parametrize("variant", ["trusted", "inert", "rich"])
def test_no_payload_becomes_markup_on_any_page(sites, variant):
    checked = 0
    for path in pages(sites[variant]):
        where = path.relative_to(sites[variant]).as_posix()
        page = Elements(path.read_text(encoding="utf-8"))
        trainer = variant in ("trusted", "rich") and where == "lessons/next-steps/index.html"  # allow_html is on in both
        assert not [code for code in page.scripts if re.search(r"pwned|alert\(", code, re.I)], where
        assert not [tag for tag, _ in page.found if tag in ("iframe", "object", "embed")], where
        for tag, attrs in page.found:
            handlers = [name for name in attrs if name.startswith("on") or name == "srcdoc"]
            assert not handlers or trainer, (where, tag, attrs)  # the trusted trainer may write handlers
            for name in ("href", "src"):
                if re.match(r"\s*javascript:", attrs.get(name, ""), re.I):
                    assert trainer, (where, tag, attrs)  # only the trusted trainer's own lesson link
        checked += 1
    assert checked >= 5


def test_quiz_titles_are_text_in_navigation_headings_and_links(sites):
    final = (sites["trusted"] / "assessment/final/index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", final, re.S)[1]
    assert "<" not in title and "&lt;script&gt;alert('PWNED entity')" in title.replace("&#39;", "'")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", final, re.S)[1]
    assert "&lt;script&gt;" in heading and "[click me](javascript:" in heading and "{{ 7*7 }}" in heading


def test_jinja_in_quiz_text_is_not_evaluated(sites):
    lesson = (sites["trusted"] / "lessons/intro/index.html").read_text(encoding="utf-8")
    assert "jinja{% endif %}" in lesson or "{% if true %}" in lesson
    assert ">49<" not in lesson and " 49 " not in lesson


def test_lesson_html_is_kept_by_default(sites):
    html = (sites["trusted"] / "lessons/next-steps/index.html").read_text(encoding="utf-8")
    assert '<div class="trainer-box">A box the trainer made</div>' in html
    assert "<script>document.getElementById" in html


def test_lesson_html_is_shown_as_text_with_allow_html_false(sites):
    html = (sites["inert"] / "lessons/next-steps/index.html").read_text(encoding="utf-8")
    assert '&lt;div class="trainer-box"&gt;A box the trainer made&lt;/div&gt;' in html
    assert "&lt;script&gt;document.getElementById" in html
    assert re.search(r"<span[^>]*>a javascript link</span>", html)
    assert "A paragraph with a handler." in html and "onclick" not in content_of(html)
    assert "&lt;b&gt;code stays code&lt;/b&gt;" in html and "&amp;lt;b" not in html  # fenced code shown as written
    assert 'class="cq-quiz"' in (sites["inert"] / "lessons/intro/index.html").read_text(encoding="utf-8")


# --- in the browser: learners use the quiz and no script runs ------------------------------


@pytest.fixture(scope="module")
def urls(sites):
    servers = {name: serve_folder(site) for name, site in sites.items()}
    yield {name: url for name, (server, url) in servers.items()}
    for server, _ in servers.values():
        server.shutdown()


class Watch:
    """Everything a script could leave behind: dialogs, console lines, page errors."""

    def __init__(self, page):
        self.dialogs, self.console = [], []
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("console", lambda message: self.console.append(message.text))


def answer_every_question(page) -> None:
    for item in page.locator(".cq-item").all():
        kind = item.get_attribute("data-type")
        hint = item.locator(".cq-hint")
        while hint.count() and hint.is_visible() and hint.is_enabled():
            hint.click()
            if item.locator(".cq-hints > *").count() >= 5:
                break
        if kind in ("single", "true_false"):
            item.locator("input").nth(1).check()
        elif kind == "multiple":
            item.locator("input").first.check()
        elif kind == "order":
            item.locator(".cq-down").first.click()
        elif kind == "text":
            item.locator("input[type=text]").fill("not it")
        check = item.locator(".cq-check")
        if check.count():
            check.click()
    submit = page.locator(".cq-submit")
    if submit.count():
        submit.click()


def assert_no_script_ran(page, watch: Watch) -> None:
    assert watch.dialogs == []
    assert not [line for line in watch.console if "PWNED" in line]
    assert page.evaluate("() => window.__pwned === undefined && window.parent.__pwned === undefined")
    injected = page.evaluate("""() => {
        const found = [];
        for (const el of document.querySelectorAll('.md-content *, .md-nav *')) {
            if (el.tagName === 'SCRIPT' || el.tagName === 'IFRAME') found.push(el.tagName);
            for (const a of el.attributes) {
                if (/^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value)) found.push(el.tagName + ' ' + a.name);
            }
        }
        return found;
    }""")
    assert injected == []


@pytest.mark.browser
@pytest.mark.parametrize("variant", ["trusted", "inert", "rich"])
def test_taking_the_quizzes_runs_no_injected_script(page, urls, variant):
    watch = Watch(page)
    for path in ("lessons/intro/", "assessment/final/"):
        page.goto(f"{urls[variant]}/{path}")
        page.wait_for_selector(".cq-quiz.cq-ready, .cq-quiz")
        answer_every_question(page)
        feedback = page.locator(".cq-feedback:visible, .cq-option-feedback:visible")
        feedback.first.wait_for(state="visible")
        shown = " ".join(feedback.all_inner_texts())
        assert "PWNED" in shown or "<script>" in shown or "onerror" in shown  # the payloads were decoded and shown as text
        page.mouse.move(200, 300)
        assert_no_script_ran(page, watch)
    trainer_page = ("lessons/next-steps/",) if variant == "inert" else ()  # trusted: the trainer's own script runs
    for path in ("", "progress/", "mistakes/", "certificate/", *trainer_page):
        response = page.goto(f"{urls[variant]}/{path}")
        if response and response.status == 404:
            continue
        page.wait_for_load_state("load")
        assert_no_script_ran(page, watch)


@pytest.mark.browser
def test_trusted_lesson_html_runs_and_inert_lesson_html_does_not(page, urls):
    page.goto(f"{urls['trusted']}/lessons/next-steps/")
    assert page.locator("#trainer-script-target").inner_text() == "ran"
    assert page.locator(".trainer-box").is_visible()
    page.goto(f"{urls['inert']}/lessons/next-steps/")
    assert page.locator("#trainer-script-target").count() == 0
    assert page.locator(".trainer-box").count() == 0
    assert page.get_by_text('<div class="trainer-box">A box the trainer made</div>').is_visible()
