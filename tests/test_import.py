"""`workshop import`: decks made the way presenters make them come in as outlines that validate
and build; a built deck comes back as the outline it was built from; other files are refused."""

from __future__ import annotations

import io
import zipfile

import pytest
import yaml
from pptx import Presentation

from support import decks
from support import BUNDLED, BUNDLED_OUTLINES, DATA, OUTLINES, assert_rejected, leaves, run
from workshop.importer import container


def titles(deck) -> list[str]:
    return [slide.shapes.title.text if slide.shapes.title else "" for slide in Presentation(str(deck)).slides]


def notes(deck) -> list[str]:
    return [s.notes_slide.notes_text_frame.text for s in Presentation(str(deck)).slides]


def imported(folder, name="old-deck.pptx", *args):
    result = run("import", folder / name, *args)
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    outline = folder / (name.rsplit(".", 1)[0] + ".yaml")
    return result, outline, yaml.safe_load(outline.read_text(encoding="utf-8"))


# -- a deck made in PowerPoint ----------------------------------------------------------------


def test_a_presenters_deck_comes_in_field_by_field(in_tmp):
    decks.original_deck(in_tmp / "old-deck.pptx")
    result, outline, data = imported(in_tmp)

    assert data["workshop"] == {"title": "Relationship: What It's All About",
                                "subtitle": "Building and protecting the therapeutic alliance",
                                "date": __import__("datetime").date(2026, 3, 14), "start": "09:00",
                                "location": "Atlanta, GA"}
    assert data["presenters"] == [{"name": "Dawn Allred", "credentials": "LPC, MAC"}]
    assert data["objectives"] == ["Name three components of an effective therapeutic relationship",
                                  "Describe five ways to strengthen the therapeutic alliance"]
    assert [e.get("title", e.get("break")) for e in data["sections"]] == [
        "Introduction", "The therapeutic relationship", "Morning break", "The therapeutic relationship (continued)"]
    intro, relationship, pause, after = data["sections"]
    assert intro["notes"] == "Set the tone: warm, unhurried."
    welcome, different = intro["slides"]
    assert welcome == {"title": "Welcome", "bullets": ["About me", "About you", "About this presentation"],
                       "notes": "Give a short account of your path into counseling.\n"
                                "Then ask each participant for one goal."}
    assert different["bullets"] == ["Purposeful and goal-directed, not social", "Focused on the client's needs",
                                    ["Self-disclosure is used sparingly"], "Held within professional limits",
                                    ["Confidentiality, and its limits", "Mandated reporting", "No dual relationships"]]
    by_title = {s["title"]: s for s in relationship["slides"]}
    assert list(by_title) == decks.ORIGINAL_CONTENT_TITLES[2:9]
    assert by_title["A working definition"]["quote"] == {
        "text": "The feelings and attitudes that therapist and client have toward one another.",
        "source": "Norcross (2010, p. 113)"}
    assert by_title["Two kinds of relationship"]["bullets"] == ["Social", ["Both people's needs"],
                                                                "Therapeutic", ["The client's needs"]]
    assert by_title["Strengthening the relationship"]["numbered"] == [
        "Help the client feel more welcome", "Know that relationships take time", ["Trust builds over sessions"],
        "Never judge the client"]
    assert by_title["The alliance at a glance"]["image"] == {
        "path": "images/slide-10.png", "alt": "Two chairs facing each other: counselor and client"}
    assert (in_tmp / "images" / "slide-10.png").read_bytes() == decks.png()
    assert by_title["Qualities compared"]["bullets"] == ["Quality: Trust", ["What it looks like: Confidences kept"],
                                                         "Quality: Respect", ["What it looks like: No assumptions"]]
    assert by_title["What the research shows"]["bullets"] == [
        "The relationship predicts outcome across approaches", "Chart: Effect sizes",
        ["Alliance: 0.57", "Empathy: 0.58", "Technique: 0.2"]]
    care = by_title["Self-care matters"]
    assert care["bullets"] == ["Body, mind and relationships", "Boundaries on hours"]
    assert (care["image"]["path"], care["layout"]) == ("images/slide-13.png", "image-right")
    assert (in_tmp / "images" / "slide-13.png").is_file()
    assert pause == {"break": "Morning break", "minutes": 15}
    assert [s["title"] for s in after["slides"]] == ["Taking a personal inventory"]
    assert data["references"] == ["Norcross, J. C. (2010). The therapeutic relationship. APA.",
                                  "Rogers, C. R. (1951). Client-centered therapy. Houghton Mifflin."]
    assert [s["minutes"] for s in data["sections"]] == [5, 20, 15, 5]

    text = outline.read_text(encoding="utf-8")
    assert ("      # slide 12\n"
            "      # not brought in: a video; see slide 12 of the old deck\n"
            "      # not brought in: SmartArt; see slide 12 of the old deck\n"
            "      # not brought in: an embedded Excel object; see slide 12 of the old deck\n"
            "      # not brought in: animations (the built deck shows each slide whole); see slide 12 of the old deck\n"
            "      # brought in differently: a chart (“Effect sizes”), as its data in bullets; draw the chart again in "
            "PowerPoint if you need it\n") in text
    assert "minutes: 20  # check: estimated at 2-3 minutes a slide (7 slides)" in text
    assert "# check: hidden in the old deck; delete this slide if you do not show it" in text
    for line in ("  slide 12: a video", "  slide 12: SmartArt",
                 "  slide 12: a chart (“Effect sizes”), as its data in bullets; draw the chart again in PowerPoint if "
                 "you need it",
                 "  slide 12: an embedded Excel object",
                 "  slide 12: animations (the built deck shows each slide whole)",
                 "  slide 11: a table, as bullets (one per row, each cell named by its column's heading)",
                 "  slide 11: an equation",
                 "  slide 5: bullets more than two levels deep, brought up to the second level",
                 "  slide 13: a picture beside text, placed right of it (layout image-right)"):
        assert line in result.stdout.splitlines()
    assert "Next: check the minutes in old-deck.yaml, then run: workshop build old-deck.yaml" in result.stdout
    assert not [line for line in result.stdout.splitlines() if line.startswith("  slide 4:")], \
        "a slide transition is not content"


def test_the_imported_outline_validates_and_builds_the_same_slides(in_tmp):
    decks.original_deck(in_tmp / "old-deck.pptx")
    imported(in_tmp)
    assert run("validate", "old-deck.yaml").exit_code == 0
    built = run("build", "old-deck.yaml", "--out", "kit", "--only", "deck")
    assert built.exit_code == 0, built.stderr
    assert titles(in_tmp / "kit" / "deck.pptx") == [
        "Relationship: What It’s All About", "Agenda", "Learning objectives",
        "Introduction", "Welcome", "Different from other relationships",
        "The therapeutic relationship", *decks.ORIGINAL_CONTENT_TITLES[2:9],
        "Morning break", "The therapeutic relationship (continued)", "Taking a personal inventory",
        "References", "Stay in touch"]


def test_powerpoint_sections_become_sections(in_tmp):
    decks.sectioned_deck(in_tmp / "talk.pptx")
    result, _, data = imported(in_tmp, "talk.pptx")
    assert [(s["title"], [x["title"] for x in s["slides"]]) for s in data["sections"]] == [
        ("Introduction", ["Why we are here", "Ground rules"]),
        ("Cases", ["Case one", "Case two", "Case three"])]
    assert data["workshop"]["title"] == "Talk"
    assert data["presenters"] == [{"name": "Presenter name"}]
    assert "  no presenter was found on the title slide; fill in presenters" in result.stdout.splitlines()
    assert run("validate", "talk.yaml").exit_code == 0


# -- a deck made by workshop build ------------------------------------------------------------


def as_set(value):
    """``value`` with every string typeset as the deck sets it."""
    from workshop.typography import typeset

    if isinstance(value, str):
        return typeset(value)
    if isinstance(value, list):
        return [as_set(v) for v in value]
    if isinstance(value, dict):
        return {k: as_set(v) for k, v in value.items()}
    return value


