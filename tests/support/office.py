"""Helpers that use real office tools: LibreOffice to open a deck, poppler to read PDFs."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def require(tool: str) -> str:
    path = shutil.which(tool)
    assert path, f"{tool} is not installed; .ci/run installs it from Debian's packages"
    return path


#: Whether the test being set up is marked ``office`` (tests/conftest.py sets it before each test's
#: fixtures): only such a test may start LibreOffice, so ``-m "not office"`` never waits for it.
OFFICE_TEST = False


def pptx_to_pdf(pptx: Path, out_dir: Path) -> Path:
    """Open the deck in LibreOffice Impress and export it as PDF."""
    assert OFFICE_TEST, "this test renders through LibreOffice: mark it (or the tests using its fixture) @pytest.mark.office"
    soffice = require("soffice")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out_dir), str(pptx)], check=True, capture_output=True, timeout=300)
    pdf = out_dir / (pptx.stem + ".pdf")
    assert pdf.exists() and pdf.stat().st_size > 0, "LibreOffice could not open the deck"
    return pdf


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def pdf_words(pdf: Path) -> list[list[Word]]:
    """Every word of every page with its box, in points, as poppler's pdftotext reads it."""
    out = subprocess.run([require("pdftotext"), "-bbox", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    pages = []
    for page in re.findall(r"<page[^>]*>(.*?)</page>", out, re.S):
        words = [Word(html.unescape(t), float(a), float(b), float(c), float(d)) for a, b, c, d, t in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                            page)]
        pages.append(words)
    return pages


def pdf_text(pdf: Path) -> list[str]:
    """The text of each page, in reading order."""
    out = subprocess.run([require("pdftotext"), "-layout", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    return out.split("\f")[:-1]


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


@dataclass(frozen=True)
class Seen:
    """A word as a reader sees it on the rendered page: its contrast and its height in points."""

    page: int
    text: str
    contrast: float
    height: float
    box: Word

    @property
    def large(self) -> bool:
        """WCAG's large text (24 px and up, about 1.15 x that as a box), which needs only 3:1."""
        return self.height >= 24 * 1.15


def seen_words(pdf: Path, dpi: int = 100) -> list[Seen]:
    """Every word of ``pdf`` measured on the page as pdftoppm renders it, the way
    /work/shared/tools/pagecheck.py does: the background is the commonest colour in a ring just
    outside the word's box, the ink the pixel inside it that differs most from that background."""
    from PIL import Image

    pages = pdf_words(pdf)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([require("pdftoppm"), "-r", str(dpi), "-png", str(pdf), f"{tmp}/p"], check=True)
        images = [Image.open(p).convert("RGB") for p in sorted(Path(tmp).glob("p-*.png"))]
    lum: dict[tuple, float] = {}
    seen = []
    for n, (words, image) in enumerate(zip(pages, images, strict=True), 1):
        px, (w, h) = image.load(), image.size
        k = dpi / 72
        for word in words:
            a, b = max(int(word.x0 * k), 0), max(int(word.y0 * k), 0)
            c, d = min(max(a + 1, int(word.x1 * k)), w - 1), min(max(b + 1, int(word.y1 * k)), h - 1)
            if c - a < 1 or d - b < 1:
                continue
            ring: dict[tuple, int] = {}
            for x in range(max(a - 3, 0), min(c + 3, w - 1)):
                for y in (max(b - 3, 0), min(d + 2, h - 1)):
                    ring[px[x, y]] = ring.get(px[x, y], 0) + 1
            for y in range(max(b - 3, 0), min(d + 3, h - 1)):
                for x in (max(a - 3, 0), min(c + 2, w - 1)):
                    ring[px[x, y]] = ring.get(px[x, y], 0) + 1
            bg = max(ring.items(), key=lambda kv: kv[1])[0]
            inks = {px[x, y] for x in range(a, c) for y in range(b, d)}
            for colour in inks | {bg}:
                if colour not in lum:
                    lum[colour] = _luminance(colour)
            lb = lum[bg]
            best = max(((max(lum[i], lb) + 0.05) / (min(lum[i], lb) + 0.05) for i in inks), default=1.0)
            seen.append(Seen(n, word.text, best, word.y1 - word.y0, word))
    return seen


def unreadable(seen: list[Seen]) -> list[tuple[int, str, float]]:
    """The words below WCAG AA: 4.5:1, or 3:1 for large text."""
    return [(s.page, s.text, round(s.contrast, 2)) for s in seen
            if s.contrast < (3.0 if s.large else 4.5) and re.search(r"\w", s.text)]
