"""Templates as they come from the wild: gradient and picture backgrounds, placeholders without
a place, no footer placeholders, a title under its body, two masters, slide sizes the deck cannot
lay out. Each builds with every word on the slide and readable, or is refused at theme.template."""

import io

import pytest
from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Inches

from support import assert_rejected, run, write
from support.decks import png
from support.office import pptx_to_pdf, seen_words, unreadable

NS = ('xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
OUTLINE = """\
workshop:
  title: Grounding skills for crisis counselors
  date: 2026-03-14
presenters:
  - name: Ana Presenter
theme:
  template: t.pptx
sections:
  - title: Only section
    minutes: 30
    slides:
      - title: Breathing that calms
        bullets: [Slow exhale longer than the inhale, Count four in and six out, Practise daily]
"""


def _kind(ph) -> str:
    return ph._element.find(qn("p:nvSpPr")).find(qn("p:nvPr")).find(qn("p:ph")).get("type", "obj")


def _owners(prs):
    master = prs.slide_masters[0]
    return [master, *master.slide_layouts]


def _background(owner, inner: str) -> None:
    c_sld = owner._element.find(qn("p:cSld"))
    if (old := c_sld.find(qn("p:bg"))) is not None:
        c_sld.remove(old)
    c_sld.insert(0, etree.fromstring(f'<p:bg {NS}><p:bgPr>{inner}<a:effectLst/></p:bgPr></p:bg>'))


def _gradient(top: str, bottom: str) -> str:
    return (f'<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="{top}"/></a:gs><a:gs pos="100000">'
            f'<a:srgbClr val="{bottom}"/></a:gs></a:gsLst><a:lin ang="5400000"/></a:gradFill>')


def gradient_and_picture(prs) -> None:
    """Dark gradients on the content layouts, a dark picture behind the title and section layouts."""
    for layout in prs.slide_masters[0].slide_layouts:
        if layout.name in ("Title Slide", "Section Header"):
            _, rel = layout.part.get_or_add_image_part(io.BytesIO(png(160, 90, (20, 20, 30))))
            _background(layout, f'<a:blipFill><a:blip r:embed="{rel}"/><a:stretch><a:fillRect/></a:stretch></a:blipFill>')
        else:
            _background(layout, _gradient("101828", "2A3B5C"))


def no_positions(prs) -> None:
    for owner in _owners(prs):
        for sp in owner._element.iter(qn("p:sp")):
            if (xfrm := sp.find(qn("p:spPr")).find(qn("a:xfrm"))) is not None:
                sp.find(qn("p:spPr")).remove(xfrm)


def no_footer(prs) -> None:
    for owner in _owners(prs):
        for ph in list(owner.placeholders):
            if _kind(ph) in ("ftr", "sldNum", "dt"):
                ph._element.getparent().remove(ph._element)


def body_above_title(prs) -> None:
    for owner in _owners(prs):
        for ph in owner.placeholders:
            if _kind(ph) == "title" and ph.top is not None:
                ph.top, ph.height = Inches(5.6), Inches(1.2)
            elif _kind(ph) in ("body", "obj") and ph.top is not None and owner.name != "Section Header":
                ph.top, ph.height = Inches(0.4), Inches(5.0)


def small_widescreen(prs) -> None:
    """10 x 6.25 in (16:10), its placeholders left where a 7.5 in tall slide had them."""
    prs.slide_width, prs.slide_height = Inches(10), Inches(6.25)


def template(folder, change) -> None:
    prs = Presentation()
    change(prs)
    prs.save(str(folder / "t.pptx"))


@pytest.mark.office
@pytest.mark.parametrize("change", [gradient_and_picture, no_positions, no_footer, body_above_title,
                                    small_widescreen])
def test_an_odd_template_builds_with_every_word_on_the_slide_and_readable(in_tmp, change):
    template(in_tmp, change)
    write(in_tmp, "o.yaml", OUTLINE)
    assert run("template", "o.yaml").exit_code == 0
    result = run("build", "o.yaml", "--out", "kit", "--only", "deck")
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(in_tmp / "kit" / "deck.pptx"))
    width, height = prs.slide_width / 12700, prs.slide_height / 12700
    seen = seen_words(pptx_to_pdf(in_tmp / "kit" / "deck.pptx", in_tmp))
    assert unreadable(seen) == []
    assert [w.text for w in seen if w.box.x0 < 0 or w.box.y0 < 0 or w.box.x1 > width or w.box.y1 > height] == []
    words = {(w.page, w.text) for w in seen}
    pages = max(p for p, _ in words)
    assert pages < 12  # a few slides, not one per word
    content = next(p for p, t in words if t == "Breathing")  # the list slide: its footer and number too
    assert {(content, "Practise"), (content, "Grounding"), (content, str(content))} <= words, sorted(words)


@pytest.mark.parametrize("size, words", [((4, 3), "slides of 4.00 x 3.00 in, too small for the deck's text"),
                                         ((7.5, 10), "portrait slides (7.50 x 10.00 in)"),
                                         ((52, 29.25), "slides of 52.00 x 29.25 in, so large")])
