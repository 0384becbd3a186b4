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
