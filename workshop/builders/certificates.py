"""certificates.pdf and certificates.csv: one landscape page per issued certificate, and the ledger.

What is printed comes from the record (:mod:`workshop.record`): the ledger's valid records, in
the order they were issued, each with the name, licence, hours and date of issue it was issued
with. The drawing that is the same on every page (border, headings, workshop facts, signatures)
is drawn once as a PDF form and placed on each page, so large batches stay fast and small.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from workshop import model as m
from workshop import pdfdraw as d
from workshop.colour import readable
from workshop.builders.context import BuildContext
from workshop.record import evidence, ledger
from workshop.record.ledger import neutralise
from workshop.roster import Attendee
from workshop.schedule import date_text, hours

FILENAME = "certificates.pdf"
LEDGER = ledger.FILENAME
SPLIT_DIR = "certificates"
ATTENDANCE = "attendance.csv"
PAGE_W, PAGE_H = landscape(letter)
NAME_SIZES = (48.0, 44.0, 40.0, 36.0, 32.0, 28.0, 26.0, 24.0, 22.0, 20.0, 18.0, 16.0, 14.0, 13.0, 12.0)
#: Raised whenever the certificate's layout changes, so that a kit's issued certificates are not
#: printed anew in another layout without a word (see :func:`design`).
LAYOUT = "2"
#: attendance.csv: one row per person in the evidence, with every figure the decision used.
ATTENDANCE_COLUMNS = ["name", "email", "license", "matched", "rows", "joined", "left", "instructional_minutes",
                      "minutes_present", "minutes_missed", "score", "hours", "certificate", "certificate_id", "reason"]


def _partial(earned: Decimal | None, full: Decimal | None) -> bool:
    """Partial attendance is fewer hours than the full award."""
    return earned is not None and full is not None and earned < full


def safe_filename(text: str) -> str:
    """ASCII letters, digits and dashes only: safe on every file system and in every mail client."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:40]


def _file_digest(path: Path | None) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path and Path(path).is_file() else ""


def design(ctx: BuildContext) -> str:
    """A fingerprint of everything every certificate of this workshop prints alike, so that a build
    that would print issued certificates differently says so (the ledger keeps it per version)."""
    return design_of(ctx.workshop, bool(ctx.attendance and ctx.attendance.online))


def design_of(w: m.Workshop, online: bool) -> str:
    ce = w.ce
    parts = [LAYOUT, w.location, w.date_style, online,
             w.theme.primary, w.theme.accent, _file_digest(w.theme.logo)]
    if ce is not None:
        parts += [ce.provider, ce.approval, repr(getattr(ce, "approvals", ())), ce.unit, ce.verify_url,
                  _file_digest(ce.seal)]
    parts += [(p.name, p.credentials, _file_digest(p.signature)) for p in w.presenters[:3]]
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]


