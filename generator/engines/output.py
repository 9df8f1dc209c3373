"""The output folder: what `coursegen build` may overwrite, and how it swaps a new site in.

A build never writes into the folder it replaces. It builds into a temporary folder
next to it and, only when everything succeeded, renames the old site away and the new
one into place; any failure (a course error, MkDocs, a theme, a full disk) removes the
temporary folder and leaves the previous site byte for byte as it was.

The folder to replace must be empty, new, or a previous build: our builds carry a
marker file listing what they wrote, and a folder holding anything else (a trainer's
course, a home directory, files added since) is refused, never emptied.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import Refusal

MARKER = ".coursegen-build"
_SHOWN = 3  # unexpected files named in a refusal


class OutputRefused(Refusal):
    """The output folder is not ours to replace; the message says why and what to do."""


def check_output(out: Path, protected: list[Path], ancestors: dict[str, Path] | None = None) -> None:
    """Refuse an output folder that overlaps trainer content (`protected`: course, quizzes,
    brands), that is or holds one of `ancestors` (the project folder, the home folder), or
    that holds files we did not write."""
    out = out.resolve()
    for name, folder in (ancestors or {}).items():
        folder = folder.resolve()
        if folder.is_relative_to(out):
            what = f"is {name}" if folder == out else f"holds {name} ({folder})"
            raise OutputRefused(f"the output folder {out} {what}; a build never replaces it. Choose a new folder, e.g. --out site")
    for folder in protected:
        folder = folder.resolve()
        if out.is_relative_to(folder) or folder.is_relative_to(out):
            where = f"is inside {folder}" if out.is_relative_to(folder) else f"holds {folder}"
            raise OutputRefused(
                f"the output folder {out} {where}, where the course's own files live; a build never writes there. "
                "Choose a new folder, e.g. --out site"
            )
    if not out.exists():
        return
    if not out.is_dir():
        raise OutputRefused(f"the output folder {out} is a file, not a folder; choose another path with --out")
    strangers = unexpected_files(out)
    if strangers:
        shown = ", ".join(strangers[:_SHOWN]) + (" and more" if len(strangers) > _SHOWN else "")
        why = "is not a previous coursegen build" if not (out / MARKER).is_file() else "holds files the last build did not write"
        raise OutputRefused(
            f"the output folder {out} {why} ({shown}); nothing was changed. "
            "Choose an empty or new folder with --out, or move those files away"
        )


def unexpected_files(folder: Path) -> list[str]:
    """Up to a few files in `folder` that our last build (per its marker) did not write.

    Stops early: `--out ~` must be refused at once, not after walking a home folder."""
    written = set(_manifest(folder))
    if not written:
        return [p.name + "/" * p.is_dir() for p in sorted(folder.iterdir())][: _SHOWN + 1]
    found: list[str] = []
    for top, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files) + [d for d in dirs if os.path.islink(os.path.join(top, d))]:
            rel = Path(top, name).relative_to(folder).as_posix()
            if rel != MARKER and rel not in written:
                found.append(rel)
                if len(found) > _SHOWN:
                    return found
    return found


def _manifest(folder: Path) -> list[str]:
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
        return [str(name) for name in data["files"]]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def write_marker(folder: Path) -> None:
    """Mark `folder` as a build of ours, listing every file in it."""
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.name != MARKER)
    text = json.dumps({"tool": "coursegen", "note": "written by coursegen build; the next build replaces this folder", "files": files}, indent=0)
    (folder / MARKER).write_text(text + "\n", encoding="utf-8")


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A temporary folder next to `out` to build into; swapped in only if the block succeeds."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    try:
        yield temp
        write_marker(temp)
        _swap(temp, out)
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _swap(new: Path, out: Path) -> None:
    if not out.exists():
        os.replace(new, out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    os.replace(out, old / "site")
    try:
        os.replace(new, out)
    except OSError:
        os.replace(old / "site", out)  # put the previous site back
        shutil.rmtree(old, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
