"""One content slide of a read deck -> one outline slide: its title, one body, its notes.

An outline slide has at most one body. Text comes in as ``bullets`` (or ``numbered`` when every
top-level paragraph is auto-numbered), a lone quotation with its citation as ``quote``, and a
slide with only a picture as ``image``. Whatever does not fit that shape is named in a comment
at the slide and in the import report.
"""

from __future__ import annotations

import hashlib
import io
import re

from workshop.importer.draft import Draft, DraftSlide, Item
from workshop.importer.raw import Para, Picture, RawSlide

#: The timing line a built deck appends to every slide's notes; the next build writes it again.
TIMING_CUE = re.compile(r"^Timing: .*, \S+ in, \S+ left$")
_CUE_MINUTES = re.compile(r"^Timing: (?:.*\((\d+) min\)|at [^,]+), \S+ in, \S+ left$")
_OPENING = "“\"‘«„"
_CLOSING = "”\"’»“"
_DASHES = "—–-―~"
_FILE_NAME = re.compile(r"^[\w\- .()]+\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|heic|webp)$", re.I)
#: The picture kinds an outline's image: accepts, by Pillow's name for them.
_SHOWN = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "BMP": "bmp", "TIFF": "tiff"}


def clean(text: str) -> str:
    """One line of slide text: runs of spaces, tabs and line breaks become one space."""
    return " ".join(text.split())


def clean_notes(text: str, drop: tuple[str, ...] = ()) -> str:
    """Speaker notes without a built deck's timing lines (and any line in ``drop``)."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kept = [line for line in lines if not TIMING_CUE.match(line.strip()) and line.strip() not in drop]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


class Pictures:
    """Names the deck's pictures ``images/slide-07.png`` and keeps each distinct picture once."""

    def __init__(self, draft: Draft):
        self.draft = draft
        self.by_digest: dict[str, str] = {}

    def save(self, picture: Picture, number: int) -> str:
        """The picture's path relative to the outline, or "" when an outline cannot show its kind."""
        kind = _picture_kind(picture.data)
        if kind is None:
            return ""
        digest = hashlib.sha256(picture.data).hexdigest()
        if digest in self.by_digest:
            return self.by_digest[digest]
        stem, n = f"images/slide-{number:02d}", 1
        path = f"{stem}.{kind}"
        while path in self.draft.pictures:
            n += 1
            path = f"{stem}-{n}.{kind}"
        self.draft.pictures[path] = picture.data
        self.by_digest[digest] = path
        return path


def _picture_kind(data: bytes) -> str | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as im:
            return _SHOWN.get(im.format or "")
    except (UnidentifiedImageError, OSError, ValueError):
        return None


def content_slide(raw: RawSlide, draft: Draft, pictures: Pictures) -> DraftSlide | None:
    """The outline slide for ``raw``; None (and a notice) for a slide with nothing on it."""
    paras = [p for block in raw.text_blocks for p in block.paras]
    if not (raw.title.strip() or paras or raw.pictures or raw.notes.strip() or raw.missing or raw.leftover):
        draft.notice(raw.number, "folded", "an empty slide, left out")
        return None
    title = clean(raw.title)
    slide = DraftSlide(title, raw.number)
    columns = _columns(raw)
    if columns:
        slide.layout = "two-columns"
        slide.comments.append(f"two columns in the old deck: the first {columns} bullets were on the left")
    if not title and paras:
        slide.title = clean(paras[0].text)
        paras = paras[1:]
        slide.comments.append("check: the slide had no title; this is its first line of text")
    elif not title:
        slide.title = f"Slide {raw.number}"
        slide.comments.append("check: the slide had no title or text; give it a title")
    for text in raw.missing:
        slide.comments.append(f"not brought in: {text}; see slide {raw.number} of the old deck")
        draft.notice(raw.number, "missing", text)
    for text in raw.changed:
        slide.comments.append(f"brought in differently: {text}")
        draft.notice(raw.number, "changed", text)
    for text in raw.leftover:
        slide.comments.append(text)
    for text in raw.furniture:
        draft.notice(raw.number, "folded", f"{text}, left out (the build numbers every slide)")
    if raw.hidden:
        slide.comments.append("check: hidden in the old deck; delete this slide if you do not show it")
        draft.notice(raw.number, "check", "hidden in the deck; brought in with a comment")
    placed = _body(slide, paras, raw, draft, pictures)
    slide.notes = clean_notes(raw.notes, drop=(f"Image: {placed}",) if placed else ())
    cue = next((m for line in raw.notes.split("\n") if (m := _CUE_MINUTES.match(line.strip()))), None)
    slide.cue_minutes = int(cue.group(1) or 0) if cue else None
    if slide.layout == "two-columns" and (len(slide.items) < 2 or slide.image):
        slide.layout = ""
        slide.comments = [c for c in slide.comments if not c.startswith("two columns in the old deck")]
    return slide


