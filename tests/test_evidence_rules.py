"""Reading the evidence right: the input-level rules of the CE record (issue 21).

Each input is written the way the real export writes it (Eventbrite's attendee export, Google and
Microsoft Forms, workbooks made with openpyxl with number formats and hidden rows, Zoom's meeting
and webinar reports, Teams' UTF-16 tab-separated report), and each test fails on the reading the
tool had before: a silently wrong record, or a refusal of a correct report.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
from pathlib import Path

import pytest

from conftest import MINIMAL, assert_rejected, run, write
from office import pdf_text


def names_on_certificates(kit: Path) -> list[str]:
    found = []
    for page in pdf_text(kit / "certificates.pdf"):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        found.append(lines[lines.index("This certifies that") + 1])
    return found


def ledger(kit: Path) -> list[dict]:
    with open(kit / "certificates.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


# -- the outline ---------------------------------------------------------------------------------

CE = "ce:\n  provider: Sunrise Consulting\n"


def test_a_pass_mark_written_as_a_fraction_is_refused_at_its_line(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL + "quiz:\n  pass_percent: 0.8\n  questions:\n"
                                      "    - {ask: Trust takes time, answer: true}\n")
    assert_rejected(run("validate", "o.yaml"),
                    "o.yaml:13:17: quiz.pass_percent: 0.8 could be 0.8% or 80%; the pass mark is a percentage: "
                    "write 80 for 80% (or 0.8% if you really mean under one percent)")
    write(in_tmp, "o.yaml", MINIMAL + "quiz:\n  pass_percent: 80\n  questions:\n"
                                      "    - {ask: Trust takes time, answer: true}\n")
    assert run("validate", "o.yaml").exit_code == 0


def test_a_title_written_over_two_lines_prints_with_a_space(in_tmp):
    text = MINIMAL.replace("  title: Minimal workshop\n", "  title: |\n    Ethics in Practice:\n    Boundaries\n") \
        .replace("  - name: Ana Presenter\n", "  - name: >-\n      Ana\n\n      Presenter\n")
    write(in_tmp, "o.yaml", text + CE)
    write(in_tmp, "roster.csv", "name\nAnn Lee\n")
    result = run("build", "o.yaml", "--roster", "roster.csv", "--out", "kit", "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    page = " ".join(pdf_text(in_tmp / "kit" / "certificates.pdf")[0].split())
    assert "Ethics in Practice: Boundaries" in page and "Practice:Boundaries" not in page
    assert "Ana Presenter" in page
    assert ledger(in_tmp / "kit")[0]["title"] == "Ethics in Practice: Boundaries"


def test_an_increment_that_does_not_divide_the_hour_is_refused(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL + CE + "  increment: 0.333\n")
    assert_rejected(run("validate", "o.yaml"),
                    "o.yaml:14:14: ce.increment: 0.333 does not divide the hour (3 x 0.333 = 0.999), so whole hours "
                    "would print short; use a step that goes into an hour exactly: 0.5, 0.25, 0.2, 0.1 (a third of "
                    "an hour has no exact decimal: use 0.25 or 0.5), or 1")
    for fine in ("0.25", "0.5", "0.1"):
        write(in_tmp, "o.yaml", MINIMAL + CE + f"  increment: {fine}\n")
        assert run("validate", "o.yaml").exit_code == 0, fine


def test_a_presenter_listed_twice_is_refused(in_tmp):
    text = MINIMAL.replace("  - name: Ana Presenter\n", "  - name: Ana Presenter\n    email: ana@example.org\n"
                                                        "  - name: Ben Ko\n  - name: ana  presenter\n")
    write(in_tmp, "o.yaml", text)
    assert_rejected(run("validate", "o.yaml"),
                    "o.yaml:8:11: presenter 3: ana  presenter is already listed as presenter 1; list each presenter "
                    "once (delete this entry, or merge the two)")


@pytest.mark.parametrize("written", ["12:00 AM", "12:30 am"])
def test_a_start_at_twelve_am_is_refused_with_both_readings(in_tmp, written):
    write(in_tmp, "o.yaml", MINIMAL.replace("  date: 2026-03-14\n", f"  date: 2026-03-14\n  start: \"{written}\"\n"))
    minute = written[3:5]
    assert_rejected(run("validate", "o.yaml"),
                    f"o.yaml:4:10: workshop.start: {written!r} reads as midnight (00:{minute}) but is often meant as "
                    f"noon; write \"00:{minute}\" for midnight or \"12:{minute}\" (or \"12:{minute} PM\") for noon")


def test_the_time_zone_must_be_one_the_database_knows(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL.replace("  date: 2026-03-14\n", "  date: 2026-03-14\n  timezone: EST5\n"))
    result = run("validate", "o.yaml")
    assert_rejected(result)
    assert any(line.startswith("o.yaml:4:13: workshop.timezone: 'EST5' is not a time zone name; write an IANA name")
               for line in result.lines), result.lines
    write(in_tmp, "o.yaml", MINIMAL.replace("  date: 2026-03-14\n", "  date: 2026-03-14\n  timezone: America/New_York\n"))
    assert run("validate", "o.yaml").exit_code == 0
