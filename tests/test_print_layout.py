"""The handouts and the facilitator guide as a print designer reads them: page by page, by position
and by pixel. Each test names the layout promise it checks."""

import io
import re

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from support import BUNDLED, DATA, run
from support.office import pdf_text, pdf_words
from support.printcheck import render, text_sizes
from workshop.docstyle import ListBlock, styles
from workshop.loader import load_outline
from workshop.schedule import build_agenda

STRESS = DATA / "print-stress.yaml"
DENSE = DATA / "dense.yaml"


def flat(text):
    return " ".join(text.split())


@pytest.fixture(scope="module")
def kits(tmp_path_factory):
    """Handouts and guide of the bundled, print-stress and dense outlines."""
    out = {}
    for name, outline in (("bundled", BUNDLED), ("stress", STRESS), ("dense", DENSE)):
        folder = tmp_path_factory.mktemp(name)
        result = run("build", outline, "--out", folder, "--only", "handouts,guide")
        assert result.exit_code == 0, result.stderr
        out[name] = folder
    return out


def body_lines(page: str) -> list[str]:
    """A page's lines of text, the running footer left out."""
    return [line.strip() for line in page.splitlines() if line.strip() and not re.search(r"Page \d+ of \d+", line)]


# -- the facilitator guide ---------------------------------------------------------------------


def test_guide_page_one_carries_on_into_the_first_section(kits):
    first = pdf_text(kits["bundled"] / "guide.pdf")[0]
    assert "Run of show" in first and "Introduction" in first.split("Group discussion and close", 1)[1]
    assert "Talking points" in first and "Slide 5: Welcome" in first


@pytest.mark.parametrize("name", ["bundled", "stress", "dense"])
def test_a_section_heading_and_its_goals_share_a_page_with_the_first_talking_point(kits, name):
    w = load_outline({"bundled": BUNDLED, "stress": STRESS, "dense": DENSE}[name])
    pages = pdf_text(kits[name] / "guide.pdf")
    titles = [s.title for s in w.sections if hasattr(s, "slides") and s.slides]
    for title in titles:
        page = next(p for p in pages if any(line == title for line in body_lines(p)))
        after = page.split(title, 1)[1]
        assert "Talking points" in after and re.search(r"Slide \d+: ", after), (name, title)


def _captions(pdf):
    text = flat(" ".join(pdf_text(pdf)))
    return re.findall(r"\((\d+) min\) starts (\d+):(\d\d) in · (\d+):(\d\d) left after it", text)


def test_timing_captions_count_from_the_same_slide(kits):
    """"starts H:MM in" plus the slide's minutes plus "H:MM left after it" is the whole workshop."""
    agenda = build_agenda(load_outline(BUNDLED))
    captions = _captions(kits["bundled"] / "guide.pdf")
    assert len(captions) >= 20
    for minutes, h_in, m_in, h_left, m_left in captions:
        assert int(h_in) * 60 + int(m_in) + int(minutes) + int(h_left) * 60 + int(m_left) == agenda.total_minutes
    assert " in, " not in flat(" ".join(pdf_text(kits["bundled"] / "guide.pdf")))


def test_continued_slides_share_one_timing_block_and_carry_no_filler(kits):
    pdf = kits["dense"] / "guide.pdf"
    text = flat(" ".join(pdf_text(pdf)))
    assert "Continued from the previous slide" not in text
    assert "A slide with more than twenty bullets on it (cont.)" in text  # slide 6's card, beside 7 and 8
    # slides 5 to 9 are one slide's run: its window printed once, under slide 5
    assert text.count("09:00–09:04 (4 min)") == 1
    assert len(_captions(pdf)) == len(set(_captions(pdf)))


def test_slides_with_nothing_to_say_are_set_three_a_row_not_beside_an_empty_column(kits):
    """The dense outline's slides 6 to 15 have no notes of their own: their cards go side by side,
    three a row (slide 5, which has a note, keeps its notes beside it); the bundled outline, whose
    slides all have notes, keeps one card a row."""
    def cards(pdf):  # the caption under each card, "Slide N", and its place
        return {int(b.text): (n, round(a.y0), a.x0) for n, page in enumerate(pdf_words(pdf))
                for a, b in zip(page, page[1:]) if a.text == "Slide" and b.text.isdigit()}

    dense = cards(kits["dense"] / "guide.pdf")
    assert dense[6][:2] == dense[7][:2] == dense[8][:2] and dense[6][2] < dense[7][2] < dense[8][2]
    assert dense[5][:2] != dense[6][:2]
    assert "Slide 5: A slide with more than twenty bullets on it" in flat(" ".join(pdf_text(kits["dense"] / "guide.pdf")))
    bundled = cards(kits["bundled"] / "guide.pdf")
    assert len({place[:2] for place in bundled.values()}) == len(bundled)  # no two cards on one line


