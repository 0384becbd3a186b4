"""The knowledge check on paper: the handouts' question page (boxes to tick, no answers) and the
facilitator guide's answer key (the keyed answer, why, and the objective each question checks)."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table

from workshop import model as m
from workshop import pdfdraw as d
from workshop.docstyle import para, table_style
from workshop.i18n import tr, trn
from workshop.quiz import letter
from workshop.quiz.score import shown


class TickBox(Flowable):
    """An empty square to tick."""

    def __init__(self, side: float = 10):
        super().__init__()
        self.side = side

    def wrap(self, available_width, available_height):
        return self.side, self.side + 3

    def draw(self):
        self.canv.setStrokeColor(d.INK)
        self.canv.setLineWidth(0.8)
        # bottom edge on the baseline of the choice's first line beside it
        self.canv.rect(0, 0.5, self.side, self.side, stroke=1, fill=0)


def question_page(workshop: m.Workshop, st) -> list[Flowable]:
    """The handouts' "Knowledge check": every question with a box beside each choice."""
    quiz, lang = workshop.quiz, workshop.language
    intro = tr(lang, "Tick one box for each question.")
    if quiz.pass_percent is not None:
        intro += " " + tr(lang, "The pass mark is {mark}.", mark=shown(quiz.pass_percent))
    out: list[Flowable] = [PageBreak(), para(tr(lang, "Knowledge check"), st["h1"]), para(intro, st["body"]),
                           para(tr(lang, "Name: {line}    Date: {short_line}", line="_" * 32, short_line="_" * 14),
                                st["body"]),
                           Spacer(1, 6)]
    for n, q in enumerate(quiz.questions, 1):
        rows = [[TickBox(), para(f"{letter(k)}.  {option}" if q.choices else tr(lang, option), st["body"])]
                for k, option in enumerate(q.options)]
        table = Table(rows, colWidths=[22, None], hAlign="LEFT")
        table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 16),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        kind = "" if q.choices else "  " + tr(lang, "(true or false)")
        out.append(KeepTogether([para(f"{n}.  {q.ask}{kind}", st["h2"]), table]))
    return out


def answer_key(workshop: m.Workshop, st) -> list[Flowable]:
    """The guide's answer key: for each question the right answer, the explanation and its objective."""
    quiz, lang = workshop.quiz, workshop.language
    out: list[Flowable] = [CondPageBreak(260), para(tr(lang, "Knowledge check: answer key"), st["h1"])]
    facts = [trn(lang, "{n} question", "{n} questions", len(quiz.questions))]
    if quiz.pass_percent is not None:
        facts.append(tr(lang, "pass mark {mark}: record each score in the roster's score column (83, 83% or 5/6); "
                              "below the mark, or blank, no certificate is issued", mark=shown(quiz.pass_percent)))
    out.append(para("; ".join(facts) + ".", st["small"]))
    bold = ParagraphStyle("answer", parent=st["body"], fontName="ws-sans-bold", spaceAfter=1)
    for n, q in enumerate(quiz.questions, 1):
        answer = f"{letter(q.key)}. {q.answer}" if q.choices else tr(lang, q.answer)
        block = [para(f"{n}.  {q.ask}", st["h2"]), para(tr(lang, "Answer: {answer}", answer=answer), bold)]
        if q.choices:
            block.append(para(tr(lang, "Choices: {list}", list="; ".join(f"{letter(k)}. {c}"
                                                                         for k, c in enumerate(q.choices))),
                              st["small"]))
        if q.explain:
            block.append(para(tr(lang, "Why: {text}", text=q.explain), st["body"]))
        if q.objective:
            block.append(para(tr(lang, "Checks objective {n}: {objective}", n=q.objective,
                                 objective=workshop.objectives[q.objective - 1]), st["small"]))
        out.append(KeepTogether(block))
    return out
