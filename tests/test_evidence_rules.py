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

from support import MINIMAL, assert_rejected, run, write
from support.office import pdf_text


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
    assert any(line.startswith("o.yaml:4:13: workshop.timezone: unknown time zone 'EST5'; write an IANA name")
               for line in result.lines), result.lines
    write(in_tmp, "o.yaml", MINIMAL.replace("  date: 2026-03-14\n", "  date: 2026-03-14\n  timezone: America/New_York\n"))
    assert run("validate", "o.yaml").exit_code == 0


# -- rosters: registration exports, forms, workbooks ------------------------------------------------

EVENTBRITE_HEADER = ("Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Order Type,Total Paid,"
                     "Eventbrite Fees,Eventbrite Payment Processing,Attendee Status")


def eventbrite(*people: tuple[str, str, str, str]) -> str:
    rows = [EVENTBRITE_HEADER]
    for n, (first, last, email, status) in enumerate(people):
        rows.append(f"{1234567890 + n},2026-02-0{n + 1} 10:15:00-05:00,{first},{last},{email},1,General Admission,"
                    f"Eventbrite Completed,25.00,2.49,0.98,{status}")
    return "\n".join(rows) + "\n"


def build_roster(folder: Path, roster: str) -> object:
    write(folder, "o.yaml", MINIMAL + CE)
    return run("build", "o.yaml", "--roster", roster, "--out", "kit", "--only", "certificates")


def test_an_eventbrite_export_of_registrations_is_not_attendance(in_tmp):
    write(in_tmp, "eventbrite.csv", eventbrite(("Ann", "Lee", "ann@example.org", "Attending"),
                                               ("Bob", "Roe", "bob@example.org", "Attending"),
                                               ("Cat", "Doe", "cat@example.org", "Not Attending")))
    assert_rejected(build_roster(in_tmp, "eventbrite.csv"),
                    "eventbrite.csv: row 2, Attendee Status: the column 'Attendee Status' holds registration statuses "
                    "('Attending'), not attendance: holding a ticket or a place is not having come. Add an "
                    "'Attended' column (yes or no for each person), or give the check-in export instead (Eventbrite: "
                    "the attendee report after check-in, where those who came say 'Checked In')")
    assert not (in_tmp / "kit" / "certificates.pdf").exists()
    for statuses in (("Registered", "Not Checked In"), ("Registered", "Registered")):
        write(in_tmp, "form.csv", "Name,Email,Status\n" + "".join(f"P{n} Q,p{n}@example.org,{s}\n"
                                                                  for n, s in enumerate(statuses)))
        assert_rejected(build_roster(in_tmp, "form.csv"))


def test_beside_check_ins_a_registration_is_a_no_show(in_tmp):
    write(in_tmp, "eventbrite.csv", eventbrite(("Ann", "Lee", "ann@example.org", "Checked In"),
                                               ("Bob", "Roe", "bob@example.org", "Attending"),
                                               ("Cat", "Doe", "cat@example.org", "Not Checked In")))
    result = build_roster(in_tmp, "eventbrite.csv")
    assert result.exit_code == 0, result.stderr
    assert [r["name"] for r in ledger(in_tmp / "kit")] == ["Ann Lee"]
    assert ("warning: eventbrite.csv: row 3: 'Attending' is a registration, not a check-in: not attended, no "
            "certificate; if they came, write Checked In (or yes)") in result.stderr


GOOGLE_FORM = ("Timestamp,Email Address,Full Name,Name as it should appear on your certificate,License number\n"
               "2026/03/14 9:02:11 AM GMT-4,ann@example.org,ann lee,\"Ann B. Lee, LCSW\",LCSW 1234\n"
               "2026/03/14 9:03:40 AM GMT-4,bo@example.org,Bo Chen,,LPC 77\n")


def test_the_forms_certificate_name_is_preferred_and_both_columns_are_named(in_tmp):
    write(in_tmp, "form.csv", GOOGLE_FORM)
    result = build_roster(in_tmp, "form.csv")
    assert result.exit_code == 0, result.stderr
    assert [r["name"] for r in ledger(in_tmp / "kit")] == ["Ann B. Lee, LCSW", "Bo Chen"]
    assert ("warning: form.csv: the name printed comes from 'Name as it should appear on your certificate' (as each "
            "person asked it to appear on the certificate), not from 'Full Name'; 'Full Name' is used only where "
            "that answer is blank") in result.stderr
    assert ("warning: form.csv: row 3: the certificate-name answer is blank; printed the name 'Bo Chen' from the "
            "form's other name column") in result.stderr


