"""Fitting text into boxes: choose sizes, wrap with real metrics, and paginate what cannot fit.

Everything here is measured in points. A paragraph's height is its line count times an exact
line pitch (the renderer writes the same pitch), plus its space before.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, replace

from workshop.fonts import wrap
from workshop.typography import typeset

LINE_PITCH = 1.2  # line height as a multiple of the font size, written as exact spacing
SAFETY = 0.985  # wrap to this share of the width: Carlito has Calibri's metrics, so a renderer sets what we measure
MIN_BODY = 18.0  # no body text is ever smaller than this


@dataclass(frozen=True)
class Para:
    """One paragraph as it will be written into a text box."""

    text: str
    size: float
    level: int = 0  # 0 plain, 1 bullet, 2 sub-bullet
    number: int | None = None  # shown as "3." for numbered items
    bold: bool = False
    italic: bool = False
    role: str = "body"  # colour role: body, muted, accent, inverse, inverse-muted
    align: str = "left"
    space_before: float = 0.0
    tab: float = 0.0  # hanging indent with a tab stop (agenda rows): text before the tab hangs
    continued: bool = False  # the rest of a paragraph begun on the previous slide: no bullet, no number
    hanging: float = 0.0  # a hanging indent (references): the first line at the margin, the rest this far in
    marker: str = ""  # the bullet's or number's own colour role ("accent"), "" for the text's

    def __post_init__(self):
        # set as the PDFs set it: ’ for apostrophes, “curly” quotes, en dashes in time and page ranges
        object.__setattr__(self, "text", typeset(self.text))

    @property
    def face(self) -> str:
        style = ("bold" if self.bold else "") + ("italic" if self.italic else "")
        return f"sans-{style}" if style else "sans"

    @property
    def indent(self) -> float:
        """Left margin of the text, in points, for bullets, numbers and hanging rows."""
        if self.tab:
            return self.tab
        if self.hanging:
            return self.hanging
        if self.number is not None:
            return 0.9 * self.size + 14 if self.level <= 1 else 0.9 * self.size + 44
        return {0: 0.0, 1: 0.8 * self.size + 8, 2: 0.8 * self.size + 40}[self.level]

    @property
    def hang(self) -> float:
        """How far the bullet or number hangs to the left of the text."""
        if self.level == 2:
            return 0.8 * self.size + 8
        return self.indent

    def lines(self, width: float) -> list[str]:
        if self.tab and "\t" in self.text:  # the text before the tab hangs left of the tab stop
            before, after = self.text.split("\t", 1)
            rest = wrap(after, self.size, (width - self.indent) * SAFETY, self.face) or [""]
            return [f"{before}\t{rest[0]}"] + rest[1:]
        return wrap(self.text, self.size, (width - self.indent) * SAFETY, self.face)

    def height(self, width: float, first: bool = False) -> float:
        before = 0.0 if first else self.space_before
        return before + len(self.lines(width)) * self.size * LINE_PITCH


def set_lines(para: Para, width: float) -> int:
    """How many lines ``para`` takes as an office suite sets it in a box ``width`` wide: at the
    font's own widths, without the margin that sizing boxes keeps. For placing marks beside lines
    (the agenda's dots), where a row measured two lines and set on one would misplace the rest."""
    return len(para.lines(para.indent + (width - para.indent) / SAFETY))


def height(paras: list[Para] | tuple[Para, ...], width: float) -> float:
    return sum(p.height(width, first=n == 0) for n, p in enumerate(paras))


def fits(paras, width: float, box_height: float) -> bool:
    return height(paras, width) <= box_height


def split_para(para: Para, width: float, box_height: float) -> list[Para]:
    """Cut one paragraph that is taller than a box into pieces that fit, at line breaks."""
    lines = para.lines(width)
    per_box = max(1, int(box_height // (para.size * LINE_PITCH)))
    pieces = []
    for n in range(0, len(lines), per_box):
        chunk = " ".join(lines[n:n + per_box])
        pieces.append(replace(para, text=chunk, number=para.number if n == 0 else None,
                              level=para.level if n == 0 or para.level == 0 else para.level))
    return pieces


def paginate(groups: list[list[Para]], width: float, box_height: float) -> list[list[Para]]:
    """Pack groups of paragraphs (an item with its sub-items) into pages that each fit.

    A group stays together when it fits on a page; otherwise it is split paragraph by
    paragraph, and a single paragraph taller than a page is split by lines. Nothing is dropped.
    """
    pages: list[list[Para]] = [[]]
    for group in groups:
        if fits(pages[-1] + group, width, box_height):
            pages[-1].extend(group)
            continue
        if pages[-1] and fits(group, width, box_height):
            pages.append(list(group))
            continue
        for para in group:
            pieces = [para] if fits([para], width, box_height) else split_para(para, width, box_height)
            for piece in pieces:
                if not fits(pages[-1] + [piece], width, box_height):
                    pages.append([])
                pages[-1].append(piece)
    return [page for page in pages if page] or [[]]


def fit_title(text: str, width: float, sizes: tuple[float, ...], max_lines: int,
              face: str = "sans-bold") -> tuple[float, list[str]]:
    """Shrink within limits, then wrap: one line down to 80% of the largest size, two lines
    down to 66%, then as many lines as allowed at any of ``sizes``."""
    stages = [(1, sizes[0] * 0.8), (2, sizes[0] * 0.66)] + [(n, 0.0) for n in range(3, max_lines + 1)]
    for lines_allowed, floor in stages:
        if lines_allowed > max_lines:
            break
        for size in sizes:
            if size < floor:
                break
            lines = wrap(text, size, width * SAFETY, face)
            if len(lines) <= lines_allowed:
                return size, lines
    size = sizes[-1]
    return size, wrap(text, size, width * SAFETY, face)


def _stripped(page: list[Para]) -> list[Para]:
    """A page or column starts at its top: its first paragraph loses its space before."""
    return [replace(page[0], space_before=0.0)] + page[1:] if page else page


def _partition(groups: list[list[Para]], parts: int, width: float) -> list[list[Para]]:
    """``groups`` cut into ``parts`` runs of about equal height, in order; no run is empty."""
    heights = [height(g, width) for g in groups]
    total = sum(heights)
    runs: list[list[Para]] = [[]]
    done = 0.0
    for n, (group, h) in enumerate(zip(groups, heights, strict=True)):
        left = len(groups) - n
        need = parts - len(runs)  # runs still to open after this one
        if runs[-1] and need and (left <= need or done + h / 2 > total * len(runs) / parts):
            runs.append([])
        runs[-1].extend(group)
        done += h
    return runs


def balanced_pages(groups: list[list[Para]], width: float, box_height: float) -> list[list[Para]]:
    """Groups packed into as few pages as hold them, shared evenly between the pages, so no page
    is left with a lone item. A group taller than a page is shared by its paragraphs, and a
    paragraph taller than a page by its lines."""
    pieces = _pieces(groups, width, box_height)
    for parts in range(2, len(pieces) + 1):
        for runs in (_even_runs(pieces, parts, width, box_height), _partition(pieces, parts, width)):
            if runs is None:
                continue
            pages = [_joined(_stripped(p)) for p in runs]
            if all(fits(p, width, box_height) for p in pages):
                return pages
    return [_joined(_stripped(p)) for p in paginate(groups, width, box_height)]


def _even_runs(groups: list[list[Para]], parts: int, width: float, box_height: float) -> list[list[Para]] | None:
    """``groups`` cut into ``parts`` runs, in order, each fitting ``box_height``, as even as can be
    (the least sum of squared heights): a page forced full by one long item leaves the rest shared
    evenly rather than four items on one page and eight on the next. None when no cut fits."""
    n = len(groups)
    if parts > n or n > 400:
        return None
    heights = [height(g, width) for g in groups]
    prefix = [0.0]
    for h in heights:
        prefix.append(prefix[-1] + h)
    inf = float("inf")
    # best[k][i]: the least cost of the first i groups in k runs; cut[k][i]: where the last run starts
    best = [[inf] * (n + 1) for _ in range(parts + 1)]
    cut = [[0] * (n + 1) for _ in range(parts + 1)]
    best[0][0] = 0.0
    for k in range(1, parts + 1):
        for i in range(k, n - (parts - k) + 1):
            for j in range(k - 1, i):
                if best[k - 1][j] == inf:
                    continue
                run = prefix[i] - prefix[j]
                if run > box_height * 1.02:  # the sum slightly overstates: the first space goes
                    continue
                cost = best[k - 1][j] + run * run
                if cost < best[k][i]:
                    best[k][i], cut[k][i] = cost, j
    if best[parts][n] == inf:
        return None
    runs, i = [], n
    for k in range(parts, 0, -1):
        j = cut[k][i]
        runs.append([p for g in groups[j:i] for p in g])
        i = j
    return runs[::-1]


def _pieces(groups: list[list[Para]], width: float, box_height: float) -> list[list[Para]]:
    out = []
    for group in groups:
        if fits(_stripped(group), width, box_height):
            out.append(group)
            continue
        for para in group:  # by sentences where each fits a page, else by lines
            parts = _sentences(para.text)
            if len(parts) < 2 or not all(fits([replace(para, text=t, space_before=0.0)], width, box_height)
                                         for t in parts):
                parts = para.lines(width)
            out += [[replace(para, text=part, space_before=para.space_before if k == 0 else 0.0, continued=k > 0)]
                    for k, part in enumerate(parts)]
    return out


_SENTENCE_END = re.compile(r"[.!?…][”’\")]?(\s+)(?=[“‘\"(]?[A-Z0-9À-ÖØ-Þ])")


def _sentences(text: str) -> list[str]:
    """``text`` cut after each sentence, so a long paragraph continues on the next slide at the
    start of a sentence rather than in the middle of one."""
    parts, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        parts.append(text[start:match.start(1)])
        start = match.end(1)
    parts.append(text[start:])
    return [t for t in parts if t]


def _joined(page: list[Para]) -> list[Para]:
    """Lines of one paragraph that landed on the same page, joined back into it."""
    out: list[Para] = []
    for para in page:
        if para.continued and out:
            out[-1] = replace(out[-1], text=f"{out[-1].text} {para.text}")
        else:
            out.append(para)
    return out


def columns(groups: list[list[Para]], width: float, box_height: float, gutter: float,
            max_lines: int = 3, min_groups: int = 4) -> list[list[Para]] | None:
    """The groups in two balanced columns of ``width`` shared, or None when they do not fit, or
    when an item would need more than ``max_lines`` lines in a column (a column too narrow to read)."""
    if len(groups) < min_groups:
        return None
    column_w = (width - gutter) / 2
    if any(len(p.lines(column_w)) > max_lines for g in groups for p in g):
        return None
    cols = [_stripped(c) for c in _partition(groups, 2, column_w)]
    return cols if all(fits(c, column_w, box_height) for c in cols) else None
