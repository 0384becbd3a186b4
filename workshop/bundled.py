"""Where the bundled example outline and sample roster live once the package is installed.

In a source checkout (or an editable install) they are the repository's ``outlines/``; the wheel
carries that folder as the package ``workshop.outlines``.
"""

from __future__ import annotations

from pathlib import Path

OUTLINE = "therapeutic-relationship.yaml"
ROSTER = "sample-roster.csv"


def outlines_dir() -> Path | None:
    here = Path(__file__).resolve().parent
    candidates = [here / "outlines", here.parent / "outlines"]
    return next((c for c in candidates if (c / OUTLINE).is_file()), None)


def bundled_outline() -> Path | None:
    folder = outlines_dir()
    return folder / OUTLINE if folder else None


def bundled_roster() -> Path | None:
    folder = outlines_dir()
    return folder / ROSTER if folder and (folder / ROSTER).is_file() else None
