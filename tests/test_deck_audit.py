"""The deck passes openxml-audit, a Python port of the Open XML SDK's validator (the checks
PowerPoint's own toolkit runs): schema, relationships, content types and part structure."""

import pytest
from PIL import Image
from pptx import Presentation

from support import BUNDLED, MINIMAL, run, write

try:
    from openxml_audit import FileFormat, OpenXmlValidator
except ImportError:  # a failure, not a skip: the test extra installs it
    OpenXmlValidator = None


def audit(deck) -> list[str]:
    assert OpenXmlValidator is not None, "openxml-audit is not installed; run: python -m pip install -e '.[test]'"
    result = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=50).validate(deck)
    return [f"{e.part_uri} {e.path}: {e.description}" for e in result.errors]


def build_deck(outline, out):
    result = run("build", outline, "--out", out, "--only", "deck")
    assert result.exit_code == 0, result.stderr
    return out / "deck.pptx"


def test_bundled_deck_is_valid_open_xml(tmp_path):
    assert audit(build_deck(BUNDLED, tmp_path / "kit")) == []


@pytest.mark.parametrize("templated", [False, True], ids=["own-design", "template"])
def test_deck_with_pictures_is_valid_open_xml(in_tmp, templated):
    Image.new("RGB", (400, 200), (30, 90, 160)).save(in_tmp / "chart.png")
    Image.new("RGB", (300, 100), (200, 40, 40)).save(in_tmp / "logo.jpg")
    theme = "theme:\n  logo: logo.jpg\n"
    if templated:
        brand = Presentation()
        brand.slides.add_slide(brand.slide_layouts[5]).shapes.title.text = "The template's own slide"
        brand.save(in_tmp / "brand.pptx")
        theme += "  template: brand.pptx\n"
    path = write(in_tmp, "o.yaml", MINIMAL.replace("        bullets: [one, two]\n",
                                                   "        image: {path: chart.png, alt: 'A \"blue\" chart & more'}\n")
                 + theme)
    assert audit(build_deck(path, in_tmp / "kit")) == []


def test_every_bundled_master_and_a_deck_on_it_is_valid_open_xml(tmp_path):
    from support import ROOT
    from workshop.themes import bundled_themes

    for name in bundled_themes():
        assert audit(ROOT / "templates" / name / "master.pptx") == [], name
    outline = write(tmp_path, "o.yaml", MINIMAL + "theme:\n  name: sunrise\n")
    assert audit(build_deck(outline, tmp_path / "kit")) == []


def test_a_corporate_template_deck_with_every_layout_is_valid_open_xml(tmp_path):
    from support.decks import corporate_template
    from support.decks import layouts_outline

    path = layouts_outline(tmp_path)  # a slide in each layout: statement, quote, pictures beside lists...
    assert audit(build_deck(path, tmp_path / "own")) == []
    corporate_template(tmp_path / "corp.pptx")
    text = path.read_text(encoding="utf-8") + "theme:\n  template: corp.pptx\n  layouts: {title_only: Headline Only}\n"
    path.write_text(text, encoding="utf-8")
    assert audit(build_deck(path, tmp_path / "corp")) == []
