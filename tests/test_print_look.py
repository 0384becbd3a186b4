"""The print outputs measured where a designer looks: word boxes read back by poppler
(``pdftotext -bbox``) from the Spanish, dense and long-name kits, for the faults a print
critique found (text over text, a marker alone on a line, a name broken before its suffix)."""

from __future__ import annotations

import pytest

from support import BUNDLED, DATA, OUTLINES, run
from support.office import pdf_words

ONLY = "handouts,guide,certificates,sign-in"

#: Names that break badly: post-nominals, a suffix, a name without spaces, a Vietnamese name.
LONG_ROSTER = """name,email,license,hours,attended
"Maximiliana Evangelina Rodríguez-Castellanos, LCSW, LCADC, CCS",max@example.org,LCSW 0012345678,,
"王芳, LCSW",wang@example.org,LPC 010233,,
"Ngozi Adaeze Okonkwo-Nwachukwu, PhD, RN",ngozi@example.org,RN 998877665,,
"Bartholomew Alexander Fitzgerald-Worthington III",bart@example.org,LMHC 123,,
"José Martínez",jose@example.org,LPC 4411,,
"""


def _kit(tmp_path_factory, outline, roster=None, *extra):
    out = tmp_path_factory.mktemp("kit")
    if roster is None:
        roster = out.parent / f"{out.name}-roster.csv"
        roster.write_text(LONG_ROSTER, encoding="utf-8")
    result = run("build", outline, "--roster", roster, "--only", ONLY, "--out", out, *extra)
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def spanish(tmp_path_factory):
    return _kit(tmp_path_factory, OUTLINES / "therapeutic-relationship-es.yaml", OUTLINES / "sample-roster.csv")


@pytest.fixture(scope="module")
def dense(tmp_path_factory):
    return _kit(tmp_path_factory, DATA / "dense.yaml")


@pytest.fixture(scope="module")
def stress(tmp_path_factory):
    return _kit(tmp_path_factory, DATA / "print-stress.yaml")


def _lines(words, tolerance=2.5):
    """Words grouped into lines: those whose middles are within ``tolerance`` points (a fallback
    font's box is taller), left to right."""
    lines: list[list] = []
    for word in sorted(words, key=lambda w: (round(w.y0), w.x0)):
        for line in lines:
            if abs((line[0].y0 + line[0].y1) - (word.y0 + word.y1)) / 2 <= tolerance:
                line.append(word)
                break
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _card_column(page, cue: str):
    """(left edge of the slide cards, left edge of what is beside them) on a guide page: the notes
    start with the slide's cue ("Slide 5:", "Diapositiva 5:"), the card's caption with its number;
    beside a card in a row of cards is the next card, its caption at the same place as notes."""
    notes = [w.x0 for w in page if w.text == cue and w.x0 > 150]
    cards = [w.x0 for w in page if w.text == cue and w.x0 < 150]
    return (min(cards), min(notes)) if notes and cards else None


def _card_columns(page, cue: str) -> list[float]:
    """The left edges of the slide cards' columns on a guide page (one, or three where slides
    without notes sit three a row), from their captions ("Slide 5", a number and nothing else)."""
    edges = []
    for a, b in zip(page, page[1:]):
        if a.text == cue and b.text.isdigit() and not any(abs(a.x0 - e) < 2 for e in edges):
            edges.append(a.x0)
    return sorted(edges)


def _captions(page, left: float, notes: float, cue: str, right: float = float("inf")):
    """The lines under the slide cards whose column starts at ``left`` (and ends at ``right``):
    "Slide 5", the slide's times, the counts, and any line they wrap onto (a line starting at the
    card's edge within 13 pt under one of them)."""
    out, previous = [], None
    top = min(w.y0 for w in page if w.text == cue and w.x0 >= notes - 1)  # the first card's top
    for line in _lines([w for w in page if left - 1 <= w.x0 < right and w.y0 >= top - 2]):
        first = line[0]
        if abs(first.x0 - left) > 1:
            continue
        starts = first.text == cue and len(line) == 2 and line[1].text.isdigit()  # "Slide 5", no title
        if starts or (previous is not None and 0 < first.y0 - previous <= 13):
            out.append(line)
            previous = first.y0
        else:
            previous = None
    return out


