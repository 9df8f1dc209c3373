"""Parsed course files kept between runs, so a repeated `check` or a serve rebuild
only parses the files that changed (issue 8: 2,000 YAML files at 1,000 lessons).

An entry is reused only if the file's path, size and modification time (ns) and the
name it is shown under are unchanged. The cache lives in the user's cache folder
(`$XDG_CACHE_HOME/coursegen`, else `~/.cache/coursegen`), one file per project, never
in the project: a cloned course cannot bring its own cache, and nothing is written next
to the trainer's files. It is `marshal` data (plain dicts, lists, tuples and strings,
so loading it runs no code), tagged with the Python version and this module's format
number; anything unreadable is ignored. `COURSEGEN_CACHE=off` turns it off, and a
course of fewer than MIN_FILES files (which parses in a fraction of a second) has none.
Only files that parsed without a finding are cached (their data and text; the positions
of values are parsed again from the text when a message needs one); the others are
parsed every time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path

from generator.source.parallel import map_forked
from generator.source.document import SourceDocument, load_yaml, plain_file

# The code that builds cached data is part of the key: a changed parser never reads old entries.
_FORMAT = (2, sys.version_info[:2], hashlib.sha256(Path(__file__).with_name("document.py").read_bytes()).hexdigest()[:16])
MIN_FILES = 200  # a smaller course parses in a fraction of a second: no cache file for it


def cache_dir() -> Path | None:
    """The user's cache folder for coursegen (parsed files, brand fonts), or None when
    `COURSEGEN_CACHE=off`."""
    if os.environ.get("COURSEGEN_CACHE", "").lower() in ("off", "0", "no", "false"):
        return None
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "coursegen"


def cache_file(root: Path) -> Path | None:
    base = cache_dir()
    if base is None:
        return None
    digest = hashlib.sha256(str(Path(root).resolve()).encode()).hexdigest()[:20]
    return base / f"parsed-{digest}.marshal"


class ParseCache:
    """`load_yaml` with the results of earlier runs; `save()` writes what changed."""

    def __init__(self, root: Path):
        self.file = cache_file(root)
        self.old: dict = {}
        self.new: dict = {}
        self.parsed = 0  # files parsed this run (not found in the cache)
        if self.file is not None:
            try:
                stored = marshal.loads(self.file.read_bytes())
                if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == _FORMAT and isinstance(stored[1], dict):
                    self.old = stored[1]
            except (OSError, EOFError, ValueError, TypeError):
                pass

    def load_yaml(self, path: Path, display: str):
        return self.load_many([(path, display)])[0]

    def load_many(self, files: list[tuple[Path, str]]) -> list[tuple[SourceDocument | None, list]]:
        """`load_yaml` of each (path, shown name), in order. The files not in the cache are
        parsed in forked workers on a machine with several CPUs (issue 8)."""
        loaded: list = [None] * len(files)
        todo: list[tuple[int, tuple | None]] = []  # (index in files, cache key)
        for index, (path, display) in enumerate(files):
            key = self._key(path, display)
            entry = self.old.get(key[0]) if key else None
            if key is not None and entry is not None and entry[0] == key:
                self.new[key[0]] = entry
                loaded[index] = SourceDocument(display, entry[1], entry[2]), []  # positions parsed again only if a message needs one
            else:
                todo.append((index, key))
        plain = map_forked(plain_file, [files[index][0] for index, _ in todo])
        for (index, key), parsed in zip(todo, plain, strict=True):
            path, display = files[index]
            if parsed is None:  # something to report, or not readable: read again here, with positions
                doc, findings = load_yaml(path, display)
            else:
                doc, findings = SourceDocument(display, parsed[1], parsed[0]), []
            self.parsed += 1
            if key and doc is not None and not findings:
                self.new[key[0]] = (key, doc.data, doc.text)
            loaded[index] = doc, findings
        return loaded

    def _key(self, path: Path, display: str) -> tuple | None:
        if self.file is None:
            return None
        try:
            stat = path.stat()
        except OSError:
            return None
        return (str(path), display, stat.st_size, stat.st_mtime_ns)

    def save(self) -> None:
        if self.file is None or (not self.parsed and len(self.new) == len(self.old)) or len(self.new) < MIN_FILES:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.file.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(marshal.dumps((_FORMAT, self.new)))
            os.replace(temporary, self.file)
        except (OSError, ValueError):  # a read-only home, or data marshal cannot hold: run uncached
            pass
