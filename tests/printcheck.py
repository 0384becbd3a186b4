"""What a print shop checks in a PDF: every font embedded, the size of every piece of text."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pypdf import PdfReader

from office import require


def unembedded_fonts(pdf: Path) -> list[str]:
    """Names of the fonts ``pdffonts`` reports as not embedded."""
    out = subprocess.run([require("pdffonts"), str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = out.splitlines()[2:]
    return [row.split()[0] for row in rows if row.split()[-5:-4] != ["yes"] and " no " in row[50:]]


def text_sizes(pdf: Path) -> list[list[tuple[str, float]]]:
    """For each page, every piece of drawn text with its size in points (forms included)."""
    pages = []
    for page in PdfReader(pdf).pages:
        found: list[tuple[str, float]] = []

        def visit(text, cm, tm, font, size):
            if text.strip():
                scale = (abs(tm[3] * cm[3]) or 1.0)
                found.append((text, round(size * scale, 2)))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages
