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


def test_the_bundled_themes_differ_in_more_than_colour():
    """Sunrise's yellow is a band, not the fill of every divider; forest's titles sit on an open
    band. Read from each bundled master's layouts."""
    import re
    import zipfile

    from workshop.colour import contrast
    from workshop.themes import templates_dir

    def layouts(name):
        with zipfile.ZipFile(templates_dir() / name / "master.pptx") as z:
            found = {}
            for part in z.namelist():
                if re.fullmatch(r"ppt/slideLayouts/slideLayout\d+\.xml", part):
                    xml = z.read(part).decode()
                    found[re.search(r'<p:cSld name="([^"]+)"', xml).group(1)] = xml
            return found

    for name, primary in (("classic", "1F4E79"), ("forest", "2D6A4F"), ("sunrise", "F4D35E")):
        section = layouts(name)["Section Header"]
        ground = re.search(r'<p:bg><p:bgPr><a:solidFill><a:srgbClr val="([0-9A-F]{6})"', section).group(1)
        assert contrast("FFFFFF", ground) >= 5.0, (name, ground)  # white titles on every divider
        assert (ground == primary) == (name != "sunrise"), (name, ground)
        content = layouts(name)["Title and Content"]
        assert ('name="Title bar"' in content) == (name != "forest"), name
        assert ('name="Title rule"' in content) == (name == "forest"), name
