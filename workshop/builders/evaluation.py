"""evaluation.pdf: a participant evaluation form drawn from the outline.

Every statement prints whole at one size: a long objective or presenter wraps onto more lines
instead of being cut or shrunk, and the form runs onto a second page when it must.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import letter

from workshop import pdfdraw as d
from workshop.builders.context import BuildContext

FILENAME = "evaluation.pdf"
PAGE_W, PAGE_H = letter
MARGIN = 40
SCALE = ("1", "2", "3", "4", "5")
BOX_STEP = 27
BOX_X = PAGE_W - MARGIN - 5 * BOX_STEP
#: Statements print at this size (the smaller when the form would otherwise need another page).
SIZES = (10.0, 9.0)
TEXT_X = MARGIN + 8
TEXT_W = BOX_X - TEXT_X - 14
BOTTOM = 56  # above the running footer
QUESTIONS = ("What was most useful to you today?", "What would you change?",
             "Which topics would you like in a future workshop?")
LINE_GAP = 20
QUESTION_H = 22 + 3 * LINE_GAP + 4  # a question and its (at least) three writing lines
GROUP_H = 20  # a group's title and its scale numbers


@dataclass(frozen=True)
class Row:
    lines: tuple[str, ...]
    size: float

    @property
    def height(self) -> float:
        return max(22.0, len(self.lines) * self.size * 1.25 + 9)


def statements(w) -> list[tuple[str, list[str]]]:
    """The rated statements in their groups, as they print."""
    groups = [("Learning objectives", [f"This objective was met: {o}" for o in w.objectives]),
              ("Presenters", [f"{p.display_name} knew the subject and presented it clearly" for p in w.presenters]),
              ("The workshop", ["The content is relevant to my practice", "I will use what I learned with clients",
                                "The materials and handouts were useful",
                                "The venue or online platform worked well for learning", "The time was used well"])]
    return [(title, items) for title, items in groups if items]


def layout(groups, top: float) -> list[list[tuple[str, float, object]]]:
    """Pages of (kind, y, payload) placing group titles, rows and the open questions; a row is
    never split, a short group is never split, and a group carried to a new page repeats its title."""
    def rows_at(size: float):
        return [(title, [Row(tuple(d.wrap(text, "sans", size, TEXT_W)), size) for text in items])
                for title, items in groups]

    def needed(rows) -> float:
        return sum(GROUP_H + sum(r.height for r in rs) + 6 for _, rs in rows) + len(QUESTIONS) * QUESTION_H

    # the smaller size only when it keeps the form on one page; a second page is needed anyway otherwise
    rows = next((r for r in map(rows_at, SIZES) if needed(r) <= top - BOTTOM), rows_at(SIZES[0]))
    pages: list[list[tuple[str, float, object]]] = [[]]
    y = top

    def room(height: float) -> bool:
        return y - height >= BOTTOM

    for title, rs in rows:
        whole = GROUP_H + sum(r.height for r in rs)
        # a short group is kept whole rather than leaving a row or two on the next page
        if not room(GROUP_H + rs[0].height) or (len(rs) <= 6 and not room(whole)):
            pages.append([])
            y = PAGE_H - 50
        pages[-1].append(("group", y, title))
        y -= GROUP_H
        for row in rs:
            if not room(row.height):
                pages.append([])
                y = PAGE_H - 50
                pages[-1].append(("group", y, f"{title} (continued)"))
                y -= GROUP_H
            pages[-1].append(("row", y, row))
            y -= row.height
        y -= 6
    for question in QUESTIONS:
        if not room(QUESTION_H):
            pages.append([])
            y = PAGE_H - 50
        pages[-1].append(("question", y, [question, 3]))
        y -= QUESTION_H
    # the writing space takes what is left of the last page
    asked = [payload for kind, _, payload in pages[-1] if kind == "question"]
    extra = int((y - BOTTOM) // (LINE_GAP * len(asked))) if asked else 0
    shift = 0.0
    for n, (kind, top, payload) in enumerate(pages[-1]):
        if kind == "question":
            pages[-1][n] = (kind, top - shift, (payload[0], payload[1] + extra))
            shift += extra * LINE_GAP
    return pages


def build(ctx: BuildContext) -> tuple[list[Path], list[str]]:
    d.require_faces("sans", "sans-bold")
    w = ctx.workshop
    buffer = io.BytesIO()
    canvas = d.new_canvas(buffer, (PAGE_W, PAGE_H), f"Evaluation: {w.title}", "workshop", ctx.when)
    y = d.heading_block(canvas, PAGE_W, PAGE_H - 50, "Participant evaluation", w, MARGIN)
    canvas.setFillColor(d.MUTED)
    d.draw(canvas, MARGIN, y, "Rate each statement from 1 (strongly disagree) to 5 (strongly agree). "
                              "Your answers are anonymous.", 9, "sans")
    pages = layout(statements(w), y - 12)
    for number, placed in enumerate(pages, 1):
        for kind, top, payload in placed:
            {"group": _group, "row": _row, "question": _question}[kind](canvas, top, payload)
        d.footer(canvas, PAGE_W, w.title, number, len(pages), MARGIN)
        canvas.showPage()
    canvas.save()
    path = ctx.out_dir / FILENAME
    path.write_bytes(buffer.getvalue())
    return [path], []


def _group(canvas, top: float, title: str) -> None:
    canvas.setFillColor(d.INK)
    d.draw(canvas, MARGIN, top - 11, title, 11, "sans-bold")
    for k, label in enumerate(SCALE):
        d.draw(canvas, BOX_X + k * BOX_STEP + 9, top - 11, label, 9, "sans-bold", "centre")


def _row(canvas, top: float, row: Row) -> None:
    """A statement's lines from ``top`` down, its boxes beside the first line, a rule under it."""
    canvas.setFillColor(d.INK)
    leading = row.size * 1.25
    first = top - 4 - row.size
    for n, line in enumerate(row.lines):
        d.draw(canvas, TEXT_X, first - n * leading, line, row.size, "sans")
    canvas.setStrokeColor(d.MUTED)
    canvas.setLineWidth(0.7)
    for k in range(5):
        canvas.rect(BOX_X + k * BOX_STEP + 3, first - 3, 12, 12)
    canvas.setStrokeColor(d.RULE)
    canvas.setLineWidth(0.4)
    canvas.line(TEXT_X, top - row.height + 2, PAGE_W - MARGIN, top - row.height + 2)


def _question(canvas, top: float, asked: tuple[str, int]) -> None:
    question, lines = asked
    canvas.setFillColor(d.INK)
    d.draw(canvas, MARGIN, top - 12, question, 11, "sans-bold")
    canvas.setStrokeColor(d.RULE)
    canvas.setLineWidth(0.6)
    y = top - 12
    for _ in range(lines):
        y -= LINE_GAP
        canvas.line(MARGIN, y, PAGE_W - MARGIN, y)
