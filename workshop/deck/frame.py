"""Where a deck's text goes and what it sits on: the slide's size, the title and body areas of a
content slide, the footer line, and the colour behind each, for the built-in design or for a
PowerPoint template.

The plan lays text out inside a :class:`Frame`, the renderer and the miniatures draw it, and the
palette picks every text colour against the background the frame says the text sits on. For a
template all of this is read from the template itself: its slide size (a 4:3 template stays
4:3), its layouts' title and body placeholders, its footer placeholders, and the colours of its
backgrounds, bands and pictures, so text never lands on a colour it cannot be read on.
"""

from __future__ import annotations

import colorsys
import functools
import io
from dataclasses import dataclass, field

from lxml import etree

from workshop import model as m
from workshop.colour import contrast
from workshop.deck.palette import TEXT, TEXT_TARGET, WHITE, Palette, hero_palette, mix, palette, readable
from workshop.ooxml import NS

EMU_PER_PT = 12700
_A, _P, _R = NS["a"], NS["p"], NS["r"]

#: The layouts the deck uses, by the role name ``theme.layouts`` maps, each with the layout name a
#: template has by default and what the deck makes from it.
ROLES = {
    "title": ("Title Slide", "the title slide"),
    "section": ("Section Header", "section dividers, breaks and the closing slide"),
    "title_only": ("Title Only", "quotes, pictures, activities and other slides the deck lays out itself"),
    "content": ("Title and Content", "slides with a list, in its body placeholder"),
    "two_content": ("Two Content", "lists long enough for two columns"),
}
REQUIRED_ROLES = ("title", "section", "title_only")


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.w and self.y <= y <= self.y + self.h


@dataclass(frozen=True)
class Art:
    """A piece of a template's own design (a band, a picture), as a miniature draws it."""

    rect: Rect
    colour: str = ""  # "RRGGBB" for a filled shape
    picture: bytes = b""  # the picture's bytes, for a picture


@dataclass(frozen=True)
class Frame:
    width: float  # points
    height: float
    title: Rect  # a content slide's title area (the design's bar grows below it for long titles)
    body: Rect  # a content slide's body area
    footer_y: float  # the top of the footer line: body text stays above it
    palette: Palette
    designed: bool = True  # the built-in design; False for a template
    margin: float = 48.0
    # a template's backgrounds and art by layout role, for miniatures ("" when designed)
    backgrounds: dict[str, str] = field(default_factory=dict)
    art: dict[str, tuple[Art, ...]] = field(default_factory=dict)
    hero: dict[str, Palette] = field(default_factory=dict)  # a template's palette for its title and section layouts
    footer_ink: str = ""  # a template's footer and slide number text, read against what is behind them
    footer_w: float = 700.0  # the width the footer text has on one line
    footer_rect: Rect | None = None  # a template's footer and slide-number placeholders
    number_rect: Rect | None = None
    number_moved: bool = False  # the slide number's box was narrowed to keep clear of the template's art
    number_ink: str = ""

    def palette_for(self, kind: str) -> Palette:
        """The palette of a slide of ``kind``: a template's full-bleed slides read against their own layout."""
        if kind == "title" and "title" in self.hero:
            return self.hero["title"]
        if kind in ("section", "break", "closing", "statement") and "section" in self.hero:
            return self.hero["section"]
        return self.palette

    @property
    def content_w(self) -> float:
        return self.width - 2 * self.margin


# The built-in design, in points: a 16:9 slide, its margins, the title bar (it grows below for
# titles that need more lines) and the footer line.
DESIGN_W, DESIGN_H = 960.0, 540.0
DESIGN_MARGIN = 48.0
BAR_MIN = 96.0
DESIGN_FOOTER_Y = 508.0


def frame_for(theme: m.Theme) -> Frame:
    """The frame for ``theme``: the built-in design in its colours, or its template's own."""
    if theme.template is None:
        width = DESIGN_W - 2 * DESIGN_MARGIN
        body_y = BAR_MIN + 24
        colours = palette(theme)
        deep = hero_palette(colours)
        return Frame(DESIGN_W, DESIGN_H, Rect(DESIGN_MARGIN, 0.0, width, BAR_MIN),
                     Rect(DESIGN_MARGIN, body_y, width, DESIGN_FOOTER_Y - 12 - body_y), DESIGN_FOOTER_Y, colours,
                     margin=DESIGN_MARGIN, hero={"title": deep, "section": deep} if deep else {})
    stat = theme.template.stat()
    return _template_frame(str(theme.template), stat.st_mtime_ns, stat.st_size, tuple(sorted(layout_names(theme).items())),
                           theme.accent)


