"""Shared helpers: write small outlines into a temporary folder and run the real CLI on them."""

from __future__ import annotations

import os
import tempfile
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from workshop.cli import main

ROOT = Path(__file__).resolve().parent.parent
# The parsed-font cache of every build the tests run goes to a folder of their own, not ~/.cache.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="workshop-test-cache-")
OUTLINES = ROOT / "outlines"
BUNDLED = OUTLINES / "therapeutic-relationship.yaml"
#: Every outline in outlines/ (a decisions file beside one, X.decisions.yaml, is evidence for its build, not an outline).
BUNDLED_OUTLINES = sorted(p for p in OUTLINES.glob("*.yaml") if not p.name.endswith(".decisions.yaml"))
DATA = Path(__file__).resolve().parent / "data"

MINIMAL = """\
workshop:
  title: Minimal workshop
  date: 2026-03-14
presenters:
  - name: Ana Presenter
sections:
  - title: Only section
    minutes: 30
    slides:
      - title: Hello
        bullets: [one, two]
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


class Result:
    def __init__(self, result):
        self.exit_code = result.exit_code
        self.stdout = result.stdout
        self.stderr = result.stderr
        self.exception = result.exception

    @property
    def lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if not line.endswith("nothing was written.")]


def run(*args: str) -> Result:
    """Run the workshop command in-process, the way a user would type it."""
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=True)
    return Result(result)


def assert_rejected(result: Result, *expected: str) -> None:
    """Exit 2, no traceback, and each expected message line printed exactly."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr, result.exception)
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr + result.stdout
    for line in expected:
        assert line in result.lines, f"{line!r} not in {result.lines}"


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch, tmp_path_factory):
    """The variables the build reads, cleared so the developer's shell cannot change a result; the
    provider's signing key made in a folder of the test run's, never the developer's own. The font
    cache is on (in the run's own XDG_CACHE_HOME) and fonts are looked for in the usual folders, whatever
    WORKSHOP_FONT_CACHE or WORKSHOP_FONT_DIRS the shell has; a test that wants them sets them."""
    for name in ("WORKSHOP_JOBS", "SOURCE_DATE_EPOCH", "WORKSHOP_FONT_CACHE", "WORKSHOP_FONT_DIRS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WORKSHOP_KEY_DIR", str(tmp_path_factory.mktemp("keys")))


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Run from a temporary folder so file names in messages are short and predictable."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
