"""Colour contrast as WCAG 2 defines it, for checking theme colours."""

from __future__ import annotations

AA_NORMAL = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two "RRGGBB" colours, from 1 (none) to 21 (black on white)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def readable(hex_colour: str, background: str = "FFFFFF", ratio: float = AA_NORMAL) -> str:
    """``hex_colour`` darkened (towards black, keeping its hue) just enough to be read as text on
    ``background``: a light theme colour stays the theme's colour without making text unreadable."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
    for step in range(0, 101):
        k = 1 - step / 100
        candidate = f"{round(r * k):02X}{round(g * k):02X}{round(b * k):02X}"
        if contrast(candidate, background) >= ratio:
            return candidate
    return "000000"


def tint(hex_colour: str, amount: float, towards: str = "FFFFFF") -> str:
    """``hex_colour`` mixed with ``towards`` (white): ``amount`` 1 keeps the colour, 0 gives white."""
    a = [int(hex_colour[i:i + 2], 16) for i in (0, 2, 4)]
    b = [int(towards[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(y + (x - y) * amount):02X}" for x, y in zip(a, b, strict=True))


#: The ink of headings on paper when neither theme colour reads there and both are yellows (which
#: darken into olive): a deep slate, neutral beside any brand colour.
SLATE = "2B3A4A"
#: Headings on paper reach this contrast when a pale colour is deepened for them: clearly coloured,
#: and as firm as body text from across a table.
DEEP_TARGET = 7.0


def _hls(hex_colour: str) -> tuple[float, float, float]:
    import colorsys

    return colorsys.rgb_to_hls(*(int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)))


def yellowish(hex_colour: str) -> bool:
    """A yellow, gold or lime: darkened, it turns olive or khaki rather than a deeper colour."""
    hue, _, saturation = _hls(hex_colour)
    return saturation > 0.15 and 40 / 360 <= hue <= 80 / 360


def deepen(hex_colour: str, target: float = DEEP_TARGET, background: str = "FFFFFF") -> str:
    """``hex_colour`` made darker in its own hue, and fuller (a pale blue becomes a deep blue, not
    the greyish blue that mixing with black gives), until it reaches ``target`` on ``background``."""
    import colorsys

    hue, lightness, saturation = _hls(hex_colour)
    saturation = max(saturation, 0.55) if saturation > 0.1 else saturation
    for step in range(101):
        light = lightness * (1 - step / 100)
        r, g, b = colorsys.hls_to_rgb(hue, light, saturation)
        candidate = f"{round(r * 255):02X}{round(g * 255):02X}{round(b * 255):02X}"
        if contrast(candidate, background) >= target:
            return candidate
    return "000000"


def print_ink(primary: str, accent: str, chosen: str = "") -> str:
    """The colour headings and other text in the theme's colour print in: ``chosen`` when the
    theme names one (a bundled theme does, in its theme.yaml); else the primary when it reads on
    paper, else the accent when that does; else the one of the two that deepens into a colour
    (a pale blue into a deep blue), never a yellow darkened into olive; two yellows print slate."""
    if chosen:
        return readable(chosen)
    for colour in (primary, accent):
        if contrast(colour, "FFFFFF") >= AA_NORMAL:
            return colour
    for colour in (primary, accent):
        if not yellowish(colour):
            return deepen(colour)
    return SLATE


def theme_ink(theme) -> str:
    """The print ink of a :class:`workshop.model.Theme`."""
    return print_ink(theme.primary, theme.accent, theme.print_ink)


def rule_ink(colour: str, ink: str, ratio: float = 3.0) -> str:
    """A rule or border in ``colour`` where it shows on paper (``ratio`` to white), else deepened
    in its hue, or, for a yellow that would turn olive, in the print ink."""
    if contrast(colour, "FFFFFF") >= ratio:
        return colour
    return ink if yellowish(colour) else deepen(colour, ratio)
