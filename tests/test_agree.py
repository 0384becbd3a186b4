"""One outline, every output agrees: the times and hours read back from the deck's notes, the
guide, the handouts and the sign-in sheet are those ``workshop schedule --json`` gives, after an
edit and a partial rebuild too; every minute of a section is planned; the late plan cuts no more
than the delay."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from pathlib import Path

from pptx import Presentation

from support import BUNDLED, OUTLINES, run, write
from support.office import pdf_text

#: The bundled outline's own knowledge check, on slides.
QUIZ = """
deck: {quiz: true}
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
            assert "Timing: at 12:10, before ‘Thank you’, 3:10 in, 0:05 left" in notes, (title, notes)
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
    assert "10:10 10:33 23 Open open time: no slide or activity planned" in guide
    assert "11:03 11:34 31 Open open time: no slide or activity planned" in guide
    assert "Open time 11:03–11:34 · 31 minutes the outline gives to no slide or activity" in guide


def test_a_section_whose_slides_share_its_minutes_has_no_open_time(tmp_path):
    outline = write(tmp_path, "full.yaml", GAPS.replace("        minutes: 5\n", "", 1))
    result = run("validate", outline)
    assert result.exit_code == 0 and "'Talk' runs" not in result.stderr, result.stderr
    assert "'Practice' runs" in result.stderr


# -- build --only after an edit ------------------------------------------------------------------


def lengthen_introduction(outline: Path, minutes: int = 40) -> None:
    text = outline.read_text(encoding="utf-8")
    edited = text.replace("    title: Introduction\n    minutes: 15\n", f"    title: Introduction\n    minutes: {minutes}\n", 1)
    assert edited != text
    outline.write_text(edited, encoding="utf-8")