def layout_names(theme: m.Theme) -> dict[str, str]:
    """The template layout each role is made from: the template's usual names, or the outline's
    ``theme.layouts`` mapping."""
    return {role: dict(theme.layouts).get(role, name) for role, (name, _) in ROLES.items()}


@functools.lru_cache(maxsize=8)
def _template_frame(path: str, _mtime: int, _size: int, names: tuple[tuple[str, str], ...], accent: str) -> Frame:
    from pptx import Presentation

    prs = Presentation(path)
    width, height = prs.slide_width / EMU_PER_PT, prs.slide_height / EMU_PER_PT
    by_name = layouts_by_name(prs)
    roles = {role: by_name[name] for role, name in names if name in by_name}
    title_only = roles.get("title_only") or next(iter(by_name.values()))
    master = title_only.slide_master
    margin = min(48.0, width * 0.05)

    def placed(owner, kinds) -> Rect | None:  # a placeholder wholly on the slide, or None
        r = _placeholder_rect(owner, kinds)
        return r if r is not None and r.x >= -1 and r.y >= -1 and r.x + r.w <= width + 1 and r.bottom <= height + 1 \
            and r.w > 0 and r.h > 0 else None

    title = placed(title_only, ("title", "ctrTitle")) or Rect(margin, margin / 2, width - 2 * margin, 80.0)
    footer_tops = [r.y for kind in ("ftr", "sldNum", "dt") if (r := placed(master, (kind,))) is not None
                   and r.y > height * 0.6]
    footer_y = min(footer_tops, default=height - 32.0)
    if footer_y - title.bottom < height * 0.4:  # a title low on the slide (under its body, say) goes to the top
        top = min(title.y, margin / 2)
        title = Rect(title.x, top, title.w, min(title.h, 80.0))
    content = roles.get("content")
    body = (placed(content, ("body", "obj")) if content is not None else None) \
        or placed(master, ("body", "obj"))
    if body is None or body.y < title.bottom:
        body = Rect(title.x, title.bottom + 18, title.w, footer_y - 12 - title.bottom - 18)
    body = Rect(body.x, body.y, body.w, min(body.bottom, footer_y - 8) - body.y)
    colours = _SchemeColours(master)
    backgrounds, art, stops = {}, {}, {}
    for role, layout in roles.items():
        stops[role] = _background_stops(layout, colours)
        backgrounds[role] = _mean(stops[role])
        art[role] = _art(layout, colours, width, height)
    content_role = "content" if "content" in roles else "title_only"
    content_bg = backgrounds.get(content_role, "FFFFFF")

    def on(role: str, colour: str) -> tuple[str, ...]:
        """Every colour text at a place of ``colour`` meets: each stop of a gradient background."""
        return tuple(stops.get(role, ())) if colour == backgrounds.get(role) else (colour,)

    inks = (colours.get("tx1", TEXT), colours.get("bg1", WHITE), TEXT, WHITE)
    title_on = on("title_only", _behind(art.get("title_only", ()), title, backgrounds.get("title_only", content_bg)))
    body_on = on(content_role, _behind(art.get(content_role, ()), body, content_bg))
    body_text = _bestreadable(inks, *body_on)
    title_text = _bestreadable((colours.get("tx2", ""),) * ("tx2" in colours) + inks, *title_on)
    # the stop text reads worst on stands for the whole background from here on
    body_bg = min(body_on, key=lambda c: contrast(body_text, c))
    title_bg = min(title_on, key=lambda c: contrast(title_text, c))
    accent1 = _brand_colour(art.get("title_only", ()), (content_bg, title_bg), width) or colours.get("accent1", accent)
    pal = Palette(primary=title_bg, accent=accent1, on_primary=title_text,
                  on_primary_muted=readable(_muted(title_text, title_bg), title_bg),
                  accent_text=readable(accent1, body_bg), body_text=body_text,
                  muted_text=readable(_muted(body_text, body_bg), body_bg), background=body_bg)
    hero = {}
    for role in ("title", "section"):
        if role not in roles:
            continue
        hero_rect = Rect(margin + 28, height * 0.25, width - 2 * margin - 28, height * 0.5)
        hero_on = on(role, _behind(art[role], hero_rect, backgrounds[role]))
        ink = _bestreadable((colours.get("tx1", TEXT), colours.get("bg1", WHITE), TEXT, WHITE), *hero_on)
        bg = min(hero_on, key=lambda c: contrast(ink, c))
        hero[role] = Palette(primary=bg, accent=accent1, on_primary=ink, on_primary_muted=readable(_muted(ink, bg), bg),
                             accent_text=readable(accent1, bg), body_text=ink, muted_text=readable(_muted(ink, bg), bg),
                             background=bg)
    inks_at = {}
    footer_box = placed(master, ("ftr",))
    number_box = _clear_of(placed(master, ("sldNum",)), art.get("content", art.get("title_only", ())), width)
    for kind in ("ftr", "sldNum"):
        r = placed(master, (kind,))
        if kind == "sldNum" and number_box is not None:
            r = number_box
        if r is not None:  # text takes the part of the box its alignment puts it in
            align = _placeholder_align(master, kind)
            span = 14.0 if kind == "sldNum" else r.w * 0.5  # a slide number is a digit or two wide
            inner = Rect(r.x + 7.2, r.y, r.w - 14.4, r.h)  # inside the box's default insets
            r = {"r": Rect(inner.x + inner.w - span, r.y, span, r.h),
                 "ctr": Rect(inner.x + (inner.w - span) / 2, r.y, span, r.h)}.get(align, Rect(inner.x, r.y, span, r.h))
        behind = _behind_all(art.get("content", art.get("title_only", ())), r, content_bg) if r else [body_bg]
        inks_at[kind] = _bestreadable((_muted(body_text, behind[0]), colours.get("tx1", TEXT), colours.get("bg1", WHITE),
                                   TEXT, WHITE, "000000"), *behind)
    return Frame(width, height, title, body, footer_y, pal, designed=False, margin=margin,
                 backgrounds=backgrounds, art=art, hero=hero, footer_ink=inks_at["ftr"], number_ink=inks_at["sldNum"],
                 footer_w=max(60.0, footer_box.w - 14.4) if footer_box else width - 2 * margin - 60,
                 footer_rect=footer_box,
                 number_rect=number_box, number_moved=number_box != placed(master, ("sldNum",)))


