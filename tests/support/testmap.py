"""The map of tests/README.md: each module of the package and the test files that import it.

Run ``python tests/support/testmap.py`` after adding a module or a test file: it rewrites the table
between the two marker lines of tests/README.md. tests/test_suite_layout.py fails while a module
is missing from the table.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
README = ROOT / "tests" / "README.md"
BEGIN, END = "<!-- module map: begin -->", "<!-- module map: end -->"
#: Said of a module no test file imports: what a test reaches it through.
INDIRECT = "through the CLI and the modules that use it"


def modules() -> list[str]:
    """Every module of the package, dotted (``workshop.deck.plan``); a package by its own name."""
    found = []
    for path in sorted((ROOT / "workshop").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return sorted(found)


def imported(path: Path, known: set[str]) -> set[str]:
    """The modules of the package that the file at ``path`` imports, at its top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found & known


def module_map() -> dict[str, list[str]]:
    """Module -> the test files (by name) that import it, directly or through tests/support/."""
    known = set(modules())
    support = set()
    for path in (ROOT / "tests" / "support").glob("*.py"):
        support |= imported(path, known)
    found: dict[str, list[str]] = {name: [] for name in sorted(known)}
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        for name in imported(path, known):
            found[name].append(path.name)
    for name in support:
        found[name].append("support/")
    return found


def table() -> str:
    rows = ["| module | test files that import it |", "|---|---|"]
    for name, files in module_map().items():
        rows.append(f"| `{name}` | {', '.join(f'`{f}`' for f in files) if files else INDIRECT} |")
    return "\n".join(rows)


def listed(text: str) -> list[str]:
    """The modules the README's table names, in its order."""
    inside = text.split(BEGIN, 1)[1].split(END, 1)[0]
    return [line.split("`")[1] for line in inside.splitlines() if line.startswith("| `")]


def main() -> None:
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{BEGIN}\n{table()}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
