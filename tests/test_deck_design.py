"""The deck's design as a designer judges it (issue 26): each test measures one fault found on a
rendered deck, on the plan or on the written file."""

import shutil

import pytest
from PIL import Image

from conftest import BUNDLED, DATA, OUTLINES
from workshop.deck.plan import plan_deck
from workshop.loader import load_outline
from workshop.schedule import build_agenda


def plan(path):
    workshop = load_outline(path)
    return workshop, plan_deck(workshop, build_agenda(workshop))


@pytest.fixture(scope="module")
def stress(tmp_path_factory):
    """The stress outline, with the picture it shows beside it."""
    folder = tmp_path_factory.mktemp("stress")
    shutil.copy(DATA / "stress.yaml", folder / "stress.yaml")
    Image.new("RGB", (800, 500), (40, 120, 90)).save(folder / "pic.png")
    return folder / "stress.yaml"


def texts(slide):
    return [p.text for b in slide.boxes for p in b.paras]


def test_reference_page_ranges_after_volume_and_issue_take_an_en_dash(stress):
    for path, kept in ((BUNDLED, "2(1), 70–74."), (DATA / "dense.yaml", "1(2), 1–20.")):
        _, deck = plan(path)
        refs = " ".join(t for s in deck.slides if s.kind == "references" for t in texts(s))
        assert kept in refs and "70-74" not in refs and "1-20" not in refs
    _, deck = plan(stress)
    refs = " ".join(t for s in deck.slides if s.kind == "references" for t in texts(s))
    assert "(SMA) 14-4884" in refs  # a report number keeps its hyphen