def test_debrief_questions_heading_is_set_like_the_other_subheads(kits):
    pdf = kits["bundled"] / "guide.pdf"
    sizes = {t.strip(): size for page in text_sizes(pdf) for t, size in page}
    assert "Debrief questions:" not in sizes
    assert sizes["Debrief questions"] == sizes["Goals"] == sizes["Talking points"]


def test_the_late_plan_makes_only_the_cuts_each_delay_needs(kits):
    page = next(p for p in pdf_text(kits["bundled"] / "guide.pdf") if "If you are running late" in p)
    text = flat(page)
    # a 10-minute delay takes 7 minutes of the break and 3 of an activity, not a whole optional section
    assert "10 min shorten ‘Morning break’ by 7 min; shorten ‘My self-care 12:15" in text
    assert "plan’ by 3 min (177 instructional min)" in text  # "(180 instructional / min)" no more
    assert "drop ‘Self-inventory" not in text
    assert text.count("12:15") >= 5  # every delay up to 20 minutes still ends on time, none early
    assert "12:08" not in text
    assert "drops to 2.75, from 3.00" in text and "build the certificates again" in text
    assert "How the CE hours were calculated" in flat(" ".join(pdf_text(kits["bundled"] / "guide.pdf")))


# -- the participant handouts ------------------------------------------------------------------


def _slide_pages(pdf):
    return [k for k, page in enumerate(pdf_text(pdf)) if re.search(r"^\s*Slide \d+\s*$", page, re.M)]


MINI_W = 320  # the miniature's width, as the handouts draw it


@pytest.mark.parametrize("name", ["bundled", "dense"])
def test_each_slide_prints_once_as_a_light_miniature_beside_a_wide_note_column(kits, name, tmp_path):
    pdf = kits[name] / "handouts.pdf"
    pages, sizes = pdf_text(pdf), text_sizes(pdf)
    slide_pages = _slide_pages(pdf)
    assert slide_pages
    numbers = [int(n) for page in pages for n in re.findall(r"^\s*Slide (\d+)\s*$", page, re.M)]
    assert numbers == sorted(set(numbers))  # every slide once, in the deck's order
    outline = load_outline(BUNDLED if name == "bundled" else DENSE)
    text = flat(" ".join(pages))
    # a slide's key points are not printed again as text beside its miniature: a bullet of the
    # first content slide appears once (inside its miniature)
    first = next(s for e in outline.sections for s in getattr(e, "slides", ()) if getattr(s.body, "items", None))
    assert text.count(flat(first.body.items[0].text)) == 1, first.body.items[0].text
    for k in slide_pages:
        assert 1 <= len(re.findall(r"^\s*Slide \d+\s*$", pages[k], re.M)) <= 3
        drawn = [size for t, size in sizes[k] if "Page" not in t and "participant handouts" not in t]
        assert min(drawn) >= 6.5, (k, sorted(drawn)[:3])  # the smallest slide text: a 20 pt caption
        assert flat(pages[k]).count(flat(outline.title)[:30]) <= 1  # no slide footer inside a miniature
    # measured on the page: the note lines beside a miniature are at least 2 in long, and the
    # miniature prints light: no solid title bar (under a tenth of it inked)
    page = slide_pages[0] + 1
    image = render(pdf, page, 72, tmp_path).convert("L")
    right = 612 - 54 - 8
    lines = [y for y in range(60, 700) if image.getpixel((right, y)) < 235 and image.getpixel((right, y - 1)) >= 235]
    assert len(lines) >= 5
    left = right
    while image.getpixel((left - 1, lines[0])) < 235:
        left -= 1
    assert right - left >= 144, (left, right)
    words = pdf_words(pdf)[page - 1]
    caption = next(w for w in words if w.text == "Slide")
    mini = [image.getpixel((x, y)) for x in range(int(caption.x0) + 2, int(caption.x0) + MINI_W - 2)
            for y in range(int(caption.y0) - 175, int(caption.y0) - 8)]
    # (a solid title bar inks a quarter of it; the dense slide's 25 points, printed at 9 pt, ink 11 %)
    assert sum(v < 200 for v in mini) / len(mini) < 0.125


