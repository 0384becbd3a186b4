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


def test_a_spanish_deck_ends_on_its_own_goodbye_with_the_contacts_on_it():
    _, deck = plan(OUTLINES / "therapeutic-relationship-es.yaml")
    titles = [s.title for s in deck.slides]
    assert titles[-1] == "Gracias" and deck.slides[-1].kind == "closing", titles[-4:]
    assert titles[-2].startswith("Referencias")
    assert sum(s.kind == "closing" for s in deck.slides) == 1  # one goodbye, not "Gracias" and "Sigamos en contacto"


def test_goodbye_titles_are_known_in_each_language():
    from workshop.deck.words import is_farewell

    assert is_farewell("¡Gracias!", "es") and is_farewell("Muchas gracias", "es") and is_farewell("¿Preguntas?", "es")
    assert is_farewell("Merci !", "fr") and is_farewell("Questions ?", "fr") and is_farewell("Q&A", "es")
    assert not is_farewell("Gracias", "en") and not is_farewell("Graciously done", "es")