def build(ctx: BuildContext) -> tuple[list[Path], list[str]]:
    """The print file, the ledger, attendance.csv and the new evidence, from the planned record."""
    plan = ctx.plan
    if plan is None:
        return [], []
    workshop, agenda = ctx.workshop, ctx.agenda
    d.require_faces("serif", "serif-bold", "serif-italic", "sans")
    full = agenda.ce.awarded if agenda.ce else None
    valid = [r for r in plan.records if r.valid]
    step = ctx.progress("certificates", len(valid)) if ctx.progress and len(valid) > 200 else None
    online = any(r.format == "live online" for r in valid)
    painter = _Certificate(workshop, agenda, ctx.when, online)
    buffer = io.BytesIO()
    canvas = painter.canvas(buffer)
    printed: dict[str, tuple[int, str]] = {}
    page = 1
    for n, r in enumerate(valid, 1):
        attendee, earned = _printed(r)
        digest = painter.page(canvas, r.certificate_id, attendee, earned, _partial(earned, full),
                              issued=dt.date.fromisoformat(r.issued))
        printed[r.certificate_id] = (page, digest)
        page += getattr(painter, "pages", lambda a: 1)(attendee)
        if step and n % 100 == 0:
            step(100)
    if not valid:
        painter.empty(canvas)
    canvas.save()
    path = ctx.out_dir / FILENAME
    path.write_bytes(buffer.getvalue())
    files = [path]
    singles: dict[str, tuple[str, str]] = {}
    if ctx.split and valid:
        singles = _split(painter, ctx.out_dir / SPLIT_DIR, valid, full)
        files += [ctx.out_dir / SPLIT_DIR / name.split("/", 1)[1] for name, _ in singles.values()]
    records = []
    for r in plan.records:
        if r.valid:
            number, digest = printed[r.certificate_id]
            fresh = r.certificate_id in plan.new or not r.page_sha256
            file, file_sha = singles.get(r.certificate_id, (r.file, r.file_sha256))
            reprints = [x for x in r.reprints.split("; ") if x]
            if not fresh and digest != r.page_sha256 and digest not in reprints:
                reprints.append(digest)  # the same certificate on another page of a new print file
            r = dataclasses.replace(r, page=str(number), page_sha256=digest if fresh else r.page_sha256,
                                    file=file, file_sha256=file_sha if fresh or not r.file_sha256 else r.file_sha256,
                                    reprints="; ".join(reprints))
        records.append(r)
    files.append(ledger.write(ctx.out_dir / LEDGER, records))
    if ctx.decisions:  # a revoke changes the ledger, not the decisions
        files.append(_attendance(ctx.out_dir / ATTENDANCE, ctx, records))
    if plan.new:  # what the new versions were decided from; unchanged records have theirs already
        kit = ctx.out_dir.parent  # the build writes into a staging folder inside the kit
        files += evidence.write(kit, ctx.out_dir, list(ctx.evidence), records[-1].issued)
    return files, []


def single_pdf(workshop: m.Workshop, agenda, when: dt.datetime, r: ledger.Record) -> bytes:
    """One issued certificate as a PDF of its own, printed from its record; refused when it would
    not print as issued (what every certificate prints changed since)."""
    from workshop.errors import InputError, Problem, Src

    if r.design and r.design != design_of(workshop, r.format == "live online"):
        raise InputError(Problem(Src(LEDGER), f"{r.certificate_id} ({r.name}) would not print as it was issued: "
                                              "what every certificate prints has changed since; build the kit with "
                                              "its roster to see the changes (and --reissue them)"))
    full = agenda.ce.awarded if agenda.ce else None
    painter = _Certificate(workshop, agenda, when, r.format == "live online")
    buffer = io.BytesIO()
    canvas = painter.canvas(buffer)
    attendee, earned = _printed(r)
    painter.page(canvas, r.certificate_id, attendee, earned, _partial(earned, full),
                 issued=dt.date.fromisoformat(r.issued))
    canvas.save()
    return buffer.getvalue()


def _printed(r: ledger.Record) -> tuple[Attendee, Decimal | None]:
    return Attendee(0, r.name, r.email, r.license), (Decimal(r.hours) if r.hours else None)


def _split(painter: "_Certificate", folder: Path, valid: list[ledger.Record],
           full: Decimal | None) -> dict[str, tuple[str, str]]:
    """One PDF per valid certificate: id -> (its path in the kit, its SHA-256)."""
    folder.mkdir()
    out = {}
    for r in valid:
        attendee, earned = _printed(r)
        name = f"{r.certificate_id}-{safe_filename(r.name) or 'attendee'}.pdf"
        buffer = io.BytesIO()
        canvas = painter.canvas(buffer)
        painter.page(canvas, r.certificate_id, attendee, earned, _partial(earned, full),
                     issued=dt.date.fromisoformat(r.issued))
        canvas.save()
        data = buffer.getvalue()
        (folder / name).write_bytes(data)
        out[r.certificate_id] = (f"{SPLIT_DIR}/{name}", hashlib.sha256(data).hexdigest())
    return out


