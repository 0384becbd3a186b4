"""The knowledge check, read back from every file it reaches: GIFT parsed by its grammar, the QTI
package's keyed answers, Kahoot's sheet, the handouts and guide as text, the deck's slides, and
the certificates a pass mark holds back."""

import csv
import html
import re
import zipfile
import xml.etree.ElementTree as ET
from textwrap import dedent
from decimal import Decimal

import openpyxl
import pytest
from pptx import Presentation

from support import DATA, MINIMAL, assert_rejected, run, write
from support.giftparse import parse_gift
from support.office import pdf_text
from workshop.loader import load_outline

OUTLINE = DATA / "quiz.yaml"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
ROSTER = """name,email,score
Ana Pass,ana@x.org,90
Ben Percent,ben@x.org,80%
Cara Fraction,cara@x.org,5/6
Dan Below,dan@x.org,2/4
Eve Blank,eve@x.org,
Fay Exact,fay@x.org,75
"""


@pytest.fixture(scope="module")
def quiz():
    return load_outline(OUTLINE).quiz


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    folder = tmp_path_factory.mktemp("quiz")
    roster = folder / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    result = run("build", OUTLINE, "--roster", roster, "--out", folder / "kit")
    assert result.exit_code == 0, result.stderr
    return folder / "kit", result


def test_the_outline_gives_the_questions_as_written(quiz):
    assert quiz.pass_percent == Decimal(75) and quiz.per_hour == Decimal(2)
    first, second = quiz.questions[:2]
    assert (first.ask, first.choices, first.answer, first.objective) == (
        "Which of these is one of the core components named today?",
        ("Trust", "Billing", "Diagnosis", "Scheduling"), "Trust", 1)
    assert second.true_false and second.answer == "False" and second.options == ("True", "False")


# -- Moodle GIFT ---------------------------------------------------------------------------------

def test_gift_reads_back_question_for_question(kit, quiz):
    parsed = parse_gift((kit[0] / "quiz.gift").read_text(encoding="utf-8"))
    assert len(parsed) == len(quiz.questions)
    for n, (got, q) in enumerate(zip(parsed, quiz.questions), 1):
        assert got.name == f"Q{n}"
        assert got.text == q.ask
        assert got.feedback == q.explain
        if q.true_false:
            assert got.truth is (q.answer == "True") and not got.answers
        else:
            assert got.answers == [(c, c == q.answer) for c in q.choices]


def test_gift_escapes_every_special_character(kit):
    text = (kit[0] / "quiz.gift").read_text(encoding="utf-8")
    assert r"which score \{0-10\} means the client feels \~fully heard?" in text
    assert r"=10 \= fully heard" in text and r"~\#1 on the list" in text
    assert r"Rate the alliance\: which" in text
    assert "{FALSE####Silence often gives the client room to think.}" in text


def test_gift_marks_plain_any_answer_moodle_would_read_as_a_format_or_weight(tmp_path):
    outline = write(tmp_path, "o.yaml", MINIMAL + dedent("""\
        quiz:
          questions:
            - ask: "Which share?"
              choices: ["%50% of clients", "[html] tags", "all"]
              answer: all
        """))
    result = run("build", outline, "--only", "quiz", "--out", tmp_path / "kit")
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "kit" / "quiz.gift").read_text(encoding="utf-8")
    assert "~[plain]%50%" in text and "~[plain][html] tags" in text
    assert parse_gift(text)[0].answers == [("%50% of clients", False), ("[html] tags", False), ("all", True)]


# -- QTI 1.2 for Canvas --------------------------------------------------------------------------

def qti_items(kit):
    with zipfile.ZipFile(kit / "quiz-qti.zip") as archive:
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        resource = manifest.find(f"{CP}resources/{CP}resource[@type='imsqti_xmlv1p2']")
        href = resource.find(f"{CP}file").get("href")
        meta = manifest.find(f"{CP}resources/{CP}resource[@identifier='{resource.find(f'{CP}dependency').get('identifierref')}']")
        assert meta.find(f"{CP}file").get("href") in archive.namelist()
        assessment = ET.fromstring(archive.read(href))
    return assessment.findall(f"{QTI}assessment/{QTI}section/{QTI}item")


