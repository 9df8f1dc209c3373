"""`coursegen results FILE... [--csv] [--course ID] [--texts]`: item analysis of learners' results
summaries (issue 16; generator/results/), and what they wrote (issue 23: results/writing.py).
Files it cannot use are named with the reason, on stderr, and the rest are analysed; exit 1
when none could be used."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from generator.cli.common import EXIT_CONTENT, EXIT_OK
from generator.errors import counted


def add_parser(sub) -> None:
    p = sub.add_parser("results", help="item analysis (difficulty, discrimination, options, reliability) of learners' results summaries")
    p.add_argument("files", metavar="FILE", nargs="+", help="results summaries (results-<course>.json from \"Your progress\")")
    p.add_argument("--csv", action="store_true", help="write the table as CSV to stdout")
    p.add_argument("--course", metavar="ID", help="the course to analyse (default: the one most files are from)")
    p.add_argument("--texts", action="store_true", help="print what learners wrote (written answers with their self-rating, "
                                                         "reflections they included); with --csv, one CSV row per text instead of the item table")
    p.set_defaults(run=run)


def run(args) -> int:
    from generator.results.analysis import analyse
    from generator.results.read import Summary, Unreadable, read_summary
    from generator.results.report import text, to_csv
    from generator.results.writing import writing_csv, writing_text

    read: list[Summary] = []
    problems: list[tuple[str, str]] = []
    for name in args.files:
        try:
            read.append(read_summary(Path(name)))
        except Unreadable as why:
            problems.append((name, str(why)))
    course = args.course or (Counter(s.course for s in read).most_common(1)[0][0] if read else "")
    used: list[Summary] = []
    seen: dict[str, Path] = {}
    for s in read:
        if s.course != course:
            problems.append((str(s.path), f"another course ({s.course!r}, not {course!r})"))
        elif not s.quizzes and not s.written and not s.reflections:
            problems.append((str(s.path), "no answers per question (a summary from before revision 1, or no quiz taken)"))
        elif s.identity() in seen:
            problems.append((str(s.path), f"the same results as {seen[s.identity()]}"))
        else:
            seen[s.identity()] = s.path
            used.append(s)
    order = {name: i for i, name in enumerate(args.files)}
    problems.sort(key=lambda p: order.get(p[0], len(order)))
    if problems:
        print(f"coursegen results: {len(problems)} of {counted(len(args.files), 'file')} not used:", file=sys.stderr)
        for name, reason in problems:
            print(f"  {name}: {reason}", file=sys.stderr)
    if not used:
        print("coursegen results: no summary with answers to analyse", file=sys.stderr)
        return EXIT_CONTENT
    quizzes = analyse([s for s in used if s.quizzes])
    if args.csv:
        sys.stdout.write(writing_csv(used) if args.texts else to_csv(quizzes))
    else:
        title, writing = used[0].course_title, writing_text(used, args.texts)
        sys.stdout.write(f"Item analysis of {course}{f' ({title})' if title else ''}: {len(used)} summaries\n\n"
                         + "\n".join(part for part in (text(quizzes) if quizzes else "", writing) if part))
    return EXIT_OK
