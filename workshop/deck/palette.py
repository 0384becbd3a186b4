"""The deck's text colours, chosen against the backgrounds they sit on.

A trainer picks ``theme.primary`` and ``theme.accent`` for their brand; the deck fills bars and
full-bleed slides with them as given, but never writes text in a colour that does not read on
its background: white or dark text on the primary, whichever reads, and the accent darkened for
text on white until it reaches WCAG AA. The renderer and the handout miniatures share one palette.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop import model as m
from workshop.colour import contrast

TEXT = "1F2328"
MUTED = "5B6470"
WHITE = "FFFFFF"
#: A little above WCAG AA's 4.5:1: anti-aliased glyph edges on a projector read lighter than the XML.
TEXT_TARGET = 5.0
#: WCAG's contrast for graphics that carry meaning (1.4.11), for the deck's marks.
MARK_TARGET = 3.0


@dataclass(frozen=True)
class Palette:
    primary: str  # fill of title bars and full-bleed slides
    accent: str  # fill of rules and bars (decoration, never text)
    on_primary: str  # titles on the primary
    on_primary_muted: str  # secondary text on the primary
    accent_text: str  # the accent as a text colour on white
    body_text: str = TEXT  # text on a content slide's background
    muted_text: str = MUTED  # secondary text there
    title_text: str = ""  # a content slide's title, on its title bar or band ("" = on_primary)
    title_background: str = ""  # behind that title ("" = primary)
    background: str = WHITE  # a content slide's background

    def mark(self, name: str) -> str:
        """The colour of a decorative mark on the slide (accent, primary, or muted: the muted text
        colour), darkened where needed to the 3:1 WCAG asks of graphics, so a pale brand colour
        still shows the quotation mark and the agenda's dots."""
        if name == "tint":  # a card's fill: a whisper of the primary on the background, or of the text
            # where the primary is the background itself (a template's dark slides)
            near = contrast(self.primary, self.background) < 1.5
            return mix(self.body_text, self.background, 0.9) if near else mix(self.primary, self.background, 0.9)
        colour = {"accent": self.accent, "primary": self.primary, "muted": self.muted_text}[name]
        return readable(colour, self.background, MARK_TARGET)

    def text(self, role: str) -> str:
        """The colour of text in ``role`` (body, muted, accent, inverse, inverse-muted, title)."""
        return {"body": self.body_text, "muted": self.muted_text, "accent": self.accent_text,
                "inverse": self.on_primary, "inverse-muted": self.on_primary_muted,
                "title": self.title_text or self.on_primary}[role]


def palette(theme: m.Theme) -> Palette:
    """Text colours for ``theme``, each at least :data:`TEXT_TARGET` against its background."""
    primary, accent = theme.primary.upper(), theme.accent.upper()
    on_primary = WHITE if contrast(WHITE, primary) >= TEXT_TARGET else _best(primary, (TEXT, "000000", WHITE))
    colours = Palette(primary, accent, on_primary, _soften(on_primary, primary), readable(accent, WHITE))
    if theme.name in OPEN_BAND:  # titles in the primary on the slide's own white, over a rule
        return Palette(primary, accent, on_primary, colours.on_primary_muted, colours.accent_text,
                       title_text=readable(primary, WHITE), title_background=WHITE)
    if theme.name in CREAM_BAND:  # a bright primary as a cream band, the accent's rule under it
        band = mix(primary, WHITE, CREAM_BAND[theme.name])
        return Palette(primary, accent, on_primary, colours.on_primary_muted, colours.accent_text,
                       title_text=_best(band, (TEXT, "000000")), title_background=band)
    return colours


#: Bundled themes whose content slides have an open title band (the title in the primary on white,
#: a rule under it) instead of a filled bar: the themes differ in shape, not in colour alone.
OPEN_BAND = ("forest",)
#: Bundled themes whose title bar is their bright primary lightened to a cream (by this share of
#: white): a full-width band of saturated yellow on every slide is loud in a dim room.
CREAM_BAND = {"sunrise": 0.72}


def readable(colour: str, background: str, target: float = TEXT_TARGET) -> str:
    """``colour`` itself when it reads on ``background``; else the nearest shade of it that does,
    darker on a light background and lighter on a dark one."""
    if contrast(colour, background) >= target:
        return colour.upper()
    towards = "000000" if contrast("000000", background) >= contrast(WHITE, background) else WHITE
    for step in range(1, 51):
        shade = mix(colour, towards, step / 50)
        if contrast(shade, background) >= target:
            return shade
    return towards


def mix(a: str, b: str, share_of_b: float) -> str:
    """The colour ``share_of_b`` of the way from ``a`` to ``b``, as "RRGGBB"."""
    channels = (round(int(a[i:i + 2], 16) * (1 - share_of_b) + int(b[i:i + 2], 16) * share_of_b)
                for i in (0, 2, 4))
    return "".join(f"{c:02X}" for c in channels)


def _best(background: str, candidates: tuple[str, ...]) -> str:
    for colour in candidates:
        if contrast(colour, background) >= TEXT_TARGET:
            return colour
    return max(candidates, key=lambda c: contrast(c, background))


def _soften(colour: str, background: str) -> str:
    """``colour`` moved towards ``background`` as far as it still reads: muted, but readable."""
    softest = colour
    for step in range(1, 20):
        shade = mix(colour, background, step / 20)
        if contrast(shade, background) < TEXT_TARGET + 0.5:
            break
        softest = shade
    return softest


def hero_palette(colours: Palette) -> Palette | None:
    """The full-bleed slides' palette (title, dividers, breaks, closing) when the primary is too
    light to carry white text: a bright primary such as a sunrise yellow is a band colour, not a
    whole slide's. Those slides are the accent taken deep (a terracotta for sunrise), the primary
    their bar and rule and, lightened to a cream, their secondary text. None when the primary
    carries white text itself."""
    if colours.on_primary == WHITE:
        return None
    ground = readable(colours.accent, WHITE, 8.0)
    cream = readable(mix(colours.primary, WHITE, 0.55), ground, TEXT_TARGET + 0.5)
    return Palette(ground, colours.primary, WHITE, cream, colours.accent_text)



