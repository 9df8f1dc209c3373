"""The whole built site of the quiz test course, compared with a committed copy (Pelican's
functional tests): any change to what learners get, a page, a script, the search index,
shows up here as a diff, and a refactoring must leave it byte for byte the same.

`COURSEGEN_UPDATE_GOLDEN=1 pytest tests/build/test_golden_site.py` re-records it after an
intended change; review `git diff tests/build/golden/` before committing.
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden" / "quizcourse"
# Material's own theme files (the same for any site using the pinned Material) and
# gzip files, whose header holds a timestamp.
_THEIRS = ("assets/javascripts/", "assets/stylesheets/", "assets/images/")


def _ours(site: Path) -> dict[str, bytes]:
    found = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and not rel.startswith(_THEIRS) and not rel.endswith(".gz"):
            found[rel] = path.read_bytes()
    return found


def _record(files: dict[str, bytes]) -> None:
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for rel, content in files.items():
        (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
        (GOLDEN / rel).write_bytes(content)


def _first_difference(rel: str, want: bytes, got: bytes) -> str:
    diff = difflib.unified_diff(want.decode("utf-8", "replace").splitlines(), got.decode("utf-8", "replace").splitlines(),
                                f"golden/{rel}", f"built/{rel}", lineterm="", n=1)
    return "\n".join(list(diff)[:30])


def test_built_site_matches_the_golden_copy(quiz_site):
    built = _ours(quiz_site)
    if os.environ.get("COURSEGEN_UPDATE_GOLDEN"):
        _record(built)
    golden = _ours(GOLDEN)
    assert sorted(built) == sorted(golden), "files added or missing; re-record if intended"
    changed = [rel for rel in golden if golden[rel] != built[rel]]
    assert not changed, "\n\n".join(_first_difference(rel, golden[rel], built[rel]) for rel in changed[:3])