def test_a_microsoft_forms_workbook_prefers_the_certificate_name(in_tmp):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
                  "Name as it should appear on your certificate", "License number"])
    sheet.append([1, dt.datetime(2026, 3, 14, 9, 1), dt.datetime(2026, 3, 14, 9, 4), "alee@contoso.org", "Lee, Ann",
                  None, "Ann Lee", "LPC 1"])
    book.save(in_tmp / "msforms.xlsx")
    result = build_roster(in_tmp, "msforms.xlsx")
    assert result.exit_code == 0, result.stderr
    assert [r["name"] for r in ledger(in_tmp / "kit")] == ["Ann Lee"]
    assert "not from 'Name'" in result.stderr


def licence_workbook(folder: Path, rows, hidden: tuple[int, ...] = ()) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Name", "Email", "License"])
    for name, email, licence, fmt in rows:
        sheet.append([name, email, licence])
        if fmt:
            sheet.cell(row=sheet.max_row, column=3).number_format = fmt
    for row in hidden:
        sheet.row_dimensions[row].hidden = True
    book.save(folder / "roster.xlsx")
    return folder / "roster.xlsx"


def test_workbook_numbers_print_as_the_sheet_shows_them(in_tmp):
    licence_workbook(in_tmp, [("Ann Lee", "ann@example.org", 4512, "000000"),
                              ("Bo Chen", "bo@example.org", 4512, '"LPC "000000'),
                              ("Cy Dee", "cy@example.org", 123456789012, "0"),
                              ("Di Fa", "di@example.org", 987, None)])
    result = build_roster(in_tmp, "roster.xlsx")
    assert result.exit_code == 0, result.stderr
    assert [(r["name"], r["license"]) for r in ledger(in_tmp / "kit")] == [
        ("Ann Lee", "004512"), ("Bo Chen", "LPC 004512"), ("Cy Dee", "123456789012"), ("Di Fa", "987")]


def test_a_number_longer_than_a_spreadsheet_keeps_is_refused(in_tmp):
    licence_workbook(in_tmp, [("Ann Lee", "ann@example.org", 1.5e15, "0")])
    assert_rejected(build_roster(in_tmp, "roster.xlsx"),
                    "roster.xlsx: row 2, column C: the number 1.5E+15 has more digits than a spreadsheet "
                    "number keeps (15), so its last digits may be lost; format the column as Text and type the "
                    "value again")


def test_hidden_workbook_rows_are_refused(in_tmp):
    licence_workbook(in_tmp, [("Ann Lee", "ann@example.org", "LPC 1", None),
                              ("Bo Chen", "bo@example.org", "LPC 2", None),
                              ("Cy Dee", "cy@example.org", "LPC 3", None)], hidden=(3,))
    assert_rejected(build_roster(in_tmp, "roster.xlsx"),
                    "roster.xlsx: row 3: the row is hidden in the workbook (hidden, or filtered out), so it cannot be "
                    "told whether it was meant: unhide it (select the rows around it, right-click > Unhide, or clear "
                    "the filter) and delete it, or mark it attended no")
    assert not (in_tmp / "kit" / "certificates.csv").exists()


def test_every_problem_with_typed_sign_in_times_is_reported_in_one_run(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL.replace("  date: 2026-03-14\n", "  date: 2026-03-14\n  start: \"18:00\"\n") + CE)
    write(in_tmp, "signin.csv", "Name,Email,Time In,Time Out\nAnn Lee,ann@x.org,6:00,8:30\nBo Chen,bo@x.org,18:00,"
                                "17:00\nCy Dee,cy@x.org,18:00,\nDi Fa,di@x.org,6pm,18:30\nEd Go,ed@x.org,6:05,6:25\n"
                                "Fay Ho,fay@x.org,18:00,18:30\n")
    for command in ("validate", "build"):
        assert_rejected(
            run(command, "o.yaml", "--roster", "signin.csv"),
            "signin.csv: row 2, time in: 06:00 to 08:30 ends before the workshop starts at 18:00; if these are "
            "afternoon or evening times, write them as 18:00 or 6:00 PM",
            "signin.csv: row 3, time out: 17:00 is not after the time in (18:00); write times like 18:05 or 6:05 PM",
            "signin.csv: row 4, time out: blank, but the time in is written; write both times, or neither if the "
            "attendee did not come",
            "signin.csv: row 5, time in: expected a time like 18:05 or 6:05 PM, got '6pm'",
            "signin.csv: row 6, time in: 06:05 to 06:25 ends before the workshop starts at 18:00; if these are "
            "afternoon or evening times, write them as 18:00 or 6:00 PM")


