"""Certificates with every optional part (logo, seal, a signature image per presenter, a QR code,
a long approval statement): each drawn in its own zone, none over another or over any text."""

import csv

import pytest
from PIL import Image, ImageDraw

from support import DATA, MINIMAL, OUTLINES, BUNDLED, assert_rejected, run, write
from support.office import pdf_words
from support.printcheck import low_contrast_words, render, text_sizes
from support import flat
from workshop import certzones as c

SEAL_RGB = (180, 140, 40)
INK_RGB = (20, 30, 90)
APPROVAL = ("Sunrise Consulting, provider #1234, is approved as an ACE provider to offer social work continuing "
            "education by the Association of Social Work Boards (ASWB) Approved Continuing Education (ACE) "
            "program. Regulatory boards are the final authority on courses accepted for continuing education "
            "credit. ACE provider approval period: 01/01/2025–01/01/2028. Social workers completing this course "
            "receive 3 continuing education credits.")
DPI = 100


def _pictures(folder):
    seal = Image.new("RGB", (300, 300), SEAL_RGB)
    seal.save(folder / "seal.png")
    Image.new("RGB", (300, 100), (200, 40, 40)).save(folder / "logo.png")
    for n in range(3):
        sig = Image.new("RGBA", (600, 160), (0, 0, 0, 0))
        ImageDraw.Draw(sig).line([(20, 120), (200, 30), (400, 130), (580, 40)], fill=INK_RGB + (255,), width=12)
        sig.save(folder / f"sig{n}.png")


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    folder = tmp_path_factory.mktemp("zones")
    _pictures(folder)
    write(folder, "o.yaml", f"""\
        extends: {DATA / "print-stress.yaml"}
        presenters:
          - name: Dawn Allred
            credentials: LPC, MAC
            signature: sig0.png
          - name: Maximilian Fitzgerald-Whitmore
            credentials: PhD, LPC-S, NCC, ACS, CCMHC
            signature: sig1.png
          - name: Guadalupe Hernández-Villanueva
            credentials: LCSW, CADC-II, MAC, ICADC
            signature: sig2.png
        ce:
          seal: seal.png
          approval: "{APPROVAL}"
        theme:
          logo: logo.png
        """)
    result = run("build", folder / "o.yaml", "--roster", OUTLINES / "sample-roster.csv", "--out", folder / "kit",
                 "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    return folder / "kit"


def _zones():
    """Every reserved zone as (name, x0, top, x1, bottom) in points from the top-left corner."""
    def box(name, x, y, w, h):
        return name, x, c.PAGE_H - y - h, x + w, c.PAGE_H - y

    zones = [box("logo", *c.LOGO_ZONE), box("seal", *c.SEAL_ZONE), box("qr", c.QR_X, c.QR_Y, c.QR_SIDE, c.QR_SIDE)]
    for k, (x0, x1) in enumerate(c.signature_lines(3, qr=True)):
        zones.append(box(f"signature {k + 1}", x0, c.SIGN_LINE_Y + 3, x1 - x0, c.SIGN_IMAGE_H))
    return zones


def test_no_word_touches_a_reserved_zone(kit):
    pages = pdf_words(kit / "certificates.pdf")
    issued = list(csv.DictReader((kit / "certificates.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert len(pages) == len(issued) > 0 and all(pages)  # one certificate a page, each with words on it
    zones = _zones()
    assert len(zones) == 6, zones  # logo, seal, QR code and three signatures
    for page, words in enumerate(pages, 1):
        for name, x0, top, x1, bottom in zones:
            inside = [w.text for w in words if w.x0 < x1 and w.x1 > x0 and w.y0 < bottom and w.y1 > top]
            assert not inside, (page, name, inside)


def _pixels(image, zone):
    _, x0, top, x1, bottom = zone
    s = DPI / 72
    return [image.getpixel((x, y)) for x in range(int(x0 * s) + 1, int(x1 * s) - 1)
            for y in range(int(top * s) + 1, int(bottom * s) - 1)]


def _near(rgb, target, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(rgb, target, strict=True))


def test_the_seal_signatures_and_a_readable_qr_code_are_drawn_in_their_zones(kit, tmp_path):
    image = render(kit / "certificates.pdf", 1, DPI, tmp_path)
    zones = {z[0]: z for z in _zones()}
    seal = _pixels(image, zones["seal"])
    assert sum(_near(p, SEAL_RGB) for p in seal) > 0.5 * len(seal)
    for k in range(1, 4):
        assert any(_near(p, INK_RGB, 60) for p in _pixels(image, zones[f"signature {k}"])), k
    qr = _pixels(image, zones["qr"])
    dark = sum(sum(p) < 200 for p in qr) / len(qr)
    assert 0.2 < dark < 0.7, dark  # a pattern of modules, not a solid square


def test_the_approval_statement_prints_whole_and_every_text_is_at_least_8_pt(kit):
    text = flat(" ".join(w.text for w in pdf_words(kit / "certificates.pdf")[0]))
    assert flat(APPROVAL) in text
    sizes = text_sizes(kit / "certificates.pdf")[0]
    assert min(size for _, size in sizes) >= 8, sorted(sizes, key=lambda s: s[1])[:3]


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bundled-certs")
    result = run("build", BUNDLED, "--roster", OUTLINES / "sample-roster.csv", "--out", folder / "kit",
                 "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    return folder / "kit" / "certificates.pdf"


def test_the_name_is_large_and_the_approval_reads_at_body_size_in_dark_ink(bundled, tmp_path):
    sizes = text_sizes(bundled)[0]
    assert max(size for text, size in sizes if "José" in text) >= 44
    approval = [size for text, size in sizes if "approved by the Example Board" in text]
    assert approval and min(approval) >= 12
    assert not low_contrast_words(bundled, 1, tmp_path)


def test_a_missing_seal_is_refused_at_its_line(in_tmp):
    (in_tmp / "notes.txt").write_text("x", encoding="utf-8")
    for seal, problem in (("nope.png", "file not found: nope.png (paths are relative to the outline file)"),
                          ("notes.txt", "notes.txt is not a picture")):
        write(in_tmp, "o.yaml", MINIMAL + f"ce:\n  provider: P\n  seal: {seal}\n")
        result = run("validate", "o.yaml")
        assert_rejected(result)
        assert any(line.startswith(f"o.yaml:14:9: ce.seal: {problem}") for line in result.lines), result.lines


def test_an_approval_too_long_even_for_a_second_page_is_refused_by_validate_and_build(in_tmp):
    text = " ".join(["Approved by the Example Board of Behavioral Health, provider No. 1234."] * 90)
    assert not c.fits_approval([text])
    write(in_tmp, "o.yaml", MINIMAL + f'ce:\n  provider: P\n  approval: "{text}"\n')
    (in_tmp / "r.csv").write_text("name\nAna\n", encoding="utf-8")
    for command in (("validate", "o.yaml"), ("build", "o.yaml", "--roster", "r.csv", "--out", "kit")):
        assert_rejected(run(*command), f"o.yaml:14:13: ce.approval: the approval statements printed on a certificate "
                                       f"({len(text):,} characters) need more than its two pages have room for at "
                                       f"8 pt; shorten them")
    assert not (in_tmp / "kit").exists()


def test_a_long_statement_in_capitals_still_fits_the_front():
    text = (APPROVAL.upper() * 2)[:450]
    size, lines = c.front_lines((text,))
    assert size >= 8 and len(lines) <= 3


def test_a_statement_of_wide_letters_that_cannot_fit_the_front_goes_to_a_second_page():
    text = ("Wm " * 150).strip()
    assert not c.front_lines((text,)) and c.fits_approval([text])
    size, paragraphs = c.back_lines((text,))
    assert size >= 8 and " ".join(paragraphs[0]) == text


# -- the bottom band: signatures centred across the width, above the id line; the QR code captioned

def _words(kit):
    return pdf_words(kit / "certificates.pdf")[0]


def _presenter_words(words):
    parts = {"Dawn", "Allred", "Maximilian", "Fitzgerald-Whitmore", "Guadalupe", "Hernández-Villanueva", "LPC,",
             "MAC", "PhD,", "LPC-S,", "NCC,", "ACS,", "CCMHC", "LCSW,", "CADC-II,", "MAC,", "ICADC"}
    return [w for w in words if w.text in parts and w.y0 > c.PAGE_H - c.SIGN_LINE_Y]


def test_signature_blocks_are_spread_evenly_and_centred_on_the_page(kit):
    lines = c.signature_lines(3, qr=True)
    middles = [(x0 + x1) / 2 for x0, x1 in lines]
    assert abs((middles[0] + middles[2]) / 2 - c.PAGE_W / 2) < 0.01
    assert abs((middles[1] - middles[0]) - (middles[2] - middles[1])) < 0.01
    assert all(x1 - x0 >= 140 for x0, x1 in lines)  # room for a name on one line
    # read back: each presenter's name is centred under its line
    words = _words(kit)
    for name, middle in zip(("Allred", "Fitzgerald-Whitmore", "Hernández-Villanueva"), middles, strict=True):
        last = next(w for w in words if w.text == name)
        first = next(w for w in words if w.y0 == last.y0 and w.x1 <= last.x0 and last.x0 - w.x1 < 6)
        assert abs((first.x0 + last.x1) / 2 - middle) < 1.5, (name, first.x0, last.x1, middle)
    # one presenter alone is in the middle of the page, on a wider line
    (x0, x1), = c.signature_lines(1, qr=False)
    assert abs((x0 + x1) / 2 - c.PAGE_W / 2) < 0.01 and x1 - x0 >= 200


def test_names_and_credentials_are_9_pt_or_more_above_the_certificate_id(kit):
    sizes = text_sizes(kit / "certificates.pdf")[0]
    for person in ("Maximilian Fitzgerald-Whitmore", "PhD, LPC-S, NCC, ACS, CCMHC", "Guadalupe Hernández-Villanueva",
                   "LCSW, CADC-II, MAC, ICADC"):
        found = [size for text, size in sizes if person in text]
        assert found and min(found) >= 9, (person, found)
    words = _words(kit)
    footer = [w for w in words if w.text in ("Certificate", "ID", "Issued") and w.y0 > c.PAGE_H - 80]
    assert len(footer) == 3 and len({round(w.y0) for w in footer}) == 1
    lowest = max(w.y1 for w in _presenter_words(words))
    assert lowest < footer[0].y0 - 2, (lowest, footer[0].y0)


def test_the_qr_code_has_a_caption_under_it_that_names_the_site(kit):
    words = _words(kit)
    top = c.PAGE_H - c.QR_Y  # the code's bottom edge, from the top of the page
    caption = [w for w in words if w.y0 >= top and w.x0 >= c.QR_X - 12 and w.x1 <= c.RIGHT + 6]
    assert " ".join(w.text for w in caption) == "Scan to verify verify.example.org", caption
    sizes = [size for text, size in text_sizes(kit / "certificates.pdf")[0] if "Scan to verify" in text]
    assert sizes and min(sizes) >= 8


def test_the_caption_shortens_a_long_host_and_drops_the_path():
    assert c.qr_caption("https://verify.example.org/c/20260314-ABC?x=1") == ["Scan to verify", "verify.example.org"]
    long = c.qr_caption("https://certificates.continuing-education.sunrise-consulting.example.org/{id}")
    assert long[1].endswith("…") and long[1].startswith("certificates.")
    from workshop import pdfdraw
    assert pdfdraw.width(long[1], c.QR_CAPTION_SIZE, "sans") <= c.CORNER_W + 10


def _darkest(image, box):
    """The darkest pixel (lowest luminance) in ``box`` (x0, y0, x1, y1 in points from the top left)."""
    from support.printcheck import _luminance

    s = RULE_DPI / 72
    x0, y0, x1, y1 = (round(v * s) for v in box)
    return min((image.getpixel((x, y)) for x in range(x0, x1) for y in range(y0, y1)), key=_luminance)


RULE_DPI = 300


def test_light_theme_rules_and_borders_reach_3_to_1_on_the_paper(kit, tmp_path):
    """print-stress.yaml's theme is a pale blue and a pale yellow: every rule drawn in them, and the
    signature lines, measured on the rendered page."""
    from support.printcheck import _ratio

    image = render(kit / "certificates.pdf", 1, RULE_DPI, tmp_path)
    white = (255, 255, 255)
    middle_y = c.PAGE_H / 2 - 60  # a height where only the borders are drawn at the page's edges
    probes = {"outer border": (c.BORDER - 4, middle_y, c.BORDER + 4, middle_y + 2),
              "inner rule": (c.INNER - 3, middle_y, c.INNER + 3, middle_y + 2),
              "name rule": (c.PAGE_W / 2 - 150, c.PAGE_H - c.NAME_ZONE[0], c.PAGE_W / 2 - 148,
                            c.PAGE_H - c.NAME_ZONE[0] + 8)}
    for k, (x0, x1) in enumerate(c.signature_lines(3, qr=True)):
        probes[f"signature line {k + 1}"] = (x0 + 3, c.PAGE_H - c.SIGN_LINE_Y - 3, x0 + 5, c.PAGE_H - c.SIGN_LINE_Y + 3)
    for name, box in probes.items():
        ink = _darkest(image, box)
        assert _ratio(ink, white) >= 3.0, (name, ink, round(_ratio(ink, white), 2))


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    """Three presenters whose names and credentials need two lines under their signature lines."""
    folder = tmp_path_factory.mktemp("crowded")
    write(folder, "o.yaml", f"""\
        extends: {DATA / "print-stress.yaml"}
        presenters:
          - name: Dawn Allred
            credentials: LPC, MAC
          - name: Maximilian Fitzgerald-Whitmore
            credentials: PhD, LPC-S, NCC, ACS, CCMHC, BC-TMH, CCTP-II
          - name: Guadalupe Hernández-Villanueva de la Cruz
            credentials: LCSW, CADC-II, MAC, ICADC, CCS, LMFT-S
        """)
    result = run("build", folder / "o.yaml", "--roster", OUTLINES / "sample-roster.csv", "--out", folder / "kit",
                 "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    return folder / "kit" / "certificates.pdf"


def test_crowded_signature_blocks_share_one_size_and_stay_clear_of_the_id_line_and_the_frame(crowded):
    words = pdf_words(crowded)[0]
    sizes = text_sizes(crowded)[0]
    names = {size for text, size in sizes if any(n in text for n in ("Allred", "Maximilian", "Guadalupe", "Hernández"))}
    assert len(names) == 1 and min(names) >= 9, names
    credentials = {size for text, size in sizes if any(n in text for n in ("LPC", "PhD", "LCSW", "CCTP", "LMFT"))
                   and "License" not in text}
    assert len(credentials) == 1 and min(credentials) >= 9, credentials
    footer = [w for w in words if w.text in ("Certificate", "ID", "Issued") and w.y0 > c.PAGE_H - 100]
    assert len({round(w.y0) for w in footer}) == 1
    top, bottom = min(w.y0 for w in footer), max(w.y1 for w in footer)
    block = [w for w in words if w.y0 > c.PAGE_H - c.SIGN_LINE_Y and w.y1 < top and w.x1 < c.QR_X - 4]
    assert block, "no signature block under the lines"
    assert top - max(w.y1 for w in block) >= 4, (top, max(w.y1 for w in block))  # boxes with ascent and descent
    assert (c.PAGE_H - c.INNER) - bottom >= 8  # and the frame well below it
    # the blocks are at least 140 pt apart at their lines and centred under them
    lines = c.signature_lines(3, qr=True)
    assert all(b[0] - a[1] >= c.SIGN_GAP for a, b in zip(lines, lines[1:]))


def test_a_partial_award_is_worded_as_a_board_reads_it(kit):
    from support.office import pdf_text

    text = flat(" ".join(pdf_text(kit / "certificates.pdf")))
    assert "(partial attendance)" not in text
    assert "CE hours awarded for partial attendance of a 3.00-hour program" in text
    assert c.partial_note(c.Decimal("3.25"), "contact hours") == "awarded for partial attendance of a 3.25-hour program"
    assert c.partial_note(c.Decimal("0.3"), "CEUs") == "awarded for partial attendance of a 0.30 CEUs program"
