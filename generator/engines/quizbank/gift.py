"""GIFT, Moodle's plain-text question format: one file, each quiz a `$CATEGORY:`.

Written from Moodle's GIFT documentation (docs.moodle.org, "GIFT format") and its
importer (question/format/gift/format.php), and read back in the tests by npm's
gift-pegjs 1.0.2:

- single `{=right#feedback ~wrong#feedback}`; multiple `{~%50%right#fb ~%-50%wrong#fb}`
  (walk.moodle_weights); true/false `{TRUE#feedback-if-wrong#feedback-if-right}`
  (Moodle's order); text `{=%100%answer#fb ... =%0%*#fb-if-wrong}` (shortanswer, whose
  `*` answer is the feedback for any other answer); the explanation is the general
  feedback `####...`.
- Text is Markdown: the question text starts with `[markdown]`, which Moodle applies to
  the answers and feedback too. The characters GIFT reads as syntax (`~ = # { } :` and
  `\\`) are escaped with a backslash, line breaks as `\\n`, so every question is one
  block; raw HTML tags are shown as text (markup.escape_raw_html) and unsafe link
  addresses dropped, so the file carries nothing a browser would run.
- written -> an essay `{####grader notes}` graded by a person: GIFT's essay is an empty
  answer block (Moodle's GIFT docs; gift-pegjs's EssayAnswer takes a general feedback,
  as Moodle's importer does), and GIFT has no grader information, so the model answer
  and checklist (walk.grader_notes) travel as the general feedback, which Moodle shows
  once the question is answered, as the course itself shows them after writing.
- GIFT has no ordering question and no all-or-nothing multiple (Moodle's multichoice
  always gives partial credit; walk.partial_credit_lost): those are left out with a warning.
"""

from __future__ import annotations

import html
import re

from generator.engines.quizbank.walk import (Item, category_path, grader_notes, items, left_out, moodle_weights, ordered_quizzes,
                                            partial_credit_lost, stem, weight)
from generator.errors import Finding
from generator.model.course import Course
from generator.model.questions import MultipleQuestion, OrderQuestion, SingleQuestion, TextQuestion, TrueFalseQuestion, WrittenQuestion
from generator.model.questions.base import ChoiceQuestion
from generator.site.markup import escape_raw_html, is_safe_url

NAME = "GIFT"
SUFFIX = ".gift"
HEADER = ("// Quiz bank exported by coursegen (GIFT, for Moodle's question import).\n"
          "// It holds the right answers in plain text: for trainers, not for learners.\n\n")
_SPECIAL = re.compile(r"([\\~=#{}:])")
# The addresses GIFT would carry to Moodle as written: an inline link or image
# `[text](address ...)`, whose address may hold one level of parentheses
# (`javascript:alert(1)`), and a reference definition `[id]: address` on a line of its own.
_LINK = re.compile(r"(\]\(\s*<?)([^()\s>]*(?:\([^()\s]*\)[^()\s>]*)*)")
_FORMAT = re.compile(r"\[(html|markdown|plain|moodle)\]")  # a text format marker (qformat_gift::parse_text_with_format)
_REFERENCE = re.compile(r"^( {0,3}\[[^\]]+\]:[ \t]*<?)(\S*?)(?=>|[ \t]|$)", re.MULTILINE)


def export(course: Course) -> tuple[str, list[Finding]]:
    """The GIFT text of every quiz in `course`, and a warning per question left out."""
    out, findings = [HEADER], []
    for quiz in ordered_quizzes(course):
        # Moodle decodes `\\` in the whole block, the category line too (escapedchar_pre)
        category = category_path(course, quiz).replace("\\", "\\\\")
        out.append(f"$CATEGORY: {category}\n\n")
        for item in items(course, quiz):
            written = question(item, course)
            if isinstance(written, Finding):
                findings.append(written)
            else:
                out.append(written + "\n\n")
    return "".join(out), findings


