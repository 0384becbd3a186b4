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
from workshop.errors import display_path
from workshop.quiz.score import shown as shown_score
from workshop.roster import Attendee
from workshop.schedule import date_text, hours

FILENAME = "certificates.pdf"
LEDGER = "certificates.csv"
SPLIT_DIR = "certificates"
PAGE_W, PAGE_H = landscape(letter)
NAME_SIZES = (48.0, 44.0, 40.0, 36.0, 32.0, 28.0, 26.0, 24.0, 22.0, 20.0, 18.0, 16.0, 14.0, 13.0, 12.0)
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
    passed, warnings = eligible_and_passed(ctx)
    for attendee in passed:
        key = (attendee.name.casefold(), attendee.email.casefold())
        seen[key] = seen.get(key, 0) + 1
        earned = attendee.hours if attendee.hours is not None and full is not None else full
        batch.append((certificate_id(workshop, attendee, seen[key]), attendee, earned, _partial(earned, full)))
    step = ctx.progress("certificates", len(batch)) if ctx.progress and len(batch) > 200 else None

    online = bool(ctx.attendance and ctx.attendance.online)
    painter = _Certificate(workshop, agenda, ctx.when, online)
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


def eligible_and_passed(ctx: BuildContext) -> tuple[list[Attendee], list[str]]:
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
#: The approval statements are set between the hours and the tops of the signature images and QR
#: code, each starting a line, at the largest of these sizes at which they all fit.
APPROVAL_TOP = 180
APPROVAL_FLOOR = max(SIGN_LINE_Y + 3 + SIGN_IMAGE_H, QR_Y + QR_SIDE) + 5
APPROVAL_SIZES = (12.0, 11.0, 10.0, 9.0, 8.0)
#: Statements that do not all fit there go, all of them and in order, to a second page, where the
#: front says so: a board's auditor finds every approval in one place, none split across a turn.
APPROVALS_ELSEWHERE = "The continuing-education approvals for this course are printed on page 2."
#: The second page: the same frame, logo, seal and provider, a heading, the workshop and the
#: attendee (with the certificate id, so a page that comes loose is matched to its certificate),
#: then the statements as left-aligned paragraphs in a column of a comfortable measure, each
#: marked by a rule in the accent colour, at the largest of these sizes at which all fit.
BACK_HEADING = "Approvals"
BACK_WHO_Y = PAGE_H - 166  # baseline of "Certificate of NAME" under the heading
BACK_TITLE_Y = PAGE_H - 192  # the workshop's title (one or two lines), then its date and place
BACK_TOP = PAGE_H - 262  # top of the statements' band
BACK_FLOOR = FOOTER_Y + 22  # bottom of the statements' band, above the footer
BACK_COLUMN = 560  # the statements' measure: about 95 characters a line at 11 pt
BACK_SIZES = (11.5, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0)
BACK_LEADING = 1.4
BACK_GAP = 1.0  # space between two statements, in lines of their size


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


def fits_approval(statements: list[str] | tuple[str, ...]) -> bool:
    """True if one certificate has room for all of ``statements`` at 8 pt or more: on its front,
    or on its second page."""
    return bool(_front_lines(tuple(statements))) or _back_lines(tuple(statements))[1] is not None


def _approval_bottom(size: float, lines: list[str]) -> float:
    return APPROVAL_TOP - (len(lines) - 1) * size * 1.25 - size * 0.3


def _front_lines(statements: tuple[str, ...]) -> tuple[float, list[str]] | tuple[()]:
    """The statements on the front, each starting a line, at the largest size at which all fit
    between the hours and the signatures; () when they do not fit at 8 pt."""
    width = RIGHT - LEFT - 20
    for size in APPROVAL_SIZES:
        lines = [line for text in statements for line in d.wrap(text, "sans", size, width)]
        if _approval_bottom(size, lines) >= APPROVAL_FLOOR:
            return size, lines
    return ()


def _back_lines(statements: tuple[str, ...]) -> tuple[float, list[list[str]] | None]:
    """The statements on the second page, wrapped to its column at the largest size at which
    all fit its band; (8, None) when even 8 pt is not enough."""
    for size in BACK_SIZES:
        paragraphs = [d.wrap(text, "sans", size, BACK_COLUMN) for text in statements]
        if _back_height(size, paragraphs) <= BACK_TOP - BACK_FLOOR:
            return size, paragraphs
    return BACK_SIZES[-1], None


def _paragraph_depth(size: float, lines: list[str]) -> float:
    """From the top of a statement's first line to the foot of its last (descenders included)."""
    return (len(lines) - 1) * size * BACK_LEADING + size


