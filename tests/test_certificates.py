"""Certificates read back from the PDF: every eligible name, the right hours, a ledger that matches."""

import csv
import hashlib
import unicodedata

import pytest
from pypdf import PdfReader

from support import BUNDLED, MINIMAL, run, write

NAMES = ["José Martínez", "Nguyễn Thị Minh Khai", "Αλέξανδρος Παπαδόπουλος", "Дмитрий Иванов", "王芳",
         "محمد الأحمد", "שרה כהן"]


def today_text() -> str:
    """The date of issue a certificate issued today prints."""
    import datetime

    day = datetime.date.today()
    return f"{day:%B} {day.day}, {day.year}"


def roster(folder):
    rows = ["name,email,license,hours,attended"] + [f"{n},{k}@example.org,LIC {k},," for k, n in enumerate(NAMES)]
    rows += ["=HYPERLINK(\"http://x\"),evil@example.org,,,", "No Show,ns@example.org,,,no",
             "Part Timer,pt@example.org,LPC 9,1.25,"]
    path = folder / "roster.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def normal(text):
    """What a reader sees, whatever order a PDF extractor gives right-to-left letters in."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    folder = tmp_path_factory.mktemp("certs")
    result = run("build", BUNDLED, "--roster", roster(folder), "--out", folder / "kit", "--split")
    assert result.exit_code == 0, result.stderr
    return folder / "kit"


def pages(kit):
    return [p.extract_text() for p in PdfReader(kit / "certificates.pdf").pages]


def ledger(kit):
    with open(kit / "certificates.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_one_page_per_eligible_attendee_with_their_name(kit):
    texts = pages(kit)
    assert len(texts) == len(NAMES) + 2  # the injection name and the partial attendee; not the no-show
    for name, text in zip(NAMES, texts[:len(NAMES)], strict=True):
        page = normal(text)
        assert normal(name) in page or normal(name)[::-1] in page, (name, text)
    assert not any("No Show" in t for t in texts)


def test_page_states_title_date_hours_provider_and_presenter(kit):
    first = pages(kit)[0]
    for expected in ("Certificate of Completion", "José Martínez", "License: LIC 0",
                     "Relationship: What It’s All About", "March 14, 2026", "Atlanta, GA", "3.00 CE hours",
                     "Sunrise Consulting", "Sample statement: approved by the Example Board of Counselors",
                     "Dawn Allred", "LPC, MAC", f"Issued {today_text()}"):
        assert expected in first, expected
    assert "1.25 CE hours awarded for partial attendance" in " ".join(pages(kit)[-1].split())


def test_ledger_matches_the_pages(kit):
    rows = ledger(kit)
    texts = pages(kit)
    assert len(rows) == len(texts) == len(NAMES) + 2  # the names, the formula-like one, the part-timer
    for row, text in zip(rows, texts, strict=True):
        assert f"Certificate ID {row['certificate_id']}" in text
        assert row["title"] == "Relationship: What It's All About" and row["date"] == "2026-03-14"
    assert [r["name"] for r in rows[: len(NAMES)]] == NAMES
    assert rows[-1]["hours"] == "1.25" and rows[0]["hours"] == "3.00"
    assert len({r["certificate_id"] for r in rows}) == len(rows)


def test_ledger_neutralises_formulas(kit):
    row = ledger(kit)[len(NAMES)]
    assert row["name"] == "'=HYPERLINK(\"http://x\")"


def test_page_hash_is_the_pages_content_stream(kit):
    reader = PdfReader(kit / "certificates.pdf")
    rows = ledger(kit)
    assert len(rows) == len(NAMES) + 2
    for row, page in zip(rows, reader.pages, strict=True):
        assert hashlib.sha256(page.get_contents().get_data()).hexdigest() == row["page_sha256"]


def test_split_files_are_named_safely_and_hashed(kit):
    for row in ledger(kit):
        path = kit / row["file"]
        assert path.is_file() and path.name.isascii() and path.name.startswith(row["certificate_id"])
        assert hashlib.sha256(path.read_bytes()).hexdigest() == row["file_sha256"]
        assert len(PdfReader(path).pages) == 1


def test_ids_are_stable_and_files_identical_across_builds(kit, tmp_path):
    result = run("build", BUNDLED, "--roster", roster(tmp_path), "--out", tmp_path / "again", "--split")
    assert result.exit_code == 0
    assert (tmp_path / "again" / "certificates.pdf").read_bytes() == (kit / "certificates.pdf").read_bytes()
    assert (tmp_path / "again" / "certificates.csv").read_bytes() == (kit / "certificates.csv").read_bytes()


def test_fonts_are_embedded(kit):
    reader = PdfReader(kit / "certificates.pdf")
    for page in reader.pages[: len(NAMES)]:
        form = page["/Resources"]["/XObject"]["/FormXob.certificate"].get_object()  # the fixed text
        fonts = list(page["/Resources"]["/Font"].values()) + list(form["/Resources"]["/Font"].values())
        embedded = set()
        for font in (f.get_object() for f in fonts):
            if font["/Subtype"] == "/Type1":
                continue  # reportlab's initial Helvetica, set on every page but never drawn with
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
            embedded.add(str(font["/BaseFont"]).split("+")[-1])
        assert {"NotoSerif-Regular", "NotoSerif-Bold", "Carlito"} <= embedded


def test_attendance_certificate_without_ce_and_long_names_wrap(in_tmp):
    outline = write(in_tmp, "o.yaml", MINIMAL)
    long_name = "Maximiliana Alexandra Konstantinopoulou-Wolfeschlegelsteinhausenbergerdorff Santiago de la Cruz"
    (in_tmp / "r.csv").write_text(f"name\n{long_name}\n", encoding="utf-8")
    assert run("build", outline.name, "--roster", "r.csv", "--out", "kit").exit_code == 0
    text = PdfReader(in_tmp / "kit" / "certificates.pdf").pages[0].extract_text()
    assert "Certificate of Attendance" in text and "CE hours" not in text
    assert normal(long_name) in normal(text)


def test_verify_url_prints_a_qr_code(in_tmp):
    (in_tmp / "r.csv").write_text("name\nAna\n", encoding="utf-8")
    rectangles = []
    for n, ce in enumerate(("ce:\n  provider: P\n", "ce:\n  provider: P\n  verify_url: https://example.org/v/{id}\n")):
        outline = write(in_tmp, "o.yaml", MINIMAL + ce)
        kit = f"kit{n}"  # a new verification address would change issued certificates: a kit of its own
        assert run("build", outline.name, "--roster", "r.csv", "--out", kit, "--only", "certificates").exit_code == 0
        content = PdfReader(in_tmp / kit / "certificates.pdf").pages[0].get_contents().get_data()
        rectangles.append(content.count(b" re"))
    assert rectangles[1] - rectangles[0] > 50  # the QR code's modules are drawn as rectangles


def test_hours_equal_to_the_award_are_not_partial_and_zero_hours_get_no_certificate(in_tmp):
    # a roster made from a sign-in sheet often fills every row's hours, the full ones too
    (in_tmp / "r.csv").write_text("name,CE Hours\nFull Marks,3.00\nAlmost,2.80\nNone,0\n", encoding="utf-8")
    result = run("build", BUNDLED, "--roster", "r.csv", "--out", "kit", "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    assert "warning: r.csv: row 4: no certificate for None: 0 hours" in result.stderr.splitlines()
    texts = pages(in_tmp / "kit")
    assert len(texts) == 2
    assert "3.00 CE hours" in texts[0] and "partial" not in texts[0]
    assert "2.75 CE hours awarded for partial attendance" in " ".join(texts[1].split())
    assert [(r["name"], r["hours"]) for r in ledger(in_tmp / "kit")] == [("Full Marks", "3.00"), ("Almost", "2.75")]