def test_a_built_deck_imports_back_to_its_outline(in_tmp):
    assert run("build", BUNDLED, "--out", "first", "--only", "deck").exit_code == 0
    result, outline, data = imported(in_tmp / "first", "deck.pptx")
    original = as_set(yaml.safe_load(BUNDLED.read_text(encoding="utf-8")))  # the deck sets ’ for '

    def shape(sections, *keys):
        return [{k: s[k] for k in keys if k in s} for s in sections]

    assert shape(data["sections"], "title", "break", "minutes", "optional", "goals") == \
        shape(original["sections"], "title", "break", "minutes", "optional", "goals")
    def untimed(slides):  # a slide's own minutes equal to its share are the same timing: compared below;
        # a named layout is how the content was shown, which the importer does not read back
        return [{k: v for k, v in s.items() if k not in ("minutes", "layout")} for s in slides or []]

    for mine, theirs in zip(data["sections"], original["sections"], strict=True):
        assert untimed(mine.get("slides")) == untimed(theirs.get("slides")), mine.get("title")
        assert mine.get("activities") == theirs.get("activities"), mine.get("title")
    assert data["objectives"] == original["objectives"]
    assert data["references"] == original["references"]
    assert data["presenters"] == original["presenters"]
    assert {k: data["workshop"][k] for k in ("title", "subtitle", "date", "start", "location")} == \
        {k: original["workshop"][k] for k in ("title", "subtitle", "date", "start", "location")}
    assert "#   provider: \"Sunrise Consulting\"" in outline.read_text(encoding="utf-8")

    assert run("build", outline, "--out", "second", "--only", "deck").exit_code == 0
    assert titles(in_tmp / "second" / "deck.pptx") == titles(in_tmp / "first" / "deck.pptx")
    # the notes carry each slide's timing line: the same notes are the same timing
    assert notes(in_tmp / "second" / "deck.pptx") == notes(in_tmp / "first" / "deck.pptx")


# -- decks nobody here made: every paragraph and note comes in --------------------------------

#: What a symbol-font character shows, as the talk deck types them (font, code as stored).
SHOWN = {("Wingdings", "J"): "☺", ("Wingdings", "L"): "☹", ("Wingdings", "\uf0f0"): "⇨",
         ("Wingdings", "\uf0e0"): "", ("Symbol", "b"): "β"}


def paragraphs(deck, slide_numbers: bool = True) -> list[tuple[int, str]]:
    """Every paragraph, table cell and line of notes of ``deck``, read with python-pptx, with
    symbol-font runs as they show; without text boxes holding only the slide's number when
    ``slide_numbers`` is false."""
    found = []

    def text_of(paragraph) -> str:
        return "".join(SHOWN.get((r.font.name, r.text), r.text) if r.font.name in ("Wingdings", "Symbol") else r.text
                       for r in paragraph.runs)

    def shapes(n, items):
        for shape in items:
            if shape.shape_type == 6:  # a group
                shapes(n, shape.shapes)
            elif shape.has_text_frame:
                texts = [" ".join(text_of(p).split()) for p in shape.text_frame.paragraphs]
                if not slide_numbers and texts == [str(n)]:
                    continue
                found.extend((n, t) for t in texts if t)
            elif getattr(shape, "has_table", False) and shape.has_table:
                found.extend((n, " ".join(c.text.split())) for row in shape.table.rows for c in row.cells if c.text)

    for n, slide in enumerate(Presentation(str(deck)).slides, 1):
        shapes(n, slide.shapes)
        if slide.has_notes_slide:
            found.extend((n, " ".join(line.split())) for line in slide.notes_slide.notes_text_frame.text.split("\n")
                         if line.strip())
    return found


def outline_texts(outline) -> list[str]:
    """Every value of the outline, and every comment, as one line of text each."""
    text = outline.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    values = [" ".join(str(value).split()) for value in leaves(data) if value is not None]
    values += [", ".join(filter(None, (p["name"], p.get("credentials")))) for p in data["presenters"]]
    return values + [line.split("#", 1)[1].strip() for line in text.splitlines() if "#" in line]


def assert_all_brought_in(deck, outline, slide_numbers: bool = True) -> None:
    texts = outline_texts(outline)
    lost = [(n, t) for n, t in paragraphs(deck, slide_numbers) if not any(t in v for v in texts)]
    assert not lost, f"paragraphs of the deck not in the outline: {lost}"


def slides_of(data) -> dict:
    return {s["title"]: s for section in data["sections"] for s in section.get("slides", [])}


