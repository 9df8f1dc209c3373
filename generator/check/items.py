"""Item-writing checks (issue 16): patterns in how questions are written that let a
test-wise learner score without knowing the content. All are warnings (`--strict` makes
them fail); the README's "Item-writing checks" explains each threshold.

- check_key_position: in an unshuffled quiz, the right option of single-choice questions
  sits in one position far more often than chance (binomial tail below 1 %)
- check_longest_right: the right option is the longest far more often than chance
- check_option_lengths: one option much longer or shorter than its siblings
- check_true_false_balance: almost all true/false keys the same way, per quiz and course
- check_multiple_patterns: every option right; the right options always the first ones;
  the number of right options never varies
- check_giveaway_words: absolute words ("always", "never") only in wrong, or only in right, options
- check_all_none_of_above: "all/none of the above", "both" (en, de, es, fr) as the key, or in a
  shuffled quiz without `fixed: true` (true_false options never move)
- check_recycled_text: a scenario or prompt repeating a long run of its lesson's words
- check_near_duplicate_options: two options of a question that read almost the same

A question that carries no points (`written`) has nothing to guess: no rule looks at it.

Chance is worked out exactly: the number of questions whose key has a property (first,
longest) is a sum of independent yes/no trials with each question's own chance (1 in its
number of options), and `_tail` gives the probability of a count at least as high.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from math import comb
from statistics import median

from generator.check.locate import at
from generator.check.options import CheckOptions
from generator.errors import Finding, Severity, SourceLocation
from generator.model.course import Course, Quiz
from generator.model.questions.base import ChoiceQuestion

MIN_QUESTIONS = 4  # fewer questions than this tell nothing about a pattern
SIGNIFICANCE = 0.01  # a pattern is reported when chance alone gives it less often than this
LENGTH_FACTOR = 2.5  # an option this many times longer (or shorter) than the others' median...
LENGTH_MIN_DIFFERENCE = 20  # ...and at least this many characters apart
MAJORITY = 0.8  # true/false: always answering the majority way scores this much or more
MIN_GIVEAWAYS = 4  # options with an absolute word, across a quiz, before their side is telling
RECYCLED_WORDS = 8  # a run of this many words of the lesson, repeated in a question
NEAR_DUPLICATE = 0.9  # difflib ratio between two options' texts

ABSOLUTE_WORDS = {
    "en": {"always", "never", "only", "guaranteed", "guarantee", "guarantees", "impossible", "certainly", "definitely",
           "completely", "absolutely", "everyone", "nobody", "nothing"},
    "de": {"immer", "nie", "niemals", "nur", "garantiert", "unmöglich", "sicher", "alle", "keiner", "nichts", "jeder", "jede",
           "jeden", "jedem", "niemand", "völlig", "vollständig", "absolut", "definitiv"},  # as "en" has: everyone, completely...
    "fr": {"toujours", "jamais", "seulement", "uniquement", "garanti", "garantie", "impossible", "personne", "rien"},
    "es": {"siempre", "nunca", "solo", "sólo", "únicamente", "garantizado", "garantizada", "imposible", "nadie", "nada"},
}
# Options that point at the other options, as trainers write them in the course's languages.
_ABOVE = re.compile(
    r"\b(all|none|both|neither) of the (above|options|answers|others)\b|\ball the above\b|^\W*(both|neither)\W*$"
    r"|\b(alle|keine) (der )?(oben genannten|obigen|vorigen)\b|^\W*(beide|keine davon)\W*$"
    r"|\b(todas|ninguna|ninguno) de (las|los) (anteriores|opciones)\b|^\W*(ambas|ambos)( son correctas)?\W*$"
    r"|\b(toutes|aucune) (les réponses |des réponses )?(ci-dessus|précédentes)\b|^\W*les deux\W*$",
    re.IGNORECASE)
_WORD = re.compile(r"[\w']+")
_PAIR_RUN = re.compile(rb"\x01{%d,}" % (RECYCLED_WORDS - 1))  # see _recycled_runs
# ASCII letters lowercased (casefold's effect on ASCII), word characters and ' kept, all else a space: see _words
_ASCII_WORDS = {c: c if chr(c).isalnum() or chr(c) in "_'" else 32 for c in range(128)} | {c: c + 32 for c in range(65, 91)}
_LINK_TARGET = re.compile(r"\]\([^)]*\)")  # a Markdown link's target: not words of the lesson
_ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}


def _warning(where: SourceLocation | Callable[[], SourceLocation], message: str, hint: str, code: str) -> Finding:
    """A warning at `where` (a location, or a function that finds it: see _quiz_spot)."""
    return Finding(where() if callable(where) else where, message, hint=hint, code=code, severity=Severity.WARNING)


def _tail(chances: Iterable[float], observed: int) -> float:
    """P(at least `observed` successes) in independent trials with these chances (the
    Poisson binomial distribution, exactly, by dynamic programming)."""
    dist = [1.0]
    for p in chances:
        nxt = [0.0] * (len(dist) + 1)
        for k, mass in enumerate(dist):
            nxt[k] += mass * (1 - p)
            nxt[k + 1] += mass * p
        dist = nxt
    return sum(dist[observed:])


def _ordinal(position: int) -> str:
    return _ORDINAL.get(position, f"number {position}")


def _length(text: str) -> int:
    return len(" ".join(text.split()))


def _choices(quiz: Quiz, kind: str) -> list[tuple[int, ChoiceQuestion]]:
    """The quiz's questions of one type, with their index, that have a right option."""
    return [(q, question) for q, question in enumerate(quiz.questions)
            if question.type == kind and isinstance(question, ChoiceQuestion) and any(o.correct for o in question.options)]


