"""workshop.timezone: an IANA name checked at its line, and its abbreviation on the workshop's day
printed beside the times every output gives, read back from each PDF and the deck."""

from __future__ import annotations

import datetime as dt

import pytest
from pptx import Presentation

from support import BUNDLED, MINIMAL, OUTLINES, assert_rejected, run, write
from support.office import pdf_text
from support.attendance import ROSTER, outline, zoom_meeting
from workshop.loader import load_outline
from workshop.zones import zone_label


def _zoned(folder, zone, date="2026-03-14"):
    """The bundled outline on ``date`` in ``zone``, 12-hour clock."""
    return write(folder, "o.yaml", f"""\
        extends: {BUNDLED}
        workshop:
          date: {date}
          timezone: {zone}
          clock: 12h
        """)


def _slides(path):
    return [[shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
            for slide in Presentation(path).slides]


def _kit(folder, outline_path):
    result = run("build", outline_path, "--roster", OUTLINES / "sample-roster.csv", "--out", folder / "kit")
    assert result.exit_code == 0, result.stderr
    return folder / "kit"


@pytest.fixture(scope="module")
def summer_kit(tmp_path_factory):
    folder = tmp_path_factory.mktemp("zone")
    return _kit(folder, _zoned(folder, "America/New_York", "2026-07-11"))


def test_the_deck_names_the_zone_in_the_agenda_title_and_on_break_slides(summer_kit):
    slides = _slides(summer_kit / "deck.pptx")
    agenda = next(s for s in slides if any(t.startswith("Agenda") for t in s))
    assert "Agenda · all times EDT" in agenda
    assert "9:00–9:15 AM\tIntroduction" in "\n".join(agenda)  # the rows stay as they were
    breaks = [t for s in slides for t in s if "back at" in t]
    assert breaks == ["15 minutes · back at 10:35 AM EDT"]


def test_every_pdf_that_prints_clock_times_names_the_zone_once_where_they_are_read(summer_kit):
    handouts = "\n".join(pdf_text(summer_kit / "handouts.pdf"))
    assert "Time (EDT)" in handouts and handouts.count("EDT") == 1
    guide = " ".join(" ".join(pdf_text(summer_kit / "guide.pdf")).split())
    assert "9:00 AM–12:15 PM EDT (3:15)" in guide and "The day is planned to end at 12:15 PM EDT." in guide
    sign_in = " ".join(pdf_text(summer_kit / "sign-in.pdf")[0].split())
    assert "Scheduled 9:00 AM–12:15 PM EDT" in sign_in
    # the evaluation form and the certificates print no clock time, so no zone
    for name in ("evaluation.pdf", "certificates.pdf"):
        assert "EDT" not in " ".join(pdf_text(summer_kit / name)), name


def test_the_abbreviation_is_the_one_in_use_on_the_workshops_day(in_tmp):
    kit = _kit(in_tmp, _zoned(in_tmp, "America/New_York", "2026-01-17"))
    assert "Time (EST)" in "\n".join(pdf_text(kit / "handouts.pdf"))
    assert any("Agenda · all times EST" in s for s in _slides(kit / "deck.pptx"))


def test_without_a_timezone_no_output_names_one(tmp_path):
    kit = _kit(tmp_path, BUNDLED)
    text = " ".join(" ".join(pdf_text(kit / f)) for f in ("handouts.pdf", "guide.pdf", "sign-in.pdf"))
    assert "EDT" not in text and "EST" not in text and "Time (" not in text
    assert any("Agenda" in s for s in _slides(kit / "deck.pptx"))


def test_the_attendance_log_names_the_zone_beside_its_times(in_tmp):
    text = outline().replace("workshop:\n", "workshop:\n  timezone: America/Chicago\n", 1)
    write(in_tmp, "ethics.yaml", text)
    write(in_tmp, "roster.csv", ROSTER)
    zoom_meeting(in_tmp)
    result = run("build", "ethics.yaml", "--roster", "roster.csv", "--attendance", "zoom.csv", "--out", "out",
                 "--only", "certificates,sign-in")
    assert result.exit_code == 0, result.stderr
    log = " ".join(pdf_text(in_tmp / "out" / "sign-in.pdf")[0].split())
    assert "Attendance log" in log
    assert "instructional time counted: 18:00–19:30, 19:45–20:30 CDT" in log and "scheduled 18:00–20:30 CDT" in log


@pytest.mark.parametrize("name, day, minute, label", [
    ("America/New_York", dt.date(2026, 7, 4), 18 * 60, "EDT"),
    ("America/New_York", dt.date(2026, 12, 5), 18 * 60, "EST"),
    ("America/Phoenix", dt.date(2026, 7, 4), 9 * 60, "MST"),
    ("Europe/London", dt.date(2026, 7, 4), 9 * 60, "BST"),
    ("Asia/Kolkata", dt.date(2026, 7, 4), 9 * 60, "IST"),
    ("Europe/Istanbul", dt.date(2026, 7, 4), 9 * 60, "UTC+03"),
    ("America/New_York", None, 9 * 60, "New York time"),  # EST or EDT would be a guess without the day
    ("Asia/Kolkata", None, 9 * 60, "IST"),
    (None, dt.date(2026, 7, 4), 9 * 60, ""),
])
def test_the_label_comes_from_the_zone_database(name, day, minute, label):
    assert zone_label(name, day, minute) == label


def test_a_valid_zone_is_kept_on_the_model(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL.replace("workshop:\n", "workshop:\n  timezone: America/Denver\n", 1))
    assert load_outline(in_tmp / "o.yaml").timezone == "America/Denver"
    write(in_tmp, "p.yaml", MINIMAL)
    assert load_outline(in_tmp / "p.yaml").timezone is None


@pytest.mark.parametrize("written, message", [
    ("america/new_york", "unknown time zone 'america/new_york'; did you mean America/New_York? (an IANA name: a "
                         "region and a city, as in America/Chicago or Europe/London)"),
    ("New York", "unknown time zone 'New York'; did you mean America/New_York? (an IANA name: a region and a city, "
                 "as in America/Chicago or Europe/London)"),
    ("Eastern Standard Time", "unknown time zone 'Eastern Standard Time'; did you mean America/New_York? (an IANA "
                              "name: a region and a city, as in America/Chicago or Europe/London)"),
    ("Europe/Lodnon", "unknown time zone 'Europe/Lodnon'; did you mean Europe/London? (an IANA name: a region and a "
                      "city, as in America/Chicago or Europe/London)"),
    ("EST", "EST is a fixed rule, not a place, and may be an hour off for part of the year; write the zone of the "
            "workshop's city, such as America/New_York"),
    ("Mars/Olympus_Mons", "unknown time zone 'Mars/Olympus_Mons'; write an IANA name: a region and a city, as in "
                          "America/New_York, America/Chicago or Europe/London"),
])
def test_a_zone_the_database_does_not_know_is_refused_at_its_line_with_the_name_to_write(in_tmp, written, message):
    write(in_tmp, "o.yaml", MINIMAL.replace("workshop:\n", f"workshop:\n  timezone: {written}\n", 1))
    for command in (("validate", "o.yaml"), ("build", "o.yaml", "--out", "kit")):
        assert_rejected(run(*command), f"o.yaml:2:13: workshop.timezone: {message}")
    assert not (in_tmp / "kit").exists()
