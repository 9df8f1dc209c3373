"""The paths of a branching scenario (model/scenario_paths.py): counted as ink's own
runtime (npm inkjs) walks the same conversation, and scored with each node's last
choice once."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

from conftest import ROOT, node_tool
from generator.model.scenario import Scenario
from generator.model.scenario_paths import back_edges, best_points, paths

# 5 nodes, 3 endings, two loops (b -> a, d -> c) and branches that converge
LOOPED = """
id: looped
lesson: l
title: t
start: a
nodes:
  - {id: a, says: s, choices: [{text: "1", to: b, points: 1}, {text: "2", to: c}, {text: "3", to: lost}]}
  - {id: b, says: s, choices: [{text: "1", to: a}, {text: "2", to: c, points: 2}, {text: "3", to: d}]}
  - {id: c, says: s, choices: [{text: "1", to: d, points: 1}, {text: "2", to: e}, {text: "3", to: maybe}]}
  - {id: d, says: s, choices: [{text: "1", to: c}, {text: "2", to: e, points: 2}, {text: "3", to: lost}]}
  - {id: e, says: s, choices: [{text: "1", to: won, points: 3}, {text: "2", to: maybe}]}
endings:
  - {id: won, title: W, debrief: d}
  - {id: maybe, title: M, debrief: d}
  - {id: lost, title: L, passed: false, debrief: d}
"""


def _ink(scenario: Scenario) -> str:
    """The scenario as an ink story: a knot per node (sticky choices, so a revisit offers
    them again) and per ending; each knot announces itself on a line of its own."""
    def knot(name: str) -> str:
        return name.replace("-", "_")
    lines = [f"-> {knot(scenario.start)}"]
    for node in scenario.nodes:
        lines += [f"=== {knot(node.id)} ===", f"@{node.id}"]
        lines += [f"+ [{choice.text}] -> {knot(choice.to)}" for choice in node.choices]
    for ending in scenario.endings:
        lines += [f"=== {knot(ending.id)} ===", "@end", "-> END"]
    return "\n".join(lines) + "\n"


def _ink_path_count(scenario: Scenario, tmp_path: Path) -> int:
    node_tool("inkjs/dist/ink-full.js")
    story = tmp_path / "story.ink"
    story.write_text(_ink(scenario), encoding="utf-8")
    result = subprocess.run(["node", str(Path(__file__).with_name("scenario_ink_paths.js")), str(story)],
                            capture_output=True, text=True, timeout=60, cwd=ROOT, check=True)
    return int(result.stdout)


def test_the_looped_example_has_as_many_paths_as_ink_walks(tmp_path):
    scenario = Scenario.model_validate(yaml.safe_load(LOOPED))
    found, more = paths(scenario)
    assert not more
    assert len(found) == _ink_path_count(scenario, tmp_path) == 19
    assert len({path.steps for path in found}) == len(found)  # no path twice
    assert all(len({step.node for step in path.steps}) == len(path.steps) for path in found)  # a node once per path


def test_the_test_course_scenario_agrees_with_ink(tmp_path):
    source = ROOT / "tests/fixtures/scenariocourse/scenarios/supplier-call.yml"
    scenario = Scenario.model_validate(yaml.safe_load(source.read_text(encoding="utf-8")))
    assert len(paths(scenario)[0]) == _ink_path_count(scenario, tmp_path) == 8


def test_a_loop_cannot_farm_points():
    scenario = Scenario.model_validate(yaml.safe_load(LOOPED))
    found, _ = paths(scenario)
    # the best: a 1 -> b 2 -> c 1 -> d 2 -> e 1 -> won = 1 + 2 + 1 + 2 + 3; going round b -> a again adds nothing
    assert best_points(found) == 9
    assert [p.describe() for p in found if p.points == 9] == ["a 1 → b 2 → c 1 → d 2 → e 1 → won"]
    assert sorted(p.percent(9) for p in found if p.ending == "lost") == [0, 11, 11, 44]


def test_loops_are_the_choices_back_to_a_node_on_the_way():
    scenario = Scenario.model_validate(yaml.safe_load(LOOPED))
    loops = [(scenario.nodes[n].id, scenario.nodes[n].choices[c].to) for n, c in back_edges(scenario)]
    assert loops == [("b", "a"), ("d", "c")]


def test_a_path_stops_at_the_limit_and_says_so():
    wide = {"id": "w", "lesson": "l", "title": "t", "start": "n0",
            "nodes": [{"id": f"n{i}", "says": "s", "choices": [{"text": str(j), "to": f"n{i + 1}" if i < 11 else "end"}
                                                                  for j in range(3)]} for i in range(12)],
            "endings": [{"id": "end", "title": "E", "debrief": "d"}]}
    found, more = paths(Scenario.model_validate(wide), limit=1000)
    assert more and len(found) == 1000  # 3 ** 12 = 531,441 paths in all