def _quiz_spot(course: Course, quiz: Quiz) -> Callable[[], SourceLocation]:
    """Where a finding about a whole quiz points, worked out only if one is made: a
    position costs a parse with positions of a file that had no finding (issue 8)."""
    return lambda: at(course, "quiz", quiz.id, ("questions",), key=True)


def _course_spot(course: Course) -> Callable[[], SourceLocation]:
    return lambda: at(course, "course", course.settings.id, ())


# --- position and length of the key --------------------------------------------------------


def check_key_position(course: Course, options: CheckOptions) -> Iterator[Finding]:
    for quiz in course.quizzes.values():
        if quiz.shuffle:
            continue
        singles = [question for _, question in _choices(quiz, "single")]
        if len(singles) < MIN_QUESTIONS:
            continue
        keys = [next(i for i, o in enumerate(q.options) if o.correct) for q in singles]
        counts = Counter(keys)
        worst = min(range(max(len(q.options) for q in singles)),
                    key=lambda p: _tail((1 / len(q.options) for q in singles if len(q.options) > p), counts[p]))
        chances = [1 / len(q.options) for q in singles if len(q.options) > worst]
        if _tail(chances, counts[worst]) >= SIGNIFICANCE:
            continue
        spread = ", ".join(f"{_ordinal(p + 1)} {counts[p]}" for p in range(max(len(q.options) for q in singles)))
        yield _warning(_quiz_spot(course, quiz),
                       f"the right option is {_ordinal(worst + 1)} in {counts[worst]} of {len(singles)} single-choice questions "
                       f"(chance: about {round(sum(chances))}); positions: {spread}",
                       "move the right options so that each position holds about as many, or set `shuffle: true`",
                       "key-position")


def check_longest_right(course: Course, options: CheckOptions) -> Iterator[Finding]:
    for quiz in course.quizzes.values():
        singles = [question for _, question in _choices(quiz, "single")]
        if len(singles) < MIN_QUESTIONS:
            continue
        longest = 0
        for question in singles:
            lengths = [_length(o.text) for o in question.options]
            key = next(i for i, o in enumerate(question.options) if o.correct)
            longest += all(lengths[key] > n for i, n in enumerate(lengths) if i != key)
        chances = [1 / len(q.options) for q in singles]
        if _tail(chances, longest) >= SIGNIFICANCE:
            continue
        yield _warning(_quiz_spot(course, quiz),
                       f"the right option is the longest in {longest} of {len(singles)} single-choice questions "
                       f"({100 * longest / len(singles):.0f} %; chance: about {100 * sum(chances) / len(singles):.0f} %)",
                       "write wrong options as long and as precise as the right one, or shorten the right one",
                       "longest-right")


