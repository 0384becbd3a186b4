"""QR codes worked out from the first address of a batch are segno's own codes, module for module,
with a mask that depends on the address alone."""

import random

import segno

from workshop import qrcodes
from workshop.qrcodes import DIRECT, QRCodes, rectangles

ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"


def segnos(url: str, mask: int) -> tuple[int, int]:
    code = segno.make_qr(url, error="m", boost_error=False, mask=mask)
    return len(code.matrix), int("".join(str(m) for row in code.matrix for m in row), 2)


def counted(monkeypatch) -> list[str]:
    """The addresses qrcodes hands to segno from now on."""
    seen = []
    encode = qrcodes._segno

    def spy(url, mask):
        seen.append(url)
        return encode(url, mask)

    monkeypatch.setattr(qrcodes, "_segno", spy)
    return seen


def test_a_large_batch_is_segnos_codes_with_a_few_dozen_encoded(monkeypatch):
    pick = random.Random(7)
    urls = [f"https://sunrise-ce.example/verify/2026{pick.randrange(10**4):04d}-"
            f"{''.join(pick.choice(ALPHABET) for _ in range(8))}/" for _ in range(400)]
    masks: dict[str, int] = {}
    codes = QRCodes(masks)
    encoded = counted(monkeypatch)
    got = [codes.modules(u) for u in urls]
    shape = "aaaaa://aaaaaaa-aa.aaaaaaa/aaaaaa/aaaaaaaa-aaaaaaaa/"
    assert masks == {shape: segno.make_qr(shape, error="m", boost_error=False).mask}  # the shape's own choice
    assert got == [segnos(u, masks[shape]) for u in urls]
    # the shape, the first DIRECT directly, then one code per bit that differs from the first address
    assert encoded[0] == shape
    assert len(encoded) < 1 + DIRECT + 12 * 7 < len(urls)
    assert set(encoded[1:DIRECT + 1]) == set(urls[:DIRECT]) and not set(encoded[DIRECT + 1:]) & set(urls)


def test_addresses_outside_byte_mode_or_of_other_lengths_are_encoded_directly(monkeypatch):
    masks: dict[str, int] = {}
    codes = QRCodes(masks)
    plain = [f"https://ce.example.org/v/{k:06d}/" for k in range(DIRECT + 5)]
    upper = [f"HTTPS://CE.EXAMPLE.ORG/V/{k:06d}/" for k in range(DIRECT + 5)]  # QR's alphanumeric mode
    wide = [f"https://ce.example.org/v/{k:05d}é/" for k in range(DIRECT + 5)]  # not ASCII
    for urls in (plain, upper, wide, ["https://ce.example.org/v/1234567/"]):  # upper and wide: plain's length
        encoded = counted(monkeypatch)
        got = [codes.modules(u) for u in urls]
        assert got == [segnos(u, codes.mask(u)) for u in urls]
        monkeypatch.undo()
        if urls is upper or urls is wide:
            assert [u for u in encoded if u in urls] == urls  # every one by segno


def test_an_address_has_one_code_whichever_addresses_came_before_it():
    """Addresses of one kit whose own best masks differ (3 and 1) get the same code in any order, so a
    certificate printed alone (its single file, the copy send attaches) is its page's bytes."""
    first, second = ("https://ce.example.org/verify/20263898-WVEN9XSY/",
                     "https://ce.example.org/verify/20269516-CXA96SJV/")
    assert [segno.make_qr(u, error="m", boost_error=False).mask for u in (first, second)] == [3, 1]
    one, other = QRCodes({}), QRCodes({})
    in_order = [one.modules(u) for u in (first, second)]
    reversed_order = [other.modules(u) for u in (second, first)][::-1]
    assert in_order == reversed_order
    assert [QRCodes({}).modules(u) for u in (first, second)] == in_order  # each alone


def test_the_rectangles_are_reportlabs_own_for_each_run():
    from reportlab.pdfgen.canvas import Canvas

    width, modules = QRCodes({}).modules("https://sunrise-ce.example/verify/20260314-7FGAH2F4/")
    canvas = Canvas("unused.pdf")
    digits = format(modules, f"0{width * width}b")
    for r in range(width):
        c = 0
        while c < width:
            if digits[r * width + c] == "0":
                c += 1
                continue
            start = c
            while c < width and digits[r * width + c] == "1":
                c += 1
            canvas.rect(4 + start, width + 3 - r, c - start, 1, stroke=0, fill=1)
    assert rectangles(width, modules, 4, "f*") == "\n".join(canvas._code)