def _back_height(size: float, paragraphs: list[list[str]]) -> float:
    return sum(_paragraph_depth(size, p) for p in paragraphs) + (len(paragraphs) - 1) * size * BACK_GAP


class _Certificate:
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
        self.primary = HexColor("#" + readable(workshop.theme.primary, ratio=RULE_CONTRAST))
        self.accent = HexColor("#" + readable(workshop.theme.accent, ratio=RULE_CONTRAST))
        # text in the theme's colour, darkened as far as it must be to read on white
        self.ink = HexColor("#" + readable(workshop.theme.primary))
        self.has_ce = workshop.ce is not None
        self.unit = workshop.ce.unit if workshop.ce else m.CE.unit
        self._sets: dict[str, tuple[int, ...]] = {}  # licence -> the statements it prints (by position)
        self._layouts: dict[tuple[int, ...], tuple] = {}  # those statements -> where and how they print

    def canvas(self, buffer) -> Canvas:
        canvas = d.new_canvas(buffer, (PAGE_W, PAGE_H), f"Certificates: {self.w.title}",
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
        self.heading(canvas, "Certificate of Completion" if self.has_ce else "Certificate of Attendance")
        canvas.setFillColor(d.INK)
        d.draw(canvas, centre, PAGE_H - 166, "This certifies that", 14, "serif-italic", "centre")
        d.draw(canvas, centre, 320, "has completed" if self.has_ce else "attended", 14, "serif-italic", "centre")
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
        return " · ".join(x for x in (date_text(w.date, w.date_style, "short"), place,
                                      "Live interactive webinar" if self.online else "") if x)

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
            elif front := _front_lines(texts):
                self._layouts[chosen] = ("front", *front)
            else:
                size, paragraphs = _back_lines(texts)
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
                d.draw(canvas, centre, APPROVAL_TOP - 8, APPROVALS_ELSEWHERE, 12, "serif-italic", "centre")
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
        self.heading(canvas, BACK_HEADING)
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
        height = _back_height(size, paragraphs)
        top = BACK_TOP - min(BACK_TOP - BACK_FLOOR - height, 40) / 2
        x = (PAGE_W - BACK_COLUMN) / 2
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(2)
        canvas.setFillColor(d.INK)
        for paragraph in paragraphs:
            depth = _paragraph_depth(size, paragraph)
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

    def page(self, canvas: Canvas, cid: str, attendee: Attendee, earned: Decimal | None, partial: bool) -> str:
        """Draw one attendee's certificate: its front and, when its approval statements continue
        there (:meth:`pages`), its second page. Returns the SHA-256 of the front's content stream
        for a one-page certificate, and for a two-page one the SHA-256 of the two pages' hex
        digests written one after the other (front first)."""
        chosen = self.statements(attendee)
        two = self.pages(attendee) == 2
        canvas.doForm("certificate")
        if chosen:
            canvas.doForm(self.approval_form(canvas, chosen))
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
        issued = date_text(self.issued, self.w.date_style, "short")
        d.draw(canvas, centre, FOOTER_Y, f"Certificate ID {cid} · Issued {issued}" + (" · page 1 of 2" if two else ""),
               9, "sans", "centre")
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
        if not two:
            return digest
        back = self.back(canvas, cid, attendee, chosen)
        return hashlib.sha256((digest + back).encode("ascii")).hexdigest()

    def back(self, canvas: Canvas, cid: str, attendee: Attendee, chosen: tuple[int, ...]) -> str:
        """The second page: the shared part and the statements (a form), then whose certificate it
        continues, so a page that comes loose is matched to its front. Returns its digest."""
        canvas.doForm(self.back_form(canvas, chosen))
        centre = PAGE_W / 2
        canvas.setFillColor(d.INK)
        size, lines = d.fit_lines(f"Certificate of {attendee.name}", "serif", RIGHT - LEFT - 40,
                                  (16.0, 15.0, 14.0, 13.0, 12.0, 11.0, 10.0, 9.0), 2)
        for k, line in enumerate(lines):
            d.draw(canvas, centre, BACK_WHO_Y + (len(lines) - 1 - 2 * k) * size * 0.575, line, size, "serif", "centre")
        canvas.setFillColor(d.MUTED)
        issued = date_text(self.issued, self.w.date_style, "short")
        d.draw(canvas, centre, FOOTER_Y, f"Certificate ID {cid} · Issued {issued} · page 2 of 2", 9, "sans", "centre")
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