# -- attendance reports ------------------------------------------------------------------------------

from support.attendance import DAY, FULL, certificates, hours_line, teams_time, zoom_meeting  # noqa: E402
from support.attendance import outline as online_outline  # noqa: E402


def test_a_display_name_is_not_the_persons_name(in_tmp):
    """Brackets with credentials, pronouns or a device are not the name; dial-ins are no one."""
    write(in_tmp, "ethics.yaml", online_outline())
    full = [("17:58", "20:31", False)]
    zoom_meeting(in_tmp, [("Dawn Allred", "dawn@example.org", [("17:50", "20:40", False)]),
                          ('"Ann Lee (LCSW, LCADC)"', "ann@example.org", full),  # quoted, as Zoom does
                          ("Maria Gomez (Maria's iPad)", "maria@example.org", full),
                          ("Sam Roe (he/him)", "sam@example.org", full),
                          ("Bo (Robert Diaz)", "bob@example.org", full),
                          ("14045550100", "", full),
                          ("+1 404-555-0199", "", full),
                          ("Call-in User_1", "", full)])
    args = ("build", "ethics.yaml", "--attendance", "zoom.csv", "--out", "out", "--only", "certificates")
    asked = run(*args)  # a dial-in is no one's presence until it is settled in writing
    assert asked.exit_code == 2
    assert ("zoom.csv:10:1: '14045550100' is a dial-in (a phone, not a name): whose presence it is cannot be read "
            "from the report. Settle it in writing") in asked.stderr
    assert "zoom.csv:11:1: '+1 404-555-0199' is a dial-in" in asked.stderr and "zoom.csv:12:1:" in asked.stderr
    assert "zoom.csv:9:1: the display name 'Bo (Robert Diaz)' has a bracket that is not a credential" in asked.stderr
    write(in_tmp, "ethics.decisions.yaml", "".join(f"- row: zoom.csv:{n}\n  nobody: true\n  reason: the co-host's "
                                                   "lines\n" for n in (10, 11, 12))
          + "- row: zoom.csv:9\n  name: Robert Diaz\n  reason: Bo is what Robert Diaz goes by; his account name\n")
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert sorted(certificates(in_tmp)) == ["Ann Lee", "Maria Gomez", "Robert Diaz", "Sam Roe"]
    assert "zoom.csv row 10 (14045550100) is nobody to certify: the co-host's lines" in result.stderr

    from workshop.attendance.report import read_report

    report = read_report(in_tmp / "zoom.csv", DAY)
    read = {j.display: (j.name, j.bracket, j.bracket_kind) for j in report.joins}
    assert read["Ann Lee"] == ("Ann Lee", "LCSW, LCADC", "credentials")
    assert read["Maria Gomez"] == ("Maria Gomez", "Maria's iPad", "device")
    assert read["Sam Roe"] == ("Sam Roe", "he/him", "pronouns")
    assert read["Bo"] == ("Robert Diaz", "Robert Diaz", "original name")
    assert [(j.display, j.phone, j.name, j.names) for j in report.phones] == [
        ("14045550100", True, "14045550100", ()), ("+1 404-555-0199", True, "+1 404-555-0199", ()),
        ("Call-in User_1", True, "Call-in User_1", ())]
    assert not any(j.phone for j in report.joins)


def teams_report(folder: Path, people, name: str = "teams.csv", stamp=teams_time) -> Path:
    """A Teams attendance report as Teams writes it: UTF-16 with a byte-order mark, tabs, sections."""
    lines = ["1. Summary", "Meeting title\tEthics online", f"Attended participants\t{len(people)}",
             f"Start time\t{stamp('17:50')}", f"End time\t{stamp('20:40')}", "Meeting duration\t2h 50m 0s",
             "", "2. Participants",
             "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole"]
    for person, email, role, joins in people:
        first, last = min(a for a, _ in joins), max(b for _, b in joins)
        lines.append(f"{person}\t{stamp(first)}\t{stamp(last)}\t1h\t{email}\t{email}\t{role}")
    lines += ["", "3. In-Meeting Activities", "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole"]
    for person, email, role, joins in people:
        lines += [f"{person}\t{stamp(a)}\t{stamp(b)}\t1m\t{email}\t{role}" for a, b in joins]
    (folder / name).write_bytes(codecs.BOM_UTF16_LE + "\r\n".join(lines).encode("utf-16-le"))
    return folder / name


