"""QR codes of verification addresses, as the modules a page draws.

segno encodes every code: error correction M, never raised, with one mask for the addresses of a
kit. Choosing a mask is most of segno's time, so it is chosen once, by the standard's penalty rule,
for the address's shape: the address with every ASCII letter and digit written as ``a``. A kit's
addresses differ only in the certificate id, so the ones of one length share a shape and a mask,
and a certificate's code is the same bytes whichever certificates were drawn before it in the
process (a page in certificates.pdf, its single file, the copy ``send`` attaches, a rebuild under
``watch``). Any mask makes a valid code; the penalty rule only prefers the easiest to scan.

A batch of thousands of certificates would still spend most of its time in segno, so past the
first :data:`DIRECT` addresses of one length a code is worked out from the first one: for
addresses of one length in byte mode (plain ASCII, not all of it in QR's alphanumeric set), the
code's modules are an affine function of the bits of the characters over GF(2). Each character is
eight bits of the data, the error correction is linear in the data, and the placement, the mask
and the format information do not depend on it. So a code is the first address's code with, for
every bit in which one of its characters differs from the first address's, the change that bit
alone makes, found once by segno encoding the first address with that bit flipped. The modules
are segno's own for that address (``tests/test_qrcodes.py`` compares them); anything outside these
conditions is encoded by segno directly.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field

#: Addresses of one length encoded by segno directly before the rest are worked out from the
#: first: a certificate or a small class costs no more than it did, a large batch a few dozen
#: codes in all.
DIRECT = 64
#: segno's alphanumeric mode: an address made only of these is not encoded in byte mode.
_ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
#: An address's shape (see the module's docstring): its letters and digits all ``a``.
_SHAPE = str.maketrans(dict.fromkeys(string.ascii_letters + string.digits, "a"))


@dataclass
class _Kind:
    """The addresses of one length: the first one's code and the change each flipped bit makes."""

    first: str
    width: int
    version: int
    mask: int
    modules: int
    encoded: int = 1  # codes encoded by segno directly so far
    flips: dict[tuple[int, int], int | None] = field(default_factory=dict)


def _segno(url: str, mask: int | None):
    import segno  # only certificates with ce.verify_url

    return segno.make_qr(url, error="m", boost_error=False, mask=mask)


def _bits(code) -> int:
    """The code's modules as one number, row by row from the top left, the first module highest."""
    return int(b"".join(code.matrix).translate(_DIGITS), 2)


def shape(url: str) -> str:
    """The address with its ASCII letters and digits written as ``a``: its mask is chosen for this."""
    return url.translate(_SHAPE)


class QRCodes:
    """Encodes addresses; ``masks`` (an address's :func:`shape` -> mask) is filled with the mask the
    penalty rule chooses for each shape and read for every later address of that shape."""

    def __init__(self, masks: dict[str, int]):
        self.masks = masks
        self._kinds: dict[tuple[int, int], _Kind] = {}

    def mask(self, url: str) -> int:
        like = shape(url)
        if like not in self.masks:
            self.masks[like] = _segno(like, None).mask
        return self.masks[like]

    def modules(self, url: str) -> tuple[int, int]:
        """The code of ``url``: its width in modules and its modules (see :func:`_bits`)."""
        mask = self.mask(url)
        kind = self._kinds.get((len(url), mask))
        if kind is not None and kind.encoded >= DIRECT:
            worked_out = self._worked_out(kind, url)
            if worked_out is not None:
                return kind.width, worked_out
        code = _segno(url, mask)
        if kind is not None:
            kind.encoded += 1
        elif code.mode == "byte" and url.isascii():
            self._kinds[(len(url), code.mask)] = _Kind(url, len(code.matrix), code.version, code.mask, _bits(code))
        return len(code.matrix), _bits(code)

    def _worked_out(self, kind: _Kind, url: str) -> int | None:
        """The modules of ``url`` from those of ``kind.first``, or None when they cannot be."""
        if not url.isascii() or _ALPHANUMERIC.issuperset(url):
            return None  # not byte mode
        modules = kind.modules
        for position, (a, b) in enumerate(zip(url, kind.first, strict=True)):
            if a == b:
                continue
            differ, bit = ord(a) ^ ord(b), 0
            while differ:
                if differ & 1:
                    change = self._flip(kind, position, bit)
                    if change is None:
                        return None
                    modules ^= change
                differ >>= 1
                bit += 1
        return modules

    @staticmethod
    def _flip(kind: _Kind, position: int, bit: int) -> int | None:
        """The modules that change when ``bit`` of the character at ``position`` of the first
        address is flipped (None if segno would then encode the address otherwise)."""
        key = (position, bit)
        if key not in kind.flips:
            first = kind.first
            flipped = first[:position] + chr(ord(first[position]) ^ (1 << bit)) + first[position + 1:]
            code = _segno(flipped, kind.mask)
            same = code.mode == "byte" and code.version == kind.version and code.mask == kind.mask
            kind.flips[key] = (_bits(code) ^ kind.modules) if same else None
        return kind.flips[key]


def rectangles(width: int, modules: int, quiet: int, fill: str) -> str:
    """PDF operators filling the dark modules, one rectangle per run along a row, in a grid of
    one unit a module with the bottom left of the quiet zone at the origin: the same operators
    as reportlab's ``rect(x, y, w, 1, stroke=0, fill=1)`` called for each run (``fill`` being
    its fill operator), made at once."""
    digits = format(modules, f"0{width * width}b")
    top = width + quiet - 1
    ops = []
    for row in range(width):
        y, x = top - row, quiet
        for run in digits[row * width:(row + 1) * width].split("0"):
            if run:
                ops.append(f"n {x} {y} {len(run)} 1 re {fill}")
            x += len(run) + 1
    return "\n".join(ops)
