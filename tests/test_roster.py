"""The roster: CSV and .xlsx, every bad row reported with its spreadsheet row number."""

from decimal import Decimal

import openpyxl
import pytest

from conftest import BUNDLED, assert_rejected, run
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


def test_every_bad_row_is_listed(tmp_path):
    path = csv_file(tmp_path, "name,hours,attended\n,1,\nOk Person,9,\nAnother,abc,\nThird,,maybe\n"
                              "Klingon \uf8e0,,\n")
    with pytest.raises(InputError) as err:
        read_roster(path, FULL)
    shown = [str(p) for p in err.value.problems]
    assert shown == sorted(shown)
    assert set(shown) == {
        f"{path}: row 2, name: the name is blank; every attendee needs the name to print on the certificate",
        f"{path}: row 3, hours: 9 is more than the workshop's 3.00 CE hours",
        f"{path}: row 4, hours: expected a number of hours, got 'abc'",
        f"{path}: row 5, attended: expected yes or no (or blank for yes), got 'maybe'",
        f"{path}: row 6, name: {KLINGON!r} cannot be printed: no installed font has '\uf8e0' (U+F8E0)",
    }


def test_missing_name_column(tmp_path):
    path = csv_file(tmp_path, "full name,email\nA,b\n")
    with pytest.raises(InputError, match="row 1: no 'name' column in the header"):
        read_roster(path, FULL)


def test_bad_roster_stops_the_build_and_keeps_the_old_kit(in_tmp):
    good = csv_file(in_tmp, "name\nAna\n", "good.csv")
    assert run("build", BUNDLED, "--roster", good, "--out", "kit").exit_code == 0
    before = {p.name: p.read_bytes() for p in (in_tmp / "kit").iterdir()}
    csv_file(in_tmp, "name,hours\nAna,99\n,\nBo,\n,2\n", "bad.csv")
    assert_rejected(run("build", BUNDLED, "--roster", "bad.csv", "--out", "kit"),
                    "bad.csv: row 2, hours: 99 is more than the workshop's 3.00 CE hours",
                    "bad.csv: row 5, name: the name is blank; every attendee needs the name to print on the certificate")
    assert {p.name: p.read_bytes() for p in (in_tmp / "kit").iterdir()} == before


def test_missing_roster_file(in_tmp):
    assert_rejected(run("build", BUNDLED, "--roster", "nope.csv", "--out", "kit"), "nope.csv: roster file not found")
