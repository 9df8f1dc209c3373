"""Gettext PO files (polib): one entry per text, `msgctxt` naming the translation file and
field, `msgid` the source text, `msgstr` the translation; `fuzzy` when the source
changed since the translation was made."""

from __future__ import annotations

from pathlib import Path

import polib

from generator.errors import SourceLocation
from generator.translate.units import Unit

_SEP = "#"  # between file and field in msgctxt, as in Unit.key


def write_po(units: list[Unit], source_language: str, language: str, project: str) -> str:
    """A PO file of `units` (`project` names it in the header)."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Project-Id-Version": project, "Language": language, "X-Source-Language": source_language,
                   "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}
    for unit in units:
        entry = polib.POEntry(msgctxt=unit.key, msgid=unit.source, msgstr=unit.target or "",
                              occurrences=[tuple(unit.where.rsplit(":", 1))] if unit.where else [])
        if unit.stale:
            entry.flags.append("fuzzy")
        po.append(entry)
    return str(po) + "\n"


def read_po(path: Path, shown: str) -> tuple[str, list[tuple[Unit, SourceLocation]]]:
    """The target language and the units of a PO file. Raises ValueError (with polib's
    reason) for a file that is not PO, or names no language."""
    try:
        po = polib.pofile(str(path), wrapwidth=0)
    except (OSError, ValueError) as exc:
        raise ValueError(f"{shown}: not a PO file: {exc}") from None
    language = po.metadata.get("Language", "").strip()
    if not language:
        raise ValueError(f"{shown}: the header names no `Language:`")
    units = []
    for entry in po:
        if entry.obsolete:
            continue
        file, _, field = (entry.msgctxt or "").partition(_SEP)
        unit = Unit(file, field, entry.msgid, entry.msgstr or None, "fuzzy" in entry.flags, None, "")
        units.append((unit, SourceLocation(shown, entry.linenum)))
    return language, units
