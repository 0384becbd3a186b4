"""Drawing certificates: :class:`CertificatePainter` draws each page (the frame, the facts, the
signatures, the QR code, the approvals), and :func:`single_pdf` prints one issued certificate as a
PDF of its own (for ``workshop send``). Where things go is :mod:`workshop.certzones`; what is
printed comes from the ledger's records (:mod:`workshop.record.ledger`).
"""

from __future__ import annotations

import colorsys
import datetime as dt
import hashlib
import io
import re
from decimal import Decimal

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import PATH_OPS, Canvas

from workshop import model as m
from workshop import pdfdraw as d
from workshop.certfiles import LEDGER, design_of
from workshop.certzones import (
    APPROVAL_TOP,
    APPROVALS_ELSEWHERE,
    AWARD_LIFT,
    AWARD_Y,
    BACK_COLUMN,
    BACK_FLOOR,
    BACK_GAP,
    BACK_HEADING,
    BACK_LEADING,
    BACK_TITLE_Y,
    BACK_TOP,
    BACK_WHO_Y,
    BORDER,
    FOOTER_Y,
    INNER,
    LEFT,
    LOGO_ZONE,
    HAIRLINE_CONTRAST,
    NAME_LEADING,
    NAME_ONE_LINE_FLOOR,
    NAME_SIZES,
    NEUTRAL_RULE,
    NAME_ZONE,
    PAGE_H,
    PAGE_W,
    QR_CAPTION_SIZE,
    QR_SIDE,
    QR_X,
    QR_Y,
    RIGHT,
    RULE_CONTRAST,
    SEAL_ZONE,
    SIGN_IMAGE_H,
    SIGN_LEADING,
    SIGN_NAME_LEAD,
    SIGN_RULE,
    SIGN_RULE_W,
    TOP_CORNER_W,
    approval_floor,
    back_height,
    back_lines,
    front_lines,
    paragraph_depth,
    partial_note,
    qr_caption,
    sign_line_y,
    signature_lines,
    signature_sizes,
)
from workshop.colour import rule_ink, theme_ink
from workshop.i18n import hours_text, tr
from workshop.personnames import SUFFIXES, credentials_of
from workshop.qrcodes import QRCodes, rectangles
from workshop.record import ledger
from workshop.roster import Attendee
from workshop.schedule import date_text


def is_partial(earned: Decimal | None, full: Decimal | None) -> bool:
    """Partial attendance is fewer hours than the full award."""
    return earned is not None and full is not None and earned < full


def single_pdf(workshop: m.Workshop, agenda, when: dt.datetime, r: ledger.Record) -> bytes:
    """One issued certificate as a PDF of its own, printed from its record; refused when it would
    not print as issued (what every certificate prints changed since)."""
    from workshop.errors import InputError, Problem, Src

    if r.design and r.design != design_of(workshop, r.format == "live online"):
        raise InputError(Problem(Src(LEDGER), f"{r.certificate_id} ({r.name}) would not print as it was issued: "
                                              "what every certificate prints has changed since; build the kit with "
                                              "its roster to see the changes (and --reissue them)"))
    full = agenda.ce.awarded if agenda.ce else None
    painter = CertificatePainter(workshop, agenda, when, r.format == "live online")
    buffer = io.BytesIO()
    canvas = painter.canvas(buffer)
    attendee, earned = printed_from(r)
    painter.page(canvas, r.certificate_id, attendee, earned, is_partial(earned, full),
                 issued=dt.date.fromisoformat(r.issued))
    canvas.save()
    return buffer.getvalue()


def printed_from(r: ledger.Record) -> tuple[Attendee, Decimal | None]:
    return Attendee(0, r.name, r.email, r.license), (Decimal(r.hours) if r.hours else None)


def _page_stream_sha256(canvas: Canvas) -> str:
    """SHA-256 of the content stream reportlab is about to store for the current page (as a PDF
    reader sees it once decompressed), so anyone can check a page against the ledger."""
    parts = canvas._psCommandsBeforePage + [canvas._preamble] + canvas._code + [" "] + canvas._psCommandsAfterPage
    return hashlib.sha256(("\n".join(parts) + "\n").encode("latin-1")).hexdigest()


