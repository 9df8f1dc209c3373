"""`coursegen translations export --lang LANG --format po|xliff OUT`,
`coursegen translations import FILE` and `coursegen translations stamp --lang LANG`: a
course's text out to translators' tools and back into translations/<lang>/
(generator/translate/); `stamp` records the source version of text translated by hand. Only text travels: ids, answers and
structure stay in the source. Import writes nothing when any unit is wrong, and leaves
alone every translation file whose text and recorded source versions did not change."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from generator.cli.common import EXIT_OK, settings
from generator.errors import CourseError, Refusal
from generator.load.course import load_course
from generator.load.translation import apply_translation, translations_dir
from generator.model.course import Course
from generator.model.translation import Translation
from generator.translate.apply import stamped_files, translated_files
from generator.translate.files import write_if_changed
from generator.translate.units import course_units

# a file's suffix -> the exchange format's module (generator/translate/), imported only when used:
# polib and lxml are no part of `coursegen check`, which imports this module
READERS = {".po": "po", ".xlf": "xliff", ".xliff": "xliff"}


def _format(name: str):
    return importlib.import_module(f"generator.translate.{name}")


def add_parser(sub) -> None:
    p = sub.add_parser("translations", help="export the course's text for translators (PO, XLIFF) and import it back")
    commands = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = commands.add_parser("export", help="write every text of the course, with its translation so far, to OUT")
    export.add_argument("--lang", required=True, metavar="LANG", help="the target language, e.g. de")
    export.add_argument("--format", choices=["po", "xliff"], required=True)
    export.add_argument("out", metavar="OUT", help="the file to write (.po, or .xlf for XLIFF)")
    export.set_defaults(run=run_export)
    imported = commands.add_parser("import", help="write a translated PO or XLIFF file into translations/<lang>/")
    imported.add_argument("file", metavar="FILE", help="a .po, .xlf or .xliff file made by `export` and translated")
    imported.set_defaults(run=run_import)
    stamp = commands.add_parser("stamp", help="record which source text the hand-written translations in translations/<lang>/ "
                                "translate (fields with no record yet; with --reviewed, stale ones too)")
    stamp.add_argument("--lang", required=True, metavar="LANG", help="the translation's language, e.g. de")
    stamp.add_argument("--reviewed", action="store_true",
                       help="also record the current source for fields whose source changed: you have brought them in line")
    stamp.set_defaults(run=run_stamp)


def _course(args, language: str) -> tuple[Course, Translation | None, object]:
    """The source course and its existing translation into `language` (None when there is none yet)."""
    project = settings(args)
    course, findings = load_course(project.paths)
    translation = None
    if course is not None and translations_dir(project.paths, language).is_dir():
        translated, more = apply_translation(course, project.paths, language)
        findings += more
        translation = translated.translation
    if course is None or any(f.is_error for f in findings):
        raise CourseError(findings)
    return course, translation, project


def run_export(args) -> int:
    course, translation, project = _course(args, args.lang)
    if args.lang == course.settings.language:
        raise Refusal(f"the course is written in '{args.lang}'; export for another language")
    units = course_units(course, translation, project.paths, args.lang)  # type: ignore[attr-defined]
    source = course.settings.language
    data = (_format("po").write_po(units, source, args.lang, course.settings.id).encode("utf-8") if args.format == "po"
            else _format("xliff").write_xliff(units, source, args.lang))
    Path(args.out).write_bytes(data)
    done = sum(1 for u in units if u.target is not None)
    print(f"Wrote {len(units)} texts ({done} translated, {sum(u.stale for u in units)} to review) to {args.out}", file=sys.stderr)
    return EXIT_OK


def run_stamp(args) -> int:
    course, translation, project = _course(args, args.lang)
    if translation is None:
        raise Refusal(f"there is no translation into '{args.lang}' in {translations_dir(project.paths, args.lang)}")  # type: ignore[attr-defined]
    changed = [path for path, text in stamped_files(translation, project.paths, args.reviewed)  # type: ignore[attr-defined]
               if write_if_changed(path, text)]
    print(f"Recorded source versions in {len(changed)} file{'' if len(changed) == 1 else 's'}", file=sys.stderr)
    return EXIT_OK


def run_import(args) -> int:
    file = Path(args.file)
    reader = READERS.get(file.suffix.lower())
    if reader is None:
        raise Refusal(f"{args.file}: import reads .po, .xlf or .xliff files")
    if not file.is_file():
        raise Refusal(f"{args.file}: no such file")
    try:
        module = _format(reader)
        language, units = getattr(module, f"read_{reader}")(file, args.file)
    except ValueError as exc:
        raise Refusal(str(exc)) from None
    course, translation, project = _course(args, language)
    writes, findings = translated_files(course, translation, project.paths, language, units)  # type: ignore[attr-defined]
    if findings:
        raise CourseError(findings)
    changed = [path for path, text in writes if write_if_changed(path, text)]
    print(f"Imported {len(units)} texts into {translations_dir(project.paths, language)}: "  # type: ignore[attr-defined]
          f"{len(changed)} file(s) written, {len(writes) - len(changed)} unchanged", file=sys.stderr)
    return EXIT_OK