def _attendance(path: Path, ctx: BuildContext, records: list[ledger.Record]) -> Path:
    """attendance.csv: every decision, with the certificate it gave (UTF-8 with a byte-order mark)."""
    from workshop.record.plan import wanted

    ids = {r.person: r.certificate_id for r in records if r.valid}
    keys = [w.person for w in wanted(ctx)]
    instructional = str(ctx.agenda.instructional_minutes)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(ATTENDANCE_COLUMNS)
    people = iter(keys)
    for x in ctx.decisions:
        key = next(people) if x.how != "staff" else ""
        a = x.attendee
        score = ""
        if a is not None and a.score is not None:
            from workshop.quiz.score import shown

            score = shown(a.score)
        row = [x.name, x.email, x.license, x.how, x.where, f"{x.joined:%H:%M:%S}" if x.joined else "",
               f"{x.left:%H:%M:%S}" if x.left else "", instructional if x.present is not None else "",
               "" if x.present is None else str(x.present), "" if x.missed is None else str(x.missed), score,
               hours(x.hours) if x.hours is not None and x.certified else "", "yes" if x.certified else "no",
               ids.get(key, "") if x.certified else "", x.reason]
        writer.writerow([neutralise(cell) for cell in row])
    path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    return path


def _page_stream_sha256(canvas: Canvas) -> str:
    """SHA-256 of the content stream reportlab is about to store for the current page (as a PDF
    reader sees it once decompressed), so anyone can check a page against the ledger."""
    parts = canvas._psCommandsBeforePage + [canvas._preamble] + canvas._code + [" "] + canvas._psCommandsAfterPage
    return hashlib.sha256(("\n".join(parts) + "\n").encode("latin-1")).hexdigest()


#: Print zones, in points from the bottom-left corner. Office printers clip about 0.25 in, so the
#: border sits half an inch in and every word inside the inner rule.
BORDER = 40
INNER = 50
LEFT, RIGHT = 72, PAGE_W - 72
NAME_ZONE = (370, 434)  # bottom and top of the attendee's name
#: The bottom band: the presenters' signature blocks spread evenly across the width, centred on the
#: page, above a footer line with the certificate id and date of issue. With a verification URL the
#: QR code and its caption take the lower-right corner, and as much is kept free at the left so the
#: signatures stay centred; neither is ever drawn over the other.
SIGN_LINE_Y = 113
SIGN_IMAGE_H = 30  # a presenter's signature image sits in this height above their line
SIGN_GAP = 14  # between two signature lines
SIGN_LINE_MAX = 210
#: Names and credentials under the signature lines print at these sizes, never smaller.
SIGN_NAME_SIZES = (10.5, 10.0, 9.5, 9.0)
SIGN_CREDENTIAL_SIZES = (9.5, 9.0)
#: A signature line at least 3:1 against the paper, 0.75 pt thick: it reads as a place to sign.
SIGN_RULE = HexColor("#5F6770")
SIGN_RULE_W = 0.75
FOOTER_Y = 56  # baseline of the "Certificate ID ... · Issued ..." line, inside the inner rule
QR_SIDE = 56
CORNER_W = 76  # the QR code's corner: the code centred over its two-line caption
QR_X = PAGE_W - 72 - CORNER_W + (CORNER_W - QR_SIDE) / 2
QR_Y = 76
QR_CAPTION = "Scan to verify"
QR_CAPTION_SIZE = 8.0
#: Rules and borders in the theme's colours are darkened until they reach this contrast on white.
RULE_CONTRAST = 3.0
#: The upper corners hold the logo (left) and the seal (right), (x, y, width, height); the
#: provider's name and the heading are set between them.
TOP_CORNER_W = 110
LOGO_ZONE = (LEFT, PAGE_H - 128, TOP_CORNER_W, 56)
SEAL_ZONE = (RIGHT - 88, PAGE_H - 148, 88, 88)
#: The approval statement is set between the hours and the tops of the signature images and QR code.
APPROVAL_TOP = 180
APPROVAL_FLOOR = max(SIGN_LINE_Y + 3 + SIGN_IMAGE_H, QR_Y + QR_SIDE) + 5