def test_teams_last_first_names_print_as_the_persons_name(in_tmp):
    write(in_tmp, "ethics.yaml", online_outline())
    full = [("17:59", "20:31")]
    teams_report(in_tmp, [("Allred, Dawn", "dawn@example.org", "Organizer", [("17:50", "20:40")]),
                          ("Lee, Ann", "ann@example.org", "Attendee", full),
                          ("Diaz, Robert (External)", "bob@partner.org", "Attendee", full),
                          ("Ko, Ben, LCSW", "ben@example.org", "Attendee", full)])
    result = run("build", "ethics.yaml", "--attendance", "teams.csv", "--out", "out", "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    assert certificates(in_tmp) == {"Ann Lee": hours_line(FULL), "Robert Diaz": hours_line(FULL),
                                    "Ben Ko": hours_line(FULL)}


def test_a_teams_name_with_more_commas_than_last_first_is_refused(in_tmp):
    write(in_tmp, "ethics.yaml", online_outline())
    teams_report(in_tmp, [("Lee, Ann, Marie", "ann@example.org", "Attendee", [("17:59", "20:31")])])
    assert_rejected(run("build", "ethics.yaml", "--attendance", "teams.csv", "--out", "out"),
                    "teams.csv:14:1: the name 'Lee, Ann, Marie' cannot be read as one person's name (a directory's "
                    "\"Last, First\" has one comma); give a roster with this person's name and email, or correct the "
                    "name in Teams")


