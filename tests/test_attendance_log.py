"""The sign-in sheet of a live online workshop is an attendance log filled from the report."""

from __future__ import annotations

from support import run, write
from support.office import pdf_text
from support.attendance import ROSTER, outline, zoom_meeting, decisions

LONG = "Maximiliana Eugenia Wolfeschlegelsteinhausenbergerdorff-Montgomery"


def _log(folder) -> str:
    return "\n".join(pdf_text(folder / "out" / "sign-in.pdf"))


def _row(text: str, name: str) -> list[str]:
    """The words on the log's line that starts with ``name`` (pdftotext -layout keeps a row on a line)."""
    line = next(line for line in text.splitlines() if line.strip().startswith(name))
    return line.split()


def test_online_sign_in_sheet_is_the_attendance_log_with_the_csv_figures(in_tmp):
    write(in_tmp, "ethics.yaml", outline())
    write(in_tmp, "roster.csv", ROSTER + f"{LONG},maximiliana.eugenia.wolfeschlegelsteinhausen@example.edu,LPC 10\n")
    zoom_meeting(in_tmp)
    result = run("build", "ethics.yaml", "--roster", "roster.csv", "--attendance", "zoom.csv", "--out", "out",
                 "--only", "certificates,sign-in")
    assert result.exit_code == 0, result.stderr
    text, rows = _log(in_tmp), decisions(in_tmp)
    assert "Attendance log" in text and "Live interactive webinar" in text and "Sign-in and sign-out" not in text
    pages = pdf_text(in_tmp / "out" / "sign-in.pdf")
    assert len(pages) >= 2  # enough people to need a second page: it repeats the header and the attestation
    for page in pages:
        assert "Hours awarded" in page and "Monitor’s name" in page and "Signature" in page, page
        assert "I attest that this log was produced from the meeting platform’s attendance report" in page, page
    assert "Totals:" in pages[-1]
    for name, row in rows.items():
        if name == LONG:
            continue
        words = _row(text, name)[len(name.split()):]
        assert words[:1] == [row["email"]] if row["email"] else words[:4] == "(none in the report)".split(), name
        words = words[1 if row["email"] else 4:]
        figures = [row["joined"], row["left"]] if row["joined"] else []
        figures += [row["minutes_present"], row["minutes_missed"]]
        assert words[:len(figures)] == figures, name
        if row["certificate"] == "yes":
            assert words[len(figures)] == row["hours"], name
        else:
            cell = " ".join(words[len(figures):])  # the first line of the reason's cell
            assert cell and (row["reason"].startswith(cell) or f"no certificate: {row['reason']}".startswith(cell)), name
    # the reasons read in full for those without a certificate, however the cell wraps
    flat = " ".join(text.split())
    assert "in a report but not on the roster: no certificate" in flat
    assert "not in any attendance report and no time in or out: no certificate" in flat
    assert rows["Hana Ito"]["certificate"] == "no" and "10 / 60 = 0.17 h" in flat
    # a name too long for its cell wraps, never cut
    for piece in ("Maximiliana Eugenia", "Wolfeschlegelsteinhausenbergerdorff-", "Montgomery"):
        assert piece in text
    people = [n for n, r in rows.items() if r["matched"] != "staff"]
    certified = sum(rows[n]["certificate"] == "yes" for n in people)
    assert f"Totals: {len(people)} people · {certified} certified" in flat
    assert f"{len(people) - certified} no certificate" in flat


def test_in_person_build_keeps_the_ordinary_sign_in_sheet(in_tmp):
    write(in_tmp, "ethics.yaml", outline())
    write(in_tmp, "roster.csv", ROSTER)
    result = run("build", "ethics.yaml", "--roster", "roster.csv", "--out", "out", "--only", "sign-in")
    assert result.exit_code == 0, result.stderr
    text = _log(in_tmp)
    # the outline's session is live online: without the platform's report, a record to fill in from it
    # (no paper signatures at a webinar), not the log a report fills
    assert "Attendance record: live online session" in text and "Attendance log" not in text
    assert "Signature in" not in text



def test_watch_rebuilds_the_log_when_only_a_join_time_changes(in_tmp):
    from workshop.watch import Watcher

    write(in_tmp, "ethics.yaml", outline())
    report = zoom_meeting(in_tmp, [("Ann Lee", "ann@example.org", [("17:55", "20:35", False)])])
    watcher = Watcher(in_tmp / "ethics.yaml", in_tmp / "out", say=lambda _: None, complain=lambda _: None,
                      attendance=(report,))
    watcher.start()
    assert _row(_log(in_tmp), "Ann Lee")[3] == "17:55:00"
    # joined earlier still, so her minutes and hours (the roster's figures) stay as they were
    zoom_meeting(in_tmp, [("Ann Lee", "ann@example.org", [("17:58", "20:35", False)])])
    watcher.watched[report.resolve()] = None  # as if a look found the file changed
    watcher.check()
    assert _row(_log(in_tmp), "Ann Lee")[3] == "17:58:00"