def _brand_colour(art: tuple[Art, ...], backgrounds: tuple[str, ...], width: float) -> str:
    """The colour of the template's own design (a band, a bar) that the deck's decoration should
    repeat: the largest filled shape in a colour, not grey, not a background."""
    best, area = "", 0.0
    for piece in art:
        if piece.picture or not piece.colour or piece.colour in backgrounds:
            continue
        r, g, b = (int(piece.colour[i:i + 2], 16) for i in (0, 2, 4))
        if max(r, g, b) - min(r, g, b) < 40:  # greys and near-greys are structure, not brand
            continue
        if piece.rect.w * piece.rect.h > area:
            best, area = piece.colour, piece.rect.w * piece.rect.h
    return best


def _clear_of(box: Rect | None, art: tuple[Art, ...], width: float) -> Rect | None:
    """``box`` narrowed so that it ends before any small piece of the template's design (a brand
    mark, a logo) it would otherwise print on; full-width bands and backgrounds do not count."""
    if box is None:
        return None
    right = box.x + box.w
    for piece in art:
        r = piece.rect
        if r.w > width * 0.5:
            continue
        overlaps = r.x < right and r.x + r.w > box.x and r.y < box.bottom and r.bottom > box.y
        if overlaps and r.x > box.x + 24:
            right = min(right, r.x - 6)
    return Rect(box.x, box.y, right - box.x, box.h) if right < box.x + box.w else box


def layouts_by_name(prs) -> dict:
    """The template's layouts by name; of two with one name (a second master's copies), the first."""
    found: dict = {}
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            found.setdefault(layout.name, layout)
    return found


def _bestreadable(candidates: tuple[str, ...], background: str, *others: str) -> str:
    """The first of ``candidates`` that reads on ``background`` (and on each of ``others``), or the
    one that reads best on the worst of them."""
    backgrounds = (background, *others)
    for colour in candidates:
        if all(contrast(colour, b) >= TEXT_TARGET for b in backgrounds):
            return colour
    if not others:
        return readable(max(candidates, key=lambda c: contrast(c, background)), background)
    return max(candidates, key=lambda c: min(contrast(c, b) for b in backgrounds))


def _muted(colour: str, background: str) -> str:
    """``colour`` a quarter of the way to ``background``: secondary text, before it is made to read."""
    return mix(colour, background, 0.25)


