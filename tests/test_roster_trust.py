"""Rosters as organizers really have them (registration exports, Excel's "Unicode Text", a stray
quote, partial hours) give the right certificates or stop with the row and a plain fix; never a
certificate that is silently wrong."""

import csv
import shutil

import openpyxl
import pytest

from support import BUNDLED, assert_rejected, run
from support.office import pdf_text


def build(folder, roster_name, content, encoding="utf-8"):
    """Certificates for ``content`` as the roster, in a kit of their own (a kit whose ledger would
    lose someone is refused, and each test here tries several rosters)."""
    shutil.rmtree(folder / "kit", ignore_errors=True)
    path = folder / roster_name
    path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
    return run("build", BUNDLED, "--roster", roster_name, "--out", "kit", "--only", "certificates")


def certificates(folder):
    """What a person reads on each certificate, one string a page, lines joined by single spaces."""
    return [" ".join(page.split()) for page in pdf_text(folder / "kit" / "certificates.pdf")]


def ledger(folder):
    with open(folder / "kit" / "certificates.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


# --- one stray quote, a name with a comma, the separator --------------------------------------

def test_a_stray_quote_stops_the_build_instead_of_swallowing_the_rows_after_it(in_tmp):
    result = build(in_tmp, "r.csv", 'name,email\nAnn Lee,a@x.org\n"Bud Smith,b@x.org\nCat Jones,c@x.org\n'
                                    "Dan Wu,d@x.org\n")
    assert_rejected(result, "r.csv: row 3: a \" opens a cell and is never closed, so every row after it would be "
                            "read into that one cell ('Bud Smith,b@x.org⏎Cat Jones,c@x.org⏎Dan Wu,d@x.org'); "
                            "remove the stray \" or close it")
    assert not (in_tmp / "kit").exists()


def test_a_stray_quote_closed_rows_later_is_refused_too(in_tmp):
    # the quote in row 5 closes the cell that row 3 opened: rows 3 to 5 would be one name
    result = build(in_tmp, "r.csv", 'name,email\nAnn Lee,a@x.org\n"Bud Smith,b@x.org\nCat Jones,c@x.org\n'
                                    '"Dan" Wu,d@x.org\n')
    assert_rejected(result, "r.csv: row 3: a \" opens a cell that runs over 3 lines, which may be rows of their "
                            "own ('Bud Smith,b@x.org⏎Cat Jones,c@x.org⏎Dan\" Wu'): if a stray \" joined those "
                            "rows, remove it or close the cell where it should end; if the cell really holds several "
                            "lines, put it on one line")


def test_a_quoted_cell_over_several_lines_is_refused_even_in_an_unused_column(in_tmp):
    """A short row swallowed by a stray quote looks just like a second line of an address, so
    neither is taken: a certificate must never be lost to a quote in a column nobody reads."""
    assert_rejected(build(in_tmp, "r.csv", 'name,notes\nAnn Lee,"said hi\nBob Roe\nCat Doe"\nEve Fox,\n'),
                    "r.csv: row 2: a \" opens a cell that runs over 3 lines, which may be rows of their own "
                    "('said hi⏎Bob Roe⏎Cat Doe'): if a stray \" joined those rows, remove it or close the cell "
                    "where it should end; if the cell really holds several lines, put it on one line")
    assert_rejected(build(in_tmp, "r.csv", 'name,address\nAnn Lee,"12 Main St\nAtlanta GA"\nBo Li,\n'))


@pytest.mark.parametrize("text, message", [
    ("sep=,\nname\nAnn\n", "r.csv: row 1: the first line 'sep=,' is Excel's note of the separator, not the "
                            "header; delete that line so the header is row 1"),
    ("\nname,email\nAnn Lee,a@x.org\n", "r.csv: row 1: the first line is blank; delete it so the header "
                                         "(name, email, ...) is row 1")])
def test_a_first_line_that_is_not_the_header_is_named(in_tmp, text, message):
    assert_rejected(build(in_tmp, "r.csv", text), message)


def test_a_name_with_a_comma_in_a_one_column_file_is_refused_not_cut(in_tmp):
    assert_rejected(build(in_tmp, "r.csv", "name\nAnn Lee\nSmith, John\n"),
                    "r.csv: row 3: it has 2 values but the header has 1 column ('Smith, John'); put any value "
                    "that contains a comma in double quotes, e.g. \"Smith, John\"")


def test_more_values_than_columns_names_the_row(in_tmp):
    assert_rejected(build(in_tmp, "r.csv", "name,email\nSmith, John,j@x.org\n"),
                    "r.csv: row 2: it has 3 values but the header has 2 columns ('Smith, John,j@x.org'); put any "
                    "value that contains a comma in double quotes, e.g. \"Smith, John\"")


def test_a_quoted_name_with_a_comma_prints_whole(in_tmp):
    assert build(in_tmp, "r.csv", 'name\n"Smith, John"\n').exit_code == 0
    assert "Smith, John" in certificates(in_tmp)[0]


def test_a_one_column_header_does_not_decide_the_separator(in_tmp):
    assert_rejected(build(in_tmp, "r.csv", "name\nAnn;a@x.org\n"),
                    "r.csv: row 2: the header has one column but this row has a semicolon in it ('Ann;a@x.org'); "
                    "if it is one value, put it in double quotes, e.g. \"Smith; John\"")


def test_a_separator_the_file_does_not_settle_is_named(in_tmp):
    assert_rejected(build(in_tmp, "r.csv", "name,email;hours\nAnn,a@x.org;2\n"),
                    "r.csv: row 1: cannot tell how the columns are separated: the header splits at commas into "
                    "2 columns and at semicolons into 2 columns; save the roster again as CSV UTF-8 so that "
                    "only commas separate the columns")


def test_the_rows_decide_between_two_separators_the_header_allows(in_tmp):
    # the header and the row split at the comma too, but then no column is called name
    result = build(in_tmp, "r.csv", "Name;Email;Notes, if any\nAnn Lee;a@x.org;late, left early\n")
    assert result.exit_code == 0, result.stderr
    assert [(r["name"], r["email"]) for r in ledger(in_tmp)] == [("Ann Lee", "a@x.org")]


# --- encodings and line breaks ------------------------------------------------------------------

def test_excel_unicode_text_is_utf16_with_tabs(in_tmp):
    text = "Name\tEmail\tLicense #\r\nJosé Martínez\tj@x.org\tLPC 1\r\n王芳\tw@x.org\t\r\n"
    result = build(in_tmp, "roster.txt", text, encoding="utf-16")
    assert result.exit_code == 0, result.stderr
    pages = certificates(in_tmp)
    assert "José Martínez License: LPC 1" in pages[0] and "王芳" in pages[1]
    assert [r["email"] for r in ledger(in_tmp)] == ["j@x.org", "w@x.org"]


def test_utf16_without_a_byte_order_mark(in_tmp):
    assert build(in_tmp, "r.csv", "name\r\nJosé\r\n", encoding="utf-16-le").exit_code == 0
    assert "José" in certificates(in_tmp)[0]


def test_a_line_break_inside_a_name_is_refused_not_run_together(in_tmp):
    result = build(in_tmp, "r.csv", 'name\n"Ann\nLee"\n')
    assert_rejected(result, "r.csv: row 2, name: the name has a line break in it ('Ann\\nLee'); put it on one line "
                            "in the spreadsheet. If the rows below were pulled into this cell, a stray \" opens it: "
                            "remove it")
    assert len(result.lines) == 1  # and not also "the name is blank"


def test_a_line_break_inside_an_xlsx_name_is_refused(in_tmp):
    book = openpyxl.Workbook()
    book.active.append(["Name"])
    book.active.append(["Ann\nLee"])
    book.save(in_tmp / "r.xlsx")
    result = run("build", BUNDLED, "--roster", "r.xlsx", "--out", "kit", "--only", "certificates")
    assert_rejected(result, "r.xlsx: row 2, name: the name has a line break in it ('Ann\\nLee'); put it on one "
                            "line in the spreadsheet.")


# --- registration exports -------------------------------------------------------------------------

EVENTBRITE = ("Order #,First Name,Last Name,E-mail,Ticket Type,License Number,CE Hours,Attended?\n"
              "1001,Ann,Lee,ann@x.org,General,LPC 1,,yes\n"
              "1002,Bo,Li,bo@x.org,General,LCSW 2,,no\n"
              "1003,Cher,,cher@x.org,General,,1.5,y\n")


def test_a_registration_export_is_read_by_meaning(in_tmp):
    result = build(in_tmp, "r.csv", EVENTBRITE)
    assert result.exit_code == 0, result.stderr
    assert "warning: r.csv: columns not used: Order #, Ticket Type" in result.stderr.splitlines()
    pages = certificates(in_tmp)
    assert len(pages) == 2  # Bo Li answered no under "Attended?"
    assert "Ann Lee License: LPC 1" in pages[0] and "3.00 CE hours" in pages[0]
    assert "Cher" in pages[1] and "1.50 CE hours awarded for partial attendance" in " ".join(pages[1].split())
    assert [(r["name"], r["email"], r["license"]) for r in ledger(in_tmp)] == [
        ("Ann Lee", "ann@x.org", "LPC 1"), ("Cher", "cher@x.org", "")]


def test_a_name_column_wins_over_first_and_last_and_says_so(in_tmp):
    result = build(in_tmp, "r.csv", "Full Name,First Name,Last Name\nDr. Ann Lee,Ann,Lee\n")
    assert result.exit_code == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("warning:")] == [
        "warning: r.csv: the name comes from 'Full Name'; 'First Name' and 'Last Name' not used"]
    assert "Dr. Ann Lee" in certificates(in_tmp)[0]


