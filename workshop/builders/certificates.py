"""certificates.pdf and certificates.csv: one landscape page per eligible attendee, and the ledger.

Certificate ids are ``YYYYMMDD-XXXXXXXX``: the workshop date, then eight Crockford base-32
characters of a SHA-256 over the workshop title, date and provider and the attendee's name and
email (with a counter for exact duplicates). The same workshop and roster always give the same
ids; a different attendee or workshop gives a different one.

The drawing that is the same on every page (border, headings, workshop facts, signatures) is
drawn once as a PDF form and placed on each page, so large batches stay fast and small.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from workshop import model as m
from workshop import pdfdraw as d
from workshop.builders.context import BuildContext
from workshop.errors import display_path
from workshop.quiz.score import shown as shown_score
from workshop.roster import Attendee
from workshop.schedule import hours

FILENAME = "certificates.pdf"
LEDGER = "certificates.csv"
SPLIT_DIR = "certificates"
PAGE_W, PAGE_H = landscape(letter)
NAME_SIZES = (40.0, 36.0, 32.0, 28.0, 26.0, 24.0, 22.0, 20.0, 18.0, 16.0)
_CROCKFORD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789ABCDEFGHJKMNPQRSTVWXYZ")
LEDGER_COLUMNS = ["certificate_id", "name", "email", "license", "hours", "title", "date", "provider",
                  "page", "page_sha256"]
#: With attendance reports: the instructional minutes behind each certificate's hours.
ATTENDANCE_COLUMNS = ["minutes_present", "minutes_missed"]


@dataclass(frozen=True)
class Issued:
    id: str
    attendee: Attendee
    hours: Decimal | None
    page: int
    page_sha256: str
    file: str = ""
    file_sha256: str = ""
    partial: bool = False


def _partial(earned: Decimal | None, full: Decimal | None) -> bool:
    """Partial attendance is fewer hours than the full award: the roster's hours equal to the award
    are a full certificate, whatever column they came from."""
    return earned is not None and full is not None and earned < full


def certificate_id(workshop: m.Workshop, attendee: Attendee, occurrence: int) -> str:
    provider = workshop.ce.provider if workshop.ce else ""
    key = "\x1f".join([workshop.title, str(workshop.date), provider, attendee.name.casefold(),
                       attendee.email.casefold(), str(occurrence)])
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    code = base64.b32encode(digest).decode("ascii")[:8].translate(_CROCKFORD)
    return f"{workshop.date:%Y%m%d}-{code}"


def safe_filename(text: str) -> str:
    """ASCII letters, digits and dashes only: safe on every file system and in every mail client."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:40]