@pytest.mark.parametrize("kit, cue", [("spanish", "Diapositiva"), ("dense", "Slide")])
def test_guide_slide_captions_keep_to_their_column(kit, cue, request):
    """The lines under a slide card ("empieza a 0:00 del inicio · quedan 3:07 después" too) end at
    least 10 pt before the notes beside it: nothing overprints them."""
    found = 0
    for number, page in enumerate(pdf_words(request.getfixturevalue(kit) / "guide.pdf"), 1):
        column = _card_column(page, cue)
        if column is None:
            continue
        edges = _card_columns(page, cue)
        notes = column[1]
        for k, left in enumerate(edges):  # each column's captions end 10 pt before the next column or the notes
            beside = edges[k + 1] if k + 1 < len(edges) else max(notes, left + 150 + 14)
            for line in _captions(page, left, notes, cue, beside - 2):
                found += 1
                assert line[-1].x1 <= beside - 10, (number, " ".join(w.text for w in line))
    assert found > 10


def test_guide_slide_cards_never_leave_a_marker_alone_and_set_rtl_points_from_the_right(dense):
    pages = pdf_words(dense / "guide.pdf")
    markers, rtl = 0, 0
    for page in pages:
        column = _card_column(page, "Slide")
        if column is None:
            continue
        left, notes = column
        top = min(w.y0 for w in page if w.text == "Slide" and w.x0 >= notes - 1)  # the first card's top
        for line in _lines([w for w in page if left - 1 <= w.x0 < notes and w.y0 >= top - 2]):
            texts = [w.text for w in line]
            if all(w.x0 < notes - 10 for w in line):  # a line on the card: inside its frame, 4 pt in
                assert line[-1].x1 <= notes - 14 - 4 + 0.5, texts
            if "•" in texts:
                markers += 1
                assert len(line) > 1, texts  # a bullet always has words beside it
            if any("\u0590" <= c <= "\u06ff" or "\ufb1d" <= c <= "\ufeff" for t in texts for c in t) and "•" in texts:
                rtl += 1
                assert texts[-1] == "•", texts  # the bullet on the right of a right-to-left point
    assert markers and rtl == 2


@pytest.mark.parametrize("kit", ["spanish", "dense"])
def test_guide_never_leaves_a_unit_alone_nor_names_a_yaml_key(kit, request):
    """"3 / min", "(180 instructional / min)": a number keeps its unit, a unit its number; and the
    running-late advice says what to change in words, not as a YAML key (ce.hours)."""
    pages = pdf_words(request.getfixturevalue(kit) / "guide.pdf")
    for number, page in enumerate(pages, 1):
        for line in _lines(page):
            assert line[0].text not in ("min", "min)", "min;", "h", "h)"), (number, [w.text for w in line])
        assert not any("ce.hours" in w.text for w in page), number


def _name_cells(pdf):
    """The lines of the sign-in sheet's "Name (print)" column, page by page (under its header)."""
    out = []
    for page in pdf_words(pdf):
        name = next(w for w in page if w.text == "Name")
        licence = next(w for w in page if w.text == "License")
        words = [w for w in page if name.x0 - 1 <= w.x0 < licence.x0 - 2 and w.y0 > name.y1 + 4 and w.y1 < 500]
        out.append([" ".join(w.text for w in line) for line in _lines(words)])
    return out


