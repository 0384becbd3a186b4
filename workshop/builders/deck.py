"""deck.pptx: the slide deck with speaker notes."""

from __future__ import annotations

from pathlib import Path

from workshop import model as m
from workshop.colour import AA_NORMAL, contrast
from workshop.deck.plan import plan_deck
from workshop.deck.render import MUTED, TEXT, render_deck
from workshop.builders.context import BuildContext

FILENAME = "deck.pptx"


def theme_warnings(theme: m.Theme) -> list[str]:
    """Text/background pairs of the theme that fall below WCAG AA contrast (4.5:1)."""
    pairs = [("white title text on the primary colour", "FFFFFF", theme.primary),
             ("accent-coloured text on white", theme.accent, "FFFFFF"),
             ("body text on white", TEXT, "FFFFFF"), ("muted text on white", MUTED, "FFFFFF")]
    return [f"{theme.src}: theme: {what} has contrast {ratio:.1f}:1, below the 4.5:1 that WCAG AA asks for"
            for what, fg, bg in pairs if (ratio := contrast(fg, bg)) < AA_NORMAL]


def build(ctx: BuildContext) -> tuple[list[Path], list[str]]:
    workshop = ctx.workshop
    deck = plan_deck(workshop, ctx.agenda)
    path = ctx.out_dir / FILENAME
    path.write_bytes(render_deck(deck, workshop.theme, ctx.when))
    warnings = [] if workshop.theme.template else theme_warnings(workshop.theme)
    return [path], warnings
