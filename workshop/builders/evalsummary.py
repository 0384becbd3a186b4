"""evaluation-summary.pdf and evaluation-summary.csv: what the evaluation forms said.

Made from the responses read by :mod:`workshop.evalresponses`, item by item in the order the form
prints them (:mod:`workshop.evalitems`): for each rated statement the number of responses, the
mean and how the ratings spread over the scale; the response rate against the attendees; and
every written comment under its question. The CSV holds the same numbers for a spreadsheet.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from reportlab.lib.colors import HexColor, white
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from workshop import pdfdraw as d
from workshop.builders.context import BuildContext
from workshop.colour import theme_ink
from workshop.colour import readable
from workshop.docstyle import (TEXT_W, ListBlock, panel_colour, para, scale_colours, styles, table_style,
                               write_document)
from workshop.evalitems import OBJECTIVE_STEM, OBJECTIVES, grouped, scale_words
from workshop.evaltally import Evaluations, Tally, attendees, percent, rate_warnings, response_rate
from workshop.i18n import N_, number_text, tr, trn
from workshop.schedule import date_text

FILENAME = "evaluation-summary.pdf"
CSV_NAME = "evaluation-summary.csv"
CSV_HEADER = ("item", "responses", "mean", "1", "2", "3", "4", "5")
#: The table's columns: statement, responses, mean, a count for each point, the distribution bar.
COUNT_W = 21
WIDTHS = [TEXT_W - 56 - 40 - 5 * COUNT_W - 112, 56, 40] + [COUNT_W] * 5 + [112]
NOT_ASKED = N_("not in the responses")
KEEP_WHOLE = 6  # a group of this many statements or fewer is kept on one page
START_ROOM = 150  # points: a longer group's heading, column heads and its first two or three rows


def build(ctx: BuildContext) -> tuple[list[Path], list[str]]:
    evaluations: Evaluations | None = ctx.evaluations
    if evaluations is None:
        return [], []
    pdf, table = ctx.out_dir / FILENAME, ctx.out_dir / CSV_NAME
    write_document(pdf, summary_story(ctx), ctx.workshop, N_("Evaluation summary"), N_("evaluation summary"), ctx.when)
    table.write_text(summary_csv(evaluations), encoding="utf-8-sig", newline="")
    return [pdf, table], list(evaluations.warnings) + rate_warnings(evaluations, attendees(ctx.roster, ctx.attendance))


def summary_csv(evaluations: Evaluations) -> str:
    """One row per rated item, in the form's order: its text, how many rated it, the mean (blank
    with no ratings) and how many gave each point of the scale."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for tally in evaluations.tallies:
        writer.writerow([_cell(tally.item.text), tally.responses, "" if tally.mean is None else tally.mean,
                         *tally.counts])
    return buffer.getvalue()