def _same_hue(a: str, b: str) -> bool:
    """Whether two colours ("RRGGBB") read as one hue on paper: hues within 25 degrees, both coloured."""
    (ha, _, sa), (hb, _, sb) = (colorsys.rgb_to_hls(*(int(c[k:k + 2], 16) / 255 for k in (0, 2, 4))) for c in (a, b))
    apart = abs(ha - hb) % 1.0
    return sa > 0.2 and sb > 0.2 and min(apart, 1 - apart) * 360 < 25


def _two_lines(name: str, size: float, width: float) -> list[str] | None:
    """``name`` on two lines of ``width`` at ``size``: its post-nominals on the second line when
    that fits, else broken at the space that makes the lines most even, never leaving a suffix
    ("III") or one credential alone on the second line. None when no break fits."""
    def fits(line: str) -> bool:
        return d.width(line, size, "serif") <= width

    base, credentials = credentials_of(name)
    if credentials and fits(base + ",") and fits(credentials):
        return [base + ",", credentials]
    words = name.split()
    best = None
    for k in range(1, len(words)):
        rest = words[k:]
        if len(rest) == 1 and (rest[0].casefold() in SUFFIXES or words[k - 1].endswith(",")):
            continue  # "III" or a single "CCS" alone on a line
        first, second = " ".join(words[:k]), " ".join(rest)
        if fits(first) and fits(second):
            spread = abs(d.width(first, size, "serif") - d.width(second, size, "serif"))
            if best is None or spread < best[0]:
                best = (spread, [first, second])
    return best[1] if best else None


#: The QR mask chosen for each shape of address (see :mod:`workshop.qrcodes`).
_QR_MASKS: dict[str, int] = {}
_QR = QRCodes(_QR_MASKS)