def test_sign_in_breaks_names_between_name_and_credentials_never_leaving_one_alone(stress):
    lines = [line for page in _name_cells(stress / "sign-in.pdf") for line in page]
    for line in lines:
        words = line.replace(",", "").split()
        assert not (len(words) == 1 and words[0] in ("CCS", "LCADC", "RN", "PhD", "III")), lines
    assert "LCSW, LCADC, CCS" in lines and "PhD, RN" in lines, lines  # the post-nominals on a line of their own
    assert "Fitzgerald-Worthington III" in lines, lines
    # sorted by family name, whatever follows the comma
    order = [n for n in ("Fitzgerald-Worthington", "Martínez", "Okonkwo-Nwachukwu", "Rodríguez-Castellanos")
             for line in lines if n in line]
    assert order == ["Fitzgerald-Worthington", "Martínez", "Okonkwo-Nwachukwu", "Rodríguez-Castellanos"], lines


def test_certificate_names_break_before_credentials_never_leave_a_suffix_alone_and_never_touch(stress):
    """A long name takes two lines at 28 pt rather than one at 27 or a "III" alone on the second;
    the second line's baseline 1.2 sizes under the first (1.15 set the letters of two lines
    touching); a name on one line is 32 pt or more."""
    pdf = stress / "certificates.pdf"
    two = 0
    for page in pdf_words(pdf):
        above = next(w for w in page if w.text == "certifies")
        below = next(w for w in page if w.text == "License:")
        lines = _lines([w for w in page if above.y1 < w.y0 and w.y1 < below.y0], tolerance=6)
        texts = [" ".join(w.text for w in line) for line in lines]
        assert 1 <= len(lines) <= 2, texts
        assert all(t not in ("III", "CCS", "RN", "LCADC, CCS", "Jr.") for t in texts), texts
        has = next(w for w in page if w.text == "has")  # "has completed", 14 pt in the same serif
        name_size = (lines[0][0].y1 - lines[0][0].y0) / ((has.y1 - has.y0) / 14)
        assert name_size >= (28 if len(lines) == 2 else 32) - 0.2, (texts, name_size)
        if len(lines) == 2:
            two += 1
            pitch = max(w.y1 for w in lines[1]) - max(w.y1 for w in lines[0])
            assert pitch >= 1.2 * name_size - 0.5, (texts, pitch, name_size)
    assert two == 3


def test_spanish_self_care_plan_has_its_signature_and_date_line(spanish):
    """"Firme y feche su plan" asks for a signature: the plan's page gives the line to sign on."""
    pages = pdf_words(spanish / "handouts.pdf")
    plan = [n for n, page in enumerate(pages) if any(w.text == "Firme" for w in page)]
    assert plan, "no page asks to sign"
    for n in plan:
        texts = [w.text for w in pages[n]]
        assert "Firma:" in texts and "Fecha:" in texts, n


def test_spanish_references_are_in_spanish(spanish):
    text = " ".join(w.text for page in pdf_words(spanish / "handouts.pdf") for w in page)
    assert "As cited" not in text and "January" not in text
    assert "Citado en las diapositivas originales del taller." in text


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    return _kit(tmp_path_factory, BUNDLED, OUTLINES / "sample-roster.csv")


def test_handouts_set_each_activity_before_the_slide_that_debriefs_it(bundled):
    """"Activity: Practice in pairs" (what to do) comes before "Debrief: Practice in pairs" (what
    the room says after), in the section it belongs to, as the day runs."""
    from workshop.loader import load_outline

    order = []
    for number, page in enumerate(pdf_words(bundled / "handouts.pdf")):
        for line in _lines(page):
            order.append(((number, line[0].y0), " ".join(w.text for w in line)))
    order.sort()
    texts = [t for _, t in order]
    checked = 0
    sections = [s for s in load_outline(BUNDLED).sections if hasattr(s, "activities")]
    for section in sections:
        for activity in section.activities:
            if not activity.debrief:
                continue
            doing = texts.index(f"Activity: {activity.title}")
            debrief = next(k for k, t in enumerate(texts) if t.startswith(f"Debrief: {activity.title}"))
            assert doing < debrief, activity.title
            # and no other section's heading between them
            assert not any(t == s.title for t in texts[doing:debrief] for s in sections)
            checked += 1
    assert checked >= 3


