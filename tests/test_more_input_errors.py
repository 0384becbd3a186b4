"""The remaining mistakes a user can make: each gets its message, exit 2, and nothing written."""

import pytest

from support import MINIMAL, assert_rejected, run, write


def rejected_build(folder, *args, expected):
    result = run("build", *args, "--out", folder / "kit")
    assert_rejected(result, expected)
    assert not (folder / "kit").exists(), "nothing may be written"


@pytest.mark.parametrize("name, content, expected", [
    ("r.txt.bak", "name\nAna\n", "r.txt.bak: a roster is a .csv or .xlsx file, not .bak"),
    ("r.csv", "", "r.csv: the roster is empty; it needs a header row with a 'name' column"),
    ("r.csv", "Attendee #,Ticket Type\n1,Ana\n",
     "r.csv: row 1: no name column in the header (found: 'Attendee #', 'Ticket Type'); call the column with "
     "the full name 'name', or use 'First Name' and 'Last Name' columns"),
    ("r.xlsx", "name\nAna\n", "r.xlsx: the file is not an Excel workbook (a text or other file renamed?); open it in Excel and save it again as .xlsx (Excel Workbook) or as CSV UTF-8"),
])
def test_bad_roster_files(in_tmp, name, content, expected):
    write(in_tmp, "o.yaml", MINIMAL)
    (in_tmp / name).write_text(content, encoding="utf-8")
    rejected_build(in_tmp, "o.yaml", "--roster", name, expected=expected)


def test_partial_hours_without_a_ce_block(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL)
    (in_tmp / "r.csv").write_text("name,hours\nAna,1\n", encoding="utf-8")
    rejected_build(in_tmp, "o.yaml", "--roster", "r.csv",
                   expected="r.csv: row 2, hours: partial hours given, but the outline has no ce block, "
                            "so no hours are awarded")


def test_roster_needs_a_workshop_date(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL.replace("  date: 2026-03-14\n", ""))
    (in_tmp / "r.csv").write_text("name\nAna\n", encoding="utf-8")
    rejected_build(in_tmp, "o.yaml", "--roster", "r.csv",
                   expected="o.yaml: workshop.date: a date is required for certificates; add it under workshop:")


def test_missing_fonts_are_named(in_tmp, monkeypatch):
    from workshop import fonts

    monkeypatch.setattr(fonts, "FONT_DIRS", [in_tmp / "no-fonts-here"])
    fonts.forget()
    try:
        write(in_tmp, "o.yaml", MINIMAL)
        result = run("build", "o.yaml", "--out", in_tmp / "kit", "--only", "evaluation")
        assert_rejected(result)
        assert "evaluation: fonts not found: Carlito-Regular.ttf, Carlito-Bold.ttf" in result.stderr
        assert not (in_tmp / "kit").exists()
    finally:
        monkeypatch.undo()
        fonts.forget()


def test_template_command_on_a_file_that_is_not_a_deck(in_tmp):
    (in_tmp / "brand.pptx").write_text("not a deck", encoding="utf-8")
    result = run("template", "brand.pptx")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "brand.pptx is not a PowerPoint file (it is a text file renamed?)" in result.stderr


@pytest.mark.parametrize("extra, expected", [
    ('theme:\n  primary: navy\n', "o.yaml:13:12: theme.primary: expected a hex colour like \"#1F4E79\", got 'navy'"),
    ("theme:\n  template: o.yaml\n", "o.yaml:13:13: theme.template: a template must be a .pptx file"),
    ("ce:\n  verify_url: https://example.org/verify\n",
     "o.yaml:13:15: ce.verify_url: the address must contain {id} exactly once (e.g. https://example.org/verify/{id})"),
    ("presenters: []\n", "o.yaml:12:1: duplicate key 'presenters' (first written at line 4)"),
])
def test_bad_theme_and_ce_values(in_tmp, extra, expected):
    write(in_tmp, "o.yaml", MINIMAL + extra)
    assert_rejected(run("validate", "o.yaml"), expected)


@pytest.mark.parametrize("text, expected", [
    (MINIMAL.replace("presenters:\n  - name: Ana Presenter\n", "presenters: []\n"),
     "o.yaml:4:1: presenters: list at least one presenter"),
    (MINIMAL[: MINIMAL.index("sections:")], "o.yaml:1:1: sections: required: the list of sections and breaks"),
    (MINIMAL[: MINIMAL.index("sections:")] + "sections: []\n", "o.yaml:6:1: sections: list at least one section"),
    (MINIMAL.replace("bullets: [one, two]", "bullets: [one, [two, [three]]]"),
     "o.yaml:11:30: section 1, slide 1, bullet 2, sub-bullet 2: bullets go two levels deep at most"),
    (MINIMAL.replace("bullets: [one, two]", "bullets: [[one], two]"),
     "o.yaml:11:19: section 1, slide 1, bullet 1: a nested list must follow the bullet it belongs under"),
])
def test_bad_outline_structure(in_tmp, text, expected):
    write(in_tmp, "o.yaml", text)
    assert_rejected(run("validate", "o.yaml"), expected)
