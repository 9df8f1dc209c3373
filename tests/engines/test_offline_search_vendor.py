"""The committed iframe-worker shim (generator/engines/vendor/, search from file://) is what
`make search-vendor` makes from the iframe-worker version package-lock.json pins."""

from __future__ import annotations

import json

from conftest import NODE_MODULES, ROOT, node_tool
from generator.engines import offline_search


def test_committed_shim_names_the_locked_version():
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"]["node_modules/iframe-worker"]
    assert locked["license"] == "MIT"
    assert offline_search.SHIM.read_text().startswith(f"/* iframe-worker {locked['version']} (MIT")
    assert offline_search.installed_version(NODE_MODULES) == locked["version"]


def test_committed_shim_and_licence_match_the_npm_package(tmp_path):
    node_tool("iframe-worker/shim/index.js")
    offline_search.vendor(tmp_path)
    assert (tmp_path / offline_search.SHIM.name).read_text() == offline_search.SHIM.read_text(), \
        "vendor/iframe-worker-shim.js is stale: run `make search-vendor`"
    assert (tmp_path / offline_search.LICENCE.name).read_text() == offline_search.LICENCE.read_text()
    assert "Permission is hereby granted" in offline_search.LICENCE.read_text()  # the MIT notice travels with the copy
