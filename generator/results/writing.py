"""What learners wrote (issue 23): written answers and the reflections they chose to include,
from their results summaries. A written answer is never scored; its self-rating is the share
of the question's checklist the learner ticked for their own answer (`covered` / `points`),
so the mean self-rating says how well learners think they answered, not how well they did.
"""

from __future__ import annotations

import csv
import io
import statistics
from dataclasses import dataclass

from generator.results.read import Summary

TEXT_COLUMNS = ["course", "learner", "kind", "quiz", "question", "lesson", "prompt", "covered", "points", "text"]


@dataclass(frozen=True)
class WrittenStats:
    """One written question across the summaries: how many answered it, how many of them rated
    their answer against the checklist, and the mean self-rating (0-1) of those who did."""

    quiz: str
    id: str
    answered: int
    rated: int
    mean_rating: float | None
    points: int | None  # the checklist's length, as the last rating saw it


def written_stats(summaries: list[Summary]) -> list[WrittenStats]:
    """Per written question, in order of first appearance."""
    found: dict[tuple[str, str], list] = {}
    for s in summaries:
        for w in s.written:
            if w.answer.strip():
                found.setdefault((w.quiz, w.id), []).append(w)
    out = []
    for (quiz, qid), answers in found.items():
        rated = [w for w in answers if w.covered is not None and w.points]
        shares = [w.covered / w.points for w in rated if w.points]
        out.append(WrittenStats(quiz, qid, len(answers), len(rated), statistics.fmean(shares) if shares else None,
                                rated[-1].points if rated else None))
    return out


def _rating(covered: int | None, points: int | None) -> str:
    return "not rated" if covered is None or not points else f"{covered} of {points} points covered"


def writing_text(summaries: list[Summary], texts: bool) -> str:
    """The section of `coursegen results` about writing; "" when no summary carries any.
    `texts`: each learner's text under its question, and the reflections they included."""
    stats = written_stats(summaries)
    shared = [(s.learner, r) for s in summaries for r in s.reflections]
    if not stats and not shared:
        return ""
    out = ["Written answers (self-rated against the checklist; never scored):"]
    for st in stats:
        mean = "—" if st.mean_rating is None else f"{round(100 * st.mean_rating)}%" + (
            f" (about {st.mean_rating * st.points:.1f} of {st.points} points)" if st.points else "")
        out.append(f"  {st.quiz} {st.id}: {st.answered} answered, {st.rated} rated, mean self-rating {mean}")
        if texts:
            for s in summaries:
                for w in s.written:
                    if (w.quiz, w.id) == (st.quiz, st.id) and w.answer.strip():
                        out.append(f"    {s.learner or '(no name)'} ({_rating(w.covered, w.points)}): {' '.join(w.answer.split())}")
    learners = len({learner for learner, _ in shared})
    out.append(f"Reflections included: {len(shared)} from {learners} learner{'s' * (learners != 1)}"
               + ("" if texts or not shared else " (--texts prints them)"))
    if texts:
        for learner, r in shared:
            out.append(f"  {learner or '(no name)'}, {r.lesson}: {r.prompt}")
            out.append(f"    {' '.join(r.text.split())}")
    return "\n".join(out) + "\n"


def _cell(value: object) -> object:
    """A learner's text as a spreadsheet shows it, never runs it: a cell starting with =, +, -, @,
    a tab or a carriage return is a formula to Excel and LibreOffice, so it gets a leading
    apostrophe (OWASP, "CSV Injection")."""
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def writing_csv(summaries: list[Summary]) -> str:
    """Every written answer and included reflection, one row each (TEXT_COLUMNS); learners'
    text made inert for spreadsheets (`_cell`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(TEXT_COLUMNS)
    for s in summaries:
        for w in s.written:
            writer.writerow([_cell(v) for v in (s.course, s.learner, "written", w.quiz, w.id, "", "",
                                                 "" if w.covered is None else w.covered, "" if w.points is None else w.points, w.answer)])
        for r in s.reflections:
            writer.writerow([_cell(v) for v in (s.course, s.learner, "reflection", "", "", r.lesson, r.prompt, "", "", r.text)])
    return buffer.getvalue()
