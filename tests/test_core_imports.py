"""The core never imports mkdocs: Material for MkDocs reaches end of life on 2027-05-05,
and a second engine (Zensical) or a fork must be able to sit on the same core.

Two checks: the core modules import in a fresh interpreter where `import mkdocs` fails,
and no core file has an `import mkdocs` statement (cli.py may, inside functions only).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "generator"
# the modules that are all MkDocs: the plugin, and the parallel build it takes part in
ADAPTERS = {PACKAGE / "mkdocs_plugin.py", PACKAGE / "mkdocs_shards.py", PACKAGE / "mkdocs_incremental.py"}
CORE = ["source", "loader", "models", "checks", "pipeline", "render", "export", "markup", "encode", "i18n", "report"]

BLOCK_MKDOCS = """
import importlib.abc, pkgutil, sys

class NoMkDocs(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "mkdocs" or name.startswith(("mkdocs.", "material")):
            raise ImportError(f"blocked for the test: {name}")
        return None

sys.meta_path.insert(0, NoMkDocs())
import generator
names = sys.argv[1:] + [
    m.name for m in pkgutil.walk_packages(generator.__path__, "generator.")
    if m.name not in ("generator.mkdocs_plugin", "generator.mkdocs_shards", "generator.mkdocs_incremental", "generator.__main__")
]
for name in names:
    __import__(name)
leaked = sorted(m for m in sys.modules if m == "mkdocs" or m.startswith(("mkdocs.", "material")))
print("imported", len(set(names)), "leaked", leaked)
assert not leaked, leaked
"""


def test_core_modules_import_with_mkdocs_blocked():
    names = [f"generator.{name}" for name in CORE] + ["generator.cli", "generator.assets", "generator.questions"]
    result = subprocess.run([sys.executable, "-c", BLOCK_MKDOCS, *names], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "leaked []" in result.stdout


def test_the_blocker_does_block_mkdocs():
    """The first test would pass vacuously if the finder let mkdocs through."""
    result = subprocess.run([sys.executable, "-c", BLOCK_MKDOCS, "generator.mkdocs_plugin"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "blocked for the test: mkdocs" in result.stderr


def _mkdocs_imports(tree: ast.AST) -> list[tuple[int, str, bool]]:
    """(line, module, inside a function) of every import of mkdocs or material."""
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            modules = []
            if isinstance(child, ast.Import):
                modules = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom) and child.level == 0 and child.module:
                modules = [child.module]
            for module in modules:
                if module.split(".")[0] in {"mkdocs", "material"}:
                    found.append((child.lineno, module, in_function))
            visit(child, inner)

    visit(tree, False)
    return found


def test_no_core_file_imports_mkdocs():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path in ADAPTERS:
            continue
        for line, module, in_function in _mkdocs_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if path.name == "cli.py" and in_function:
                continue  # build and serve drive MkDocs, importing it only when they run
            offenders.append(f"{path.relative_to(ROOT)}:{line}: imports {module}")
    assert not offenders, "the core must not import mkdocs:\n" + "\n".join(offenders)


def test_the_static_check_finds_a_module_level_import():
    tree = ast.parse("import os\nfrom mkdocs.plugins import BasePlugin\ndef f():\n    import mkdocs.config\n")
    assert _mkdocs_imports(tree) == [(2, "mkdocs.plugins", False), (4, "mkdocs.config", True)]
