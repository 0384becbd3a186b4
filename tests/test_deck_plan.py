"""The deck plan for the bundled and a dense outline: titles, text, notes and timing cues."""

import shutil

from PIL import Image

from support import BUNDLED, DATA
from workshop.deck.fit import MIN_BODY
from workshop.deck.frame import BAR_MIN
from workshop.deck.plan import BODY, FOOTER_Y, HERO, LEAD, RHYTHM, SMALL, TITLE, TITLE_SIZES, plan_deck
from workshop.loader import load_outline
from workshop.typography import typeset
from workshop.schedule import build_agenda


def plan(path):
    workshop = load_outline(path)
    return workshop, plan_deck(workshop, build_agenda(workshop))


def body_text(slide):
    return [p.text for b in slide.boxes if b.name == "Body" for p in b.paras]


def by_title(deck, title):
    return next(s for s in deck.slides if s.title == title)


def test_bundled_deck_order_and_titles():
    _, deck = plan(BUNDLED)
    titles = [s.title for s in deck.slides]
    assert titles[:6] == ["Relationship: What It's All About", "Agenda", "Learning objectives",
                          "Introduction", "Welcome", "Why spend a morning on the relationship?"]
    # seven long references, then the presenter's own last slide with the contact details on it
    assert titles[-3:] == ["References", "References (cont.)", "Thank you"]
    assert "Stay in touch" not in titles and deck.slides[-1].kind == "closing"
    assert "Morning break" in titles and "Activity: Practice in pairs" in titles
    assert "Debrief: Practice in pairs" in titles
    assert len(set(titles)) == len(titles), "every slide needs a unique title"
    assert [s.number for s in deck.slides] == list(range(1, len(deck.slides) + 1))


def test_agenda_and_objectives_slides():
    workshop, deck = plan(BUNDLED)
    agenda = body_text(by_title(deck, "Agenda"))
    assert agenda[0] == "09:00–09:15\tIntroduction"
    assert "10:20–10:35\tMorning break" in agenda
    assert "11:50–12:00\tSelf-inventory: borrowing from the Twelve Steps (optional)" in agenda
    objectives = by_title(deck, "Learning objectives")
    numbered = [p for b in objectives.boxes for p in b.paras if p.number]
    assert [p.text for p in numbered] == list(workshop.objectives)
    assert [p.number for p in numbered] == [1, 2, 3]


def test_bullets_keep_two_levels_and_numbered_lists_their_numbers():
    _, deck = plan(BUNDLED)
    slide = by_title(deck, "Different from other relationships")
    paras = [p for b in slide.boxes for p in b.paras]
    assert [(p.level, p.text) for p in paras][:3] == [
        (1, "Purposeful and goal-directed, not social"), (1, "Focused on the client’s needs, not mutual need"),
        (2, "Self-disclosure is used sparingly and only for the client’s benefit")]
    ten = by_title(deck, "Strengthening the relationship")
    items = [p for b in ten.boxes for p in b.paras]
    assert [p.number for p in items] == list(range(1, 11))
    assert items[9].text == "Be comfortable with silence"


def test_quote_slide_has_text_and_source():
    _, deck = plan(BUNDLED)
    text = body_text(by_title(deck, "A working definition"))
    assert text[0].startswith("“We can operationally define") and text[1] == "— Norcross (2010, p. 113)"
    assert [m.shape for m in by_title(deck, "A working definition").marks] == ["quote"]


def test_notes_carry_the_outline_notes_and_timing_cue():
    _, deck = plan(BUNDLED)
    welcome = by_title(deck, "Welcome")
    assert welcome.notes.startswith("Give a short account of your own path")
    # Introduction has 15 minutes shared by two slides: 8 and 7.
    assert welcome.notes.endswith("Timing: 09:00–09:08 (8 min), 0:00 in, 3:07 left")
    ten = by_title(deck, "Strengthening the relationship")
    assert "Timing: 10:35–10:45 (10 min), 1:35 in, 1:30 left" in ten.notes
    assert all(s.notes for s in deck.slides), "every slide has speaker notes"


def test_activity_slide_and_notes():
    _, deck = plan(BUNDLED)
    slide = by_title(deck, "Activity: Practice in pairs")
    text = body_text(slide)
    assert text[0] == "Pairs · 20 minutes · until 11:20"  # the format as the outline writes it, capitalised
    assert "Technique cards, one per way" in text
    assert "Materials: Technique cards, one per way, Timer" in slide.notes
    assert "- As the client, what did your partner do that built trust?" in slide.notes
    assert "Timing: 11:00–11:20 (20 min), ends 11:20, 2:00 in, 0:55 left" in slide.notes


