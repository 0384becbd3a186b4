"""Print-grade forms read back from the PDFs: nothing cut, nothing too small, every font embedded."""

import datetime as dt
import re
import unicodedata
from collections import namedtuple

import pytest
from pypdf import PdfReader

from support import BUNDLED, DATA, OUTLINES, run
from support.office import pdf_text, pdf_words
from support.printcheck import low_contrast_words, render, text_sizes, unembedded_fonts
from workshop.docstyle import TEXT_W
from workshop.loader import load_outline
from workshop.schedule import clock, clock_range, parse_clock

STRESS = DATA / "print-stress.yaml"
Box = namedtuple("Box", "x0 y0 x1 y1")
ROSTER = OUTLINES / "sample-roster.csv"


def flat(text):
    """Page text as one line of words, whatever the line breaks."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def stress_kit(tmp_path_factory):
    folder = tmp_path_factory.mktemp("print")
    result = run("build", STRESS, "--out", folder / "kit")
    assert result.exit_code == 0, result.stderr
    return folder / "kit"


def test_evaluation_prints_every_long_objective_and_presenter_whole(stress_kit):
    pdf = stress_kit / "evaluation.pdf"
    text = flat(" ".join(pdf_text(pdf)).replace("\n", " "))
    outline = load_outline(STRESS)
    assert len(outline.objectives) == 8
    for objective in outline.objectives:
        assert objective in text, objective
    for person in outline.presenters:
        assert f"{person.display_name} knew the subject and presented it clearly" in text, person.name


def test_evaluation_statements_share_one_size_of_at_least_9_points(stress_kit):
    runs = [run for page in text_sizes(stress_kit / "evaluation.pdf") for run in page]
    runs = runs[next(k for k, (t, _) in enumerate(runs) if t.startswith("Rate each")) + 1:]  # below the heading
    titles = {"Learning objectives", "This objective was met:", "Presenters", "The workshop", "Overall",
              "Participant evaluation", "(continued)", "Please turn over →", "1", "2", "3", "4",
              "5", "Strongly", "disagree", "Disagree", "Neutral", "Agree", "agree"}
    rows = [(t.strip(), size) for t, size in runs if t.strip() not in titles and not t.strip().endswith("?")
            and not t.startswith(("Relationship:", "Page "))]
    assert len(rows) > 20 and {size for _, size in rows} == {rows[0][1]} and rows[0][1] >= 9, sorted(set(rows))


@pytest.fixture(scope="module")
def sign_in(tmp_path_factory):
    folder = tmp_path_factory.mktemp("signin")
    result = run("build", BUNDLED, "--roster", ROSTER, "--out", folder / "kit", "--only", "sign-in")
    assert result.exit_code == 0, result.stderr
    return folder / "kit" / "sign-in.pdf"


def roster_names():
    return [line.split(",")[0] for line in ROSTER.read_text(encoding="utf-8").splitlines()[1:]]


def row_numbers(words):
    """The "#" column's numbers on a page, top to bottom, with their baselines."""
    left = min(w.x0 for w in words if w.text == "#")
    return [(int(w.text), w.y1) for w in words if w.text.isdigit() and w.x0 < left + 10 and w.y0 > 40]


def test_sign_in_sorts_names_and_adds_walk_in_rows(sign_in):
    pages = pdf_words(sign_in)
    lines = [flat(t) for t in pdf_text(sign_in)]
    latin = [n for n in roster_names() if n.split()[0] in " ".join(lines)]  # right-to-left names read reversed
    by_family = ["Aisha Bello", "José Martínez", "Kwame Mensah", "Nguyễn Thị Minh Khai", "Siobhán O'Connor",
                 "Priya Raghunathan", "Zoë Van der Berg-Łukasiewicz"]  # Nguyễn: a Vietnamese name, family first
    assert [n for n in by_family if n in latin] == [n for n in by_family if n in latin] and len(latin) >= 7
    found = [(page, line.find(name.split()[0])) for name in by_family
             for page, line in enumerate(lines) if name.split()[0] in line]
    assert found == sorted(found) and len(found) == 7, found
    numbers = [n for words in pages for n, _ in row_numbers(words)]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= len(roster_names()) + 5