def deck_text(pptx: Path) -> str:
    parts = []
    for slide in Presentation(str(pptx)).slides:
        parts += [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        parts.append(slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "")
    return " ".join(" ".join(parts).split())


def flat_pdf(pdf: Path) -> str:
    return " ".join(" ".join(pdf_text(pdf)).split())


def assert_kit_agrees(kit: Path, agenda: dict) -> None:
    """The times and hours of ``workshop schedule --json``, read back from every output."""
    hours = f"{agenda['ce_hours']:.2f} CE hours"
    deck, handouts, guide, signin = (deck_text(kit / "deck.pptx"), flat_pdf(kit / "handouts.pdf"),
                                     flat_pdf(kit / "guide.pdf"), flat_pdf(kit / "sign-in.pdf"))
    for item in agenda["items"]:
        span = f"{item['start']}–{item['end']}"
        assert span in deck, ("deck", span)
        assert span in handouts, ("handouts", span)
        assert f"{item['start']} {item['end']} {item['minutes']} " in guide, ("guide", span)
    whole = f"{agenda['start']}–{agenda['end']}"
    assert f"Timing: the workshop runs {whole}" in deck
    for name, text in (("deck", deck), ("handouts", handouts), ("guide", guide), ("sign-in", signin)):
        assert hours in text, (name, hours)
    assert f"Scheduled {whole} · {hours}" in signin


def test_only_deck_after_an_edit_rebuilds_and_names_what_would_contradict_it(tmp_path):
    outline, kit = copy_bundled(tmp_path), tmp_path / "kit"
    assert run("build", outline, "--out", kit).exit_code == 0
    lengthen_introduction(outline)
    agenda = schedule(outline)
    assert (agenda["items"][0]["end"], agenda["end"], agenda["ce_hours"]) == ("09:40", "12:40", 3.25)
    evaluation = (kit / "evaluation.pdf").read_bytes()
    result = run("build", outline, "--only", "deck", "--out", kit)
    assert result.exit_code == 0, result.stderr
    # the quiz is made from the CE hours too (its per-hour check), so the bundled outline's quiz comes along
    assert ("Also rebuilt handouts.pdf, guide.pdf, sign-in.pdf, quiz.gift, not named in --only: they show what the outline "
            "changed, and would have contradicted the rest of the kit.") in result.stdout
    assert_kit_agrees(kit, agenda)
    assert (kit / "evaluation.pdf").read_bytes() == evaluation  # it shows no time: left alone
    # nothing changed since: --only builds only what it names
    again = run("build", outline, "--only", "deck", "--out", kit)
    assert again.exit_code == 0 and "Built 1 file" in again.stdout and "Also rebuilt" not in again.stdout


def test_only_leaves_issued_certificates_and_a_named_sign_in_sheet_and_says_so(tmp_path):
    outline, kit = copy_bundled(tmp_path), tmp_path / "kit"
    roster = OUTLINES / "sample-roster.csv"
    assert run("build", outline, "--roster", roster, "--out", kit).exit_code == 0
    before = {n: (kit / n).read_bytes() for n in ("certificates.pdf", "certificates.csv", "sign-in.pdf")}
    lengthen_introduction(outline)
    result = run("build", outline, "--only", "deck", "--out", kit)
    assert result.exit_code == 0, result.stderr
    assert "Also rebuilt handouts.pdf, guide.pdf, quiz.gift, not named in --only" in result.stdout
    assert f"warning: {kit}/certificates.pdf: shows the outline as it was when it was made" in result.stderr
    assert "certificates are issued records, so this build leaves them as they are" in result.stderr
    assert f"warning: {kit}/sign-in.pdf: shows the outline as it was when it was made, not as it is now, " \
           "and lists the roster's names" in result.stderr
    assert {n: (kit / n).read_bytes() for n in before} == before
    # with the roster, the longer day would change every issued certificate's hours: that build stops
    # and lists the changes (the record's rule), leaving every record as it was
    result = run("build", outline, "--only", "deck", "--roster", roster, "--out", kit)
    assert result.exit_code == 2
    assert "hours '3.00' would become '3.25'" in result.stderr and "--reissue" in result.stderr
    assert {n: (kit / n).read_bytes() for n in before} == before
    result = run("build", outline, "--only", "deck", "--roster", roster, "--out", kit, "--reissue", "longer intro")
    assert result.exit_code == 0, result.stderr
    signin = flat_pdf(kit / "sign-in.pdf")
    assert "Scheduled 09:00–12:40 · 3.25 CE hours" in signin and "José Martínez" in signin
    assert "3.25 CE hours" in flat_pdf(kit / "certificates.pdf")  # the reissued versions, made with the rest


# -- the smaller points --------------------------------------------------------------------------


def one_slide(folder, name, title, slide):
    """An outline of one 20-minute section with one slide, "Points"; ``slide`` is the rest of that
    slide's keys (its first at line 11)."""
    head = ("workshop:\n  title: {title}\n  date: 2026-03-14\npresenters:\n  - name: Ana Presenter\n"
            "sections:\n  - title: Talk\n    minutes: 20\n    slides:\n      - title: Points\n")
    return write(folder, name, head.format(title=title) + textwrap.indent(textwrap.dedent(slide), " " * 8))


def test_a_list_written_line_by_line_in_notes_stays_a_list_in_the_guide(tmp_path):
    outline = one_slide(tmp_path, "notes.yaml", "Notes", """\
        bullets: [a]
        notes: |
          Cover these:
          - point one
          - point two
          1. first step
          2. second step
        """)
    assert run("build", outline, "--only", "guide", "--out", tmp_path / "kit").exit_code == 0
    lines = [" ".join(line.split()) for page in pdf_text(tmp_path / "kit" / "guide.pdf") for line in page.splitlines()]
    for item in ("• point one", "• point two", "1. first step", "2. second step"):
        assert any(line.endswith(item) for line in lines), (item, lines)
    assert not any("point one - point two" in line or "point one • point two" in line for line in lines)


def test_an_unquoted_yes_or_no_bullet_is_one_problem_not_two(tmp_path):
    outline = one_slide(tmp_path, "yes.yaml", "Yes or no", """\
        bullets:
          - Yes
          - No
          -
        """)
    for command in ("validate", "build"):
        result = run(command, outline, *(("--out", tmp_path / "kit") if command == "build" else ()))
        assert result.exit_code == 2
        problems = [line for line in result.lines if "problem" not in line]
        assert problems == [
            f"{outline}:12:13: section 1, slide 1, bullet 1: expected text, got Yes (read as true/false; put it in quotes)",
            f"{outline}:13:13: section 1, slide 1, bullet 2: expected text, got No (read as true/false; put it in quotes)",
            f"{outline}:14:12: section 1, slide 1, bullet 3: empty; write its text or delete the line"], problems


def test_a_question_of_several_lines_keeps_them_in_the_canvas_export(tmp_path):
    import html
    import xml.etree.ElementTree as ET
    import zipfile

    outline = write(tmp_path, "quiz.yaml", """\
        workshop:
          title: Quiz
          date: 2026-03-14
        presenters:
          - name: Ana Presenter
        objectives:
          - Name the first step
        sections:
          - title: Talk
            minutes: 20
            slides:
              - title: Points
                bullets: [a]
        quiz:
          questions:
            - ask: |
                Read the case:
                A client arrives late & upset.
                What comes first?
              objective: 1
              choices: [Listen, Reschedule]
              answer: Listen
        """)
    assert run("build", outline, "--only", "quiz", "--out", tmp_path / "kit").exit_code == 0
    with zipfile.ZipFile(tmp_path / "kit" / "quiz-qti.zip") as archive:
        name = next(n for n in archive.namelist() if n.endswith(".xml") and "manifest" not in n
                    and b"<item " in archive.read(n))
        root = ET.fromstring(archive.read(name))
    qti = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
    shown = next(root.iter(f"{qti}item")).find(f"{qti}presentation/{qti}material/{qti}mattext").text
    shown = " ".join(shown.split())  # as a browser shows HTML: a line end in the text is a space
    lines = re.sub(r"\s*(<br/>|</p><p>)\s*", "\n", shown)
    assert html.unescape(re.sub(r"<[^>]+>", "", lines)).split("\n") == [
        "Read the case:", "A client arrives late & upset.", "What comes first?"]