def check_option_lengths(course: Course, options: CheckOptions) -> Iterator[Finding]:
    for quiz in course.quizzes.values():
        for q, question in enumerate(quiz.questions):
            if question.type not in ("single", "multiple") or not isinstance(question, ChoiceQuestion):
                continue
            if len(question.options) < 3:
                continue
            lengths = [_length(o.text) for o in question.options]
            for i, n in enumerate(lengths):
                others = median(lengths[:i] + lengths[i + 1:])
                if n > LENGTH_FACTOR * others and n - others >= LENGTH_MIN_DIFFERENCE:
                    how = f"{n / others:.1f} times"
                    side = "longer"
                elif others > LENGTH_FACTOR * n and others - n >= LENGTH_MIN_DIFFERENCE:
                    how = f"{others / max(n, 1):.1f} times"
                    side = "shorter"
                else:
                    continue
                yield _warning(at(course, "quiz", quiz.id, ("questions", q, "options", i, "text")),
                               f"option {i + 1} is {n} characters, {how} {side} than the other options "
                               f"(their median: {others:g})",
                               "give the options of a question about the same length: length should not hint at the answer",
                               "option-length")


# --- true/false and multiple ---------------------------------------------------------------


def _true_keys(questions: list[ChoiceQuestion]) -> int:
    return sum(next(o for o in q.options if o.correct).text.strip().casefold() == q.options[0].text.strip().casefold()
               for q in questions)


def _true_false_finding(where, questions: list[ChoiceQuestion], scope: str) -> Iterator[Finding]:
    n = len(questions)
    if n < MIN_QUESTIONS:
        return
    first = _true_keys(questions)
    word = questions[0].options[0].text.strip(), questions[0].options[1].text.strip()
    side, count = (word[0], first) if first >= n - first else (word[1], n - first)
    if count / n < MAJORITY:
        return
    yield _warning(where, f"{scope}, {count} of {n} true/false keys are '{side}' "
                          f"(a learner who always answers '{side}' scores {100 * count / n:.0f} %)",
                   "balance the statements: write about as many true ones as false ones", "true-false-balance")


def check_true_false_balance(course: Course, options: CheckOptions) -> Iterator[Finding]:
    every: list[ChoiceQuestion] = []
    quizzes = 0
    for quiz in course.quizzes.values():
        questions = [question for _, question in _choices(quiz, "true_false")]
        every += questions
        quizzes += bool(questions)
        yield from _true_false_finding(_quiz_spot(course, quiz), questions, "in this quiz")
    if quizzes > 1 and ("course", course.settings.id) in course.sources:
        yield from _true_false_finding(_course_spot(course), every, f"across the course's {quizzes} quizzes")


def check_multiple_patterns(course: Course, options: CheckOptions) -> Iterator[Finding]:
    every: list[ChoiceQuestion] = []
    unshuffled: list[ChoiceQuestion] = []
    quizzes = 0
    for quiz in course.quizzes.values():
        multiples = _choices(quiz, "multiple")
        for q, question in multiples:
            if all(o.correct for o in question.options):
                yield _warning(at(course, "quiz", quiz.id, ("questions", q, "options"), key=True),
                               f"every option of this select-all-that-apply question is right ({len(question.options)} of "
                               f"{len(question.options)}): ticking every box scores full marks",
                               "add a wrong option or two", "multiple-pattern")
        mixed = [question for _, question in multiples if not all(o.correct for o in question.options)]
        every += mixed
        unshuffled += mixed * (not quiz.shuffle)
        quizzes += bool(mixed)
        yield from _multiple_findings(_quiz_spot(course, quiz), mixed * (not quiz.shuffle), mixed, "")
    if quizzes > 1 and ("course", course.settings.id) in course.sources:
        yield from _multiple_findings(_course_spot(course), unshuffled, every, f"across the course's {quizzes} quizzes, ")


def _multiple_findings(where, unshuffled: list[ChoiceQuestion], every: list[ChoiceQuestion], scope: str) -> Iterator[Finding]:
    """The right options always on top (in unshuffled quizzes: chance below 1 %, three
    questions or more), and the same number of right options in every question."""
    if len(unshuffled) >= 3 and all(all(o.correct for o in q.options[:_right(q)]) for q in unshuffled):
        chance = 1.0
        for q in unshuffled:
            chance /= comb(len(q.options), _right(q))
        if chance < SIGNIFICANCE:
            which = " of the unshuffled quizzes" if scope else ""
            yield _warning(where, f"{scope}in all {len(unshuffled)} select-all-that-apply questions{which} the right options "
                                  "are the first ones", "mix the right options in among the wrong ones, or set `shuffle: true`",
                           "multiple-pattern")
    counts = {_right(q) for q in every}
    if len(every) >= MIN_QUESTIONS and len(counts) == 1:
        count = counts.pop()
        yield _warning(where, f"{scope}all {len(every)} select-all-that-apply questions have {count} right option"
                              f"{'s' * (count != 1)}", "vary the number of right options from question to question",
                       "multiple-pattern")


