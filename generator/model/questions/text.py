"""`text`: a short typed answer, checked against accepted answers.

The answer rule (README "Typed answers") is written twice, here when the key is built
and in generator/site/assets/language.js (CourseQuiz.answerForm) when the learner's input is checked,
and must give the same result for every string: both files hold the same patterns,
character for character, and tests/fixtures/text-answer-vectors.json (plus a few
hundred generated strings) is run against both (tests/model/test_text_answer_rule.py,
tests/browser/test_text_answers_browser.py). In this order:

1. invisible format characters go: soft hyphen, zero-width spaces and joiners, direction
   marks and embeddings (pasted right-to-left text carries them), word joiner, byte order
   mark, Arabic tatweel (a stretching stroke);
2. apostrophe and single quote variants become `'`, double quote variants `"`, dash
   variants `-` (before NFKC, which would turn `´` into a space and an accent);
3. Unicode NFKC (compatibility forms: full-width `１２`, ligature `ﬁ`, `…`, and one form
   for a letter and its combining accent);
4. upper case by the full Unicode mapping, capital `ẞ` (its own upper case) as `SS`, then
   NFKC again (upper case can decompose):
   the one case folding both languages implement alike (Python's `casefold()` and the
   browser's `toLowerCase()` disagree on `ß`, final `ς` and ligatures; `upper()` and
   `toUpperCase()` agree: `Straße` → `STRASSE`, `ΟΔΟΣ`, `οδος` and `οδοσ` → `ΟΔΟΣ`);
5. runs of spaces (every Unicode space and line break) become one space;
6. spaces, quotes and sentence punctuation (`. , ; : ! ? ¡ ¿` and their Greek, Hebrew,
   Arabic, Devanagari and CJK forms) are dropped at both ends.

`match: exact` switches it off: the answer must be typed as written, only Unicode's
canonical form (NFC) and the spaces around it are forgiven.
"""

import re
import unicodedata
from typing import Annotated, Literal

from pydantic import Field

from .base import Problem, QuestionBase, Text

# Written as in language.js, character for character (tests/model/test_text_answer_rule.py
# compares them): Python's re and JavaScript's RegExp read these escapes alike.
INVISIBLE = r"[\u00ad\u0640\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
APOSTROPHES = r"[`\u00b4\u02b9\u02bb-\u02bd\u02c8\u05f3\u2018-\u201b\u2032\u2035\u2039\u203a\uff07\uff40]"
QUOTES = r"[\u00ab\u00bb\u02ba\u05f4\u201c-\u201f\u2033\u2036\u301d-\u301f\uff02]"
DASHES = r"[\u058a\u05be\u2010-\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]"
SPACES = r"[\t-\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+"
_END = r"[ '\".,;:!?\xa1\xb7\xbf\u037e\u0387\u05c3\u060c\u061b\u061f\u06d4\u0964\u0965\u3001\u3002]+"
ENDS = f"^{_END}|{_END}$"
TRIM = f"^{SPACES}|{SPACES}$"
PATTERNS = {"INVISIBLE": INVISIBLE, "APOSTROPHES": APOSTROPHES, "QUOTES": QUOTES, "DASHES": DASHES,
            "SPACES": SPACES, "ENDS": ENDS, "TRIM": TRIM}

_STEPS = [(re.compile(p), r) for p, r in ((INVISIBLE, ""), (APOSTROPHES, "'"), (QUOTES, '"'), (DASHES, "-"))]
_SPACES, _ENDS, _TRIM = re.compile(SPACES), re.compile(ENDS), re.compile(TRIM)


def normalise(answer: str) -> str:
    """`answer` in the form typed answers are compared in (the module's rule): `"  Don’t!"` -> `DON'T`.

    Returns "" when nothing but spaces, quotes and punctuation is left."""
    for pattern, replacement in _STEPS:
        answer = pattern.sub(replacement, answer)
    answer = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", answer).upper().replace("\u1e9e", "SS"))
    return _ENDS.sub("", _SPACES.sub(" ", answer))


def exact(answer: str) -> str:
    """`answer` as `match: exact` compares it: canonical form (NFC), surrounding spaces dropped."""
    return _TRIM.sub("", unicodedata.normalize("NFC", answer))


class TextQuestion(QuestionBase):
    type: Literal["text"]
    answers: Annotated[list[Text], Field(min_length=1, max_length=30, description=(
        "Accepted answers, shown to a learner who got it wrong as written here. Case, accents typed "
        "either way, apostrophe, quote and dash variants, full-width characters, spaces and surrounding "
        "punctuation are forgiven (README \"Typed answers\"), unless `match: exact`."))]
    match: Literal["forgiving", "exact"] = Field("forgiving", description=(
        "`exact`: the answer must be typed as written (case, punctuation and all); "
        "`forgiving` (the default) applies the typed-answer rule."))
    feedback_correct: Text | None = None
    feedback_incorrect: Text | None = None

    def compared(self, answer: str) -> str:
        """`answer` in the form the runtime compares it in, by this question's `match`."""
        return exact(answer) if self.match == "exact" else normalise(answer)

    def key(self, render):
        shown: dict[str, str] = {}
        for answer in self.answers:
            shown.setdefault(self.compared(answer), answer)
        return super().key(render) | {
            "answers": sorted(shown),
            "shown": list(shown.values()),  # as the trainer wrote them, first of each compared form
            "exact": self.match == "exact",
            "feedback_correct": render(self.feedback_correct or ""),
            "feedback_incorrect": render(self.feedback_incorrect or ""),
        }

    def problems(self) -> list[Problem]:
        return [(("answers", i), f"answer {i + 1} ('{a}') is only punctuation and spaces: no typed answer can match it",
                 "write the answer in words, or add `match: exact` to compare answers as written")
                for i, a in enumerate(self.answers) if not self.compared(a)]
