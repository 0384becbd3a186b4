"""workshop.date_style: every output that prints the workshop's date prints it the same way."""

import datetime as dt

import pytest
from pptx import Presentation

from support import MINIMAL, ROOT, assert_rejected, run, write
from support.office import pdf_text
from support import flat
from workshop.schedule import DATE_STYLES, date_text

DAY = dt.date(2026, 3, 14)
ROSTER = "name\nBob Smith\n"


def test_each_style_prints_its_example():
    for style, example in DATE_STYLES.items():
        assert date_text(DAY, style) == example
    assert date_text(DAY) == "Saturday, March 14, 2026"
    assert date_text(DAY, "", "short") == "March 14, 2026"
    assert date_text(None, "iso") == ""


def _kit(folder, style: str | None, place: str = "Atlanta, GA"):
    line = f"\n  date_style: {style}" if style else ""
    write(folder, "o.yaml", MINIMAL.replace("date: 2026-03-14", f"date: 2026-03-14{line}\n  location: {place}"))
    (folder / "r.csv").write_text(ROSTER, encoding="utf-8")
    result = run("build", folder / "o.yaml", "--roster", folder / "r.csv", "--out", folder / "kit")
    assert result.exit_code == 0, result.stderr
    return folder / "kit"


def _title_slide_text(deck) -> str:
    slide = Presentation(str(deck)).slides[0]
    return flat(" ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame))


@pytest.mark.parametrize("style", ["short", "iso", "day-month", "long-day-month", "long"])
def test_every_output_prints_the_chosen_style(tmp_path, style):
    kit = _kit(tmp_path, style)
    shown = DATE_STYLES[style]
    others = [e for s, e in DATE_STYLES.items() if s != style and e not in shown]
    assert shown in _title_slide_text(kit / "deck.pptx")
    for name in ("handouts", "guide", "sign-in", "evaluation", "certificates"):
        text = flat(" ".join(pdf_text(kit / f"{name}.pdf")))
        assert shown in text, (name, text[:300])
        assert not any(other in text for other in others), name
    certificate = flat(pdf_text(kit / "certificates.pdf")[0])
    today = date_text(dt.date.today(), style)  # the date of issue, in the same style
    assert f"Issued {today}" in certificate or f"Issued {shown}" in certificate, certificate


def test_without_a_style_forms_print_the_long_date_and_certificates_the_short(tmp_path):
    kit = _kit(tmp_path, None)
    assert "Saturday, March 14, 2026" in _title_slide_text(kit / "deck.pptx")
    for name in ("handouts", "guide", "sign-in", "evaluation"):
        assert "Saturday, March 14, 2026" in flat(" ".join(pdf_text(kit / f"{name}.pdf"))), name
    certificate = flat(pdf_text(kit / "certificates.pdf")[0])
    assert "March 14, 2026" in certificate and "Saturday" not in certificate


def test_an_unknown_style_is_refused_at_its_line(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL.replace("date: 2026-03-14", "date: 2026-03-14\n  date_style: european"))
    for command in (("validate", "o.yaml"), ("build", "o.yaml", "--out", "kit")):
        assert_rejected(run(*command),
                        "o.yaml:4:15: workshop.date_style: expected one of long (Saturday, March 14, 2026), short "
                        "(March 14, 2026), iso (2026-03-14), day-month (14 March 2026), long-day-month (Saturday "
                        "14 March 2026); got 'european'")
    assert not (in_tmp / "kit").exists()


def test_the_style_is_documented():
    doc = (ROOT / "docs" / "outline-format.md").read_text(encoding="utf-8")
    for style, example in DATE_STYLES.items():
        assert f"| `{style}` | {example} |" in doc
