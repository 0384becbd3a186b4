"""workshop build --evaluations: responses exported from Google Forms and Microsoft Forms, or typed
from the paper form, summarized; each summary worked out by hand here and compared with the CSV
and with the PDF read back as text."""

import csv
import datetime as dt

import pytest
from pypdf import PdfReader

from support import BUNDLED, OUTLINES, assert_rejected, run, write
from workshop.builders.evaluation import statements
from workshop.evalitems import QUESTIONS
from workshop.evalresponses import read_rating
from workshop.loader import load_outline
from workshop.typography import typeset

ROSTER = OUTLINES / "sample-roster.csv"  # 12 rows, one of them "attended: no": 11 attendees
O1 = "Name three components of an effective therapeutic relationship"
O2 = "Describe five ways to strengthen the therapeutic alliance with a client"
O3 = "Identify three self-care activities to build into a personal plan"
PRESENTER = "Dawn Allred, LPC, MAC knew the subject and presented it clearly"
W = ("The content is relevant to my practice", "I will use what I learned with clients",
     "The materials and handouts were useful", "The venue or online platform worked well for learning",
     "The time was used well")
BIAS = "The content was free of commercial bias or promotion"
OVERALL = "Overall, I was satisfied with this workshop"
WORDS = {1: "Strongly disagree", 2: "Disagree", 3: "Neutral", 4: "Agree", 5: "Strongly agree"}

# Google Forms: a multiple-choice grid per group ("Question [row]"), answers as the grid's words.
GOOGLE_HEADER = (["Timestamp", "Email Address"] + [f"This objective was met: [{o}]" for o in (O1, O2, O3)]
                 + [f"Presenters [{PRESENTER}]"] + [f"The workshop [{w}]" for w in W + (BIAS,)]
                 + [f"Overall [{OVERALL}]"]
                 + list(QUESTIONS))
GOOGLE_RATINGS = [  # O1 O2 O3 P W1 W2 W3 W4 W5 W6 (commercial bias) overall; None: left blank
    (5, 4, 5, 5, 4, 4, 3, 5, 4, 5, 4),
    (4, 4, 3, 5, 5, 4, 4, 4, 2, 5, 5),
    (5, 5, 4, 4, 4, 3, 4, 1, 3, 4, 4),
    (5, 3, None, 5, 5, 5, 4, 4, 4, 5, 5),
    (4, 4, 4, 4, 4, 4, 5, 5, 5, 4, 4),
]
GOOGLE_COMMENTS = [
    ("The role plays", "More time for questions", ""),
    ("Handouts,\nespecially the worksheet", "", "Ethics of self-disclosure"),
    ("", "", ""),
    ('The "rupture and repair" demo', "Start on time", "Trauma-informed care"),
    ("", "A longer break", ""),
]
# Worked out by hand from the table above: responses, mean (two decimals), how many gave 1..5.
GOOGLE_SUMMARY = [
    [O1, "5", "4.60", "0", "0", "0", "2", "3"],
    [O2, "5", "4.00", "0", "0", "1", "3", "1"],
    [O3, "4", "4.00", "0", "0", "1", "2", "1"],
    [PRESENTER, "5", "4.60", "0", "0", "0", "2", "3"],
    [W[0], "5", "4.40", "0", "0", "0", "3", "2"],
    [W[1], "5", "4.00", "0", "0", "1", "3", "1"],
    [W[2], "5", "4.00", "0", "0", "1", "3", "1"],
    [W[3], "5", "3.80", "1", "0", "0", "2", "2"],
    [W[4], "5", "3.60", "0", "1", "1", "2", "1"],
    [BIAS, "5", "4.60", "0", "0", "0", "2", "3"],
    [OVERALL, "5", "4.40", "0", "0", "0", "3", "2"],
]


def write_csv(path, header, rows, delimiter=","):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def google_export(path):
    rows = []
    for n, (ratings, comments) in enumerate(zip(GOOGLE_RATINGS, GOOGLE_COMMENTS, strict=True)):
        rows.append([f"2026/03/14 11:4{n}:00 AM EST", f"person{n}@example.org"]
                    + ["" if r is None else WORDS[r] for r in ratings] + list(comments))
    return write_csv(path, GOOGLE_HEADER, rows)


