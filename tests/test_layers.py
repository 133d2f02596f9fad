"""The package's layers: the library never imports the command line (glossary/cli/), which sits on top of it."""

from __future__ import annotations

import ast
from pathlib import Path

import glossary

PACKAGE = Path(glossary.__file__).parent


def _imports(path: Path) -> set[str]:
    """The absolute names of the glossary modules that the file at ``path`` imports (at any depth)."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module.removesuffix(".__init__")
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            out.add(name)
            out.update(f"{name}.{a.name}" for a in node.names)
    return {n for n in out if n == "glossary" or n.startswith("glossary.")}


def test_the_library_never_imports_the_command_line() -> None:
    entry_points = {"__main__.py", "_entry.py"}  # `python -m glossary` and the console script run the CLI
    library = [p for p in PACKAGE.rglob("*.py")
               if "cli" not in p.relative_to(PACKAGE).parts and p.name not in entry_points]
    assert len(library) > 20
    offenders = {str(p.relative_to(PACKAGE)): sorted(n for n in _imports(p) if n.startswith("glossary.cli"))
                 for p in library}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_imports_are_resolved() -> None:
    """The test's own resolution of relative imports, on a file whose imports are known."""
    names = _imports(PACKAGE / "cli" / "check_cmd.py")
    assert {"glossary.config.is_excluded", "glossary.cli.common", "glossary.baseline"} <= names
