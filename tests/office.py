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


def pptx_to_pdf(pptx: Path, out_dir: Path) -> Path:
    """Open the deck in LibreOffice Impress and export it as PDF."""
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
