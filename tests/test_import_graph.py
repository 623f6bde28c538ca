"""No import circle anywhere in the project, lazy imports inside functions included (issue 21).

A circle hides which module is the lower layer; with the format readers it also made the order of
imports matter. Imports under ``if TYPE_CHECKING:`` are for annotations only and are not counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("flooding_monitor", "devices", "ui")


def _modules() -> dict[str, Path]:
    """Every module by dotted name, subpackages included (a package is its ``__init__``)."""
    found = {}
    for package in PACKAGES:
        for f in sorted((ROOT / package).rglob("*.py")):
            parts = f.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = f
    return found


def _type_checking_only(tree: ast.AST) -> set[ast.AST]:
    inside: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            inside.update(ast.walk(node))
    return inside


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    tree = ast.parse(path.read_text())
    skip = _type_checking_only(tree)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if node in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            target = (f"{base}.{node.module}" if node.module else base) if node.level else node.module or ""
            found.update(t for t in [target, *(f"{target}.{a.name}" for a in node.names)] if t in modules)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in modules)
    return found - {name}


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def test_no_module_imports_itself_back_through_others():
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    assert _circles(graph) == []


# The core's folders from the bottom up: each may import only the ones before it (and the shared
# modules at the top of the package: words, private files, file limits).
CORE_LAYERS = ("heart", "detection", "protocol", "storage", "formats", "live", "review")


def _core_folder(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "flooding_monitor" and len(parts) > 2 and parts[1] in CORE_LAYERS else None


def test_the_core_folders_are_layers():
    """heart → detection → protocol → storage → formats → live → review, never upwards."""
    modules = _modules()
    assert {_core_folder(m) for m in modules} - {None} == set(CORE_LAYERS)
    upward = []
    for name, path in modules.items():
        mine = _core_folder(name)
        for target in _imports(name, path, modules):
            theirs = _core_folder(target)
            if mine and theirs and CORE_LAYERS.index(theirs) > CORE_LAYERS.index(mine):
                upward.append(f"{name} -> {target}")
            if name.startswith("flooding_monitor.") and not mine and theirs:
                upward.append(f"{name} (shared) -> {target}")
    assert upward == []


def test_the_terminal_front_end_is_its_own_package_and_the_window_never_imports_it():
    modules = _modules()
    terminal = {m for m in modules if m.startswith("ui.terminal.")}
    assert {"ui.terminal.cli", "ui.terminal.record_cli", "ui.terminal.history_cli"} <= terminal
    window_side = [f"{name} -> {t}" for name, path in modules.items()
                   if name.startswith("ui.") and not name.startswith("ui.terminal")
                   for t in _imports(name, path, modules) if t.startswith("ui.terminal")]
    assert window_side == []


def test_the_check_finds_a_circle():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_the_main_window_but_the_app_and_no_test_module_imports_another():
    """The window's helpers are objects given what they need (issue 21): none imports the window back;
    shared test code lives in helper modules, never in another test module."""
    modules = _modules()
    into_window = [name for name, path in modules.items() if "ui.main_window" in _imports(name, path, modules)]
    assert into_window == ["ui.app"]
    between_tests = []
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            ours = isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("tests."))
            if ours and (node.module or "").split(".")[-1].startswith("test_"):
                between_tests.append(f"{path.name} -> {node.module}")
    assert between_tests == []