def test_handouts_are_shorter_than_one_page_per_ten_minutes(kits):
    from pypdf import PdfReader

    pages = [p.extract_text() or "" for p in PdfReader(kits["bundled"] / "handouts.pdf").pages]
    quiz = next(k for k, text in enumerate(pages) if text.startswith("Knowledge check"))
    assert quiz <= 16  # three hours, before the knowledge check's own sheet; 24 pages before
    assert len(pages) - quiz <= 2  # the questions, handed in on a sheet of their own


def test_participants_do_not_see_the_facilitators_materials_list(kits, tmp_path):
    handouts = flat(" ".join(pdf_text(kits["dense"] / "handouts.pdf")))
    guide = flat(" ".join(pdf_text(kits["dense"] / "guide.pdf")))
    assert "You will need" not in handouts and "Material item" not in handouts
    assert "Activity: A long activity" in handouts and "Read the case" in handouts  # the slide is still there
    assert "Material item" in guide
    outline = tmp_path / "noslides.yaml"
    outline.write_text(f"extends: {BUNDLED}\nhandouts:\n  slides: false\n", encoding="utf-8")
    assert run("build", outline, "--out", tmp_path / "kit", "--only", "handouts").exit_code == 0
    assert _slide_pages(tmp_path / "kit" / "handouts.pdf") == []


def test_reflection_prompt_goes_under_the_worksheet_when_it_fits(tmp_path):
    outline = tmp_path / "prompt.yaml"
    outline.write_text(f"""extends: {BUNDLED}
sections:
  self-care:
    handout:
      prompts:
        - What would make your plan hard to keep?
""", encoding="utf-8")
    assert run("build", outline, "--out", tmp_path / "kit", "--only", "handouts").exit_code == 0
    page = next(p for p in pdf_text(tmp_path / "kit" / "handouts.pdf") if "Spirit and meaning" in p)
    assert page.index("Signed:") < page.index("Reflect: What would make your plan hard to keep?")


@pytest.mark.parametrize("name", ["bundled", "stress"])
def test_no_page_before_a_worksheet_is_left_mostly_blank(kits, name, tmp_path):
    """Rendered: the page before each worksheet page has ink (text or lines for notes) down to
    the last fifth of the page above the footer."""
    pdf = kits[name] / "handouts.pdf"
    pages = pdf_text(pdf)
    sheets = [k for k, p in enumerate(pages) if p.lstrip().startswith(("Worksheet:", "My self-care plan"))]
    assert len(sheets) == 2
    dpi = 40
    for k in sheets:
        image = render(pdf, k, dpi, tmp_path).convert("L")  # page k is the one before (1-based k)
        footer = int((792 - 40) * dpi / 72)
        inked = [y for y in range(footer) if min(image.getpixel((x, y)) for x in range(0, image.width, 2)) < 200]
        assert max(inked) > 0.8 * int((792 - 54) * dpi / 72), (name, k)


def _list_pages(items: int, before: float, tmp_path) -> list[str]:
    """A reportlab page with ``before`` points used, then a list of ``items`` items, read back."""
    st = styles("1F4E79")
    pdf = tmp_path / f"list-{items}-{int(before)}.pdf"
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=letter)
    doc.build([Spacer(1, before), ListBlock([Paragraph(f"Item{n}x", st["bullet"], bulletText="•")
                                             for n in range(1, items + 1)], lead=[Paragraph("Heading", st["h2"])])])
    pdf.write_bytes(buffer.getvalue())
    return pdf_text(pdf)


def test_short_lists_stay_whole_and_long_lists_break_with_three_items_a_side(tmp_path):
    for before in range(380, 640, 13):
        pages = _list_pages(8, before, tmp_path)
        holding = [p for p in pages if "Item1x" in p or "Item8x" in p]
        assert len(holding) == 1 and all(f"Item{n}x" in holding[0] for n in range(1, 9)), before
        assert "Heading" in holding[0]
        for page in _list_pages(30, before, tmp_path):
            count = len(re.findall(r"Item\d+x", page))
            assert count == 0 or count >= 3, (before, count)
            if "Heading" in page:
                assert count >= 3


