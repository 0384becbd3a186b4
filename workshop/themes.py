"""The bundled themes: ``templates/<name>/theme.yaml``, each a description and the colours (and,
if it wants, the font) the deck's design and the PDFs take from ``theme``.

In a source checkout (or an editable install) they are the repository's ``templates/``; the wheel
carries that folder as the package ``workshop.templates``. A theme file is ours,
not the user's: a broken one is a bug, so it is read plainly, without the outline's checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class BundledTheme:
    name: str
    description: str
    primary: str  # "RRGGBB"
    accent: str
    font: str = ""
    print_ink: str = ""  # "RRGGBB": the theme's colour for headings and rules on paper


def templates_dir() -> Path | None:
    here = Path(__file__).resolve().parent
    candidates = [here / "templates", here.parent / "templates"]
    return next((c for c in candidates if c.is_dir()), None)


def bundled_themes() -> dict[str, BundledTheme]:
    """Every bundled theme by name, in name order."""
    folder = templates_dir()
    found = {}
    for path in sorted(folder.glob("*/theme.yaml")) if folder else ():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[path.parent.name] = BundledTheme(path.parent.name, data["description"], data["primary"].lstrip("#").upper(),
                                               data["accent"].lstrip("#").upper(), data.get("font", ""),
                                               str(data.get("print", "")).lstrip("#").upper())
    return found


def with_theme(workshop, name: str):
    """``workshop`` with the bundled theme ``name``'s colours and font in place of its own; its
    logo and template stay."""
    from dataclasses import replace

    chosen = bundled_themes()[name]
    return replace(workshop, theme=replace(workshop.theme, name=name, primary=chosen.primary, accent=chosen.accent,
                                           font=chosen.font, print_ink=chosen.print_ink))
