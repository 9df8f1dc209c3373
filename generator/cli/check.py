"""`coursegen check`: validate the course and report every problem (fast, writes nothing)."""

from __future__ import annotations

import sys

from generator.check.pipeline import Checked, check_project
from generator.check.report import format_json, format_text
from generator.cli.common import EXIT_CONTENT, EXIT_OK, colour, root, settings


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="validate the course and report every problem (fast, writes nothing)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--min-questions", type=int, metavar="N",
                   help="report quizzes with fewer than N questions (default: min_questions in mkdocs.yml, else 1)")
    p.add_argument("--brand", metavar="NAME", help="check brand NAME (brands/NAME/) and the course merged with its overlay")
    p.set_defaults(run=run)


def run(args) -> int:
    checked, code = check_and_report(args, strict=args.strict, fmt=args.format, min_questions=args.min_questions)
    if code == EXIT_OK and args.format == "text":
        print("Course OK.", file=sys.stderr)
    return code


def check_and_report(args, *, strict: bool, fmt: str = "text", min_questions: int | None = None) -> tuple[Checked, int]:
    """Check the project (as args.brand, if given), print the findings; the result and the exit code."""
    project = settings(args)
    checked = check_project(project, brand=getattr(args, "brand", None), min_questions=min_questions)
    strict = strict or project.options.strict  # `strict: true` in mkdocs.yml: warnings fail there too
    if fmt == "json":
        print(format_json(checked.findings))
    elif checked.findings:
        print(format_text(checked.findings, root(args), colour=colour(args)), file=sys.stderr)
    return checked, EXIT_CONTENT if checked.failing(strict) else EXIT_OK