def test_qti_item_keys_the_right_choice(kit, quiz):
    items = qti_items(kit[0])
    assert len(items) == len(quiz.questions)
    for item, q in zip(items, quiz.questions):
        fields = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
                  for f in item.iter(f"{QTI}qtimetadatafield")}
        assert fields["question_type"] == ("true_false_question" if q.true_false else "multiple_choice_question")
        question = item.find(f"{QTI}presentation/{QTI}material/{QTI}mattext")
        assert html.unescape(re.sub(r"<[^>]+>", "", question.text)) == q.ask
        labels = {label.get("ident"): label.findtext(f"{QTI}material/{QTI}mattext")
                  for label in item.iter(f"{QTI}response_label")}
        assert list(labels.values()) == list(q.options)
        scoring = [c for c in item.iter(f"{QTI}respcondition") if c.findtext(f"{QTI}setvar") == "100"]
        assert len(scoring) == 1
        keyed = scoring[0].find(f"{QTI}conditionvar/{QTI}varequal")
        assert keyed.get("respident") == item.find(f".//{QTI}response_lid").get("ident")
        assert labels[keyed.text] == q.answer
        feedback = item.findtext(f"{QTI}itemfeedback/{QTI}flow_mat/{QTI}material/{QTI}mattext")
        assert (feedback or "") == q.explain


def test_qti_zip_is_stamped_with_the_workshop_date(kit):
    with zipfile.ZipFile(kit[0] / "quiz-qti.zip") as archive:
        assert archive.namelist()[0] == "imsmanifest.xml"
        assert {i.date_time for i in archive.infolist()} == {(2026, 3, 14, 0, 0, 0)}


# -- Kahoot --------------------------------------------------------------------------------------

def test_kahoot_sheet_follows_the_template(kit, quiz):
    book = openpyxl.load_workbook(kit[0] / "quiz-kahoot.xlsx")
    sheet = book.worksheets[0]
    assert sheet["B8"].value == "Question - max 120 characters"
    assert sheet["H8"].value == "Correct answer(s) - choose at least one"
    rows = list(sheet.iter_rows(min_row=9, max_col=8, values_only=True))
    assert len(rows) == len(quiz.questions)
    for n, (row, q) in enumerate(zip(rows, quiz.questions), 1):
        number, ask, *answers, seconds, correct = row
        assert (number, ask) == (n, q.ask)
        assert [a for a in answers if a is not None] == list(q.options)
        assert seconds in (5, 10, 20, 30, 60, 90, 120, 240)
        assert answers[int(correct) - 1] == q.answer
    assert book.properties.created.date().isoformat() == "2026-03-14"
    assert book.properties.modified == book.properties.created


def test_kahoot_warns_of_what_it_cannot_take(tmp_path):
    outline = write(tmp_path, "o.yaml", MINIMAL + dedent("""\
        quiz:
          questions:
            - ask: Pick one
              choices: [a, b, c, d, e]
              answer: e
            - ask: %s
              answer: true
        """) % ("Long " * 30).strip())
    result = run("build", outline, "--only", "quiz", "--out", tmp_path / "kit")
    assert result.exit_code == 0, result.stderr
    assert (f"warning: {outline}:14:7: quiz.questions[0]: 5 choices; Kahoot takes 4 at most, so question 1 is left "
            "out of quiz-kahoot.xlsx") in result.stderr
    assert f"warning: {outline}:17:7: quiz.questions[1].ask: 149 characters; Kahoot takes 120 at most" in result.stderr
    sheet = openpyxl.load_workbook(tmp_path / "kit" / "quiz-kahoot.xlsx").worksheets[0]
    assert [r[:2] for r in sheet.iter_rows(min_row=9, max_col=2, values_only=True)] == [(2, ("Long " * 30).strip())]
    checked = run("validate", outline)  # validate says what build says
    assert checked.exit_code == 0 and f"{outline}:14:7: quiz.questions[0]: 5 choices; Kahoot takes 4" in checked.stderr


