"""Parsed TrueType faces, and the characters each font file has, kept between runs.

A build then does not read the same font files again.

ReportLab reads a TrueType file glyph by glyph: a CJK face of 50,000 glyphs takes longer to parse
than the rest of a small build. The parsed face (its character map, widths and glyph offsets,
everything but the file's bytes, which are read again) is kept in ``~/.cache/workshop/fonts``
(``$XDG_CACHE_HOME/workshop/fonts`` when that is set), one file per font file, named by the font
file's path, size and modification time and the ReportLab and Python versions, so a changed or
updated font is parsed afresh. The cache holds only what parsing the font gives, so a build makes
the same bytes with it or without it. ``WORKSHOP_FONT_CACHE=off`` turns it off; a cache that
cannot be written (a read-only home) is simply not used.

The files are in Python's ``marshal`` format (plain numbers, strings, lists and dictionaries:
loading one runs no code), read only when they belong to the user running the build and no one
else can write them.
"""

from __future__ import annotations

import hashlib
import os
import marshal
import sys
import tempfile
from pathlib import Path
from weakref import WeakKeyDictionary

#: Bumped when what is kept changes.
FORMAT = 2
#: How a name string of the font (ReportLab's bytes with a decoded copy) is kept.
_NAME = "__ttf_name__"


def cache_dir() -> Path | None:
    """Where parsed faces are kept, or None when the cache is off."""
    if os.environ.get("WORKSHOP_FONT_CACHE", "").lower() in ("off", "0", "no", "false"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "workshop" / "fonts"


def load_ttfont(name: str, path: Path, number: int = 0):
    """ReportLab's ``TTFont(name, path)`` (face ``number`` of a collection), its face from the
    cache when it is there."""
    from reportlab.pdfbase.ttfonts import TTFont

    folder = cache_dir()
    entry = _entry(folder, path, number) if folder is not None else None
    face = _read(entry, path) if entry is not None else None
    if face is None:
        font = TTFont(name, str(path), subfontIndex=number)
        if entry is not None:
            _write(entry, font.face)
        return font
    return _font_with(name, face)


def kept_coverage(path: Path, read):
    """``read(path)``, the faces of a font file and the characters each has, kept like a parsed
    face: a computer with hundreds of fonts (Windows, macOS) reads them all only once."""
    folder = cache_dir()
    entry = _entry(folder, path, suffix=".cmap") if folder is not None else None
    if entry is not None:
        try:
            info = entry.stat()
            if not hasattr(os, "getuid") or (info.st_uid == os.getuid() and not info.st_mode & 0o022):
                kept = marshal.loads(entry.read_bytes())
                if isinstance(kept, list) and all(isinstance(f, tuple) and len(f) == 3 for f in kept):
                    return kept
        except (OSError, EOFError, ValueError, TypeError):
            pass
    faces = read(path)
    if entry is not None:
        _keep(entry, marshal.dumps(faces))
    return faces


def _entry(folder: Path, path: Path, number: int = 0, suffix: str = ".faces") -> Path | None:
    import reportlab

    try:
        stat = path.stat()
    except OSError:
        return None
    key = "|".join(map(str, (FORMAT, reportlab.Version, sys.version_info[:2], path.resolve(), stat.st_size,
                             stat.st_mtime_ns) + ((number,) if number else ())))
    return folder / (hashlib.sha256(key.encode()).hexdigest()[:32] + suffix)


def _read(entry: Path, path: Path):
    from reportlab.pdfbase.ttfonts import TTFontFace

    try:
        info = entry.stat()
        # only the user's own, unshared files (Windows keeps no owner or mode bits to check)
        if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022):
            return None
        state = marshal.loads(entry.read_bytes())  # marshal.load on a file reads it in small pieces: slow
        data = path.read_bytes()
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(state, dict) or state.get("filename") != str(path):
        return None
    from reportlab.pdfbase.ttfonts import TTFNameBytes

    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update({k: _name(v, TTFNameBytes) for k, v in state.items()})
    face._ttf_data = data
    face._pdfScale = _scale(face.unitsPerEm)
    return face


def _write(entry: Path, face) -> None:
    from reportlab.pdfbase.ttfonts import TTFNameBytes

    state = {k: ((_NAME, bytes(v), v.ustr) if isinstance(v, TTFNameBytes) else v)
             for k, v in face.__dict__.items() if k not in ("_ttf_data", "_pdfScale")}
    try:
        data = marshal.dumps(state)
    except (ValueError, TypeError):
        return  # a value marshal cannot keep: no cache this time; the font was parsed and is used as is
    _keep(entry, data)


def _keep(entry: Path, data: bytes) -> None:
    """Write ``data`` to the cache file ``entry`` whole, or not at all."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".writing-", suffix=entry.suffix)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, entry)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # no cache this time (a read-only home, a full disk)


def _name(value, name_bytes):
    """A kept name string back as ReportLab's own type."""
    if isinstance(value, tuple) and len(value) == 3 and value[0] == _NAME:
        restored = bytes.__new__(name_bytes, value[1])
        restored.ustr = value[2]
        return restored
    return value


def _scale(units_per_em: int):
    """The font-units-to-1/1000-em scale ReportLab's parser sets on a face."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _font_with(name: str, face):
    """A ``TTFont`` as ReportLab's constructor makes it, on a face already parsed."""
    from fnmatch import fnmatch

    from reportlab import rl_config
    from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, unShapedFontGlob

    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, g) for g in unShapedFontGlob)
    return font
