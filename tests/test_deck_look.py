"""The deck as a person sees it: rendered by LibreOffice, every word measured on the page.

The stress outline has the longest title, presenters, lists and quote a trainer is likely to
write, and light brand colours; what a reader sees must hold whatever the theme."""

import shutil

import pytest
from PIL import Image

from support import DATA, run
from support.office import pptx_to_pdf, seen_words, unreadable
from workshop.deck.plan import BODY, DISPLAY, DISPLAY_LONG, FOOTER_Y, HERO, LEAD, SLIDE_H, SLIDE_W, SMALL, TITLE, TITLE_SIZES


@pytest.fixture(scope="module")
def stress(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stress")
    shutil.copy(DATA / "stress.yaml", folder / "stress.yaml")
    Image.new("RGB", (800, 500), (40, 120, 90)).save(folder / "pic.png")
    result = run("build", folder / "stress.yaml", "--out", folder / "kit", "--only", "deck")
    assert result.exit_code == 0, result.stderr
    pdf = pptx_to_pdf(folder / "kit" / "deck.pptx", folder)
    return seen_words(pdf)


@pytest.mark.office
def test_every_word_reads_on_a_light_primary_and_accent(stress):
    assert len(stress) > 500  # the measure saw the whole deck
    assert unreadable(stress) == []
    titles = [s for s in stress if s.page == 1 and s.large]
    assert titles and min(s.contrast for s in titles) >= 4.5  # dark on yellow, not 1.5:1 white


@pytest.mark.office
def test_every_word_is_on_the_slide_and_set_in_the_type_scale(stress):
    # LibreOffice's word boxes are 1.3 x the point size: 24 pt text is 31.2 pt tall.
    scale = {HERO, DISPLAY, DISPLAY_LONG, *TITLE_SIZES, LEAD, BODY, SMALL}  # a long title a little smaller
    for word in stress:
        box = word.box
        assert 0 <= box.x0 and box.x1 <= SLIDE_W and 0 <= box.y0 and box.y1 <= SLIDE_H, (word.page, word.text)
        if box.y0 < FOOTER_Y:
            assert round(word.height / 1.3) in scale, (word.page, word.text, word.height)
    first = " ".join(w.text for w in stress if w.page == 1)
    second = " ".join(w.text for w in stress if w.page == 2)
    assert "Midwest Institute for Continuing Professional Education in Behavioral Health · 1.25 CE hours" in first
    # three presenters with long credentials: named on the title slide, credited whole on their own slide
    assert "Jonathan Bartholomew Richardson III" in first and "Board Certified TeleMental" not in first
    assert "Your presenters" in second and "Board Certified TeleMental Health Provider" in second
