"""Building the deck end to end: identical bytes, pictures, theme colours, corporate templates."""

import zipfile

from PIL import Image
from pptx import Presentation

from support import BUNDLED, MINIMAL, assert_rejected, run, write


def build(outline, out):
    result = run("build", outline, "--out", out)
    assert result.exit_code == 0, result.stderr
    return result


def test_same_outline_gives_identical_bytes(tmp_path):
    build(BUNDLED, tmp_path / "a")
    build(BUNDLED, tmp_path / "b")
    assert (tmp_path / "a" / "deck.pptx").read_bytes() == (tmp_path / "b" / "deck.pptx").read_bytes()


def test_build_time_comes_from_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    build(BUNDLED, tmp_path / "k")
    prs = Presentation(str(tmp_path / "k" / "deck.pptx"))
    assert prs.core_properties.modified.year == 2026 and prs.core_properties.modified.month == 1
    with zipfile.ZipFile(tmp_path / "k" / "deck.pptx") as z:
        assert {i.date_time[:3] for i in z.infolist()} == {(2026, 1, 1)}


def test_default_output_folder_is_build_slug(in_tmp):
    path = write(in_tmp, "my-talk.yaml", MINIMAL)
    result = run("build", path.name)
    assert result.exit_code == 0, result.stderr
    assert (in_tmp / "build" / "my-talk" / "deck.pptx").is_file()
    assert "deck.pptx" in result.stdout and "KB" in result.stdout


def test_image_slide_keeps_alt_text(in_tmp):
    Image.new("RGB", (400, 200), (30, 90, 160)).save(in_tmp / "chart.png")
    path = write(in_tmp, "o.yaml", MINIMAL.replace("        bullets: [one, two]\n",
                                                   "        image: {path: chart.png, alt: A blue chart}\n"))
    build(path, in_tmp / "out")
    slide = next(s for s in Presentation(str(in_tmp / "out" / "deck.pptx")).slides
                 if s.shapes.title.text_frame.text == "Hello")
    pictures = [s for s in slide.shapes if s.shape_type == 13]
    assert len(pictures) == 1 and pictures[0]._element.nvPicPr.cNvPr.get("descr") == "A blue chart"
    assert "Image: A blue chart" in slide.notes_slide.notes_text_frame.text


def test_template_slides_go_and_pictures_are_stored_once(in_tmp):
    """A template that has slides, notes and pictures of its own: its slides are not kept, the
    deck's pictures do not overwrite its media, and a picture used twice is stored once."""
    Image.new("RGB", (300, 100), (200, 40, 40)).save(in_tmp / "logo.png")
    Image.new("RGB", (640, 480), (20, 40, 200)).save(in_tmp / "chart.jpg")
    brand = Presentation()
    old = brand.slides.add_slide(brand.slide_layouts[5])
    old.shapes.title.text = "Template's own slide"
    old.shapes.add_picture(str(in_tmp / "logo.png"), 0, 0)
    old.notes_slide.notes_text_frame.text = "template notes"
    brand.save(in_tmp / "brand.pptx")
    path = write(in_tmp, "o.yaml", MINIMAL.replace(
        "        bullets: [one, two]\n",
        "        image: {path: chart.jpg, alt: 'A \"blue\" chart & <more>'}\n"
        "      - title: Again\n        image: {path: chart.jpg, alt: The same chart}\n")
        + "theme:\n  template: brand.pptx\n  logo: logo.png\n")
    build(path, in_tmp / "out")
    deck = in_tmp / "out" / "deck.pptx"
    prs = Presentation(str(deck))
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert "Template's own slide" not in titles and titles[-3:-1] == ["Hello", "Again"]
    assert all(s.has_notes_slide and "template notes" not in s.notes_slide.notes_text_frame.text for s in prs.slides)
    pictures = [p for s in prs.slides for p in s.shapes if p.shape_type == 13]
    assert [p._element.nvPicPr.cNvPr.get("descr") for p in pictures] == ["Logo", 'A "blue" chart & <more>',
                                                                        "The same chart"]
    assert pictures[1].image.sha1 == pictures[2].image.sha1 != pictures[0].image.sha1
    with zipfile.ZipFile(deck) as z:
        media = sorted(n for n in z.namelist() if n.startswith("ppt/media/"))
    assert media == ["ppt/media/image1.png", "ppt/media/image2.jpg"]


