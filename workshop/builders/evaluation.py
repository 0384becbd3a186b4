"""evaluation.pdf: a participant evaluation form drawn from the outline.

Every statement prints whole at one size: a long objective or presenter wraps onto more lines
instead of being cut or shrunk, and the form runs onto a second page when it must: that page
(the back of the sheet) has a heading of its own, and the first says to turn over. The open
questions get room to write a few sentences: on the first page when it has that room, else
sharing the back.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import letter

from workshop import pdfdraw as d
from workshop.builders.context import BuildContext
from workshop.evalitems import QUESTIONS  # noqa: F401  (the English form's, as questions(language) gives each)
from workshop.evalitems import OBJECTIVE_STEM, OBJECTIVES, anchors, grouped, questions, rated_items
from workshop.i18n import N_, tr

FILENAME = "evaluation.pdf"
PAGE_W, PAGE_H = letter
MARGIN = 40
SCALE = ("1", "2", "3", "4", "5")
#: What each point of the scale means is printed under its number in the column headers
#: (:func:`workshop.evalitems.anchors`), at this size or the largest of these at which each line
#: fits its column.
ANCHOR_SIZE = 9.0
ANCHORS = anchors()  # the English form's, as each language's are: scale(language).lines
ANCHOR_SIZES = (9.0, 8.5, 8.0, 7.5, 7.0)
BOX_STEP = 44  # wide enough for the longest word of the scale ("desacuerdo") at 8 pt
ANCHOR_GAP = 6  # the least room between the words of two columns
BOX_X = PAGE_W - MARGIN - 5 * BOX_STEP
#: Statements print at this size (the smaller when the form would otherwise need another page).
SIZES = (10.0, 9.0)
TEXT_X = MARGIN + 8
TEXT_W = BOX_X - TEXT_X - 8
BOX_MIDDLE = BOX_STEP / 2  # each box and its column header centred in its step
BOTTOM = 56  # above the running footer
LINE_GAP = 20
QUESTION_LINES = 5  # an open question gets at least this many writing lines
QUESTION_H = 22 + QUESTION_LINES * LINE_GAP + 4  # a question and its (at least) five writing lines
CONTINUED_H = 34  # a later page's heading: "Participant evaluation (continued)" and the workshop's title
TURN_OVER = N_("Please turn over")
HAND_IN = N_("Thank you. Please hand this form in before you leave.")
GROUP_H = 20  # a group's title and its scale numbers
ANCHORED_H = GROUP_H + 2 * ANCHOR_SIZE * 1.15 + 2  # ... with the scale's words under the numbers (English)


@dataclass(frozen=True)
class Scale:
    """The scale's words under the numbers in one language: their lines, size and the height of a
    group heading that carries them."""

    lines: tuple[tuple[str, ...], ...]
    size: float

    @property
    def height(self) -> float:
        return GROUP_H + max(2, *map(len, self.lines)) * self.size * 1.15 + 2


def scale(language: str = "en") -> Scale:
    """The scale's words in ``language`` at the largest size at which each line fits its column with
    a clear gap to the next column's words; a line too wide is broken between words (at most three
    lines)."""
    room = BOX_STEP - ANCHOR_GAP

    def lines_at(size: float) -> tuple[tuple[str, ...], ...]:
        def broken(line: str) -> list[str]:
            out: list[str] = []
            for word in line.split():
                if out and d.width(f"{out[-1]} {word}", size, "sans") <= room:
                    out[-1] += f" {word}"
                else:
                    out.append(word)
            return out
        return tuple(tuple(piece for line in group for piece in
                           ([line] if d.width(line, size, "sans") <= room else broken(line)))
                     for group in anchors(language))

    def fits(lines) -> bool:
        return all(len(group) <= 3 and all(d.width(line, size, "sans") <= room for line in group)
                   for group in lines)

    for size in ANCHOR_SIZES:
        if fits(lines := lines_at(size)):
            return Scale(lines, size)
    return Scale(lines_at(ANCHOR_SIZES[-1]), ANCHOR_SIZES[-1])


@dataclass(frozen=True)
class Row:
    lines: tuple[str, ...]
    size: float

    @property
    def height(self) -> float:
        return max(22.0, len(self.lines) * self.size * 1.25 + 9)


def statements(w) -> list[tuple[str, list[str]]]:
    """The rated statements in their groups, as they print (:func:`workshop.evalitems.rated_items`),
    the groups' names in the outline's language."""
    return [(tr(w.language, title), [item.text for item in items]) for title, items in grouped(rated_items(w))]


def layout(groups, top: float, language: str = "en") -> list[list[tuple[str, float, object]]]:
    """Pages of (kind, y, payload) placing group headings, rows and the open questions; a row is
    never split, a short group is never split, and a group carried to a new page repeats its
    heading. The first heading on a page carries the scale's words; the open questions stay
    together and share the writing space equally."""
    asked = questions(language)
    anchored_h = scale(language).height if language != "en" else ANCHORED_H

    def rows_at(size: float):
        return [(title, [Row(tuple(d.wrap(text, "sans", size, TEXT_W)), size) for text in items])
                for title, items in groups]

    def needed(rows) -> float:
        return (sum(GROUP_H + sum(r.height for r in rs) + 6 for _, rs in rows) + anchored_h - GROUP_H
                + len(asked) * QUESTION_H)

    # the smaller size only when it keeps the form on one page; a second page is needed anyway otherwise
    rows = next((r for r in map(rows_at, SIZES) if needed(r) <= top - BOTTOM), rows_at(SIZES[0]))
    pages: list[list[tuple[str, float, object]]] = [[]]
    y = top

    def room(height: float) -> bool:
        return y - height >= BOTTOM

    def new_page() -> None:
        nonlocal y
        pages.append([("continued", PAGE_H - 50, None)])
        y = PAGE_H - 50 - CONTINUED_H

    def heading_h() -> float:
        return GROUP_H if any(kind == "group" for kind, _, _ in pages[-1]) else anchored_h


    def heading(title: str) -> None:
        nonlocal y
        height = heading_h()
        pages[-1].append(("group", y, (title, height == anchored_h)))
        y -= height

    for title, rs in rows:
        whole = heading_h() + sum(r.height for r in rs)
        # a short group is kept whole rather than leaving a row or two on the next page
        if not room(heading_h() + rs[0].height) or (len(rs) <= 6 and not room(whole)):
            new_page()
        heading(title)
        for row in rs:
            if not room(row.height):
                new_page()
                heading(tr(language, "{title} (continued)", title=title))
            pages[-1].append(("row", y, row))
            y -= row.height
        y -= 6
    # the open questions, each whole: as many as have room where the statements end, the rest on
    # the next page; every question gets the same number of lines, as many as the fullest page allows
    starts: list[tuple[int, float, list[str]]] = []  # (page, top of its first question, its questions)
    for question in asked:
        if not room(QUESTION_H):
            new_page()
        if not starts or starts[-1][0] != len(pages) - 1:
            starts.append((len(pages) - 1, y, []))
        starts[-1][2].append(question)
        y -= QUESTION_H
    # each page's questions share what is left of it: the last page's writing space down to the
    # thank-you line at its foot, no blank band under the lines
    for page, top_y, some in starts:
        extra = int((top_y - BOTTOM - len(some) * QUESTION_H) // (LINE_GAP * len(some)))
        for question in some:
            pages[page].append(("question", top_y, (question, QUESTION_LINES + extra)))
            top_y -= QUESTION_H + extra * LINE_GAP
    for page in pages[:-1]:
        page.append(("turn", BOTTOM - 12, None))
    pages[-1].append(("return", BOTTOM - 12, None))
    return pages


def build(ctx: BuildContext) -> tuple[list[Path], list[str]]:
    d.require_faces("sans", "sans-bold")
    w = ctx.workshop
    buffer = io.BytesIO()
    lang = w.language
    canvas = d.new_canvas(buffer, (PAGE_W, PAGE_H), tr(lang, "Evaluation: {title}", title=w.title), "workshop",
                          ctx.when)
    y = d.heading_block(canvas, PAGE_W, PAGE_H - 50, tr(lang, "Participant evaluation"), w, MARGIN)
    canvas.setFillColor(d.MUTED)
    d.draw(canvas, MARGIN, y, tr(lang, "Rate each statement from 1 (strongly disagree) to 5 (strongly agree). "
                                       "Your answers are anonymous."), 9, "sans")
    pages = layout(statements(w), y - 12, lang)
    words = scale(lang)
    stem = (tr(lang, OBJECTIVES), tr(lang, OBJECTIVE_STEM))
    for number, placed in enumerate(pages, 1):
        for kind, top, payload in placed:
            if kind == "continued":
                _continued(canvas, top, w.title, lang)
            elif kind == "turn":
                canvas.setFillColor(d.MUTED)
                d.draw(canvas, PAGE_W - MARGIN, top, tr(lang, TURN_OVER) + " →", 10, "sans-bold", "right")
            elif kind == "return":
                canvas.setFillColor(d.MUTED)
                d.draw(canvas, PAGE_W - MARGIN, top, tr(lang, HAND_IN), 10, "sans-bold", "right")
            elif kind == "group":
                _group(canvas, top, payload, words, stem)
            else:
                {"row": _row, "question": _question}[kind](canvas, top, payload)
        d.footer(canvas, PAGE_W, w.title, number, len(pages), MARGIN, lang)
        canvas.showPage()
    canvas.save()
    path = ctx.out_dir / FILENAME
    path.write_bytes(buffer.getvalue())
    return [path], []


def _continued(canvas, top: float, title: str, lang: str = "en") -> None:
    """The heading of a later page: what the form is, and for which workshop, under a rule."""
    canvas.setFillColor(d.INK)
    x = MARGIN + d.draw(canvas, MARGIN, top, tr(lang, "Participant evaluation"), 13, "sans-bold")
    canvas.setFillColor(d.MUTED)
    d.draw(canvas, x + 8, top, tr(lang, "(continued)"), 11, "sans")
    d.draw(canvas, MARGIN, top - 14, d.ellipsize(title, "sans", 9.5, PAGE_W - 2 * MARGIN), 9.5, "sans")
    canvas.setStrokeColor(d.RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, top - 22, PAGE_W - MARGIN, top - 22)


def _group(canvas, top: float, heading: tuple[str, bool], words: Scale | None = None,
           stem: tuple[str, str] = (OBJECTIVES, OBJECTIVE_STEM)) -> None:
    """A group's title (the objectives' with the stem they share), and over the boxes the scale's
    numbers, with what they mean under them when ``anchored``."""
    title, anchored = heading
    words = words or scale()
    canvas.setFillColor(d.INK)
    x = MARGIN + d.draw(canvas, MARGIN, top - 11, title, 11, "sans-bold")
    if title.startswith(stem[0]):
        d.draw(canvas, x + 6, top - 11, stem[1], 10, "sans")
    for k, label in enumerate(SCALE):
        middle = BOX_X + k * BOX_STEP + BOX_MIDDLE
        d.draw(canvas, middle, top - 11, label, 9, "sans-bold", "centre")
        if anchored:
            for n, word in enumerate(words.lines[k]):
                d.draw(canvas, middle, top - 11 - (n + 1) * words.size * 1.15 - 1, word, words.size, "sans",
                       "centre")


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
        canvas.rect(BOX_X + k * BOX_STEP + BOX_MIDDLE - 6, first - 3, 12, 12)
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