def test_break_slide_says_when_to_be_back():
    _, deck = plan(BUNDLED)
    slide = by_title(deck, "Morning break")
    assert any(p.text == "15 minutes · back at 10:35" for b in slide.boxes for p in b.paras)


def test_title_and_closing_slides():
    _, deck = plan(BUNDLED)
    first = [p.text for b in deck.slides[0].boxes for p in b.paras]
    assert first == ["Relationship: What It’s All About", "Building and protecting the therapeutic alliance",
                     "Dawn Allred, LPC, MAC", "Saturday, March 14, 2026 · Atlanta, GA",
                     "Sunrise Consulting · 3.00 CE hours",
                     "Sample statement: approved by the Example Board of Counselors, provider No. 1234"]  # ce.approval
    last = [p.text for b in deck.slides[-1].boxes for p in b.paras]
    assert last == ["Thank you", "Please complete the evaluation form",
                    "Certificates are issued to everyone who attends the whole session",
                    "Dawn Allred", "LPC, MAC", "dawn@example.org", "www.example.org"]  # credentials under the name
    assert "Leave contact details on screen" in deck.slides[-1].notes  # the outline's own notes for it


def test_dense_outline_loses_nothing_and_never_goes_below_18pt():
    workshop, deck = plan(DATA / "dense.yaml")
    source = workshop.sections[0].slides[0].body.items
    expected = [t for item in source for t in (item.text, *item.children)]
    shown = [p.text for s in deck.slides if s.title.startswith("A slide with more than twenty bullets")
             for b in s.boxes for p in b.paras]
    assert shown == expected
    conts = [s.title for s in deck.slides if s.title.startswith("A slide with more than twenty bullets")]
    assert conts[1].endswith("(cont.)") and conts[2].endswith("(cont. 2)")
    numbered = [p.number for s in deck.slides if s.title.startswith("Numbered list that runs long")
                for b in s.boxes for p in b.paras]
    assert numbered == list(range(1, 19))
    for slide in deck.slides:
        for box in slide.boxes:
            if box.name == "Body":
                assert all(p.size >= MIN_BODY for p in box.paras), slide.title
    refs = [p.text for s in deck.slides if s.title.startswith("References") for b in s.boxes
            for p in b.paras if b.name == "Body"]
    assert refs == [typeset(r) for r in workshop.references]  # as print sets them: "1(2), 1–20."


def paras_of(slide, name=None):
    return [p for b in slide.boxes if name is None or b.name.startswith(name) for p in b.paras]


def test_one_type_scale_across_the_deck(tmp_path):
    shutil.copy(DATA / "stress.yaml", tmp_path / "stress.yaml")
    Image.new("RGB", (800, 500), (40, 120, 90)).save(tmp_path / "pic.png")
    for path in (BUNDLED, DATA / "dense.yaml", tmp_path / "stress.yaml"):
        _, deck = plan(path)
        for slide in deck.slides:
            sizes = {p.size for p in paras_of(slide)}
            assert min(sizes, default=SMALL) >= SMALL, slide.title  # nothing under 20 pt outside the footer
            if slide.kind in ("section", "break", "closing"):
                assert paras_of(slide, "Title text")[0].size == HERO, slide.title
            elif slide.kind != "title":  # a long title a little smaller, to keep to one line, down to 30 pt
                assert slide.title_size in TITLE_SIZES, slide.title
                assert slide.title_size == TITLE or slide.title_lines == 1, slide.title
            # a short list at the lead size, a longer one at the body size: one size a slide
            points = {p.size for b in slide.boxes if b.name.startswith(("Body", "Step", "Point")) for p in b.paras
                      if p.level == 1 or b.name.startswith("Point")}
            assert len(points) <= 1 and points <= {LEAD, BODY}, (slide.title, points)
            # a sub-item one step under its item: 24 under 28, 20 under 24
            parents = [p.size for p in paras_of(slide, "Body") if p.level == 1]
            assert all(p.size == (BODY if parents and parents[0] == LEAD else SMALL)
                       for p in paras_of(slide, "Body") if p.level == 2), slide.title


def test_long_lists_are_shared_evenly_or_set_in_two_columns():
    _, deck = plan(DATA / "dense.yaml")
    pages = [s for s in deck.slides if s.title.startswith("A slide with more than twenty bullets")]
    counts = [sum(1 for p in paras_of(s, "Body") if p.level == 1) for s in pages]
    assert sum(counts) == 24 and max(counts) - min(counts) <= 2, counts  # no "(cont.)" with one bullet
    debriefs = [s for s in deck.slides if s.title.startswith("Debrief: A long activity")]
    counts = [sum(1 for p in paras_of(s, "Body") if p.level == 1) for s in debriefs]
    assert sum(counts) == 12 and max(counts) - min(counts) <= 1, counts  # twelve questions at 28 pt, shared
    activity = [s for s in deck.slides if s.title.startswith("Activity: A long activity")]
    materials = [sum(1 for p in paras_of(s, "Body") if p.text.startswith("Material item")) for s in activity]
    assert sum(materials) == 12 and max(materials) - min(m for m in materials if m) <= 2, materials
    quote = [s for s in deck.slides if s.title.startswith("Long quote")]
    # a long quote stays whole on one slide (at a smaller step of the scale) rather than breaking mid-sentence
    assert len(quote) == 1 and paras_of(quote[0], "Body")[-1].text == "— Somebody (2020)"
    assert paras_of(quote[0], "Body")[0].size == SMALL


