"""Pictures the outline points at (slide images, the logo, signatures): an oversized or damaged
file is named with what to do, by validate and build alike, before anything decodes it."""

import struct
import zlib

import pytest
from PIL import Image

from support import MINIMAL, assert_rejected, run, write


def png_header(path, width: int, height: int) -> None:
    """A PNG that claims ``width`` x ``height`` pixels: the header is all anyone reads first."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))


SMALLER = "save a smaller copy (at most about 4000 pixels wide is plenty for a slide)"
SLIDE_IMAGE = "        image: {path: photo.png, alt: A photo}\n"


@pytest.mark.parametrize("side", [20000, 10000, 7000])
def test_huge_picture_is_refused_with_its_size(in_tmp, side):
    """20000² is past Pillow's own refusal, 10000² past its warning, 7000² past ours."""
    png_header(in_tmp / "photo.png", side, side)
    write(in_tmp, "o.yaml", MINIMAL.replace("        bullets: [one, two]\n", SLIDE_IMAGE))
    expected = (f"o.yaml:11:23: section 1, slide 1, image.path: photo.png is {side} × {side} pixels, "
                f"too large to embed; {SMALLER}")
    assert_rejected(run("validate", "o.yaml"), expected)
    assert_rejected(run("build", "o.yaml", "--out", in_tmp / "out"), expected)


def test_huge_logo_and_signature_are_refused(in_tmp):
    png_header(in_tmp / "logo.png", 12000, 4000)
    png_header(in_tmp / "sig.png", 30000, 10000)
    text = MINIMAL.replace("  - name: Ana Presenter\n", "  - name: Ana Presenter\n    signature: sig.png\n")
    write(in_tmp, "o.yaml", text + "theme:\n  logo: logo.png\n")
    assert_rejected(run("validate", "o.yaml"),
                    "o.yaml:6:16: presenter 1, signature: sig.png is 30000 × 10000 pixels, too large to embed; "
                    + SMALLER,
                    f"o.yaml:14:9: theme.logo: logo.png is 12000 × 4000 pixels, too large to embed; {SMALLER}")


def test_half_written_picture_is_named(in_tmp):
    Image.effect_noise((300, 200), 40).convert("RGB").save(in_tmp / "photo.png")
    data = (in_tmp / "photo.png").read_bytes()
    (in_tmp / "photo.png").write_bytes(data[: len(data) // 2])
    write(in_tmp, "o.yaml", MINIMAL.replace("        bullets: [one, two]\n", SLIDE_IMAGE))
    assert_rejected(run("build", "o.yaml", "--out", in_tmp / "out"),
                    "o.yaml:11:23: section 1, slide 1, image.path: photo.png cannot be read as a picture; "
                    "is it damaged, or another kind of file renamed?")


def test_picture_just_inside_the_bound_builds(in_tmp):
    Image.new("1", (6000, 6000)).save(in_tmp / "photo.png")  # 36 megapixels, one bit each: a small file
    write(in_tmp, "o.yaml", MINIMAL.replace("        bullets: [one, two]\n", SLIDE_IMAGE))
    result = run("build", "o.yaml", "--out", in_tmp / "out", "--only", "deck")
    assert result.exit_code == 0, result.stderr
    from pptx import Presentation

    slides = Presentation(str(in_tmp / "out" / "deck.pptx")).slides
    pictures = [s for slide in slides for s in slide.shapes if hasattr(s, "image")]
    assert [p.image.size for p in pictures] == [(6000, 6000)]  # on its slide, whole


def test_picture_file_over_50_megabytes_is_refused(in_tmp):
    png_header(in_tmp / "photo.png", 3000, 2000)
    with (in_tmp / "photo.png").open("r+b") as f:
        f.truncate(51 * 2 ** 20)  # sparse: costs no disk
    write(in_tmp, "o.yaml", MINIMAL.replace("        bullets: [one, two]\n", SLIDE_IMAGE))
    assert_rejected(run("validate", "o.yaml"),
                    "o.yaml:11:23: section 1, slide 1, image.path: photo.png is 51 MB, too large to embed; "
                    + SMALLER)
