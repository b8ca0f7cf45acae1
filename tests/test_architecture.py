"""The architecture rule, checked on the source: the core knows nothing of Qt, the record
store knows nothing of the spreadsheets, and no module imports one that imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("models", "exports", "ui")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at its top or inside a function."""
    names: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # What is imported for type checking only is never imported while the app runs.
    typing_only = {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
        for statement in node.body
        for child in ast.walk(statement)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _graph() -> dict[str, set[str]]:
    files = [path for package in PACKAGES for path in (ROOT / package).rglob("*.py")]
    modules = {_module_name(path): path for path in files}
    return {
        name: {target for target in _imports(path) if target in modules and target != name}
        for name, path in modules.items()
    }


def test_the_core_imports_no_qt_and_the_store_no_spreadsheets():
    for name, path in ((_module_name(p), p) for p in ROOT.glob("[me]*/**/*.py")):
        imported = _imports(path)
        assert not any(target.split(".")[0] in ("PySide6", "ui") for target in imported), name
        if name.startswith("models"):
            assert not any(target.split(".")[0] == "exports" for target in imported), name


def test_no_module_imports_one_that_imports_it_back():
    graph = _graph()
    circles = []

    def visit(node: str, path: list[str], on_path: set[str], done: set[str]) -> None:
        for target in sorted(graph[node]):
            if target in on_path:
                circles.append(path[path.index(target) :] + [target])
            elif target not in done:
                on_path.add(target)
                visit(target, path + [target], on_path, done)
                on_path.discard(target)
        done.add(node)

    done: set[str] = set()
    for start in sorted(graph):
        if start not in done:
            visit(start, [start], {start}, done)
    assert circles == [], "\n".join(" -> ".join(circle) for circle in circles)