# -- handouts, guide and deck --------------------------------------------------------------------

def flat(text):
    return " ".join(text.split())


def test_handouts_ask_every_question_and_give_nothing_away(kit, quiz):
    pages = [flat(p) for p in pdf_text(kit[0] / "handouts.pdf")]
    check = [p for p in pages if p.startswith("Knowledge check")]
    assert len(check) == 1
    for n, q in enumerate(quiz.questions, 1):
        assert f"{n}. {q.ask}" in check[0]
    assert "A. Trust B. Billing C. Diagnosis D. Scheduling" in check[0]
    everything = " ".join(pages)
    for q in quiz.questions:
        if q.explain:
            assert q.explain not in everything
    assert "Answer:" not in everything and "Answer to question" not in everything


def test_guide_gives_the_key_explanations_and_objectives(kit, quiz):
    guide = flat(" ".join(pdf_text(kit[0] / "guide.pdf")))
    assert "Knowledge check: answer key" in guide
    assert "Answer: A. Trust" in guide and "Answer: False" in guide and "Answer: A. 10 = fully heard" in guide
    for q in quiz.questions:
        if q.explain:
            assert q.explain in guide
    assert "Checks objective 3: Identify three self-care activities to build into a personal plan" in guide


def slide_texts(deck):
    return [(s.shapes.title.text, " ".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame),
             s.notes_slide.notes_text_frame.text) for s in Presentation(deck).slides]


def test_deck_asks_each_question_then_answers_it(kit, quiz):
    slides = slide_texts(kit[0] / "deck.pptx")
    first = next(k for k, s in enumerate(slides) if s[0].startswith("Knowledge check"))
    total = len(quiz.questions)
    for n, q in enumerate(quiz.questions, 1):
        (ask_title, ask_text, ask_notes), (ans_title, ans_text, ans_notes) = slides[first + 2 * n - 2: first + 2 * n]
        assert ask_title == f"Knowledge check: question {n} of {total}" and ans_title == f"Answer to question {n}"
        assert q.ask in ask_text and q.ask in ans_text
        for k, choice in enumerate(q.choices):
            assert f"{'ABCD'[k]}.\t{choice}" in ask_text
        answer = f"{'ABCD'[q.key]}. {q.answer}" if q.choices else q.answer
        assert f"Answer: {answer}" in ans_text and "Answer:" not in ask_text
        if q.explain:
            assert q.explain in ans_text and q.explain not in ask_text + ask_notes
    assert slides[first + 2 * total][0] == "References"


def test_deck_has_no_question_slides_unless_asked(tmp_path):
    outline = write(tmp_path, "o.yaml", f"extends: {OUTLINE}\ndeck:\n  quiz: false\n")
    result = run("build", outline, "--only", "deck", "--out", tmp_path / "kit")
    assert result.exit_code == 0, result.stderr
    assert not [t for t, *_ in slide_texts(tmp_path / "kit" / "deck.pptx") if t.startswith(("Knowledge check", "Answer to"))]


# -- scores and certificates ---------------------------------------------------------------------

def test_a_score_below_the_pass_mark_or_blank_gives_no_certificate(kit):
    folder, result = kit
    roster = folder.parent / "roster.csv"
    assert f"warning: {roster}: row 5, Dan Below: scored 50%, below the pass mark of 75%: no certificate" in result.stderr
    assert f"warning: {roster}: row 6, Eve Blank: no score (the test was not taken): no certificate" in result.stderr
    with open(folder / "certificates.csv", encoding="utf-8-sig", newline="") as f:
        ledger = list(csv.DictReader(f))
    assert [(r["name"], r["score"]) for r in ledger] == [
        ("Ana Pass", "90%"), ("Ben Percent", "80%"), ("Cara Fraction", "83.33%"), ("Fay Exact", "75%")]
    pages = pdf_text(folder / "certificates.pdf")
    assert len(pages) == 4 and not any("Dan Below" in p or "Eve Blank" in p for p in pages)


