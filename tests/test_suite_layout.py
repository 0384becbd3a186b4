"""The test suite's own layout: helpers in tests/support/ only, and tests/README.md naming every
module of the package with the test files that import it."""

import ast
from pathlib import Path

from support import testmap

TESTS = Path(__file__).resolve().parent


def test_every_module_is_in_the_readme_map_and_nothing_else():
    listed = testmap.listed(testmap.README.read_text(encoding="utf-8"))
    missing = sorted(set(testmap.modules()) - set(listed))
    gone = sorted(set(listed) - set(testmap.modules()))
    assert not missing and not gone, (f"tests/README.md's map lacks {missing} and names {gone}, which are no more; "
                                      "run: python tests/support/testmap.py")
    assert len(listed) == len(set(listed)) > 50


def test_the_map_says_which_test_files_import_a_module():
    found = testmap.module_map()
    assert "test_fuzz.py" in found["workshop.loader"] and "test_schedule.py" in found["workshop.schedule"]
    assert "support/" in found["workshop.verify"]  # imported by tests/support/verifytools.py


def test_no_test_file_imports_another_test_file_or_the_conftest():
    files = sorted(TESTS.glob("test_*.py")) + sorted((TESTS / "support").glob("*.py"))
    assert len(files) > 60
    wrong = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            wrong += [(path.name, name) for name in names
                      if name.split(".")[0].startswith("test_") or name.split(".")[0] in ("conftest", "tests")]
    assert not wrong, f"import shared helpers from tests/support/ instead: {wrong}"
