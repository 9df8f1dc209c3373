"""`coursegen export DIR [--brand NAME]`: a plain project that plain MkDocs and Zensical build;
`coursegen export --format FORMAT OUT [--brand NAME]`: the course in another format
(EXPORTERS: one function per format, each in its own module)."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.check.report import format_text
from generator.cli.common import EXIT_OK, colour, quiet_mkdocs, root, settings
from generator.engines.lms.formats import FORMATS, REPORTS
from generator.errors import Refusal

PROJECT = "project"


def add_parser(sub) -> None:
    p = sub.add_parser("export", help="write a plain project (mkdocs.yml + docs/), or the course in another format (--format)")
    p.add_argument("dir", metavar="OUT", help="a new or empty folder, or an earlier export to refresh; a file for --format other than project")
    p.add_argument("--brand", metavar="NAME", help="export the course as brand NAME (brands/NAME/)")
    p.add_argument("--format", default=PROJECT, metavar="FORMAT",
                   help=f"{PROJECT} (default), or {', '.join(EXPORTERS)}: a package for an LMS (README.md, 'Reporting to an LMS')")
    p.add_argument("--report", metavar="REPORT",
                   help=f"SCORM only: what the LMS is told, {' or '.join(REPORTS)} (default: {REPORTS[0]})")
    p.set_defaults(run=run)


def run(args) -> int:
    exporter = EXPORTERS.get(args.format)
    if exporter is None:
        raise Refusal(f"unknown format '{args.format}'; choose one of {PROJECT}, {', '.join(EXPORTERS)}")
    scorm = [name for name, form in FORMATS.items() if form.needs_score]
    if args.report and args.format not in scorm:
        raise Refusal(f"--report is for SCORM packages ({', '.join(scorm)}), not {args.format}")
    return exporter(args)


def _project(args) -> int:
    from generator.engines.export.project import export_project  # renders: only when exporting
    from generator.site.build import INERT_EXTENSION

    result = export_project(settings(args, required=True), Path(args.dir), brand_name=args.brand)
    if result.warnings:
        print(format_text(result.warnings, root(args), colour=colour(args)), file=sys.stderr)
    print(f"Exported {result.pages} pages, {result.assets} runtime files and {len(result.media)} media files to {result.dest}", file=sys.stderr)
    print(f"Build it with `mkdocs build --strict` or `zensical build` in {result.dest}", file=sys.stderr)
    if result.needs_coursegen:
        print(f"Note: allow_html: false keeps the {INERT_EXTENSION} extension, so building it needs coursegen installed.", file=sys.stderr)
    return EXIT_OK


def _lms(args) -> int:
    from generator.engines.lms.package import export_package  # builds with MkDocs: only when exporting

    quiet_mkdocs()
    result = export_package(settings(args, required=True), Path(args.dir), args.format, brand=args.brand,
                            **({"report": args.report} if args.report else {}))
    mastery = f", mastery score {result.mastery}" if result.mastery is not None else ""
    print(f"Wrote {args.format} package {result.dest} ({result.files} files, {result.size / 1e6:.1f} MB{mastery})", file=sys.stderr)
    return EXIT_OK


EXPORTERS = {PROJECT: _project} | {name: _lms for name in FORMATS}
