"""What ``workshop template`` says of a PowerPoint template: the slide size, what the deck makes
from each layout, where text goes and in which colours, and why the deck cannot build on it."""

from __future__ import annotations

from pathlib import Path

from workshop import model as m
from workshop.colour import contrast
from workshop.deck.frame import ROLES, frame_for
from workshop.deck.template import TemplateError, read_template, template_problems
from workshop.errors import Problem, Src, display_path


def template_report(template: Path, layouts: tuple[tuple[str, str], ...] = (),
                    layouts_src=()) -> tuple[list[str], list[Problem]]:
    """The lines that describe ``template`` with the ``layouts`` mapping (none when it cannot be
    read), and the problems that stop the deck from building on it."""
    problems = template_problems(template, Src(display_path(template)), layouts, layouts_src)
    try:
        prs = read_template(template)
    except TemplateError:
        return [], problems
    return _described(template, prs, dict(layouts), not problems), problems


def _described(path: Path, prs, mapping: dict[str, str], usable: bool) -> list[str]:
    """What ``workshop template`` prints: the slide size, what each layout is used for, where text
    goes and in which colours, and the layouts the deck leaves alone."""
    width, height = prs.slide_width / 914400, prs.slide_height / 914400
    ratio = width / height
    shape = "16:9" if abs(ratio - 16 / 9) < 0.02 else "4:3" if abs(ratio - 4 / 3) < 0.02 else \
        "16:10" if abs(ratio - 1.6) < 0.02 else f"{ratio:.2f}:1"
    names = [layout.name for master in prs.slide_masters for layout in master.slide_layouts]
    keeps = "; the deck keeps this size" if usable else ""
    out = [f"{path.name}: slides {width:.2f} x {height:.2f} in ({shape}){keeps}. "
           f"{len(prs.slide_masters)} master{'s' if len(prs.slide_masters) > 1 else ''}, {len(names)} layouts.", "",
           "What the deck makes from each layout:"]
    used = set()
    for role, (default, purpose) in ROLES.items():
        name = mapping.get(role, default)
        if name in names:
            used.add(name)
            how = f" (mapped by theme.layouts.{role})" if role in mapping else ""
            out.append(f"  {purpose}: layout '{name}'{how}")
        elif role in ("content", "two_content"):
            out.append(f"  {purpose}: no layout '{name}', so layout '{mapping.get('title_only', 'Title Only')}' "
                       f"with text placed by the deck")
        else:
            out.append(f"  {purpose}: MISSING layout '{name}'")
    rest = [n for n in names if n not in used]
    if rest:
        out.append("  not used: " + ", ".join(f"'{n}'" for n in rest))
    out.append("")
    if usable:
        theme = m.Theme(template=path, layouts=tuple(mapping.items()))
        frame = frame_for(theme)
        inch = 72.0

        def where(r) -> str:
            return f"{r.x / inch:.2f} in from the left, {r.y / inch:.2f} in from the top, {r.w / inch:.2f} x {r.h / inch:.2f} in"

        p = frame.palette
        out += ["Where text goes on a content slide:",
                f"  title: {where(frame.title)} (a long title wraps and pushes the body down)",
                f"  body: {where(frame.body)}",
                f"  footer and slide number: the template's own placeholders, from {frame.footer_y / inch:.2f} in "
                f"down; the deck draws nothing of its own there",
                "", "Text colours, each chosen to read on what is behind it (WCAG AA):",
                f"  body text #{p.body_text} on #{p.background} ({contrast(p.body_text, p.background):.1f}:1)",
                f"  titles #{p.text('title')} on #{p.primary} ({contrast(p.text('title'), p.primary):.1f}:1)"]
        for role, label in (("title", "title slide"), ("section", "dividers and breaks")):
            if role in frame.hero:
                h = frame.hero[role]
                out.append(f"  {label}: #{h.on_primary} on #{h.primary} ({contrast(h.on_primary, h.primary):.1f}:1)")
        out.append("")
    return out