def test_a_talk_deck_comes_in_whole_and_builds_on_its_own_design(in_tmp):
    deck = decks.talk_deck(in_tmp / "talk.pptx")
    result, outline, data = imported(in_tmp, "talk.pptx")
    assert_all_brought_in(deck, outline)
    lines = result.stdout.splitlines()
    slides = slides_of(data)

    # an untitled slide whose only content is a boxed command
    assert slides["$ pip install listening-skills"]["notes"] == "Pause here; let them read it."
    assert "Listening is a skill, not a gift." in slides
    assert not [line for line in lines if "empty slide" in line]
    # Wingdings and Symbol as the characters they show; what has no equivalent is named
    assert slides["How a session feels"]["bullets"] == ["Heard ☺", "Rushed ☹ then ⇨ better", "Effect size β grows"]
    assert "  slide 4: a Wingdings character (0xE0) with no Unicode equivalent, left out" in lines
    # a build-up: the top picture of the stack, and no word of text beside it
    build_up = slides["A call, step by step"]
    assert build_up["image"]["alt"] == "Step 3 of the build-up" and "layout" not in build_up
    assert (in_tmp / build_up["image"]["path"]).read_bytes() == decks.png(colour=decks.BUILD_UP[-1])
    assert not [line for line in lines if line.startswith("  slide 5:") and "beside text" in line]
    # a picture beside text goes on its side; a picture alone is the slide
    headset = slides["The headset"]
    assert (headset["bullets"], headset["layout"], headset["image"]["alt"]) == (
        ["Both hands free", "Voice close to the ear"], "image-left", "A headset on a desk")
    assert slides["The desk"]["image"]["alt"] == "A call-centre desk with two screens"
    assert "image" not in slides["Why it matters"], "a full-slide picture behind the text is a background"
    assert "picture not placed (it filled the slide, behind the text): images/slide-11.png" in outline_texts(outline)
    # two columns, a table with its header row, a chart with its data
    assert (slides["Then and now"]["bullets"], slides["Then and now"]["layout"]) == (
        ["Paper forms", "Phone calls", ["at set hours"], "Online forms", "Video calls"], "two-columns")
    assert slides["Skills compared"]["bullets"] == [
        "Skill: Reflecting", ["On the phone: Say it back", "In the room: Nod"],
        "Skill: Pausing", ["On the phone: Count to three", "In the room: Wait"]]
    assert slides["Calls answered"]["bullets"] == ["Chart: Calls a month",
                                                   ["2024: Day 120, Night 40", "2025: Day 180, Night 75"]]
    # numbered part dividers: the build numbers the parts itself
    assert [s["title"] for s in data["sections"]] == ["Foundations", "Practice"]
    # the title slide's notes; the last slide's contact details; the presenter's design
    text = outline.read_text(encoding="utf-8")
    assert "  # speaker notes of the title slide:\n  #   Thank the organisers.\n" in text
    assert data["presenters"] == [{"name": "Sam Rivera", "credentials": "PhD", "email": "sam.rivera@example.org",
                                   "phone": "+1 (555) 010-2030", "website": "www.example.org/listening"}]
    assert data["deck"] == {"closing": False}
    assert data["theme"] == {"template": "talk.pptx"}

    built = run("build", "talk.yaml", "--out", "kit")
    assert built.exit_code == 0, built.stderr
    rebuilt = Presentation(str(in_tmp / "kit" / "deck.pptx"))
    assert (rebuilt.slide_width, rebuilt.slide_height) == (Presentation(str(deck)).slide_width,
                                                           Presentation(str(deck)).slide_height)
    shown = {s.shapes.title.text if s.shapes.title else "": s for s in rebuilt.slides}
    assert shown["Then and now"].slide_layout.name == "Two Content"
    assert [s.shape_type for s in shown["The headset"].shapes if s.shape_type == 13], "the headset picture is placed"
    assert list(shown)[-1] == "Questions?" and "Stay in touch" not in shown
    assert "This template will work" in run("template", "talk.yaml").stdout


def test_a_quarto_deck_leaves_its_slide_numbers_and_keeps_its_layout_names(in_tmp):
    deck = decks.quarto_deck(in_tmp / "slides.pptx")
    result, outline, data = imported(in_tmp, "slides.pptx")
    assert_all_brought_in(deck, outline, slide_numbers=False)
    assert [s["bullets"] for s in data["sections"][0]["slides"]] == [
        ["One source", "Many outputs"], ["Write Markdown", "Render to pptx"], ["Try it on your own talk"]]
    assert "  slide 3: its slide number (“3”) in a text box, left out (the build numbers every slide)" in \
        result.stdout.splitlines()
    assert data["theme"] == {"template": "slides.pptx", "layouts": {
        "title": "TITLE", "section": "SECTION_HEADER", "title_only": "TITLE_ONLY", "content": "TITLE_AND_BODY",
        "two_content": "TITLE_AND_TWO_COLUMNS"}}
    template = run("template", "slides.yaml")
    assert template.exit_code == 0 and "slides 13.33 x 7.50 in (16:9)" in template.stdout
    assert run("build", "slides.yaml", "--out", "kit").exit_code == 0
    assert [s.slide_layout.name for s in Presentation(str(in_tmp / "kit" / "deck.pptx")).slides][:2] == [
        "TITLE", "TITLE_AND_BODY"]


