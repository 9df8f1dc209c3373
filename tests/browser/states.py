"""Every page state a learner meets, listed once (issue 17): the axe test, the reflow and
layout-shift tests and the screenshots script all walk this list, so a new page kind or
state added here is checked everywhere.

A site's pages come from its own course map (assets/course/course-map.js: [path, kind, key]
of every page), so a new page in the site map brings its kind's states with it. A page's
states run in order on one loaded page, each building on the one before (a quiz: before
answering, a wrong answer, a right answer, a focused button, a hovered button, submitted;
an assessment also with its unanswered questions listed; a scenario's page: started, half-way,
at an ending). The walk over a site runs quiz and scenario pages first, so that the progress,
mistakes and certificate pages show what a learner who answered (some wrongly) sees; then the
certificate once earned.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

LONG_NAME = "Maximiliane Auguste Wilhelmine von Hohenzollern-Sigmaringen-Donaueschingen"


@dataclass(frozen=True)
class State:
    """One state of one page: `act` brings the page there from the state before it.

    `lasts`: what this state shows stays on the page in the next state (a wrong answer's
    feedback after the next question is answered rightly, a focused button while another is
    hovered), so a check of the next state covers this one too.
    """

    name: str
    act: Callable[[Page], None]
    lasts: bool = False


@dataclass(frozen=True)
class PageStates:
    """A page of a built site (its URL path from the site's root) and the states it goes through."""

    kind: str
    path: str
    states: tuple[State, ...]

    def label(self) -> str:
        return self.path or "home"


# --- acting as a learner ---------------------------------------------------------------

_ANSWER_JS = """([qid, right]) => {
  const item = document.querySelector('.cq-item[data-qid="' + qid + '"]:not([hidden])');
  const quiz = item.closest('.cq-quiz'), key = CourseQuiz.decode(quiz.dataset.quiz + '/' + qid, item.dataset.key);
  const type = item.dataset.type;
  if (type === 'text') {
    const input = item.querySelector('.cq-text-answer input');
    input.value = right ? key.answers[0] : 'not this';
    input.dispatchEvent(new Event('input', {bubbles: true}));
  } else if (type === 'order') {
    const list = item.querySelector('.cq-order'), steps = [...list.children];
    const order = right ? key.order : [...key.order].reverse();
    order.forEach(v => list.appendChild(steps.find(li => +li.dataset.value === v)));
  } else {
    const inputs = [...item.querySelectorAll('.cq-options input')];
    const pick = right ? key.correct : [inputs.map(i => +i.value).find(v => key.correct.indexOf(v) < 0)];
    inputs.forEach(i => { i.checked = pick.indexOf(+i.value) >= 0; i.dispatchEvent(new Event('change', {bubbles: true})); });
  }
}"""


def settle(page: Page) -> None:
    """Wait two frames (for scroll-driven changes such as Material's header title to start),
    then for running transitions (Material's 125 ms button colour change) to end."""
    page.evaluate("""async () => {
      await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
      await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
    }""")


def _open_items(page: Page) -> list[str]:
    """Question ids, in page order, of shown questions not yet answered and checked."""
    return page.evaluate("""() => [...document.querySelectorAll('.cq-quiz .cq-item:not([hidden])')]
      .filter(i => i.querySelector('.cq-feedback').hidden && !i.dataset.h17answered).map(i => i.dataset.qid)""")


def answer(page: Page, right: bool) -> None:
    """Answer the first open question (wrongly or rightly) and check it where the quiz checks one by one."""
    open_items = _open_items(page)
    if not open_items:
        return
    qid = open_items[0]
    page.evaluate(_ANSWER_JS, [qid, right])
    item = page.locator(f'.cq-item[data-qid="{qid}"]:not([hidden])').first
    item.evaluate("i => { i.dataset.h17answered = '1'; }")
    if item.locator(".cq-check").count():
        item.locator(".cq-check").click()


def focus_by_keyboard(page: Page, selector: str) -> None:
    """Focus an element as the Tab key would (so :focus-visible applies)."""
    target = page.locator(selector).first
    target.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    settle(page)


_BUTTON = ".cq-quiz button:visible:not([disabled])"


def focus_button(page: Page) -> None:
    page.mouse.move(0, 0)
    focus_by_keyboard(page, _BUTTON)


def hover_button(page: Page) -> None:
    """Hover the last button (the focused one is the first, and keeps its focus)."""
    page.locator(_BUTTON).last.hover()
    settle(page)


def submit_all(page: Page) -> None:
    """Answer every open question rightly, then submit (assessment) or check the last (practice)."""
    page.mouse.move(0, 0)
    while _open_items(page):
        answer(page, True)
    if page.locator(".cq-submit:visible").count():
        page.locator(".cq-submit").click()
    page.locator(".cq-result:not(:empty)").first.wait_for()


def submit_incomplete(page: Page) -> None:
    """Submit with questions still open: "Unanswered: 3, 19", each number a link to its question."""
    if _open_items(page) and page.locator(".cq-submit:visible").count():
        page.mouse.move(0, 0)
        page.locator(".cq-submit").click()
        page.locator(".cq-result a").first.wait_for()


def nothing(page: Page) -> None:
    """The page as loaded."""


def scenario_ready(page: Page) -> None:
    """A page with a branching scenario, once its runtime (scenario.js, loaded on demand) has started it."""
    page.locator(".cq-sc.cq-ready").first.wait_for()


def scenario_reply(page: Page) -> None:
    """The first reply chosen: the conversation half-way."""
    page.mouse.move(0, 0)
    page.locator(".cq-sc-ask button").first.click()


def scenario_last_replies(page: Page) -> None:
    """The last reply at every step until the conversation ends (in the test courses, an ending not passed)."""
    page.mouse.move(0, 0)
    page.locator(".cq-sc-restart").click()
    for _ in range(50):  # a scenario's paths are finite (check refuses a cycle); a bound all the same
        if not page.locator(".cq-sc-ask:visible").count():
            break
        page.locator(".cq-sc-ask button").last.click()
    page.locator(".cq-sc-title").wait_for()


def earn_certificate(page: Page) -> None:
    """Every quiz and scenario passed (as their runtimes store them), a long name given, the
    certificate shown."""
    page.evaluate("""() => {
      const m = window.CourseProgressMap.map, p = 'coursegen:v1:' + m.course + ':', date = new Date().toISOString();
      const scenarios = Object.values(m.scenarios || {}).flat();
      const quizzes = m.lessons.map(l => l[1]).filter(Boolean).concat(m.final ? [m.final] : [], scenarios);
      quizzes.forEach(q => {
        const old = JSON.parse(localStorage.getItem(p + q) || 'null') || {v: 1, attempts: 0, questions: {}};
        const best = {percent: 100, passed: true, date: date};
        localStorage.setItem(p + q, JSON.stringify(Object.assign(old, {attempts: (old.attempts || 0) + 1, best: best,
          last: Object.assign({hints: 0, answers: {}}, best)})));
      });
    }""")
    page.reload()
    page.locator(".cq-learner-name").fill(LONG_NAME)
    page.locator(".cq-cert-make").click()
    page.locator(".cq-certificate:not([hidden])").wait_for()


def write(page: Page) -> None:
    """Issue 23's states at once: every written question written, compared with its model answer
    and rated (its first checklist point ticked); every reflection box filled, and reflections
    included in the summary."""
    page.wait_for_function("() => !!window.CourseWritten")
    page.evaluate("""() => document.querySelectorAll('.cq-wq textarea, .cq-reflect textarea').forEach(box => {
      box.value = 'A few sentences of my own, long enough to wrap on a phone screen.';
      box.dispatchEvent(new Event('input', {bubbles: true}));
    })""")
    for button in page.locator('.cq-compare[aria-expanded="false"]').all():
        button.click()
    for item in page.locator(".cq-wq").all():
        item.locator(".cq-checklist input").first.check()
    if page.locator(".cq-reflect-share").count():
        page.locator(".cq-reflect-share").first.check()


def retry_mistakes(page: Page) -> None:
    button = page.locator(".cq-mistakes-retry:visible")
    if button.count():
        button.click()
        page.locator(".cq-mistakes-retry-area .cq-item").first.wait_for()


# --- which states each kind of page goes through -----------------------------------------

QUIZ = (State("before answering", nothing), State("after a wrong answer", lambda p: answer(p, False), lasts=True),
        State("after a right answer", lambda p: answer(p, True)), State("with a focused button", focus_button, lasts=True),
        State("with a hovered button", hover_button), State("after submission", submit_all))
PLAIN = (State("as loaded", nothing),)
# an assessment: before submission, the list of questions left open too
FINAL = (*QUIZ[:-1], State("with unanswered questions listed", submit_incomplete), QUIZ[-1])

STATES: dict[str, tuple[State, ...]] = {
    "home": PLAIN,
    "module": PLAIN,
    "lesson": PLAIN,  # a lesson with a quiz goes through QUIZ instead
    "dialogue": PLAIN,  # an annotated call transcript (issue 23)
    "final": FINAL,
    "scenario": (State("as loaded", scenario_ready), State("half-way", scenario_reply), State("at an ending", scenario_last_replies)),
    "handout": PLAIN,  # a printable page: nothing to answer (issue 23)
    "mistakes": (State("with mistakes", nothing), State("retrying the mistakes", retry_mistakes)),
    "progress": (State("after some answers", nothing),),
    "certificate": (State("before it is earned", nothing),),
    "404": PLAIN,
}
EARNED = PageStates("certificate", "", (State("once earned", earn_certificate),))
# on a page with a written question or reflection prompts (written.js), before its last state
WRITING = State("with writing (written, compared, rated; reflections filled)", write)
# Quiz pages first, then the pages that report on them, the certificate once earned last.
_ORDER = ["home", "module", "lesson", "dialogue", "scenario", "final", "handout", "mistakes", "progress", "certificate", "404"]


def course_map(site: Path) -> dict:
    text = (site / "assets/course/course-map.js").read_text("utf-8")
    return json.loads(re.sub(r"^window\.CourseProgressMap = |;\s*$", "", text.strip()))


def url_path(site: Path, md_path: str) -> str:
    """The address of a page's Markdown path in this build (directory URLs or .html files)."""
    stem = md_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/" if (site / stem / "index.html").exists() else f"{stem}.html"


def _writes(site: Path, path: str) -> bool:
    """Whether the built page at `path` holds a written question or reflection prompts."""
    file = site / path / "index.html" if not path or path.endswith("/") else site / path
    text = file.read_text("utf-8") if file.is_file() else ""
    return 'class="cq-wq"' in text or 'class="cq-reflect"' in text


def walk(site: Path, every_quiz: bool = True) -> Iterator[PageStates]:
    """Every page of a built site with its states, in the order a test runs them. Without
    `every_quiz`, a lesson quiz after the first goes through its first and last state only
    (the same runtime and styles on other questions: a brand's copy, once the course has all)."""
    data = course_map(site)["map"]
    quiz_lessons = {lesson_id for lesson_id, quiz, _ in data["lessons"] if quiz}
    pages = [(kind, key, url_path(site, path)) for path, kind, key in data["pages"]] + [("404", "", "404.html")]
    pages.sort(key=lambda page: _ORDER.index(page[0]))
    quizzes_seen = 0
    for kind, key, path in pages:
        quiz = kind == "lesson" and key in quiz_lessons
        quizzes_seen += quiz
        states = (QUIZ if every_quiz or quizzes_seen == 1 else (QUIZ[0], QUIZ[-1])) if quiz else STATES[kind]
        if _writes(site, path):
            states = (*states[:-1], WRITING, states[-1]) if len(states) > 1 else (*states, WRITING)
        yield PageStates(kind, path, states)
        if kind == "certificate":
            yield PageStates("certificate", path, EARNED.states)
