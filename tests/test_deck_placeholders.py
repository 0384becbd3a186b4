"""Slides built on their layouts' placeholders, as a deck made by hand in PowerPoint is: the title
in the title placeholder, bullets in the body placeholder with real levels, the slide number a
field, and the design's decoration in the layouts rather than on every slide."""

import zipfile

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from support import BUNDLED, MINIMAL, run, write
from support.office import pdf_words, pptx_to_pdf

FULL_BLEED_LAYOUTS = {"Title Slide", "Section Header"}


def build(outline, out):
    result = run("build", outline, "--out", out, "--only", "deck")
    assert result.exit_code == 0, result.stderr
    return out / "deck.pptx"


def test_bullets_sit_in_the_body_placeholder_with_their_levels(tmp_path):
    prs = Presentation(str(build(BUNDLED, tmp_path / "kit")))
    slide = next(s for s in prs.slides if s.shapes.title.text_frame.text == "Different from other relationships")
    assert slide.slide_layout.name == "Title and Content"
    body = slide.placeholders[1]
    assert [(p.level, p.text) for p in body.text_frame.paragraphs][:3] == [
        (0, "Purposeful and goal-directed, not social"), (0, "Focused on the client’s needs, not mutual need"),
        (1, "Self-disclosure is used sparingly and only for the client’s benefit")]
    assert slide.shapes.title.is_placeholder
    assert not [s for s in slide.shapes if not s.is_placeholder], "no loose shapes on a plain content slide"


@pytest.mark.office
def test_slide_numbers_are_fields_and_the_footer_a_placeholder(tmp_path):
    deck = build(BUNDLED, tmp_path / "kit")
    prs = Presentation(str(deck))
    with zipfile.ZipFile(deck) as z:
        for n, slide in enumerate(prs.slides, 1):
            if slide.slide_layout.name in FULL_BLEED_LAYOUTS:
                continue
            xml = z.read(f"ppt/slides/slide{n}.xml").decode()
            assert 'type="slidenum"><a:rPr' in xml and f"<a:t>{n}</a:t></a:fld>" in xml, n
            kinds = {s.placeholder_format.type for s in slide.placeholders}
            assert {PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER} <= kinds, n
    pages = pdf_words(pptx_to_pdf(deck, tmp_path))
    for n, (slide, words) in enumerate(zip(prs.slides, pages, strict=True), 1):
        if slide.slide_layout.name not in FULL_BLEED_LAYOUTS:
            assert str(n) in [w.text for w in words if w.y0 > 508], n  # LibreOffice shows the field's number


def test_the_design_lives_in_the_layouts(tmp_path):
    deck = build(BUNDLED, tmp_path / "kit")
    prs = Presentation(str(deck))
    bars = [s.name for slide in prs.slides for s in slide.shapes if s.name in ("Title bar", "Accent rule")]
    assert bars == []  # every bundled title takes one line: the layout's bar is enough
    layout = next(l for l in prs.slide_layouts if l.name == "Title and Content")
    assert [s.name for s in layout.shapes][:2] == ["Title bar", "Accent rule"]
    header = next(l for l in prs.slide_layouts if l.name == "Section Header")
    assert header.background.fill.fore_color.rgb is not None


def test_a_templates_footer_keeps_its_own_place(in_tmp):
    Presentation().save(in_tmp / "brand.pptx")
    path = write(in_tmp, "o.yaml", MINIMAL + "theme:\n  template: brand.pptx\n")
    prs = Presentation(str(build(path, in_tmp / "kit")))
    slide = prs.slides[3]
    footer = next(s for s in slide.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.FOOTER)
    layout_footer = next(s for s in slide.slide_layout.placeholders
                         if s.placeholder_format.type == PP_PLACEHOLDER.FOOTER)
    assert (footer.left, footer.top, footer.width) == (layout_footer.left, layout_footer.top, layout_footer.width)
    assert footer.text_frame.text == "Minimal workshop"
    assert not [s for s in slide.shapes if s.name in ("Title bar", "Accent rule")]
