"""One slide of a section: its title, its body (bullets, a numbered list, a quote or a picture),
a picture beside a list, and a layout that must suit what the slide holds."""

from __future__ import annotations

import difflib

from workshop import model as m
from workshop.errors import Src
from workshop.keys import child, nth, sub
from workshop.reading.reader import Reader
from workshop.yamlsrc import Map, Node, Scalar, Seq

BODY_KEYS = ("bullets", "numbered", "quote", "image")
#: The longest bullet a statement slide shows as its one big sentence.
STATEMENT_CHARS = 160


def read_slide(r: Reader, node: Node, here: str) -> m.Slide | None:
    s = r.mapping(node, here, "slide")
    if s is None:
        return None
    title = r.text(s, "title", here, required=True)
    layout, layout_src = _layout(r, s, here)
    bodies = [k for k in BODY_KEYS if k in s.entries]
    beside = layout in ("image-left", "image-right") and len(bodies) == 2 and bodies[1] == "image"
    if len(bodies) > 1 and not beside:  # else a list with a picture beside it
        hint = (" (to put a picture beside a list, add layout: image-left or image-right)"
                if "image" in bodies and bodies[0] in ("bullets", "numbered") and len(bodies) == 2 else "")
        r.bad(s.entries[bodies[1]].key_src, child(here, bodies[1]),
              f"a slide has at most one body; this one has {' and '.join(bodies)}{hint}")
    body = _body(r, s, bodies[0], here) if bodies else None
    image = _image(r, s.get("image"), child(here, "image")) if beside else None
    if layout != "auto":
        _suits(r, layout, layout_src, child(here, "layout"), bodies, body)
    return m.Slide(title=title, body=body, **r.fields(s, "slide", here, "notes", "minutes"), layout=layout,
                   image=image, src=s.src)


def _body(r: Reader, s: Map, kind: str, here: str) -> m.Body | None:
    value = s.get(kind)
    if kind in ("bullets", "numbered"):
        return _bullets(r, value, here, kind)
    if kind == "quote":
        return _quote(r, value, child(here, "quote"))
    return _image(r, value, child(here, "image"))


def _layout(r: Reader, s: Map, here: str) -> tuple[str, Src]:
    """The slide's ``layout:``, "auto" when it has none or an unknown one (which is reported)."""
    declared = r.declared("slide", "layout")
    node = s.get("layout")
    src = node.src if node is not None else s.src
    value = r.text(s, "layout", here).strip().lower()
    if not value or value in declared.choices:
        return value or declared.default, src
    close = difflib.get_close_matches(value, declared.choices, n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'? " if close else ""
    r.bad(src, child(here, "layout"), f"unknown layout '{value}'; {hint}a slide's layout is one of: "
                                      f"{', '.join(declared.choices)}")
    return declared.default, src


def _suits(r: Reader, layout: str, src: Src, here: str, bodies: list[str], body: m.Body | None) -> None:
    """Report a ``layout:`` that does not suit the slide's content, with how to fix it."""
    lists = [k for k in bodies if k in ("bullets", "numbered")]
    items = len(body.items) if isinstance(body, m.Bullets) else 0
    problem = ""
    if layout == "statement":
        if bodies and (bodies != ["bullets"] or isinstance(body, m.Bullets) and (
                items != 1 or body.items[0].children)):
            problem = ("a statement slide shows one short sentence: give the slide only a title, or a single "
                       "bullet with no sub-bullets")
        elif isinstance(body, m.Bullets) and len(body.items[0].text) > STATEMENT_CHARS:
            problem = (f"a statement is one short sentence, at most {STATEMENT_CHARS} characters; this bullet "
                       f"has {len(body.items[0].text)}: shorten it, or remove the layout line")
    elif layout == "quote" and bodies != ["quote"]:
        problem = "the quote layout needs a quote: write quote: with text and source, or remove the layout line"
    elif layout in ("image-left", "image-right"):
        if "image" not in bodies:
            problem = (f"{layout} puts a picture beside the slide's list: add image: with path and alt, "
                       "or remove the layout line")
        elif not lists:
            problem = (f"{layout} puts the slide's bullets beside its picture, and this slide has none: add "
                       "bullets: (or numbered:), or remove the layout line to show the picture alone")
    elif layout == "two-columns":
        if not lists or bodies != lists:
            problem = "two-columns splits a list: give the slide bullets: or numbered:, or remove the layout line"
        elif body is not None and items < 2:
            problem = "two-columns needs at least two bullets to split; add one, or remove the layout line"
    if problem:
        r.bad(src, here, f"layout {layout} does not suit this slide: {problem}")


def _bullets(r: Reader, node: Node | None, slide: str, kind: str) -> m.Bullets | None:
    items: list[m.Item] = []
    for n, item in enumerate(r.items(node, child(slide, kind))):
        here = nth(slide, kind, n)
        if isinstance(item, Seq):
            if not items:
                r.bad(item.src, here, "a nested list must follow the bullet it belongs under")
                continue
            children = []
            for k, inner in enumerate(item.items):
                if isinstance(inner, Seq):
                    r.bad(inner.src, sub(here, kind, k), "bullets go two levels deep at most")
                elif text := r.line_of_text(inner, sub(here, kind, k)):
                    children.append(text)
            items[-1] = m.Item(items[-1].text, items[-1].children + tuple(children))
        elif text := r.line_of_text(item, here):
            items.append(m.Item(text))
    return m.Bullets(tuple(items), numbered=kind == "numbered") if items else None


def _quote(r: Reader, node: Node | None, here: str) -> m.Quote | None:
    if isinstance(node, Scalar) and isinstance(node.value, str):
        if not node.value.strip():
            r.bad(node.src, here, "required: write the quote's text")
            return None
        return m.Quote(node.value.strip())
    q = r.mapping(node, here, "quote")
    if q is None:
        return None
    text = r.text(q, "text", here, required=True)
    return m.Quote(text, r.text(q, "source", here)) if text else None


def _image(r: Reader, node: Node | None, here: str) -> m.Image | None:
    i = r.mapping(node, here, "image")
    if i is None:
        return None
    alt_ok = r.require(i, "alt", here)
    if not r.require(i, "path", here):
        return None
    path = r.file(i.get("path"), child(here, "path"), image=True)
    alt = r.text(i, "alt", here) if alt_ok else ""
    return m.Image(path, alt) if path and alt else None
