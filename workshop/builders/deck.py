"""deck.pptx: the slide deck with speaker notes."""

from __future__ import annotations

from pathlib import Path

from workshop import model as m
from workshop.colour import contrast
from workshop.deck.palette import WHITE, palette
from workshop.deck.plan import plan_deck
from workshop.deck.render import render_deck
from workshop.builders.context import BuildContext

FILENAME = "deck.pptx"


def theme_warnings(theme: m.Theme) -> list[str]:
    """What the deck changed so that the theme's text reads (WCAG AA), said so the trainer knows."""
    chosen = palette(theme)
    said = []
    if theme.name:  # a bundled theme's colours were chosen with these text colours in mind
        from workshop.themes import bundled_themes

        bundled = bundled_themes()[theme.name]
        if (bundled.primary, bundled.accent) == (theme.primary, theme.accent):
            return said
    if chosen.on_primary != WHITE:
        said.append(f"{theme.src}: theme: white text on the primary colour would have contrast "
                    f"{contrast(WHITE, chosen.primary):.1f}:1, below the 4.5:1 that WCAG AA asks for, so titles "
                    f"on it are dark; pick a darker primary for white titles")
    if chosen.accent_text != chosen.accent:
        said.append(f"{theme.src}: theme: accent-coloured text on white would have contrast "
                    f"{contrast(chosen.accent, WHITE):.1f}:1, below the 4.5:1 that WCAG AA asks for, so accent "
                    f"text is the darker #{chosen.accent_text}")
    return said


def build(ctx: BuildContext) -> tuple[list[Path], list[str]]:
    workshop = ctx.workshop
    deck = plan_deck(workshop, ctx.agenda)
    path = ctx.out_dir / FILENAME
    path.write_bytes(render_deck(deck, workshop.theme, ctx.when))
    warnings = [] if workshop.theme.template else theme_warnings(workshop.theme)
    return [path], warnings
