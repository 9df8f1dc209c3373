"""Known findings: warnings the course's authors know of and accept for now.

`known-findings.yml`, next to mkdocs.yml, lists codes per file:

    quizzes/final-assessment.yml: [longest-right, option-length]
    course/course.yml: [true-false-balance]

A warning with a listed code in a listed file is still reported, marked "known", but does
not fail `--strict` (nor `strict: true`) and is left out of the build's warnings. Errors
are never known, but for the guessing verdict (`guessing`, check/guessing.py): a course
whose final assessment a guessing strategy passes can list it until its quizzes are
rewritten, and still build; it is then reported as a known warning whose message ends
"(an error, listed as known)". A listed code that no longer matches a warning of its file is itself a
warning, so that the list shrinks as the content is fixed.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.errors import Finding, Severity, SourceLocation
from generator.load.course import CoursePaths
from generator.source.document import load_yaml

KNOWN_FILE = "known-findings.yml"
KNOWN_ERRORS = {"guessing"}  # the one error a list may name: the content's, not the files' (issue 16)
_HINT = f"write `{KNOWN_FILE}` as file: [code, ...], e.g. `quizzes/final.yml: [longest-right]`"


def mark_known(findings: list[Finding], paths: CoursePaths, brand_folder: Path | None = None, *,
               stale_reported: bool = True) -> list[Finding]:
    """The findings with the known ones marked, and any problem of the lists themselves.
    A brand's check also reads the brand's own list (brands/NAME/known-findings.yml), and
    reports stale entries of that list only: the brand's overlay may have changed the rest.
    The check of a translation (`stale_reported` false) reports no stale entry of the
    course's list: the list is kept for the source text, whose wording the item-writing
    rules read (a translation's option lengths and absolute words differ)."""
    lists = [(paths.root / KNOWN_FILE, brand_folder is None and stale_reported)]
    if brand_folder is not None:
        lists.append((brand_folder / KNOWN_FILE, True))
    known: dict[tuple[str, str], tuple[SourceLocation, bool]] = {}
    problems: list[Finding] = []
    for path, stale_reported in lists:
        entries, trouble = _read(path, paths.show(path))
        problems += trouble
        for spot, where in entries.items():
            known.setdefault(spot, (where, stale_reported))
    if not known:
        return findings + problems
    used: set[tuple[str, str]] = set()
    marked = []
    for finding in findings:
        spot = (finding.location.file, finding.code)
        if (finding.severity is Severity.WARNING or finding.code in KNOWN_ERRORS) and spot in known:
            used.add(spot)
            if finding.is_error:  # reported as a known warning that says what it is: nothing downstream stops on it
                finding = replace(finding, severity=Severity.WARNING, message=finding.message + " (an error, listed as known)")
            finding = replace(finding, known=True)
        marked.append(finding)
    for (file, code), (where, stale_reported) in known.items():
        if stale_reported and (file, code) not in used:
            marked.append(Finding(where, f"no warning '{code}' in {file} any more", hint="delete this entry",
                                  code="known-findings", severity=Severity.WARNING))
    return marked + problems


def _read(path: Path, shown: str) -> tuple[dict[tuple[str, str], SourceLocation], list[Finding]]:
    """A list's entries, (file, code) -> where the code stands, or the problem reading it."""
    if not path.is_file():
        return {}, []
    source, problems = load_yaml(path, shown)
    if source is None:
        return {}, problems
    data = source.data if source.data is not None else {}
    if not isinstance(data, dict) or not all(isinstance(codes, list) and all(isinstance(c, str) for c in codes)
                                             for codes in data.values()):
        return {}, [Finding(source.location(), "the list of known findings is not a list of codes per file",
                            hint=_HINT, code="known-findings")]
    return {(str(file), code): source.location((file, i)) for file, codes in data.items() for i, code in enumerate(codes)}, []
