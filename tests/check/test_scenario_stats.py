"""`coursegen check --format json` reports each scenario's paths and endings (issue 19)."""

from __future__ import annotations

import json

from conftest import ROOT
from generator.cli import main

SCENARIO_COURSE = ROOT / "tests/fixtures/scenariocourse"


def test_json_gives_paths_best_points_and_each_ending(capsys):
    assert main(["-f", str(SCENARIO_COURSE / "mkdocs.yml"), "check", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == 0
    assert report["scenarios"]["supplier-call"] == {
        "paths": 8, "complete": True, "best_points": 6, "pass_mark": 70,
        "endings": {
            "partner": {"passed": True, "paths": 2, "percent": [83, 100], "lengths": [3, 4]},
            "maybe": {"passed": True, "paths": 4, "percent": [17, 83], "lengths": [2, 3, 4]},
            "lost": {"passed": False, "paths": 2, "percent": [0, 0], "lengths": [1, 2]},
        },
    }
