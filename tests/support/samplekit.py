"""The bundled example's kit as a computer with no fonts of its own builds it: every sample name
printed, every font one the package ships."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

from pypdf import PdfReader

from support.office import require

SAMPLE_NAMES = ["José Martínez", "Nguyễn Thị Minh Khai", "Αλέξανδρος Παπαδόπουλος", "Дмитрий Иванов", "王芳",
                "محمد الأحمد", "שרה כהן", "Siobhán O’Connor", "Zoë Van der Berg-Łukasiewicz"]
BUNDLED_FACES = {"Carlito", "Carlito-Bold", "Carlito-Italic", "Carlito-BoldItalic", "NotoSerif-Regular",
                 "NotoSerif-Bold", "NotoSerif-Italic", "NotoSansArabic-Regular", "NotoSansHebrew-Regular",
                 "DroidSansFallback"}


def normal(text: str) -> str:
    """What a reader sees, whatever order or form a PDF extractor gives right-to-left letters in."""
    return "".join(c for c in unicodedata.normalize("NFKC", text) if not c.isspace()
                   and not unicodedata.category(c).startswith("M"))


def fonts_in(pdf: Path) -> set[str]:
    """Every font ``pdffonts`` lists in ``pdf``, embedded or not, without the subset prefix."""
    out = subprocess.run([require("pdffonts"), str(pdf)], check=True, capture_output=True, text=True).stdout
    return {line.split()[0].split("+", 1)[-1] for line in out.splitlines()[2:]}


def check_sample_kit(kit: Path) -> None:
    certificates = normal(" ".join(p.extract_text() for p in PdfReader(kit / "certificates.pdf").pages))
    sign_in = normal(" ".join(p.extract_text() for p in PdfReader(kit / "sign-in.pdf").pages))
    for name in SAMPLE_NAMES:
        forms = {normal(name), normal(name)[::-1]}  # an extractor may give right-to-left text reversed
        assert any(f in certificates for f in forms), name
        assert any(f in sign_in for f in forms), name
    for pdf in sorted(kit.glob("*.pdf")):
        assert fonts_in(pdf) <= BUNDLED_FACES, pdf.name
    assert (kit / "deck.pptx").is_file()
