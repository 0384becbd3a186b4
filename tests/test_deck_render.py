"""The deck opened in LibreOffice: one page per slide, and every word inside its text box."""

import re
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from support import BUNDLED, DATA, run, write
from support.office import pdf_words, pptx_to_pdf

EMU_PER_PT = 12700


#: A slide picture and a logo for the dense outline, so the picture checks below have pictures to check.
PICTURES = {"chart.png": "A blue bar chart of session ratings, highest in week 3",
            "logo.png": "Logo"}
PICTURE_SECTION = f"""\
- title: Pictures
  minutes: 5
  slides:
  - title: A chart with its description
    image: {{path: chart.png, alt: "{PICTURES['chart.png']}"}}
theme:
  logo: logo.png
"""


def dense_with_pictures(folder: Path) -> Path:
    Image.new("RGB", (800, 400), (30, 90, 160)).save(folder / "chart.png")
    Image.new("RGB", (300, 100), (200, 40, 40)).save(folder / "logo.png")
    text = (DATA / "dense.yaml").read_text(encoding="utf-8").replace("references:", PICTURE_SECTION + "references:", 1)
    return write(folder, "dense.yaml", text)


def stress_with_picture(folder: Path) -> Path:
    Image.new("RGB", (800, 500), (40, 120, 90)).save(folder / "pic.png")
    return write(folder, "stress.yaml", (DATA / "stress.yaml").read_text(encoding="utf-8"))


def bundled_on_corporate_template(folder: Path) -> Path:
    from support.decks import corporate_template

    corporate_template(folder / "corp.pptx")
    text = re.sub(r"^theme:.*?(?=^\S)", "", BUNDLED.read_text(encoding="utf-8"), flags=re.S | re.M)
    (folder / "images").mkdir(exist_ok=True)
    return write(folder, "o.yaml", text + "theme:\n  template: corp.pptx\n  layouts: {title_only: Headline Only}\n")


#: Each outline in each bundled theme, and the bundled outline on a 4:3 corporate template.
CASES = [(o, t) for o in ("bundled", "dense", "stress") for t in ("classic", "forest", "sunrise")] + [("bundled", "corp")]


@pytest.fixture(scope="module", params=CASES, ids=[f"{o}-{t}" for o, t in CASES])
def rendered(request, tmp_path_factory):
    out = tmp_path_factory.mktemp("deck")
    name, theme = request.param
    if theme == "corp":
        outline, extra = bundled_on_corporate_template(out), ()
    else:
        outline = {"bundled": lambda _: BUNDLED, "dense": dense_with_pictures,
                   "stress": stress_with_picture}[name](out)
        extra = ("--theme", theme)
    result = run("build", outline, "--out", out / "kit", "--only", "deck", *extra)
    assert result.exit_code == 0, result.stderr
    deck = out / "kit" / "deck.pptx"
    pdf = pptx_to_pdf(deck, out)
    return Presentation(str(deck)), pdf_words(pdf), pdf


@pytest.mark.office
def test_every_rendered_word_reads_on_what_is_behind_it(rendered):
    from support.office import seen_words, unreadable

    _, _, pdf = rendered
    seen = seen_words(pdf)
    assert len(seen) > 100 and unreadable(seen) == []


@pytest.mark.office
def test_every_word_is_on_the_slide(rendered):
    prs, pages, _ = rendered
    width, height = prs.slide_width / EMU_PER_PT, prs.slide_height / EMU_PER_PT
    assert len(pages) == len(prs.slides) > 0 and sum(map(len, pages)) > 100
    for number, words in enumerate(pages, 1):
        for w in words:
            assert 0 <= w.x0 and w.x1 <= width and 0 <= w.y0 and w.y1 <= height, (number, w)


def text_boxes(slide):
    return [(s.left / EMU_PER_PT, s.top / EMU_PER_PT, (s.left + s.width) / EMU_PER_PT,
             (s.top + s.height) / EMU_PER_PT, s.text_frame.text)
            for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]