def _cell(text: str) -> str:
    """Text a spreadsheet shows as written: one starting like a formula is quoted with an apostrophe."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def summary_story(ctx: BuildContext) -> list[Flowable]:
    w, evaluations = ctx.workshop, ctx.evaluations
    present = attendees(ctx.roster, ctx.attendance)
    ink = theme_ink(w.theme)
    st = styles(ink)
    colours = scale_colours(ink)
    lang = w.language
    facts = " · ".join(x for x in (date_text(w.date, w.date_style, language=lang), w.location) if x)
    names = [p.display_name for p in w.presenters]
    words = scale_words(lang)
    story: list[Flowable] = [para(tr(lang, "Evaluation summary"), st["h1"]), para(w.title, st["h2"])]
    if facts:
        story.append(para(facts, st["small"]))
    if names:
        story.append(para((tr(lang, "Presenter: {names}") if len(names) == 1 else tr(lang, "Presenters: {names}"))
                          .format(names="; ".join(names)), st["small"]))
    story += [Spacer(1, 8), Figures(_figures(evaluations, present, lang), ink), Spacer(1, 6),
              para(tr(lang, "Read from {file}: {rate}. Each statement was rated from 1 ({lowest}) to 5 ({highest}).",
                      file=evaluations.source.name, rate=response_rate(evaluations, present, lang),
                      lowest=words[0].lower(), highest=words[-1].lower()), st["small"]),
              Spacer(1, 4), Legend(colours, words), Spacer(1, 4)]
    unasked = sum(not t.asked for t in evaluations.tallies)
    if unasked:  # the figures are of the statements the file holds: say so where they are read
        story[-3:-3] = [para(trn(lang, "{n} of the form's {total} statements is not in this file (shown as "
                                       "\u201c{label}\u201d); the figures are of the other {rest}.",
                                 "{n} of the form's {total} statements are not in this file (shown as "
                                 "\u201c{label}\u201d); the figures are of the other {rest}.", unasked,
                                 total=len(evaluations.tallies), rest=len(evaluations.tallies) - unasked,
                                 label=tr(lang, NOT_ASKED)),
                             st["small"])]
    for title, items in grouped([t.item for t in evaluations.tallies]):
        tallies = [t for t in evaluations.tallies if t.item in items]
        heading = (f"{tr(lang, title)}: {tr(lang, OBJECTIVE_STEM)[:-1].lower()}" if title == OBJECTIVES
                   else tr(lang, title))
        table = ratings_table(heading, tallies, st, colours, ink, lang)
        if len(tallies) <= KEEP_WHOLE:
            story += [Spacer(1, 6), KeepTogether([table])]
        else:  # starts where its heading, column heads and first rows fit; both repeat on the next page
            story += [Spacer(1, 6), CondPageBreak(START_ROOM), table]
    # clear of the table above it (a frame drops the space at the top of a page)
    comments_heading = para(tr(lang, "Comments"), st["h1"].clone("comments", spaceBefore=18))
    comments_heading.keepWithNext = 0  # the first question keeps itself with its first comments
    story += [CondPageBreak(START_ROOM), comments_heading]
    for comments in evaluations.comments:
        count = len(comments.answers)
        lead = [para(comments.question, st["h2"]),
                para(trn(lang, "{n} comment", "{n} comments", count) if comments.asked else
                     tr(lang, "Not asked: {why}", why=tr(lang, NOT_ASKED)), st["small"])]
        if not comments.answers:
            story.append(KeepTogether(lead + ([para(tr(lang, "No one wrote a comment here."), st["body"])]
                                              if comments.asked else [])))
            continue
        story.append(ListBlock([para(answer, st["bullet"], "•") for answer in comments.answers], lead=lead))
    return story


def _figures(evaluations: Evaluations, present: int | None, lang: str = "en") -> list[tuple[str, str]]:
    """The key figures at the head of the summary: (value, what it is)."""
    out = [(str(evaluations.responses), trn(lang, "response", "responses", evaluations.responses))]
    if present is None:
        out.append((tr(lang, "unknown"), tr(lang, "response rate: attendees not given")))
    elif present and evaluations.responses <= present:
        out.append((tr(lang, "{percent}%", percent=percent(evaluations.responses, present)),
                    trn(lang, "response rate, of {n} attendee", "response rate, of {n} attendees", present)))
    else:
        out.append(("–", tr(lang, "response rate over 100%: check the roster")))
    overall = evaluations.mean
    out.append((number_text(overall, lang) if overall is not None else "–",
                trn(lang, "mean of all {n} rating (1 to 5)", "mean of all {n} ratings (1 to 5)", evaluations.ratings)))
    return out


def ratings_table(heading: str, tallies: list[Tally], st, colours, primary: str, lang: str = "en") -> Table:
    """A group's heading over its statements, each with its responses, mean, the count at each
    point and the bar."""
    numbers = st["cell"].clone("number", alignment=2)
    heads = st["cellbold"].clone("head-number", alignment=2)
    title = st["h2"].clone("group", spaceBefore=0, spaceAfter=0, keepWithNext=0)
    rows = [[para(heading, title)] + [""] * 8]
    rows += [[para(tr(lang, "Statement"), st["cellbold"]), para(tr(lang, "Responses"), heads),
              para(tr(lang, "Mean"), heads)]
             + [para(str(n), heads) for n in range(1, 6)] + [para(tr(lang, "Distribution"), st["cellbold"])]]
    for tally in tallies:
        if not tally.asked:
            rows.append([para(tally.item.text, st["cell"]), para("–", numbers), para("–", numbers)] + [""] * 5
                        + [para(tr(lang, NOT_ASKED), st["cellmuted"])])
            continue
        mean = "–" if tally.mean is None else number_text(tally.mean, lang)
        rows.append([para(tally.item.text, st["cell"]), para(str(tally.responses), numbers), para(mean, st["cellbold"]
                                                                                                   .clone("mean", alignment=2))]
                    + [para(str(c), numbers) for c in tally.counts] + [Bar(tally.counts, colours)])
    table = Table(rows, colWidths=WIDTHS, repeatRows=2, hAlign="LEFT")
    table.setStyle(table_style([("SPAN", (0, 0), (-1, 0)), ("LEFTPADDING", (0, 0), (0, 0), 0),
                                ("BOTTOMPADDING", (0, 0), (-1, 0), 6),
                                ("LINEBELOW", (0, 1), (-1, -1), 0.4, d.RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("VALIGN", (-1, 2), (-1, -1), "MIDDLE"),
                                ("BACKGROUND", (0, 1), (-1, 1), panel_colour(primary)),
                                ("TOPPADDING", (0, 1), (-1, -1), 4), ("BOTTOMPADDING", (0, 1), (-1, -1), 4),
                                ("LEFTPADDING", (3, 1), (7, -1), 2), ("RIGHTPADDING", (3, 1), (7, -1), 3)]))
    return table


class Bar(Flowable):
    """How the ratings of one statement spread over the scale: one bar, a segment per point in
    proportion to its count, palest for 1."""

    HEIGHT = 9

    def __init__(self, counts: tuple[int, ...], colours):
        super().__init__()
        self.counts, self.colours = counts, colours

    def wrap(self, available_width, available_height):
        self.width, self.height = available_width, self.HEIGHT
        return self.width, self.height

    def draw(self):
        canvas, total = self.canv, sum(self.counts)
        x, edges = 0.0, []
        for count, colour in zip(self.counts, self.colours, strict=True):
            if count:
                w = self.width * count / total
                canvas.setFillColor(colour)
                canvas.rect(x, 0, w, self.height, stroke=0, fill=1)
                x += w
                edges.append(x)
        canvas.setStrokeColor(white)  # a hairline between segments, so two close tints still read as two
        canvas.setLineWidth(0.8)
        for x in edges[:-1]:
            canvas.line(x, 0, x, self.height)
        canvas.setStrokeColor(d.RULE)
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)


class Legend(Flowable):
    """The bar's key: a swatch and the words of each point of the scale, on one line."""

    SIZE = 9.0

    def __init__(self, colours, words: tuple[str, ...] = ()):
        super().__init__()
        self.colours, self.words = colours, words or scale_words()

    def wrap(self, available_width, available_height):
        self.width, self.height = available_width, 12
        return self.width, self.height

    def draw(self):
        canvas, x = self.canv, 0.0
        for n, (words, colour) in enumerate(zip(self.words, self.colours, strict=True), 1):
            canvas.setFillColor(colour)
            canvas.setStrokeColor(d.RULE)
            canvas.setLineWidth(0.5)
            canvas.rect(x, 1, 9, 9, stroke=1, fill=1)
            canvas.setFillColor(d.MUTED)
            x += 13 + d.draw(canvas, x + 13, 2, f"{n} {words}", self.SIZE, "sans") + 14


