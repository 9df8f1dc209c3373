"""How vendor/cmi5.min.js is made: npm's @xapi/cmi5 (MIT, pinned by package-lock.json)
bundled by esbuild into one script, so a cmi5 package requests nothing outside the LMS
and its LRS.

    make lms-vendor        # after changing @xapi/cmi5's version in package.json

tests/engines/lms/test_lms_vendor.py rebuilds it and fails when the committed file differs.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
ENTRY = HERE / "vendor" / "cmi5-entry.js"
BUNDLE = HERE / "vendor" / "cmi5.min.js"
LICENCES = HERE / "vendor" / "cmi5.min.js.LICENSE.txt"  # shipped beside the bundle: MIT asks for the notices
PACKAGE = "@xapi/cmi5"
INCLUDED = [PACKAGE, "@xapi/xapi", "axios", "uuid", "deepmerge"]  # what @xapi/cmi5's browser build carries inside


def installed_version(node_modules: Path) -> str:
    """The version of @xapi/cmi5 that npm installed."""
    return str(json.loads((node_modules / PACKAGE / "package.json").read_text(encoding="utf-8"))["version"])


def bundle(out: Path, node_modules: Path = ROOT / "node_modules") -> None:
    """Bundle @xapi/cmi5 into `out` with node_modules' esbuild. Raises CalledProcessError."""
    banner = f"/* {PACKAGE} {installed_version(node_modules)} (MIT), bundled with its dependencies by esbuild */"
    subprocess.run([str(node_modules / ".bin" / "esbuild"), str(ENTRY), "--bundle", "--minify", "--format=iife",
                    "--platform=browser", "--target=es2018", "--legal-comments=eof", f"--banner:js={banner}",
                    f"--outfile={out}", "--log-level=warning"], check=True, cwd=ROOT)
    out.with_name(LICENCES.name).write_text(licences(node_modules), encoding="utf-8")


def licences(node_modules: Path) -> str:
    """The licence notices of every package inside the bundle, one after the other."""
    parts = []
    for name in INCLUDED:
        folder = node_modules / name
        version = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
        text = next(p for p in sorted(folder.iterdir()) if p.name.lower().startswith("licen")).read_text(encoding="utf-8")
        parts.append(f"== {name} {version} ==\n\n{text.strip()}\n")
    return "\n".join(parts)


if __name__ == "__main__":
    bundle(Path(sys.argv[1]) if len(sys.argv) > 1 else BUNDLE)
