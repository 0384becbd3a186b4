"""The package's imports: no cycles (counting imports inside functions), and every third-party
package it imports declared in pyproject.toml.

The import graph is read from the source with ``ast``, not by importing: every ``import`` and
``from ... import`` anywhere in a module (at its top, inside a function, under ``if``) is an edge,
relative imports resolved. ``from pkg import name`` is an edge to ``pkg`` (its ``__init__`` runs
first) and, when ``pkg.name`` is a module, to that module too.
"""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import re
import sys
import textwrap
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "workshop"
TESTS = ROOT / "tests"

ALLOWED_CYCLES: list[set[str]] = []  # none: a cycle is fixed, not allowed


def modules(package: Path) -> dict[str, Path]:
    """Every module of the package at ``package`` by dotted name (a package by its own name)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path) -> list[tuple[str, int]]:
    """Every module ``path`` (the module ``name``) imports anywhere, with the line, as written:
    relative imports resolved, ``from a import b`` as ``a`` and ``a.b``."""
    is_package = path.name == "__init__.py"
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[:len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            out.append((module, node.lineno))
            out += [(f"{module}.{alias.name}", node.lineno) for alias in node.names if alias.name != "*"]
    return out


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module -> the package's modules it imports."""
    found = modules(package)
    return {name: {target for target, _ in imports_of(name, path) if target in found and target != name}
            for name, path in found.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted, and a
    module that imports itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(start: str) -> None:  # iterative: a deep package must not hit the recursion limit
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return sorted(found)


def one_cycle(graph: dict[str, set[str]], members: list[str]) -> list[str]:
    """A path round the component ``members``, a -> b -> ... -> a, for the failure message."""
    inside = set(members)
    start = members[0]
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node] & inside):
            if target == start:
                return paths[node] + [start]
            if target not in paths:
                paths[target] = paths[node] + [target]
                queue.append(target)
    return members


def test_no_import_cycles():
    graph = import_graph(PACKAGE)
    found = [c for c in cycles(graph) if set(c) not in ALLOWED_CYCLES]
    assert not found, "import cycles (imports inside functions count; put the shared names in a lower module):\n" + \
        "\n".join(" -> ".join(one_cycle(graph, c)) for c in found)


def test_the_walker_finds_a_cycle(tmp_path):
    """A cycle closed only by an import inside a function, through a package's ``__init__`` and a
    relative import, is found and named."""
    pkg = tmp_path / "toy"
    (pkg / "sub").mkdir(parents=True)
    files = {
        "__init__.py": "",
        "a.py": "from toy.sub import b\n",
        "sub/__init__.py": "from .c import thing\n",
        "sub/b.py": "X = 1\n",
        "sub/c.py": "def thing():\n    from ..a import nothing\n",
        "d.py": "import toy.a\n",
    }
    for name, text in files.items():
        (pkg / name).write_text(text)
    graph = import_graph(pkg)
    assert graph["toy.a"] == {"toy.sub", "toy.sub.b"}
    assert graph["toy.sub.c"] == {"toy.a"}
    assert cycles(graph) == [["toy.a", "toy.sub", "toy.sub.c"]]
    assert one_cycle(graph, ["toy.a", "toy.sub", "toy.sub.c"]) == ["toy.a", "toy.sub", "toy.sub.c", "toy.a"]
    (pkg / "sub/c.py").write_text(textwrap.dedent("""\
        def thing():
            pass
    """))
    assert cycles(import_graph(pkg)) == []


def test_the_walker_reads_imports_inside_functions_and_branches(tmp_path):
    pkg = tmp_path / "toy"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("import sys\nif sys:\n    import toy.b\n")
    (pkg / "b.py").write_text("class K:\n    def m(self):\n        from . import a\n")
    assert cycles(import_graph(pkg)) == [["toy.a", "toy.b"]]


# -- every third-party import declared ------------------------------------------------------------

#: Import names whose distribution has another name, for when the distribution is not installed
#: (installed ones are looked up in their metadata first).
DISTRIBUTIONS = {"yaml": "pyyaml", "pptx": "python-pptx", "PIL": "pillow", "bidi": "python-bidi",
                 "fontTools": "fonttools", "zxingcpp": "zxing-cpp", "pyld": "pyld", "openxml_audit": "openxml-audit"}


