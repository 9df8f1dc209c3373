"""Search from disk: a build whose pages are addressed as files (`use_directory_urls: false`:
a brand's copy, the LMS packages' HTML site, the default build published anywhere) is meant
to work opened from `file://`, where a browser refuses both Material's search worker and
its fetch of search/search_index.json. Material's `offline` plugin solves it with two
things, done here without its https://unpkg.com script (no built page may name an external
URL): search/search_index.js (`var __index = ...`, which Material's bundle loads with a
script tag under `file://`) and npm's `iframe-worker` shim as a polyfill (under `file://`
only, it runs the search worker in a hidden iframe). Over HTTP the shim does nothing and
the worker fetches the JSON index as before.

vendor/iframe-worker-shim.js is the package's shim/index.js (MIT, pinned by
package-lock.json) behind a banner that names it; its licence travels beside it:

    make search-vendor     # after changing iframe-worker's version in package.json

tests/engines/test_offline_search_vendor.py fails when the committed files differ.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PACKAGE = "iframe-worker"
SHIM = HERE / "vendor" / "iframe-worker-shim.js"
LICENCE = HERE / "vendor" / "iframe-worker-shim.js.LICENSE.txt"
# In the site. The name holds "iframe-worker": Material's offline plugin (an export may turn
# it on) then sees a shim already present and adds no unpkg.com one.
SHIM_URI = "assets/course/iframe-worker-shim.js"
LICENCE_URI = SHIM_URI + ".LICENSE.txt"
SEARCH_INDEX_JSON = "search/search_index.json"
SEARCH_INDEX_JS = "search/search_index.js"


def site_files() -> list[tuple[str, bytes]]:
    """The shim and its licence as (site-relative path, content) pairs, for any engine."""
    return [(SHIM_URI, SHIM.read_bytes()), (LICENCE_URI, LICENCE.read_bytes())]


def with_shim(polyfills: list | None) -> list:
    """Material's `extra.polyfills` with the shim added once (site-relative: MkDocs makes it
    relative to each page, so it works under any sub-path and from disk)."""
    present = list(polyfills or [])
    return present if SHIM_URI in [str(p) for p in present] else present + [SHIM_URI]


def write_search_index_js(site_dir: Path) -> Path | None:
    """Write search/search_index.js beside the JSON index Material's search plugin wrote
    (the same data, as Material's offline plugin writes it); None when there is no index
    (search is off)."""
    index = site_dir / SEARCH_INDEX_JSON
    if not index.is_file():
        return None
    out = site_dir / SEARCH_INDEX_JS
    out.write_text(f"var __index = {index.read_text(encoding='utf-8')}", encoding="utf-8")
    return out


def installed_version(node_modules: Path) -> str:
    """The version of iframe-worker that npm installed."""
    return str(json.loads((node_modules / PACKAGE / "package.json").read_text(encoding="utf-8"))["version"])


def vendor(out_dir: Path, node_modules: Path = ROOT / "node_modules") -> None:
    """Write the shim and its licence into `out_dir` from node_modules' iframe-worker.
    Raises OSError when the package is not installed (`make test-tools`)."""
    folder = node_modules / PACKAGE
    version = installed_version(node_modules)
    banner = f"/* {PACKAGE} {version} (MIT, Martin Donath): shim/index.js; licence in {LICENCE.name} */\n"
    shim = (folder / "shim" / "index.js").read_text(encoding="utf-8")
    (out_dir / SHIM.name).write_text(banner + shim.rstrip("\n") + "\n", encoding="utf-8")
    licence = (folder / "LICENSE").read_text(encoding="utf-8")
    (out_dir / LICENCE.name).write_text(f"== {PACKAGE} {version} ==\n\n{licence.strip()}\n", encoding="utf-8")


if __name__ == "__main__":
    vendor(Path(sys.argv[1]) if len(sys.argv) > 1 else SHIM.parent)