def test_a_slide_size_the_deck_cannot_lay_out_is_refused_at_the_template_line(in_tmp, size, words):
    def resize(prs):
        prs.slide_width, prs.slide_height = Inches(size[0]), Inches(size[1])
    template(in_tmp, resize)
    write(in_tmp, "o.yaml", OUTLINE)
    result = run("build", "o.yaml", "--out", "kit")
    assert_rejected(result)
    assert f"o.yaml:7:13: theme.template: t.pptx has {words}" in result.stderr
    assert "Design > Slide Size > Custom Slide Size" in result.stderr
    assert not (in_tmp / "kit").exists()
    assert_rejected(run("template", "t.pptx"))


def test_a_background_no_text_colour_reads_on_is_refused_naming_the_layout(in_tmp):
    def white_to_black(prs):
        for layout in prs.slide_masters[0].slide_layouts:
            if layout.name == "Title and Content":
                _background(layout, _gradient("FFFFFF", "000000"))
    template(in_tmp, white_to_black)
    write(in_tmp, "o.yaml", OUTLINE)
    result = run("validate", "o.yaml")
    assert_rejected(result)
    assert ("o.yaml:7:13: theme.template: t.pptx: no text colour reads on every part of the background of layout "
            "'Title and Content'") in result.stderr
    assert "dark all over or light all over" in result.stderr


@pytest.mark.parametrize("layouts, line", [
    ("layouts: [Title Only]", "o.yaml:8:12: theme.layouts: write theme.layouts as role: layout name, one per line "
     "(roles: title, section, title_only, content, two_content), for example layouts: {title_only: Headline Only}"),
    ("layouts: 5", "o.yaml:8:12: theme.layouts: write theme.layouts as role: layout name"),
    ("layouts: {title_only: ''}", "o.yaml:8:13: theme.layouts.title_only: no layout name: write the name of a layout "
     "in the template (as PowerPoint's Slide Master view shows it), or remove title_only to use 'Title Only'"),
    ("layouts: {title_only: }", "o.yaml:8:13: theme.layouts.title_only: no layout name"),
])
def test_a_layouts_mapping_written_wrong_is_told_how_to_write_it(in_tmp, layouts, line):
    template(in_tmp, lambda prs: None)
    write(in_tmp, "o.yaml", OUTLINE.replace("  template: t.pptx\n", f"  template: t.pptx\n  {layouts}\n"))
    result = run("validate", "o.yaml")
    assert_rejected(result)
    assert any(text.startswith(line) for text in result.lines), result.lines


def test_a_date_style_is_quoted_as_written_and_spaces_or_capitals_are_forgiven(in_tmp):
    from support import MINIMAL

    write(in_tmp, "o.yaml", MINIMAL.replace("  date: 2026-03-14\n", "  date: 2026-03-14\n  date_style: '%d/%m/%Y'\n"))
    assert_rejected(run("validate", "o.yaml"))
    assert "o.yaml:4:15: workshop.date_style: expected one of long (Saturday, March 14, 2026)" in run(
        "validate", "o.yaml").stderr
    assert "got '%d/%m/%Y'" in run("validate", "o.yaml").stderr  # as the user wrote it, not lowercased
    write(in_tmp, "o.yaml", MINIMAL.replace("  date: 2026-03-14\n", "  date: 2026-03-14\n  date_style: Day Month\n"))
    assert run("validate", "o.yaml").exit_code == 0


@pytest.mark.parametrize("content, message", [
    (b"", "empty.xlsx: the file is empty (0 bytes)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "empty.xlsx: the workbook is password-protected, or is an "
     "old-style .xls renamed; open it in Excel, remove the password"),
    (b"PK\x03\x04" + bytes(100), "empty.xlsx: the workbook is damaged or incomplete"),
    (b"<html><body><table><tr><td>Name</td></tr></table></body></html>", "empty.xlsx: the file is a web page"),
])
def test_an_attendance_workbook_that_cannot_be_opened_says_why_in_plain_words(in_tmp, content, message):
    from support.attendance import outline

    write(in_tmp, "ethics.yaml", outline())
    (in_tmp / "empty.xlsx").write_bytes(content)
    result = run("build", "ethics.yaml", "--attendance", "empty.xlsx", "--out", "out", "--only", "certificates")
    assert_rejected(result)
    assert any(line.startswith(message) for line in result.lines), result.lines
    assert "BadZipFile" not in result.stderr and not (in_tmp / "out").exists()


def test_an_attendance_workbook_opening_on_an_empty_sheet_names_its_other_sheets(in_tmp):
    import datetime as dt

    import openpyxl
    from support.attendance import outline

    write(in_tmp, "ethics.yaml", outline())
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    sheet = book.create_sheet("Sign in")
    sheet.append(["Name", "Time in", "Time out"])
    sheet.append(["Sam Bell", dt.time(18, 5), dt.time(20, 30)])
    book.save(in_tmp / "multi.xlsx")
    result = run("build", "ethics.yaml", "--attendance", "multi.xlsx", "--out", "out", "--only", "certificates")
    assert_rejected(result, "multi.xlsx: the sheet 'Notes' the workbook opens on is empty; its other sheets: "
                            "'Sign in': open the workbook on the report's sheet and save it, or delete the empty sheet")
