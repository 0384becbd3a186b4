"""What a print shop checks in a PDF: every font embedded, the size of every piece of text."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pypdf import PdfReader

from support.office import require


def unembedded_fonts(pdf: Path) -> list[str]:
    """Names of the fonts ``pdffonts`` reports as not embedded."""
    out = subprocess.run([require("pdffonts"), str(pdf)], check=True, capture_output=True, text=True).stdout
    header, _, *rows = out.splitlines()
    emb = header.index("emb")
    return [row.split()[0] for row in rows if row[emb:emb + 3].strip() != "yes"]


def embedded_faces(pdf: Path) -> set[str]:
    """The fonts embedded in ``pdf``, by name without the subset prefix."""
    out = subprocess.run([require("pdffonts"), str(pdf)], check=True, capture_output=True, text=True).stdout
    return {line.split()[0].split("+", 1)[-1] for line in out.splitlines()[2:] if "yes" in line.split()[-4:-3]}


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


def render(pdf: Path, page: int, dpi: int, out_dir: Path):
    """Page ``page`` (1-based) rendered by poppler, as a Pillow RGB image."""
    from PIL import Image

    stem = out_dir / f"render-{pdf.stem}-{page}"
    subprocess.run([require("pdftoppm"), "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", "-png",
                    str(pdf), str(stem)], check=True)
    return Image.open(f"{stem}.png").convert("RGB")


def _luminance(rgb) -> float:
    def channel(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _ratio(a, b) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def low_contrast_words(pdf: Path, page: int, out_dir: Path, dpi: int = 100) -> list[tuple[str, float]]:
    """Words on the rendered page whose ink is below WCAG AA against the colour around them: the
    background is the commonest colour in a ring just outside the word's box, the ink the pixel
    inside the box that differs most from it (3:1 for large text, 4.5:1 otherwise)."""
    from collections import Counter

    from support.office import pdf_words

    image = render(pdf, page, dpi, out_dir)
    px, (width, height) = image.load(), image.size
    scale = dpi / 72
    low = []
    for word in pdf_words(pdf)[page - 1]:
        a, b = max(int(word.x0 * scale), 0), max(int(word.y0 * scale), 0)
        c, d = min(max(a + 1, int(word.x1 * scale)), width - 1), min(max(b + 1, int(word.y1 * scale)), height - 1)
        ring = Counter(px[x, y] for x in range(max(a - 3, 0), min(c + 3, width - 1))
                       for y in (max(b - 3, 0), min(d + 2, height - 1)))
        ring.update(px[x, y] for y in range(max(b - 3, 0), min(d + 3, height - 1))
                    for x in (max(a - 3, 0), min(c + 2, width - 1)))
        background = ring.most_common(1)[0][0]
        best = max((_ratio(px[x, y], background) for x in range(a, c) for y in range(b, d)), default=21.0)
        large = word.y1 - word.y0 >= 24 * 1.15
        if best < (3.0 if large else 4.5) and any(ch.isalnum() for ch in word.text):
            low.append((word.text, round(best, 2)))
    return low