def test_a_design_the_build_cannot_use_is_offered_commented_out(in_tmp):
    deck = decks.quarto_deck(in_tmp / "tall.pptx")
    prs = Presentation(str(deck))
    prs.slide_width, prs.slide_height = prs.slide_height, prs.slide_width  # portrait
    prs.save(str(deck))
    result, outline, data = imported(in_tmp, "tall.pptx")
    assert "theme" not in data
    text = outline.read_text(encoding="utf-8")
    assert "# The deck's own design cannot be used as it is:\n#   tall.pptx has portrait slides" in text
    assert '\n#   template: "tall.pptx"\n' in text
    assert run("build", "tall.yaml", "--out", "kit").exit_code == 0


def test_symbol_fonts_are_read_as_unicode():
    from workshop.importer.symbols import translate

    assert translate("a+b", "Symbol") == ("α+β", ["a → α", "b → β"], [])
    assert translate("\uf0fc", "Wingdings") == ("✓", ["U+F0FC → ✓"], [])
    assert translate("x\ue000y", "Calibri") == (
        "xy", [], ["a private-use character (U+E000) in Calibri, which shows only in the font it was made for"])


# -- a deck made by workshop build comes back as the outline that made it --------------------


# The importer reads the notes and generated slides of a deck built in English; a deck built in
# Spanish or French is read as a presenter's own deck (a known limit), so it is not round-tripped.
ENGLISH_OUTLINES = [p for p in BUNDLED_OUTLINES if "language: es" not in p.read_text(encoding="utf-8")
                    and "language: fr" not in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("source", [*ENGLISH_OUTLINES, DATA / "quiz.yaml", "no-closing", "layouts",
                                    "long-lists"],
                         ids=lambda p: getattr(p, "stem", p))
def test_a_built_deck_rebuilds_the_same_slides(in_tmp, source):
    from workshop.loader import load_outline

    if source == "no-closing":  # a quiz, and no "Stay in touch" slide
        source = in_tmp / "no-closing.yaml"
        source.write_text(f"extends: {DATA / 'quiz.yaml'}\ndeck:\n  closing: false\n", encoding="utf-8")
    elif source == "layouts":  # every layout a slide can name: statement, quote, image-left, -right, two columns
        from support.decks import LAYOUTS_OUTLINE as OUTLINE

        source = in_tmp / "layouts.yaml"
        source.write_text(OUTLINE, encoding="utf-8")
        (in_tmp / "cycle.png").write_bytes(decks.png(300, 300))
    elif source == "long-lists":  # objectives and an agenda that continue on a second slide
        source = in_tmp / "long.yaml"
        source.write_text("workshop: {title: Long lists, date: 2026-03-14}\npresenters: [{name: Dana Lee}]\n"
                          "objectives:\n" + "".join(f"  - Objective {n}, long enough to take most of a line on "
                                                    "the slide\n" for n in range(1, 15))
                          + "sections:\n" + "".join(f"  - {{title: Part {n}, minutes: 10}}\n" for n in range(1, 17)),
                          encoding="utf-8")
    assert run("build", source, "--out", "first", "--only", "deck").exit_code == 0
    result = run("import", "first/deck.pptx", "-o", "again.yaml")
    assert result.exit_code == 0, result.stderr
    again = run("build", "again.yaml", "--out", "second", "--only", "deck")
    assert again.exit_code == 0, again.stderr

    def shown(folder):  # titles, layouts, and the notes with each slide's timing line (its minutes)
        return [(s.shapes.title.text if s.shapes.title else "", s.slide_layout.name,
                 s.notes_slide.notes_text_frame.text) for s in Presentation(str(in_tmp / folder / "deck.pptx")).slides]

    assert shown("second") == shown("first")
    assert load_outline(in_tmp / "again.yaml").objectives == load_outline(source).objectives
    original = load_outline(source)
    assert _questions(load_outline(in_tmp / "again.yaml").quiz) == \
        _questions(original.quiz if original.deck.quiz else None)
    assert load_outline(in_tmp / "again.yaml").deck.closing == original.deck.closing
    if original.deck.quiz:
        assert run("build", "again.yaml", "--out", "second", "--only", "quiz").exit_code == 0
        assert (in_tmp / "second" / "quiz.gift").is_file()


def _questions(quiz) -> list | None:
    return None if quiz is None else [(q.ask, q.answer, q.choices, q.objective, q.explain) for q in quiz.questions]


# -- text that YAML would misread -------------------------------------------------------------


def test_slide_text_reads_back_exactly(in_tmp):
    tricky = ['Step 1: "begin" # now', "- leading dash", "* star", "[bracket]", "{brace}: x", "yes", "null",
              "0123", "@handle", "%done", "'single'", "&anchor", "!tag", "|pipe", ">fold", "tab\there",
              "Ünïcödé — “quotes” ✓ 😀", "back\\slash", "trailing colon:", "#hash first"]
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[decks.CONTENT])
    slide.shapes.title.text = "Key: value # not a comment"
    decks.bullets(slide.placeholders[1].text_frame, tricky)
    slide.notes_slide.notes_text_frame.text = "# first line\n  indented: yes\n\n- last"
    second = prs.slides.add_slide(prs.slide_layouts[decks.CONTENT])
    second.shapes.title.text = "Notes"
    decks.bullets(second.placeholders[1].text_frame, ["x"])
    second.notes_slide.notes_text_frame.text = "Plain first line\n  second: indented\n\n#third"
    prs.save(str(in_tmp / "tricky.pptx"))
    _, _, data = imported(in_tmp, "tricky.pptx")
    first, other = data["sections"][0]["slides"]
    assert first["title"] == "Key: value # not a comment"
    assert first["bullets"] == [" ".join(t.split()) for t in tricky]
    assert first["notes"] == "# first line\n  indented: yes\n\n- last"
    assert other["notes"] == "Plain first line\n  second: indented\n\n#third"
    assert run("validate", "tricky.yaml").exit_code == 0