def _right(question: ChoiceQuestion) -> int:
    return sum(o.correct for o in question.options)


# --- wording ------------------------------------------------------------------------------


def check_giveaway_words(course: Course, options: CheckOptions) -> Iterator[Finding]:
    words = ABSOLUTE_WORDS.get(course.settings.language.split("-")[0], set()) | ABSOLUTE_WORDS["en"]
    for quiz in course.quizzes.values():
        right: list[str] = []
        wrong: list[str] = []
        for question in quiz.questions:
            if question.type not in ("single", "multiple") or not isinstance(question, ChoiceQuestion):
                continue
            for option in question.options:
                found = words.intersection(_words(option.text))
                if found:
                    (right if option.correct else wrong).append(min(found))
        if len(right) + len(wrong) < MIN_GIVEAWAYS or (right and wrong):
            continue
        side, used = ("wrong", wrong) if wrong else ("right", right)
        shown = ", ".join(f"'{w}' {n}" for w, n in sorted(Counter(used).items(), key=lambda item: (-item[1], item[0])))
        yield _warning(_quiz_spot(course, quiz),
                       f"absolute words appear only in {side} options: {len(used)} options ({shown})",
                       "use such words on both sides, or drop them: a test-wise learner "
                       f"{'avoids' if side == 'wrong' else 'picks'} options that say them", "giveaway-words")


def check_all_none_of_above(course: Course, options: CheckOptions) -> Iterator[Finding]:
    for quiz in course.quizzes.values():
        for q, question in enumerate(quiz.questions):
            if not isinstance(question, ChoiceQuestion):
                continue
            for i, option in enumerate(question.options):
                match = _ABOVE.search(option.text)
                if not match:
                    continue
                moved = quiz.shuffle and not option.fixed and question.type != "true_false"
                reasons = ["it is the right option"] * option.correct + ["the quiz is shuffled, so 'above' may be below"] * moved
                if reasons:
                    hint = "name the options it means, or replace it with a real option"
                    yield _warning(at(course, "quiz", quiz.id, ("questions", q, "options", i, "text")),
                                   f"option {i + 1} says '{match[0].strip()}' and {' and '.join(reasons)}",
                                   hint + (", or pin it in place with `fixed: true`" if moved else ""), "all-none-above")


def _words(text: str) -> list[str]:
    """The words of `text` (runs of letters, digits, _ and '), casefolded. ASCII text, the
    usual case, takes str.translate and split, twice as fast as the regular expression
    (issue 16: a 1,000-lesson course has 4.7 MB of lesson text) and the same words."""
    if text.isascii():
        return text.translate(_ASCII_WORDS).split()
    return _WORD.findall(text.casefold())


def _lesson_words(course: Course, lesson_id: str) -> list[str]:
    lesson = course.lessons[lesson_id]
    words: list[str] = []
    for text in [lesson.summary, *(s.body for s in lesson.sections), *lesson.key_points]:
        words += _words(_LINK_TARGET.sub("]", text)) + [""]  # "" never matches: no run across two texts
    return words


def _recycled_runs(lesson: list[str], texts: list[list[str]]) -> list[list[str]]:
    """For each text, its longest run of RECYCLED_WORDS words or more that the lesson
    holds too. Only a lesson window whose every pair of neighbouring words is a pair in
    the texts too is looked up: the pairs are tested in C (map over the set's lookup, a
    byte mask, a regular expression for runs of it), so a long lesson costs no Python
    step per word (issue 16: 0.25 s at 1,000 lessons before)."""
    n = RECYCLED_WORDS
    best: list[list[str]] = [[] for _ in texts]
    pairs: set[tuple[str, str]] = set()
    for words in texts:
        pairs.update(zip(words, words[1:], strict=False))
    mask = bytes(map(pairs.__contains__, zip(lesson, lesson[1:], strict=False)))  # 1 where lesson[i], lesson[i + 1] is a pair of the texts
    runs = list(_PAIR_RUN.finditer(mask))  # n - 1 pairs or more in a row: a window of n words or more
    if not runs:  # most lessons: no text's windows need indexing
        return best
    grams: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for t, words in enumerate(texts):
        for start in range(len(words) - n + 1):
            grams.setdefault(tuple(words[start:start + n]), []).append((t, start))
    for run in runs:
        for at_ in range(run.start(), run.end() - n + 2):
            for t, start in grams.get(tuple(lesson[at_:at_ + n]), ()):
                words, length = texts[t], n
                while start + length < len(words) and at_ + length < len(lesson) and words[start + length] == lesson[at_ + length]:
                    length += 1
                if length > len(best[t]):
                    best[t] = words[start:start + length]
    return best


