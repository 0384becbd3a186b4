"""The deck as a person sees it: rendered by LibreOffice, every word measured on the page.

The stress outline has the longest title, presenters, lists and quote a trainer is likely to
write, and light brand colours; what a reader sees must hold whatever the theme."""

import shutil

import pytest
from PIL import Image

from conftest import DATA, run
from office import pptx_to_pdf, seen_words, unreadable


@pytest.fixture(scope="module")
def stress(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stress")
    shutil.copy(DATA / "stress.yaml", folder / "stress.yaml")
    Image.new("RGB", (800, 500), (40, 120, 90)).save(folder / "pic.png")
    result = run("build", folder / "stress.yaml", "--out", folder / "kit", "--only", "deck")
    assert result.exit_code == 0, result.stderr
    pdf = pptx_to_pdf(folder / "kit" / "deck.pptx", folder)
    return seen_words(pdf)


def test_every_word_reads_on_a_light_primary_and_accent(stress):
    assert len(stress) > 500  # the measure saw the whole deck
    assert unreadable(stress) == []
    titles = [s for s in stress if s.page == 1 and s.large]
    assert titles and min(s.contrast for s in titles) >= 4.5  # dark on yellow, not 1.5:1 white
