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
from workshop.colour import rule_ink, theme_ink
from workshop.builders.context import BuildContext
from workshop.record import evidence, ledger
from workshop.record.ledger import neutralise
from workshop.roster import Attendee
from workshop.i18n import N_, hours_text, tr
from workshop.schedule import date_text, hours

FILENAME = "certificates.pdf"
LEDGER = ledger.FILENAME
SPLIT_DIR = "certificates"
ATTENDANCE = "attendance.csv"
PAGE_W, PAGE_H = landscape(letter)
NAME_SIZES = (48.0, 44.0, 40.0, 36.0, 32.0, 28.0, 26.0, 24.0, 22.0, 20.0, 18.0, 16.0, 14.0, 13.0, 12.0)
#: A name printed on one line is never smaller than this: a longer one takes two lines instead.
NAME_ONE_LINE_FLOOR = 32.0
#: The distance between the baselines of a two-line name, in sizes: open enough that the lines never touch.
NAME_LEADING = 1.2
#: Raised whenever the certificate's layout changes, so that a kit's issued certificates are not
#: printed anew in another layout without a word (see :func:`design`).
LAYOUT = "4"
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
             w.theme.primary, w.theme.accent, w.theme.print_ink, _file_digest(w.theme.logo)]
    if ce is not None:
        # one statement written as ce.approval keeps the fingerprint it had before ce.approvals
        single = len(ce.approvals) == 1 and ce.approvals[0].where == "ce.approval"
        statements = () if single else tuple((a.statement, a.licences) for a in ce.approvals)
        parts += [ce.provider, ce.approvals[0].statement if single else "", repr(statements), ce.unit,
                  ce.verify_url, _file_digest(ce.seal)]
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
        page += painter.pages(attendee)
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
    if workshop.ce and workshop.ce.verify_url:
        files += _site(ctx, records, full)
    if ctx.decisions:  # a revoke changes the ledger, not the decisions
        files.append(_attendance(ctx.out_dir / ATTENDANCE, ctx, records))
    if plan.new:  # what the new versions were decided from; unchanged records have theirs already
        kit = ctx.out_dir.parent  # the build writes into a staging folder inside the kit
        files += evidence.write(kit, ctx.out_dir, list(ctx.evidence), records[-1].issued)
    return files, []


def _site(ctx: BuildContext, records: list[ledger.Record], full: Decimal | None) -> list[Path]:
    """verify/: a page and a signed Open Badges credential for every version the ledger holds, and
    the signed revocation list (see :mod:`workshop.verify`). The provider's key stays outside the kit."""
    from workshop import verify
    from workshop.errors import InputError, Problem, Src

    w = ctx.workshop
    newer = {r.supersedes: r for r in records if r.supersedes}
    delivery = hashlib.sha256("\x1f".join([w.ce.provider, str(w.date), w.title, str(w.start)]).encode()).hexdigest()
    status_list = f"status-{w.date:%Y%m%d}-{delivery[:8]}.json"  # this delivery's own list on a shared site
    site = []
    for index, r in enumerate(records):  # the ledger's order never changes: each keeps its place in the list
        if r.status == ledger.REVOKED:
            status = verify.Revoked(r.reason, dt.date.fromisoformat(r.status_date))
        elif r.status == ledger.SUPERSEDED and r.certificate_id in newer:
            status = verify.Superseded(newer[r.certificate_id].certificate_id, int(newer[r.certificate_id].version))
        else:
            status = verify.Valid()
        site.append(verify.CertificateRecord(
            id=r.certificate_id, version=1, name=r.name, licence=r.license,
            hours=Decimal(r.hours) if r.hours else Decimal(0), unit=w.ce.unit, title=r.title,
            description=w.subtitle or w.title, dates=(dt.date.fromisoformat(r.date),), provider=r.provider,
            provider_url="", approvals=tuple(a.statement for a in w.ce.approvals if a.applies_to(r.license)),
            issued=dt.date.fromisoformat(r.issued), status_index=index, status=status, hours_available=full,
            status_list=status_list))
    try:
        key = verify.provider_key(w.ce.provider, kit=ctx.out_dir.parent)
        return verify.write_site(site, key, w.ce.verify_url, ctx.out_dir / "verify",
                                 date_text=lambda day: date_text(day, w.date_style, language=w.language),
                                 language=w.language)
    except (verify.KeyProblem, verify.SiteProblem) as exc:
        raise InputError(Problem(Src("ce.verify_url"), str(exc))) from None


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


