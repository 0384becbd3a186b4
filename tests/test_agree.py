"""One outline, every output agrees: the times and hours read back from the deck's notes, the
guide, the handouts and the sign-in sheet are those ``workshop schedule --json`` gives, after an
edit and a partial rebuild too; every minute of a section is planned; the late plan cuts no more
than the delay."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from pptx import Presentation

from conftest import BUNDLED, OUTLINES, run, write
from office import pdf_text

QUIZ = """
deck: {quiz: true}
quiz:
  questions:
    - {ask: Trust takes time to build, objective: 1, answer: true}
    - ask: Which is a core component?
      objective: 1
      choices: [Trust, Billing]
      answer: Trust
"""


def schedule(outline: Path) -> dict:
    result = run("schedule", "--json", outline)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def deck_notes(pptx: Path) -> list[tuple[str, str]]:
    """(title, speaker notes) of each slide, in order."""
    out = []
    for slide in Presentation(str(pptx)).slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        out.append((title, notes))
    return out


def minutes(text: str) -> int:
    hour, minute = text.split(":")
    return int(hour) * 60 + int(minute)


def cue_times(notes: str) -> tuple[int, int] | None:
    """The window of a slide's "Timing:" note as minutes since midnight: (start, end)."""
    match = re.search(r"Timing: (?:at (\d\d:\d\d)|(\d\d:\d\d)–(\d\d:\d\d))", notes)
    if match is None:
        return None
    at, start, end = match.groups()
    return (minutes(at), minutes(at)) if at else (minutes(start), minutes(end))


