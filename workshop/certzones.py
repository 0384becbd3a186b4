"""Where everything sits on a certificate page: the print zones, in points from the bottom-left
corner, and the sizes text is set at to fit them. Measurements only (text widths come from
:mod:`workshop.pdfdraw`): the painter (:mod:`workshop.certpage`), the outline's checks and the
tests read the same numbers.
"""

from __future__ import annotations

import re
from decimal import Decimal

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import landscape, letter

from workshop import pdfdraw as d
from workshop.i18n import N_, hours_text, tr

PAGE_W, PAGE_H = landscape(letter)
NAME_SIZES = (48.0, 44.0, 40.0, 36.0, 32.0, 28.0, 26.0, 24.0, 22.0, 20.0, 18.0, 16.0, 14.0, 13.0, 12.0)
#: A name printed on one line is never smaller than this: a longer one takes two lines instead.
NAME_ONE_LINE_FLOOR = 32.0
#: The distance between the baselines of a two-line name, in sizes: open enough that the lines never touch.
NAME_LEADING = 1.2

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
    return bool(front_lines(tuple(statements))) or back_lines(tuple(statements))[1] is not None


def approval_floor(line_y: float = SIGN_LINE_Y) -> float:
    """The lowest the approval statements may reach on the front, above the signature images."""
    return max(line_y + 3 + SIGN_IMAGE_H, QR_Y + QR_SIDE) + 5


def _approval_bottom(size: float, lines: list[str]) -> float:
    return APPROVAL_TOP - (len(lines) - 1) * size * 1.25 - size * 0.3


def front_lines(statements: tuple[str, ...], floor: float = APPROVAL_FLOOR) -> tuple[float, list[str]] | tuple[()]:
    """The statements on the front, each starting a line, at the largest size at which all fit
    between the hours and the signatures; () when they do not fit at 8 pt."""
    width = RIGHT - LEFT - 20
    for size in APPROVAL_SIZES:
        lines = [line for text in statements for line in d.wrap(text, "sans", size, width)]
        if _approval_bottom(size, lines) >= floor:
            return size, lines
    return ()


def back_lines(statements: tuple[str, ...]) -> tuple[float, list[list[str]] | None]:
    """The statements on the second page, wrapped to its column at the largest size at which
    all fit its band; (8, None) when even 8 pt is not enough."""
    for size in BACK_SIZES:
        paragraphs = [d.wrap(text, "sans", size, BACK_COLUMN) for text in statements]
        if back_height(size, paragraphs) <= BACK_TOP - BACK_FLOOR:
            return size, paragraphs
    return BACK_SIZES[-1], None


def paragraph_depth(size: float, lines: list[str]) -> float:
    """From the top of a statement's first line to the foot of its last (descenders included)."""
    return (len(lines) - 1) * size * BACK_LEADING + size


def back_height(size: float, paragraphs: list[list[str]]) -> float:
    return sum(paragraph_depth(size, p) for p in paragraphs) + (len(paragraphs) - 1) * size * BACK_GAP
