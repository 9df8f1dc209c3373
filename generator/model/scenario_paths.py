"""Every way through a scenario: the paths `check` reports and the browser can produce.

A path is the list of choices from `start` to an ending. A choice that leads back to a
node already on the path does not make a new path: the browser takes the path back to
that node (model/scenario.py, "Scoring"), so loops are cut at the revisit, each node is
on a path at most once, and its last choice counts once. ink's own runtime (npm inkjs
2.4.0) walks the same paths: tests/model/test_scenario_paths.py compares the counts
(19 for its 5-node, 3-ending example with two loops).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.model.scenario import Scenario

MAX_PATHS = 20_000  # past this, `check` says so rather than walking on (a graph of 20 wide nodes has millions)


@dataclass(frozen=True)
class Step:
    """One decision: the node, the index of the choice made there (0-based), its points."""

    node: str
    choice: int
    points: int


@dataclass(frozen=True)
class ScenarioPath:
    steps: tuple[Step, ...]
    ending: str

    @property
    def points(self) -> int:
        return sum(step.points for step in self.steps)

    def percent(self, best: int) -> int:
        """Points as a whole percent of `best`, rounded half up as the browser's Math.round; 100 when best is 0."""
        return (200 * self.points + best) // (2 * best) if best else 100

    def describe(self) -> str:
        """`opening 2 → needs 1 → partner`: each node with the choice made there (1-based)."""
        return " → ".join([f"{step.node} {step.choice + 1}" for step in self.steps] + [self.ending])


def paths(scenario: Scenario, limit: int = MAX_PATHS) -> tuple[list[ScenarioPath], bool]:
    """Every path from `start`, in choice order, and whether there were more than `limit`.

    Targets that are neither a node nor an ending end nothing: such a scenario is
    reported by check/scenarios.py and never rendered."""
    nodes = {node.id: node for node in scenario.nodes}
    endings = {ending.id for ending in scenario.endings}
    found: list[ScenarioPath] = []
    if scenario.start not in nodes:
        return found, False
    # an explicit stack (a deep scenario must not hit Python's recursion limit): (node id, next choice index)
    stack: list[tuple[str, int]] = [(scenario.start, 0)]
    on_path = {scenario.start}
    steps: list[Step] = []
    while stack:
        node_id, index = stack[-1]
        choices = nodes[node_id].choices
        if index >= len(choices):
            stack.pop()
            on_path.discard(node_id)
            if steps:
                steps.pop()
            continue
        stack[-1] = (node_id, index + 1)
        choice = choices[index]
        step = Step(node_id, index, choice.points)
        if choice.to in endings:
            found.append(ScenarioPath((*steps, step), choice.to))
            if len(found) > limit:
                return found[:limit], True
        elif choice.to in nodes and choice.to not in on_path:
            steps.append(step)
            stack.append((choice.to, 0))
            on_path.add(choice.to)
    return found, False


def best_points(found: list[ScenarioPath]) -> int:
    """The most points any path earns: 100 % of a scenario."""
    return max((path.points for path in found), default=0)


def back_edges(scenario: Scenario) -> Iterator[tuple[int, int]]:
    """(node index, choice index) of each choice that leads back to a node on the way to it:
    the loops, each reported once, found by a depth-first walk from `start` in choice order."""
    index = {node.id: i for i, node in enumerate(scenario.nodes)}
    if scenario.start not in index:
        return
    state: dict[str, int] = {scenario.start: 1}  # 1: on the current walk, 2: done
    stack: list[tuple[str, int]] = [(scenario.start, 0)]
    while stack:
        node_id, c = stack[-1]
        choices = scenario.nodes[index[node_id]].choices
        if c >= len(choices):
            state[node_id] = 2
            stack.pop()
            continue
        stack[-1] = (node_id, c + 1)
        target = choices[c].to
        if target not in index:
            continue
        if state.get(target) == 1:
            yield index[node_id], c
        elif target not in state:
            state[target] = 1
            stack.append((target, 0))
