"""quiz-qti.zip: the questions as an IMS QTI 1.2 package, the form Canvas imports
(Settings > Import course content > QTI .zip file) and Canvas itself exports.

The package holds ``imsmanifest.xml`` (an IMS content package naming one ``imsqti_xmlv1p2``
resource), the assessment in ``<id>/<id>.xml`` and Canvas's quiz settings in
``<id>/assessment_meta.xml``. Each question is an ``item`` with a single-answer ``response_lid``:
its ``resprocessing`` sets SCORE to 100 when the keyed choice is chosen, and the explanation is the
item's general feedback. A true/false question is a two-choice item whose choices are True and
False, which Canvas reads as its own true/false type.

The XML is built with ElementTree, so every text is escaped; the zip's members, their order and
their timestamps are fixed, so the same quiz gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import xml.etree.ElementTree as ET

from workshop import model as m
from workshop.i18n import tr, trn
from workshop.ooxml import NS, write_zip
from workshop.quiz import shown_option

QTI_NS = NS["qti"]
CP_NS = NS["imscp"]
CANVAS_NS = NS["canvas"]
XSI = NS["xsi"]
RESOURCE_TYPE = "imsqti_xmlv1p2"
META_TYPE = "associatedcontent/imscc_xmlv1p1/learning-application-resource"


def identifier(workshop: m.Workshop) -> str:
    """The assessment's id: the same for the same workshop, so a re-export is recognisable."""
    digest = hashlib.sha256(f"{workshop.title}\x1f{workshop.date}".encode("utf-8")).hexdigest()
    return f"workshop_quiz_{digest[:12]}"


def qti_zip(workshop: m.Workshop, when: dt.datetime) -> bytes:
    """The QTI package as zip bytes, every member stamped ``when``."""
    ident = identifier(workshop)
    members = [("imsmanifest.xml", _manifest(workshop, ident, when)),
               (f"{ident}/{ident}.xml", _assessment(workshop, ident)),
               (f"{ident}/assessment_meta.xml", _meta(workshop, ident))]
    return write_zip(members, when)