@pytest.mark.office
def test_one_page_per_slide(rendered):
    prs, pages, _ = rendered
    assert len(pages) == len(prs.slides)


@pytest.mark.office
def test_every_slide_title_is_on_its_page(rendered):
    prs, pages, _ = rendered
    assert len(prs.slides) > 0
    for slide, words in zip(prs.slides, pages, strict=True):
        page_text = " ".join(w.text for w in words)
        for word in slide.shapes.title.text_frame.text.split()[:3]:
            assert word in page_text, (slide.shapes.title.text_frame.text, page_text[:200])


@pytest.mark.office
def test_every_rendered_word_lies_inside_its_box(rendered):
    prs, pages, _ = rendered
    slack_x, slack_y = 2.0, 6.0  # glyph boxes reach a little above the line for accents
    assert len(prs.slides) > 0
    for number, (slide, words) in enumerate(zip(prs.slides, pages, strict=True), 1):
        boxes = text_boxes(slide)
        for word in words:
            inside = [b for b in boxes if b[0] - slack_x <= word.x0 and word.x1 <= b[2] + slack_x
                      and b[1] - slack_y <= word.y0 and word.y1 <= b[3] + slack_y]
            assert inside, f"slide {number}: {word} lies outside every text box"
            drawn_by_the_suite = re.fullmatch(r"\d+\.|[•–]", word.text)  # bullets and auto-numbers
            assert drawn_by_the_suite or any(word.text[:1] in b[4] for b in inside), (number, word)


@pytest.mark.office
def test_slide_titles_are_unique_and_no_generated_number_leaks(rendered):
    prs, _, _ = rendered
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    # a section's divider and the slide right after it may share a title; nothing else does
    twins = {n for n in range(1, len(titles)) if titles[n] == titles[n - 1]}
    kept = [t for n, t in enumerate(titles) if n not in twins]
    assert len(set(kept)) == len(kept)
    assert not [t for t in titles if re.search(r"\(\d+\)$", t)]
    assert not [t for t in titles if re.match(r"(Activity|Debrief): Activity\b", t)]


def test_every_picture_has_its_alt_text(tmp_path):
    outline = dense_with_pictures(tmp_path)
    result = run("build", outline, "--out", tmp_path / "kit", "--only", "deck")
    assert result.exit_code == 0, result.stderr
    deck = tmp_path / "kit" / "deck.pptx"
    descriptions = [shape._element.nvPicPr.cNvPr.get("descr") for slide in Presentation(str(deck)).slides
                    for shape in slide.shapes if shape.shape_type == 13]  # 13: a picture
    assert sorted(descriptions) == sorted(PICTURES.values())
    with zipfile.ZipFile(deck) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("ppt/slides/slide"))
    assert f'descr="{PICTURES["chart.png"]}"' in xml


@pytest.mark.office
def test_every_word_above_the_footer_is_set_in_the_type_scale(rendered):
    from workshop.deck.plan import BODY, DISPLAY, DISPLAY_LONG, HERO, LEAD, SMALL, TITLE_SIZES

    prs, pages, pdf = rendered
    from support.office import seen_words

    scale = {HERO, DISPLAY, DISPLAY_LONG, *TITLE_SIZES, LEAD, BODY, SMALL}  # a long title a little smaller
    footer = 500.0 if prs.slide_width == 9144000 else 508.0  # the corporate template's footer line, or the design's
    off = [(w.page, w.text, round(w.height / 1.3, 1)) for w in seen_words(pdf)
           if w.box.y1 < footer and re.search(r"[A-Za-z]", w.text) and round(w.height / 1.3) not in scale]
    assert off == []


@pytest.mark.office
def test_the_deck_sets_curly_apostrophes_and_quotes_as_the_pdfs_do(rendered):
    prs, _, _ = rendered
    straight = [(n, shape.text_frame.text) for n, slide in enumerate(prs.slides, 1) for shape in slide.shapes
                if shape.has_text_frame and re.search(r"[A-Za-z]'[A-Za-z]|\"", shape.text_frame.text)]
    assert not straight, straight[:3]
