"""Handouts and facilitator guide, read back as text: times, activities, objectives, references."""

import re
import subprocess

import pytest
from pypdf import PdfReader

from support import BUNDLED, DATA, run
from support.office import require
from workshop.builders.handouts import page_ranges
from workshop.deck.plan import plan_deck
from workshop.loader import load_outline
from workshop.schedule import build_agenda, clock
from workshop.typography import typeset

OUTLINES = [BUNDLED, DATA / "full-day.yaml"]


@pytest.fixture(scope="module", params=OUTLINES, ids=["bundled", "full-day"])
def kit(request, tmp_path_factory):
    out = tmp_path_factory.mktemp("kit")
    result = run("build", request.param, "--out", out)
    assert result.exit_code == 0, result.stderr
    workshop = load_outline(request.param)
    return out, workshop, build_agenda(workshop)


def text(path):
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def flat(s):
    return " ".join(s.split())


def test_handouts_carry_agenda_objectives_activities_and_references(kit):
    out, workshop, agenda = kit
    t = flat(text(out / "handouts.pdf"))
    for item in agenda.items:
        assert f"{clock(item.start)}–{clock(item.end)}" in t  # an en dash, as print sets a range
    for objective in workshop.objectives:
        assert typeset(objective) in t
    for reference in workshop.references:
        assert typeset(page_ranges(flat(reference))) in t
    for section in (i.entry for i in agenda.items if i.kind == "section"):
        for activity in section.activities:
            assert f"Activity: {activity.title}" in t
    if agenda.ce:
        assert f"{agenda.ce.awarded:.2f} CE hours" in t


def test_handouts_slide_pages_number_slides_as_the_deck(kit):
    out, workshop, agenda = kit
    t = text(out / "handouts.pdf")
    numbers = [int(n) for n in re.findall(r"Slide (\d+)", t)]
    teaching = [s.number for s in plan_deck(workshop, agenda).slides
                if s.kind in ("content", "statement", "quote", "image", "debrief")]
    assert numbers == teaching and 1 not in numbers  # no title, agenda, divider, break or closing miniature


def test_guide_has_every_time_activity_material_and_debrief(kit):
    out, workshop, agenda = kit
    t = flat(text(out / "guide.pdf"))
    for item in agenda.items:
        assert clock(item.start) in t and clock(item.end) in t
        if item.kind == "section":
            for n, activity in enumerate(item.entry.activities):
                seg = item.activity_time(n)
                assert f"Activity: {activity.title}" in t and clock(seg.start) in t
                for thing in activity.materials:
                    assert f"☐ {thing}" in t
                for question in activity.debrief:
                    assert question in t
    assert "If you are running late" in t and "How the CE hours were calculated" in t


def test_guide_running_late_and_ce_working_for_the_bundled_outline(tmp_path):
    assert run("build", BUNDLED, "--out", tmp_path).exit_code == 0
    t = flat(text(tmp_path / "guide.pdf"))
    assert "180 instructional minutes / 60 = 3.00 h, rounded down to 0.25 = 3.00 h" in t
    # 5 minutes late: the break gives up 5 of its 15 minutes, and no instruction is lost
    assert "5 min shorten ‘Morning break’ by 5 min 12:15 no change: 3.00 (180 instructional min)" in t
    # 10 late: the break's 7 (half of 15) cannot cover it, so the last activity gives the other 3; the
    # optional section stays, as no more is cut than the delay; the hours drop, and the guide says what to do
    assert ("10 min shorten ‘Morning break’ by 7 min; shorten ‘My self-care plan’ by 3 min 12:15 "
            "drops to 2.75, from 3.00 (177 instructional min)") in t
    assert "drop ‘Self-inventory" not in t
    assert "change the CE hours in the outline to the new figure and build the certificates again" in t
    assert "deck slides 4–6" in t


def test_full_day_lunch_and_breaks_in_the_run_of_show(tmp_path):
    assert run("build", DATA / "full-day.yaml", "--out", tmp_path).exit_code == 0
    t = flat(text(tmp_path / "guide.pdf"))
    for row in ("08:30 09:00 30 0:30 Section Opening", "09:00 09:15 15 0:45 Break Coffee",
                "10:45 11:45 60 3:15 Break Lunch", "12:45 13:00 15 4:30 Break Afternoon break"):
        assert row in t
    assert "Case review (optional: cut if late)" in t


@pytest.mark.parametrize("name", ["handouts.pdf", "guide.pdf", "sign-in.pdf", "evaluation.pdf"])
def test_pdfs_pass_qpdf_check(tmp_path, name):
    assert run("build", BUNDLED, "--out", tmp_path).exit_code == 0
    subprocess.run([require("qpdf"), "--check", str(tmp_path / name)], check=True, capture_output=True)
