"""Certificates with every optional part (logo, seal, a signature image per presenter, a QR code,
a long approval statement): each drawn in its own zone, none over another or over any text."""

import pytest
from PIL import Image, ImageDraw

from conftest import DATA, MINIMAL, OUTLINES, BUNDLED, assert_rejected, run, write
from office import pdf_words
from printcheck import low_contrast_words, render, text_sizes
from test_print import flat
from workshop.builders import certificates as c
from workshop.model import APPROVAL_MAX_CHARS

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

    zones = [box("logo", *c.LOGO_ZONE), box("seal", *c.SEAL_ZONE),
             box("qr", c.RIGHT - c.QR_SIDE, c.QR_Y, c.QR_SIDE, c.QR_SIDE)]
    slot = (c.RIGHT - c.CORNER_W - 12 - c.LEFT) / 3
    for k in range(3):
        line_w = min(slot - 16, 230)
        x0 = c.LEFT + k * slot + (slot - line_w) / 2
        zones.append(box(f"signature {k + 1}", x0, c.SIGN_LINE_Y + 3, line_w, c.SIGN_IMAGE_H))
    return zones


def test_no_word_touches_a_reserved_zone(kit):
    for page, words in enumerate(pdf_words(kit / "certificates.pdf"), 1):
        for name, x0, top, x1, bottom in _zones():
            inside = [w.text for w in words if w.x0 < x1 and w.x1 > x0 and w.y0 < bottom and w.y1 > top]
            assert not inside, (page, name, inside)


def _pixels(image, zone):
    _, x0, top, x1, bottom = zone
    s = DPI / 72
    return [image.getpixel((x, y)) for x in range(int(x0 * s) + 1, int(x1 * s) - 1)
            for y in range(int(top * s) + 1, int(bottom * s) - 1)]


def _near(rgb, target, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(rgb, target))


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


def test_an_approval_too_long_for_a_certificate_is_refused(in_tmp):
    text = "Approved. " * (APPROVAL_MAX_CHARS // 10 + 1)
    write(in_tmp, "o.yaml", MINIMAL + f'ce:\n  provider: P\n  approval: "{text.strip()}"\n')
    assert_rejected(run("build", "o.yaml", "--out", "kit"),
                    f"o.yaml:14:13: ce.approval: {len(text.strip())} characters is more than a certificate has "
                    f"room for ({APPROVAL_MAX_CHARS} at most); shorten the statement")
    assert not (in_tmp / "kit").exists()


def test_a_long_statement_in_capitals_still_fits_its_zone():
    text = (APPROVAL.upper() * 2)[:APPROVAL_MAX_CHARS]
    size, lines = c._Certificate.approval_lines(text)
    assert c.fits_approval(text) and size >= 8 and len(lines) <= 3


def test_an_approval_of_wide_letters_that_cannot_fit_is_refused(in_tmp):
    text = ("Wm " * (APPROVAL_MAX_CHARS // 3)).strip()
    assert not c.fits_approval(text)
    write(in_tmp, "o.yaml", MINIMAL + f'ce:\n  provider: P\n  approval: "{text}"\n')
    (in_tmp / "r.csv").write_text("name\nAna\n", encoding="utf-8")
    for command in (("validate", "o.yaml"), ("build", "o.yaml", "--roster", "r.csv", "--out", "kit")):
        assert_rejected(run(*command), "o.yaml:14:13: ce.approval: the approval statement needs more than the three "
                                       "lines a certificate has room for; shorten it")
    assert not (in_tmp / "kit").exists()
