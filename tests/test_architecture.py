"""The code's shape: stages in folders, each importing only the stages below it, in no circle."""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).parents[1] / "src" / "cardguide"

# The stages from the bottom up: a module may import its own stage and the ones below it.
# wording and errors are what every stage speaks; cli, the only layer that touches the console,
# sits on top of the registry of commands.
STAGES = (
    "wording", "errors", "model", "places", "load", "resolve", "match", "answers", "documents",
    "render", "lint", "commands", "cli", "launch",
)  # fmt: skip
LIMIT = 400  # lines a module may have


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(SOURCE.rglob("*.py")):
        parts = path.relative_to(SOURCE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every cardguide module `path` imports, at its top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([node.module] if node.module else [])])
            # `from cardguide.load import compiled` imports the module cardguide.load.compiled.
            found |= {
                f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names
            }
    return {module for module in found if module in known and module != name}


def _stage(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "wording"  # the package face holds only a version


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def test_every_module_belongs_to_a_stage_and_the_top_holds_only_a_handful() -> None:
    modules = _modules()
    assert {_stage(name) for name in modules if name != "cardguide.__main__"} <= set(STAGES)
    top = [name for name, path in modules.items() if path.parent == SOURCE]
    assert len(top) <= 5, top


def test_no_stage_imports_a_stage_above_it() -> None:
    upward = [
        (name, imported)
        for name, imports in _graph().items()
        if name != "cardguide.__main__"
        for imported in imports
        if STAGES.index(_stage(imported)) > STAGES.index(_stage(name))
    ]
    assert upward == []


def test_no_module_imports_itself_through_others() -> None:
    graph = _graph()
    circles = []
    for start in graph:
        seen, frontier = set(), list(graph[start])
        while frontier:
            module = frontier.pop()
            if module == start:
                circles.append(start)
                break
            if module not in seen:
                seen.add(module)
                frontier.extend(graph[module])
    assert circles == []


def test_no_module_passes_four_hundred_lines() -> None:
    long = {
        name: lines
        for name, path in _modules().items()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert long == {}


def test_typer_is_used_only_through_its_public_names() -> None:
    private = [
        (name, node.module if isinstance(node, ast.ImportFrom) else "")
        for name, path in _modules().items()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom | ast.Import)
        for module in ([node.module or ""] if isinstance(node, ast.ImportFrom) else
                       [alias.name for alias in node.names])
        if module.startswith("typer.") and any(p.startswith("_") for p in module.split("."))
    ]  # fmt: skip
    assert private == []
    # Nor by name (`from typer import _click`) or attribute (`typer._click.Group`).
    named = [
        (name, alias.name)
        for name, path in _modules().items()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "typer"
        for alias in node.names
        if alias.name.startswith("_")
    ]
    attributes = [
        (name, node.attr)
        for name, path in _modules().items()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr.startswith("_")
        and isinstance(node.value, ast.Name) and node.value.id == "typer"
    ]  # fmt: skip
    assert (named, attributes) == ([], [])


# What touches the console: its streams, the terminal, the process's exit, and the environment
# variables that say how to write to a terminal.
CONSOLE_BUILTINS = {"print", "input", "exit", "quit"}
CONSOLE_CALLS = {"exit", "isatty", "get_terminal_size", "getpass"}  # sys.exit, out.isatty, …
CONSOLE_NAMES = {"stdin", "stdout", "stderr"}
CONSOLE_VARIABLES = {"NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS", "LINES", "TERM"}
COMMAND_LINE = ("cardguide.cli", "cardguide.launch", "cardguide.__main__")


def _console_uses(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            called = node.func
            if isinstance(called, ast.Attribute) and called.attr in CONSOLE_CALLS:
                found.append(f"{called.attr}() at line {node.lineno}")
            elif isinstance(called, ast.Name) and called.id in CONSOLE_BUILTINS:
                found.append(f"{called.id}() at line {node.lineno}")
        elif isinstance(node, ast.Attribute) and node.attr in CONSOLE_NAMES:
            found.append(f".{node.attr} at line {node.lineno}")
        elif isinstance(node, ast.Constant) and node.value in CONSOLE_VARIABLES:
            found.append(f"{node.value!r} at line {node.lineno}")
    return found


def test_only_the_command_line_touches_the_console() -> None:
    """The core builds and renders into the stream it is given; whether that is a terminal,
    how wide it is and whether it takes styles is the command line's to find out."""
    outside = {
        name: uses
        for name, path in _modules().items()
        if not name.startswith(COMMAND_LINE) and (uses := _console_uses(path))
    }
    assert outside == {}
    # The check sees what it looks for: the command line does all of these.
    assert _console_uses(_modules()["cardguide.cli.terminal"])


def test_the_checks_see_imports_inside_functions_and_between_siblings() -> None:
    # A check that read nothing would pass on any tree: the graph must hold what is known.
    graph = _graph()
    assert "cardguide.documents" in graph["cardguide.commands.build"]  # in a function
    assert "cardguide.render.blocks" in graph["cardguide.render.sheet_checklist"]
    assert "cardguide.wording" in graph["cardguide.errors"]