# -- files that are not there, not ours, or not decks -----------------------------------------


def test_existing_files_are_not_replaced_without_force(in_tmp):
    decks.original_deck(in_tmp / "old-deck.pptx")
    imported(in_tmp)
    again = run("import", "old-deck.pptx")
    assert again.exit_code == 0, "the same outline and pictures again: nothing to replace"
    (in_tmp / "old-deck.yaml").write_text("# my edits\n", encoding="utf-8")
    (in_tmp / "images" / "slide-10.png").write_bytes(decks.png(colour=(0, 0, 0)))
    refused = run("import", "old-deck.pptx")
    assert_rejected(refused,
                    "old-deck.yaml: already exists; add --force to replace it, or write the outline somewhere "
                    "else with -o",
                    "images/slide-10.png: already exists; add --force to replace it, or write the outline "
                    "somewhere else with -o")
    assert (in_tmp / "old-deck.yaml").read_text(encoding="utf-8") == "# my edits\n"
    elsewhere = run("import", "old-deck.pptx", "-o", "fresh/outline.yaml")
    assert elsewhere.exit_code == 0 and (in_tmp / "fresh" / "images" / "slide-10.png").is_file()
    forced = run("import", "old-deck.pptx", "--force")
    assert forced.exit_code == 0
    assert (in_tmp / "images" / "slide-10.png").read_bytes() == decks.png()
    assert (in_tmp / "old-deck.yaml").read_text(encoding="utf-8").startswith("# Imported from old-deck.pptx")


