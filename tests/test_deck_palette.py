"""The deck's text colours read on their backgrounds whatever the theme's colours are."""

import pytest

from workshop import model as m
from workshop.colour import contrast
from workshop.deck.palette import TEXT, WHITE, palette, readable

COLOURS = ["1F4E79", "F4D35E", "FFFFFF", "000000", "767676", "777777", "2A9D8F", "F4A261", "E63946", "00FF00",
           "FFFF00", "0000FF", "B45309", "A0A0A0", "5B6470"]


@pytest.mark.parametrize("primary", COLOURS)
@pytest.mark.parametrize("accent", ["B45309", "F4A261", "FFFF00", "2A9D8F", "000080"])
def test_every_text_colour_reaches_wcag_aa(primary, accent):
    chosen = palette(m.Theme(primary=primary, accent=accent))
    assert chosen.primary == primary and chosen.accent == accent  # fills are the brand's own
    assert contrast(chosen.on_primary, primary) >= 4.5
    assert contrast(chosen.on_primary_muted, primary) >= 4.5
    assert contrast(chosen.accent_text, WHITE) >= 4.5


def test_dark_primary_keeps_white_titles_and_light_gets_dark():
    assert palette(m.Theme(primary="1F4E79")).on_primary == WHITE
    assert palette(m.Theme(primary="F4D35E")).on_primary == TEXT


def test_a_light_accent_is_darkened_for_text_and_a_dark_one_kept():
    assert readable("B45309", WHITE) == "B45309"
    darker = readable("F4A261", WHITE)
    assert darker != "F4A261" and 4.5 <= contrast(darker, WHITE) < 6.0  # as light as reads, not black


def test_decorative_marks_of_a_pale_accent_are_darkened_to_3_to_1():
    from workshop import model as m
    from workshop.colour import contrast
    from workshop.deck.palette import palette

    pale = palette(m.Theme(primary="9FD3F5", accent="FFE08A"))  # the print-stress colours
    for name in ("accent", "primary", "muted"):
        assert contrast(pale.mark(name), pale.background) >= 3.0, name
    strong = palette(m.Theme(primary="1F4E79", accent="B45309"))
    assert strong.mark("accent") == "B45309"  # a brand colour that already shows is kept as is
