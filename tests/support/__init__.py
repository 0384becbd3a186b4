"""What the tests share: the bundled outlines, small outlines written into a temporary folder, the
real CLI run on them the way a user types it. The modules beside this one hold the helpers of one
kind each: ``office`` (LibreOffice and poppler), ``printcheck`` (what a print shop checks),
``decks`` (PowerPoint decks made at test time), ``giftparse`` (a GIFT reader), ``verifytools``
(the verification site), ``attendance`` (an online delivery and its reports), ``samplekit`` (the
bundled kit built from the package's own fonts). No test file imports from another test file."""

from __future__ import annotations

import textwrap
import unicodedata
from pathlib import Path

from click.testing import CliRunner

from workshop.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
OUTLINES = ROOT / "outlines"
BUNDLED = OUTLINES / "therapeutic-relationship.yaml"
#: Every outline in outlines/ (a decisions file beside one, X.decisions.yaml, is evidence for its build, not an outline).
BUNDLED_OUTLINES = sorted(p for p in OUTLINES.glob("*.yaml") if not p.name.endswith(".decisions.yaml"))
DATA = ROOT / "tests" / "data"

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


def leaves(node):
    """Every value of a YAML tree that is neither a mapping nor a list, in document order."""
    if isinstance(node, dict):
        node = list(node.values())
    if isinstance(node, list):
        for value in node:
            yield from leaves(value)
    else:
        yield node


def flat(text):
    """Page text as one line of words, whatever the line breaks."""
    return " ".join(unicodedata.normalize("NFKC", text).split())