def _placeholder_rect(layout, kinds: tuple[str, ...]) -> Rect | None:
    """Where the layout's (or master's) placeholder of one of ``kinds`` sits; a layout placeholder
    without a place of its own takes the master's."""
    for shape in layout.placeholders:
        ph = shape._element.find(f"{{{_P}}}nvSpPr/{{{_P}}}nvPr/{{{_P}}}ph")
        kind = ph.get("type", "obj")
        if kind in kinds and ph.get("orient") != "vert":
            try:
                if shape.left is None or shape.width is None:
                    continue
                return Rect(shape.left / EMU_PER_PT, shape.top / EMU_PER_PT, shape.width / EMU_PER_PT,
                            shape.height / EMU_PER_PT)
            except (AttributeError, KeyError, ValueError):
                continue
    return None


class _SchemeColours(dict):
    """The master's theme colours by every name a colour may be written with (dk1, tx1, bg1, accent1 ...)."""

    def __init__(self, master):
        super().__init__()
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT

        try:
            theme = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
        except (KeyError, etree.XMLSyntaxError):
            return
        scheme = theme.find(".//a:clrScheme", NS)
        if scheme is None:
            return
        for child in scheme:
            name = etree.QName(child).localname
            value = child[0].get("val") if len(child) else None
            if len(child) and etree.QName(child[0]).localname == "sysClr":
                value = child[0].get("lastClr") or ("000000" if name == "dk1" else "FFFFFF")
            if value:
                self[name] = value.upper()
        mapping = master._element.find("p:clrMap", NS)
        names = dict(mapping.attrib) if mapping is not None else {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
        for alias, target in names.items():
            if target in self:
                self[alias] = self[target]


def colour_of(element, colours: dict[str, str]) -> str | None:
    """The colour an ``<a:solidFill>`` (or any parent of one colour element) stands for, modifiers applied."""
    if element is None:
        return None
    for child in element:
        tag = etree.QName(child).localname
        base = None
        if tag == "srgbClr":
            base = child.get("val", "").upper()
        elif tag == "schemeClr":
            base = colours.get(child.get("val", ""))
        elif tag == "sysClr":
            base = (child.get("lastClr") or "000000").upper()
        elif tag == "prstClr":
            base = {"black": "000000", "white": "FFFFFF"}.get(child.get("val", ""))
        if base and len(base) == 6:
            return _modified(base, child)
    return None


def _modified(base: str, element) -> str:
    r, g, b = (int(base[i:i + 2], 16) / 255 for i in (0, 2, 4))
    h, light, s = colorsys.rgb_to_hls(r, g, b)
    for mod in element:
        tag, val = etree.QName(mod).localname, int(mod.get("val", "100000")) / 100000
        if tag == "lumMod":
            light *= val
        elif tag == "lumOff":
            light += val
        elif tag == "tint":
            light = light + (1 - light) * (1 - val)
        elif tag == "shade":
            light *= val
    r, g, b = colorsys.hls_to_rgb(h, max(0.0, min(1.0, light)), s)
    return f"{round(r * 255):02X}{round(g * 255):02X}{round(b * 255):02X}"


def _fill_colour(fill_parent, colours, part) -> str | None:
    """The colour of a fill (solid, gradient as the mean of its stops, picture as its mean colour)."""
    if fill_parent is None:
        return None
    solid = fill_parent.find("a:solidFill", NS)
    if solid is not None:
        return colour_of(solid, colours)
    grad = fill_parent.find("a:gradFill", NS)
    if grad is not None:
        stops = [colour_of(gs, colours) for gs in grad.iterfind(".//a:gs", NS)]
        stops = [s for s in stops if s]
        if stops:
            return "".join(f"{round(sum(int(s[i:i + 2], 16) for s in stops) / len(stops)):02X}" for i in (0, 2, 4))
    blip = fill_parent.find("a:blipFill/a:blip", NS)
    if blip is not None:
        data = _blob(part, blip.get(f"{{{_R}}}embed"))
        return _mean_colour(data) if data else None
    return None


def _blob(part, rel_id: str | None) -> bytes:
    try:
        return part.related_part(rel_id).blob if rel_id else b""
    except (KeyError, AttributeError):
        return b""


def _mean_colour(data: bytes) -> str | None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            rgb = im.convert("RGBA").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    except Exception:  # a picture format Pillow cannot read: its colour is unknown
        return None
    r, g, b, a = rgb
    k = a / 255  # a transparent picture shows the white under it
    return f"{round(r * k + 255 * (1 - k)):02X}{round(g * k + 255 * (1 - k)):02X}{round(b * k + 255 * (1 - k)):02X}"


def _background_stops(layout, colours) -> list[str]:
    """The colours behind the layout's text, from its own background or its master's: one for a
    solid fill or a picture, every stop of a gradient (text must read on each)."""
    for owner in (layout, layout.slide_master):
        bg = owner._element.find("p:cSld/p:bg", NS)
        if bg is None:
            continue
        pr = bg.find("p:bgPr", NS)
        if pr is not None:
            grad = [colour_of(gs, colours) for gs in pr.iterfind("a:gradFill//a:gs", NS)]
            if any(grad):
                return [g for g in grad if g]
            found = _fill_colour(pr, colours, owner.part)
            if found:
                return [found]
        ref = bg.find("p:bgRef", NS)
        if ref is not None:
            found = colour_of(ref, colours)
            if found:
                return [found]
    return [colours.get("bg1", "FFFFFF")]


def _mean(colours: list[str]) -> str:
    return "".join(f"{round(sum(int(c[i:i + 2], 16) for c in colours) / len(colours)):02X}" for i in (0, 2, 4))


def unreadable_backgrounds(frame: Frame) -> list[tuple[str, float]]:
    """The layout roles of ``frame`` whose text cannot reach WCAG AA on every part of their
    background (a gradient from white to black, say): (role, the best contrast any text colour gets)."""
    content = "content" if "content" in frame.backgrounds else "title_only"
    places = [(content, frame.palette.body_text, frame.palette.background),
              ("title_only", frame.palette.on_primary, frame.palette.primary)]
    places += [(r, p.on_primary, p.primary) for r, p in frame.hero.items()]
    found: dict[str, float] = {}
    for role, ink, background in places:
        if (best := contrast(ink, background)) < TEXT_TARGET:
            found[role] = min(best, found.get(role, best))
    return list(found.items())


def _art(layout, colours, width: float, height: float) -> tuple[Art, ...]:
    """The master's and the layout's filled shapes and pictures (not placeholders), bottom to top."""
    pieces = []
    owners = [layout.slide_master, layout] if layout._element.get("showMasterSp", "1") != "0" else [layout]
    for owner in owners:
        tree = owner._element.find("p:cSld/p:spTree", NS)
        for shape in tree:
            tag = etree.QName(shape).localname
            if tag not in ("sp", "pic") or shape.find(".//p:nvPr/p:ph", NS) is not None:
                continue
            off, ext = shape.find("p:spPr/a:xfrm/a:off", NS), shape.find("p:spPr/a:xfrm/a:ext", NS)
            if off is None or ext is None:
                continue
            rect = Rect(int(off.get("x")) / EMU_PER_PT, int(off.get("y")) / EMU_PER_PT,
                        int(ext.get("cx")) / EMU_PER_PT, int(ext.get("cy")) / EMU_PER_PT)
            if tag == "pic":
                data = _blob(owner.part, shape.find("p:blipFill/a:blip", NS).get(f"{{{_R}}}embed")
                             if shape.find("p:blipFill/a:blip", NS) is not None else None)
                if data:
                    pieces.append(Art(rect, _mean_colour(data) or "", data))
                continue
            colour = _fill_colour(shape.find("p:spPr", NS), colours, owner.part)
            if colour is None:
                style_fill = shape.find("p:style/a:fillRef", NS)
                if style_fill is not None and style_fill.get("idx", "0") != "0":
                    colour = colour_of(style_fill, colours)
            if colour:
                pieces.append(Art(rect, colour))
    return tuple(pieces)


def _behind(art: tuple[Art, ...], rect: Rect, background: str) -> str:
    """The colour behind the middle of ``rect``: the topmost art covering it, or the background."""
    cx, cy = rect.x + rect.w / 2, rect.y + rect.h / 2
    for piece in reversed(art):
        if piece.rect.contains(cx, cy) and piece.colour:
            return piece.colour
    return background


def _placeholder_align(master, kind: str) -> str:
    for shape in master.placeholders:
        ph = shape._element.find(f"{{{_P}}}nvSpPr/{{{_P}}}nvPr/{{{_P}}}ph")
        if ph.get("type") == kind:
            p = shape._element.find(".//a:lstStyle/a:lvl1pPr", NS)
            if p is None:
                p = shape._element.find(".//a:p/a:pPr", NS)
            return p.get("algn", "l") if p is not None else "l"
    return "l"


def _behind_all(art: tuple[Art, ...], rect: Rect, background: str) -> list[str]:
    """The colours behind ``rect`` along its middle, left to right: text anywhere in it must read on each."""
    found = []
    for k in range(9):
        point = Rect(rect.x + rect.w * k / 8, rect.y, 0.0, rect.h)
        colour = _behind(art, point, background)
        if colour not in found:
            found.append(colour)
    return found


