"""The committed cmi5 client bundle (generator/engines/lms/vendor/) is what `make lms-vendor`
makes from the @xapi/cmi5 version package-lock.json pins: rebuilt here and compared."""

from __future__ import annotations

import json

from conftest import NODE_MODULES, ROOT, node_tool
from generator.engines.lms import vendor_bundle


def test_committed_bundle_names_the_locked_version():
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"]["node_modules/@xapi/cmi5"]["version"]
    first_line = vendor_bundle.BUNDLE.read_text().splitlines()[0]
    assert first_line.startswith(f"/* @xapi/cmi5 {locked} (MIT)")
    assert vendor_bundle.installed_version(NODE_MODULES) == locked


def test_committed_bundle_and_licences_match_a_rebuild(tmp_path):
    node_tool("esbuild/package.json")
    out = tmp_path / vendor_bundle.BUNDLE.name
    vendor_bundle.bundle(out)
    assert out.read_bytes() == vendor_bundle.BUNDLE.read_bytes(), "vendor/cmi5.min.js is stale: run `make lms-vendor`"
    assert (tmp_path / vendor_bundle.LICENCES.name).read_text() == vendor_bundle.LICENCES.read_text()