SAVE_AS = "open it in PowerPoint and choose File > Save As > PowerPoint Presentation (.pptx)"


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("name, content, message", [
    ("old.ppt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),
     f"this is an older PowerPoint file (.ppt); {SAVE_AS}, then import the .pptx"),
    ("locked.pptx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),
     "this file is password-protected or in PowerPoint's older .ppt format; open it in PowerPoint, remove the "
     "password (File > Info > Protect Presentation) or choose File > Save As > PowerPoint Presentation (.pptx), "
     "then import that file"),
    ("talk.key", _zip({"Index/Document.iwa": b"x", "Metadata/Properties.plist": b"x"}),
     "this is a Keynote presentation; in Keynote choose File > Export To > PowerPoint, then import the .pptx"),
    ("report.pptx", _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}),
     "this is a Word document, not a deck (was it renamed?); import the deck's own .pptx file"),
    ("talk.odp", _zip({"mimetype": b"application/vnd.oasis.opendocument.presentation", "content.xml": b"<x/>"}),
     "this is an OpenDocument presentation (.odp); in LibreOffice Impress choose File > Save As and the "
     "PowerPoint (.pptx) type, then import that file"),
    ("empty.pptx", b"", "the file is empty; was it saved or copied completely?"),
    ("notes.pptx", b"just some text\n", f"this is not a PowerPoint deck (.pptx); {SAVE_AS}"),
    ("bomb.pptx", _zip({"[Content_Types].xml": b"<Types/>", "ppt/slides/slide1.xml": bytes(20 * 1024 * 1024)}),
     "the part ppt/slides/slide1.xml would unpack to 20 MB, over 200 times its packed size; the file is damaged "
     "or not a real deck"),
], ids=["ppt", "password", "keynote", "renamed-docx", "odp", "empty", "text", "zip-bomb"])
def test_a_file_that_is_not_a_deck_is_refused_with_what_to_do(in_tmp, name, content, message):
    (in_tmp / name).write_bytes(content)
    assert_rejected(run("import", name), f"{name}: {message}")
    assert not any(p.suffix == ".yaml" for p in in_tmp.iterdir())


def test_a_truncated_deck_is_refused(in_tmp):
    decks.sectioned_deck(in_tmp / "whole.pptx")
    data = (in_tmp / "whole.pptx").read_bytes()
    (in_tmp / "cut.pptx").write_bytes(data[: len(data) // 2])
    assert_rejected(run("import", "cut.pptx"),
                    "cut.pptx: the file is damaged or incomplete (was the download or copy finished?); if PowerPoint "
                    f"can still open it, {SAVE_AS} again")
    assert_rejected(run("import", "missing.pptx"), "missing.pptx: file not found")


def test_a_deck_that_unpacks_too_large_is_refused_before_reading(in_tmp, monkeypatch):
    decks.sectioned_deck(in_tmp / "big.pptx")
    monkeypatch.setattr(container, "MAX_UNPACKED", 10 * 1024)
    result = run("import", "big.pptx")
    assert_rejected(result)
    assert "more than the 10 KB this tool reads; remove videos or compress its media" in result.stderr


def test_damaged_decks_never_give_a_traceback(in_tmp):
    """Bytes changed at random (a bad sector, a broken copy): exit 0 or 2, never a crash."""
    import random

    data = decks.original_deck(in_tmp / "good.pptx").read_bytes()
    rng = random.Random(15)
    for n in range(40):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 12)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        (in_tmp / "damaged.pptx").write_bytes(bytes(damaged))
        result = run("import", "damaged.pptx", "--force")
        assert result.exit_code in (0, 2), (n, result.exception)
        assert result.exit_code == 0 or isinstance(result.exception, SystemExit), (n, result.exception)
        assert "Traceback" not in result.stdout + result.stderr


def test_a_zip_python_cannot_unpack_is_called_damaged(in_tmp):
    """A header that asks for a newer zip version, and a part whose packed stream is broken."""
    deck = decks.sectioned_deck(in_tmp / "whole.pptx").read_bytes()
    directory = deck.rindex(b"PK\x01\x02")  # the last central directory entry
    newer = bytearray(deck)
    newer[directory + 6:directory + 8] = (99).to_bytes(2, "little")
    (in_tmp / "newer.pptx").write_bytes(bytes(newer))
    packed = _zip({"[Content_Types].xml": b"<Types>" + b"<Default/>" * 200 + b"</Types>"})
    start = packed.index(b"[Content_Types].xml") + len("[Content_Types].xml")
    broken = packed[:start] + b"\xff" * 8 + packed[start + 8:]
    (in_tmp / "broken.pptx").write_bytes(broken)
    for name in ("newer.pptx", "broken.pptx"):
        assert_rejected(run("import", name), f"{name}: the file is damaged or incomplete (was the download or copy "
                                             f"finished?); if PowerPoint can still open it, {SAVE_AS} again")
