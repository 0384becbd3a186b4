"""Decks built at test time the way presenters make them in PowerPoint: real layouts, nested and
numbered lists, notes on some slides, pictures with alt text, tables, two columns, groups, charts.

Nothing here is a binary fixture: each deck is made with python-pptx when a test asks for it.
"""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import PROG_ID
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from support import write

TITLE, CONTENT, SECTION, TWO, COMPARISON, TITLE_ONLY, BLANK = 0, 1, 2, 3, 4, 5, 6
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"

#: The slide titles the original deck's content slides come in as, in order.
ORIGINAL_CONTENT_TITLES = [
    "Welcome", "Different from other relationships", "A working definition", "Two kinds of relationship",
    "Strengthening the relationship", "The alliance at a glance", "Qualities compared",
    "What the research shows", "Self-care matters", "Taking a personal inventory",
]


def png(width: int = 64, height: int = 48, colour=(30, 90, 160)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def bullets(frame, items) -> None:
    """Fill a text frame with (text, level) pairs or plain strings; "" makes an empty bullet."""
    frame.clear()
    for n, item in enumerate(items):
        text, level = (item, 0) if isinstance(item, str) else item
        para = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        para.text = text
        para.level = level


def number(frame) -> None:
    """Turn every top-level paragraph into PowerPoint auto-numbering (1. 2. 3.)."""
    for para in frame.paragraphs:
        if para.level == 0:
            ppr = para._p.get_or_add_pPr()
            auto = etree.SubElement(ppr, qn("a:buAutoNum"))
            auto.set("type", "arabicPeriod")


def animate(slide, shape) -> None:
    """A fade-in on click for ``shape``, as PowerPoint writes an entrance animation."""
    timing = etree.fromstring(
        f'<p:timing xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:tnLst><p:par>'
        f'<p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst>'
        f'<p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" nodeType="mainSeq"><p:childTnLst>'
        f'<p:par><p:cTn id="3" fill="hold"><p:stCondLst><p:cond delay="indefinite"/></p:stCondLst><p:childTnLst>'
        f'<p:par><p:cTn id="4" presetID="10" presetClass="entr" presetSubtype="0" fill="hold" '
        f'nodeType="clickEffect"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst><p:set><p:cBhvr>'
        f'<p:cTn id="5" dur="1" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst></p:cTn>'
        f'<p:tgtEl><p:spTgt spid="{shape.shape_id}"/></p:tgtEl><p:attrNameLst><p:attrName>style.visibility'
        f'</p:attrName></p:attrNameLst></p:cBhvr><p:to><p:strVal val="visible"/></p:to></p:set></p:childTnLst>'
        f'</p:cTn></p:par></p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:seq></p:childTnLst>'
        f'</p:cTn></p:par></p:tnLst></p:timing>')
    slide.element.append(timing)


MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def transition(slide) -> None:
    """A fade between slides, written as PowerPoint 2010 and later write it."""
    slide.element.append(etree.fromstring(
        f'<mc:AlternateContent xmlns:mc="{MC}" xmlns:p="{_P}" '
        f'xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main"><mc:Choice Requires="p14">'
        f'<p:transition spd="slow" p14:dur="2000"><p:fade/></p:transition></mc:Choice><mc:Fallback>'
        f'<p:transition spd="slow"><p:fade/></p:transition></mc:Fallback></mc:AlternateContent>'))


def equation(slide) -> None:
    """An equation (Insert > Equation), which PowerPoint wraps for versions that cannot show it."""
    slide.shapes._spTree.append(etree.fromstring(
        f'<mc:AlternateContent xmlns:mc="{MC}" xmlns:p="{_P}" xmlns:a="{_A}" '
        f'xmlns:a14="http://schemas.microsoft.com/office/drawing/2010/main"><mc:Choice Requires="a14">'
        f'<p:sp><p:nvSpPr><p:cNvPr id="80" name="TextBox 79"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a14:m/></a:p></p:txBody></p:sp></mc:Choice>'
        f'<mc:Fallback><p:sp><p:nvSpPr><p:cNvPr id="80" name="TextBox 79"/><p:cNvSpPr txBox="1"/><p:nvPr/>'
        f'</p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t> </a:t></a:r></a:p></p:txBody>'
        f'</p:sp></mc:Fallback></mc:AlternateContent>'))


def smartart_frame(slide) -> None:
    """A SmartArt frame whose data part is missing, as some converters leave it."""
    frame = etree.fromstring(
        '<p:graphicFrame xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<p:nvGraphicFramePr><p:cNvPr id="90" name="Diagram 1"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>'
        '<p:xfrm><a:off x="914400" y="4000000"/><a:ext cx="3000000" cy="1000000"/></p:xfrm>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram">'
        '<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="rId90" '
        'r:lo="rId91" r:qs="rId92" r:cs="rId93"/></a:graphicData></a:graphic></p:graphicFrame>')
    slide.shapes._spTree.append(frame)


def add_sections(prs, sections: list[tuple[str, list[int]]]) -> None:
    """PowerPoint's sections (Home > Section), by name and 1-based slide numbers."""
    ids = [slide.slide_id for slide in prs.slides]
    ext_list = etree.SubElement(prs.part._element, qn("p:extLst"))
    ext = etree.SubElement(ext_list, qn("p:ext"), uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}")
    section_list = etree.SubElement(ext, f"{{{P14}}}sectionLst", nsmap={"p14": P14})
    for n, (name, numbers) in enumerate(sections):
        section = etree.SubElement(section_list, f"{{{P14}}}section", name=name,
                                   id=f"{{00000000-0000-0000-0000-{n:012d}}}")
        id_list = etree.SubElement(section, f"{{{P14}}}sldIdLst")
        for number_ in numbers:
            etree.SubElement(id_list, f"{{{P14}}}sldId", id=str(ids[number_ - 1]))


def original_deck(path: Path) -> Path:
    """The bundled workshop as its presenter first made it in PowerPoint: 4:3, default layouts."""
    prs = Presentation()  # python-pptx's default template: 4:3, PowerPoint's own layout set
    layouts = prs.slide_layouts

    slide = prs.slides.add_slide(layouts[TITLE])
    slide.shapes.title.text = "Relationship: What It's All About"
    bullets(slide.placeholders[1].text_frame, ["Building and protecting the therapeutic alliance",
                                               "Dawn Allred, LPC, MAC", "March 14, 2026 · Atlanta, GA"])

    slide = prs.slides.add_slide(layouts[CONTENT])
    slide.shapes.title.text = "Learning objectives"
    bullets(slide.placeholders[1].text_frame, [
        "By the end of this workshop you will be able to:",
        ("Name three components of an effective therapeutic relationship", 1),
        ("Describe five ways to strengthen the therapeutic alliance", 1)])

    slide = prs.slides.add_slide(layouts[SECTION])
    slide.shapes.title.text = "Introduction"
    slide.placeholders[1].text_frame.text = "Who we are and why we are here"
    slide.notes_slide.notes_text_frame.text = "Set the tone: warm, unhurried."

    slide = prs.slides.add_slide(layouts[CONTENT])
    slide.shapes.title.text = "Welcome"
    bullets(slide.placeholders[1].text_frame, ["About me", "", "About you", "   ", "About this presentation"])
    slide.notes_slide.notes_text_frame.text = ("Give a short account of your path into counseling.\n"
                                               "Then ask each participant for one goal.")
    transition(slide)

    slide = prs.slides.add_slide(layouts[CONTENT])
    slide.shapes.title.text = "Different from other relationships"
    bullets(slide.placeholders[1].text_frame, [
        "Purposeful and goal-directed, not social", "Focused on the client's needs",
        ("Self-disclosure is used sparingly", 1), "Held within professional limits",
        ("Confidentiality, and its limits", 1), ("Mandated reporting", 2), ("No dual relationships", 1)])

    slide = prs.slides.add_slide(layouts[SECTION])
    slide.shapes.title.text = "The therapeutic relationship"

    slide = prs.slides.add_slide(layouts[CONTENT])
    slide.shapes.title.text = "A working definition"
    bullets(slide.placeholders[1].text_frame, [
        "“The feelings and attitudes that therapist and client have toward one another.”",
        "— Norcross (2010, p. 113)"])
    slide.notes_slide.notes_text_frame.text = "Point out the two halves of the definition."

    slide = prs.slides.add_slide(layouts[TWO])
    slide.shapes.title.text = "Two kinds of relationship"
    bullets(slide.placeholders[1].text_frame, ["Social", ("Both people's needs", 1)])
    bullets(slide.placeholders[2].text_frame, ["Therapeutic", ("The client's needs", 1)])

    slide = prs.slides.add_slide(layouts[CONTENT])
    slide.shapes.title.text = "Strengthening the relationship"
    frame = slide.placeholders[1].text_frame
    bullets(frame, ["Help the client feel more welcome", "Know that relationships take time",
                    ("Trust builds over sessions", 1), "Never judge the client"])
    number(frame)
    slide.notes_slide.notes_text_frame.text = "Walk through them briskly."

    slide = prs.slides.add_slide(layouts[TITLE_ONLY])
    slide.shapes.title.text = "The alliance at a glance"
    picture = slide.shapes.add_picture(io.BytesIO(png()), Inches(1), Inches(2), width=Inches(6))
    picture._element.nvPicPr.cNvPr.set("descr", "Two chairs facing each other: counselor and client")

    slide = prs.slides.add_slide(layouts[TITLE_ONLY])
    slide.shapes.title.text = "Qualities compared"
    table = slide.shapes.add_table(3, 2, Inches(1), Inches(2), Inches(8), Inches(2)).table
    for r, row in enumerate([("Quality", "What it looks like"), ("Trust", "Confidences kept"),
                             ("Respect", "No assumptions")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    equation(slide)

    slide = prs.slides.add_slide(layouts[TITLE_ONLY])
    slide.shapes.title.text = "What the research shows"
    box = slide.shapes.add_textbox(Inches(0.5), Inches(1.5), Inches(9), Inches(1))
    box.text_frame.text = "The relationship predicts outcome across approaches"
    data = CategoryChartData()
    data.categories = ["Alliance", "Empathy", "Technique"]
    data.add_series("Effect size", (0.57, 0.58, 0.2))
    chart = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(3), Inches(8), Inches(4),
                                   data).chart
    chart.has_title = True
    chart.chart_title.text_frame.text = "Effect sizes"
    slide.shapes.add_movie(io.BytesIO(b"\x00" * 64), Inches(7), Inches(0.2), Inches(2), Inches(1.2),
                           mime_type="video/mp4")
    slide.shapes.add_ole_object(io.BytesIO(b"not really a workbook"), PROG_ID.XLSX, Inches(0.2), Inches(6))
    smartart_frame(slide)
    animate(slide, box)

    slide = prs.slides.add_slide(layouts[BLANK])
    group = slide.shapes.add_group_shape()
    heading = group.shapes.add_textbox(Inches(0.5), Inches(0.4), Inches(9), Inches(1))
    heading.text_frame.text = "Self-care matters"
    heading.text_frame.paragraphs[0].runs[0].font.size = Pt(40)
    body = group.shapes.add_textbox(Inches(0.5), Inches(2), Inches(9), Inches(3))
    bullets(body.text_frame, ["Body, mind and relationships", "Boundaries on hours"])
    slide.shapes.add_picture(io.BytesIO(png(colour=(200, 120, 40))), Inches(7), Inches(5), width=Inches(2))

    slide = prs.slides.add_slide(layouts[TITLE_ONLY])
    slide.shapes.title.text = "Morning break"

    slide = prs.slides.add_slide(layouts[CONTENT])
    slide.shapes.title.text = "Taking a personal inventory"
    bullets(slide.placeholders[1].text_frame, ["Step 4: a searching and fearless moral inventory",
                                               "Step 10: keep taking inventory"])
    slide.element.set("show", "0")

    slide = prs.slides.add_slide(layouts[CONTENT])
    slide.shapes.title.text = "References"
    bullets(slide.placeholders[1].text_frame, [
        "Norcross, J. C. (2010). The therapeutic relationship. APA.",
        "Rogers, C. R. (1951). Client-centered therapy. Houghton Mifflin."])

    prs.save(str(path))
    return path


def sectioned_deck(path: Path) -> Path:
    """A 16:9 deck with PowerPoint sections and no title slide or section-header slides."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    for title, items in [("Why we are here", ["A shared goal"]), ("Ground rules", ["Confidentiality"]),
                         ("Case one", ["A first session"]), ("Case two", ["A rupture and repair"]),
                         ("Case three", ["Ending well"])]:
        slide = prs.slides.add_slide(prs.slide_layouts[CONTENT])
        slide.shapes.title.text = title
        bullets(slide.placeholders[1].text_frame, items)
    add_sections(prs, [("Default Section", [1, 2]), ("Cases", [3, 4, 5])])
    prs.save(str(path))
    return path


def corporate_template(path: Path, background: str = "14213D", band: str = "FCA311") -> Path:
    """A corporate template as brand teams hand them out: 4:3, a dark background on every layout,
    a coloured band across the top of the master, a logo-like picture in the corner, its own footer,
    and "Title Only" renamed "Headline Only" in PowerPoint."""
    prs = Presentation()  # python-pptx's own template: 4:3 (10 x 7.5 in)
    master = prs.slide_masters[0]
    c_sld = master._element.find(qn("p:cSld"))
    old = c_sld.find(qn("p:bg"))
    if old is not None:
        c_sld.remove(old)
    c_sld.insert(0, etree.fromstring(
        f'<p:bg xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><p:bgPr><a:solidFill>'
        f'<a:srgbClr val="{background}"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>'))
    tree = c_sld.find(qn("p:spTree"))
    _, rel_id = master.part.get_or_add_image_part(io.BytesIO(png(40, 40, (252, 163, 17))))
    ns = ('xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
    tree.insert(2, etree.fromstring(
        f'<p:sp {ns}><p:nvSpPr><p:cNvPr id="90" name="Band"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{prs.slide_width}" cy="{Inches(0.25)}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="{band}"/></a:solidFill>'
        f'<a:ln><a:noFill/></a:ln></p:spPr></p:sp>'))
    tree.insert(3, etree.fromstring(
        f'<p:pic {ns}><p:nvPicPr><p:cNvPr id="91" name="Brand mark" descr=""/><p:cNvPicPr/><p:nvPr userDrawn="1"/>'
        f'</p:nvPicPr><p:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        f'<p:spPr><a:xfrm><a:off x="{prs.slide_width - Inches(0.8)}" y="{Inches(6.85)}"/>'
        f'<a:ext cx="{Inches(0.5)}" cy="{Inches(0.5)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'</p:spPr></p:pic>'))
    for layout in master.slide_layouts:
        if layout.name == "Title Only":
            layout._element.find(qn("p:cSld")).set("name", "Headline Only")
    prs.save(str(path))
    return path


def _run(para, text: str, font: str = "") -> None:
    run = para.add_run()
    run.text = text
    if font:
        run.font.name = font


def _stack(slide, colours, left=0, top=0, width=None, height=None) -> None:
    """Full-size pictures one on top of another, as a build-up deck stacks them; the last shows."""
    for n, colour in enumerate(colours):
        picture = slide.shapes.add_picture(io.BytesIO(png(colour=colour)), left, top, width, height)
        picture._element.nvPicPr.cNvPr.set("descr", f"Step {n + 1} of the build-up")


#: The pictures of the talk deck's build-up slide, bottom to top: the top one is the one that shows.
BUILD_UP = [(200, 40, 40), (40, 160, 40), (40, 40, 200)]


def talk_deck(path: Path) -> Path:
    """A conference talk made in PowerPoint the way nobody here would: an untitled slide that is
    one boxed command, Wingdings and Symbol characters, a build-up of stacked full-size pictures,
    two columns, a table with a header row, a chart alone on its slide, numbered part dividers,
    notes on the title slide, and a last "Questions?" slide with the speaker's contact details."""
    prs = Presentation()
    layouts = prs.slide_layouts
    width, height = prs.slide_width, prs.slide_height

    slide = prs.slides.add_slide(layouts[TITLE])
    slide.shapes.title.text = "Listening Well"
    bullets(slide.placeholders[1].text_frame, ["What counselors can learn from call centres", "Sam Rivera, PhD"])
    slide.notes_slide.notes_text_frame.text = "Thank the organisers.\nMention that the slides are online."

    slide = prs.slides.add_slide(layouts[SECTION])
    slide.shapes.title.text = "Part 1: Foundations"
    slide.placeholders[1].text_frame.text = "Part 1 of 2"

    slide = prs.slides.add_slide(layouts[BLANK])
    box = slide.shapes.add_shape(1, Inches(2), Inches(3), Inches(6), Inches(1))  # a rectangle
    box.text_frame.text = "$ pip install listening-skills"
    slide.notes_slide.notes_text_frame.text = "Pause here; let them read it."

    slide = prs.slides.add_slide(layouts[CONTENT])
    slide.shapes.title.text = "How a session feels"
    frame = slide.placeholders[1].text_frame
    bullets(frame, ["Heard ", "Rushed ", "Effect size "])
    _run(frame.paragraphs[0], "J", "Wingdings")
    _run(frame.paragraphs[1], "L", "Wingdings")
    _run(frame.paragraphs[1], " then ")
    _run(frame.paragraphs[1], "\uf0f0", "Wingdings")
    _run(frame.paragraphs[1], " better")
    _run(frame.paragraphs[2], "b", "Symbol")
    _run(frame.paragraphs[2], " grows ")
    _run(frame.paragraphs[2], "\uf0e0", "Wingdings")
    slide.notes_slide.notes_text_frame.text = "Ask: when did you last feel heard?"

    slide = prs.slides.add_slide(layouts[TITLE_ONLY])
    slide.shapes.title.text = "A call, step by step"
    _stack(slide, BUILD_UP, 0, 0, width, height)

    slide = prs.slides.add_slide(layouts[TWO])
    slide.shapes.title.text = "Then and now"
    bullets(slide.placeholders[1].text_frame, ["Paper forms", "Phone calls", ("at set hours", 1)])
    bullets(slide.placeholders[2].text_frame, ["Online forms", "Video calls"])

    slide = prs.slides.add_slide(layouts[TITLE_ONLY])
    slide.shapes.title.text = "Skills compared"
    table = slide.shapes.add_table(3, 3, Inches(0.5), Inches(2), Inches(9), Inches(2)).table
    for r, row in enumerate([("Skill", "On the phone", "In the room"), ("Reflecting", "Say it back", "Nod"),
                             ("Pausing", "Count to three", "Wait")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text

    slide = prs.slides.add_slide(layouts[TITLE_ONLY])
    slide.shapes.title.text = "Calls answered"
    data = CategoryChartData()
    data.categories = ["2024", "2025"]
    data.add_series("Day", (120, 180))
    data.add_series("Night", (40, 75))
    chart = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(2), Inches(8), Inches(5),
                                   data).chart
    chart.has_title = True
    chart.chart_title.text_frame.text = "Calls a month"

    slide = prs.slides.add_slide(layouts[CONTENT])
    slide.shapes.title.text = "The headset"
    body = slide.placeholders[1]
    body.left, body.top, body.width, body.height = Inches(5), Inches(1.8), Inches(4.5), Inches(4.5)
    bullets(body.text_frame, ["Both hands free", "Voice close to the ear"])
    picture = slide.shapes.add_picture(io.BytesIO(png(colour=(90, 90, 90))), Inches(0.5), Inches(2), Inches(4))
    picture._element.nvPicPr.cNvPr.set("descr", "A headset on a desk")

    slide = prs.slides.add_slide(layouts[TITLE_ONLY])
    slide.shapes.title.text = "The desk"
    picture = slide.shapes.add_picture(io.BytesIO(png(colour=(10, 120, 120))), Inches(1), Inches(2), Inches(8))
    picture._element.nvPicPr.cNvPr.set("descr", "A call-centre desk with two screens")

    slide = prs.slides.add_slide(layouts[CONTENT])
    slide.shapes.title.text = "Why it matters"
    bullets(slide.placeholders[1].text_frame, ["Calls are short", "Every word counts"])
    picture = slide.shapes.add_picture(io.BytesIO(png(colour=(240, 240, 250))), 0, 0, width, height)
    tree = slide.shapes._spTree
    tree.remove(picture._element)
    tree.insert(2, picture._element)  # sent to the back: a background photo behind the text

    slide = prs.slides.add_slide(layouts[SECTION])
    slide.shapes.title.text = "Part 2: Practice"
    slide.placeholders[1].text_frame.text = "Part 2 of 2"

    slide = prs.slides.add_slide(layouts[BLANK])
    box = slide.shapes.add_shape(1, Inches(1), Inches(3), Inches(8), Inches(1.2))
    box.text_frame.text = "Listening is a skill, not a gift."

    slide = prs.slides.add_slide(layouts[CONTENT])
    slide.shapes.title.text = "Questions?"
    bullets(slide.placeholders[1].text_frame, ["sam.rivera@example.org", "www.example.org/listening",
                                               "+1 (555) 010-2030"])
    slide.notes_slide.notes_text_frame.text = "Leave this up while people ask."

    prs.save(str(path))
    return path


def quarto_deck(path: Path) -> Path:
    """A deck as Quarto (through pandoc) writes one: 16:9, a text box with each slide's number in
    the lower right corner, and layouts named the way Google Slides names them."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    google = {TITLE: "TITLE", CONTENT: "TITLE_AND_BODY", SECTION: "SECTION_HEADER", TWO: "TITLE_AND_TWO_COLUMNS",
              TITLE_ONLY: "TITLE_ONLY"}
    for index, name in google.items():
        prs.slide_layouts[index]._element.cSld.set("name", name)
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE])
    slide.shapes.title.text = "Reproducible slides"
    slide.placeholders[1].text_frame.text = "Alex Kim"
    for n, (title, items) in enumerate([("Why", ["One source", "Many outputs"]),
                                        ("How", ["Write Markdown", "Render to pptx"]),
                                        ("Next", ["Try it on your own talk"])], 2):
        slide = prs.slides.add_slide(prs.slide_layouts[CONTENT])
        slide.shapes.title.text = title
        bullets(slide.placeholders[1].text_frame, items)
        number_box = slide.shapes.add_textbox(prs.slide_width - Inches(1), prs.slide_height - Inches(0.6),
                                              Inches(0.8), Inches(0.4))
        number_box.text_frame.text = str(n)
        slide.notes_slide.notes_text_frame.text = f"Speaker note for {title.lower()}."
    prs.save(str(path))
    return path


#: An outline with a slide of every layout (statement, quote, pictures left and right, two columns).
LAYOUTS_OUTLINE = """\
workshop:
  title: Layouts on show
  date: 2026-03-14
presenters:
  - name: Dana Lee
    credentials: LPC
sections:
  - title: Opening
    minutes: 40
    slides:
      - title: People change in relationships, not in lectures.
      - title: The one idea
        layout: statement
        bullets:
          - Curiosity beats certainty in the first session.
      - title: In their words
        quote:
          text: The relationship is the vehicle through which change happens.
          source: Rogers (1957)
      - title: Repair on the left
        layout: image-left
        image:
          path: cycle.png
          alt: A circle of four arrows labelled notice, name, normalize, next
        bullets:
          - Notice the rupture
          - Name it out loud
      - title: Repair on the right
        layout: image-right
        image:
          path: cycle.png
          alt: A ring drawn in navy on a pale blue ground
        numbered:
          - Repair comes before technique
          - Ask what felt off
      - title: Four qualities
        layout: two-columns
        bullets: [Warmth, Empathy, Genuineness, Respect]
  - break: Coffee break
    minutes: 15
  - title: Practice
    minutes: 30
    slides:
      - title: Practice points
        bullets: [Listen, Reflect]
"""


def layouts_outline(folder: Path, text: str = LAYOUTS_OUTLINE) -> Path:
    """The outline that shows every slide layout, with the picture it points at, in ``folder``."""
    Image.new("RGB", (800, 600), (223, 233, 243)).save(folder / "cycle.png")
    return write(folder, "o.yaml", text)
