"""Slide layouts: a slide names its layout with `layout:`, or gets one chosen from its content;
the agenda is a timeline. Plans, refusals, and the rendered slides read back."""

import pytest
from pptx import Presentation

from support import assert_rejected, run
from support.decks import LAYOUTS_OUTLINE as OUTLINE, corporate_template, layouts_outline as outline
from support.office import pdf_text, pptx_to_pdf, seen_words, unreadable
from workshop.deck.plan import BODY, HERO, LEAD, SMALL, TITLE, plan_deck
from workshop.loader import load_outline
from workshop.schedule import build_agenda

def planned(folder, text=OUTLINE):
    workshop = load_outline(outline(folder, text))
    return {s.title: s for s in plan_deck(workshop, build_agenda(workshop)).slides}


def test_each_slide_gets_its_layout(tmp_path):
    s = planned(tmp_path)
    assert s["People change in relationships, not in lectures."].kind == "statement"  # only a title: auto
    assert s["The one idea"].kind == "statement" and s["In their words"].kind == "quote"
    assert s["Repair on the left"].kind == s["Repair on the right"].kind == "image"
    assert s["Practice points"].kind == "content"
    four = [b for b in s["Four qualities"].boxes if b.name.startswith("Body")]
    assert [[p.text for p in b.paras] for b in four] == [["Warmth", "Empathy"], ["Genuineness", "Respect"]]
    # auto: two short phrases side by side on cards, each its own text box, in reading order
    assert [(b.name, b.paras[0].text) for b in s["Practice points"].boxes] == [("Point 1", "Listen"),
                                                                               ("Point 2", "Reflect")]


def test_statement_sizes_come_from_the_scale(tmp_path):
    s = planned(tmp_path)
    alone = s["People change in relationships, not in lectures."]
    assert [(b.name, b.paras[0].size, b.paras[0].align) for b in alone.boxes] == [("Title text", HERO, "center")]
    idea = s["The one idea"]
    assert [(b.name, b.paras[0].text, b.paras[0].size) for b in idea.boxes] == [
        ("Title text", "The one idea", SMALL), ("Statement", "Curiosity beats certainty in the first session.", HERO)]
    long = planned(tmp_path, OUTLINE.replace("Curiosity beats certainty in the first session.",
                                             "Curiosity beats certainty in the first session, and the client "
                                             "notices it long before we say a single word about it, in every room."))
    assert long["The one idea"].boxes[1].paras[0].size == LEAD  # more than three lines at the hero size


def test_quote_layout_has_its_mark_text_large_and_source_beneath(tmp_path):
    quote = planned(tmp_path)["In their words"]
    text, source = quote.boxes[0].paras
    assert (text.size, text.text, source.size, source.text) == (  # nine words: set large (issue 26, E)
        TITLE, "“The relationship is the vehicle through which change happens.”", SMALL, "— Rogers (1957)")
    mark = quote.marks[0]
    assert mark.shape == "quote" and mark.x + mark.w < quote.boxes[0].x  # left of the text, not on it
    body_top, body_bottom = quote.bar_height + 24, 508 - 12
    used = sum(len(p.lines(quote.boxes[0].w)) * p.size * 1.2 + p.space_before for p in (text, source))
    assert abs((quote.boxes[0].y - body_top) - (body_bottom - quote.boxes[0].y - used)) < 2  # balanced


def test_picture_beside_the_bullets_on_the_named_side(tmp_path):
    s = planned(tmp_path)
    left, right = s["Repair on the left"], s["Repair on the right"]
    assert left.image_box[0] + left.image_box[2] <= left.boxes[0].x
    assert right.boxes[0].x + right.boxes[0].w <= right.image_box[0]
    assert left.boxes[0].paras[0].size == BODY and left.title_size == TITLE
    assert "Image: A circle of four arrows" in left.notes


def test_agenda_is_a_timeline_with_a_dot_per_item(tmp_path):
    agenda = planned(tmp_path)["Agenda"]
    dots = [m for m in agenda.marks if m.shape == "dot"]
    assert len(dots) == 3 and [d.hollow for d in dots] == [False, True, False]  # the break is muted
    assert [d.colour for d in dots] == ["accent", "muted", "accent"]
    line = next(m for m in agenda.marks if m.shape == "rect")
    assert line.y == pytest.approx(dots[0].y + dots[0].h / 2) and line.y + line.h == pytest.approx(dots[2].y + 8)
    assert {p.size for p in agenda.boxes[0].paras} == {BODY}