#: The QR mask chosen for an address of each length (see :meth:`_Certificate.qr`).
_QR_MASKS: dict[int, int] = {}

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
SIGN_LINE_Y = 118
SIGN_IMAGE_H = 30  # a presenter's signature image sits in this height above their line
SIGN_GAP = 14  # between two signature lines
SIGN_LINE_MAX = 210
#: Names and credentials under the signature lines print at these sizes, never smaller.
SIGN_NAME_SIZES = (10.5, 10.0, 9.5, 9.0)
SIGN_CREDENTIAL_SIZES = (9.5, 9.0)
#: A signature line at least 3:1 against the paper, 0.75 pt thick: it reads as a place to sign.
SIGN_RULE = HexColor("#5F6770")
SIGN_RULE_W = 0.75
FOOTER_Y = 62  # baseline of the "Certificate ID ... · Issued ..." line, well inside the inner rule
SIGN_NAME_LEAD = 12  # the name's baseline under the signature line
SIGN_LEADING = 1.15
QR_SIDE = 56
CORNER_W = 76  # the QR code's corner: the code centred over its two-line caption
QR_X = PAGE_W - 72 - CORNER_W + (CORNER_W - QR_SIDE) / 2
QR_Y = 80
QR_CAPTION = N_("Scan to verify")
QR_CAPTION_SIZE = 8.0
#: Rules and borders in the theme's colours are darkened until they reach this contrast on white.
RULE_CONTRAST = 3.0
#: The thin rules (inner frame, the rule under the name) in the accent colour need more to show.
HAIRLINE_CONTRAST = 4.5
#: The thin rules' colour when the accent would repeat the border's hue (a rust border, a rust frame).
NEUTRAL_RULE = "6B7280"
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
APPROVALS_ELSEWHERE = N_("The continuing-education approvals for this course are printed on page 2.")
#: The second page: the same frame, logo, seal and provider, a heading, the workshop and the
#: attendee (with the certificate id, so a page that comes loose is matched to its certificate),
#: then the statements as left-aligned paragraphs in a column of a comfortable measure, each
#: marked by a rule in the accent colour, at the largest of these sizes at which all fit.
BACK_HEADING = N_("Approvals")
BACK_WHO_Y = PAGE_H - 166  # baseline of "Certificate of NAME" under the heading
BACK_TITLE_Y = PAGE_H - 192  # the workshop's title (one or two lines), then its date and place
BACK_TOP = PAGE_H - 262  # top of the statements' band
BACK_FLOOR = FOOTER_Y + 22  # bottom of the statements' band, above the footer
BACK_COLUMN = 560  # the statements' measure: about 95 characters a line at 11 pt
BACK_SIZES = (11.5, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0)
BACK_LEADING = 1.4
BACK_GAP = 1.0  # space between two statements, in lines of their size


def _same_hue(a: str, b: str) -> bool:
    """Whether two colours ("RRGGBB") read as one hue on paper: hues within 25 degrees, both coloured."""
    import colorsys

    (ha, _, sa), (hb, _, sb) = (colorsys.rgb_to_hls(*(int(c[k:k + 2], 16) / 255 for k in (0, 2, 4))) for c in (a, b))
    apart = abs(ha - hb) % 1.0
    return sa > 0.2 and sb > 0.2 and min(apart, 1 - apart) * 360 < 25


def _two_lines(name: str, size: float, width: float) -> list[str] | None:
    """``name`` on two lines of ``width`` at ``size``: its post-nominals on the second line when
    that fits, else broken at the space that makes the lines most even, never leaving a suffix
    ("III") or one credential alone on the second line. None when no break fits."""
    from workshop.builders.signin import SUFFIXES, credentials_of

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


AWARD_Y = 198  # baseline of the hours awarded
AWARD_LIFT = 17  # the hours rise by this much when a partial-attendance note needs its own line under them


def partial_note(full: Decimal, unit: str, language: str = "en") -> str:
    """What follows the hours on a partial-attendance certificate, as a board's auditor reads it:
    "awarded for partial attendance of a 3.25-hour program" (in ``language``)."""
    if re.search(r"\bhours?\b", unit, re.I):
        return tr(language, "awarded for partial attendance of a {hours}-hour program", hours=hours_text(full, language))
    return tr(language, "awarded for partial attendance of a {hours} {unit} program", hours=hours_text(full, language),
              unit=unit)


def signature_sizes(people, width: float) -> tuple[float, float]:
    """One size for every presenter's name and one for every set of credentials: the largest at
    which each fits its line, else on two lines at most; never above the names' size."""
    def lines(text, face, size):
        return len(d.wrap(text, face, size, width)) if text else 0

    def fits(texts, face, size):
        return all(lines(t, face, size) <= 2 for t in texts)

    names = [p.name for p in people]
    creds = [p.credentials for p in people if p.credentials]
    name_size = next((s for s in SIGN_NAME_SIZES if all(lines(n, "sans-bold", s) <= 1 for n in names)),
                     next((s for s in SIGN_NAME_SIZES if fits(names, "sans-bold", s)), SIGN_NAME_SIZES[-1]))
    cred_size = next((s for s in SIGN_CREDENTIAL_SIZES if all(lines(c, "sans", s) <= 1 for c in creds)),
                     next((s for s in SIGN_CREDENTIAL_SIZES if fits(creds, "sans", s)), SIGN_CREDENTIAL_SIZES[-1]))
    return name_size, min(cred_size, name_size)