def signature_lines(count: int, qr: bool) -> list[tuple[float, float]]:
    """The left and right ends of ``count`` signature lines: equal slots across the width between
    the inner margins (less the QR corner and its mirror when there is a QR code), each line
    centred in its slot, so the group is centred on the page."""
    reserve = CORNER_W + SIGN_GAP if qr else 0
    band = RIGHT - LEFT - 2 * reserve
    slot = band / max(count, 1)
    line_w = min(slot - SIGN_GAP, SIGN_LINE_MAX)
    first = LEFT + reserve
    return [(first + k * slot + (slot - line_w) / 2, first + k * slot + (slot + line_w) / 2) for k in range(count)]


def qr_caption(url: str) -> list[str]:
    """The lines under the QR code: what it is for, then the site it leads to (its host), so a
    reader without a phone can type it; a host too long for the corner is shortened."""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.I).split("/")[0].split("?")[0]
    host = host.split("@")[-1]
    lines = [QR_CAPTION]
    if host:
        lines.append(_shortened(host, CORNER_W + 10))
    return lines


def _shortened(text: str, room: float) -> str:
    """``text`` whole if it fits ``room`` at the caption's size, else cut (it has no words to cut
    at) and ended with an ellipsis."""
    if d.width(text, QR_CAPTION_SIZE, "sans") <= room:
        return text
    while len(text) > 1 and d.width(text + "…", QR_CAPTION_SIZE, "sans") > room:
        text = text[:-1]
    return text.rstrip(".-") + "…"


def fits_approval(text: str) -> bool:
    """True if the approval statement fits between the hours and the signatures at 8 pt or more."""
    size, lines = _Certificate.approval_lines(text)
    return _approval_bottom(size, lines) >= APPROVAL_FLOOR


def _approval_bottom(size: float, lines: list[str]) -> float:
    return APPROVAL_TOP - (len(lines) - 1) * size * 1.25 - size * 0.3