def test_a_long_agenda_continues_with_its_timeline(tmp_path):
    sections = "".join(f"  - title: Part {n}\n    minutes: 10\n" for n in range(1, 16))
    s = planned(tmp_path, OUTLINE.split("sections:\n")[0] + "sections:\n" + sections)
    assert s["Agenda"].marks and s["Agenda (cont.)"].marks
    assert all(p.size == BODY for p in s["Agenda (cont.)"].boxes[0].paras)


@pytest.mark.parametrize("change, message", [
    (("layout: two-columns", "layout: two-column"),
     "o.yaml:37:17: section 1, slide 6, layout: unknown layout 'two-column'; did you mean 'two-columns'? a slide's "
     "layout is one of: auto, statement, quote, image-left, image-right, two-columns"),
    (("      - title: Practice points\n", "      - title: Practice points\n        layout: quote\n"),
     "o.yaml:45:17: section 3, slide 1, layout: layout quote does not suit this slide: the quote layout needs a "
     "quote: write quote: with text and source, or remove the layout line"),
    (("      - title: Practice points\n", "      - title: Practice points\n        layout: statement\n"),
     "o.yaml:45:17: section 3, slide 1, layout: layout statement does not suit this slide: a statement slide shows "
     "one short sentence: give the slide only a title, or a single bullet with no sub-bullets"),
    (("      - title: Practice points\n", "      - title: Practice points\n        layout: image-left\n"),
     "o.yaml:45:17: section 3, slide 1, layout: layout image-left does not suit this slide: image-left puts a "
     "picture beside the slide's list: add image: with path and alt, or remove the layout line"),
    (("        layout: image-right\n", ""),
     "o.yaml:29:9: section 1, slide 5, image: a slide has at most one body; this one has numbered and image "
     "(to put a picture beside a list, add layout: image-left or image-right)"),
    (("bullets: [Warmth, Empathy, Genuineness, Respect]", "bullets: [Warmth]"),
     "o.yaml:37:17: section 1, slide 6, layout: layout two-columns does not suit this slide: two-columns needs at "
     "least two bullets to split; add one, or remove the layout line"),
])
def test_a_layout_that_does_not_fit_is_refused_with_its_place(in_tmp, change, message):
    folder = in_tmp
    outline(folder, OUTLINE.replace(*change))
    result = run("build", "o.yaml", "--out", "kit")
    assert_rejected(result, message)
    assert not (folder / "kit").exists()


def test_image_layout_without_bullets_says_how_to_fix(in_tmp):
    text = OUTLINE.replace("        bullets:\n          - Notice the rupture\n          - Name it out loud\n", "")
    outline(in_tmp, text)
    result = run("validate", "o.yaml")
    assert_rejected(result, "o.yaml:21:17: section 1, slide 4, layout: layout image-left does not suit this slide: "
                            "image-left puts the slide's bullets beside its picture, and this slide has none: add "
                            "bullets: (or numbered:), or remove the layout line to show the picture alone")


WORDS = ["People", "lectures", "Curiosity", "certainty", "vehicle", "Rogers", "rupture", "technique", "Genuineness",
         "Respect", "Coffee", "Practice", "09:40–09:55"]


@pytest.fixture(scope="module", params=["default", "sunrise", "template"])
def rendered(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    text = OUTLINE
    args = []
    if request.param == "sunrise":
        args = ["--theme", "sunrise"]
    if request.param == "template":
        corporate_template(folder / "corp.pptx")
        text += "theme:\n  template: corp.pptx\n  layouts:\n    title_only: Headline Only\n"
    result = run("build", outline(folder, text), "--only", "deck", "--out", folder / "kit", *args)
    assert result.exit_code == 0, result.stderr
    deck = folder / "kit" / "deck.pptx"
    return deck, pptx_to_pdf(deck, folder)


@pytest.mark.office
def test_every_layout_renders_every_word_readably(rendered):
    deck, pdf = rendered
    pages = pdf_text(pdf)
    text = " ".join(" ".join(p.split()) for p in pages)
    for word in WORDS:
        assert word in text, word
    assert text.count("“") == 1  # the large mark is a shape, not a second character to read
    seen = seen_words(pdf)
    assert unreadable(seen) == []
    statement = next(p for p in pages if "Curiosity" in p)
    assert "The one idea" in statement


@pytest.mark.office
def test_pictures_keep_their_alt_text(rendered):
    deck, _ = rendered
    prs = Presentation(str(deck))
    alts = {shape._element.nvPicPr.cNvPr.get("descr") for slide in prs.slides for shape in slide.shapes
            if shape.shape_type == 13}
    assert {"A circle of four arrows labelled notice, name, normalize, next",
            "A ring drawn in navy on a pale blue ground"} <= alts