def test_two_columns_for_one_field_are_named(in_tmp):
    assert_rejected(build(in_tmp, "r.csv", "Name,Email,Email Address\nAnn,a@x.org,b@x.org\n"),
                    "r.csv: row 1: columns 'Email' and 'Email Address' both give the email; keep one of them and "
                    "rename or delete the others")


def test_a_first_name_without_a_last_name_column_is_refused(in_tmp):
    assert_rejected(build(in_tmp, "r.csv", "First Name,Email\nAnn,a@x.org\n"),
                    "r.csv: row 1: the header has a first name column ('First Name') but no last name column; a "
                    "certificate needs the full name: add a 'Last Name' column, or one 'name' column with the "
                    "full name")


# --- attended --------------------------------------------------------------------------------------

def test_attended_values_and_anything_else_refused(in_tmp):
    result = build(in_tmp, "r.csv", "name,attended\nA,Y\nB,n\nC,TRUE\nD,false\nE,1\nF,0\nG,yes\nH,maybe\n")
    assert_rejected(result, "r.csv: row 9, attended: expected yes or no (or blank for yes), got 'maybe'")
    assert build(in_tmp, "r.csv", "name,attended\nA,Y\nB,n\nC,TRUE\nD,false\nE,1\nF,0\nG,x\nH,No\n"
                                  ).exit_code == 0
    assert [r["name"] for r in ledger(in_tmp)] == ["A", "C", "E", "G"]


