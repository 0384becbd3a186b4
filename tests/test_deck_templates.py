"""A corporate template, done right: its slide size, its backgrounds and bands, its own footer,
a renamed layout mapped in the outline; every word read on the rendered slides."""

import subprocess

import pytest
from pptx import Presentation

from support import DATA, assert_rejected, run
from support.decks import corporate_template
from support.office import pptx_to_pdf, require, seen_words, unreadable
from workshop.deck.plan import BODY, DISPLAY, DISPLAY_LONG, HERO, LEAD, SMALL, TITLE, TITLE_SIZES

MAPPED = "theme:\n  template: corp.pptx\n  layouts:\n    title_only: Headline Only\n"


def corporate_outline(folder, source="stress.yaml"):
    corporate_template(folder / "corp.pptx")
    text = (DATA / source).read_text(encoding="utf-8")
    head, _, rest = text.partition("theme:\n")
    lines = rest.splitlines()
    while lines and lines[0].startswith("  "):  # the outline's own theme keys
        lines.pop(0)
    (folder / "o.yaml").write_text(head + "\n".join(lines) + "\n" + MAPPED, encoding="utf-8")
    from PIL import Image

    Image.new("RGB", (800, 500), (40, 120, 90)).save(folder / "pic.png")
    return folder / "o.yaml"


@pytest.fixture(scope="module")
def corp(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corp")
    outline = corporate_outline(folder)
    result = run("build", outline, "--out", folder / "kit")
    assert result.exit_code == 0, result.stderr
    return folder


@pytest.fixture(scope="module")
def corp_seen(corp):
    return seen_words(pptx_to_pdf(corp / "kit" / "deck.pptx", corp))


def test_the_template_keeps_its_4_3_size_and_its_layouts(corp):
    prs = Presentation(str(corp / "kit" / "deck.pptx"))
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)  # 10 x 7.5 in, as the template has it
    used = {s.slide_layout.name for s in prs.slides}
    assert "Headline Only" in used and "Title Only" not in used  # the mapped layout
    assert {"Title Slide", "Section Header", "Title and Content"} <= used


@pytest.mark.office
def test_every_word_reads_on_the_templates_dark_background(corp_seen):
    assert len(corp_seen) > 400
    assert unreadable(corp_seen) == []


@pytest.mark.office
def test_every_word_is_on_the_slide_above_the_templates_footer_and_in_the_type_scale(corp, corp_seen):
    width, height = 720, 540
    footer_top = 500.5  # the template's footer placeholders start here
    scale = {HERO, DISPLAY, DISPLAY_LONG, *TITLE_SIZES, LEAD, BODY, SMALL}  # a long title a little smaller
    below = []
    for word in corp_seen:
        box = word.box
        assert 0 <= box.x0 and box.x1 <= width and 0 <= box.y0 and box.y1 <= height, (word.page, word.text)
        if box.y1 > footer_top + 2:
            below.append(word)
        else:
            assert round(word.height / 1.3) in scale, (word.page, word.text, word.height)
    # below the footer line: the template's footer and slide number (small), and on the title slide,
    # which has no footer, the last details line when a long title needs the room; never on the brand mark
    assert all(w.height < 16 or w.page == 1 for w in below), [(w.page, w.text) for w in below if w.height >= 16][:5]
    mark = (662.4, 493.2, 698.4, 529.2)
    assert not [w.text for w in corp_seen if w.box.x1 > mark[0] and w.box.y1 > mark[1] and w.height >= 16]
    band = 18.0  # the band across the top of every slide
    assert not [w.text for w in corp_seen if w.box.y0 < band]


def test_the_handout_miniatures_show_the_template(corp):
    pdf = corp / "kit" / "handouts.pdf"
    subprocess.run([require("pdftoppm"), "-r", "40", "-png", "-f", "1", "-l", "40", str(pdf), str(corp / "h")],
                         check=True)
    from PIL import Image

    navy = 0
    for page in sorted(corp.glob("h-*.png")):
        image = Image.open(page).convert("RGB")
        navy += sum(count for count, px in image.getcolors(1 << 20) if abs(px[0] - 0x14) < 8
                    and abs(px[1] - 0x21) < 8 and abs(px[2] - 0x3D) < 8)
    assert navy > 2000, navy  # the template's dark background, not the built-in white slides


def test_a_renamed_layout_without_a_mapping_is_refused_with_the_way_to_map_it(in_tmp):
    corporate_outline(in_tmp)
    text = (in_tmp / "o.yaml").read_text(encoding="utf-8").replace("  layouts:\n    title_only: Headline Only\n", "")
    (in_tmp / "o.yaml").write_text(text, encoding="utf-8")
    result = run("validate", "o.yaml")
    assert_rejected(result)
    assert "corp.pptx lacks the layout 'Title Only'" in result.stderr
    assert "'Headline Only' has only a title and looks like it (theme: {layouts: {title_only: Headline Only}})" \
        in result.stderr


def test_a_mapping_to_a_layout_the_template_lacks_is_refused_at_its_line(in_tmp):
    corporate_outline(in_tmp)
    text = (in_tmp / "o.yaml").read_text(encoding="utf-8").replace("Headline Only", "Headline only")
    (in_tmp / "o.yaml").write_text(text, encoding="utf-8")
    line = text.splitlines().index("    title_only: Headline only") + 1
    result = run("build", "o.yaml", "--out", in_tmp / "out")
    assert_rejected(result)
    assert f"o.yaml:{line}:17: theme.layouts.title_only: corp.pptx has no layout named 'Headline only'; " \
           f"did you mean 'Headline Only'?" in result.stderr
    assert not (in_tmp / "out").exists()


def test_layouts_without_a_template_and_unknown_roles_are_refused(in_tmp):
    (in_tmp / "o.yaml").write_text((DATA / "stress.yaml").read_text(encoding="utf-8").replace(
        "theme:\n", "theme:\n  layouts: {title_only: Headline Only, titel: Title Slide}\n"), encoding="utf-8")
    result = run("validate", "o.yaml")
    assert_rejected(result)
    assert "theme.layouts names layouts of your own template: set theme.template" in result.stderr
    assert "unknown key 'titel'; did you mean 'title'?" in result.stderr


def test_workshop_template_says_what_it_uses_for_what(in_tmp):
    corporate_outline(in_tmp)
    result = run("template", "o.yaml")  # an outline: its template with its mapping
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "corp.pptx: slides 10.00 x 7.50 in (4:3); the deck keeps this size." in out
    assert "  quotes, pictures, activities and other slides the deck lays out itself: layout 'Headline Only' " \
           "(mapped by theme.layouts.title_only)" in out
    assert "  body text #FFFFFF on #14213D (16.0:1)" in out
    assert "the deck draws nothing of its own there" in out
    plain = run("template", "corp.pptx")
    assert plain.exit_code == 2 and "MISSING layout 'Title Only'" in plain.stdout
