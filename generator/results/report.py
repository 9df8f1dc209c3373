"""The item analysis as a text table (stdout of `coursegen results`) or CSV (`--csv`)."""

from __future__ import annotations

import csv
import io
import json

from generator.results.analysis import FEW_LEARNERS, ItemStats, QuizStats

CSV_COLUMNS = ["course", "quiz", "question", "type", "points", "n", "p", "r_pb", "d_27", "options", "flags",
               "reliability", "reliability_kind", "learners"]


def _num(value: float | None, digits: int = 2) -> str:
    if value is None:
        return ""
    return f"{0.0 if round(value, digits) == 0 else value:.{digits}f}"  # never "-0.00"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{round(100 * value)}%"


def _flags(item: ItemStats) -> list[str]:
    return [f"{flag} ({', '.join(repr(o) for o in item.unchosen)})" if flag == "unchosen-distractor" else flag
            for flag in item.flags]


def text(quizzes: list[QuizStats]) -> str:
    out: list[str] = []
    for q in quizzes:
        out.append(f"{q.quiz}  {q.title}")
        rel = f"{q.reliability_kind} {_num(q.reliability)}" if q.reliability is not None else f"{q.reliability_kind} —"
        out.append(f"  {q.learners} learners · mean {_pct(q.mean)} (sd {_pct(q.sd)}) · {rel} "
                   f"({q.complete} answered every question)")
        if q.learners < FEW_LEARNERS:
            out.append(f"  note: {q.learners} learners are too few for stable figures; aim for {FEW_LEARNERS} or more")
        width = max([8] + [len(i.id) for i in q.items])
        out.append(f"  {'question':<{width}}  {'type':<10} {'n':>5} {'p':>5} {'r_pb':>6} {'D':>6}  flags")
        for i in q.items:
            out.append(f"  {i.id:<{width}}  {i.type:<10} {i.n:>5} {i.p:>5.2f} {_num(i.r_pb) or '—':>6} {_num(i.d) or '—':>6}"
                       f"  {', '.join(_flags(i))}".rstrip())
            if i.options:
                shown = " · ".join(f"{o!r} {n} ({_pct(n / i.n)})" for o, n in i.options.items())
                out.append(f"  {'':<{width}}  options: {shown}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def to_csv(quizzes: list[QuizStats]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for q in quizzes:
        for i in q.items:
            writer.writerow([q.course, q.quiz, i.id, i.type, f"{i.points:g}", i.n, _num(i.p, 4), _num(i.r_pb, 4), _num(i.d, 4),
                             json.dumps(i.options, ensure_ascii=False) if i.options else "", " ".join(_flags(i)),
                             _num(q.reliability, 4), q.reliability_kind, q.learners])
    return buffer.getvalue()
