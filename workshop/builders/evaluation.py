"""evaluation.pdf: a one-page participant evaluation form drawn from the outline."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import letter

from workshop import pdfdraw as d
from workshop.builders.context import BuildContext

FILENAME = "evaluation.pdf"
PAGE_W, PAGE_H = letter
MARGIN = 40
SCALE = ("1", "2", "3", "4", "5")
BOX_X = PAGE_W - MARGIN - 5 * 30


def build(ctx: BuildContext) -> tuple[list[Path], list[str]]:
    d.require_faces("sans", "sans-bold")
    w = ctx.workshop
    buffer = io.BytesIO()
    canvas = d.new_canvas(buffer, (PAGE_W, PAGE_H), f"Evaluation: {w.title}", "workshop")
    y = d.heading_block(canvas, PAGE_W, PAGE_H - 50, "Participant evaluation", w, MARGIN)
    canvas.setFillColor(d.MUTED)
    d.draw(canvas, MARGIN, y, "Rate each statement from 1 (strongly disagree) to 5 (strongly agree). "
                              "Your answers are anonymous.", 9, "sans")
    y -= 22
    statements = [("Learning objectives", [f"This objective was met: {o}" for o in w.objectives])]
    statements.append(("Presenters", [f"{p.display_name} knew the subject and presented it clearly"
                                      for p in w.presenters]))
    statements.append(("The workshop", ["The content is relevant to my practice",
                                        "I will use what I learned with clients",
                                        "The materials and handouts were useful",
                                        "The venue or online platform worked well for learning",
                                        "The time was used well"]))
    rows = sum(len(items) for _, items in statements) + len(statements)
    room = y - 290  # what the open questions below need
    row_h = max(15.0, min(22.0, room / max(rows, 1)))
    for title, items in statements:
        if not items:
            continue
        canvas.setFillColor(d.INK)
        d.draw(canvas, MARGIN, y, title, 11, "sans-bold")
        for k, label in enumerate(SCALE):
            d.draw(canvas, BOX_X + k * 30 + 9, y, label, 9, "sans-bold", "centre")
        y -= row_h
        for text in items:
            size, lines = d.fit_lines(text, "sans", BOX_X - MARGIN - 12, (10.0, 9.0, 8.0, 7.0), 1)
            d.draw(canvas, MARGIN + 8, y + 4, lines[0], size, "sans")
            canvas.setStrokeColor(d.MUTED)
            canvas.setLineWidth(0.7)
            for k in range(5):
                canvas.rect(BOX_X + k * 30 + 3, y + 1, 12, 12)
            y -= row_h
        y -= 4
    for question in ("What was most useful to you today?", "What would you change?",
                     "Which topics would you like in a future workshop?"):
        canvas.setFillColor(d.INK)
        d.draw(canvas, MARGIN, y, question, 11, "sans-bold")
        canvas.setStrokeColor(d.RULE)
        for _ in range(3):
            y -= 20
            canvas.line(MARGIN, y, PAGE_W - MARGIN, y)
        y -= 22
    d.footer(canvas, PAGE_W, w.title, 1, 1, MARGIN)
    canvas.showPage()
    canvas.save()
    path = ctx.out_dir / FILENAME
    path.write_bytes(buffer.getvalue())
    return [path], []