def neutralise(value: str) -> str:
    """A cell a spreadsheet would run as a formula is prefixed with an apostrophe."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def build(ctx: BuildContext) -> tuple[list[Path], list[str]]:
    if ctx.roster is None:
        return [], []
    workshop, agenda = ctx.workshop, ctx.agenda
    d.require_faces("serif", "serif-bold", "serif-italic", "sans")
    full = agenda.ce.awarded if agenda.ce else None
    seen: dict[tuple[str, str], int] = {}
    batch = []
    passed, warnings = _passed(ctx)
    for attendee in passed:
        key = (attendee.name.casefold(), attendee.email.casefold())
        seen[key] = seen.get(key, 0) + 1
        earned = attendee.hours if attendee.hours is not None and full is not None else full
        batch.append((certificate_id(workshop, attendee, seen[key]), attendee, earned, _partial(earned, full)))
    step = ctx.progress("certificates", len(batch)) if ctx.progress and len(batch) > 200 else None

    online = bool(ctx.attendance and ctx.attendance.online)
    painter = _Certificate(workshop, agenda, online)
    buffer = io.BytesIO()
    canvas = painter.canvas(buffer)
    issued = []
    for n, (cid, attendee, earned, partial) in enumerate(batch, 1):
        digest = painter.page(canvas, cid, attendee, earned, partial)
        issued.append(Issued(cid, attendee, earned, n, digest, partial=partial))
        if step and n % 100 == 0:
            step(100)
    if not batch:
        painter.empty(canvas)
    canvas.save()
    path = ctx.out_dir / FILENAME
    path.write_bytes(buffer.getvalue())
    files = [path]
    if ctx.split and batch:
        issued = _split(painter, ctx.out_dir / SPLIT_DIR, issued)
        files += [ctx.out_dir / SPLIT_DIR / i.file for i in issued]
    files.append(_ledger(ctx.out_dir / LEDGER, workshop, issued, split=ctx.split, scored=ctx.roster.scored,
                         timed=ctx.attendance is not None))
    if ctx.attendance is not None:
        from workshop.attendance import ledger

        files.append(ledger.write(ctx.out_dir, ctx.attendance))
    return files, warnings


def _passed(ctx: BuildContext) -> tuple[list[Attendee], list[str]]:
    """The eligible attendees whose knowledge-check score allows a certificate, and a warning for each
    one held back; a score rule that cannot be applied is a warning too, never silently skipped."""
    roster, quiz = ctx.roster, ctx.workshop.quiz
    mark = quiz.pass_percent if quiz else None
    shown = display_path(roster.source)
    if mark is None:
        return list(roster.eligible), [f"{shown}: the roster has scores, but the outline sets no quiz.pass_percent, "
                                       "so certificates are issued whatever the score"] if roster.scored else []
    if not roster.scored:
        return list(roster.eligible), [f"{quiz.src}: quiz.pass_percent: the roster has no score column, so "
                                       "certificates are issued without checking scores"]
    passed, held = [], []
    for a in roster.eligible:
        if a.score is None:
            held.append(f"{shown}: row {a.row}, {a.name}: no score (the test was not taken): no certificate")
        elif a.score < mark:
            held.append(f"{shown}: row {a.row}, {a.name}: scored {shown_score(a.score)}, below the pass mark of "
                        f"{shown_score(mark)}: no certificate")
        else:
            passed.append(a)
    return passed, held


def _split(painter: "_Certificate", folder: Path, issued: list[Issued]) -> list[Issued]:
    folder.mkdir()
    result = []
    for item in issued:
        name = f"{item.id}-{safe_filename(item.attendee.name) or 'attendee'}.pdf"
        buffer = io.BytesIO()
        canvas = painter.canvas(buffer)
        painter.page(canvas, item.id, item.attendee, item.hours, item.partial)
        canvas.save()
        data = buffer.getvalue()
        (folder / name).write_bytes(data)
        result.append(Issued(item.id, item.attendee, item.hours, item.page, item.page_sha256, name,
                             hashlib.sha256(data).hexdigest(), item.partial))
    return result


def _ledger(path: Path, workshop: m.Workshop, issued: list[Issued], split: bool, scored: bool,
            timed: bool = False) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = (LEDGER_COLUMNS + (["score"] if scored else []) + (ATTENDANCE_COLUMNS if timed else [])
               + (["file", "file_sha256"] if split else []))
    writer.writerow(columns)
    provider = workshop.ce.provider if workshop.ce else ""
    for item in issued:
        row = [item.id, item.attendee.name, item.attendee.email, item.attendee.license,
               hours(item.hours) if item.hours is not None else "", workshop.title, str(workshop.date),
               provider, str(item.page), item.page_sha256]
        if scored:
            row.append(shown_score(item.attendee.score) if item.attendee.score is not None else "")
        if timed:
            row += [str(item.attendee.present), str(item.attendee.missed)]
        if split:
            row += [f"{SPLIT_DIR}/{item.file}", item.file_sha256]
        writer.writerow([neutralise(cell) for cell in row])
    # a byte-order mark so that Excel opens the names in every script correctly
    path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    return path


def _page_stream_sha256(canvas: Canvas) -> str:
    """SHA-256 of the content stream reportlab is about to store for the current page (as a PDF
    reader sees it once decompressed), so anyone can check a page against the ledger."""
    parts = canvas._psCommandsBeforePage + [canvas._preamble] + canvas._code + [" "] + canvas._psCommandsAfterPage
    return hashlib.sha256(("\n".join(parts) + "\n").encode("latin-1")).hexdigest()


class _Certificate:
    def __init__(self, workshop: m.Workshop, agenda, online: bool = False):
        self.w = workshop
        self.online = online  # ASWB ACE wants the format of a live online course on its certificates
        self.agenda = agenda
        self.primary = HexColor("#" + workshop.theme.primary)
        self.accent = HexColor("#" + workshop.theme.accent)
        self.has_ce = workshop.ce is not None

    def canvas(self, buffer) -> Canvas:
        canvas = Canvas(buffer, pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
        canvas.setTitle(f"Certificates: {self.w.title}")
        canvas.setAuthor(self.w.ce.provider if self.w.ce and self.w.ce.provider else "workshop")
        canvas.setCreator("workshop")
        self.form(canvas)
        return canvas

    def form(self, canvas: Canvas) -> None:
        """The part of every page that does not change from attendee to attendee."""
        w = self.w
        canvas.beginForm("certificate")
        canvas.setStrokeColor(self.primary)
        canvas.setLineWidth(6)
        canvas.rect(24, 24, PAGE_W - 48, PAGE_H - 48)
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(1.2)
        canvas.rect(36, 36, PAGE_W - 72, PAGE_H - 72)
        centre = PAGE_W / 2
        canvas.setFillColor(d.MUTED)
        if w.ce and w.ce.provider:
            d.draw(canvas, centre, PAGE_H - 78, w.ce.provider.upper(), 13, "sans", "centre")
        canvas.setFillColor(self.primary)
        heading = "Certificate of Completion" if self.has_ce else "Certificate of Attendance"
        d.draw(canvas, centre, PAGE_H - 124, heading, 36, "serif-bold", "centre")
        canvas.setFillColor(d.INK)
        d.draw(canvas, centre, PAGE_H - 160, "This certifies that", 15, "serif-italic", "centre")
        d.draw(canvas, centre, 308, "has completed" if self.has_ce else "attended", 15, "serif-italic", "centre")
        size, lines = d.fit_lines(w.title, "serif-bold", PAGE_W - 200, (24.0, 22.0, 20.0, 18.0, 16.0), 2)
        y = 274
        for line in lines:
            d.draw(canvas, centre, y, line, size, "serif-bold", "centre")
            y -= size * 1.2
        # the format statement takes the place of a location that only says the session was online
        place = "" if self.online and re.search(r"online|virtual|webinar", w.location, re.I) else w.location
        facts = " · ".join(x for x in (f"{w.date:%B} {w.date.day}, {w.date.year}", place,
                                       "Live interactive webinar" if self.online else "") if x)
        canvas.setFillColor(d.MUTED)
        d.draw(canvas, centre, y - 4, facts, 13, "sans", "centre")
        if w.ce and w.ce.approval:
            size, lines = d.fit_lines(w.ce.approval, "sans", PAGE_W - 220, (10.0, 9.0, 8.0), 2)
            for k, line in enumerate(lines):
                d.draw(canvas, centre, 150 - k * size * 1.25, line, size, "sans", "centre")
        self.signatures(canvas)
        canvas.endForm()

    def signatures(self, canvas: Canvas) -> None:
        people = self.w.presenters[:3]
        if not people:
            return
        slot = (PAGE_W - 160) / len(people)
        for k, person in enumerate(people):
            middle = 80 + (k + 0.5) * slot
            half = min(slot - 40, 240) / 2
            x0, x1 = middle - half, middle + half
            if person.signature:
                image = ImageReader(str(person.signature))
                iw, ih = image.getSize()
                scale = min((x1 - x0) / iw, 34 / ih)
                canvas.drawImage(image, (x0 + x1 - iw * scale) / 2, 96, iw * scale, ih * scale, mask="auto")
            canvas.setStrokeColor(d.RULE)
            canvas.setLineWidth(0.8)
            canvas.line(x0, 92, x1, 92)
            canvas.setFillColor(d.INK)
            size, lines = d.fit_lines(person.display_name, "sans", x1 - x0, (11.0, 10.0, 9.0, 8.0), 1)
            d.draw(canvas, (x0 + x1) / 2, 78, lines[0], size, "sans", "centre")
            canvas.setFillColor(d.MUTED)
            d.draw(canvas, (x0 + x1) / 2, 66, "Presenter", 9, "sans", "centre")

    def page(self, canvas: Canvas, cid: str, attendee: Attendee, earned: Decimal | None, partial: bool) -> str:
        """Draw one attendee's page; return the SHA-256 of the page's content stream."""
        canvas.doForm("certificate")
        centre = PAGE_W / 2
        canvas.setFillColor(d.INK)
        size, lines = d.fit_lines(attendee.name, "serif", PAGE_W - 180, NAME_SIZES, 2)
        top = 392 if len(lines) == 1 else 392 + size * 0.6
        for k, line in enumerate(lines):
            d.draw(canvas, centre, top - k * size * 1.15, line, size, "serif", "centre")
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(0.8)
        canvas.line(centre - 220, 372 - (len(lines) - 1) * size * 0.55, centre + 220,
                    372 - (len(lines) - 1) * size * 0.55)
        if attendee.license:
            canvas.setFillColor(d.MUTED)
            d.draw(canvas, centre, 346, f"License: {attendee.license}", 12, "sans", "centre")
        if earned is not None:
            canvas.setFillColor(self.primary)
            text = f"{hours(earned)} contact hours" + (" (partial attendance)" if partial else "")
            d.draw(canvas, centre, 190, text, 18, "serif-bold", "centre")
        canvas.setFillColor(d.MUTED)
        d.draw(canvas, PAGE_W - 60, 46, f"Certificate ID {cid}", 9, "sans", "right")
        if self.w.ce and self.w.ce.verify_url:
            self.qr(canvas, self.w.ce.verify_url.replace("{id}", cid))
        digest = _page_stream_sha256(canvas)
        canvas.showPage()
        return digest

    @staticmethod
    def qr(canvas: Canvas, url: str) -> None:
        widget = QrCodeWidget(url, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        side = 58
        drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, canvas, PAGE_W - 118, 58)

    def empty(self, canvas: Canvas) -> None:
        canvas.setFillColor(d.INK)
        d.draw(canvas, PAGE_W / 2, PAGE_H / 2, "No attendee on the roster is due a certificate.", 16, "sans",
               "centre")
        canvas.showPage()
