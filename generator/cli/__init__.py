"""The `coursegen` command line: check, build, serve.

`check` uses only the core. `build` and `serve` drive MkDocs through its Python API
with the project's mkdocs.yml, whose `course` plugin does the work; mkdocs is imported
only inside them.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import logging
import os
import sys
from pathlib import Path

import yaml

from generator.load.brand import BRANDS_DIR, SERVE_BRAND_ENV, brand_dir, list_brands
from generator.check.rules import CheckOptions
from generator.errors import CourseError, Severity
from generator.load.course import CoursePaths
from generator.engines.output import OutputRefused, check_output, staged
from generator.load.overlay import check_branded
from generator.check.pipeline import check
from generator.check.report import format_json, format_text

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
BRANDS_OUT = "site-brands"  # outside site/: building the main site (which empties site/) never touches a brand


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    one_shot = argv is None and args.command == "check"
    if one_shot:  # a short-lived process that makes no garbage cycles worth collecting (issue 8)
        gc.disable()
    try:
        code = args.run(args)
    except KeyboardInterrupt:
        code = 130
    finally:
        if one_shot:
            # The process ends now: spare it the collector's final pass over the whole loaded
            # course, which finds nothing (0.2 s at 1,000 lessons).
            gc.freeze()
    if argv is None and args.command in ("build", "check"):
        _exit_now(code)
    return code


def _exit_now(code: int) -> None:
    """End a finished one-shot command without freeing the loaded course and site object by
    object (0.5 s after a 1,000-lesson build, issue 8); exit handlers (logging, temporary
    folders) still run, as they would on a normal exit."""
    atexit._run_exitfuncs()  # noqa: SLF001 - what a normal exit runs, and all of it
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coursegen", description="Turn YAML lessons and quizzes into a course website.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("check", help="validate the course and report every problem (fast, writes nothing)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--min-questions", type=int, metavar="N", help="report quizzes with fewer than N questions (default: min_questions in mkdocs.yml, else 1)")
    p.add_argument("--brand", metavar="NAME", help="check brand NAME (brands/NAME/) and the course merged with its overlay")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("build", help="check, then build the static site")
    p.add_argument("--out", "-d", help="output folder (default: site/)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--brand", metavar="NAME", help=f"build the firm's copy in brands/NAME/ (default output: {BRANDS_OUT}/NAME/)")
    p.add_argument("--all-brands", action="store_true", help=f"build every brand, each into its own folder ({BRANDS_OUT}/NAME/ or DIR/NAME/)")
    p.add_argument("--jobs", "-j", type=int, metavar="N",
                   help=f"processes that build pages side by side (default: one per CPU from {PARALLEL_FROM} lessons on, else 1)")
    p.set_defaults(run=cmd_build)

    p = sub.add_parser("serve", help="preview the site, rebuilding on every save")
    p.add_argument("--dev-addr", "-a", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")
    p.add_argument("--brand", metavar="NAME", help="preview brand NAME (brands/NAME/), rebuilding on every save there too")
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("new", help="start a lesson or quiz from a commented file that passes `check`")
    p.add_argument("kind", choices=["lesson", "quiz"])
    p.add_argument("id", metavar="ID", help="lowercase letters, digits and hyphens, e.g. negotiation-basics")
    p.add_argument("--title", help="lesson title (default: from the id)")
    p.add_argument("--module", help="lesson: add it to the module with this title (default: the last module)")
    p.add_argument("--lesson", help="quiz: the lesson it checks (default: ID without -quiz)")
    p.add_argument("--final", action="store_true", help="quiz: make it the course's final assessment")
    p.set_defaults(run=cmd_new)

    p = sub.add_parser("export", help="write a plain project (mkdocs.yml + docs/) that plain MkDocs and Zensical build")
    p.add_argument("dir", metavar="DIR", help="a new or empty folder, or an earlier export to refresh")
    p.add_argument("--brand", metavar="NAME", help="export the course as brand NAME (brands/NAME/)")
    p.set_defaults(run=cmd_export)
    return parser


def _colour(args) -> bool:
    if args.color != "auto":
        return args.color == "always"
    return sys.stderr.isatty() and "NO_COLOR" not in os.environ


def _root(args) -> Path:
    return Path(args.config_file).resolve().parent


def _plugin_options(args) -> dict:
    """The course plugin's settings from mkdocs.yml, read without importing mkdocs."""
    try:
        text = Path(args.config_file).read_text(encoding="utf-8-sig")
        config = yaml.load(text, Loader=_LenientLoader) or {}
    except (OSError, yaml.YAMLError):
        return {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "course" in plugin:
            return plugin["course"] or {}
    return {}


class _LenientLoader(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name and !ENV tags; we only need plain keys."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _paths(args) -> CoursePaths:
    options = _plugin_options(args)
    return CoursePaths.at(_root(args), options.get("course_dir", "course"), options.get("quizzes_dir", "quizzes"))


def run_check(args, *, strict: bool, fmt: str = "text", min_questions: int | None = None, for_build: bool = True) -> int:
    """Check the course and print the findings; for_build keeps the result for the build that follows."""
    options = _plugin_options(args)
    check_options = CheckOptions(min_questions=min_questions if min_questions is not None else options.get("min_questions", 1))
    strict = strict or bool(options.get("strict", False))  # `strict: true` in mkdocs.yml: warnings fail there too
    if getattr(args, "brand", None):
        _, _, findings = check_branded(_paths(args), args.brand, check_options, options.get("brands_dir", BRANDS_DIR))
    else:
        _, findings = check(_paths(args), check_options, keep=for_build)
    failing = [f for f in findings if f.is_error or (strict and f.severity is Severity.WARNING)]
    if fmt == "json":
        print(format_json(findings))
    elif findings:
        print(format_text(findings, _root(args), colour=_colour(args)), file=sys.stderr)
    return EXIT_CONTENT if failing else EXIT_OK


def cmd_check(args) -> int:
    code = run_check(args, strict=args.strict, fmt=args.format, min_questions=args.min_questions, for_build=False)
    if code == EXIT_OK and args.format == "text":
        print("Course OK.", file=sys.stderr)
    return code


def cmd_new(args) -> int:
    from generator.cli.new import ScaffoldError, new_lesson, new_quiz

    paths = _paths(args)
    try:
        if args.kind == "lesson":
            created = new_lesson(paths, args.id, title=args.title, module=args.module)
        else:
            min_questions = _plugin_options(args).get("min_questions", 1)
            created = new_quiz(paths, args.id, args.lesson, final=args.final, min_questions=min_questions)
    except ScaffoldError as refused:
        print(f"coursegen new: {refused}", file=sys.stderr)
        return EXIT_USAGE
    for file in created.files:
        print(f"wrote {file}", file=sys.stderr)
    for note in created.notes:
        print(f"note: {note}", file=sys.stderr)
    nxt = f"coursegen new quiz {args.id}-quiz" if args.kind == "lesson" else "coursegen check"
    print(f"Next: fill in the text marked 'Write ...' or 'Say ...', then run `{nxt}`.", file=sys.stderr)
    return EXIT_OK


def cmd_export(args) -> int:
    from generator.engines.export.project import ExportRefused, export_project

    if not Path(args.config_file).is_file():
        print(f"coursegen: no {args.config_file} here; run it from the course project's folder or pass -f", file=sys.stderr)
        return EXIT_USAGE
    try:
        result = export_project(Path(args.config_file), Path(args.dir), brand_name=args.brand)
    except CourseError as error:
        print(format_text(error.findings, _root(args), colour=_colour(args)), file=sys.stderr)
        print("Export stopped: nothing was written.", file=sys.stderr)
        return EXIT_CONTENT
    except ExportRefused as refused:
        print(f"coursegen: {refused}", file=sys.stderr)
        return EXIT_USAGE
    if result.warnings:
        print(format_text(result.warnings, _root(args), colour=_colour(args)), file=sys.stderr)
    print(f"Exported {result.pages} pages, {result.assets} runtime files and {len(result.media)} media files to {result.dest}", file=sys.stderr)
    print(f"Build it with `mkdocs build --strict` or `zensical build` in {result.dest}", file=sys.stderr)
    if result.needs_coursegen:
        print("Note: allow_html: false keeps the generator.site.markup extension, so building it needs coursegen installed.", file=sys.stderr)
    return EXIT_OK


def _mkdocs_config(args, **overrides):
    from mkdocs.config import load_config

    return load_config(config_file=args.config_file, **overrides)


def cmd_build(args) -> int:
    if not Path(args.config_file).is_file():
        print(f"coursegen: no {args.config_file} here; run it from the course project's folder or pass -f", file=sys.stderr)
        return EXIT_USAGE
    if args.out:
        args.out = os.path.expanduser(args.out)  # `--out "~"` is the home folder, refused, not a folder named ~
    if args.brand or args.all_brands:
        return cmd_build_brands(args)
    code = run_check(args, strict=args.strict)
    if code != EXIT_OK:
        print("Build stopped: nothing was written; the previous site is unchanged.", file=sys.stderr)
        return code
    from mkdocs.exceptions import MkDocsException

    _quiet_mkdocs()
    overrides = {"site_dir": str(Path(args.out).resolve())} if args.out else {}
    try:
        if args.out:
            _check_out(args, Path(args.out))
        config = _mkdocs_config(args, strict=args.strict, **overrides)
    except OutputRefused as exc:
        print(f"coursegen: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except MkDocsException as exc:
        print(f"Build failed: {exc}", file=sys.stderr)
        return EXIT_CONTENT
    code = _staged_build(args, config, "Build")
    if code == EXIT_OK:
        print(f"Site built in {config.site_dir}", file=sys.stderr)
    return code


def _check_out(args, out: Path, *more: Path) -> None:
    paths = _paths(args)
    protected = [paths.course_dir, paths.quizzes_dir, _root(args) / "brands", *more]
    check_output(out, protected, {"the project folder": _root(args), "your home folder": Path.home()})


PARALLEL_FROM = 50  # lessons; below, forking costs more than it saves
MAX_JOBS = 32


def _course_files(args) -> tuple:
    """The state of every file the build reads from the course (and the brand, if any)."""
    from generator.check.pipeline import fingerprint

    paths = _paths(args)
    folders = [paths.course_dir, paths.quizzes_dir]
    if getattr(args, "brand", None):
        folders.append(brand_dir(_root(args), args.brand, _plugin_options(args).get("brands_dir", BRANDS_DIR)))
    return fingerprint(*folders)


def _jobs(args) -> int:
    from generator.source.parallel import worker_count  # the same rule as check's parsing: where forking is safe

    if getattr(args, "jobs", None) is not None:
        return max(1, min(args.jobs, MAX_JOBS))
    folder = _paths(args).course_dir
    lessons = sum(1 for _ in folder.rglob("*.y*ml")) if folder.is_dir() else 0
    return worker_count(lessons, PARALLEL_FROM)


def _staged_build(args, config, label: str) -> int:
    """Build into a temporary folder next to site_dir and swap it in only on success, so
    a failure anywhere leaves the previous site as it was; refuse a site_dir that is not
    ours to replace (see outdir.py)."""
    from mkdocs.exceptions import MkDocsException

    from generator.engines.mkdocs.shards import parallel_build

    out = Path(config.site_dir).resolve()
    try:
        _check_out(args, out, Path(config.docs_dir))
        with staged(out) as temp:
            config["site_dir"] = str(temp)
            parallel_build(config, _jobs(args), snapshot=lambda: _course_files(args))
    except OutputRefused as exc:
        print(f"coursegen: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (MkDocsException, OSError) as exc:
        print(f"{label} failed: {exc}\nThe previous site in {out} is unchanged.", file=sys.stderr)
        return EXIT_CONTENT
    finally:
        config["site_dir"] = str(out)
    return EXIT_OK


def cmd_build_brands(args) -> int:
    """Each brand into its own folder; a brand with errors leaves its previous site (and every other) as it was."""
    if args.brand and args.all_brands:
        print("coursegen: give either --brand NAME or --all-brands, not both", file=sys.stderr)
        return EXIT_USAGE
    brands_dir = _plugin_options(args).get("brands_dir", BRANDS_DIR)
    names = list_brands(_root(args), brands_dir) if args.all_brands else [args.brand]
    if not names:
        print(f"coursegen: no brands in {brands_dir}/ (a brand is a folder with a brand.yml; see README.md, 'Brands')", file=sys.stderr)
        return EXIT_USAGE
    base = Path(args.out) if args.out else _root(args) / BRANDS_OUT
    code = EXIT_OK
    for name in names:
        out = base if (args.out and not args.all_brands) else base / name
        code = max(code, _build_brand(args, name, out.resolve()))
    return code


def _build_brand(args, name: str, out: Path) -> int:
    args.brand = name
    code = run_check(args, strict=args.strict)
    if code != EXIT_OK:
        print(f"Brand '{name}': build stopped; nothing was written and its previous site is unchanged.", file=sys.stderr)
        return code
    from mkdocs.exceptions import MkDocsException

    _quiet_mkdocs()
    try:
        config = _mkdocs_config(args, strict=args.strict, site_dir=str(out))
        if "course" not in config.plugins:
            print(f"coursegen: {args.config_file} does not use the `course` plugin; add it under `plugins:`", file=sys.stderr)
            return EXIT_USAGE
        config.plugins["course"].config["brand"] = name
    except MkDocsException as exc:
        print(f"Brand '{name}': build failed: {exc}", file=sys.stderr)
        return EXIT_CONTENT
    code = _staged_build(args, config, f"Brand '{name}': build")
    if code == EXIT_OK:
        print(f"Brand '{name}' built in {out}", file=sys.stderr)
    return code


def cmd_serve(args) -> int:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    from generator.engines.mkdocs.incremental import QuietDirtyWarning

    _quiet_mkdocs(logging.INFO)
    if args.brand:  # read by the plugin at every rebuild (a config override would be used up by the first)
        os.environ[SERVE_BRAND_ENV] = args.brand
    try:
        # dirty builds: a save rebuilds only the pages it changed (mkdocs_incremental.py)
        logging.getLogger("mkdocs.commands.build").addFilter(QuietDirtyWarning())
        serve(config_file=args.config_file, dev_addr=args.dev_addr, livereload=True, build_type="dirty")
    except MkDocsException as exc:
        print(f"Serve failed: {exc}", file=sys.stderr)
        return EXIT_CONTENT
    return EXIT_OK


def _quiet_mkdocs(level: int = logging.WARNING) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(level)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
