"""`coursegen export DIR [--brand NAME]`: a plain project that plain MkDocs and Zensical build."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.check.report import format_text
from generator.cli.common import EXIT_OK, colour, root, settings


def add_parser(sub) -> None:
    p = sub.add_parser("export", help="write a plain project (mkdocs.yml + docs/) that plain MkDocs and Zensical build")
    p.add_argument("dir", metavar="DIR", help="a new or empty folder, or an earlier export to refresh")
    p.add_argument("--brand", metavar="NAME", help="export the course as brand NAME (brands/NAME/)")
    p.set_defaults(run=run)


def run(args) -> int:
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
