"""workshop.latecuts on its own: the smallest cuts that absorb a delay, in the documented order
(the slack before the end time, breaks, activities, an optional section last), and what each plan
leaves of the day's end and its CE hours. Every figure is worked out from the outline below."""

import pytest

from support import write
from workshop.latecuts import late_plan
from workshop.loader import load_outline
from workshop.schedule import build_agenda

OUTLINE = """\
workshop:
  title: Late
  date: 2026-03-14
  start: "09:00"
presenters:
  - name: Ana Presenter
ce:
  provider: Sunrise Consulting
  minutes_per_hour: 60
  increment: 0.25
sections:
  - title: First
    minutes: 60
    slides:
      - title: One
    activities:
      - title: Pairs
        minutes: 20
  - break: Coffee
    minutes: 20
  - title: Extra
    minutes: 30
    optional: true
    slides:
      - title: Two
  - title: Last
    minutes: 60
    slides:
      - title: Three
    activities:
      - title: Cases
        minutes: 10
"""
END = 9 * 60 + 60 + 20 + 30 + 60  # 11:50, in minutes since midnight; 150 instructional minutes, 2.50 hours


def plan(folder, behind, extra=""):
    outline = write(folder, "o.yaml", OUTLINE.replace('  start: "09:00"\n', '  start: "09:00"\n' + extra))
    workshop = load_outline(outline)
    return late_plan(workshop, build_agenda(workshop), behind)


def test_a_small_delay_comes_out_of_the_break(tmp_path):
    late = plan(tmp_path, 10)
    assert late.cuts == ("shorten 'Coffee' by 10 min",) and late.recovered == 10 and late.end == END
    assert late.instructional_minutes == 150 and str(late.hours) == "2.50" and late.holds


def test_then_half_of_each_activity_latest_first(tmp_path):
    late = plan(tmp_path, 20)  # the break gives 10, Cases 5, Pairs the last 5
    assert late.cuts == ("shorten 'Coffee' by 10 min", "shorten 'Cases' by 5 min", "shorten 'Pairs' by 5 min")
    assert late.end == END and late.instructional_minutes == 140 and str(late.hours) == "2.25" and not late.holds


def test_an_optional_section_only_when_the_trims_cannot_cover_it_and_then_alone(tmp_path):
    late = plan(tmp_path, 30)  # the trims give 25 at most: Extra goes, and its 30 minutes need no trim
    assert late.cuts == ("drop 'Extra' (30 min)",) and late.recovered == 30 and late.end == END
    assert late.instructional_minutes == 120 and not late.holds


def test_what_nothing_absorbs_moves_the_end(tmp_path):
    late = plan(tmp_path, 100)
    assert late.recovered == 10 + 5 + 10 + 30 and late.end == END + 100 - 55
    assert len(late.cuts) == 4 and late.cuts[-1] == "drop 'Extra' (30 min)"


@pytest.mark.parametrize("behind, cuts", [(10, ("run on 10 min (the outline's end time allows it)",)),
                                           (15, ("run on 10 min (the outline's end time allows it)",
                                                 "shorten 'Coffee' by 5 min"))])
def test_the_slack_before_the_end_time_goes_first(tmp_path, behind, cuts):
    late = plan(tmp_path, behind, '  end: "12:00"\n')
    assert late.slack == 10 and late.cuts == cuts and late.end == END + 10 and late.holds