def test_scores_that_cannot_be_read_are_named_by_row(in_tmp):
    outline = write(in_tmp, "o.yaml", f"extends: {OUTLINE}\n")
    write(in_tmp, "r.csv", "name,score\nA,0.83\nB,5/4\nC,high\nD,120\nE,1%\n")
    assert_rejected(run("validate", outline, "--roster", "r.csv"),
                    "r.csv: row 2, score: '0.83' could be 0.83% or 83%; write the percentage with a % sign "
                    "(e.g. 83%) or as right out of asked (e.g. 5/6). A spreadsheet's percent cells are read as "
                    "fractions: format the column as plain numbers",
                    "r.csv: row 3, score: '5/4' is not a score: the number right cannot be more than the questions "
                    "asked, and at least one question is asked",
                    "r.csv: row 4, score: 'high' is not a score; write a percentage like 83 or 83%, or questions "
                    "right out of asked like 5/6, or leave it blank if the test was not taken",
                    "r.csv: row 5, score: '120' is not a score from 0 to 100%; write a percentage like 83 or 83%, "
                    "or questions right out of asked like 5/6")
    assert "row 6" not in run("validate", outline, "--roster", "r.csv").stderr


def test_a_score_rule_that_cannot_apply_is_said(in_tmp):
    no_mark = write(in_tmp, "no-mark.yaml", MINIMAL + "quiz:\n  questions:\n    - {ask: Trust takes time, answer: true}\n")
    write(in_tmp, "scored.csv", "name,score\nAna,40\n")
    result = run("build", no_mark, "--roster", "scored.csv", "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    assert ("warning: scored.csv: the roster has scores, but the outline sets no quiz.pass_percent, so certificates "
            "are issued whatever the score") in result.stderr
    mark = write(in_tmp, "mark.yaml", MINIMAL + "quiz:\n  pass_percent: 80\n  questions:\n"
                                                "    - {ask: Trust takes time, answer: true}\n")
    write(in_tmp, "plain.csv", "name\nAna\n")
    result = run("build", mark, "--roster", "plain.csv", "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    assert ("warning: mark.yaml:13:3: quiz.pass_percent: the roster has no score column, so certificates are "
            "issued without checking scores") in result.stderr
    assert len(pdf_text(in_tmp / "build" / "mark" / "certificates.pdf")) == 1


def test_a_question_starting_with_equals_is_text_in_the_kahoot_sheet_and_only_quiz_needs_a_quiz(in_tmp):
    import openpyxl

    from support import MINIMAL, assert_rejected, run, write

    write(in_tmp, "o.yaml", MINIMAL + "objectives: [Know one thing]\nquiz:\n  questions:\n"
                                      "    - ask: \"=1+1 is what?\"\n      choices: [\"=2\", Three]\n      answer: \"=2\"\n")
    assert run("build", "o.yaml", "--out", "kit", "--only", "quiz").exit_code == 0
    sheet = openpyxl.load_workbook(in_tmp / "kit" / "quiz-kahoot.xlsx").active
    assert sheet["B9"].value == "=1+1 is what?" and sheet["B9"].data_type == "s"
    assert sheet["C9"].value == "=2" and sheet["C9"].data_type == "s"
    write(in_tmp, "p.yaml", MINIMAL)
    assert_rejected(run("build", "p.yaml", "--out", "kit2", "--only", "quiz"),
                    "--only: quiz: the outline has no quiz: to export; add one (see 'Knowledge check' in the README) "
                    "or leave quiz out of --only")


def test_kahoots_sheet_imports_openpyxl_without_numpy_and_leaves_numpy_importable():
    import subprocess
    import sys

    pytest.importorskip("numpy")
    code = ("import sys; from workshop.quiz import kahoot; kahoot._import_openpyxl(); "
            "print('openpyxl' in sys.modules, 'numpy' in sys.modules); import numpy; print(numpy.__name__)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False", "numpy"]
