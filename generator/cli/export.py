"""`coursegen export DIR [--brand NAME] [--lang LANG]`: a plain project that plain MkDocs and Zensical build.
`coursegen export --format FORMAT OUT [--brand NAME] [--lang LANG] [--strict]`: the quizzes as a quiz bank
(engines/quizbank/) for a learning platform to import, or the whole course as a package for
an LMS (engines/lms/: scorm12, scorm2004, cmi5; `--report` for SCORM). `--lang` exports the
course in its translation (translations/LANG/), as `build --lang` builds it."""

from __future__ import annotations

import dataclasses
import importlib
import sys
from pathlib import Path

from generator.check.report import format_text
from generator.cli.common import EXIT_OK, colour, quiet_mkdocs, root, settings
from generator.engines.lms.formats import FORMATS as LMS_PACKAGES
from generator.engines.lms.formats import REPORTS
from generator.errors import Refusal, counted
from generator.load.settings import ProjectSettings

# --format NAME -> the module of engines/quizbank/ that writes it (export.QuizBankFormat), imported
# only when exporting: qti12 and moodle_xml load lxml and text2qti, 0.1 s of every `coursegen check`
QUIZ_BANKS = {"gift": "gift", "moodle-xml": "moodle_xml", "qti12": "qti12"}


def add_parser(sub) -> None:
    p = sub.add_parser("export", help="write a plain project (mkdocs.yml + docs/) that plain MkDocs and Zensical build, "
                                      "or with --format the quizzes as a quiz bank for Moodle or Canvas, or an LMS package")
    p.add_argument("dir", metavar="OUT", help="a new or empty folder, or an earlier export to refresh; "
                                              "with --format, the file to write (its suffix is added if missing)")
    p.add_argument("--brand", metavar="NAME", help="export the course as brand NAME (brands/NAME/)")
    p.add_argument("--lang", metavar="LANG", help="export the course in its translation into LANG (translations/LANG/)")
    p.add_argument("--format", choices=sorted(QUIZ_BANKS) + list(LMS_PACKAGES),
                   help="write the quizzes as a quiz bank: gift (Moodle, .gift), moodle-xml (Moodle, .xml) or qti12 "
                   "(Canvas Classic, .zip), answers in plain text; or the course as a package for an LMS: "
                   f"{', '.join(LMS_PACKAGES)} (.zip; README.md, 'Reporting to an LMS')")
    p.add_argument("--strict", action="store_true", help="with --format: fail, writing nothing, on any warning, "
                   "including a question the format cannot carry")
    p.add_argument("--report", choices=REPORTS,
                   help=f"SCORM packages: what the LMS is told (default: {REPORTS[0]})")
    p.set_defaults(run=run)


def run(args) -> int:
    scorm = [name for name, form in LMS_PACKAGES.items() if form.needs_score]
    if args.report and args.format not in scorm:
        raise Refusal(f"--report goes with a SCORM package (--format {' or '.join(scorm)})")
    if args.format in LMS_PACKAGES:
        return _lms_package(args)
    if args.format:
        return _quiz_bank(args)
    if args.strict:
        raise Refusal("--strict goes with --format (a quiz bank); the plain project export writes the course as it is")
    from generator.engines.export.project import export_project  # renders: only when exporting
    from generator.site.build import INERT_EXTENSION

    result = export_project(_project(args), Path(args.dir), brand_name=args.brand)
    if result.warnings:
        print(format_text(result.warnings, root(args), colour=colour(args)), file=sys.stderr)
    print(f"Exported {counted(result.pages, 'page')}, {counted(result.assets, 'runtime file')} and "
          f"{counted(len(result.media), 'media file')} to {result.dest}", file=sys.stderr)
    print(f"Build it with `mkdocs build --strict` or `zensical build` in {result.dest}", file=sys.stderr)
    if result.needs_coursegen:
        print(f"Note: allow_html: false keeps the {INERT_EXTENSION} extension, so building it needs coursegen installed.", file=sys.stderr)
    return EXIT_OK


def _project(args) -> ProjectSettings:
    """The project's settings, with `--lang` in place of the plugin's `language` option."""
    project = settings(args, required=True)
    if not args.lang:
        return project
    return dataclasses.replace(project, options=project.options.model_copy(update={"language": args.lang}))


def _quiz_bank(args) -> int:
    from generator.engines.quizbank.export import export_quiz_bank

    fmt = importlib.import_module(f"generator.engines.quizbank.{QUIZ_BANKS[args.format]}")
    result = export_quiz_bank(_project(args), fmt, Path(args.dir), brand=args.brand, strict=args.strict)
    shown = result.warnings + result.left_out
    if shown:
        print(format_text(shown, root(args), colour=colour(args)), file=sys.stderr)
    left = f"; {len(result.left_out)} left out (see above)" if result.left_out else ""
    print(f"Exported {counted(result.questions, 'question')} of {counted(result.quizzes, 'quiz')} as {fmt.NAME} to {result.path}{left}", file=sys.stderr)
    print("The file holds the right answers in plain text: give it to trainers, not to learners.", file=sys.stderr)
    return EXIT_OK


def _lms_package(args) -> int:
    from generator.engines.lms.package import export_package  # builds with MkDocs: only when exporting

    quiet_mkdocs()
    result = export_package(_project(args), Path(args.dir), args.format, brand=args.brand,
                            report=args.report or REPORTS[0], strict=args.strict or None)
    mastery = f", mastery score {result.mastery}" if result.mastery is not None else ""
    print(f"Wrote {args.format} package {result.dest} ({counted(result.files, 'file')}, {result.size / 1e6:.1f} MB{mastery})", file=sys.stderr)
    return EXIT_OK
