"""`coursegen build [--brand NAME | --all-brands] [--lang LANG | --all-langs]`: check, then
build the static site with MkDocs into a staged folder swapped in only on success
(engines/output.py). `--all-langs` builds one site per language (the source's and each
of translations/), each in a sub-folder named by its language, with Material's language
switcher (`extra.alternate`) between them."""

from __future__ import annotations

import os
import sys
from functools import partial
from pathlib import Path

from generator.check.pipeline import Checked, fingerprint
from generator.check.report import format_text
from generator.cli.check import check_and_report
from generator.cli.common import EXIT_CONTENT, EXIT_OK, quiet_mkdocs, settings
from generator.engines.output import check_output, staged
from generator.errors import Refusal
from generator.load.brand import list_brands
from generator.load.course import load_course
from generator.load.translation import available_languages
from generator.site.languages import INDEX_MARKER, alternates, language_index
from generator.load.settings import PLUGIN, ProjectSettings

# --all-langs writes LANGS_OUT/LANG/ for each language, and --lang LANG alone LANGS_OUT/LANG/: outside
# site/, as BRANDS_OUT, so that the source language's plain build (which replaces site/) and a
# language's build never find each other's files (a plain build after `--lang de` refused)
LANGS_OUT = "site-langs"
BRANDS_OUT = "site-brands"  # outside site/: building the main site (which empties site/) never touches a brand
PARALLEL_FROM = 50  # lessons; below, forking costs more than it saves
MAX_JOBS = 32


def add_parser(sub) -> None:
    p = sub.add_parser("build", help="check, then build the static site")
    p.add_argument("--out", "-d", help="output folder (default: site/)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--brand", metavar="NAME", help=f"build the firm's copy in brands/NAME/ (default output: {BRANDS_OUT}/NAME/)")
    p.add_argument("--all-brands", action="store_true", help=f"build every brand, each into its own folder ({BRANDS_OUT}/NAME/ or DIR/NAME/)")
    p.add_argument("--lang", metavar="LANG", help="build the course in its translation into LANG (translations/LANG/; "
                   f"default output: {LANGS_OUT}/LANG/, as --all-langs)")
    p.add_argument("--all-langs", action="store_true",
                   help=f"build every language of the course, each into its own folder (DIR/LANG/, default {LANGS_OUT}/LANG/)")
    p.add_argument("--jobs", "-j", type=int, metavar="N",
                   help=f"processes that build pages side by side (default: one per CPU from {PARALLEL_FROM} lessons on, else 1)")
    p.set_defaults(run=run)


def run(args) -> int:
    project = settings(args, required=True)
    if args.out:
        args.out = os.path.expanduser(args.out)  # `--out "~"` is the home folder, refused, not a folder named ~
    if args.all_langs:
        return _build_languages(args, project)
    if args.brand or args.all_brands:
        return _build_brands(args, project)
    checked, code = check_and_report(args, project, strict=args.strict)
    if code != EXIT_OK:
        print("Build stopped: nothing was written; the previous site is unchanged.", file=sys.stderr)
        return code
    out = Path(args.out).resolve() if args.out else None
    if args.lang and not out:  # not over the source language's site/: where --all-langs puts this language
        out = (project.root / LANGS_OUT / args.lang).resolve()
        print(f"--lang {args.lang} without --out: building into {out} (as --all-langs does); "
              "the default build's site folder is left as it is", file=sys.stderr)
    if out:
        _check_out(project, out)
    code, site_dir = _build(args, project, checked, out, "Build", language=args.lang)
    if code == EXIT_OK:
        print(f"Site built in {site_dir}", file=sys.stderr)
    return code


def _build_languages(args, project: ProjectSettings) -> int:
    """The source language's site and each translation's, side by side; a language with
    errors leaves its previous site (and every other) as it was."""
    if args.lang or args.brand or args.all_brands:
        raise Refusal("--all-langs builds the course in every language; give it without --lang, --brand or --all-brands")
    source = load_course(project.paths)[0]
    if source is None:  # the check below reports why
        languages = [""]
    else:
        languages = [source.settings.language] + [lang for lang in available_languages(project.paths)
                                                  if lang != source.settings.language]
    base = Path(args.out).resolve() if args.out else (project.root / LANGS_OUT).resolve()
    switcher = alternates([lang for lang in languages if lang])
    code = EXIT_OK
    for lang in languages:
        args.lang = lang if source is not None and lang != source.settings.language else None
        checked, result = check_and_report(args, project, strict=args.strict)
        if result != EXIT_OK:
            print(f"Language '{lang}': build stopped; its previous site is unchanged.", file=sys.stderr)
            code = max(code, result)
            continue
        out = base / lang
        _check_out(project, out)
        result, _ = _build(args, project, checked, out, f"Language '{lang}': build", language=args.lang, switcher=switcher)
        if result == EXIT_OK:
            print(f"Language '{lang}' built in {out}", file=sys.stderr)
        code = max(code, result)
    if code == EXIT_OK and source is not None:
        _write_index(base, languages, source.settings.title)
    return code


