"""The sign-in sheet and evaluation form, read back as text."""

import unicodedata

from pypdf import PdfReader

from support import BUNDLED, OUTLINES, run
from workshop.loader import load_outline
from workshop.typography import typeset


def text_of(path):
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def squash(text):
    return "".join(unicodedata.normalize("NFKC", text).split())


def test_sign_in_lists_every_roster_name_with_columns_and_attestation(tmp_path):
    assert run("build", BUNDLED, "--roster", OUTLINES / "sample-roster.csv", "--out", tmp_path / "k").exit_code == 0
    text = text_of(tmp_path / "k" / "sign-in.pdf")
    for heading in ("Name (print)", "License type", "and number", "Time in", "Signature in", "Time out",
                    "Signature out", "Hours", "(office use)", "Monitor’s attestation", "Saturday, March 14, 2026",
                    "Presenter: Dawn Allred"):
        assert heading in text
    page = squash(text)
    for line in (OUTLINES / "sample-roster.csv").read_text(encoding="utf-8").splitlines()[1:]:
        name = squash(typeset(line.split(",")[0]))  # printed with a typographic apostrophe
        assert name in page or name[::-1] in page, name


def test_blank_sign_in_without_roster_has_numbered_rows(tmp_path):
    assert run("build", BUNDLED, "--out", tmp_path / "k").exit_code == 0
    reader = PdfReader(tmp_path / "k" / "sign-in.pdf")
    numbers = [line.strip() for p in reader.pages for line in p.extract_text().splitlines()]
    assert "30" in numbers and "1" in numbers
    assert "Page 3 of 3" in reader.pages[-1].extract_text()
    assert not (tmp_path / "k" / "certificates.pdf").exists()


def test_evaluation_asks_about_every_objective_and_presenter(tmp_path):
    assert run("build", BUNDLED, "--out", tmp_path / "k").exit_code == 0
    reader = PdfReader(tmp_path / "k" / "evaluation.pdf")
    assert len(reader.pages) <= 2  # one sheet: the open questions may finish on the back
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())  # a long statement wraps
    assert text.count("This objective was met:") == 1
    for objective in load_outline(BUNDLED).objectives:
        assert objective in text
    for expected in ("Dawn Allred, LPC, MAC knew the subject", "relevant to my practice",
                     "venue or online platform", "What would you change?"):
        assert expected in text
