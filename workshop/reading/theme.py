"""The outline's ``theme:`` block: a bundled theme, colours, font and logo, or a PowerPoint
template with the names of its layouts."""

from __future__ import annotations

from workshop import model as m
from workshop.deck.frame import ROLES
from workshop.errors import Src
from workshop.keys import KEYS
from workshop.reading.reader import Reader
from workshop.themes import bundled_themes
from workshop.yamlsrc import Map, Scalar, is_null


def read_theme(r: Reader, root: Map) -> m.Theme:
    t = r.mapping(root.get("theme"), "theme", "theme")
    if t is None:
        return m.Theme()
    default, name = _bundled(r, t)
    template = r.file(t.get("template"), "theme.template", image=False)
    if template is not None and template.suffix.lower() != ".pptx":
        r.bad(t.get("template").src, "theme.template", "a template must be a .pptx file")
        template = None
    layouts = _layouts(r, t)
    primary = r.colour(t, "primary", "theme", default.primary)
    accent = r.colour(t, "accent", "theme", default.accent)
    return m.Theme(primary=primary, accent=accent,
                   # the bundled theme's ink for paper, while its colours are the theme's own
                   print_ink=default.print_ink if (primary, accent) == (default.primary, default.accent) else "",
                   font=r.text(t, "font", "theme") or default.font, name=name,
                   logo=r.file(t.get("logo"), "theme.logo", image=True),
                   template=template, src=t.src,
                   template_src=t.get("template").src if template is not None else t.src,
                   layouts=tuple((role, name) for role, name, _ in layouts),
                   layouts_src=tuple((role, src) for role, _, src in layouts))


def _bundled(r: Reader, t: Map) -> tuple[m.Theme, str]:
    """The theme ``theme.name`` starts from (the built-in one without a name), and that name; ""
    for a name no bundled theme has (after saying which there are)."""
    name = r.text(t, "name", "theme")
    if not name:
        return m.Theme(), name
    themes = bundled_themes()
    if name not in themes:
        r.bad(t.get("name").src, "theme.name", f"there is no bundled theme {name!r}; "
              f"choose one of: {', '.join(themes) or 'none are installed'} (workshop themes lists them)")
        return m.Theme(), ""
    chosen = themes[name]
    return m.Theme(primary=chosen.primary, accent=chosen.accent, font=chosen.font, print_ink=chosen.print_ink), name


def _layouts(r: Reader, t: Map) -> list[tuple[str, str, Src]]:
    """``theme.layouts``: each role's layout name in the template, and where it was written."""
    found = []
    given = t.get("layouts")
    roles = ", ".join(KEYS["layouts"])
    if not is_null(given) and not isinstance(given, Map):  # a list of names, a single name
        r.bad(given.src, "theme.layouts", f"write theme.layouts as role: layout name, one per line "
              f"(roles: {roles}), for example layouts: {{title_only: Headline Only}}")
        given = None
    mapping = r.mapping(given, "theme.layouts", "layouts")
    if mapping is None:
        return found
    if t.get("template") is None:
        r.bad(t.entries["layouts"].key_src, "theme.layouts",
              "theme.layouts names layouts of your own template: set theme.template to the .pptx "
              "too, or remove theme.layouts")
    for role in mapping.entries:
        if role not in KEYS["layouts"]:
            continue  # reported as an unknown key
        value = mapping.get(role)
        if is_null(value) or (isinstance(value, Scalar) and not str(value.value).strip()):
            r.bad(mapping.entries[role].key_src, f"theme.layouts.{role}",
                  f"no layout name: write the name of a layout in the template (as PowerPoint's Slide "
                  f"Master view shows it), or remove {role} to use '{ROLES[role][0]}'")
        elif name := r.text(mapping, role, "theme.layouts", required=True):
            found.append((role, name, mapping.get(role).src))
    return found
