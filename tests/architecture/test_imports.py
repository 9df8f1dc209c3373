"""The package's shape, held by tests: which folders may import mkdocs, and no import cycles.

Material for MkDocs reaches end of life on 2027-05-05, and a second engine (Zensical) or a
fork must be able to sit on the same core, so only `generator/engines/` (the adapters) and
`generator/cli/` (which drives an engine, importing it inside the commands that run it)
import mkdocs. Data moves one way through the stages (docs/architecture.md), so no module
imports, directly or through others, a module that imports it back.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "generator"
MAY_IMPORT_MKDOCS = ("engines", "cli")
ENGINE = {"mkdocs", "material"}

BLOCK_MKDOCS = """
import importlib.abc, pkgutil, sys

class NoMkDocs(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "mkdocs" or name.startswith(("mkdocs.", "material")):
            raise ImportError(f"blocked for the test: {name}")
        return None

sys.meta_path.insert(0, NoMkDocs())
import generator
names = sys.argv[1:] + [m.name for m in pkgutil.walk_packages(generator.__path__, "generator.")
                        if not m.name.startswith(("generator.engines.mkdocs", "generator.__main__"))]
for name in names:
    __import__(name)
leaked = sorted(m for m in sys.modules if m == "mkdocs" or m.startswith(("mkdocs.", "material")))
print("imported", len(set(names)), "leaked", leaked)
assert not leaked, leaked
"""


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[int, str, bool]]:
    """(line, absolute module, inside a function) of every import in a generator file."""
    found = []
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.Import):
                found.extend((child.lineno, alias.name, in_function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = package.split(".")[: len(package.split(".")) - child.level + 1] if child.level else []
                module = ".".join(base + ([child.module] if child.module else []))
                found.append((child.lineno, module, in_function))
                found.extend((child.lineno, f"{module}.{alias.name}", in_function) for alias in child.names)
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def test_the_core_imports_with_mkdocs_blocked():
    result = subprocess.run([sys.executable, "-c", BLOCK_MKDOCS, "generator.cli"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "leaked []" in result.stdout


def test_the_blocker_does_block_mkdocs():
    """The test above would pass vacuously if the finder let mkdocs through."""
    result = subprocess.run([sys.executable, "-c", BLOCK_MKDOCS, "generator.engines.mkdocs.plugin"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "blocked for the test: mkdocs" in result.stderr


def test_only_engines_and_cli_import_mkdocs():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        folder = path.relative_to(PACKAGE).parts[0]
        for line, module, in_function in _imports(path):
            if module.split(".")[0] not in ENGINE or folder in MAY_IMPORT_MKDOCS and (folder == "engines" or in_function):
                continue
            offenders.append(f"{path.relative_to(ROOT)}:{line}: imports {module}")
    assert not offenders, "only generator/engines/ and generator/cli/ (in its commands) may import mkdocs:\n" + "\n".join(offenders)


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for _, module, _ in _imports(path):
            while module and module not in modules:  # `from generator.x import name`: the module x
                module = module.rpartition(".")[0]
            if module and module != name and not name.startswith(module + "."):
                targets.add(module)
        graph[name] = targets
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        stack.pop()
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_no_import_cycle_in_the_package():
    """Imports at any depth count, those inside functions and under TYPE_CHECKING too: a
    cycle hidden in a function is still two modules that each need the other."""
    cycle = _cycle(_graph())
    assert not cycle, "import cycle: " + " -> ".join(cycle)


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []


def test_the_static_check_sees_relative_and_nested_imports(tmp_path):
    path = PACKAGE / "site" / "render.py"
    found = {module for _, module, _ in _imports(path)}
    assert "generator.site.encode" in found


def test_the_mkdocs_plugin_stays_thin():
    """The plugin's hooks hand MkDocs a SiteBuild; anything more belongs in the core."""
    lines = (PACKAGE / "engines" / "mkdocs" / "plugin.py").read_text(encoding="utf-8").count("\n")
    assert lines < 150, f"engines/mkdocs/plugin.py has {lines} lines"