def _columns(raw: RawSlide) -> int:
    """The number of top-level paragraphs in the left column of a two-column slide, else 0.

    Two columns are two blocks of text (body placeholders or text boxes) side by side, and
    nothing else with text on the slide."""
    blocks = [b for b in raw.text_blocks if b.role in ("body", "text")]
    if all(re.fullmatch(r"(Point|Step) \d+", b.name) for b in blocks):  # a built deck's cards: one list
        return 0
    if len(blocks) != 2 or len(raw.text_blocks) != 2 or any(b.box is None for b in blocks):
        return 0
    left, right = sorted(blocks, key=lambda b: b.box[0])
    apart = left.box[0] + left.box[2] <= right.box[0] + right.box[2] // 10
    beside = left.box[1] < right.box[1] + right.box[3] and right.box[1] < left.box[1] + left.box[3]
    if not (apart and beside) or raw.text_blocks[0] is not left:
        return 0
    return sum(1 for p in left.paras if p.level == 0) or len(left.paras)


def _body(slide: DraftSlide, paras: list[Para], raw: RawSlide, draft: Draft, pictures: Pictures) -> str:
    """Give ``slide`` its body; return the alt text of a picture the slide shows, else "".

    Text becomes the body; a picture beside a list goes beside it (layout image-left or
    image-right, by where it was); a picture alone is the body."""
    placed = ""
    if paras:
        quote = _as_quote(paras)
        if quote:
            slide.quote = quote
        else:
            _bullets(slide, paras, draft)
    for picture in raw.pictures:
        path = pictures.save(picture, raw.number)
        if not path:
            text = f"a picture in a format an outline cannot show ({picture.ext.upper()}); save it as PNG"
            slide.comments.append(f"not brought in: {text}")
            draft.notice(raw.number, "missing", text)
            continue
        alt = clean(picture.alt)
        if _FILE_NAME.match(alt):  # what PowerPoint writes when no one described the picture
            alt = ""
        beside = bool(slide.items) and not slide.image and slide.layout != "two-columns" and not picture.background
        if slide.image or slide.quote or (slide.items and not beside):
            described = f", alt text “{alt}”" if alt else ""
            why = ("a slide shows one picture" if slide.image else "it filled the slide, behind the text"
                   if picture.background else "a slide shows a quote or two columns alone")
            slide.comments.append(f"picture not placed ({why}): {path}{described}")
            draft.notice(raw.number, "changed", f"a picture saved as {path} but not placed ({why})")
            continue
        if not alt:
            alt = f"Picture from slide {raw.number} of {draft.source}"
            slide.comments.append("check: the picture had no alt text; describe it in image.alt")
            draft.notice(raw.number, "check", f"a picture without alt text, saved as {path}")
        slide.image = (path, alt)
        placed = alt
        if beside:
            slide.layout = f"image-{_side(picture, raw)}"
            draft.notice(raw.number, "changed", f"a picture beside text, placed {slide.layout.split('-')[1]} of it "
                                                f"(layout {slide.layout})")
    return placed


def _side(picture: Picture, raw: RawSlide) -> str:
    """Which side of the slide's text the picture was on: left or right."""
    boxes = [b.box for b in raw.text_blocks if b.box is not None]
    if picture.box is None or not boxes:
        return "right"
    text_centre = sum(b[0] + b[2] / 2 for b in boxes) / len(boxes)
    return "left" if picture.box[0] + picture.box[2] / 2 < text_centre else "right"


def _as_quote(paras: list[Para]) -> tuple[str, str] | None:
    """A quotation in quotation marks, with or without a "— source" line after it."""
    texts = [clean(p.text) for p in paras]
    if len(texts) > 2 or len(texts[0]) < 3:
        return None
    first = texts[0]
    if first[0] not in _OPENING or first[-1] not in _CLOSING:
        return None
    inner = first[1:-1].strip()
    if not inner or any(c in inner for c in "“”"):
        return None
    source = ""
    if len(texts) == 2:
        if texts[1][0] not in _DASHES:
            return None
        source = texts[1].lstrip(_DASHES + " ").strip()
    return inner, source


def _bullets(slide: DraftSlide, paras: list[Para], draft: Draft) -> None:
    deep = False
    for para in paras:
        text = clean(para.text)
        if para.level == 0 or not slide.items:
            slide.items.append(Item(text))
            continue
        deep = deep or para.level > 1
        slide.items[-1].children.append(text)
    top = [p for p in paras if p.level == 0] or paras[:1]
    slide.numbered = all(p.numbered for p in top)
    if deep:
        text = "bullets more than two levels deep, brought up to the second level"
        slide.comments.append(f"brought in differently: {text}")
        draft.notice(slide.number, "changed", text)
