"""One-off: convert the two golden-case formats to the one test_golden_cases.py reads.

  bad_inputs/*.yml  about, edit: [{file, old, new}], write: {file: text},
                    raw: {file: text}, delete: [file], expect
  rules/*.yml       "# what it is about" (first line), rule, edits: [{file, replace, with}
                    | {file, write} | {file, delete}], options, expect

become

  about, rule (rules/ only), base, options (when set), edits: [{file, replace, with}
  | {file, write} | {file, raw} | {file, delete: true}], expect

Each converted file is read back and compared with what the old file meant, and every
`replace` is checked to occur exactly once where it is applied. Run it once from the
repository's root: `.venv/bin/python tests/check/convert_cases.py`.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import yaml

TESTS = Path(__file__).resolve().parents[1]
CASES = TESTS / "check" / "cases"
BASES = {"bad_inputs": "basecourse", "rules": "checkcourse"}


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None  # PyYAML falls back to quotes where a block cannot hold it
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def _dump(data: dict, *, ascii_only: bool) -> str:
    body = {k: v for k, v in data.items() if k != "expect"}
    text = yaml.dump(body, Dumper=_Dumper, sort_keys=False, width=1000, allow_unicode=not ascii_only)
    # `expect` last, as the old runners wrote it (re-recording rewrites only this part)
    return text + yaml.safe_dump({"expect": data["expect"]}, sort_keys=False, width=1000, allow_unicode=True)


def convert_bad_input(old: dict) -> dict:
    edits = [{"file": e["file"], "replace": e["old"], "with": e["new"]} for e in old.get("edit") or []]
    edits += [{"file": f, "write": text} for f, text in (old.get("write") or {}).items()]
    edits += [{"file": f, "raw": text} for f, text in (old.get("raw") or {}).items()]
    edits += [{"file": f, "delete": True} for f in old.get("delete") or []]
    assert set(old) <= {"about", "edit", "write", "raw", "delete", "expect"}, set(old)
    return {"about": old["about"], "base": BASES["bad_inputs"], "edits": edits, "expect": old["expect"]}


def convert_rule(old: dict, text: str) -> dict:
    assert text.startswith("# "), "a rule case starts with a comment saying what it is about"
    assert set(old) <= {"rule", "edits", "options", "expect"}, set(old)
    edits = []
    for e in old.get("edits") or []:
        if "delete" in e:
            edits.append({"file": e["file"], "delete": True})
        elif "write" in e:
            edits.append({"file": e["file"], "write": e["write"]})
        else:
            edits.append({"file": e["file"], "replace": e["replace"], "with": e["with"]})
    new = {"about": text.splitlines()[0][2:].strip(), "rule": old["rule"], "base": BASES["rules"]}
    if "options" in old:
        new["options"] = old["options"]
    return {**new, "edits": edits, "expect": old["expect"]}


def check_replacements(new: dict, name: str) -> None:
    """Every `replace` occurs exactly once in its file when it is applied (the old bad-input
    runner replaced the first occurrence; the one runner insists on exactly one)."""
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "p"
        shutil.copytree(TESTS / "fixtures" / new["base"], project)
        for edit in new["edits"]:
            path = project / edit["file"]
            if "replace" in edit:
                text = path.read_text(encoding="utf-8")
                assert text.count(edit["replace"]) == 1, (name, edit["file"], edit["replace"])
                path.write_text(text.replace(edit["replace"], edit["with"]), encoding="utf-8", newline="")
            elif "delete" in edit:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(edit["write"].encode("utf-8") if "write" in edit else edit["raw"].encode("latin-1"))


def main() -> int:
    for folder in ("bad_inputs", "rules"):
        for path in sorted((CASES / folder).glob("*.yml")):
            text = path.read_text(encoding="utf-8")
            old = yaml.safe_load(text)
            if "base" in old:
                continue  # already converted
            new = convert_bad_input(old) if folder == "bad_inputs" else convert_rule(old, text)
            # raw text stands for bytes: keep it in \\x escapes rather than as Latin-1 letters
            out = _dump(new, ascii_only=any("raw" in e for e in new["edits"]))
            assert yaml.safe_load(out) == new, path.name
            assert list(yaml.safe_load(out))[-1] == "expect", path.name
            check_replacements(new, path.name)
            path.write_text(out, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
