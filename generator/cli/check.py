"""`coursegen check`: validate the course and report every problem (fast, writes nothing)."""

from __future__ import annotations

import sys

from generator.check.guessing import guessing_report, guessing_table
from generator.check.pipeline import Checked, check_project
from generator.check.report import format_json, format_text
from generator.check.scenarios import scenario_table
from generator.cli.common import EXIT_CONTENT, EXIT_OK, colour, root, settings
from generator.errors import Finding
from generator.load.settings import ProjectSettings, SettingsError
from generator.model.course import Course


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="validate the course and report every problem (fast, writes nothing)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--min-questions", type=int, metavar="N",
                   help="report quizzes with fewer than N questions (default: min_questions in mkdocs.yml, else 1)")
    p.add_argument("--brand", metavar="NAME", help="check brand NAME (brands/NAME/) and the course merged with its overlay")
    p.add_argument("--lang", metavar="LANG", help="check the course's translation into LANG (translations/LANG/): "
                   "structure, stale text, and every text shown in the source language")
    p.set_defaults(run=run)


def run(args) -> int:
    try:
        project = settings(args)
    except SettingsError as error:  # a finding like any other: editors and CI read the JSON
        _report([error.finding()], args, args.format)
        return EXIT_CONTENT
    checked, code = check_and_report(args, project, strict=args.strict, fmt=args.format, min_questions=args.min_questions)
    if code == EXIT_OK and args.format == "text":
        print("Course OK.", file=sys.stderr)
    return code


def check_and_report(args, project: ProjectSettings, *, strict: bool, fmt: str = "text",
                     min_questions: int | None = None) -> tuple[Checked, int]:
    """Check the project (as args.brand, if given), print the findings; the result and the exit code."""
    checked = check_project(project, brand=getattr(args, "brand", None), min_questions=min_questions,
                            language=getattr(args, "lang", None))
    strict = strict or project.options.strict  # `strict: true` in mkdocs.yml: warnings fail there too
    _report(checked.findings, args, fmt, checked.course if getattr(args, "command", "") == "check" else None)
    return checked, EXIT_CONTENT if checked.failing(strict) else EXIT_OK


def _report(findings: list[Finding], args, fmt: str, course: Course | None = None) -> None:
    """The findings; for `check`, each quiz's guessing scores too (issue 16), and in JSON each scenario's paths (issue 19)."""
    if fmt == "json":
        print(format_json(findings, guessing_table(course) if course is not None else None,
                          scenario_table(course) if course is not None else None))
        return
    if findings:
        print(format_text(findings, root(args), colour=colour(args)), file=sys.stderr)
    report = guessing_report(course) if course is not None and not any(f.is_error for f in findings) else ""
    if report:  # with errors, those come first
        print(("\n" if findings else "") + report, file=sys.stderr)
