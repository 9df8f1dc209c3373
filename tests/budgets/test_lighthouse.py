"""Lighthouse on the bundled course (bench/lighthouse.py: mobile profile, Debian's Chromium,
gzip-compressing local server): 100 for accessibility, best practices and SEO, and at least
95 for performance (a lower score measured once more) on home, a lesson, the final
assessment and progress. Figures: docs/lighthouse.md."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, node_tool

sys.path.insert(0, str(ROOT / "bench"))
import lighthouse  # noqa: E402

pytestmark = pytest.mark.browser


def test_lighthouse_scores_on_a_phone(built_site):
    node_tool("lighthouse/package.json")
    server, base = lighthouse.serve(built_site)
    try:
        scores = lighthouse.measure(base)
    finally:
        server.shutdown()
    low = {page: s for page, s in scores.items()
           if s["performance"] < 95 or min(s["accessibility"], s["best-practices"], s["seo"]) < 100}
    assert low == {}, lighthouse.table(scores)