def test_a_column_marked_with_x_does_not_read_blank_as_yes(in_tmp):
    assert_rejected(build(in_tmp, "r.csv", "name,Attended?\nAnn,x\nBo,\nCy,X\n"),
                    "r.csv: row 3, attended: blank, but this column marks who attended with 'x', so blank could mean "
                    "absent; write 'x' (attended) or no")
    assert build(in_tmp, "r.csv", "name,Attended?\nAnn,x\nBo,no\nCy,X\n").exit_code == 0
    assert [r["name"] for r in ledger(in_tmp)] == ["Ann", "Cy"]


# --- hours -----------------------------------------------------------------------------------------

def test_partial_hours_round_down_to_the_increment_and_the_ledger_keeps_what_printed(in_tmp):
    result = build(in_tmp, "r.csv", "name,hours\nAnn,1.2\nBo,2.999999\nCy,3\nDee,0.2\nEd,2.5\n")
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [
        "warning: r.csv: row 2: 1.2 hours rounded down to 1.00 (the outline's increment is 0.25)",
        "warning: r.csv: row 3: 2.999999 hours rounded down to 2.75 (the outline's increment is 0.25)",
        "warning: r.csv: row 5: no certificate for Dee: 0.2 hours rounds down to 0 (the outline's increment is 0.25)",
    ]
    pages = certificates(in_tmp)
    assert len(pages) == 4  # Dee's hours round down to nothing: no certificate
    assert "1.00 CE hours awarded for partial attendance" in " ".join(pages[0].split())
    assert "2.75 CE hours awarded for partial attendance" in " ".join(pages[1].split())
    assert "3.00 CE hours" in pages[2] and "partial" not in pages[2]  # all the hours are not partial
    assert "2.50 CE hours awarded for partial attendance" in " ".join(pages[3].split())
    assert [(r["name"], r["hours"]) for r in ledger(in_tmp)] == [
        ("Ann", "1.00"), ("Bo", "2.75"), ("Cy", "3.00"), ("Ed", "2.50")]