class _Certificate:
    def __init__(self, workshop: m.Workshop, agenda, when: dt.datetime, online: bool = False):
        self.w = workshop
        self.online = online  # ASWB ACE wants the format of a live online course on its certificates
        self.agenda = agenda
        self.when = when
        self.issued = when.date()
        # borders and rules in the theme's colours, darkened as far as they must be to show on white
        self.primary = HexColor("#" + readable(workshop.theme.primary, ratio=RULE_CONTRAST))
        self.accent = HexColor("#" + readable(workshop.theme.accent, ratio=RULE_CONTRAST))
        # text in the theme's colour, darkened as far as it must be to read on white
        self.ink = HexColor("#" + readable(workshop.theme.primary))
        self.has_ce = workshop.ce is not None
        self.unit = workshop.ce.unit if workshop.ce else m.CE.unit

    def canvas(self, buffer) -> Canvas:
        canvas = d.new_canvas(buffer, (PAGE_W, PAGE_H), f"Certificates: {self.w.title}",
                              self.w.ce.provider if self.w.ce and self.w.ce.provider else "workshop", self.when)
        self.form(canvas)
        return canvas

    def form(self, canvas: Canvas) -> None:
        """The part of every page that does not change from attendee to attendee."""
        w = self.w
        canvas.beginForm("certificate")
        canvas.setStrokeColor(self.primary)
        canvas.setLineWidth(5)
        canvas.rect(BORDER, BORDER, PAGE_W - 2 * BORDER, PAGE_H - 2 * BORDER)
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(1.2)
        canvas.rect(INNER, INNER, PAGE_W - 2 * INNER, PAGE_H - 2 * INNER)
        centre = PAGE_W / 2
        if w.theme.logo:
            self.image(canvas, w.theme.logo, *LOGO_ZONE)
        seal = w.ce.seal if w.ce else None
        if seal:
            self.image(canvas, seal, *SEAL_ZONE, centre=True)
        between = RIGHT - LEFT - 2 * (TOP_CORNER_W + 10)  # the width left between the corner images
        if w.ce and w.ce.provider:
            canvas.setFillColor(self.ink)
            size, lines = d.fit_lines(w.ce.provider, "sans-bold", between, (18.0, 16.0, 14.0, 12.0), 2)
            for k, line in enumerate(lines):
                d.draw(canvas, centre, PAGE_H - 88 - k * size * 1.15, line, size, "sans-bold", "centre")
        canvas.setFillColor(self.ink)
        heading = "Certificate of Completion" if self.has_ce else "Certificate of Attendance"
        size, _ = d.fit_lines(heading, "serif-bold", between if w.theme.logo or seal else RIGHT - LEFT,
                              (34.0, 32.0, 30.0, 28.0), 1)
        d.draw(canvas, centre, PAGE_H - 134, heading, size, "serif-bold", "centre")
        canvas.setFillColor(d.INK)
        d.draw(canvas, centre, PAGE_H - 166, "This certifies that", 14, "serif-italic", "centre")
        d.draw(canvas, centre, 320, "has completed" if self.has_ce else "attended", 14, "serif-italic", "centre")
        size, lines = d.fit_lines(w.title, "serif-bold", RIGHT - LEFT - 40, (24.0, 22.0, 20.0, 18.0, 16.0, 14.0), 3)
        y = 298 - size * 0.8
        for line in lines:
            d.draw(canvas, centre, y, line, size, "serif-bold", "centre")
            y -= size * 1.2
        # the format statement takes the place of a location that only says the session was online
        place = "" if self.online and re.search(r"online|virtual|webinar", w.location, re.I) else w.location
        facts = " · ".join(x for x in (date_text(w.date, w.date_style, "short"), place,
                                       "Live interactive webinar" if self.online else "") if x)
        canvas.setFillColor(d.MUTED)
        d.draw(canvas, centre, y - 2, facts, 12, "sans", "centre")
        if w.ce and w.ce.approval:
            canvas.setFillColor(d.INK)
            size, lines = self.approval_lines(w.ce.approval)
            for k, line in enumerate(lines):
                d.draw(canvas, centre, APPROVAL_TOP - k * size * 1.25, line, size, "sans", "centre")
        self.signatures(canvas)
        canvas.endForm()

    @staticmethod
    def approval_lines(text: str) -> tuple[float, list[str]]:
        """The board's approval statement at the largest size (12 pt down to 8) at which it fits
        between the hours and the signature images; never cut (the loader limits its length)."""
        width = RIGHT - LEFT - 20
        sizes = (12.0, 11.0, 10.0, 9.0, 8.0)
        for size in sizes:
            lines = d.wrap(text, "sans", size, width)
            if _approval_bottom(size, lines) >= APPROVAL_FLOOR:
                return size, lines
        return sizes[-1], d.wrap(text, "sans", sizes[-1], width)

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
        under it and the credentials under the name, each wrapped, never cut, at 9 pt or more."""
        people = self.w.presenters[:3]
        qr = bool(self.w.ce and self.w.ce.verify_url)
        for person, (x0, x1) in zip(people, signature_lines(len(people), qr)):
            middle = (x0 + x1) / 2
            if person.signature:
                self.image(canvas, person.signature, x0, SIGN_LINE_Y + 3, x1 - x0, SIGN_IMAGE_H, centre=True)
            canvas.setStrokeColor(SIGN_RULE)
            canvas.setLineWidth(SIGN_RULE_W)
            canvas.line(x0, SIGN_LINE_Y, x1, SIGN_LINE_Y)
            canvas.setFillColor(d.INK)
            y = SIGN_LINE_Y - 13
            for text, face, sizes in ((person.name, "sans-bold", SIGN_NAME_SIZES),
                                      (person.credentials, "sans", SIGN_CREDENTIAL_SIZES)):
                if not text:
                    continue
                size, lines = d.fit_lines(text, face, x1 - x0, sizes, 2)
                for line in lines:
                    d.draw(canvas, middle, y, line, size, face, "centre")
                    y -= size * 1.2
                canvas.setFillColor(d.MUTED)

    def page(self, canvas: Canvas, cid: str, attendee: Attendee, earned: Decimal | None, partial: bool,
             issued: dt.date | None = None) -> str:
        """Draw one attendee's page; return the SHA-256 of the page's content stream. ``issued`` is
        the record's date of issue (the build's date when not given)."""
        canvas.doForm("certificate")
        centre = PAGE_W / 2
        canvas.setFillColor(d.INK)
        size, lines = self.name_lines(attendee.name)
        bottom, top = NAME_ZONE
        block = len(lines) * size * 1.15
        first = bottom + (top - bottom + block) / 2 - size * 0.95
        widest = 0.0
        for k, line in enumerate(lines):
            widest = max(widest, d.draw(canvas, centre, first - k * size * 1.15, line, size, "serif", "centre"))
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(0.8)
        half = min(max(230, widest / 2 + 12), (RIGHT - LEFT) / 2)  # the rule reaches past the name
        canvas.line(centre - half, bottom - 4, centre + half, bottom - 4)
        if attendee.license:
            canvas.setFillColor(d.MUTED)
            d.draw(canvas, centre, bottom - 22, f"License: {attendee.license}", 12, "sans", "centre")
        if earned is not None:
            canvas.setFillColor(self.ink)
            text = f"{hours(earned)} {self.unit}" + (" (partial attendance)" if partial else "")
            d.draw(canvas, centre, 198, text, 18, "serif-bold", "centre")
        canvas.setFillColor(d.MUTED)
        issued = date_text(issued or self.issued, self.w.date_style, "short")
        d.draw(canvas, centre, FOOTER_Y, f"Certificate ID {cid} · Issued {issued}", 9, "sans", "centre")
        if self.w.ce and self.w.ce.verify_url:
            url = self.w.ce.verify_url.replace("{id}", cid)
            self.qr(canvas, url)
            canvas.setFillColor(d.MUTED)
            middle = QR_X + QR_SIDE / 2
            for k, line in enumerate(qr_caption(url)):
                d.draw(canvas, middle, QR_Y - 10 - k * (QR_CAPTION_SIZE + 1.5), line, QR_CAPTION_SIZE, "sans",
                       "centre")
        digest = _page_stream_sha256(canvas)
        canvas.showPage()
        return digest

    @staticmethod
    def name_lines(name: str) -> tuple[float, list[str]]:
        """The largest size at which the name fits its zone, on as few lines as that size needs."""
        bottom, top = NAME_ZONE
        for size in NAME_SIZES:
            lines = d.wrap(name, "serif", size, RIGHT - LEFT - 40)
            if len(lines) * size * 1.15 <= top - bottom:
                return size, lines
        return NAME_SIZES[-1], d.wrap(name, "serif", NAME_SIZES[-1], RIGHT - LEFT - 40)

    @staticmethod
    def qr(canvas: Canvas, url: str) -> None:
        """The QR code's modules drawn as filled squares (reportlab's renderer would also set its
        default font, Helvetica, which it never embeds)."""
        from reportlab.graphics.barcode.qr import QrCodeWidget  # only certificates with ce.verify_url

        widget = QrCodeWidget(url, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        scale = QR_SIDE / (x1 - x0)
        canvas.saveState()
        canvas.translate(QR_X, QR_Y)
        canvas.scale(scale, scale)
        canvas.setFillColorRGB(0, 0, 0)
        for module in widget.draw().contents:
            if module.fillColor is None:  # the code's unfilled background, which would hide the modules
                continue
            canvas.rect(module.x - x0, module.y - y0, module.width, module.height, stroke=0, fill=1)
        canvas.restoreState()

    def empty(self, canvas: Canvas) -> None:
        canvas.setFillColor(d.INK)
        d.draw(canvas, PAGE_W / 2, PAGE_H / 2, "No attendee on the roster is due a certificate.", 16, "sans",
               "centre")
        canvas.showPage()
