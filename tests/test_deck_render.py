"""The deck opened in LibreOffice: one page per slide, and every word inside its text box."""

import re

import pytest
from pptx import Presentation

from conftest import BUNDLED, DATA, run
from office import pdf_words, pptx_to_pdf

EMU_PER_PT = 12700


@pytest.fixture(scope="module", params=[BUNDLED, DATA / "dense.yaml"], ids=["bundled", "dense"])
def rendered(request, tmp_path_factory):
    out = tmp_path_factory.mktemp("deck")
    result = run("build", request.param, "--out", out / "kit")
    assert result.exit_code == 0, result.stderr
    deck = out / "kit" / "deck.pptx"
    return Presentation(str(deck)), pdf_words(pptx_to_pdf(deck, out))


def text_boxes(slide):
    return [(s.left / EMU_PER_PT, s.top / EMU_PER_PT, (s.left + s.width) / EMU_PER_PT,
             (s.top + s.height) / EMU_PER_PT, s.text_frame.text)
            for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]


def test_one_page_per_slide(rendered):
    prs, pages = rendered
    assert len(pages) == len(prs.slides)


def test_every_slide_title_is_on_its_page(rendered):
    prs, pages = rendered
    for slide, words in zip(prs.slides, pages):
        page_text = " ".join(w.text for w in words)
        for word in slide.shapes.title.text_frame.text.split()[:3]:
            assert word in page_text, (slide.shapes.title.text_frame.text, page_text[:200])


def test_every_rendered_word_lies_inside_its_box(rendered):
    prs, pages = rendered
    slack_x, slack_y = 2.0, 6.0  # glyph boxes reach a little above the line for accents
    for number, (slide, words) in enumerate(zip(prs.slides, pages), 1):
        boxes = text_boxes(slide)
        for word in words:
            inside = [b for b in boxes if b[0] - slack_x <= word.x0 and word.x1 <= b[2] + slack_x
                      and b[1] - slack_y <= word.y0 and word.y1 <= b[3] + slack_y]
            assert inside, f"slide {number}: {word} lies outside every text box"
            drawn_by_the_suite = re.fullmatch(r"\d+\.|[•–]", word.text)  # bullets and auto-numbers
            assert drawn_by_the_suite or any(word.text[:1] in b[4] for b in inside), (number, word)


def test_slides_have_alt_text_free_pictures_and_unique_titles(rendered):
    prs, _ = rendered
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert len(set(titles)) == len(titles)
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.shape_type == 13:  # picture
                assert shape._element.nvPicPr.cNvPr.get("descr")