def test_one_vertical_rhythm_one_title_band(tmp_path):
    """Every titled slide's text starts at one height under one title band; short lists are set
    larger (and on cards), not pinned small to the top of an empty slide."""
    shutil.copy(DATA / "stress.yaml", tmp_path / "stress.yaml")
    Image.new("RGB", (800, 500), (40, 120, 90)).save(tmp_path / "pic.png")
    for path in (BUNDLED, DATA / "dense.yaml"):
        _, deck = plan(path)
        starts, bands = set(), set()
        for slide in deck.slides:
            if slide.kind in ("content", "debrief", "activity", "objectives", "agenda", "quiz", "answer",
                              "references", "presenters") and slide.boxes:
                top = min([b.y for b in slide.boxes] + [m.y for m in slide.marks if m.shape == "rect"])
                short = ({p.size for b in slide.boxes for p in b.paras if p.level == 1} == {LEAD}
                         or any(b.name.startswith("Point") for b in slide.boxes))
                if slide.bar_height == BAR_MIN and not short:  # a short list is balanced on its slide
                    starts.add(round(top - slide.bar_height, 1))
                bands.add(slide.bar_height)
        assert starts == {24 + RHYTHM}, (path.name, starts)
        if path == BUNDLED:
            assert bands == {BAR_MIN}, bands
    _, deck = plan(BUNDLED)
    welcome = by_title(deck, "Welcome")
    assert [b.name for b in welcome.boxes] == ["Point 1", "Point 2", "Point 3"]
    assert {p.size for b in welcome.boxes for p in b.paras} == {LEAD}
    # cards as tall as their words and padding (1.6 in at least), text in the middle, the row balanced
    assert all(b.h >= 115 - 6 and b.anchor == "middle" for b in welcome.boxes)
    assert welcome.boxes[0].y - welcome.bar_height > 24 + RHYTHM
    title = deck.slides[0]
    bar_x, bar_y, _, bar_h = title.accent_bar
    assert bar_y == min(b.y for b in title.boxes) and bar_y > 100  # the bar spans the text, centred


def test_a_12_hour_outline_prints_12_hour_times_and_its_unit_in_the_deck(in_tmp):
    text = BUNDLED.read_text(encoding="utf-8").replace('start: "09:00"', 'start: "9:00 AM"\n  clock: 12h', 1)
    text = text.replace("ce:\n", "ce:\n  unit: contact hours\n", 1)
    path = in_tmp / "o.yaml"
    path.write_text(text, encoding="utf-8")
    _, deck = plan(path)
    agenda = body_text(by_title(deck, "Agenda"))
    assert agenda[0] == "9:00–9:15 AM\tIntroduction"
    assert "11:50 AM–12:00 PM\tSelf-inventory: borrowing from the Twelve Steps (optional)" in agenda
    title = " ".join(p.text for box in deck.slides[0].boxes for p in box.paras)
    assert "3.00 contact hours" in title and "CE hours" not in title


def test_a_paragraph_longer_than_a_slide_continues_at_a_sentence():
    from workshop.deck import fit
    from workshop.deck.fit import Para

    text = " ".join(f"Sentence {n} says what a group does when it reads the case together." for n in range(1, 13))
    pages = fit.balanced_pages([[Para(text, BODY)]], 600.0, 200.0)
    assert len(pages) > 1
    shown = [" ".join(p.text for p in page) for page in pages]
    assert " ".join(shown) == text  # nothing lost or repeated
    assert all(s[0].isupper() and s.endswith(".") for s in shown), shown  # each slide a run of whole sentences


def test_the_running_footer_keeps_a_title_that_says_something():
    from workshop.deck.plan import short_title

    long = ("Trauma-Informed Care Across the Lifespan: Practical Strategies for Counselors, Social Workers and "
            "Peer Specialists")
    assert short_title(long) == "Trauma-Informed Care Across the Lifespan"
    title = "Relationship: What It's All About, and Why the Alliance Matters More Than Any Technique We Use"
    assert short_title(title) == title  # "Relationship" alone would say nothing: the footer shortens the whole
    assert short_title("Relationship: What It's All About") == "Relationship: What It's All About"