def test_xlsx_formula_hours_read_as_the_sheet_shows_them(in_tmp):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Name", "Hours Earned"])
    sheet.append(["Ann", 0.1 + 0.2])  # 0.30000000000000004
    sheet.append(["Bo", 0.7499999999999999])
    sheet.append(["Cy", 3.0])
    book.save(in_tmp / "r.xlsx")
    result = run("build", BUNDLED, "--roster", "r.xlsx", "--out", "kit", "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    assert "warning: r.xlsx: row 2: 0.3 hours rounded down to 0.25 (the outline's increment is 0.25)" in result.stderr
    pages = certificates(in_tmp)
    assert "0.25 CE hours awarded for partial attendance" in " ".join(pages[0].split())
    assert "0.75 CE hours awarded for partial attendance" in " ".join(pages[1].split())
    assert "3.00 CE hours" in pages[2] and "partial" not in pages[2]
    assert [r["hours"] for r in ledger(in_tmp)] == ["0.25", "0.75", "3.00"]


def test_a_decimal_comma_gets_a_hint(in_tmp):
    assert_rejected(build(in_tmp, "r.csv", "name;hours\nAnn;1,5\n"),
                    "r.csv: row 2, hours: expected a number of hours (write it with a point: 1.5), got '1,5'")


# --- order -----------------------------------------------------------------------------------------

def test_problems_are_listed_in_row_order(in_tmp):
    rows = "".join(f"P{k},{'abc' if k in (2, 8, 10, 11) else ''}\n" for k in range(2, 12))
    result = build(in_tmp, "r.csv", "name,hours\n" + rows)
    assert_rejected(result)
    assert [line.split(",")[0] for line in result.lines if line.startswith("r.csv")] == [
        "r.csv: row 2", "r.csv: row 8", "r.csv: row 10", "r.csv: row 11"]


# -- found by a hostile run after the first fixes ---------------------------------------------


def test_attendance_and_status_columns_are_read_not_ignored(in_tmp):
    assert build(in_tmp, "r.csv", "Name,Attendance\nAnn Lee,present\nBob Roe,absent\n").exit_code == 0
    assert [r["name"] for r in ledger(in_tmp)] == ["Ann Lee"]
    eventbrite = "First Name,Last Name,Email,Attendee Status\nAnn,Lee,a@x.org,Checked In\nBob,Roe,b@x.org,Not Attending\n"
    assert build(in_tmp, "r.csv", eventbrite).exit_code == 0
    assert [r["name"] for r in ledger(in_tmp)] == ["Ann Lee"]
    assert_rejected(build(in_tmp, "r.csv", "Name,Status\nAnn Lee,maybe\n"),
                    "r.csv: row 2, attended: expected yes or no (or blank for yes), got 'maybe'")


def test_a_checklist_of_yes_marks_does_not_read_blank_as_yes(in_tmp):
    assert_rejected(build(in_tmp, "r.csv", "name,Attended\nAnn Lee,\nBob Roe,Yes\nCat Doe,\n"),
                    "r.csv: row 2, attended: blank, but this column marks who attended with 'Yes', so blank "
                    "could mean absent; write 'Yes' (attended) or no")


def test_one_person_on_two_rows_is_refused(in_tmp):
    result = build(in_tmp, "r.csv", "name,email\nAnn Lee,a@x.org\nBo Chen,b@x.org\nann  lee,A@X.ORG\n")
    assert_rejected(result, "r.csv: row 4, name: ann  lee <A@X.ORG> is also on row 2; one person gets one "
                            "certificate: delete one of the rows")
    result = build(in_tmp, "r.csv", "name\nAnn Lee\nAnn Lee\n")
    assert result.exit_code == 0
    assert ("warning: r.csv: rows 2 and 3 both name Ann Lee with no email, so each gets a certificate; if they "
            "are one person, delete a row") in result.stderr


def test_an_xlsx_formula_without_a_saved_result_is_refused(in_tmp):
    book = openpyxl.Workbook()
    book.active.append(["Name", "Email", "Minutes", "Hours"])
    book.active.append(["Ann Lee", "a@x.org", 30, "=C2/60"])
    book.save(in_tmp / "r.xlsx")
    result = run("build", BUNDLED, "--roster", in_tmp / "r.xlsx", "--out", in_tmp / "kit")
    assert_rejected(result, "r.xlsx: row 2, column D: the cell holds the formula =C2/60 but no saved result; open "
                            "the workbook in Excel or LibreOffice and save it again")


def test_the_sheet_the_workbook_opens_on_is_read(in_tmp):
    book = openpyxl.Workbook()
    hidden = book.active
    hidden.title = "lookup"
    hidden.append(["Name", "Email"])
    hidden.append(["Old Person", "o@x.org"])
    roster = book.create_sheet("Roster")
    roster.append(["Name", "Email"])
    roster.append(["Ann Lee", "a@x.org"])
    book.active = 1
    hidden.sheet_state = "hidden"
    book.save(in_tmp / "r.xlsx")
    result = run("build", BUNDLED, "--roster", in_tmp / "r.xlsx", "--out", in_tmp / "kit")
    assert result.exit_code == 0, result.stderr
    assert "warning: r.xlsx: read the sheet 'Roster', the one the workbook opens on" in result.stderr
    assert [r["name"] for r in ledger(in_tmp)] == ["Ann Lee"]


def test_a_license_no_font_can_print_is_refused_like_a_name(in_tmp):
    assert_rejected(build(in_tmp, "r.csv", "name,license\nAnn Lee,LPC \ue000 1\n"),
                    "r.csv: row 2, license: 'LPC \\ue000 1': '\\ue000' (U+E000, a private-use character) cannot be "
                    "printed: no installed font has it; private-use characters show only in the font they were made "
                    "for; remove it")