def test_logo_on_the_title_slide(in_tmp):
    Image.new("RGB", (300, 100), (200, 40, 40)).save(in_tmp / "logo.png")
    path = write(in_tmp, "o.yaml", MINIMAL + "theme:\n  logo: logo.png\n")
    build(path, in_tmp / "out")
    first = Presentation(str(in_tmp / "out" / "deck.pptx")).slides[0]
    logos = [s for s in first.shapes if s.name == "Logo"]
    assert len(logos) == 1 and logos[0].left + logos[0].width <= Presentation(str(in_tmp / "out" / "deck.pptx")).slide_width


def test_theme_colours_are_used_and_a_light_primary_gets_dark_titles(in_tmp):
    path = write(in_tmp, "o.yaml", MINIMAL + 'theme:\n  primary: "#F5E663"\n  accent: "#2A9D8F"\n  font: Georgia\n')
    result = build(path, in_tmp / "out")
    assert ("warning: o.yaml:13:3: theme: white text on the primary colour would have contrast 1.3:1, below the "
            "4.5:1 that WCAG AA asks for, so titles on it are dark; pick a darker primary for white titles"
            in result.stderr)
    with zipfile.ZipFile(in_tmp / "out" / "deck.pptx") as z:
        slide = z.read("ppt/slides/slide4.xml").decode()
        layout = z.read("ppt/slideLayouts/slideLayout2.xml").decode()  # Title and Content: the title bar
    assert 'srgbClr val="F5E663"' in layout and 'typeface="Georgia"' in slide
    assert 'srgbClr val="FFFFFF"' not in slide


def test_corporate_template_layouts(in_tmp):
    Presentation().save(in_tmp / "brand.pptx")  # python-pptx's own template has the standard layouts
    path = write(in_tmp, "o.yaml", MINIMAL + "theme:\n  template: brand.pptx\n")
    build(path, in_tmp / "out")
    prs = Presentation(str(in_tmp / "out" / "deck.pptx"))
    # the agenda in the body; short points on cards (text boxes) under a title only
    assert [s.slide_layout.name for s in prs.slides][:4] == ["Title Slide", "Title and Content", "Section Header",
                                                             "Title Only"]
    assert run("template", "brand.pptx").stdout.endswith("it has every layout the deck uses.\n")


def test_template_missing_layouts_is_refused_before_writing(in_tmp):
    prs = Presentation()
    layouts = prs.slide_layouts
    layouts.remove(layouts.get_by_name("Section Header"))
    prs.save(in_tmp / "brand.pptx")
    path = write(in_tmp, "o.yaml", MINIMAL)
    build(path, in_tmp / "out")
    before = (in_tmp / "out" / "deck.pptx").read_bytes()
    write(in_tmp, "o.yaml", MINIMAL + "theme:\n  template: brand.pptx\n")
    message = ("brand.pptx lacks the layout 'Section Header' (for section dividers, breaks and the closing slide); "
               "if it has one under another name, map it in the outline (theme: {layouts: {section: YOUR LAYOUT "
               "NAME}}), or add or rename it in PowerPoint's Slide Master view "
               "(run 'workshop template brand.pptx' to list the layouts it has)")
    assert_rejected(run("build", "o.yaml", "--out", in_tmp / "out"), "o.yaml:13:13: theme.template: " + message)
    assert (in_tmp / "out" / "deck.pptx").read_bytes() == before
    check = run("template", "brand.pptx")
    assert check.exit_code == 2 and message in check.stderr.splitlines()