class CertificatePainter:
    """Draws certificates: what every page shares once, as PDF forms, and each attendee's own part.

    A certificate is one page, or two when the approval statements for its licence do not fit
    the front. Statements with ``for:`` differ between certificates, so they are not in the
    form every page shares: each distinct set of statements is drawn once, as its own form, the
    first time a certificate needs it, and placed on the pages of every certificate with that set.
    """

    def __init__(self, workshop: m.Workshop, agenda, when: dt.datetime, online: bool = False):
        self.w = workshop
        self.online = online  # ASWB ACE wants the format of a live online course on its certificates
        self.agenda = agenda
        self.when = when
        self.issued = when.date()
        # borders and rules in the theme's colours, darkened as far as they must be to show on white
        ink = theme_ink(workshop.theme)
        primary = rule_ink(workshop.theme.primary, ink, RULE_CONTRAST)
        # the inner frame and name rule are hairlines: deeper, and grey when the border is of the same hue
        accent = rule_ink(workshop.theme.accent, ink, HAIRLINE_CONTRAST)
        self.primary = HexColor("#" + primary)
        self.accent = HexColor("#" + (NEUTRAL_RULE if _same_hue(primary, accent) else accent))
        # text in the theme's print ink: its colour where that reads on paper, never a yellow gone olive
        self.ink = HexColor("#" + ink)
        self.has_ce = workshop.ce is not None
        self.unit = workshop.ce.unit if workshop.ce else m.CE.unit
        self._sets: dict[str, tuple[int, ...]] = {}  # licence -> the statements it prints (by position)
        self._layouts: dict[tuple[int, ...], tuple] = {}  # those statements -> where and how they print
        self.line_y = sign_line_y(workshop.presenters[:3], bool(workshop.ce and workshop.ce.verify_url))

    def canvas(self, buffer) -> Canvas:
        canvas = d.new_canvas(buffer, (PAGE_W, PAGE_H), tr(self.w.language, "Certificates: {title}", title=self.w.title),
                              self.w.ce.provider if self.w.ce and self.w.ce.provider else "workshop", self.when)
        self.form(canvas)
        return canvas

    def frame(self, canvas: Canvas) -> None:
        """Border, logo, seal and provider: the same on both pages of a certificate."""
        w = self.w
        canvas.setStrokeColor(self.primary)
        canvas.setLineWidth(5)
        canvas.rect(BORDER, BORDER, PAGE_W - 2 * BORDER, PAGE_H - 2 * BORDER)
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(1.2)
        canvas.rect(INNER, INNER, PAGE_W - 2 * INNER, PAGE_H - 2 * INNER)
        if w.theme.logo:
            self.image(canvas, w.theme.logo, *LOGO_ZONE)
        seal = w.ce.seal if w.ce else None
        if seal:
            self.image(canvas, seal, *SEAL_ZONE, centre=True)
        if w.ce and w.ce.provider:
            canvas.setFillColor(self.ink)
            size, lines = d.fit_lines(w.ce.provider, "sans-bold", self.between, (18.0, 16.0, 14.0, 12.0), 2)
            for k, line in enumerate(lines):
                d.draw(canvas, PAGE_W / 2, PAGE_H - 88 - k * size * 1.15, line, size, "sans-bold", "centre")

    @property
    def between(self) -> float:
        """The width left between the corner images for the provider's name and the heading."""
        return RIGHT - LEFT - 2 * (TOP_CORNER_W + 10)

    def heading(self, canvas: Canvas, text: str) -> None:
        seal = self.w.ce.seal if self.w.ce else None
        canvas.setFillColor(self.ink)
        size, _ = d.fit_lines(text, "serif-bold", self.between if self.w.theme.logo or seal else RIGHT - LEFT,
                              (34.0, 32.0, 30.0, 28.0), 1)
        d.draw(canvas, PAGE_W / 2, PAGE_H - 134, text, size, "serif-bold", "centre")

    def form(self, canvas: Canvas) -> None:
        """The part of every front page that does not change from attendee to attendee."""
        w = self.w
        canvas.beginForm("certificate")
        self.frame(canvas)
        centre = PAGE_W / 2
        lang = w.language
        self.heading(canvas, tr(lang, "Certificate of Completion") if self.has_ce else tr(lang, "Certificate of Attendance"))
        canvas.setFillColor(d.INK)
        d.draw(canvas, centre, PAGE_H - 166, tr(lang, "This certifies that"), 14, "serif-italic", "centre")
        d.draw(canvas, centre, 320, tr(lang, "has completed") if self.has_ce else tr(lang, "attended"), 14, "serif-italic", "centre")
        size, lines = d.fit_lines(w.title, "serif-bold", RIGHT - LEFT - 40, (24.0, 22.0, 20.0, 18.0, 16.0, 14.0), 3)
        y = 298 - size * 0.8
        for line in lines:
            d.draw(canvas, centre, y, line, size, "serif-bold", "centre")
            y -= size * 1.2
        canvas.setFillColor(d.MUTED)
        d.draw(canvas, centre, y - 2, self.facts(), 12, "sans", "centre")
        self.signatures(canvas)
        canvas.endForm()

    def facts(self) -> str:
        """Date, place and format: "March 14, 2026 · Denver, CO"."""
        w = self.w
        # the format statement takes the place of a location that only says the session was online
        place = "" if self.online and re.search(r"online|virtual|webinar", w.location, re.I) else w.location
        return " · ".join(x for x in (date_text(w.date, w.date_style, "short", w.language), place,
                                      tr(w.language, "Live interactive webinar") if self.online else "") if x)

    # -- approval statements ----------------------------------------------------------------

    def statements(self, attendee: Attendee) -> tuple[int, ...]:
        """Positions in ``ce.approvals`` of the statements this attendee's certificate prints."""
        licence = attendee.license
        if licence not in self._sets:
            approvals = self.w.ce.approvals if self.w.ce else ()
            self._sets[licence] = tuple(k for k, a in enumerate(approvals) if a.applies_to(licence))
        return self._sets[licence]

    def layout(self, chosen: tuple[int, ...]) -> tuple:
        """Where ``chosen`` statements print: ("front", size, lines), ("back", size, paragraphs),
        or ("none",). Statements too long even for a second page are refused before a build
        (checks.approval_problems); here they would be a bug, never a cut."""
        if chosen not in self._layouts:
            texts = tuple(self.w.ce.approvals[k].statement for k in chosen)
            if not texts:
                self._layouts[chosen] = ("none",)
            elif front := front_lines(texts, approval_floor(self.line_y)):
                self._layouts[chosen] = ("front", *front)
            else:
                size, paragraphs = back_lines(texts)
                if paragraphs is None:
                    raise ValueError("approval statements longer than a certificate's second page")
                self._layouts[chosen] = ("back", size, paragraphs)
        return self._layouts[chosen]

    def pages(self, attendee: Attendee) -> int:
        """How many pages this attendee's certificate takes: 2 when its approval statements go
        to a second page, else 1."""
        return 2 if self.layout(self.statements(attendee))[0] == "back" else 1

    def approval_form(self, canvas: Canvas, chosen: tuple[int, ...]) -> str:
        """The name of the form holding ``chosen`` statements as this page shows them (on the front,
        or the front's pointer to the second page), drawn into ``canvas`` the first time."""
        name = "approvals-" + "-".join(map(str, chosen))
        if not canvas.hasForm(name):
            kind, *how = self.layout(chosen)
            canvas.beginForm(name)
            centre = PAGE_W / 2
            if kind == "front":
                size, lines = how
                canvas.setFillColor(d.INK)
                for k, line in enumerate(lines):
                    d.draw(canvas, centre, APPROVAL_TOP - k * size * 1.25, line, size, "sans", "centre")
            else:
                canvas.setFillColor(d.MUTED)
                d.draw(canvas, centre, APPROVAL_TOP - 8, tr(self.w.language, APPROVALS_ELSEWHERE), 12, "serif-italic", "centre")
            canvas.endForm()
        return name

    def back_form(self, canvas: Canvas, chosen: tuple[int, ...]) -> str:
        """The name of the form holding a second page's shared part and ``chosen`` statements."""
        name = "approvals-back-" + "-".join(map(str, chosen))
        if canvas.hasForm(name):
            return name
        _, size, paragraphs = self.layout(chosen)
        canvas.beginForm(name)
        self.frame(canvas)
        self.heading(canvas, tr(self.w.language, BACK_HEADING))
        centre = PAGE_W / 2
        canvas.setFillColor(d.INK)
        title_size, lines = d.fit_lines(self.w.title, "serif-italic", RIGHT - LEFT - 40, (14.0, 13.0, 12.0), 2)
        y = BACK_TITLE_Y
        for line in lines:
            d.draw(canvas, centre, y, line, title_size, "serif-italic", "centre")
            y -= title_size * 1.2
        canvas.setFillColor(d.MUTED)
        d.draw(canvas, centre, y - 2, self.facts(), 11, "sans", "centre")
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(0.8)
        canvas.line(centre - 60, y - 20, centre + 60, y - 20)
        # a short list of statements sits a little below the band's top, a long one fills it
        height = back_height(size, paragraphs)
        top = BACK_TOP - min(BACK_TOP - BACK_FLOOR - height, 40) / 2
        x = (PAGE_W - BACK_COLUMN) / 2
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(2)
        canvas.setFillColor(d.INK)
        for paragraph in paragraphs:
            depth = paragraph_depth(size, paragraph)
            canvas.line(x - 12, top, x - 12, top - depth)
            for k, line in enumerate(paragraph):
                d.draw(canvas, x, top - size * 0.8 - k * size * BACK_LEADING, line, size, "sans", "left")
            top -= depth + size * BACK_GAP
        canvas.endForm()
        return name

    @staticmethod
    def image(canvas: Canvas, path, x: float, y: float, width: float, height: float, centre: bool = False) -> None:
        """An image scaled to fit the box at (x, y), never stretched."""
        image = ImageReader(str(path))
        iw, ih = image.getSize()
        scale = min(width / iw, height / ih)
        left = x + (width - iw * scale) / 2 if centre else x
        canvas.drawImage(image, left, y, iw * scale, ih * scale, mask="auto")

    def signatures(self, canvas: Canvas) -> None:
        """A signature line per presenter (three at most) spread across the bottom band: the name
        under it and the credentials under the name, each wrapped, never cut, at 9 pt or more.
        Every block sets its name at one size and its credentials at one size, the largest at
        which all of them fit, so the row reads as one."""
        people = self.w.presenters[:3]
        qr = bool(self.w.ce and self.w.ce.verify_url)
        lines = signature_lines(len(people), qr)
        width = min((x1 - x0 for x0, x1 in lines), default=0)
        name_size, cred_size = signature_sizes(people, width)
        for person, (x0, x1) in zip(people, lines, strict=True):
            middle = (x0 + x1) / 2
            if person.signature:
                self.image(canvas, person.signature, x0, self.line_y + 3, x1 - x0, SIGN_IMAGE_H, centre=True)
            canvas.setStrokeColor(SIGN_RULE)
            canvas.setLineWidth(SIGN_RULE_W)
            canvas.line(x0, self.line_y, x1, self.line_y)
            canvas.setFillColor(d.INK)
            y = self.line_y - SIGN_NAME_LEAD
            for text, face, size in ((person.name, "sans-bold", name_size), (person.credentials, "sans", cred_size)):
                if not text:
                    continue
                for line in d.wrap(text, face, size, x1 - x0):
                    d.draw(canvas, middle, y, line, size, face, "centre")
                    y -= size * SIGN_LEADING
                canvas.setFillColor(d.MUTED)

    def page(self, canvas: Canvas, cid: str, attendee: Attendee, earned: Decimal | None, partial: bool,
             issued: dt.date | None = None) -> str:
        """Draw one attendee's certificate: its front and, when its approval statements continue
        there (:meth:`pages`), its second page. ``issued`` is the record's date of issue (the
        build's date when not given). Returns the SHA-256 of the front's content stream for a
        one-page certificate, and for a two-page one the SHA-256 of the two pages' hex digests
        written one after the other (front first)."""
        chosen = self.statements(attendee)
        two = self.pages(attendee) == 2
        issued = issued or self.issued
        canvas.doForm("certificate")
        if chosen:
            canvas.doForm(self.approval_form(canvas, chosen))
        centre = PAGE_W / 2
        canvas.setFillColor(d.INK)
        size, lines = self.name_lines(attendee.name)
        bottom, top = NAME_ZONE
        block = size * 1.15 + (len(lines) - 1) * size * NAME_LEADING
        first = bottom + (top - bottom + block) / 2 - size * 0.95
        widest = 0.0
        for k, line in enumerate(lines):
            widest = max(widest, d.draw(canvas, centre, first - k * size * NAME_LEADING, line, size, "serif", "centre"))
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(0.8)
        half = min(max(230, widest / 2 + 12), (RIGHT - LEFT) / 2)  # the rule reaches past the name
        canvas.line(centre - half, bottom - 4, centre + half, bottom - 4)
        if attendee.license:
            canvas.setFillColor(d.MUTED)
            d.draw(canvas, centre, bottom - 22, tr(self.w.language, "License: {licence}", licence=attendee.license), 12, "sans", "centre")
        if earned is not None:
            canvas.setFillColor(self.ink)
            self.award(canvas, earned, partial)
        canvas.setFillColor(d.MUTED)
        d.draw(canvas, centre, FOOTER_Y, self.footer(cid, issued, 1 if two else 0), 9, "sans", "centre")
        if self.w.ce and self.w.ce.verify_url:
            url = self.w.ce.verify_url.replace("{id}", cid)
            self.qr(canvas, url)
            canvas.setFillColor(d.MUTED)
            middle = QR_X + QR_SIDE / 2
            for k, line in enumerate(qr_caption(url, self.w.language)):
                d.draw(canvas, middle, QR_Y - 10 - k * (QR_CAPTION_SIZE + 1.5), line, QR_CAPTION_SIZE, "sans",
                       "centre")
        digest = _page_stream_sha256(canvas)
        canvas.showPage()
        if not two:
            return digest
        back = self.back(canvas, cid, attendee, chosen, issued)
        return hashlib.sha256((digest + back).encode("ascii")).hexdigest()

    def back(self, canvas: Canvas, cid: str, attendee: Attendee, chosen: tuple[int, ...], issued: dt.date) -> str:
        """The second page: the shared part and the statements (a form), then whose certificate it
        continues, so a page that comes loose is matched to its front. Returns its digest."""
        canvas.doForm(self.back_form(canvas, chosen))
        centre = PAGE_W / 2
        canvas.setFillColor(d.INK)
        size, lines = d.fit_lines(tr(self.w.language, "Certificate of {name}", name=attendee.name), "serif", RIGHT - LEFT - 40,
                                  (16.0, 15.0, 14.0, 13.0, 12.0, 11.0, 10.0, 9.0), 2)
        for k, line in enumerate(lines):
            d.draw(canvas, centre, BACK_WHO_Y + (len(lines) - 1 - 2 * k) * size * 0.575, line, size, "serif", "centre")
        canvas.setFillColor(d.MUTED)
        d.draw(canvas, centre, FOOTER_Y, self.footer(cid, issued, 2), 9, "sans", "centre")
        digest = _page_stream_sha256(canvas)
        canvas.showPage()
        return digest

    def footer(self, cid: str, issued: dt.date, page: int) -> str:
        """The line at the foot of a page: "Certificate ID ... · Issued ...", and "· page 1 of 2"
        on a certificate of two pages (``page`` 0 for one of one page)."""
        lang = self.w.language
        text = tr(lang, "Certificate ID {id} · Issued {date}", id=cid,
                  date=date_text(issued, self.w.date_style, "short", lang))
        return text + (" · " + tr(lang, "page {page} of {pages}", page=page, pages=2) if page else "")

    def award(self, canvas: Canvas, earned: Decimal, partial: bool) -> None:
        """The hours awarded, large; for partial attendance followed on the same line, smaller,
        by what a board reads there: that they were awarded for partial attendance, and of what."""
        lang = self.w.language
        main = f"{hours_text(earned, lang)} {self.unit}"
        if not partial:
            d.draw(canvas, PAGE_W / 2, AWARD_Y, main, 18, "serif-bold", "centre")
            return
        note = partial_note(self.agenda.ce.awarded, self.unit, lang)
        gap = 6  # a word space at 18 pt
        main_w = d.width(main, 18, "serif-bold") + gap
        room = RIGHT - LEFT - 20
        size = next((s for s in (13.0, 12.0, 11.0, 10.0) if main_w + d.width(note, s, "serif-italic") <= room), None)
        if size is None:  # a language's longer words: the note on a line of its own under the hours, whole
            d.draw(canvas, PAGE_W / 2, AWARD_Y + AWARD_LIFT, main, 18, "serif-bold", "centre")
            size = next((s for s in (13.0, 12.0, 11.0, 10.0, 9.0) if d.width(note, s, "serif-italic") <= room), 9.0)
            canvas.setFillColor(d.INK)
            for k, line in enumerate(d.wrap(note, "serif-italic", size, room)):
                d.draw(canvas, PAGE_W / 2, AWARD_Y - k * size * 1.15, line, size, "serif-italic", "centre")
            return
        x = PAGE_W / 2 - (main_w + d.width(note, size, "serif-italic")) / 2
        x += d.draw(canvas, x, AWARD_Y, main, 18, "serif-bold", "left") + gap
        canvas.setFillColor(d.INK)
        d.draw(canvas, x, AWARD_Y, note, size, "serif-italic", "left")

    @staticmethod
    def name_lines(name: str) -> tuple[float, list[str]]:
        """The name on one line at the largest size that fits, down to ``NAME_ONE_LINE_FLOOR``; a
        longer name on two lines at the largest size whose two lines fit the zone (28 pt), broken
        where a reader expects: before its post-nominals ("..., PhD, RN"), else where the lines
        are most even, never before a suffix ("III", "Jr.") or a single credential."""
        bottom, top = NAME_ZONE
        width = RIGHT - LEFT - 40
        for size in NAME_SIZES:
            if size >= NAME_ONE_LINE_FLOOR and d.width(name, size, "serif") <= width:
                return size, [name]
        for size in NAME_SIZES:
            if size * 1.15 + size * NAME_LEADING > top - bottom + 2:  # 28 pt: its letters clear the rule under it
                continue
            lines = _two_lines(name, size, width)
            if lines:
                return size, lines
        for size in NAME_SIZES:  # a name too long for two lines at any size: as many as it needs
            lines = d.wrap(name, "serif", size, width)
            if size * 1.15 + (len(lines) - 1) * size * NAME_LEADING <= top - bottom:
                return size, lines
        return NAME_SIZES[-1], d.wrap(name, "serif", NAME_SIZES[-1], width)

    @staticmethod
    def qr(canvas: Canvas, url: str) -> None:
        """The QR code (error correction M, the mask chosen by the standard's penalty rule), its
        dark modules drawn as filled rectangles, one per run along a row, inside a quiet zone of
        four modules. segno encodes it (:mod:`workshop.qrcodes`): reportlab's own encoder took
        about 0.1 s a certificate."""
        width, modules = _QR.modules(url)
        quiet = 4
        unit = QR_SIDE / (width + 2 * quiet)
        canvas.saveState()
        canvas.translate(QR_X, QR_Y)
        canvas.scale(unit, unit)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.addLiteral(rectangles(width, modules, quiet, PATH_OPS[0, 1, canvas._fillMode]))
        canvas.restoreState()

    def empty(self, canvas: Canvas) -> None:
        canvas.setFillColor(d.INK)
        d.draw(canvas, PAGE_W / 2, PAGE_H / 2, tr(self.w.language, "No attendee on the roster is due a certificate."), 16, "sans",
               "centre")
        canvas.showPage()
