"""Make the README's pictures: slides of the bundled deck in each bundled theme and on a corporate
template, and pages of the PDFs. Run from the project folder (needs LibreOffice and poppler):

    python docs/pictures.py           # every picture
    python docs/pictures.py --deck    # the deck's pictures only

It builds into a temporary folder and writes docs/images/*.png.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
OUTLINE = ROOT / "outlines" / "therapeutic-relationship.yaml"
ROSTER = ROOT / "outlines" / "sample-roster.csv"
EVALUATIONS = ROOT / "outlines" / "sample-evaluations.csv"
#: The slides shown for each theme: title, agenda, short points on cards, numbered steps, a divider, a quote.
SLIDES = (1, 2, 5, 24, 7, 9)


def sh(*args) -> None:
    subprocess.run([str(a) for a in args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def build(outline: Path, out: Path, *extra: str) -> None:
    sh(sys.executable, "-m", "workshop", "build", outline, "--out", out, *extra)


def pages(pdf: Path, folder: Path, dpi: int = 60) -> list[Path]:
    sh("pdftoppm", "-r", dpi, "-png", pdf, folder / pdf.stem)
    return sorted(folder.glob(f"{pdf.stem}-*.png"))


def deck_pages(deck: Path, folder: Path) -> list[Path]:
    sh("soffice", "--headless", "--convert-to", "pdf", "--outdir", folder, deck)
    return pages(folder / (deck.stem + ".pdf"), folder)


def sheet(images: list[Path], columns: int, out: Path, gap: int = 8) -> None:
    opened = [Image.open(p).convert("RGB") for p in images]
    w, h = opened[0].size
    rows = (len(opened) + columns - 1) // columns
    canvas = Image.new("RGB", (columns * w + (columns + 1) * gap, rows * h + (rows + 1) * gap), (235, 235, 235))
    for n, im in enumerate(opened):
        canvas.paste(im.resize((w, h)), (gap + (n % columns) * (w + gap), gap + (n // columns) * (h + gap)))
    canvas.save(out, optimize=True)


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for theme in ("classic", "forest", "sunrise"):
            out = tmp / theme
            build(OUTLINE, out, "--only", "deck", "--theme", theme)
            shots = deck_pages(out / "deck.pptx", out)
            sheet([shots[n - 1] for n in SLIDES], 3, IMAGES / f"theme-{theme}.png")
        # a trainer's own 4:3 corporate template with a renamed layout
        sys.path.insert(0, str(ROOT / "tests"))
        from support.decks import corporate_template

        corp = tmp / "corp"
        corp.mkdir()
        corporate_template(corp / "corp.pptx")
        text = OUTLINE.read_text(encoding="utf-8")
        text = re.sub(r"^theme:.*?(?=^\S)", "", text, flags=re.S | re.M)
        text += "\ntheme:\n  template: corp.pptx\n  layouts: {title_only: Headline Only}\n"
        (corp / "o.yaml").write_text(text, encoding="utf-8")
        build(corp / "o.yaml", corp / "kit", "--only", "deck")
        shots = deck_pages(corp / "kit" / "deck.pptx", corp)
        sheet([shots[n - 1] for n in SLIDES], 3, IMAGES / "theme-template.png")
        if "--deck" in sys.argv[1:]:
            return
        # the PDFs of the classic kit
        kit = tmp / "kit"
        build(OUTLINE, kit, "--roster", ROSTER)
        for name, page, out in (("certificates", 1, "certificate"), ("guide", 1, "guide-run-of-show")):
            shot = pages(kit / f"{name}.pdf", tmp, dpi=70)[page - 1]
            Image.open(shot).save(IMAGES / f"{out}.png", optimize=True)
        handouts = pages(kit / "handouts.pdf", tmp, dpi=70)
        slide_page = handouts[_first_page_of_miniatures(kit / "handouts.pdf")]
        Image.open(slide_page).save(IMAGES / "handout-slides.png", optimize=True)
        evaluation_summary(tmp)


def evaluation_summary(tmp: Path) -> None:
    """The first page of the evaluation summary of the sample responses."""
    build(OUTLINE, tmp / "summary", "--roster", ROSTER, "--evaluations", EVALUATIONS, "--only", "evaluation-summary")
    shot = pages(tmp / "summary" / "evaluation-summary.pdf", tmp, dpi=70)[0]
    Image.open(shot).save(IMAGES / "evaluation-summary.png", optimize=True)


def _first_page_of_miniatures(pdf: Path) -> int:
    """The index of the first handout page with three slide miniatures (a "Slide N" caption each)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return next(k for k, page in enumerate(text.split("\f")) if len(re.findall(r"^\s*Slide \d+\s*$", page, re.M)) >= 3)


if __name__ == "__main__":
    main()