def test_a_live_online_session_without_a_report_gets_an_attendance_record_not_a_signature_sheet(dense):
    """Nobody signs a paper sheet at a webinar: the outline's "Live online" session, built without
    the platform's report, gets a record to fill in from that report, and says so."""
    text = " ".join(w.text for page in pdf_words(dense / "sign-in.pdf") for w in page)
    assert "Attendance record: live online session" in text
    assert "Signature in" not in text and "Signature out" not in text
    for label in ("Joined", "Left", "Checked by", "attendance report", "--attendance REPORT"):
        assert label in text, label


def test_handout_slide_pictures_print_points_at_9_pt_and_nothing_under_8(bundled):
    """The miniatures' text is set larger than the slide's proportion where its box has room:
    points at 9 pt (they printed at 8), sub-points and attributions at 8 (they printed at 6.7)."""
    from support.printcheck import text_sizes

    sizes = [(text.strip(), size) for page in text_sizes(bundled / "handouts.pdf") for text, size in page]
    assert min(size for _, size in sizes) >= 8.0 - 0.01, min(sizes, key=lambda x: x[1])
    point = [size for text, size in sizes if text.startswith("To help the client change their life")]
    assert point and min(point) >= 9.0 - 0.01, point


def test_eight_long_objectives_are_not_split_across_pages(stress):
    """Eight objectives are read as one list: moved whole to the next page (they split 5 + 3)."""
    pages = pdf_words(stress / "handouts.pdf")
    holding = {n for n, page in enumerate(pages) for line in _lines(page)
               if "Describe at considerable length" in " ".join(w.text for w in line)}
    assert len(holding) == 1, holding


def test_the_run_of_show_kind_column_is_capitalised(spanish):
    """"Sección", "Receso", "Actividad": a table cell starts with a capital, as the entries do."""
    page = pdf_words(spanish / "guide.pdf")[0]
    kinds = [w.text for w in page if w.text.casefold() in ("sección", "receso", "actividad")]
    assert len(kinds) >= 8 and all(k[0].isupper() for k in kinds), kinds


@pytest.mark.parametrize("theme", ["forest", "sunrise"])
def test_certificate_inner_frame_shows_and_differs_from_the_border(theme, tmp_path_factory):
    """The inner frame is a hairline: deep enough to show on paper (forest's #c98544 washed out),
    and not the border's hue again (sunrise's rust in rust): read off the rendered page."""
    import colorsys

    from support.printcheck import _ratio, render

    out = _kit(tmp_path_factory, BUNDLED, OUTLINES / "sample-roster.csv", "--theme", theme)
    image = render(out / "certificates.pdf", 1, 144, tmp_path_factory.mktemp("render"))
    y = image.height // 2
    row = [image.getpixel((x, y)) for x in range(0, 130)]
    border = min(row[70:90], key=sum)  # the 5 pt border, 40 pt in (80 px)
    frame = min(row[96:106], key=sum)  # the inner frame, 50 pt in (100 px)
    assert _ratio(frame, (255, 255, 255)) >= 4.0, frame
    hue = [colorsys.rgb_to_hls(*(v / 255 for v in c)) for c in (border, frame)]
    apart = abs(hue[0][0] - hue[1][0]) % 1.0
    assert min(apart, 1 - apart) * 360 >= 25 or hue[1][2] < 0.2, (border, frame)


def test_the_guide_keeps_the_ce_working_on_one_page(bundled):
    """"How the CE hours were calculated" never ends a page with its sums on the next."""
    pages = [" ".join(w.text for w in page) for page in pdf_words(bundled / "guide.pdf")]
    heading = next(n for n, text in enumerate(pages) if "How the CE hours were calculated" in text)
    assert "Awarded on certificates:" in pages[heading]
