"""The bundled themes' PowerPoint masters: ``templates/<name>/master.pptx``.

Each is a real .pptx with no slides: the slide master, its layouts with the theme's design in
them (the title bar and its rule, full-bleed backgrounds), and a theme whose colours and fonts
are the theme's, so PowerPoint's pickers offer them. A deck built with ``theme: {name: NAME}`` is
built on that file; a trainer may open it in PowerPoint, change it, and use the copy as their own
``theme.template``.

The files are made by this module from ``templates/<name>/theme.yaml``; run
``python -m workshop.deck.masters`` after changing a theme (a test checks they are up to date).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from workshop import model as m
from workshop.deck.design import DEFAULT_LAYOUTS, decoration, emu
from workshop.deck.frame import frame_for
from workshop.deck.package import Media, marked_notes_page, skeleton, write_package

MASTER = "master.pptx"
#: Fixed, so a master made twice is the same file.
STAMP = dt.datetime(2026, 1, 1)


def design_parts(theme: m.Theme):
    """The package around a deck in the built-in design for ``theme``'s colours and font."""
    frame = frame_for(theme)
    face = theme.font or "Calibri"
    scheme = (("dk2", frame.palette.primary), ("accent1", frame.palette.primary), ("accent2", frame.palette.accent),
              ("name", theme.name or "workshop"), ("major", face), ("minor", face),
              ("on_primary", frame.palette.on_primary), ("on_primary_muted", frame.palette.on_primary_muted),
              ("text", frame.palette.body_text))
    return skeleton(None, (emu(frame.width), emu(frame.height)), DEFAULT_LAYOUTS,
                    decoration(frame.palette, frame.width, frame.hero.get("section")), scheme)


def master_bytes(name: str, primary: str, accent: str, font: str = "") -> bytes:
    """The master .pptx of the bundled theme ``name``."""
    theme = m.Theme(primary=primary, accent=accent, font=font, name=name)
    package = design_parts(theme)
    media = Media({part for part, _ in package.parts if part.startswith("ppt/media/")})
    return write_package(package, f"{name} theme for workshop", [], media, STAMP)


#: The notes page of every master (they share python-pptx's notes master), with the notes' place
#: marked: written beside the masters by :func:`write_masters`, so a deck built on a master needs
#: no python-pptx at all.
NOTES_PAGE = Path(__file__).resolve().parent.parent / "data" / "notes-page.xml"


def bundled_master(theme: m.Theme) -> Path | None:
    """The bundled master a deck for ``theme`` is built on: its bundled theme's, when the outline
    kept that theme's colours and font (an outline with no theme has the classic theme's); None
    when it changed them (the design is then made in those colours, the same way)."""
    from workshop.themes import bundled_themes, templates_dir

    if theme.template is not None:
        return None
    themes = bundled_themes()
    wanted = (theme.primary.upper(), theme.accent.upper(), theme.font)
    name = theme.name or next((n for n, t in themes.items() if (t.primary, t.accent, t.font) == wanted), "")
    chosen = themes.get(name)
    folder = templates_dir()
    if chosen is None or folder is None or (chosen.primary, chosen.accent, chosen.font) != wanted:
        return None
    path = folder / name / MASTER
    return path if path.is_file() and NOTES_PAGE.is_file() else None


def notes_page(theme: m.Theme) -> str:
    """A notes page of the design, the notes' place marked (see :data:`NOTES_PAGE`)."""
    return marked_notes_page(design_parts(theme))


def write_masters(folder: Path) -> list[Path]:
    """(Re)write every bundled theme's master in ``folder`` (the project's templates/)."""
    from workshop.themes import bundled_themes

    written = []
    page = notes_page(m.Theme()).encode("utf-8")
    if not NOTES_PAGE.is_file() or NOTES_PAGE.read_bytes() != page:
        NOTES_PAGE.parent.mkdir(exist_ok=True)
        NOTES_PAGE.write_bytes(page)
        written.append(NOTES_PAGE)
    for name, chosen in bundled_themes().items():
        path = folder / name / MASTER
        data = master_bytes(name, chosen.primary, chosen.accent, chosen.font)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            written.append(path)
    return written


if __name__ == "__main__":
    from workshop.themes import templates_dir

    for path in write_masters(templates_dir()):
        print(f"wrote {path}")
    sys.exit(0)