def copy_bundled(folder: Path, extra: str = "") -> Path:
    outline = folder / "workshop.yaml"
    outline.write_text(BUNDLED.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return outline


def test_end_matter_and_quiz_are_timed_when_the_deck_shows_them(tmp_path):
    outline = copy_bundled(tmp_path, QUIZ)
    assert run("build", outline, "--only", "deck", "--out", tmp_path / "kit").exit_code == 0
    agenda = schedule(outline)
    slides = deck_notes(tmp_path / "kit" / "deck.pptx")
    times = [(title, cue_times(notes)) for title, notes in slides]
    assert all(t is not None for title, t in times[1:]), [title for title, t in times if t is None]
    starts = [t[0] for _, t in times[1:]]
    assert starts == sorted(starts), times  # no slide is timed before the one shown ahead of it
    assert times[-1] == ("Thank you", (minutes("12:10"), minutes(agenda["end"])))
    for title, notes in slides:
        if title.startswith(("References", "Stay in touch", "Knowledge check", "Answer to")):
            assert "Timing: at 12:10, before 'Thank you', 3:10 in, 0:05 left" in notes, (title, notes)
            assert "as the workshop ends" not in notes


LATE = """\
workshop:
  title: Late plan
  date: 2026-03-14
  start: "09:00"
presenters:
  - name: Ana Presenter
ce:
  provider: Sunrise
sections:
  - title: Opening
    minutes: 45
    slides:
      - title: Welcome
        bullets: [hello]
    activities:
      - title: Pairs
        minutes: 20
  - break: Coffee
    minutes: 10
  - title: Extra practice
    minutes: 30
    optional: true
    slides:
      - title: More
        bullets: [more]
  - title: Main
    minutes: 125
    slides:
      - title: Core
        bullets: [core]
"""


def late_rows(guide: Path) -> dict[str, str]:
    """The running-late table of the guide: "10 min" -> the rest of its row, as one line."""
    page = next(p for p in pdf_text(guide) if "If you are running late" in p)
    table = page.split("If you are running late", 1)[1]
    rows: dict[str, str] = {}
    current = None
    for line in table.splitlines():
        match = re.match(r"\s*(\d+ min)\s{2,}(.*)", line)
        if match:
            current = match.group(1)
            rows[current] = match.group(2)
        elif current and line.strip() and not line.strip().startswith(("Where", "How")):
            rows[current] += " " + line.strip()
        elif line.strip().startswith(("Where", "How")):
            break
    return {k: " ".join(v.split()) for k, v in rows.items()}


def test_ten_minutes_late_costs_ten_minutes_not_a_section(tmp_path):
    outline = write(tmp_path, "late.yaml", LATE)
    agenda = schedule(outline)
    assert agenda["ce_hours"] == 3.25 and agenda["end"] == "12:30"
    assert run("build", outline, "--only", "guide", "--out", tmp_path / "kit").exit_code == 0
    rows = late_rows(tmp_path / "kit" / "guide.pdf")
    # the break gives 5 of its 10 minutes, the activity 5 of its 20: the hours and the end hold
    assert rows["10 min"].startswith("shorten ‘Coffee’ by 5 min; shorten ‘Pairs’ by 5 min 12:30 no change: 3.25"), rows
    assert "drop ‘" not in rows["10 min"] and "drop ‘" not in rows["15 min"]
    for behind in ("5 min", "10 min", "15 min"):
        assert "12:30" in rows[behind]  # never ends early: a cut takes only what the delay needs
    # 20 minutes is more than the break and activity can give: then, and only then, the optional section
    assert rows["20 min"].startswith("drop ‘Extra practice’ (30 min) 12:20"), rows


def test_the_slack_before_the_end_time_is_used_before_any_cut(tmp_path):
    outline = OUTLINES / "therapeutic-relationship-nurses.yaml"
    agenda = schedule(outline)
    assert (agenda["end"], agenda["ce_hours"]) == ("15:40", 2.5)
    assert run("build", outline, "--only", "guide", "--out", tmp_path / "kit").exit_code == 0
    rows = late_rows(tmp_path / "kit" / "guide.pdf")
    assert set(rows) == {"5 min", "10 min", "15 min", "20 min"}
    for behind, row in rows.items():
        assert "shorten" not in row and "drop ‘" not in row, row
        assert f"no change: {agenda['ce_hours']:.2f}" in row
    assert rows["20 min"].startswith("run on 20 min") and "16:00" in rows["20 min"]


GAPS = """\
workshop:
  title: Gaps
  date: 2026-03-14
  start: "10:00"
presenters:
  - name: Ana Presenter
sections:
  - title: Talk
    minutes: 33
    slides:
      - title: One
        minutes: 5
        bullets: [a]
      - title: Two
        minutes: 5
        bullets: [b]
  - title: Practice
    minutes: 61
    activities:
      - title: Role play
        minutes: 30
        instructions: Pairs.
  - title: Close
    minutes: 10
    slides:
      - title: Goodbye
        bullets: [bye]
"""


def test_every_minute_of_a_section_is_planned_or_named(tmp_path):
    outline = write(tmp_path, "gaps.yaml", GAPS)
    warnings = ["section 1, minutes: 'Talk' runs 33 minutes, but its slides and activities are given 10; the other "
                "23 minutes (10:10–10:33) go to no slide or activity",
                "section 2, minutes: 'Practice' runs 61 minutes, but its slides and activities are given 30; the "
                "other 31 minutes (11:03–11:34) go to no slide or activity"]
    lines = {"section 1": "gaps.yaml:9:14:", "section 2": "gaps.yaml:18:14:"}
    for command in (("validate", outline), ("build", outline, "--out", tmp_path / "kit")):
        result = run(*command)
        assert result.exit_code == 0, result.stderr
        for warning in warnings:
            said = [line for line in result.stderr.splitlines() if warning in line]
            assert len(said) == 1, (warning, result.stderr)
            assert lines[warning.split(",")[0]] in said[0]  # at the section's minutes: line
    agenda = schedule(outline)
    # every section's end is where the deck's notes of its last slide say it ends
    latest = []
    for title, notes in deck_notes(tmp_path / "kit" / "deck.pptx"):
        if "for the whole section" in notes or not cue_times(notes):
            continue
        latest.append(max(minutes(t) for t in re.findall(r"\b\d\d:\d\d\b", notes)))
    for item in agenda["items"]:
        assert minutes(item["end"]) in latest, (item, latest)
    guide = " ".join(" ".join(page.split()) for page in pdf_text(tmp_path / "kit" / "guide.pdf"))
    assert "10:10 10:33 23 open open time: no slide or activity planned" in guide
    assert "11:03 11:34 31 open open time: no slide or activity planned" in guide
    assert "Open time 11:03–11:34 · 31 minutes the outline gives to no slide or activity" in guide


def test_a_section_whose_slides_share_its_minutes_has_no_open_time(tmp_path):
    outline = write(tmp_path, "full.yaml", GAPS.replace("        minutes: 5\n", "", 1))
    result = run("validate", outline)
    assert result.exit_code == 0 and "'Talk' runs" not in result.stderr, result.stderr
    assert "'Practice' runs" in result.stderr
