"""What every command shares: exit codes, colour, and the project's settings, read once."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from generator.errors import Refusal
from generator.load.settings import CourseOptions, ProjectSettings, read_settings

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def colour(args) -> bool:
    if args.color != "auto":
        return args.color == "always"
    return sys.stderr.isatty() and "NO_COLOR" not in os.environ


def root(args) -> Path:
    return Path(args.config_file).resolve().parent


def settings(args, *, required: bool = False) -> ProjectSettings:
    """The project's settings (load/settings.py). Without a mkdocs.yml, `check` and `new`
    work on the default folders; `required` refuses instead (build, serve, export)."""
    file = Path(args.config_file)
    if not file.is_file():
        if required:
            raise Refusal(f"no {args.config_file} here; run it from the course project's folder or pass -f")
        return ProjectSettings(file.resolve(), CourseOptions(), {})
    return read_settings(file)


def quiet_mkdocs(level: int = logging.WARNING) -> None:
    """MkDocs' log on stderr at `level`, as `mkdocs build` shows it."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(level)