def test_a_list_item_longer_than_a_page_still_prints_whole(tmp_path):
    st = styles("1F4E79")
    buffer = io.BytesIO()
    long = " ".join(f"word{n}" for n in range(1500))
    SimpleDocTemplate(buffer, pagesize=letter).build(
        [ListBlock([Paragraph(long, st["bullet"], bulletText="•"), Paragraph("Afterwards", st["bullet"])],
                   lead=[Paragraph("Heading", st["h2"])])])
    (tmp_path / "long.pdf").write_bytes(buffer.getvalue())
    text = flat(" ".join(pdf_text(tmp_path / "long.pdf")))
    assert "word0 " in text and "word1499" in text and text.index("word1499") < text.index("Afterwards")


def test_numbers_of_a_long_numbered_list_are_right_aligned_and_its_text_lines_up(tmp_path):
    outline = tmp_path / "text.yaml"  # without miniatures, the slides' key points print as text
    outline.write_text(f"extends: {DENSE}\nhandouts:\n  slides: false\n", encoding="utf-8")
    assert run("build", outline, "--out", tmp_path / "kit", "--only", "handouts").exit_code == 0
    pdf = tmp_path / "kit" / "handouts.pdf"
    k = next(k for k, p in enumerate(pdf_text(pdf)) if "Numbered list that runs long" in p and "Step 10 " in p)
    words = pdf_words(pdf)[k]
    numbers = [w for w in words if re.fullmatch(r"\d+\.", w.text)]
    steps = [w for w in words if w.text == "Step"]
    assert len(numbers) >= 10 and {w.text for w in numbers} >= {"9.", "10."}
    assert max(w.x1 for w in numbers) - min(w.x1 for w in numbers) < 0.5
    assert max(w.x0 for w in steps) - min(w.x0 for w in steps) < 0.5


def test_the_agenda_table_fills_the_text_measure_and_names_its_third_column(kits, tmp_path):
    pdf = kits["bundled"] / "handouts.pdf"
    words = pdf_words(pdf)[0]
    header = next(w for w in words if w.text == "Minutes")
    assert any(w.text == "Session" and abs(w.y0 - header.y0) < 1 for w in words)
    dpi = 72
    image = render(pdf, 1, dpi, tmp_path).convert("L")
    below_header = int(header.y1 + 3)
    rule = next(y for y in range(below_header, below_header + 20)
                if image.getpixel((300, y)) < 235 and image.getpixel((300, y - 1)) >= 235)
    inked = [x for x in range(image.width) if image.getpixel((x, rule)) < 235]
    left = min(w.x0 for w in words if w.text == "Agenda")  # the text's left edge
    assert abs(min(inked) - left) <= 2 and abs(max(inked) - (612 - left)) <= 2, (left, min(inked), max(inked))


def test_reference_page_ranges_take_an_en_dash_and_a_doi_keeps_its_hyphen(kits):
    bundled = flat(" ".join(pdf_text(kits["bundled"] / "handouts.pdf")))
    dense = flat(" ".join(pdf_text(kits["dense"] / "handouts.pdf")))
    assert "2(1), 70–74." in bundled and "70-74" not in bundled
    assert "10.1037/12075-004" in bundled
    assert "1(2), 1–20." in dense and "1-20" not in dense
    # the dense outline's twenty references: never a page with one or two of them
    counts = [len(re.findall(r"Author, A\. \(\d{4}\)", page)) for page in pdf_text(kits["dense"] / "handouts.pdf")]
    assert sum(counts) == 20 and all(c == 0 or c >= 3 for c in counts), counts


@pytest.mark.parametrize("name, doc, label", [("dense", "handouts.pdf", "participant handouts"),
                                              ("dense", "guide.pdf", "facilitator guide"),
                                              ("stress", "handouts.pdf", "participant handouts")])
def test_the_running_footer_keeps_the_document_label_whole(kits, name, doc, label):
    for page in pdf_text(kits[name] / doc):
        footer = next(line for line in page.splitlines() if re.search(r"Page \d+ of \d+", line))
        assert re.search(rf" · {label}\s+Page \d+ of \d+", footer), footer


def test_an_optional_section_says_so_in_the_handouts(kits):
    text = flat(" ".join(pdf_text(kits["bundled"] / "handouts.pdf")))
    assert re.search(r"Self-inventory: borrowing from the Twelve Steps \d\d:\d\d–\d\d:\d\d · 10 minutes · optional", text)


@pytest.mark.parametrize("name", ["bundled", "stress"])
def test_every_word_of_handouts_and_guide_reads_on_the_rendered_page(kits, name):
    """Measured as pagecheck does at 100 dpi: thumbnails too small to print words show bars instead of
    unreadable type, and small coloured text in miniatures is darkened for print."""
    from support.office import seen_words, unreadable

    for pdf in ("handouts", "guide"):
        seen = seen_words(kits[name] / f"{pdf}.pdf")
        assert len(seen) > 300 and unreadable(seen) == [], (pdf, unreadable(seen)[:5])