def test_one_persons_overlapping_teams_sessions_count_once_and_are_not_cut_short(in_tmp):
    """Laptop and phone at once: the phone's row is the last in the activities but ends first."""
    write(in_tmp, "ethics.yaml", online_outline())
    teams_report(in_tmp, [("Ann Lee", "ann@example.org", "Attendee", [("17:58", "20:31"), ("18:40", "19:10")]),
                          ("Bo Chen", "bo@example.org", "Attendee", [("17:58", "19:00"), ("18:30", "20:31"),
                                                                      ("19:30", "19:45")])])
    result = run("build", "ethics.yaml", "--attendance", "teams.csv", "--out", "out", "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    assert certificates(in_tmp) == {"Ann Lee": hours_line(FULL), "Bo Chen": hours_line(FULL)}


def shifted(people, hours: int):
    """ZOOM_PEOPLE-shaped rows with every time moved by whole hours."""
    move = lambda clock: (dt.datetime.combine(DAY, dt.time.fromisoformat(clock))  # noqa: E731
                          + dt.timedelta(hours=hours)).strftime("%H:%M")
    return [(cell, email, [(move(a), move(b), w) for a, b, w in joins]) for cell, email, joins in people]


@pytest.mark.parametrize("timezone", ["", "America/New_York"])
def test_a_report_an_hour_off_the_agenda_is_refused_naming_the_time_zone(in_tmp, timezone):
    from support.attendance import ZOOM_PEOPLE

    text = online_outline()
    if timezone:
        text = text.replace("  location: Live online\n", f"  location: Live online\n  timezone: {timezone}\n")
    write(in_tmp, "ethics.yaml", text)
    zoom_meeting(in_tmp, shifted(ZOOM_PEOPLE, -1))  # downloaded from an account an hour behind (Central)
    result = run("build", "ethics.yaml", "--attendance", "zoom.csv", "--out", "out", "--only", "certificates")
    zone = f"the workshop's time zone ({timezone})" if timezone else "the workshop's time zone"
    assert_rejected(result, "zoom.csv: this Zoom meeting participants report covers 2026-10-07 16:50-19:40: its "
                            "people join and leave 1 hour earlier than the workshop runs (2026-10-07 18:00-20:30), at "
                            "both ends. The likely cause is the time zone: Zoom and Teams write a report's times in "
                            f"the zone of the account that downloads it, and this one looks 1 hour behind {zone}. Set "
                            f"that account's time zone to {timezone or 'the workshop' + chr(39) + 's'} and download "
                            "the report again" + ("" if timezone else ", or add workshop.timezone to the outline"))
    assert not (in_tmp / "out" / "certificates.pdf").exists()
    zoom_meeting(in_tmp, shifted(ZOOM_PEOPLE, 3))  # three hours ahead (downloaded in UTC-1 ... or Europe)
    result = run("build", "ethics.yaml", "--attendance", "zoom.csv", "--out", "out", "--only", "certificates")
    assert_rejected(result)
    assert "3 hours later than the workshop runs" in result.stderr and "3 hours ahead of" in result.stderr


def test_a_us_report_of_march_4_is_not_read_as_april_3(in_tmp):
    """Zoom writes 03/04/2026 06:00:00 PM month first: the report is of March 4, not the workshop's April 3."""
    text = online_outline().replace(f"  date: {DAY.isoformat()}\n", "  date: 2026-04-03\n")
    write(in_tmp, "ethics.yaml", text)
    rows = ["Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest"]
    for name, email in (("Ann Lee", "ann@example.org"), ("Bo Chen", "bo@example.org")):
        rows.append(f"{name},{email},03/04/2026 05:58:00 PM,03/04/2026 08:31:00 PM,153,No")
    write(in_tmp, "zoom.csv", "\n".join(rows) + "\n")
    result = run("build", "ethics.yaml", "--attendance", "zoom.csv", "--out", "out", "--only", "certificates")
    assert_rejected(result, "zoom.csv: this Zoom meeting participants report covers 2026-03-04 17:58-20:31, but the "
                            "workshop runs 2026-04-03 18:00-20:30: give the report of this session (its times are "
                            "read as the workshop's local time)")


def test_a_date_the_file_shows_day_first_is_read_so(in_tmp):
    """A day-first Teams export (24-hour clock): one date with a day above 12 settles the file."""
    from workshop.attendance.report import read_report

    stamp = lambda day: lambda clock: f"{day}/10/2026, {clock}:00"  # noqa: E731
    teams_report(in_tmp, [("Ann Lee", "ann@example.org", "Attendee", [("17:59", "20:31")])], stamp=stamp(13))
    joins = read_report(in_tmp / "teams.csv", dt.date(2026, 10, 13)).joins
    assert joins[0].start == dt.datetime(2026, 10, 13, 17, 59)
    teams_report(in_tmp, [("Ann Lee", "ann@example.org", "Attendee", [("17:59", "20:31")])], stamp=stamp(3))
    with pytest.raises(Exception) as refused:
        read_report(in_tmp / "teams.csv", dt.date(2026, 10, 3))
    assert "decisions file: - {report: teams.csv, date_order: month-first, reason: ...} (or day-first)" in str(
        refused.value.problems[0])
    assert read_report(in_tmp / "teams.csv", dt.date(2026, 10, 3), language="en-GB").joins[0].start.month == 10
    assert read_report(in_tmp / "teams.csv", dt.date(2026, 10, 3), language="en-US").joins[0].start.month == 3
    assert read_report(in_tmp / "teams.csv", dt.date(2026, 10, 3), date_order="day-first").joins[0].start.day == 3


# -- validate refuses what build refuses ----------------------------------------------------------------


def _registrations(folder: Path) -> list[str]:
    write(folder, "o.yaml", MINIMAL + CE)
    write(folder, "people.csv", eventbrite(("Ann", "Lee", "ann@example.org", "Attending")))
    return ["--roster", "people.csv"]


def _hidden_row(folder: Path) -> list[str]:
    write(folder, "o.yaml", MINIMAL + CE)
    licence_workbook(folder, [("Ann Lee", "a@example.org", "1", None), ("Bo Chen", "b@example.org", "2", None)],
                     hidden=(3,))
    return ["--roster", "roster.xlsx"]


def _long_number(folder: Path) -> list[str]:
    write(folder, "o.yaml", MINIMAL + CE)
    licence_workbook(folder, [("Ann Lee", "a@example.org", 1.5e15, "0")])
    return ["--roster", "roster.xlsx"]


def _morning_times(folder: Path) -> list[str]:
    write(folder, "o.yaml", online_outline())
    write(folder, "signin.csv", "Name,Time In,Time Out\nAnn Lee,6:00,8:30\nBo Chen,18:00,\n")
    return ["--roster", "signin.csv"]


def _an_hour_off(folder: Path) -> list[str]:
    from support.attendance import ZOOM_PEOPLE

    write(folder, "o.yaml", online_outline())
    zoom_meeting(folder, shifted(ZOOM_PEOPLE, 1))
    return ["--attendance", "zoom.csv"]


def _dates_two_ways(folder: Path) -> list[str]:
    write(folder, "o.yaml", online_outline())
    teams_report(folder, [("Ann Lee", "ann@example.org", "Attendee", [("17:59", "20:31")])],
                 stamp=lambda clock: f"{DAY.day}/{DAY.month}/{DAY.year}, {clock}:00")
    return ["--attendance", "teams.csv"]


def _three_commas(folder: Path) -> list[str]:
    write(folder, "o.yaml", online_outline())
    teams_report(folder, [("Lee, Ann, Marie", "ann@example.org", "Attendee", [("17:59", "20:31")])])
    return ["--attendance", "teams.csv"]


INPUTS = {"registrations": _registrations, "hidden row": _hidden_row, "long number": _long_number,
          "morning times": _morning_times, "an hour off": _an_hour_off, "dates two ways": _dates_two_ways,
          "three commas": _three_commas}


@pytest.mark.parametrize("case", sorted(INPUTS))
def test_validate_refuses_the_evidence_build_refuses(in_tmp, case):
    given = INPUTS[case](in_tmp)
    checked = run("validate", "o.yaml", *given)
    built = run("build", "o.yaml", *given, "--out", "kit")
    for result in (checked, built):
        assert_rejected(result)
    assert checked.lines and checked.lines == built.lines
    assert not (in_tmp / "kit").exists()


def test_a_date_order_settled_in_the_decisions_file_reads_the_report(in_tmp):
    write(in_tmp, "ethics.yaml", online_outline())
    teams_report(in_tmp, [("Ann Lee", "ann@example.org", "Attendee", [("17:59", "20:31")])],
                 stamp=lambda clock: f"{DAY.day}/{DAY.month}/{DAY.year}, {clock}:00")
    assert_rejected(run("build", "ethics.yaml", "--attendance", "teams.csv", "--out", "out"))
    write(in_tmp, "ethics.decisions.yaml", "- report: teams.csv\n  date_order: day-first\n"
                                           "  reason: downloaded by our London office (en-GB)\n")
    result = run("build", "ethics.yaml", "--attendance", "teams.csv", "--out", "out", "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    assert certificates(in_tmp) == {"Ann Lee": hours_line(FULL)}


def test_a_dial_in_counts_only_once_the_decisions_file_says_whose_it_is(in_tmp):
    write(in_tmp, "ethics.yaml", online_outline())
    write(in_tmp, "roster.csv", "name,email\nAnn Lee,ann@example.org\n")
    zoom_meeting(in_tmp, [("Ann Lee", "ann@example.org", [("17:58", "19:00", False)]),
                          ("+1 404-555-0199", "", [("19:00", "20:31", False)])])
    result = run("build", "ethics.yaml", "--roster", "roster.csv", "--attendance", "zoom.csv", "--out", "out",
                 "--only", "certificates")
    assert result.exit_code == 2  # the phone's hour and a half is nobody's until settled: the build asks
    assert "- row: zoom.csv:6\n    person: EMAIL OF THE ROSTER PERSON WHO CALLED IN" in result.stderr
    assert not (in_tmp / "out").exists()
    write(in_tmp, "ethics.decisions.yaml", "- row: zoom.csv:6\n  person: ann@example.org\n"
                                           "  reason: Ann phoned in when her laptop failed; she told us at 19:05\n")
    result = run("build", "ethics.yaml", "--roster", "roster.csv", "--attendance", "zoom.csv", "--out", "out2",
                 "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    lines = [line.strip() for page in pdf_text(in_tmp / "out2" / "certificates.pdf") for line in page.splitlines()]
    assert any(line.startswith(f"{FULL:.2f} ") and "partial" not in line for line in lines), lines
    assert "is a dial-in" not in result.stderr  # settled: no warning that it is not
    # without a roster there is no one to give the dial-in to: refused, never printed as a number
    assert_rejected(run("build", "ethics.yaml", "--attendance", "zoom.csv", "--out", "out3"),
                    "ethics.decisions.yaml:1:8: row: zoom.csv row 6 is a dial-in given to ann@example.org, but there "
                    "is no roster to find them in: give --roster, or write the name to print (name: ...) instead of "
                    "person")
