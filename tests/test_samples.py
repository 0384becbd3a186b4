"""The sample files in outlines/ do what they are there to show: the live-online variant builds
from the sample Zoom report (and from the sample Teams report) with the hours the attendance rule
gives the times in the report, stops with its question without the decisions file, and the sample
evaluation responses ask exactly what the printed form asks.

The expected hours are worked out here from the report's own rows, never copied from the output.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import math
import re
import unicodedata
from decimal import Decimal
from fractions import Fraction

from support import OUTLINES, assert_rejected, run
from support.office import pdf_text

ONLINE = OUTLINES / "therapeutic-relationship-online.yaml"
ROSTER = OUTLINES / "sample-roster.csv"
ZOOM = OUTLINES / "sample-zoom-participants.csv"
TEAMS = OUTLINES / "sample-teams-attendance.csv"
TEAMS_DECISIONS = OUTLINES / "sample-teams-attendance.decisions.yaml"
DAY = dt.date(2026, 3, 21)
#: The agenda's instructional windows (09:00 start; the 15-minute break at 10:20) and the rule.
WINDOWS = [("09:00", "10:20"), ("10:35", "12:15")]
FULL, GRACE, INCREMENT = Decimal("3.00"), 10, Fraction(1, 4)

#: Which report rows are whose, read as an organizer would (the host and the dial-in are no one's).
ZOOM_ROWS = {"José Martínez": [9], "Nguyễn Thị Minh Khai": [11], "Αλέξανδρος Παπαδόπουλος": [18],
             "Дмитрий Иванов": [10, 19], "王芳": [6, 16], "محمد الأحمد": [14], "שרה כהן": [17],
             "Siobhán O'Connor": [15], "Zoë Van der Berg-Łukasiewicz": [13], "Aisha Bello": [7, 20],
             "Priya Raghunathan": [12, 21]}
TEAMS_ROWS = {"José Martínez": [30], "Nguyễn Thị Minh Khai": [33], "Αλέξανδρος Παπαδόπουλος": [41],
              "Дмитрий Иванов": [31, 32], "王芳": [39], "محمد الأحمد": [37], "שרה כהן": [40],
              "Siobhán O'Connor": [38], "Zoë Van der Berg-Łukasiewicz": [36], "Aisha Bello": [28],
              "Priya Raghunathan": [34, 35]}


def _at(clock: str) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time.fromisoformat(clock))


def _hours(spans: list[tuple[dt.datetime, dt.datetime]]) -> Decimal | None:
    """The rule of the online variant, written out: None for no certificate."""
    union: list[list[dt.datetime]] = []
    for a, b in sorted(spans):
        if union and a <= union[-1][1]:
            union[-1][1] = max(union[-1][1], b)
        else:
            union.append([a, b])
    seconds = sum(max(0.0, (min(b, _at(w1)) - max(a, _at(w0))).total_seconds()) for a, b in union
                  for w0, w1 in WINDOWS)
    present = int(seconds // 60)
    if 180 - present <= GRACE:
        return FULL
    earned = Decimal(math.floor(Fraction(present, 60) / INCREMENT)) * Decimal("0.25")
    return min(earned, FULL) or None


def _zoom_spans() -> dict[int, tuple[dt.datetime, dt.datetime, bool]]:
    lines = ZOOM.read_text(encoding="utf-8").splitlines()
    assert lines[3].startswith("Name (Original Name),User Email,Join Time,Leave Time")
    found = {}
    for n, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines[3:]))), start=5):
        times = [dt.datetime.strptime(row[k], "%m/%d/%Y %I:%M:%S %p") for k in ("Join Time", "Leave Time")]
        found[n] = (times[0], times[1], row["In Waiting Room"] == "Yes")
    return found


def _teams_spans() -> dict[int, tuple[dt.datetime, dt.datetime, bool]]:
    raw = TEAMS.read_bytes()
    assert raw.startswith(codecs.BOM_UTF16_LE)
    lines = raw.decode("utf-16").splitlines()
    assert [lines.index(s) for s in ("1. Summary", "2. Participants", "3. In-Meeting Activities")] == sorted(
        lines.index(s) for s in ("1. Summary", "2. Participants", "3. In-Meeting Activities"))
    start = lines.index("3. In-Meeting Activities") + 2
    found = {}
    for n, line in enumerate(lines[start:], start=start + 1):
        if line.strip():
            cells = line.split("\t")
            a, b = (dt.datetime.strptime(c, "%m/%d/%y, %I:%M:%S %p") for c in cells[1:3])
            found[n] = (a, b, False)
    return found


def _expected(rows: dict[str, list[int]], spans: dict[int, tuple]) -> dict[str, Decimal | None]:
    return {name: _hours([(a, b) for n in lines for a, b, waiting in [spans[n]] if not waiting])
            for name, lines in rows.items()}


def _kit(folder) -> tuple[dict[str, str], dict[str, str]]:
    """The hours in attendance.csv and on each certificate page, by name."""
    with open(folder / "attendance.csv", encoding="utf-8-sig", newline="") as f:
        decided = {r["name"]: r["hours"] for r in csv.DictReader(f) if r["certificate"] == "yes"}
    printed = {}
    for page in pdf_text(folder / "certificates.pdf"):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        name = lines[lines.index("This certifies that") + 1]
        # as the PDF reads back: bidi embeddings, Arabic presentation forms, a curly apostrophe
        name = re.sub("[\u202a-\u202e]", "", unicodedata.normalize("NFKC", name)).replace("\u2019", "'")
        printed[name] = next(m.group(1) for line in lines if (m := re.match(r"^(\d\.\d\d) CE hours", line)))
        assert "Live interactive webinar" in page
    return decided, printed


def test_the_online_variant_builds_from_the_sample_zoom_report_by_its_rule(in_tmp):
    result = run("build", ONLINE, "--roster", ROSTER, "--attendance", ZOOM, "--out", "out", "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    expected = {name: f"{h:.2f}" for name, h in _expected(ZOOM_ROWS, _zoom_spans()).items() if h is not None}
    assert any(h != "3.00" for h in expected.values()) and "3.00" in expected.values()  # some partial, some full
    decided, printed = _kit(in_tmp / "out")
    assert decided == expected and printed == expected
    assert "Kwame Mensah" not in printed and "Dawn Allred" not in printed  # marked not attended; the host
    # the dial-in row is settled as no one, with its reason, in the outline's decisions file
    assert "row 8 (14045550187) is nobody to certify: 14045550187 is Dawn Allred's mobile" in result.stderr


def test_without_its_decisions_file_the_online_build_stops_with_the_question(in_tmp):
    import shutil

    for name in (ONLINE.name, "therapeutic-relationship.yaml", ROSTER.name, ZOOM.name):
        shutil.copy(OUTLINES / name, in_tmp / name)  # the outline without its decisions file beside it
    result = run("build", ONLINE.name, "--roster", ROSTER.name, "--attendance", ZOOM.name, "--out", "out")
    assert_rejected(result, "sample-zoom-participants.csv:13:1: this row's name 'Zoë Van der Berg-Łukasiewicz' is "
                            "roster row 10's (Zoë Van der Berg-Łukasiewicz), but its email "
                            "zvanderberg@lakeside-clinic.example is not theirs (zoe@example.org). Settle it in "
                            "writing in the decisions file, with the reason:")
    assert not (in_tmp / "out").exists()


def test_the_sample_teams_report_gives_the_same_session_the_same_hours(in_tmp):
    result = run("build", ONLINE, "--roster", ROSTER, "--attendance", TEAMS, "--decisions", TEAMS_DECISIONS,
                 "--out", "out", "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    expected = {name: f"{h:.2f}" for name, h in _expected(TEAMS_ROWS, _teams_spans()).items() if h is not None}
    assert expected == {name: f"{h:.2f}" for name, h in _expected(ZOOM_ROWS, _zoom_spans()).items()
                        if h is not None}
    decided, printed = _kit(in_tmp / "out")
    assert decided == expected and printed == expected


def test_the_sample_evaluations_ask_what_the_printed_form_asks():
    from workshop.builders.evaluation import QUESTIONS, statements
    from workshop.loader import load_outline

    workshop = load_outline(OUTLINES / "therapeutic-relationship.yaml")
    with open(OUTLINES / "sample-evaluations.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, answers = rows[0], rows[1:]
    assert header[0] == "Timestamp"
    grid = [re.fullmatch(r"(.+) \[(.+)\]", h) for h in header[1:-len(QUESTIONS)]]
    assert all(grid), header
    form = [(title, item) for title, items in statements(workshop) for item in items]
    assert [m.group(2) for m in grid] == [item for _, item in form]
    assert [m.group(1) for m in grid][:len(workshop.objectives)] == ["This objective was met:"] * 3
    assert tuple(header[-len(QUESTIONS):]) == QUESTIONS
    with open(ROSTER, encoding="utf-8", newline="") as f:
        came = [r for r in csv.DictReader(f) if r["attended"].strip().lower() not in ("no", "n")]
    assert 5 <= len(answers) <= len(came) and all(len(r) == len(header) for r in answers)  # no more than came
    scale = {"Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree", ""}
    assert all(cell in scale for r in answers for cell in r[1:len(grid) + 1])
    assert all(r[0].startswith(workshop.date.strftime("%Y/%m/%d ")) for r in answers)