def test_a_12_hour_agenda_keeps_each_time_range_on_one_line(tmp_path):
    outline = tmp_path / "noon.yaml"  # 11:00 AM to 12:00 PM: the widest range a morning has
    outline.write_text(f"extends: {BUNDLED}\nworkshop:\n  clock: 12h\n", encoding="utf-8")
    assert run("build", outline, "--out", tmp_path / "kit", "--only", "handouts").exit_code == 0
    pdf = tmp_path / "kit" / "handouts.pdf"
    page = next(k for k, p in enumerate(pdf_text(pdf)) if "Agenda" in p)
    words = pdf_words(pdf)[page]
    header = next(w for w in words if w.text == "Minutes")
    minutes = {round(w.y0) for w in words if abs(w.x0 - header.x0) < 2 and w.text.isdigit()}  # the table's rows
    rows = {}
    for w in words:
        if w.x1 < header.x0 and w.y0 > header.y1 and any(abs(round(w.y0) - y) <= 1 for y in minutes):
            rows.setdefault(round(w.y0), []).append(w.text)
    assert len(rows) == len(minutes) >= 9
    assert any("AM–12:00" in " ".join(r) or ("AM–12:00" in "".join(r)) for r in rows.values()), rows
    # every row of the Time column ends in AM or PM: no "PM" left alone on a line below its range
    assert all(re.search(r"[AP]M$", " ".join(r)) and re.search(r"^\d", " ".join(r)) for r in rows.values()), \
        sorted(rows.items())


def test_the_knowledge_check_is_last_on_a_sheet_of_its_own(tmp_path):
    assert run("build", DATA / "quiz.yaml", "--out", tmp_path / "kit", "--only", "handouts").exit_code == 0
    pages = pdf_text(tmp_path / "kit" / "handouts.pdf")
    start = next(k for k, p in enumerate(pages) if "Knowledge check" in p)
    assert start % 2 == 0  # a right-hand page (1, 3, 5 ...): printed on both sides, it starts a sheet
    assert all("Knowledge check" in p or re.search(r"^\s*\d+\.\s", p, re.M) for p in pages[start:])
    assert not any("References" in p or "Slide " in p for p in pages[start:])
    before = body_lines(pages[start - 1])
    assert before, "a blank page before the knowledge check"
    # the questions keep together: no page holds a single question when the page before had room
    counts = [len(re.findall(r"^\s*\d+\.\s", p, re.M)) for p in pages[start:]]
    assert all(c >= 2 for c in counts), counts


@pytest.mark.parametrize("args, expected", [(("--theme", "sunrise"), "9A3412"), (("--theme", "forest"), "1B4332"),
                                            ((), None)])
def test_headings_print_in_the_theme_s_print_ink_never_a_yellow_gone_olive(tmp_path, args, expected):
    """The sunrise theme's primary is a yellow: its headings on paper take the ink its theme.yaml
    chose. The print-stress outline's two pale colours (a blue and a yellow) give a deep blue."""
    import colorsys

    source = BUNDLED if args else STRESS
    assert run("build", source, *args, "--out", tmp_path / "kit", "--only", "handouts").exit_code == 0
    pdf = tmp_path / "kit" / "handouts.pdf"
    # the objectives' heading is on the cover, or on the page after it when they move there whole
    page, heading = next((n, w) for n, words in enumerate(pdf_words(pdf)) for w in words if w.text == "objectives")
    image = render(pdf, page + 1, 150, tmp_path)
    s = 150 / 72
    pixels = [image.getpixel((x, y)) for x in range(int(heading.x0 * s), int(heading.x1 * s))
              for y in range(int(heading.y0 * s), int(heading.y1 * s))]
    ink = min(pixels, key=sum)
    if expected:
        assert all(abs(a - int(expected[k:k + 2], 16)) <= 6 for a, k in zip(ink, (0, 2, 4))), (ink, expected)
    hue, light, saturation = colorsys.rgb_to_hls(*(v / 255 for v in ink))
    assert not (saturation > 0.15 and 40 / 360 <= hue <= 80 / 360), ink  # no olive or khaki
    if not args:  # the pale blue deepened keeps its colour: a clear blue, not a greyed one
        assert 190 / 360 <= hue <= 230 / 360 and saturation >= 0.5, (ink, hue, saturation)