class Figures(Flowable):
    """The key figures side by side, each a large value over what it is, on a pale panel."""

    HEIGHT = 54

    def __init__(self, figures: list[tuple[str, str]], primary: str):
        super().__init__()
        self.figures, self.primary = figures, primary

    def wrap(self, available_width, available_height):
        self.width, self.height = available_width, self.HEIGHT
        return self.width, self.height

    def draw(self):
        canvas, gap = self.canv, 10
        panel = panel_colour(self.primary)
        value_colour = HexColor("#" + readable(self.primary, panel.hexval()[2:]))
        w = (self.width - gap * (len(self.figures) - 1)) / len(self.figures)
        for k, (value, label) in enumerate(self.figures):
            x = k * (w + gap)
            canvas.setFillColor(panel)
            canvas.rect(x, 0, w, self.height, stroke=0, fill=1)
            canvas.setFillColor(value_colour)
            d.draw(canvas, x + 10, self.height - 28, value, 20, "sans-bold")
            canvas.setFillColor(d.MUTED)
            size, lines = d.fit_lines(label, "sans", w - 20, (9.0, 8.5, 8.0), 1)
            d.draw(canvas, x + 10, 10, lines[0] if len(lines) == 1 else d.ellipsize(label, "sans", size, w - 20),
                   size, "sans")