def sign_line_y(people, qr: bool) -> float:
    """Where the signature lines sit: at ``SIGN_LINE_Y``, or higher when a name and its
    credentials both need two lines, so the deepest block ends a clear line above the footer."""
    lines = signature_lines(len(people), qr)
    width = min((x1 - x0 for x0, x1 in lines), default=0)
    name_size, cred_size = signature_sizes(people, width)
    deepest = 0.0
    for p in people:
        y = SIGN_NAME_LEAD + (len(d.wrap(p.name, "sans-bold", name_size, width)) - 1) * name_size * SIGN_LEADING
        if p.credentials:
            y += len(d.wrap(p.credentials, "sans", cred_size, width)) * cred_size * SIGN_LEADING
        deepest = max(deepest, y)
    return max(SIGN_LINE_Y, FOOTER_Y + 18 + deepest)


def qr_caption(url: str, language: str = "en") -> list[str]:
    """The lines under the QR code: what it is for, then the site it leads to (its host), so a
    reader without a phone can type it; a host too long for the corner is shortened."""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.I).split("/")[0].split("?")[0]
    host = host.split("@")[-1]
    lines = [tr(language, QR_CAPTION)]
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


def approval_floor(line_y: float = SIGN_LINE_Y) -> float:
    """The lowest the approval statements may reach on the front, above the signature images."""
    return max(line_y + 3 + SIGN_IMAGE_H, QR_Y + QR_SIDE) + 5


def _approval_bottom(size: float, lines: list[str]) -> float:
    return APPROVAL_TOP - (len(lines) - 1) * size * 1.25 - size * 0.3


def _front_lines(statements: tuple[str, ...], floor: float = APPROVAL_FLOOR) -> tuple[float, list[str]] | tuple[()]:
    """The statements on the front, each starting a line, at the largest size at which all fit
    between the hours and the signatures; () when they do not fit at 8 pt."""
    width = RIGHT - LEFT - 20
    for size in APPROVAL_SIZES:
        lines = [line for text in statements for line in d.wrap(text, "sans", size, width)]
        if _approval_bottom(size, lines) >= floor:
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
            elif front := _front_lines(texts, approval_floor(self.line_y)):
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
        under it and the credentials under the name, each wrapped, never cut, at 9 pt or more.
        Every block sets its name at one size and its credentials at one size, the largest at
        which all of them fit, so the row reads as one."""
        people = self.w.presenters[:3]
        qr = bool(self.w.ce and self.w.ce.verify_url)
        lines = signature_lines(len(people), qr)
        width = min((x1 - x0 for x0, x1 in lines), default=0)
        name_size, cred_size = signature_sizes(people, width)
        for person, (x0, x1) in zip(people, lines):
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
        four modules. segno encodes it: reportlab's own encoder took about 0.1 s a certificate."""
        import segno  # only certificates with ce.verify_url

        # The addresses of one kit differ only in the certificate id, so the mask the standard's
        # penalty rule picks for the first serves the rest (a mask is part of every valid code;
        # choosing it is what takes the time, about 8 ms a code): codes stay within the standard
        # and a test decodes every one from the rendered page.
        mask = _QR_MASKS.get(len(url))
        code = segno.make_qr(url, error="m", boost_error=False, mask=mask)
        _QR_MASKS.setdefault(len(url), code.mask)
        rows = code.matrix
        quiet = 4
        unit = QR_SIDE / (len(rows) + 2 * quiet)
        canvas.saveState()
        canvas.translate(QR_X, QR_Y)
        canvas.scale(unit, unit)
        canvas.setFillColorRGB(0, 0, 0)
        top = len(rows) + quiet - 1
        for r, row in enumerate(rows):
            c = 0
            while c < len(row):
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < len(row) and row[c]:
                    c += 1
                canvas.rect(quiet + start, top - r, c - start, 1, stroke=0, fill=1)
        canvas.restoreState()

    def empty(self, canvas: Canvas) -> None:
        canvas.setFillColor(d.INK)
        d.draw(canvas, PAGE_W / 2, PAGE_H / 2, tr(self.w.language, "No attendee on the roster is due a certificate."), 16, "sans",
               "centre")
        canvas.showPage()
