"""Whether a picture can go into the deck: a format PowerPoint shows, a size it can hold, a file
that decodes. Checked once per file version, when the outline is read."""

from __future__ import annotations

import warnings
from pathlib import Path

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff"}
#: What the file's own header must say, whatever its name: the formats PowerPoint shows.
IMAGE_FORMATS = {"PNG", "JPEG", "GIF", "BMP", "TIFF"}

#: Past these a picture is refused: a slide never needs more, and every builder would carry it.
MAX_PICTURE_PIXELS = 40_000_000
MAX_PICTURE_BYTES = 50 * 2 ** 20


def picture_problem(path: Path) -> str:
    """Why the picture at ``path`` cannot go into the deck, or "" when it can.

    A picture past :data:`MAX_PICTURE_PIXELS` is refused from its header alone, before anything
    decodes it; a smaller one is decoded once, so a damaged file is named here and not met by
    a builder. Cached by file identity: ``watch`` asks again after every save.
    """
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _CHECKED_PICTURES:
        _CHECKED_PICTURES[key] = _picture_check(*key)
    return _CHECKED_PICTURES[key]


_CHECKED_PICTURES: dict[tuple[str, int, int], str] = {}


def _picture_check(name: str, mtime_ns: int, size: int) -> str:
    from PIL import Image, UnidentifiedImageError  # only an outline with pictures pays for Pillow

    smaller = "save a smaller copy (at most about 4000 pixels wide is plenty for a slide)"
    if size > MAX_PICTURE_BYTES:
        return f"is {size // 2 ** 20} MB, too large to embed; {smaller}"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # PIL's warnings (size, damaged EXIF) are ours to phrase
            with Image.open(name) as im:
                kind, (width, height) = im.format, im.size
                if kind in IMAGE_FORMATS and 0 < width * height <= MAX_PICTURE_PIXELS:
                    im.load()
    except Image.DecompressionBombError:
        return f"{_picture_size(Path(name))}, too large to embed; {smaller}"
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        return "cannot be read as a picture; is it damaged, or another kind of file renamed?"
    if kind not in IMAGE_FORMATS:
        return f"is a {kind} picture; save it as PNG or JPEG"
    if not width or not height:
        return "is a picture with no pixels"
    if width * height > MAX_PICTURE_PIXELS:
        return f"is {width} × {height} pixels, too large to embed; {smaller}"
    return ""


def _picture_size(path: Path) -> str:
    """"is W × H pixels" for a picture too large for PIL to open, read by its format's own reader."""
    from PIL import Image

    Image.init()
    with path.open("rb") as fp:
        prefix = fp.read(16)
        for kind in sorted(IMAGE_FORMATS):
            factory, accept = Image.OPEN[kind]
            accepted = accept(prefix) if accept else True
            if accepted and not isinstance(accepted, str):  # a str is Pillow's "nearly, but no"
                fp.seek(0)
                with factory(fp, str(path)) as im:
                    width, height = im.size
                return f"is {width} × {height} pixels"
    return f"has more than {2 * Image.MAX_IMAGE_PIXELS // 10 ** 6} million pixels"