def _write_index(base: Path, languages: list[str], title: str) -> None:
    """The page at the top of the output, unless an index.html that is not ours is there."""
    index = base / "index.html"
    if index.is_file() and INDEX_MARKER not in index.read_text("utf-8", errors="replace"):
        print(f"{index} is not coursegen's: left as it is (open {languages[0]}/ for the course)", file=sys.stderr)
        return
    index.write_text(language_index(languages, title), encoding="utf-8")


def _build_brands(args, project: ProjectSettings) -> int:
    """Each brand into its own folder; a brand with errors leaves its previous site (and every other) as it was."""
    if args.brand and args.all_brands:
        raise Refusal("give either --brand NAME or --all-brands, not both")
    names = list_brands(project.root, project.options.brands_dir) if args.all_brands else [args.brand]
    if not names:
        raise Refusal(f"no brands in {project.options.brands_dir}/ (a brand is a folder with a brand.yml; see README.md, 'Brands')")
    base = Path(args.out) if args.out else project.root / BRANDS_OUT
    code = EXIT_OK
    for name in names:
        out = base if (args.out and not args.all_brands) else base / name
        code = max(code, _build_brand(args, project, name, out.resolve()))
    return code


def _build_brand(args, project: ProjectSettings, name: str, out: Path) -> int:
    args.brand = name
    checked, code = check_and_report(args, project, strict=args.strict)
    if code != EXIT_OK:
        print(f"Brand '{name}': build stopped; nothing was written and its previous site is unchanged.", file=sys.stderr)
        return code
    code, _ = _build(args, project, checked, out, f"Brand '{name}': build", brand=name, language=args.lang)
    if code == EXIT_OK:
        print(f"Brand '{name}' built in {out}", file=sys.stderr)
    return code


def _build(args, project: ProjectSettings, checked: Checked, out: Path | None, label: str,
           brand: str | None = None, language: str | None = None, switcher: list | None = None) -> tuple[int, Path | None]:
    """MkDocs' build of the checked course, handed to the plugin, into `out` (else site_dir);
    `switcher` are Material's language switcher entries (name, link, lang)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from generator.engines.mkdocs.config_guard import Refusals

    quiet_mkdocs()
    refused = Refusals()
    try:
        config = load_config(config_file=str(project.config_file), strict=args.strict, **({"site_dir": str(out)} if out else {}))
    except MkDocsException as exc:  # a value MkDocs refuses: at its line in mkdocs.yml
        print(f"{label} failed:\n" + format_text(refused.findings(project.config_file, exc), project.root), file=sys.stderr)
        return EXIT_CONTENT, None
    finally:
        refused.close()
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise Refusal(f"{args.config_file} does not use the `{PLUGIN}` plugin; add it under `plugins:`")
    plugin.config["brand"] = brand
    plugin.config["language"] = language
    if switcher:
        config["extra"]["alternate"] = switcher
    plugin.checked = checked  # the check just made: the plugin builds from it, without loading the course again
    snapshot = partial(_course_files, project, brand)
    return _staged_build(project, config, label, _jobs(args, project), snapshot), Path(config.site_dir)


def _check_out(project: ProjectSettings, out: Path, *more: Path) -> None:
    protected = [*project.paths.content_dirs, project.brands_dir, *more]
    check_output(out, protected, {"the project folder": project.root, "your home folder": Path.home()})


def _staged_build(project: ProjectSettings, config, label: str, jobs: int, snapshot) -> int:
    """Build into a temporary folder next to site_dir and swap it in only on success, so
    a failure anywhere leaves the previous site as it was; refuse a site_dir that is not
    ours to replace (see engines/output.py)."""
    from mkdocs.exceptions import MkDocsException

    from generator.engines.mkdocs.shards import parallel_build

    out = Path(config.site_dir).resolve()
    try:
        _check_out(project, out, Path(config.docs_dir))
        with staged(out) as temp:
            config["site_dir"] = str(temp)
            parallel_build(config, jobs, snapshot=snapshot)
    except (MkDocsException, OSError) as exc:
        print(f"{label} failed: {exc}\nThe previous site in {out} is unchanged.", file=sys.stderr)
        return EXIT_CONTENT
    finally:
        config["site_dir"] = str(out)
    return EXIT_OK


def _course_files(project: ProjectSettings, brand: str | None) -> tuple:
    """The state of every file the build reads from the course (and the brand, if any)."""
    folders = list(project.paths.content_dirs)
    folders += [project.brands_dir / brand] if brand else []
    return fingerprint(*folders)


def _jobs(args, project: ProjectSettings) -> int:
    from generator.source.parallel import worker_count  # the same rule as check's parsing: where forking is safe

    if getattr(args, "jobs", None) is not None:
        return max(1, min(args.jobs, MAX_JOBS))
    folder = project.paths.course_dir
    lessons = sum(1 for _ in folder.rglob("*.y*ml")) if folder.is_dir() else 0
    return worker_count(lessons, PARALLEL_FROM)
