"""The deck plan for the bundled and a dense outline: titles, text, notes and timing cues."""

from conftest import BUNDLED, DATA
from workshop.deck.fit import MIN_BODY
from workshop.deck.plan import plan_deck
from workshop.loader import load_outline
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
    assert titles[-2:] == ["References", "Stay in touch"]
    assert "Morning break" in titles and "Activity: Practice in pairs" in titles
    assert "Debrief: Practice in pairs" in titles
    assert len(set(titles)) == len(titles), "every slide needs a unique title"
    assert [s.number for s in deck.slides] == list(range(1, len(deck.slides) + 1))


def test_agenda_and_objectives_slides():
    workshop, deck = plan(BUNDLED)
    agenda = body_text(by_title(deck, "Agenda"))
    assert agenda[0] == "09:00-09:15\tIntroduction"
    assert "10:20-10:35\tMorning break" in agenda
    assert "11:50-12:00\tSelf-inventory: borrowing from the Twelve Steps (optional)" in agenda
    objectives = by_title(deck, "Learning objectives")
    numbered = [p for b in objectives.boxes for p in b.paras if p.number]
    assert [p.text for p in numbered] == list(workshop.objectives)
    assert [p.number for p in numbered] == [1, 2, 3]


def test_bullets_keep_two_levels_and_numbered_lists_their_numbers():
    _, deck = plan(BUNDLED)
    slide = by_title(deck, "Different from other relationships")
    paras = [p for b in slide.boxes for p in b.paras]
    assert [(p.level, p.text) for p in paras][:3] == [
        (1, "Purposeful and goal-directed, not social"), (1, "Focused on the client's needs, not mutual need"),
        (2, "Self-disclosure is used sparingly and only for the client's benefit")]
    ten = by_title(deck, "Strengthening the relationship")
    items = [p for b in ten.boxes for p in b.paras]
    assert [p.number for p in items] == list(range(1, 11))
    assert items[9].text == "Be comfortable with silence"


def test_quote_slide_has_text_and_source():
    _, deck = plan(BUNDLED)
    text = body_text(by_title(deck, "A working definition"))
    assert text[0].startswith("“We can operationally define") and text[1] == "— Norcross (2010, p. 113)"


def test_notes_carry_the_outline_notes_and_timing_cue():
    _, deck = plan(BUNDLED)
    welcome = by_title(deck, "Welcome")
    assert welcome.notes.startswith("Give a short account of your own path")
    # Introduction has 15 minutes shared by two slides: 8 and 7.
    assert welcome.notes.endswith("Timing: 09:00-09:08 (8 min), 0:00 in, 3:07 left")
    ten = by_title(deck, "Strengthening the relationship")
    assert "Timing: 10:35-10:45 (10 min), 1:35 in, 1:30 left" in ten.notes
    assert all(s.notes for s in deck.slides), "every slide has speaker notes"


def test_activity_slide_and_notes():
    _, deck = plan(BUNDLED)
    slide = by_title(deck, "Activity: Practice in pairs")
    text = body_text(slide)
    assert text[0] == "Pairs · 20 minutes · until 11:20"
    assert "Technique cards, one per way" in text
    assert "Materials: Technique cards, one per way, Timer" in slide.notes
    assert "- As the client, what did your partner do that built trust?" in slide.notes
    assert "Timing: 11:00-11:20 (20 min), ends 11:20, 2:00 in, 0:55 left" in slide.notes


def test_break_slide_says_when_to_be_back():
    _, deck = plan(BUNDLED)
    slide = by_title(deck, "Morning break")
    assert any(p.text == "15 minutes · back at 10:35" for b in slide.boxes for p in b.paras)


def test_title_and_closing_slides():
    _, deck = plan(BUNDLED)
    first = [p.text for b in deck.slides[0].boxes for p in b.paras]
    assert first == ["Relationship: What It's All About", "Building and protecting the therapeutic alliance",
                     "Dawn Allred, LPC, MAC", "Saturday, March 14, 2026 · Atlanta, GA",
                     "Sunrise Consulting · 3.00 CE hours"]
    last = [p.text for b in deck.slides[-1].boxes for p in b.paras]
    assert last == ["Stay in touch", "Dawn Allred, LPC, MAC", "dawn@example.org", "www.example.org"]


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
    assert refs == list(workshop.references)