def _xml(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _manifest(workshop: m.Workshop, ident: str, when: dt.datetime) -> bytes:
    root = ET.Element("manifest", {"identifier": f"{ident}_manifest", "xmlns": CP_NS,
                                   "xmlns:imsmd": NS["imsmd"], "xmlns:xsi": XSI,
                                   "xsi:schemaLocation": f"{CP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd"})
    metadata = _sub(root, "metadata")
    _sub(metadata, "schema", "IMS Content")
    _sub(metadata, "schemaversion", "1.1.3")
    lom = _sub(metadata, "imsmd:lom")
    _sub(_sub(_sub(lom, "imsmd:general"), "imsmd:title"), "imsmd:string", tr(workshop.language, "{title}: knowledge check", title=workshop.title))
    contribute = _sub(_sub(lom, "imsmd:lifeCycle"), "imsmd:contribute")
    _sub(_sub(contribute, "imsmd:date"), "imsmd:dateTime", when.date().isoformat())
    _sub(root, "organizations")
    resources = _sub(root, "resources")
    quiz = _sub(resources, "resource", identifier=ident, type=RESOURCE_TYPE)
    _sub(quiz, "file", href=f"{ident}/{ident}.xml")
    _sub(quiz, "dependency", identifierref=f"{ident}_meta")
    meta = _sub(resources, "resource", identifier=f"{ident}_meta", type=META_TYPE, href=f"{ident}/assessment_meta.xml")
    _sub(meta, "file", href=f"{ident}/assessment_meta.xml")
    return _xml(root)


def _assessment(workshop: m.Workshop, ident: str) -> bytes:
    root = ET.Element("questestinterop", {"xmlns": QTI_NS, "xmlns:xsi": XSI, "xsi:schemaLocation":
                                          f"{QTI_NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"})
    assessment = _sub(root, "assessment", ident=ident, title=tr(workshop.language, "{title}: knowledge check", title=workshop.title))
    field = _sub(_sub(assessment, "qtimetadata"), "qtimetadatafield")
    _sub(field, "fieldlabel", "cc_maxattempts")
    _sub(field, "fieldentry", "1")
    section = _sub(assessment, "section", ident="root_section")
    for n, question in enumerate(workshop.quiz.questions, 1):
        _item(section, f"{ident}_q{n}", n, question, workshop.language)
    return _xml(root)


def _html_lines(text: str) -> str:
    """Plain text as HTML that shows its lines: a paragraph for each blank-line-separated part,
    a line break for each line within it (HTML would otherwise run the lines together)."""
    parts = [p for p in text.split("\n\n") if p.strip()] or [text]
    return "".join("<p>" + "<br/>".join(html.escape(line.strip()) for line in p.strip().split("\n")) + "</p>"
                   for p in parts)


def _item(section: ET.Element, ident: str, n: int, q: m.Question, lang: str = "en") -> None:
    labels = [f"{ident}_a{k}" for k in range(1, len(q.options) + 1)]
    item = _sub(section, "item", ident=ident, title=tr(lang, "Question {n}", n=n))
    fields = _sub(_sub(item, "itemmetadata"), "qtimetadata")
    for label, entry in (("question_type", "true_false_question" if q.true_false else "multiple_choice_question"),
                         ("points_possible", "1.0"), ("original_answer_ids", ",".join(labels)),
                         ("assessment_question_identifierref", f"{ident}_bank")):
        field = _sub(fields, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)
    presentation = _sub(item, "presentation")
    # the question text as Canvas writes it: HTML in a div, so it shows exactly as typed
    _sub(_sub(presentation, "material"), "mattext", f"<div>{_html_lines(q.ask)}</div>", texttype="text/html")
    choices = _sub(_sub(presentation, "response_lid", ident="response1", rcardinality="Single"), "render_choice")
    for label, option in zip(labels, q.options, strict=True):
        _sub(_sub(_sub(choices, "response_label", ident=label), "material"), "mattext", shown_option(option, q, lang),
             texttype="text/plain")
    processing = _sub(item, "resprocessing")
    _sub(_sub(processing, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    if q.explain:
        shown = _sub(processing, "respcondition", **{"continue": "Yes"})
        _sub(_sub(shown, "conditionvar"), "other")
        _sub(shown, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    correct = _sub(processing, "respcondition", **{"continue": "No"})
    _sub(_sub(correct, "conditionvar"), "varequal", labels[q.key], respident="response1")
    _sub(correct, "setvar", "100", action="Set", varname="SCORE")
    if q.explain:
        feedback = _sub(item, "itemfeedback", ident="general_fb")
        _sub(_sub(_sub(feedback, "flow_mat"), "material"), "mattext", q.explain, texttype="text/plain")


def _meta(workshop: m.Workshop, ident: str) -> bytes:
    count = len(workshop.quiz.questions)
    root = ET.Element("quiz", {"identifier": ident, "xmlns": CANVAS_NS, "xmlns:xsi": XSI,
                               "xsi:schemaLocation": f"{CANVAS_NS} https://canvas.instructure.com/xsd/cccv1p0.xsd"})
    _sub(root, "title", tr(workshop.language, "{title}: knowledge check", title=workshop.title))
    passing = workshop.quiz.pass_percent
    lang = workshop.language
    note = tr(lang, "Pass mark: {percent}%.", percent=passing) if passing is not None else ""
    text = trn(lang, "{n} question on the learning objectives.", "{n} questions on the learning objectives.", count)
    _sub(root, "description", html.escape(f"{text} {note}".strip()))
    for tag, value in (("shuffle_answers", "false"), ("scoring_policy", "keep_highest"), ("quiz_type", "assignment"),
                       ("points_possible", f"{count}.0"), ("show_correct_answers", "true"),
                       ("one_question_at_a_time", "false"), ("available", "false")):
        _sub(root, tag, value)
    return _xml(root)