def test_long_names_stay_whole_on_a_line_or_break_between_given_and_family_name(tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text("name,license\nGuadalupe Hernández-Villanueva de la Cruz,LCSW 1\n"
                      "Maximilian Alexander Fitzgerald-Whitmore-Oyelaran,LPC 2\nAna Li,LPC 3\n", encoding="utf-8")
    assert run("build", BUNDLED, "--roster", roster, "--out", tmp_path / "kit", "--only", "sign-in").exit_code == 0
    words = pdf_words(tmp_path / "kit" / "sign-in.pdf")[0]
    header = next(w for w in words if w.text == "License")
    rows = {}
    for w in words:
        if w.y0 > header.y1 + 4 and w.x1 < header.x0 and not w.text.isdigit():
            rows.setdefault(round(w.y0), []).append(w.text)
    lines = [" ".join(r) for _, r in sorted(rows.items())]
    # sorted by family name: de la Cruz, Fitzgerald-Whitmore-Oyelaran, Li; a break only between whole names
    # every break falls between words, and the family name has its line to itself
    k = lines.index("de la Cruz")
    assert " ".join(lines[:k + 1]) == "Guadalupe Hernández-Villanueva de la Cruz", lines
    assert lines[k + 1:k + 3] == ["Maximilian Alexander", "Fitzgerald-Whitmore-Oyelaran"], lines
    assert lines[k + 3] == "Ana Li", lines
    assert not any(line.endswith("-") for line in lines)
    sizes = {size for text, size in text_sizes(tmp_path / "kit" / "sign-in.pdf")[0]
             if text.strip() in ("Ana Li", "de la Cruz", "Maximilian Alexander")}
    assert len(sizes) == 1 and min(sizes) >= 10, sizes  # every name on the sheet at one size


def test_sign_in_rows_are_tall_and_signature_cells_wide(sign_in):
    for words in pdf_words(sign_in):
        tops = [y for _, y in row_numbers(words)]
        assert min(b - a for a, b in zip(tops, tops[1:])) >= 0.45 * 72 - 0.5
        x = {w.text: w.x0 for w in words if w.text in ("Name", "License", "Signature", "Time")}
        starts = sorted(w.x0 for w in words if w.text in ("Signature", "Time") and w.y0 < 200)
        name_w = x["License"] - x["Name"]
        signature_w = starts[2] - starts[1]  # "Signature in" up to "Time out"
        assert signature_w > name_w, (signature_w, name_w)


def test_every_sign_in_page_has_rows_and_its_own_attestation(tmp_path):
    for roster in (None, ROSTER):
        extra = ("--roster", roster) if roster else ()
        assert run("build", BUNDLED, *extra, "--out", tmp_path / "k", "--only", "sign-in").exit_code == 0
        pdf = tmp_path / "k" / "sign-in.pdf"
        pages = list(zip(pdf_words(pdf), pdf_text(pdf), strict=True))
        assert pages, roster
        for words, text in pages:
            assert "Monitor's attestation" in text or "Monitor’s attestation" in text
            assert len(row_numbers(words)) >= 8
        assert "3.00 CE hours" in flat(pdf_text(pdf)[0])


LONG_NAME = " ".join(["Bartholomew"] * 22) + " Longname-Oberhausen-Feathe"  # 290 characters


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    folder = tmp_path_factory.mktemp("certs")
    roster = folder / "roster.csv"
    roster.write_text(f"name,license\nZed Zimmer,LPC 1\n{LONG_NAME},LPC 3\n", encoding="utf-8")
    result = run("build", STRESS, "--roster", roster, "--out", folder / "kit", "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    return folder / "kit" / "certificates.pdf"


def boxes_meet(a, b):
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def test_certificate_qr_code_has_its_own_corner(certificates, tmp_path):
    image = render(certificates, 1, 72, tmp_path)
    black = [(x, y) for x in range(image.width) for y in range(image.height) if image.getpixel((x, y)) == (0, 0, 0)]
    assert black, "no QR code drawn"
    qr = Box(min(x for x, _ in black), min(y for _, y in black), max(x for x, _ in black), max(y for _, y in black))
    words = pdf_words(certificates)[0]
    assert [w.text for w in words if boxes_meet(w, qr)] == []
    for person in load_outline(STRESS).presenters:
        for part in person.name.split() + person.credentials.split():
            assert any(w.text == part for w in words), part


def test_certificate_credentials_print_whole(certificates):
    lines = [line.strip() for line in pdf_text(certificates)[0].splitlines()]
    text = flat(pdf_text(certificates)[0])
    for person in load_outline(STRESS).presenters:
        assert person.credentials in text
    assert not [line for line in lines if line.endswith(",")]


def test_certificate_text_is_8_points_or_more_with_a_safe_margin(certificates, tmp_path):
    for page in text_sizes(certificates):
        assert min(size for _, size in page) >= 8, sorted(page, key=lambda run: run[1])[:3]
    image = render(certificates, 1, 72, tmp_path)
    inked = [(x, y) for x in range(image.width) for y in range(image.height) if image.getpixel((x, y)) != (255, 255, 255)]
    margin = min(min(x, y, image.width - 1 - x, image.height - 1 - y) for x, y in inked)
    assert margin >= 36, margin  # half an inch: office printers clip less than that


def test_long_name_wraps_within_its_zone(certificates):
    words = pdf_words(certificates)[1]
    assert len(LONG_NAME) == 290 and sum(w.text == "Bartholomew" for w in words) == 22 and any("Longname" in w.text for w in words)
    name = [w for w in words if w.text in ("Bartholomew", "Longname-Oberhausen-Feathe")]
    others = [w for w in words if w.text in ("certifies", "License:", "completed")]
    assert not [(n.text, o.text) for n in name for o in others if boxes_meet(n, o)]
    page = pdf_words(certificates)[1]
    assert min(w.x0 for w in name) > 50 and max(w.x1 for w in name) < max(w.x1 for w in page)


def test_a_light_theme_colour_leaves_every_word_readable(certificates, tmp_path):
    assert low_contrast_words(certificates, 1, tmp_path) == []
    day = __import__("datetime").date.today()
    assert f"Issued {day:%B} {day.day}, {day.year}" in pdf_text(certificates)[0]


def test_the_unit_is_set_once_and_printed_with_the_same_hours_everywhere(tmp_path):
    outline = tmp_path / "unit.yaml"
    outline.write_text(f"extends: {BUNDLED}\nce:\n  unit: contact hours\n", encoding="utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text("name\nAnn Lee\n", encoding="utf-8")
    assert run("build", outline, "--roster", roster, "--out", tmp_path / "kit").exit_code == 0
    for name in ("certificates.pdf", "sign-in.pdf", "handouts.pdf", "guide.pdf"):
        text = flat(" ".join(pdf_text(tmp_path / "kit" / name)))
        assert "3.00 contact hours" in text, name
        assert "3.0 " not in text and "3 hours" not in text, name
        if name != "handouts.pdf":  # the handouts' slide miniatures print the deck's own title slide
            assert "CE hours" not in text, name


@pytest.fixture(scope="module")
def bundled_kit(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bundled")
    roster = folder / "roster.csv"
    roster.write_text(ROSTER.read_text(encoding="utf-8") + "Chris\u200dtine Day,c@example.org,LPC 7,,\n",
                      encoding="utf-8")
    result = run("build", BUNDLED, "--roster", roster, "--out", folder / "kit")
    assert result.exit_code == 0, result.stderr
    return folder / "kit"


PDFS = ("handouts.pdf", "guide.pdf", "certificates.pdf", "sign-in.pdf", "evaluation.pdf")


@pytest.mark.parametrize("name", PDFS)
def test_every_font_is_embedded_and_the_file_is_dated_the_workshop_day(bundled_kit, stress_kit, name):
    for kit in (bundled_kit, stress_kit):
        if (kit / name).exists():
            assert unembedded_fonts(kit / name) == [], name
    info = PdfReader(bundled_kit / name).metadata
    assert info.creation_date.date() == dt.date(2026, 3, 14)


@pytest.mark.parametrize("name", PDFS)
def test_printed_text_has_curly_quotes_and_en_dash_ranges(bundled_kit, name):
    text = flat(" ".join(pdf_text(bundled_kit / name)))
    assert "It’s All About" in text and "It's" not in text
    assert not re.search(r"\d\d:\d\d-\d\d:\d\d", text)


def test_handouts_attribute_quotes_once_and_hang_references(bundled_kit):
    pdf = bundled_kit / "handouts.pdf"
    text = flat(" ".join(pdf_text(pdf)))
    assert "(Norcross (2010" not in text and "— Norcross (2010, p. 113)" in text
    assert "pp. 113–141" in text and "09:00–09:15" in text
    page = [words for words in pdf_words(pdf) if any(w.text == "References" for w in words)][-1]  # not a miniature
    heading = next(w for w in page if w.text == "References")
    page = [w for w in page if w.y0 > heading.y1]  # the list only: a slide miniature may share its page
    lefts = sorted({round(min(w.x0 for w in words_on_line)) for words_on_line in lines_of(page)})
    margin = lefts[0]
    assert margin + 15 < lefts[1] < margin + 30, lefts  # continuation lines hang under the first


def lines_of(words):
    rows = {}
    for w in words:
        rows.setdefault(round(w.y1), []).append(w)
    return [row for y, row in sorted(rows.items()) if 60 < y < 740]


def test_the_footer_shortens_the_title_not_the_document_kind(stress_kit):
    for name, kind in (("handouts.pdf", "participant handouts"), ("guide.pdf", "facilitator guide")):
        footer = [line.strip() for line in pdf_text(stress_kit / name)[0].splitlines() if "Page 1 of" in line][0]
        assert f"… · {kind}" in footer and footer.startswith("Relationship: What It’s All About"), footer


def test_a_zero_width_joiner_prints_nothing(bundled_kit):
    for name in ("sign-in.pdf", "certificates.pdf"):
        text = " ".join(pdf_text(bundled_kit / name))
        assert "Christine Day" in text and "\u200d" not in text
    assert (bundled_kit / "certificates.csv").read_text(encoding="utf-8-sig").count("Chris\u200dtine") == 1


@pytest.mark.parametrize("name", ["handouts.pdf", "guide.pdf"])
def test_a_light_theme_colour_leaves_headings_readable(stress_kit, tmp_path, name):
    assert low_contrast_words(stress_kit / name, 1, tmp_path, dpi=150) == []  # thin digits blur at less


def test_handouts_show_content_slides_only_or_none(tmp_path, bundled_kit):
    text = " ".join(pdf_text(bundled_kit / "handouts.pdf"))
    assert "Slide 3" in text and "Slide 1 " not in text and "Stay in touch" not in text
    outline = tmp_path / "noslides.yaml"
    outline.write_text(f"extends: {BUNDLED}\nhandouts:\n  slides: false\n", encoding="utf-8")
    assert run("build", outline, "--out", tmp_path / "kit", "--only", "handouts").exit_code == 0
    text = " ".join(pdf_text(tmp_path / "kit" / "handouts.pdf"))
    assert "Worksheet: Ten ways" in text and not re.search(r"Slide \d", text)


@pytest.mark.parametrize("outline", [BUNDLED, DATA / "dense.yaml"])
def test_handouts_keep_sub_points_with_their_point(tmp_path, outline):
    assert run("build", outline, "--out", tmp_path / "kit", "--only", "handouts").exit_code == 0
    for page in pdf_text(tmp_path / "kit" / "handouts.pdf"):
        marks = [line.strip()[0] for line in page.splitlines() if line.strip()[:1] in ("•", "–")]
        assert marks[:1] != ["–"], page[:300]


def test_worksheets_have_a_page_and_wide_writing_columns(bundled_kit):
    pdf = bundled_kit / "handouts.pdf"
    pages = pdf_text(pdf)
    for title, first_header in (("Worksheet: Ten ways", "How"), ("My self-care plan", "What")):
        # the worksheet's own page: it starts with the worksheet's title (a slide page may name it too)
        k, page = next((k, p) for k, p in enumerate(pages) if p.strip().startswith(title))
        assert "Activity:" not in page and "Reflect:" not in page, title
        words = pdf_words(pdf)[k]
        header = next(w for w in words if w.text == first_header)
        assert header.x0 - 60 < 0.3 * TEXT_W, title  # the label column takes under 30% of the width


def test_guide_materials_once_each_with_a_count(tmp_path):
    outline = tmp_path / "kit.yaml"
    outline.write_text(f"""extends: {BUNDLED}
sections:
  qualities:
    activities:
      - title: Qualities in practice
        minutes: 10
        materials: [Index cards, Markers]
      - title: Second round
        minutes: 5
        materials: [index cards]
""", encoding="utf-8")
    assert run("build", outline, "--out", tmp_path / "kit", "--only", "guide").exit_code == 0
    text = flat(" ".join(pdf_text(tmp_path / "kit" / "guide.pdf")))
    checklist = text[text.index("Materials checklist"):]
    assert checklist.count("Index cards") == 1 and "Index cards ×2" in checklist
    assert "index cards" not in checklist


def test_guide_cues_read_at_body_size_and_the_late_plan_stays_whole(bundled_kit):
    pdf = bundled_kit / "guide.pdf"
    cues = [size for page in text_sizes(pdf) for t, size in page if re.match(r"Slide \d+: ", t)]
    assert cues and min(cues) >= 11
    page = next(p for p in pdf_text(pdf) if "If you are running late" in p)
    assert all(f"{n} min" in page for n in (5, 10, 15, 20))


@pytest.mark.parametrize("outline", [BUNDLED, DATA / "full-day.yaml", DATA / "dense.yaml"])
def test_run_of_show_sets_every_value_in_its_own_column(tmp_path, outline):
    """Read back by position: each row's start, end, minutes and kind start where their column's
    header starts (activity rows too); an activity's title sits indented inside the Entry column."""
    assert run("build", outline, "--out", tmp_path / "kit", "--only", "guide").exit_code == 0
    words = pdf_words(tmp_path / "kit" / "guide.pdf")[0]
    header_y = next(w.y0 for w in words if w.text == "Elapsed")
    columns = {w.text: w.x0 for w in words if abs(w.y0 - header_y) < 1}
    rows = []
    for row in lines_of([w for w in words if w.y0 > header_y + 2]):
        row = sorted(row, key=lambda w: w.x0)
        if re.fullmatch(r"\d\d:\d\d", row[0].text):
            rows.append(row)
        elif rows and row[0].x0 < columns["Entry"] - 1:
            break  # below the table (a wrapped entry's second line starts in the Entry column)
    activities = [row for row in rows if any(w.text == "Activity" for w in row)]
    assert len(rows) >= 4 and activities
    for row in rows:
        assert abs(row[0].x0 - columns["Start"]) < 1 and abs(row[1].x0 - columns["End"]) < 1, row
        assert abs(row[2].x0 - columns["Min"]) < 1, row
        kind = next(w for w in row if w.text in ("Section", "Break", "Activity", "Open"))
        assert abs(kind.x0 - columns["Kind"]) < 1, row
        entry = [w for w in row if w.x0 > kind.x1]
        assert entry and entry[0].x0 >= columns["Entry"] - 1, row
        if row in activities:
            assert re.fullmatch(r"\d\d:\d\d", row[0].text) and entry[0].x0 > columns["Entry"] + 6, row


def test_a_12_hour_clock_reads_and_prints_afternoon_times(tmp_path):
    outline = tmp_path / "evening.yaml"
    outline.write_text(f'extends: {BUNDLED}\nworkshop:\n  start: "6:30 PM"\n  clock: 12h\n', encoding="utf-8")
    assert run("build", outline, "--out", tmp_path / "kit", "--only", "handouts,guide,sign-in").exit_code == 0
    for name in ("handouts.pdf", "guide.pdf", "sign-in.pdf"):
        text = flat(" ".join(pdf_text(tmp_path / "kit" / name)))
        assert "6:30–6:45 PM" in text or "6:30–9:45 PM" in text, name
        if name != "guide.pdf":  # the guide's slide cues are the deck's speaker notes, timed by the deck
            assert "18:30" not in text, name


@pytest.mark.parametrize("written, minute", [("6:30 PM", 18 * 60 + 30), ("6:30pm", 18 * 60 + 30),
                                             ("12:00 PM", 12 * 60), ("12:15 a.m.", 15), ("09:00", 9 * 60),
                                             ("13:00 PM", None), ("25:00", None), ("9am", None)])
def test_times_are_read_in_either_clock(written, minute):
    assert parse_clock(written) == minute


def test_clock_prints_each_style():
    assert [clock(18 * 60 + 30), clock(18 * 60 + 30, "12h"), clock(0, "12h"), clock(12 * 60, "12h")] == \
        ["18:30", "6:30 PM", "12:00 AM", "12:00 PM"]
    assert clock_range(11 * 60 + 30, 12 * 60 + 15, "12h") == "11:30 AM–12:15 PM"


def test_guide_sets_each_talking_point_beside_its_slide(bundled_kit):
    pages = pdf_text(bundled_kit / "guide.pdf")
    text = flat(" ".join(pages))
    assert text.count("A working definition") >= 2  # the cue's heading and the miniature's title bar
    page = next(p for p in pages if "Slide 9: A working definition" in p)
    lines = [line.strip() for line in page.splitlines()]
    assert any(line.startswith("Slide 9") and "Slide 9:" not in line for line in lines)  # the margin label


def test_guide_shows_each_slide_s_words_beside_its_notes_at_a_readable_size(bundled_kit):
    """The facilitator reads what is on screen in the margin: the slide's points as words of at
    least 8.5 pt, not a miniature too small to print them (which would show grey bars)."""
    pdf = bundled_kit / "guide.pdf"
    pages = pdf_text(pdf)
    k = next(n for n, p in enumerate(pages) if "Slide 11: Core components" in p)
    words = pdf_words(pdf)[k]
    cue = next(w for w in words if w.text == "Slide" and any(v.text == "11:" and abs(v.y0 - w.y0) < 1 for v in words))
    margin = [w.text for w in words if w.x1 < cue.x0 - 4]
    for point in ("Trust", "Respect", "Empathy", "Boundaries"):
        assert point in margin, (point, margin)
    sizes = {size for t, size in text_sizes(pdf)[k] if t.strip() in ("Trust", "• Trust", "Respect", "• Respect")}
    assert sizes and min(sizes) >= 8.5, sizes


def test_a_short_agenda_does_not_sit_alone_on_a_page(tmp_path):
    assert run("build", DATA / "dense.yaml", "--out", tmp_path / "kit", "--only", "handouts").exit_code == 0
    page = next(p for p in pdf_text(tmp_path / "kit" / "handouts.pdf") if "Agenda" in p)
    assert "Twenty-five bullets" in page.split("Agenda", 1)[1].split("Lunch", 1)[1]  # the first section follows


def test_worksheet_writing_cells_are_ruled_to_write_on(bundled_kit, tmp_path):
    """Each writing cell holds ruled lines inset from its borders (the table's grid lines reach
    the borders; writing lines stop at the cell's padding), at least one per row and column."""
    pdf = bundled_kit / "handouts.pdf"
    dpi = 100
    s = dpi / 72
    for title, rows, headers in (("Worksheet: Ten ways", 10, ("How", "One")),
                                 ("My self-care plan", 5, ("What", "When", "Who"))):
        k = next(k for k, p in enumerate(pdf_text(pdf)) if title in p and "Activity:" not in p
                 and all(re.search(rf"\b{h}\b", p) for h in headers))
        words = pdf_words(pdf)[k]
        image = render(pdf, k + 1, dpi, tmp_path).convert("L")
        lefts = sorted(next(w.x0 for w in words if w.text == h) - 6 for h in headers)
        rights = lefts[1:] + [60 + TEXT_W]  # the text measure starts 60 pt in: margin and frame padding
        top = next(w.y1 for w in words if w.text == headers[0])
        for left, right in zip(lefts, rights):
            inner, middle = int((left + 2) * s), int((left + right) / 2 * s)
            ruled = [y for y in range(int(top * s), image.height - int(60 * s))
                     if image.getpixel((middle, y)) < 235 and image.getpixel((inner, y)) > 245]
            strokes = [y for n, y in enumerate(ruled) if n == 0 or y - ruled[n - 1] > 1]
            assert len(strokes) >= rows, (title, left, len(strokes))


# -- the forms' headings, the sign-in's hours column, the evaluation's scale and writing space

def _heading_runs(pdf, stop):
    """The text runs of page 1 above the first run that starts with ``stop``, with their sizes."""
    runs = text_sizes(pdf)[0]
    return runs[:next(k for k, (t, _) in enumerate(runs) if t.strip().startswith(stop))]


@pytest.mark.parametrize("name, stop", [("sign-in.pdf", "Scheduled"), ("evaluation.pdf", "Rate each")])
def test_form_headings_name_the_presenters_on_their_own_line_at_9_pt_or_more(stress_kit, name, stop):
    runs = _heading_runs(stress_kit / name, stop)
    assert min(size for _, size in runs) >= 9, sorted(runs, key=lambda r: r[1])[:3]
    people = [t for t, _ in runs if t.startswith("Presenters:")]
    assert people and "Dawn Allred" in people[0] and "CCMHC" not in " ".join(t for t, _ in runs)
    assert not [t for t, _ in runs if "Atlanta" in t and "Dawn" in t]  # date and place on a line of their own
    words = [w for w in pdf_words(stress_kit / name)[0] if w.text in ("Atlanta,", "Presenters:")]
    assert len(words) == 2 and words[1].y0 - words[0].y0 > 8


def test_sign_in_has_an_office_use_hours_column_and_signature_cells_stay_wide(sign_in):
    from workshop.builders import signin

    widths = dict(signin.COLUMNS)
    assert widths["Signature in"] == widths["Signature out"] >= 156  # 2.17 in; the name column took 0.2 in (2.1 in)
    assert sum(widths.values()) == signin.PAGE_W - 2 * signin.MARGIN
    for words in pdf_words(sign_in):
        header = {w.text: w for w in words if w.y0 < 200}
        assert header["Hours"].x0 > max(w.x1 for w in words if w.text == "out" and w.y0 < 200)
        assert header["(office"].y0 > header["Hours"].y0 and header["(office"].x1 < signin.PAGE_W - signin.MARGIN
        starts = sorted(w.x0 for w in words if w.text in ("Signature", "Time") and w.y0 < 200)
        assert starts[2] - starts[1] >= 156 - 1  # "Signature in" up to "Time out"


def test_evaluation_states_the_objective_stem_once_in_the_heading(stress_kit):
    pages = pdf_text(stress_kit / "evaluation.pdf")
    text = flat(" ".join(pages))
    assert text.count("This objective was met") == 1
    assert "Learning objectives This objective was met:" in flat(pages[0])
    heading = [w for w in pdf_words(stress_kit / "evaluation.pdf")[0] if w.text in ("objectives", "This")]
    assert len(heading) == 2 and abs(heading[0].y1 - heading[1].y1) < 1  # the stem sits on the heading's line


def test_evaluation_scale_words_head_the_columns_over_their_boxes(stress_kit):
    from workshop.builders import evaluation as ev

    words = pdf_words(stress_kit / "evaluation.pdf")[0]
    sizes = dict((t.strip(), size) for t, size in text_sizes(stress_kit / "evaluation.pdf")[0])
    columns = [(ev.BOX_X + k * ev.BOX_STEP, ev.BOX_X + (k + 1) * ev.BOX_STEP) for k in range(5)]
    first_number = min((w for w in words if w.text == "1" and w.x0 > ev.BOX_X), key=lambda w: w.y0)
    for (x0, x1), anchor in zip(columns, ev.ANCHORS, strict=True):
        under = [w.text for w in words if x0 <= w.x0 and w.x1 <= x1 and 0 < w.y0 - first_number.y0 < 30]
        assert under == list(anchor), (anchor, under)
        assert all(sizes[word] >= 9 for word in anchor)
    header = [w for w in words if w.text in ("Strongly", "disagree", "Disagree", "Neutral", "Agree", "agree")]
    assert not [(a.text, b.text) for a in header for b in header if a is not b and boxes_meet(a, b)]


def _writing_lines(pdf, tmp_path, page):
    """For each open question on ``page``, the ruled lines under it before the next question or the footer."""
    from workshop.builders import evaluation as ev

    image = render(pdf, page, 72, tmp_path)
    x = int(ev.PAGE_W - ev.MARGIN - 3)  # near the lines' right end, where no question's words reach
    rows = [y for y in range(image.height - int(ev.BOTTOM)) if image.getpixel((x, y)) != (255, 255, 255)]
    lines = [y for k, y in enumerate(rows) if k == 0 or y - rows[k - 1] > 2]
    words = pdf_words(pdf)[page - 1]
    rows_of_text = {}
    for w in words:
        rows_of_text.setdefault(round(w.y0), []).append(w.text)
    tops = sorted(y for y, texts in rows_of_text.items() if " ".join(texts) in ev.QUESTIONS)
    bounds = tops + [image.height]
    return [sum(a < y < b for y in lines) for a, b in zip(bounds, bounds[1:])]


@pytest.mark.parametrize("outline", ["stress", "dense", "bundled"])
def test_the_open_questions_share_the_writing_space_equally(stress_kit, tmp_path, outline):
    if outline == "stress":
        pdf = stress_kit / "evaluation.pdf"
    else:
        source = DATA / "dense.yaml" if outline == "dense" else BUNDLED
        assert run("build", source, "--out", tmp_path / "k", "--only", "evaluation").exit_code == 0
        pdf = tmp_path / "k" / "evaluation.pdf"
    pages = pdf_text(pdf)
    where = sorted({n for n, text in enumerate(pages, 1) for q in ("What was most useful", "What would you change?",
                                                                   "Which topics would you like") if q in text})
    per_page = [_writing_lines(pdf, tmp_path, page) for page in where]
    counts = [c for page in per_page for c in page]
    # every question whole, on the page where its lines are, with room for a few sentences; the
    # questions of one page share it equally, down to its foot (no blank band under the last one)
    assert len(counts) == 3 and counts and min(counts) >= 5, counts
    assert all(len(set(page)) == 1 for page in per_page), per_page
    from workshop.builders import evaluation as ev

    image = render(pdf, where[-1], 72, tmp_path)
    x = int(ev.PAGE_W - ev.MARGIN - 3)
    lowest = max(y for y in range(image.height - int(ev.BOTTOM)) if image.getpixel((x, y)) != (255, 255, 255))
    assert image.height - ev.BOTTOM - lowest < 72, (lowest, image.height)  # within an inch of the foot


@pytest.mark.parametrize("outline", ["stress", "bundled"])
def test_the_evaluation_asks_about_commercial_bias_and_for_an_overall_rating_and_heads_every_page(
        stress_kit, tmp_path, outline):
    from workshop.evalitems import rated_items

    if outline == "stress":
        pdf = stress_kit / "evaluation.pdf"
    else:
        assert run("build", BUNDLED, "--out", tmp_path / "k", "--only", "evaluation").exit_code == 0
        pdf = tmp_path / "k" / "evaluation.pdf"
    pages = [flat(p) for p in pdf_text(pdf)]
    text = " ".join(pages)
    assert "The content was free of commercial bias or promotion" in text
    assert "Overall, I was satisfied with this workshop" in text
    items = rated_items(load_outline(STRESS if outline == "stress" else BUNDLED))
    assert {i.text for i in items} >= {"The content was free of commercial bias or promotion",
                                       "Overall, I was satisfied with this workshop"}
    words = pdf_words(pdf)
    for n, page in enumerate(pages[1:], 2):  # a later page says what it is at its top, under the first page's turn-over
        top = sorted(words[n - 1], key=lambda w: w.y0)[:3]
        assert " ".join(w.text for w in top[:2]) == "Participant evaluation", (n, top)
        assert "Please turn over" in pages[n - 2]


def test_forms_read_on_the_rendered_page_with_a_light_theme_colour(stress_kit):
    from support.office import seen_words, unreadable

    for name in ("sign-in.pdf", "evaluation.pdf"):
        seen = seen_words(stress_kit / name)
        assert len(seen) > 50 and unreadable(seen) == [], (name, unreadable(seen)[:5])
