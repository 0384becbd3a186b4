"""The timing engine: clock times, per-slide timing, CE hours and their errors."""

from decimal import Decimal

import pytest

from support import BUNDLED, MINIMAL, assert_rejected, run, write
from workshop.loader import load_outline
from workshop.model import CE
from workshop.schedule import build_agenda, ce_hours, hours


@pytest.mark.parametrize("minutes, per_hour, increment, expected", [
    (140, 60, "0.25", "2.25"), (180, 60, "0.25", "3.00"), (179, 60, "0.25", "2.75"),
    (175, 50, "0.5", "3.50"), (149, 50, "0.5", "2.50"), (100, 60, "0.1", "1.60"), (59, 60, "0.25", "0.75"), (14, 60, "0.25", "0.00"),
])
def test_ce_hours_round_down(minutes, per_hour, increment, expected):
    assert hours(ce_hours(minutes, CE(minutes_per_hour=per_hour, increment=Decimal(increment)))) == expected


def test_bundled_outline_agenda():
    workshop = load_outline(BUNDLED)
    agenda = build_agenda(workshop)
    assert agenda.total_minutes == 195 and agenda.instructional_minutes == 180
    assert agenda.ce.awarded == Decimal("3.00")
    ten = agenda.item("ten-ways")
    # 45 minutes: the list slide has 10, the activity 20; three slides share the other 15.
    assert [s.minutes for s in ten.segments] == [10, 5, 5, 5, 20]
    assert ten.segments[-1].kind == "activity" and ten.segments[-1].end == ten.end


def test_spare_minutes_go_to_the_earlier_slides(in_tmp):
    path = write(in_tmp, "o.yaml", MINIMAL.replace("minutes: 30", "minutes: 11").replace(
        "bullets: [one, two]", "bullets: [one]\n      - title: B\n      - title: C\n      - title: D\n        minutes: 2"))
    item = build_agenda(load_outline(path)).items[0]
    assert [s.minutes for s in item.segments] == [3, 3, 3, 2]


def test_explicit_minutes_above_the_section(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL + "        minutes: 45\n")
    assert_rejected(run("validate", "o.yaml"), "o.yaml:8:14: section 1, minutes: its slides and "
                    "activities with their own minutes need 45 minutes, more than the section's 30")


def test_ce_hours_above_the_agenda(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL + "ce:\n  provider: P\n  hours: 1\n")
    assert_rejected(run("validate", "o.yaml"), "o.yaml:14:10: ce.hours: 1.00 hours is more than the agenda supports: "
                    "30 instructional minutes / 60 = 0.50 h, rounded down to 0.25 = 0.50 h; the outline awards 1.00 h")


def test_ce_hours_below_the_agenda_is_awarded(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL + "ce:\n  provider: P\n  hours: 0.25\n")
    result = run("schedule", "o.yaml")
    assert result.exit_code == 0
    assert "0.50 h; the outline awards 0.25 h" in result.stdout


def test_agenda_past_the_end(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL.replace("  date: 2026-03-14\n", '  date: 2026-03-14\n  end: "09:20"\n'))
    assert_rejected(run("validate", "o.yaml"), "o.yaml:4:8: workshop.end: the agenda runs from 09:00 to 09:30, "
                                               "10 minutes past the end time 09:20")


def test_bad_ce_rules(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL + "ce:\n  minutes_per_hour: 45\n  increment: 0\n")
    assert_rejected(run("validate", "o.yaml"), "o.yaml:13:21: ce.minutes_per_hour: expected 60 or 50, got 45",
                    "o.yaml:14:14: ce.increment: the increment must be more than zero")


def test_schedule_table_shows_clock_times_and_working():
    result = run("schedule", BUNDLED)
    assert result.exit_code == 0
    out = result.stdout
    assert "10:20  10:35    15   1:35  [break] Morning break" in out
    assert "(optional)" in out
    assert "CE hours: 180 instructional minutes / 60 = 3.00 h, rounded down to 0.25 = 3.00 h" in out
    assert "No ce block" not in out


def test_no_ce_block_gives_null_hours(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL)
    result = run("schedule", "--json", "o.yaml")
    assert '"ce_hours": null' in result.stdout
    assert "No ce block: certificates are of attendance, with no hours." in run("schedule", "o.yaml").stdout


def test_schedule_prints_the_outlines_clock_and_unit(in_tmp):
    text = MINIMAL.replace("date: 2026-03-14", "date: 2026-03-14\n  start: \"1:00 PM\"\n  clock: 12h")
    write(in_tmp, "o.yaml", text + "ce:\n  provider: P\n  unit: contact hours\n")
    out = run("schedule", "o.yaml").stdout
    assert "1:00 PM  1:30 PM    30   0:30  Only section" in out
    assert "Contact hours: 30 instructional minutes / 60 = 0.50 h" in out
    assert "1:00 PM-1:30 PM, 0.50 contact hours" in run("validate", "o.yaml").stdout
