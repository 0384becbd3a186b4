"""The roster: CSV and .xlsx, every bad row reported with its spreadsheet row number."""

from decimal import Decimal

import openpyxl
import pytest

from support import BUNDLED, assert_rejected, run
from workshop.errors import InputError
from workshop.roster import read_roster

FULL = Decimal("3.00")
KLINGON = "Klingon \uf8e0"  # a private-use character no font we ship carries


def csv_file(tmp_path, text, name="r.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_bom_crlf_and_headers_in_any_case(tmp_path):
    path = csv_file(tmp_path, "\ufeff Name ,EMAIL,License,Hours,Attended\r\nJosé,j@x.org,LPC 1,,\r\n,,,,\r\n"
                              "王芳,,,1.5,yes\r\nشخص,,,,no\r\n")
    roster = read_roster(path, FULL)
    assert [(a.row, a.name, a.hours, a.attended) for a in roster.attendees] == [
        (2, "José", None, True), (4, "王芳", Decimal("1.5"), True), (5, "شخص", None, False)]
    assert [a.name for a in roster.eligible] == ["José", "王芳"]


def test_semicolon_csv_from_a_european_excel(tmp_path):
    path = csv_file(tmp_path, "name;email\nAnna;a@x.org\n")
    assert read_roster(path, FULL).attendees[0].email == "a@x.org"


def test_windows_1252_csv_is_read_with_a_warning(tmp_path):
    path = csv_file(tmp_path, "name\nJosé Martínez\n", encoding="cp1252")
    roster = read_roster(path, FULL)
    assert roster.attendees[0].name == "José Martínez"
    assert "Windows-1252" in roster.warnings[0]


def test_xlsx(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Name", "Hours", "Attended"])
    sheet.append(["Дмитрий Иванов", 2.5, None])
    sheet.append([None, None, None])
    sheet.append(["שרה כהן", None, "no"])
    book.save(tmp_path / "r.xlsx")
    roster = read_roster(tmp_path / "r.xlsx", FULL)
    assert [(a.row, a.name, a.hours, a.attended) for a in roster.attendees] == [
        (2, "Дмитрий Иванов", Decimal("2.5"), True), (4, "שרה כהן", None, False)]


def test_bidi_override_characters_are_stripped(tmp_path):
    path = csv_file(tmp_path, "name\nAna\u202eevil\u202c\n")
    assert read_roster(path, FULL).attendees[0].name == "Anaevil"


def test_every_bad_row_is_listed_in_row_order(tmp_path):
    fine = "".join(f"Person {k},,\n" for k in range(7, 12))
    path = csv_file(tmp_path, "name,hours,attended\n,1,\nOk Person,9,\nAnother,abc,\nThird,,maybe\n"
                              f"Klingon \uf8e0,,\n{fine},-1,\n")
    with pytest.raises(InputError) as err:
        read_roster(path, FULL)
    assert [str(p) for p in err.value.problems] == [
        f"{path}: row 2, name: the name is blank; every attendee needs the name to print on the certificate",
        f"{path}: row 3, hours: 9 is more than the workshop's 3.00 CE hours",
        f"{path}: row 4, hours: expected a number of hours, got 'abc'",
        f"{path}: row 5, attended: expected yes or no (or blank for yes), got 'maybe'",
        f"{path}: row 6, name: {KLINGON!r}: '\\uf8e0' (U+F8E0, a private-use character) cannot be printed: no "
        "installed font has it; private-use characters show only in the font they were made for; remove it",
        f"{path}: row 12, hours: expected a number of hours, got '-1'",
        f"{path}: row 12, name: the name is blank; every attendee needs the name to print on the certificate",
    ]


def test_missing_name_column(tmp_path):
    path = csv_file(tmp_path, "Order #,email\nA,b\n")
    with pytest.raises(InputError) as err:
        read_roster(path, FULL)
    assert [str(p) for p in err.value.problems] == [
        f"{path}: row 1: no name column in the header (found: 'Order #', 'email'); call the column with the full "
        "name 'name', or use 'First Name' and 'Last Name' columns"]


@pytest.mark.parametrize("title, field", [
    ("Name", "name"), ("Full Name", "name"), ("FULL_NAME", "name"), ("Name *", "name"), ("Attendee Name", "name"),
    ("E-mail", "email"), ("Email Address", "email"), ("e-mail address", "email"), ("EMAIL", "email"),
    ("License #", "license"), ("License Number", "license"), ("Licence No.", "license"),
    ("CE Hours", "hours"), ("Hours Earned", "hours"), ("Contact Hours", "hours"),
    ("Attended?", "attended"), ("Attended (Y/N)", "attended"),
])
def test_header_spellings(tmp_path, title, field):
    header = title if field == "name" else f"name,{title}"
    value = {"name": "Ann Lee", "email": "a@x.org", "license": "LPC 7", "hours": "1.5", "attended": "no"}[field]
    row = value if field == "name" else f"Ann Lee,{value}"
    roster = read_roster(csv_file(tmp_path, f"{header}\n{row}\n"), FULL, increment=Decimal("0.25"))
    attendee = roster.attendees[0]
    read = {"name": attendee.name, "email": attendee.email, "license": attendee.license,
            "hours": str(attendee.hours), "attended": "yes" if attendee.attended else "no"}
    assert read[field] == (value if field != "hours" else "1.50")
    assert roster.warnings == ()  # the column was used, so no "not used" warning


def test_first_and_last_name_are_joined_and_one_may_be_blank(tmp_path):
    path = csv_file(tmp_path, "First Name,Last Name,Registration Time\nAnn, Lee ,2026-03-01\nMadonna,,\n,Sting,\n")
    roster = read_roster(path, FULL)
    assert [a.name for a in roster.attendees] == ["Ann Lee", "Madonna", "Sting"]
    assert roster.warnings == (f"{path}: columns not used: Registration Time",)


def test_columns_without_a_heading_that_hold_data_are_named(tmp_path):
    path = csv_file(tmp_path, "name,,email,\nAnn,note,a@x.org,\n")
    assert read_roster(path, FULL).warnings == (f"{path}: columns not used: column B (no heading)",)


def test_partial_hours_round_down_only_with_an_increment(tmp_path):
    path = csv_file(tmp_path, "name,hours\nAnn,1.2\nBo,0.1\n")
    assert [a.hours for a in read_roster(path, FULL).attendees] == [Decimal("1.2"), Decimal("0.1")]
    roster = read_roster(path, FULL, increment=Decimal("0.25"))
    assert [(a.name, a.hours, a.due) for a in roster.attendees] == [
        ("Ann", Decimal("1.00"), True), ("Bo", Decimal("0.00"), False)]
    assert [a.name for a in roster.eligible] == ["Ann"]


def test_files_that_are_not_csv_text_say_what_they_are(tmp_path):
    book = openpyxl.Workbook()
    book.save(tmp_path / "book.xlsx")
    (tmp_path / "renamed.csv").write_bytes((tmp_path / "book.xlsx").read_bytes())
    with pytest.raises(InputError, match="it is an Excel workbook saved under a text name; rename it to end in .xlsx"):
        read_roster(tmp_path / "renamed.csv", FULL)


def test_text_after_a_closing_quote_is_refused(tmp_path):
    path = csv_file(tmp_path, 'name\n"Ann" Lee\n')
    with pytest.raises(InputError) as err:
        read_roster(path, FULL)
    assert [str(p) for p in err.value.problems] == [
        f'{path}: row 2: text follows a closing quote: "Ann" Lee; to keep the quotes, write the cell as '
        '"""Ann"" Lee" (double each quote inside); otherwise remove them']


def test_bad_roster_stops_the_build_and_keeps_the_old_kit(in_tmp):
    good = csv_file(in_tmp, "name\nAna\n", "good.csv")
    assert run("build", BUNDLED, "--roster", good, "--out", "kit").exit_code == 0
    before = {p.name: p.read_bytes() for p in (in_tmp / "kit").rglob("*") if p.is_file()}
    csv_file(in_tmp, "name,hours\nAna,99\n,\nBo,\n,2\n", "bad.csv")
    assert_rejected(run("build", BUNDLED, "--roster", "bad.csv", "--out", "kit"),
                    "bad.csv: row 2, hours: 99 is more than the workshop's 3.00 CE hours",
                    "bad.csv: row 5, name: the name is blank; every attendee needs the name to print on the certificate")
    assert {p.name: p.read_bytes() for p in (in_tmp / "kit").rglob("*") if p.is_file()} == before


def test_missing_roster_file(in_tmp):
    assert_rejected(run("build", BUNDLED, "--roster", "nope.csv", "--out", "kit"), "nope.csv: roster file not found")


def test_bytes_that_are_neither_utf8_nor_windows_1252_are_refused(tmp_path):
    path = csv_file(tmp_path, "name\n", encoding="ascii")
    path.write_bytes(b"name\nAnn \x81Lee\n")  # 0x81 has no character in Windows-1252
    with pytest.raises(InputError) as err:
        read_roster(path, FULL)
    assert [str(p) for p in err.value.problems] == [
        f"{path}: the text is neither UTF-8 nor Windows-1252; save the roster as CSV UTF-8"]


def test_an_invisible_control_character_in_a_name_is_refused(tmp_path):
    path = csv_file(tmp_path, "name,email\nAnn\x07Lee,a@x.org\n")
    with pytest.raises(InputError) as err:
        read_roster(path, FULL)
    assert [str(p) for p in err.value.problems] == [
        f"{path}: row 2, name: 'Ann\\x07Lee' holds an invisible control character (U+0007); type the value again"]