def question(item: Item, course: Course) -> str | Finding:
    """One question as GIFT, or why it cannot be one."""
    q = item.question
    if isinstance(q, OrderQuestion):
        return left_out(item, NAME, "GIFT has no ordering question", "export it with --format moodle-xml, or import it by hand")
    lost = partial_credit_lost(item, NAME)
    if lost:
        return lost
    head = f"::{escape(q.id)}::[markdown]{text(stem(q))}{{\n"
    if isinstance(q, WrittenQuestion):
        return head + f"\t####{text(grader_notes(course, q))}\n}}"
    general = f"\t####{text(q.explanation)}\n" if q.explanation else ""
    return head + "".join(f"\t{line}\n" for line in _answers(q)) + general + "}"


def _answers(q) -> list[str]:
    if isinstance(q, TrueFalseQuestion):
        return [_true_false(q)]
    if isinstance(q, SingleQuestion):
        return [("=" if o.correct else "~") + text(o.text) + _feedback(o.feedback) for o in q.options]
    if isinstance(q, MultipleQuestion):
        weights = moodle_weights([o.correct for o in q.options])
        return [f"~%{weight(w)}%{text(o.text)}{_feedback(o.feedback)}" for o, w in zip(q.options, weights, strict=True)]
    if isinstance(q, TextQuestion):
        right = [f"=%100%{shortanswer(a)}{_feedback(q.feedback_correct)}" for a in q.answers]
        return right + ([f"=%0%*{_feedback(q.feedback_incorrect)}"] if q.feedback_incorrect else [])
    raise TypeError(f"no GIFT for {type(q).__name__}")


def shortanswer(answer: str) -> str:
    """An accepted answer: plain text (not Markdown), its `*` written `\\*`, since Moodle's
    shortanswer reads a bare `*` as "any text" (question/type/shortanswer/question.php)."""
    return escape(answer.strip()).replace("*", "\\*")


def _true_false(q: ChoiceQuestion) -> str:
    """`TRUE` or `FALSE` (the first option is the true one, as in the browser), then the
    feedback Moodle shows for a wrong answer, then the one for a right answer."""
    is_true = q.options[0].correct
    right, wrong = (q.options[0], q.options[1]) if is_true else (q.options[1], q.options[0])
    fb_wrong, fb_right = text(wrong.feedback or ""), text(right.feedback or "")
    feedback = f"#{fb_wrong}#{fb_right}" if fb_right else (f"#{fb_wrong}" if fb_wrong else "")
    return ("TRUE" if is_true else "FALSE") + feedback


def _feedback(feedback: str | None) -> str:
    return f"#{text(feedback)}" if feedback else ""


def escape(plain: str) -> str:
    """Text with GIFT's syntax characters backslash-escaped and line breaks as `\\n`."""
    return _SPECIAL.sub(r"\\\1", plain).replace("\r\n", "\n").replace("\n", "\\n")


def _safe_address(match: re.Match) -> str:
    """The address kept when safe, else `#`; judged as a browser reads it, with entities
    decoded (Moodle's Markdown keeps `&#x61;` an entity in an address, so `jav&#x61;script:` runs)."""
    return match[1] + (match[2] if is_safe_url(html.unescape(match[2])) else "#")


def text(markdown: str) -> str:
    """Quiz Markdown as GIFT text: inert (tags shown as text, unsafe link addresses
    dropped), trimmed (GIFT trims every field), escaped. A leading `%` is written `&#37;`
    and the `[` of a leading `[html]` (`[markdown]`, `[plain]`, `[moodle]`) `&#91;`
    (Markdown shows them as typed): Moodle would read them as a weight `%50%` or a format."""
    inert = _REFERENCE.sub(_safe_address, _LINK.sub(_safe_address, escape_raw_html(markdown.strip())))
    if inert.startswith("%") or _FORMAT.match(inert):
        inert = {"%": "&#37;", "[": "&#91;"}[inert[0]] + inert[1:]
    return escape(inert)