def summary_rows(kit):
    with open(kit / "evaluation-summary.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def pdf_text(path):
    """The PDF's text with every run of white space one space."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def assert_pdf_shows(text, summary):
    """Each item's row reads as its statement, then its responses, mean and counts, in order (an
    item no column held is checked on its own)."""
    at = 0
    for item, responses, mean, *counts in summary:
        if responses == "0":
            continue
        row = " ".join([typeset(item), responses, mean, *counts])
        found = text.find(row, at)
        assert found >= 0, (row, text)
        at = found + len(row)


def test_google_forms_export_is_summarized_as_worked_out_by_hand(tmp_path):
    responses = google_export(tmp_path / "Evaluation (Responses) - Form Responses 1.csv")
    result = run("build", BUNDLED, "--roster", ROSTER, "--evaluations", responses, "--out", tmp_path / "k")
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr  # every column is the form's, every item has its column
    assert "evaluation-summary.pdf" in result.stdout and "evaluation-summary.csv" in result.stdout
    rows = summary_rows(tmp_path / "k")
    assert rows[0] == ["item", "responses", "mean", "1", "2", "3", "4", "5"]
    assert rows[1:] == GOOGLE_SUMMARY
    text = pdf_text(tmp_path / "k" / "evaluation-summary.pdf")
    assert_pdf_shows(text, GOOGLE_SUMMARY)
    # 5 responses of 11 attendees: 45.45...%; 54 ratings adding up to 226: a mean of 4.185...
    assert "5 responses from 11 attendees (45%)" in text
    assert "45% response rate, of 11 attendees" in text
    assert "4.19 mean of all 54 ratings" in text
    # every comment under its own question, in the order of the rows; a comment's line break a space
    comments = text[text.index("Comments"):]
    expected = {QUESTIONS[0]: ["The role plays", "Handouts, especially the worksheet", typeset('The "rupture and repair" demo')],
                QUESTIONS[1]: ["More time for questions", "Start on time", "A longer break"],
                QUESTIONS[2]: ["Ethics of self-disclosure", "Trauma-informed care"]}
    starts = [comments.index(q) for q in QUESTIONS] + [len(comments)]
    for k, question in enumerate(QUESTIONS):
        part = comments[starts[k]:starts[k + 1]]
        assert f"{len(expected[question])} comments" in part
        positions = [part.index(c) for c in expected[question]]
        assert positions == sorted(positions), part


def test_microsoft_forms_workbook_with_numbers_words_and_a_missing_item(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    # Microsoft Forms: its own columns first; a Likert question exports a column per statement, a
    # Rating question its number; here the form left out "The time was used well" and added a question
    header = (["ID", "Start time", "Completion time", "Email", "Name", "Last modified time", O1, O2, O3,
               "How would you rate Dawn Allred?"] + list(W[:4]) + ["Which session did you attend?", QUESTIONS[1]])
    sheet.append(header)
    o1 = [5, 5, 4, 4, 4, 4, 4, 3]  # 33 / 8 = 4.125: a half, rounded up to 4.13
    o2 = ["Agree", "Agree", "Strongly agree", "Neutral", "Agree", "Disagree", "Agree", "Agree"]
    o3 = [None, None, "Agree", "Agree", None, "Strongly agree", "Agree", "Neutral"]
    presenter = [5, 5, 5, 4, 5, 5, 4, 5]
    w = ["Strongly agree", "Agree", "Agree", "Neutral", "Strongly disagree", "Agree", "Agree", "Strongly agree"]
    for n in range(8):
        start = dt.datetime(2026, 3, 14, 12, n)
        sheet.append([n + 1, start, start + dt.timedelta(minutes=3), "anonymous", None, None, o1[n], o2[n], o3[n],
                      presenter[n], w[n], w[n], w[n], w[n], "Morning", "Nothing" if n == 2 else None])
    book.create_sheet("Notes").append(["typed by the office"])
    book.active = 0
    book.save(tmp_path / "Workshop evaluation(1-8).xlsx")
    result = run("build", BUNDLED, "--evaluations", tmp_path / "Workshop evaluation(1-8).xlsx", "--out", tmp_path / "k")
    assert result.exit_code == 0, result.stderr
    shown = str(tmp_path / "Workshop evaluation(1-8).xlsx")
    assert (f"warning: {shown}: column O 'Which session did you attend?' holds none of the evaluation form's "
            "statements or questions, so it is not in the summary; if it is one of them, make its title contain "
            "the text as the form prints it") in result.stderr
    assert (f"warning: {shown}: no column holds these items of the form: 'The time was used well' (the "
            f"workshop); '{BIAS}' (the workshop); '{OVERALL}' (overall); '{QUESTIONS[0]}'; '{QUESTIONS[2]}'; the "
            "summary shows them as not asked") in result.stderr
    assert f"warning: {shown}: read the sheet 'Sheet1', the one the workbook opens on" in result.stderr
    # worked out by hand: Strongly agree 5, Agree 4, Agree 4, Neutral 3, Strongly disagree 1, Agree 4,
    # Agree 4, Strongly agree 5: 30 in all, 30 / 8 = 3.75; one 1, one 3, four 4s, two 5s
    w_row = ["8", "3.75", "1", "0", "1", "4", "2"]
    summary = [[O1, "8", "4.13", "0", "0", "1", "5", "2"],
               [O2, "8", "3.75", "0", "1", "1", "5", "1"],  # 4+4+5+3+4+2+4+4 = 30
               [O3, "5", "4.00", "0", "0", "1", "3", "1"],  # 4+4+5+4+3 = 20
               [PRESENTER, "8", "4.75", "0", "0", "0", "2", "6"],  # 38 / 8
               [W[0]] + w_row, [W[1]] + w_row, [W[2]] + w_row, [W[3]] + w_row,
               [W[4], "0", "", "0", "0", "0", "0", "0"], [BIAS, "0", "", "0", "0", "0", "0", "0"],
               [OVERALL, "0", "", "0", "0", "0", "0", "0"]]
    assert summary_rows(tmp_path / "k")[1:] == summary
    text = pdf_text(tmp_path / "k" / "evaluation-summary.pdf")
    assert_pdf_shows(text, summary)
    assert "The time was used well – – not in the responses" in text
    assert "8 responses; response rate unknown" in text
    assert "unknown response rate: attendees not given" in text
    assert "1 comment" in text and "Nothing" in text
    assert f"{QUESTIONS[0]} Not asked: not in the responses" in text


def test_paper_forms_typed_with_semicolons_and_numbers(in_tmp):
    # typed from the paper forms in a spreadsheet set to a European locale: semicolons, the
    # statements as the form prints them, the objectives' stem left out, a form left half done
    write_csv(in_tmp / "paper.csv", [O1, O2, O3, PRESENTER, *W, "What would you change?"],
              [[5, 4, 4, 5, 5, 5, 5, 5, 5, "Less lecture"], [3, "", "", "", "", "", "", "", "", ""],
               ["", "", "", "", "", "", "", "", "", ""], [4, 4, 2, 5, 4, 4, 4, 4, 4, ""]], delimiter=";")
    result = run("build", BUNDLED, "--roster", ROSTER, "--evaluations", "paper.csv", "--out", "k", "--only",
                 "evaluation-summary")
    assert result.exit_code == 0, result.stderr
    rows = summary_rows(in_tmp / "k")
    assert rows[1] == [O1, "3", "4.00", "0", "0", "1", "1", "1"]
    assert rows[3] == [O3, "2", "3.00", "0", "1", "0", "1", "0"]
    assert rows[4] == [PRESENTER, "2", "5.00", "0", "0", "0", "0", "2"]
    text = pdf_text(in_tmp / "k" / "evaluation-summary.pdf")
    assert "3 responses from 11 attendees (27%)" in text  # the blank row is no response
    assert sorted(p.name for p in (in_tmp / "k").iterdir() if not p.name.startswith(".")) == ["evaluation-summary.csv", "evaluation-summary.pdf"]


def test_the_summary_asks_exactly_what_the_form_prints(tmp_path):
    """The CSV's items are the form's statements, in the form's order; an outline with another
    presenter and objective changes both alike."""
    outline = write(tmp_path, "two.yaml", """\
        workshop:
          title: Two presenters
          date: 2026-05-02
        presenters:
          - name: Ana Ruiz
            credentials: PhD
          - name: Bo Chen
        objectives:
          - Explain the stages of change
        sections:
          - title: Only section
            minutes: 60
            slides:
              - title: Hello
                bullets: [one]
        """)
    header = ["Explain the stages of change", "Ana Ruiz, PhD knew the subject and presented it clearly",
              "Presenter [Bo Chen]", *W]
    write_csv(tmp_path / "r.csv", header, [[4, 5, 3, 4, 4, 4, 4, 4]])
    assert run("build", outline, "--evaluations", tmp_path / "r.csv", "--out", tmp_path / "k").exit_code == 0
    form = [text for _, items in statements(load_outline(outline)) for text in items]
    assert [row[0] for row in summary_rows(tmp_path / "k")[1:]] == form
    assert form[:3] == ["Explain the stages of change", "Ana Ruiz, PhD knew the subject and presented it clearly",
                        "Bo Chen knew the subject and presented it clearly"]
    form_text = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "k" / "evaluation.pdf").pages).split())
    for text in form + list(QUESTIONS):
        assert text in form_text


def test_bad_ratings_are_named_by_row_and_nothing_is_written(in_tmp):
    rows = [[WORDS[r] if r else "" for r in ratings[:9]] for ratings in GOOGLE_RATINGS]
    rows[1][0] = "6"
    rows[3][4] = "Great"
    rows[4][8] = "4.5"
    write_csv(in_tmp / "bad.csv", GOOGLE_HEADER[2:11], rows)
    expected = [
        "bad.csv: row 3, column A ('This objective was met: [Name three components of an effect…'): the rating 6 "
        "is outside the scale; rate from 1 (strongly disagree) to 5 (strongly agree)",
        "bad.csv: row 5, column E ('The workshop [The content is relevant to my practice]'): cannot read 'Great' as "
        "a rating; write 1 to 5, or the scale's words: Strongly disagree, Disagree, Neutral, Agree, Strongly agree "
        "(N/A leaves it unrated)",
        "bad.csv: row 6, column I ('The workshop [The time was used well]'): a rating is a whole number from 1 to 5, "
        "got 4.5"]
    result = run("build", BUNDLED, "--evaluations", "bad.csv", "--out", "k")
    assert_rejected(result, *expected)
    assert "3 problems found; nothing was written." in result.stderr
    assert not (in_tmp / "k").exists()
    assert_rejected(run("validate", BUNDLED, "--evaluations", "bad.csv"), *expected)


def test_an_existing_kit_is_untouched_by_a_refused_summary(in_tmp):
    google_export(in_tmp / "good.csv")
    assert run("build", BUNDLED, "--evaluations", "good.csv", "--out", "k").exit_code == 0
    before = {p.name: p.read_bytes() for p in (in_tmp / "k").iterdir() if p.is_file()}
    write_csv(in_tmp / "bad.csv", GOOGLE_HEADER, [["x", "y"] + ["0"] * 11 + ["", "", ""]])
    result = run("build", BUNDLED, "--evaluations", "bad.csv", "--out", "k")
    assert result.exit_code == 2
    assert {p.name: p.read_bytes() for p in (in_tmp / "k").iterdir() if p.is_file()} == before


@pytest.mark.parametrize("header, rows, message", [
    (["Timestamp", "Favourite colour"], [["1", "blue"]],
     "t.csv: row 1: no column's title holds a statement or question of this workshop's evaluation form; is it the "
     "responses to this workshop? Each column's title must contain the text as the form prints it, e.g. 'Overall, I was "
     "satisfied with this workshop'"),
    ([O1, f"This objective was met: [{O1}]"], [["5", "4"]],
     f"t.csv: row 1: columns A and B both hold '{O1}'; keep one of them (or title each with the statement it holds)"),
    ([f"{W[0]} / {W[1]}"], [["5"]],
     f"t.csv: row 1, column A: the title '{W[0]} / I will use what I …' holds more than one of the form's statements "
     f"('{W[0]}'; '{W[1]}'); title the column with the one it holds"),
    ([O1], [],
     "t.csv: the file has a header row but no responses; is it the right file (or the right sheet)?"),
    ([O1, W[0]], [["5", "4", "extra"]],
     "t.csv: row 2: it has a value in column C, past the last titled column ('extra'); give that column a title "
     "or move the value where it belongs"),
])
def test_files_that_cannot_be_summarized_are_refused(in_tmp, header, rows, message):
    write_csv(in_tmp / "t.csv", header, rows)
    assert_rejected(run("build", BUNDLED, "--evaluations", "t.csv", "--out", "k"), message)
    assert not (in_tmp / "k").exists()
    assert_rejected(run("validate", BUNDLED, "--evaluations", "t.csv"), message)


def test_an_unclosed_quote_and_a_missing_file_are_refused(in_tmp):
    (in_tmp / "q.csv").write_text(f'{O1},{QUESTIONS[0]}\n5,"never closed\n4,fine\n', encoding="utf-8")
    result = run("build", BUNDLED, "--evaluations", "q.csv", "--out", "k")
    assert result.exit_code == 2 and "q.csv: row 2: the row cannot be read as CSV" in result.stderr
    assert_rejected(run("build", BUNDLED, "--evaluations", "none.csv", "--out", "k"),
                    "none.csv: evaluation responses file not found")
    assert not (in_tmp / "k").exists()


def test_only_the_summary_needs_the_responses(in_tmp):
    assert_rejected(run("build", BUNDLED, "--only", "evaluation-summary", "--out", "k"),
                    "--only: evaluation-summary is made from the evaluation form's responses: add --evaluations FILE "
                    "(a .csv or .xlsx export)")
    assert run("build", BUNDLED, "--out", "k").exit_code == 0
    assert not (in_tmp / "k" / "evaluation-summary.pdf").exists()


def test_validate_reports_the_responses_and_the_rate(in_tmp):
    google_export(in_tmp / "g.csv")
    result = run("validate", BUNDLED, "--roster", ROSTER, "--evaluations", "g.csv")
    assert result.exit_code == 0, result.stderr
    assert "; g.csv: valid: 5 responses from 11 attendees (45%)" in result.stdout


def test_more_responses_than_attendees_is_said(in_tmp):
    write(in_tmp, "roster.csv", "name\nAnn Lee\nBo Chen\n")
    google_export(in_tmp / "g.csv")
    result = run("build", BUNDLED, "--roster", "roster.csv", "--evaluations", "g.csv", "--out", "k")
    assert result.exit_code == 0, result.stderr
    assert ("warning: g.csv: 5 responses but 2 attendees; are the responses all from this workshop, and is "
            "everyone who came on the roster?") in result.stderr
    assert "5 responses from 2 attendees: more responses than attendees" in pdf_text(in_tmp / "k" / "evaluation-summary.pdf")


def test_the_summary_is_the_same_bytes_twice(tmp_path):
    responses = google_export(tmp_path / "g.csv")
    for name in ("a", "b"):
        assert run("build", BUNDLED, "--evaluations", responses, "--out", tmp_path / name, "--only",
                   "evaluation-summary").exit_code == 0
    for name in ("evaluation-summary.pdf", "evaluation-summary.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.mark.parametrize("value, rating", [
    ("5", 5), (" strongly AGREE ", 5), ("Neutral", 3), ("Neither agree nor disagree", 3), (4, 4), (4.0, 4),
    ("5 - Strongly agree", 5), ("Agree (4)", 4), ("1. Strongly disagree", 1), ("", None), (None, None),
    ("N/A", None), ("Not applicable", None),
])
def test_ratings_read_as_numbers_or_the_scales_words(value, rating):
    assert read_rating(value) == (rating, "")


@pytest.mark.parametrize("value, message", [
    ("0", "the rating 0 is outside the scale"), (6, "the rating 6 is outside the scale"),
    ("4 - Strongly agree", "'4 - Strongly agree' gives two ratings: 4, and 5 for 'Strongly agree'"),
    ("Excellent", "cannot read 'Excellent' as a rating"), (3.5, "a rating is a whole number from 1 to 5, got 3.5"),
])
def test_ratings_that_are_not_on_the_scale_are_refused(value, message):
    rating, problem = read_rating(value)
    assert rating is None and problem.startswith(message), problem


def test_a_form_that_answered_only_its_own_question_is_a_response(in_tmp):
    write_csv(in_tmp / "r.csv", ["Timestamp", O1, "Your profession", QUESTIONS[0]],
              [["2026/03/14 11:40", "4", "LPC", ""], ["2026/03/14 11:41", "N/A", "LCSW", ""],
               ["2026/03/14 11:42", "", "", ""]])
    result = run("build", BUNDLED, "--evaluations", "r.csv", "--out", "k", "--only", "evaluation-summary")
    assert result.exit_code == 0, result.stderr
    assert summary_rows(in_tmp / "k")[1] == [O1, "1", "4.00", "0", "0", "0", "1", "0"]
    text = pdf_text(in_tmp / "k" / "evaluation-summary.pdf")
    assert "2 responses; response rate unknown" in text  # the third form came back with nothing on it


def test_a_comment_no_font_can_print_is_refused_with_its_row(in_tmp):
    write_csv(in_tmp / "r.csv", [O1, QUESTIONS[1]], [["4", "fine"], ["5", "private \ue000 sign"]])
    assert_rejected(run("build", BUNDLED, "--evaluations", "r.csv", "--out", "k"),
                    "r.csv: row 3, column B: no installed font can print U+E000 in this comment; retype it without "
                    "that character")
    assert not (in_tmp / "k").exists()


def test_the_attendees_of_an_online_workshop_are_those_in_its_reports(in_tmp):
    """Everyone who joined counts, with or without a certificate; hosts and whoever never joined do
    not: of the roster's nine, Jack never joined and Hana stayed ten minutes (no certificate under
    partial: none) but was there: 8 attendees."""
    from support.attendance import ROSTER as ONLINE_ROSTER, ZOOM_PEOPLE, outline, zoom_meeting

    write(in_tmp, "ethics.yaml", outline("none"))
    write(in_tmp, "roster.csv", ONLINE_ROSTER)
    zoom_meeting(in_tmp, [p for p in ZOOM_PEOPLE if p[0] != "Gus Lind"])
    write_csv(in_tmp / "r.csv", ["Dawn Allred knew the subject and presented it clearly", *W],
              [[5, 4, 4, 4, 4, 4], [4, 5, 5, 5, 5, 5], [5, 5, 5, 5, 5, 5]])
    result = run("build", "ethics.yaml", "--roster", "roster.csv", "--attendance", "zoom.csv", "--evaluations",
                 "r.csv", "--out", "out", "--only", "evaluation-summary")
    assert result.exit_code == 0, result.stderr
    assert "3 responses from 8 attendees (38%)" in pdf_text(in_tmp / "out" / "evaluation-summary.pdf")
    result = run("validate", "ethics.yaml", "--roster", "roster.csv", "--attendance", "zoom.csv", "--evaluations",
                 "r.csv")
    assert "r.csv: valid: 3 responses from 8 attendees (38%)" in result.stdout


def test_responses_to_the_form_in_another_language_are_refused(in_tmp):
    """The English form's responses fed to the Spanish outline's summary: ten columns of ratings of
    statements the Spanish form does not print. Summarising the one column that matches (the
    presenter's name) would print a summary of nothing without a word; it is refused."""
    google_export(in_tmp / "en.csv")
    expected = ("en.csv: row 1: columns C, D, E, G, H, I, J, K, L and M hold ratings of statements this "
                "workshop's evaluation form does not print, more than the 1 of its 11 statements the file holds, so "
                "these look like the responses to another form (another workshop's, or the form in another language); "
                "export the responses to this workshop's form, or make each column's title contain the statement as "
                "the form prints it, e.g. 'Nombrar tres componentes de una relación terapéutica eficaz'")
    spanish = OUTLINES / "therapeutic-relationship-es.yaml"
    assert_rejected(run("build", spanish, "--evaluations", "en.csv", "--out", "k"), expected)
    assert not (in_tmp / "k").exists()
    assert_rejected(run("validate", spanish, "--evaluations", "en.csv"), expected)


def test_the_summary_says_how_many_of_the_form_s_statements_the_file_lacks(in_tmp):
    """A form whose export leaves out two statements: the summary says so beside its figures."""
    header = [f"This objective was met: [{o}]" for o in (O1, O2, O3)] + [PRESENTER, *W[:4], OVERALL]
    write_csv(in_tmp / "r.csv", header, [["5"] * len(header), ["4"] * len(header)])
    result = run("build", BUNDLED, "--evaluations", "r.csv", "--out", "k", "--only", "evaluation-summary")
    assert result.exit_code == 0, result.stderr
    text = " ".join(pdf_text(in_tmp / "k" / "evaluation-summary.pdf").split())
    assert ("2 of the form’s 11 statements are not in this file (shown as “not in the responses”); the figures are "
            "of the other 9.") in text


def _scale_words(pdf):
    """The words under the first group's scale numbers on page 1, read back by poppler: for each
    line under the numbers, each column's words as (x0, x1, height), in column order."""
    import re
    import subprocess

    from support.office import require

    html = subprocess.run([require("pdftotext"), "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    words = [(float(a), float(b), float(c), float(e), w) for a, b, c, e, w in
             re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', html)]
    boxes = [w for w in words if w[0] >= 300]  # the scale's columns, right of the statements
    top = min(w[1] for w in boxes if w[4] == "5")  # the first group's "1 2 3 4 5"
    middles = sorted((w[0] + w[2]) / 2 for w in boxes if w[4] in "12345" and abs(w[1] - top) < 1)
    assert len(middles) == 5, middles
    lines: dict[int, list[list[tuple[float, float, float]]]] = {}
    for x0, y0, x1, y1, text in boxes:
        if top + 4 < y0 < top + 40 and not text.isdigit():
            column = min(range(5), key=lambda k: abs(middles[k] - (x0 + x1) / 2))
            lines.setdefault(round(y0), [[] for _ in range(5)])[column].append((x0, x1, y1 - y0))
    return list(lines.values())


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_the_scale_s_words_keep_clear_of_the_next_column(in_tmp, language):
    """Each word under the scale's numbers is at least 7.5 pt and leaves at least 4 pt to the words of
    the next column (Spanish "Muy en desacuerdo" and "En desacuerdo" touched at 38 pt a column)."""
    write(in_tmp, "o.yaml", f"""\
        extends: {BUNDLED.as_posix()}
        workshop:
          language: {language}
        """)
    assert run("build", "o.yaml", "--only", "evaluation", "--out", "k").exit_code == 0
    lines = _scale_words(in_tmp / "k" / "evaluation.pdf")
    assert sum(len(column) for line in lines for column in line) >= 5, lines
    for line in lines:
        filled = [column for column in line if column]
        for left, right in zip(filled, filled[1:]):
            assert min(x0 for x0, _, _ in right) - max(x1 for _, x1, _ in left) >= 4, line
        assert min(h for column in filled for _, _, h in column) >= 7.5, line


def test_the_form_s_last_page_is_written_down_to_its_foot_and_says_where_it_goes(in_tmp):
    """The open questions of the last page share the page down to a thank-you line that says to hand
    the form in (a 3-inch blank band under the last question's lines read as a missing part)."""
    assert run("build", BUNDLED, "--only", "evaluation", "--out", "k").exit_code == 0
    reader = PdfReader(in_tmp / "k" / "evaluation.pdf")
    last = " ".join(reader.pages[-1].extract_text().split())
    assert "Thank you. Please hand this form in before you leave." in last
    assert "Please turn over" in " ".join(reader.pages[0].extract_text().split())
