"""The `coursegen` command line: one module per command (check, build, serve, new, export, results, translations).

`check` and `new` use only the core. `build` and `serve` drive MkDocs through its Python
API with the project's mkdocs.yml, whose `course` plugin does the work; `export` writes
a plain project. mkdocs is imported only inside the commands that run it.

Every user error reaches `main` as a `Refusal` (one message, exit 2 unless it says
otherwise) or a `CourseError` (the findings, exit 1) and is printed here, in one place.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import os
import sys

from generator.cli import build, check, export, new, results, serve, translations
from generator.cli.common import EXIT_CONTENT, EXIT_USAGE, colour, root
from generator.check.report import format_text
from generator.errors import CourseError, Refusal

COMMANDS = (check, build, serve, new, export, results, translations)


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
    except Refusal as refused:
        print(f"coursegen {args.command}: {refused}", file=sys.stderr)
        code = refused.exit_code
    except CourseError as error:
        print(format_text(error.findings, root(args), colour=colour(args)), file=sys.stderr)
        print(f"{args.command.capitalize()} stopped: nothing was written.", file=sys.stderr)
        code = EXIT_CONTENT
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
    _global_options(parser, default=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(sub)
    _global_options_after(sub)
    return parser


def _global_options(parser: argparse.ArgumentParser, *, default: bool) -> None:
    """-f and --color. Before the command they set the defaults; after it (`coursegen check
    --color never`, issue 18) they are accepted too, and left unset unless given, so that
    an option before the command is not overwritten by the subcommand's default."""
    parser.add_argument("-f", "--config-file", help="the site's mkdocs.yml (default: ./mkdocs.yml)",
                        default="mkdocs.yml" if default else argparse.SUPPRESS)
    parser.add_argument("--color", choices=["auto", "always", "never"], help="colour the output (default: auto)",
                        default="auto" if default else argparse.SUPPRESS)


def _global_options_after(sub: argparse._SubParsersAction) -> None:
    """The global options on every command, and on the commands within a command."""
    for command in dict.fromkeys(sub.choices.values()):  # aliases share a parser
        known = {option for action in command._actions for option in action.option_strings}  # noqa: SLF001
        if not known & {"-f", "--config-file", "--color"}:
            _global_options(command, default=False)
        for action in command._actions:  # noqa: SLF001
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                _global_options_after(action)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
