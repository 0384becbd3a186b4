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
    return "".join(f"{round(y + (x - y) * amount):02X}" for x, y in zip(a, b))