def recycled_runs(course: Course) -> list[tuple[Quiz, int, str, str, list[str]]]:
    """Each question's scenario or prompt that repeats RECYCLED_WORDS words or more of its
    lesson, as (quiz, question index, "scenario" or "prompt", lesson id, the repeated words).
    A question's lesson is its quiz's, or for the final its objective's lesson. The
    `recycled-text` rule and the content metrics (docs/content_metrics.py) read it."""
    lesson_of = {objective.id: lesson.id for lesson in course.lessons.values() for objective in lesson.objectives}
    asked: dict[str, list[tuple[Quiz, int, str, list[str]]]] = {}
    for quiz in course.quizzes.values():
        for q, question in enumerate(quiz.questions):
            lesson_id = quiz.lesson if quiz.lesson in course.lessons else lesson_of.get(question.objective)
            if lesson_id is None or not question.scored:  # a written prompt may ask about the lesson's words
                continue
            for name in ("scenario", "prompt"):
                text = getattr(question, name)
                if text:
                    asked.setdefault(lesson_id, []).append((quiz, q, name, _words(text)))
    found: list[tuple[Quiz, int, str, str, list[str]]] = []
    for lesson_id, entries in asked.items():
        runs = _recycled_runs(_lesson_words(course, lesson_id), [words for *_, words in entries])
        found += [(quiz, q, name, lesson_id, run) for (quiz, q, name, _), run in zip(entries, runs, strict=True) if run]
    return found


def check_recycled_text(course: Course, options: CheckOptions) -> Iterator[Finding]:
    for quiz, q, name, lesson_id, run in recycled_runs(course):
        yield _warning(at(course, "quiz", quiz.id, ("questions", q, name)),
                       f"the {name} repeats {len(run)} words of lesson '{lesson_id}': \"{' '.join(run)}\"",
                       "write a new situation: a question in the lesson's own words tests recognition, not use",
                       "recycled-text")


def _may_be_alike(a: set[str], b: set[str]) -> bool:
    """False when two texts share too few words to be 90 % alike letter by letter: half
    their distinct words apart at least (a cheap test that spares most comparisons, issue 8)."""
    return 2 * len(a & b) >= max(len(a), len(b))


def check_near_duplicate_options(course: Course, options: CheckOptions) -> Iterator[Finding]:
    for quiz in course.quizzes.values():
        for q, question in enumerate(quiz.questions):
            if not isinstance(question, ChoiceQuestion) or question.type == "true_false":
                continue
            texts = [" ".join(o.text.casefold().split()) for o in question.options]
            words = [set(text.split()) for text in texts]
            matcher = difflib.SequenceMatcher(None, autojunk=False)
            for i in range(len(texts)):
                seq2_set = False
                for j in range(i):
                    if texts[i] == texts[j] or not _may_be_alike(words[i], words[j]):
                        continue
                    if not seq2_set:  # indexing a text is most of a comparison's cost: only when needed
                        matcher.set_seq2(texts[i])
                        seq2_set = True
                    matcher.set_seq1(texts[j])
                    # the quick upper bounds first: most pairs are told apart without the full comparison
                    if matcher.real_quick_ratio() >= NEAR_DUPLICATE and matcher.quick_ratio() >= NEAR_DUPLICATE \
                            and matcher.ratio() >= NEAR_DUPLICATE:
                        yield _warning(at(course, "quiz", quiz.id, ("questions", q, "options", i, "text")),
                                       f"option {i + 1} reads almost like option {j + 1} ({100 * matcher.ratio():.0f} % alike)",
                                       "make the options differ in what they say, not in a word or two", "near-duplicate")
                        break


ITEM_RULES = [check_key_position, check_longest_right, check_option_lengths, check_true_false_balance,
              check_multiple_patterns, check_giveaway_words, check_all_none_of_above, check_recycled_text,
              check_near_duplicate_options]
