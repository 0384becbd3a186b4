"""What the two kinds of sign-in sheet share: the file, the page, the table's frame and the
monitor's signature lines. A workshop in a room prints the sheet people sign
(:mod:`workshop.builders.signin`); a live online one prints the attendance log the platform's
report fills (:mod:`workshop.attendancelog`), which the monitor signs the same way.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import landscape, letter

from workshop import pdfdraw as d
from workshop.i18n import N_, tr

FILENAME = "sign-in.pdf"
PAGE_W, PAGE_H = landscape(letter)
MARGIN = 36


def header_band(canvas, top: float, height: float) -> None:
    """The tinted band the column titles sit on; leaves the fill in ink for the titles."""
    canvas.setFillColorRGB(0.93, 0.95, 0.97)
    canvas.rect(MARGIN, top - height, PAGE_W - 2 * MARGIN, height, stroke=0, fill=1)
    canvas.setFillColor(d.INK)


def grid(canvas, top: float, bottom: float, columns) -> None:
    """The rules between ``columns`` ((title, width), ...) and the frame around the table."""
    x = MARGIN
    for _, width in columns[:-1]:
        x += width
        canvas.line(x, top, x, bottom)
    canvas.rect(MARGIN, bottom, PAGE_W - 2 * MARGIN, top - bottom, stroke=1, fill=0)


def monitor_lines(canvas, y: float, lang: str = "en") -> None:
    """The lines the monitor signs on at ``y``: name, signature and date, each labelled under it."""
    canvas.setStrokeColor(d.INK)
    canvas.setLineWidth(0.6)
    for label, x0, x1 in ((N_("Monitor's name"), MARGIN, MARGIN + 250), (N_("Signature"), MARGIN + 280, MARGIN + 530),
                          (N_("Date"), MARGIN + 560, PAGE_W - MARGIN)):
        canvas.line(x0, y, x1, y)
        canvas.setFillColor(d.MUTED)
        d.draw(canvas, x0, y - 11, tr(lang, label), 8, "sans")
