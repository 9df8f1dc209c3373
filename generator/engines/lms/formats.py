"""The package formats and report settings, named once: the command line lists them
without loading the packaging code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    """One package format: the name on the command line, the SCORM version the bridge
    speaks ("1.2", "2004"; "" for cmi5), where the XSDs are, the suspend data limit in
    characters (SCORM 1.2 RTE: CMIString4096; SCORM 2004 4th edition RTE: an SPM of 64,000), and
    whether the report needs the final assessment's score."""

    name: str
    scorm: str
    schemas: str
    suspend_limit: int
    needs_score: bool


FORMATS = {
    "scorm12": Format("scorm12", "1.2", "scorm12", 4096, True),
    "scorm2004": Format("scorm2004", "2004", "scorm2004", 64000, True),
    # The State API has no size limit of its own; the bound keeps one PUT small.
    "cmi5": Format("cmi5", "", "", 64000, False),
}
REPORTS = ("passed-incomplete", "passed-failed")