def third_party_imports(files, local: set[str] = frozenset(), base: Path = ROOT) -> dict[str, tuple[str, bool]]:
    """Top-level third-party module -> (the first place it is imported, whether every import of it
    is guarded by ``except ImportError``), over ``files``; the standard library, relative imports
    and the ``local`` names (the package, the tests' helper modules) left out."""
    found: dict[str, tuple[str, bool]] = {}
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        guarded = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Try) and any(_catches_import_error(h.type) for h in node.handlers):
                guarded |= {id(n) for n in ast.walk(ast.Module(body=node.body, type_ignores=[]))}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in local or top == "__future__":
                    continue
                where, was_guarded = found.get(top, (f"{path.relative_to(base)}:{node.lineno}", True))
                found[top] = (where, was_guarded and id(node) in guarded)
    return found


def _catches_import_error(handler) -> bool:
    names = handler.elts if isinstance(handler, ast.Tuple) else [handler]
    return any(isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError") for n in names)


def normalised(distribution: str) -> str:
    return re.sub(r"[-_.]+", "-", distribution).lower()


def declared(requirements: list[str]) -> set[str]:
    """The distribution names in PEP 508 requirement strings, normalised."""
    return {normalised(re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", r.strip()).group()) for r in requirements}


@functools.cache
def installed_distributions() -> dict[str, list[str]]:
    return importlib.metadata.packages_distributions()


def distributions_of(module: str) -> set[str]:
    installed = installed_distributions().get(module)
    return {normalised(d) for d in installed} if installed else {normalised(DISTRIBUTIONS.get(module, module))}


def undeclared(imports: dict[str, tuple[str, bool]], required: set[str], optional: set[str]) -> list[str]:
    """A line for each import whose distribution is not declared: in ``required`` (or, for an
    import guarded by ``except ImportError``, in ``optional``)."""
    out = []
    for module, (where, guarded) in sorted(imports.items()):
        allowed = required | optional if guarded else required
        if not distributions_of(module) & allowed:
            out.append(f"{where}: imports {module} (distribution {'/'.join(sorted(distributions_of(module)))}), "
                       "which pyproject.toml does not declare")
    return out


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_import_of_the_package_is_declared():
    project = pyproject()["project"]
    extras = {normalised(d) for reqs in project.get("optional-dependencies", {}).values() for d in declared(reqs)}
    imports = third_party_imports(sorted(PACKAGE.rglob("*.py")), local={"workshop"})
    assert {"yaml", "pptx", "PIL", "reportlab", "lxml", "segno"} <= set(imports)  # the walk reaches them
    assert not undeclared(imports, declared(project["dependencies"]), extras), \
        "\n".join(undeclared(imports, declared(project["dependencies"]), extras))


def test_every_import_of_the_tests_is_declared():
    project = pyproject()["project"]
    needed = declared(project["dependencies"]) | declared(project["optional-dependencies"]["test"])
    files = sorted(TESTS.rglob("*.py"))
    local = {"workshop", TESTS.name, *(p.stem for p in files), *(p.name for p in TESTS.rglob("*") if p.is_dir())}
    imports = third_party_imports(files, local=local)
    assert {"pytest", "hypothesis"} <= set(imports)
    assert not undeclared(imports, needed, set()), "\n".join(undeclared(imports, needed, set()))


def test_an_undeclared_import_is_named(tmp_path):
    (tmp_path / "m.py").write_text("import os\nimport yaml\nfrom pptx.util import Pt\n"
                                   "try:\n    import some_optional_thing\nexcept ImportError:\n    pass\n"
                                   "def f():\n    import PIL.Image\n")
    imports = third_party_imports([tmp_path / "m.py"], base=tmp_path)
    assert imports == {"yaml": ("m.py:2", False), "pptx": ("m.py:3", False),
                       "some_optional_thing": ("m.py:5", True), "PIL": ("m.py:9", False)}
    assert declared(["PyYAML>=6", "python_pptx >=1.0.2,<1.1", "tomli>=2; python_version < '3.11'"]) == \
        {"pyyaml", "python-pptx", "tomli"}
    problems = undeclared(imports, {"pyyaml", "python-pptx"}, {"some-optional-thing"})
    assert problems == ["m.py:9: imports PIL (distribution pillow), which pyproject.toml does not declare"]
    assert len(undeclared(imports, {"pyyaml", "python-pptx", "pillow"}, set())) == 1  # the optional one, undeclared


if __name__ == "__main__":  # python tests/test_imports.py: print the cycles
    for component in cycles(import_graph(PACKAGE)):
        print(" -> ".join(one_cycle(import_graph(PACKAGE), component)))
    sys.exit(0)
