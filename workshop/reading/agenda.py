"""The outline's ``sections:`` list: sections (with their slides, activities and handout parts) and
breaks, in order."""

from __future__ import annotations

from workshop import model as m
from workshop.errors import Src
from workshop.keys import child, nth
from workshop.reading.reader import Reader
from workshop.reading.slides import read_slide
from workshop.variants import entry_id
from workshop.yamlsrc import Map, Node, Seq, is_null

#: Most sections and breaks, and most slides, an outline may hold once aliases are followed.
#: A full-day workshop has a few dozen of each; far more means a list repeated by mistake, and
#: building it would take minutes and gigabytes.
MAX_SECTIONS = 500
MAX_SLIDES = 2_000


def read_sections(r: Reader, root: Map) -> tuple[m.Entry, ...]:
    if "sections" not in root.entries:
        r.bad(root.src, "sections", "required: the list of sections and breaks")
        return ()
    nodes = r.items(root.get("sections"), "sections")
    if not nodes and isinstance(root.get("sections"), Seq):
        r.bad(root.entries["sections"].key_src, "sections", "list at least one section")
    if _too_large(r, root, nodes):
        return ()
    entries: list[m.Entry] = []
    seen: dict[str, Src] = {}
    break_ids: dict[str, int] = {}
    for n, node in enumerate(nodes):
        here = nth("", "sections", n)
        if isinstance(node, Map) and "break" in node.entries:
            entry = _break(r, node, here, n, break_ids)
        else:
            entry = _section(r, node, here, n)
        if entry is None:
            continue
        if isinstance(entry, m.Section):
            if entry.id in seen:
                r.bad(entry.src, here, f"section id '{entry.id}' is used twice (first at line "
                                       f"{seen[entry.id].line}); give one of them its own 'id:'")
            seen[entry.id] = entry.src
        entries.append(entry)
    return tuple(entries)


def _too_large(r: Reader, root: Map, nodes: list[Node]) -> bool:
    """Refuse an agenda far beyond any workshop (usually a list repeated through aliases)."""
    slides = sum(len(s.items) for node in nodes if isinstance(node, Map)
                 and isinstance(s := node.get("slides"), Seq))
    where = root.entries["sections"].key_src
    if len(nodes) > MAX_SECTIONS:
        r.bad(where, "sections", f"the agenda has {len(nodes):,} sections and breaks; a workshop has at most "
                                 f"{MAX_SECTIONS:,}. Is a list repeated through an alias (*name)?")
    elif slides > MAX_SLIDES:
        r.bad(where, "sections", f"the sections have {slides:,} slides in all; a workshop has at most "
                                 f"{MAX_SLIDES:,}. Is a list repeated through an alias (*name)?")
    else:
        return False
    return True


def _break(r: Reader, node: Map, here: str, n: int, taken: dict[str, int]) -> m.Break | None:
    r.mapping(node, here, "break")
    label = r.text(node, "break", here) or "Break"
    minutes = r.minutes(node, "minutes", here, required=True)
    ident = entry_id(node, n)
    taken[ident] = taken.get(ident, 0) + 1
    if taken[ident] > 1 and is_null(node.get("id")):
        ident = f"{ident}-{taken[ident]}"
    return m.Break(id=ident, label=label, minutes=minutes or 0, src=node.src)


def _section(r: Reader, node: Node, here: str, n: int) -> m.Section | None:
    s = r.mapping(node, here, "section")
    if s is None:
        if is_null(node):
            r.bad(node.src if node else Src("<outline>"), here, "expected a section or a break, got nothing")
        return None
    title = r.text(s, "title", here, required=True)
    minutes = r.minutes(s, "minutes", here, required=True)
    slides = tuple(slide for k, item in enumerate(r.items(s.get("slides"), child(here, "slides")))
                   if (slide := read_slide(r, item, nth(here, "slides", k))) is not None)
    activities = tuple(a for k, item in enumerate(r.items(s.get("activities"), child(here, "activities")))
                       if (a := _activity(r, item, nth(here, "activities", k))) is not None)
    minutes_node = s.get("minutes")
    return m.Section(
        id=entry_id(s, n), title=title, minutes=minutes or 0, slides=slides, activities=activities,
        **r.fields(s, "section", here, "optional", "notes", "goals"),
        handout=_handout(r, s.get("handout"), child(here, "handout")),
        src=s.src, minutes_src=minutes_node.src if minutes_node else s.src)


def _activity(r: Reader, node: Node, here: str) -> m.Activity | None:
    a = r.mapping(node, here, "activity")
    if a is None:
        return None
    return m.Activity(
        title=r.text(a, "title", here, required=True),
        minutes=r.minutes(a, "minutes", here, required=True) or 0,
        **r.fields(a, "activity", here, "format", "instructions", "materials", "debrief"), src=a.src)


def _handout(r: Reader, node: Node | None, here: str) -> m.Handout:
    h = r.mapping(node, here, "handout")
    if h is None:
        return m.Handout()
    sheet = None
    where = child(here, "worksheet")
    w = r.mapping(h.get("worksheet"), where, "worksheet")
    if w is not None:
        sheet = m.Worksheet(title=r.text(w, "title", where, required=True),
                            **r.fields(w, "worksheet", where, "instructions", "rows", "columns"),
                            lines=r.plain(w, "worksheet", "lines", where) or 0)
    return m.Handout(**r.fields(h, "handout", here, "points", "prompts"), worksheet=sheet)
