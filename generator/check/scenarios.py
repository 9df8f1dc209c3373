"""Branching scenarios (issue 19): what a conversation's graph must be before a learner plays it.

- check_scenario_placement: each scenario shown once, after its lesson or on its own page
  (`scenarios:` of a module)
- check_scenario_structure: lesson and objectives exist; ids unique; `start` is a node;
  every `to:` names a node or an ending; 2 to 5 choices, with different texts, at each
  node; every ending has a debrief; every choice at a node going to one place (warning)
- check_scenario_paths: nodes and endings no path reaches; nodes from which no ending can
  be reached (dead ends, loops without an exit); the best-scoring path ending in a
  failing ending; loops, a passing ending reached only below the pass mark, paths longer
  than MAX_DECISIONS (warnings)

Paths are counted as model/scenario_paths.py says (loops cut at revisits); the same
figures are in `check --format json` (`scenario_table`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from generator.check.locate import at, order_at, order_file, suggest
from generator.check.options import CheckOptions
from generator.errors import Finding, Severity
from generator.model.course import Course
from generator.model.scenario import MAX_CHOICES, MIN_CHOICES, Scenario
from generator.model.scenario_paths import ScenarioPath, back_edges, best_points, paths

MAX_DECISIONS = 8  # a longer conversation tires the learner before it teaches (issue 19)


def check_scenario_structure(course: Course, options: CheckOptions) -> Iterator[Finding]:
    for scenario in course.scenarios.values():
        yield from _references(course, scenario)
        yield from _ids(course, scenario)
        yield from _nodes(course, scenario)
        for e, ending in enumerate(scenario.endings):
            if not ending.debrief:
                yield Finding(at(course, "scenario", scenario.id, ("endings", e, "id")), f"ending '{ending.id}' has no debrief",
                              hint="add `debrief:` saying what happened in this conversation and why", code="no-debrief")


def _references(course: Course, scenario: Scenario) -> Iterator[Finding]:
    sid = scenario.id
    lesson_files = {stem for kind, stem in course.file_ids if kind == "lesson"}
    lesson = course.lessons.get(scenario.lesson or "")
    if scenario.lesson is None:  # on its own page: any lesson's objective
        own = [o.id for each in course.lessons.values() for o in each.objectives]
        scope = "any lesson"
    elif lesson is None:
        if scenario.lesson not in lesson_files:  # a lesson that failed to load is reported at its own file
            yield Finding(at(course, "scenario", sid, ("lesson",)), f"lesson '{scenario.lesson}' does not exist",
                          hint=suggest(scenario.lesson, lesson_files, ids=True) or "name a lesson in course/lessons/",
                          code="unresolved-reference")
        return
    else:
        own, scope = [o.id for o in lesson.objectives], f"lesson '{lesson.id}'"
    field = "objective" if scenario.objective else "objectives"
    for i, objective in enumerate(scenario.objective_ids()):
        if objective not in own:
            yield Finding(at(course, "scenario", sid, (field,) if scenario.objective else (field, i)),
                          f"objective '{objective}' is not an objective of {scope}",
                          hint=suggest(objective, own, ids=True) or "use one of the ids under `objectives:` in the lesson",
                          code="unresolved-reference")


def check_scenario_placement(course: Course, options: CheckOptions) -> Iterator[Finding]:
    """Each scenario shown once: at the end of its lesson, or on its own page through
    `scenarios:` of a module in course.yml (which must name existing scenarios)."""
    scenario_files = {stem for kind, stem in course.file_ids if kind == "scenario"}
    placed: set[str] = set()
    for m, module in enumerate(course.settings.modules or []):
        for i, sid in enumerate(module.scenarios):
            where = order_at(course, ("modules", m, "scenarios", i))
            if sid in placed:
                yield Finding(where, f"scenario '{sid}' is listed twice", hint="remove the second entry", code="duplicate-id")
            elif sid not in course.scenarios and sid not in scenario_files:
                yield Finding(where, f"scenario '{sid}' does not exist",
                              hint=suggest(sid, scenario_files, ids=True) or f"create scenarios/{sid}.yml", code="unresolved-reference")
            elif sid in course.scenarios and course.scenarios[sid].lesson:
                yield Finding(where, f"scenario '{sid}' is already shown at the end of lesson '{course.scenarios[sid].lesson}'",
                              hint=f"remove it here, or remove `lesson:` from scenarios/{sid}.yml", code="duplicate-id")
            placed.add(sid)
    for sid, scenario in course.scenarios.items():
        if scenario.lesson is None and sid not in placed:
            yield Finding(at(course, "scenario", sid, ("id",)), f"scenario '{sid}' is shown nowhere",
                          hint=f"name the lesson it ends (`lesson: <id>`), or list it under `scenarios:` of a module in "
                               f"{order_file(course)}", code="unplaced")


def _ids(course: Course, scenario: Scenario) -> Iterator[Finding]:
    first: dict[str, tuple] = {}
    for kind, ids in (("nodes", [n.id for n in scenario.nodes]), ("endings", [e.id for e in scenario.endings])):
        for i, item_id in enumerate(ids):
            if item_id in first:
                where = at(course, "scenario", scenario.id, first[item_id])
                yield Finding(at(course, "scenario", scenario.id, (kind, i, "id")),
                              f"id '{item_id}' is already used at line {where.line}",
                              hint="every node and ending needs its own id: rename one, and the `to:` that mean it",
                              code="duplicate-id")
            else:
                first[item_id] = (kind, i, "id")
    node_ids = [node.id for node in scenario.nodes]
    if scenario.start not in node_ids:
        is_ending = any(e.id == scenario.start for e in scenario.endings)
        yield Finding(at(course, "scenario", scenario.id, ("start",)),
                      f"'{scenario.start}' is an ending: the conversation must start at a node" if is_ending
                      else f"start '{scenario.start}' is not a node",
                      hint=suggest(scenario.start, node_ids, ids=True) or f"write the id of a node, e.g. `start: {node_ids[0]}`",
                      code="unresolved-reference")


def _nodes(course: Course, scenario: Scenario) -> Iterator[Finding]:
    sid = scenario.id
    targets = [n.id for n in scenario.nodes] + [e.id for e in scenario.endings]
    for n, node in enumerate(scenario.nodes):
        count = len(node.choices)
        if not MIN_CHOICES <= count <= MAX_CHOICES:
            yield Finding(at(course, "scenario", sid, ("nodes", n, "choices"), key=True),
                          f"node '{node.id}' has {count} choice{'s' * (count != 1)}; a node needs {MIN_CHOICES} to {MAX_CHOICES}",
                          hint="add a reply the learner might plausibly give" if count < MIN_CHOICES
                          else "keep the strongest replies; split the rest into a follow-up node", code="choice-count")
        seen: dict[str, int] = {}
        for c, choice in enumerate(node.choices):
            norm = " ".join(choice.text.lower().split())
            if norm in seen:
                yield Finding(at(course, "scenario", sid, ("nodes", n, "choices", c, "text")),
                              f"choice {c + 1} of node '{node.id}' repeats choice {seen[norm] + 1}",
                              hint="give every reply at a node a different text", code="duplicate-choice")
            seen.setdefault(norm, c)
            if choice.to not in targets:
                yield Finding(at(course, "scenario", sid, ("nodes", n, "choices", c, "to")),
                              f"'{choice.to}' is neither a node nor an ending of this scenario",
                              hint=suggest(choice.to, targets, ids=True) or f"use one of: {', '.join(targets)}",
                              code="unresolved-reference")
        if count >= MIN_CHOICES and len({choice.to for choice in node.choices}) == 1:
            yield Finding(at(course, "scenario", sid, ("nodes", n, "choices"), key=True),
                          f"every choice at node '{node.id}' leads to '{node.choices[0].to}'",
                          hint="let the replies change where the conversation goes, or the choice teaches nothing",
                          code="same-target", severity=Severity.WARNING)


def _graph_ok(scenario: Scenario) -> bool:
    """Whether the graph can be walked: unique ids, a real start, every target known."""
    ids = [n.id for n in scenario.nodes] + [e.id for e in scenario.endings]
    known = set(ids)
    return (len(known) == len(ids) and scenario.start in {n.id for n in scenario.nodes}
            and all(c.to in known for n in scenario.nodes for c in n.choices))


def check_scenario_paths(course: Course, options: CheckOptions) -> Iterator[Finding]:
    for scenario in course.scenarios.values():
        if _graph_ok(scenario):
            yield from _reachability(course, scenario)
            yield from _loops(course, scenario)
            yield from _scores(course, scenario)


def _reachability(course: Course, scenario: Scenario) -> Iterator[Finding]:
    sid = scenario.id
    reached = _reached(scenario)
    named = {c.to for n in scenario.nodes for c in n.choices} | {scenario.start}
    for kind, ids in (("nodes", [n.id for n in scenario.nodes]), ("endings", [e.id for e in scenario.endings])):
        word = kind[:-1]
        for i, item_id in enumerate(ids):
            if item_id not in reached:
                yield Finding(at(course, "scenario", sid, (kind, i, "id")),
                              f"no choice leads to {word} '{item_id}'" if item_id not in named
                              else f"{word} '{item_id}' cannot be reached from '{scenario.start}': only unreachable nodes lead to it",
                              hint=f"add `to: {item_id}` to a choice on the way, or delete the {word}", code="unreachable")
    exits = _exits(scenario)
    for n, node in enumerate(scenario.nodes):
        if node.id not in exits:
            yield Finding(at(course, "scenario", sid, ("nodes", n, "id")),
                          f"no ending can be reached from node '{node.id}': the conversation would go round for ever",
                          hint="let one of its choices, or of the nodes it leads to, go to an ending", code="dead-end")


def _reached(scenario: Scenario) -> set[str]:
    """The nodes and endings reachable from `start`."""
    nodes = {node.id: node for node in scenario.nodes}
    reached, todo = {scenario.start}, [scenario.start]
    while todo:
        for choice in nodes[todo.pop()].choices:
            if choice.to not in reached:
                reached.add(choice.to)
                if choice.to in nodes:
                    todo.append(choice.to)
    return reached


def _exits(scenario: Scenario) -> set[str]:
    """The nodes from which some ending can be reached (a walk back from the endings)."""
    leads_here: dict[str, set[str]] = defaultdict(set)
    for node in scenario.nodes:
        for choice in node.choices:
            leads_here[choice.to].add(node.id)
    done = {e.id for e in scenario.endings}
    todo = list(done)
    while todo:
        for source in leads_here[todo.pop()] - done:
            done.add(source)
            todo.append(source)
    return done


def _loops(course: Course, scenario: Scenario) -> Iterator[Finding]:
    for n, c in back_edges(scenario):
        choice = scenario.nodes[n].choices[c]
        yield Finding(at(course, "scenario", scenario.id, ("nodes", n, "choices", c, "to")),
                      f"a loop: this choice of node '{scenario.nodes[n].id}' leads back to '{choice.to}', earlier in the conversation",
                      hint="fine as a way back, since points count once per node; otherwise lead it forward", code="loop",
                      severity=Severity.WARNING)


def _scores(course: Course, scenario: Scenario) -> Iterator[Finding]:
    sid = scenario.id
    found, more = paths(scenario)
    if more:
        yield Finding(at(course, "scenario", sid, ("nodes",), key=True),
                      f"more than {len(found):,} paths: too many for a learner to explore or for check to score",
                      hint="let branches converge on shared nodes", code="too-many-paths", severity=Severity.WARNING)
        return
    best = best_points(found)
    ending_index = {e.id: i for i, e in enumerate(scenario.endings)}
    failing = [p for p in found if p.points == best and not scenario.endings[ending_index[p.ending]].passed]
    if failing:
        path = failing[0]
        yield Finding(at(course, "scenario", sid, ("endings", ending_index[path.ending], "id")),
                      f"the best-scoring path ({best} points: {path.describe()}) ends in failing ending '{path.ending}'",
                      hint="give the replies on the way to a passing ending more points, or these fewer", code="best-path-fails")
    pass_mark = course.scenario_pass_mark(scenario)
    by_ending: dict[str, list[ScenarioPath]] = defaultdict(list)
    for path in found:
        by_ending[path.ending].append(path)
    for e, ending in enumerate(scenario.endings):
        reaching = by_ending.get(ending.id, [])
        top = max((p.percent(best) for p in reaching), default=100)
        if ending.passed and reaching and top < pass_mark:
            yield Finding(at(course, "scenario", sid, ("endings", e, "id")),
                          f"passing ending '{ending.id}' is reached only with at most {top} %, below the pass mark of {pass_mark} %",
                          hint="set `passed: false`, or give the replies on the way to it more points",
                          code="passing-below-mark", severity=Severity.WARNING)
    longest = max(found, key=lambda p: len(p.steps), default=None)
    if longest is not None and len(longest.steps) > MAX_DECISIONS:
        yield Finding(at(course, "scenario", sid, ("start",)),
                      f"a path of {len(longest.steps)} decisions ({longest.describe()}); at most {MAX_DECISIONS} keep a learner going",
                      hint="shorten the conversation, or let a branch reach an ending sooner",
                      code="long-path", severity=Severity.WARNING)


def scenario_table(course: Course) -> dict[str, dict]:
    """Per scenario: paths, best points, pass mark, and per ending the number of paths, the
    range of percent [low, high] and the path lengths (decisions), for `check --format json`."""
    table: dict[str, dict] = {}
    for sid, scenario in sorted(course.scenarios.items()):
        if not _graph_ok(scenario):
            continue
        found, more = paths(scenario)
        best = best_points(found)
        endings = {}
        for ending in scenario.endings:
            reaching = [p for p in found if p.ending == ending.id]
            percents = [p.percent(best) for p in reaching]
            endings[ending.id] = {"passed": ending.passed, "paths": len(reaching),
                                  "percent": [min(percents), max(percents)] if percents else [],
                                  "lengths": sorted({len(p.steps) for p in reaching})}
        table[sid] = {"paths": len(found), "complete": not more, "best_points": best,
                      "pass_mark": course.scenario_pass_mark(scenario), "endings": endings}
    return table
