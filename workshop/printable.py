"""Can the PDFs print every character of the outline? Checked before anything is written.

A character no installed face has would print as nothing (or as an empty box), and the build
would still succeed: so every text a PDF prints is checked here, and each character that no face
can draw is named, with where it was written and what to install or change.
"""

from __future__ import annotations

import unicodedata
from typing import Iterator

from workshop import model as m
from workshop.errors import Problem, Src, display_path
from workshop.fonts import EMOJI_PACKAGE, font_file, is_emoji
from workshop.pdfdraw import unprintable

#: The main faces PDF text is set in; a character must be printable in text set in each.
MAIN_FACES = ("sans", "serif")
_SHOWN = 4  # characters named in one message; the rest are counted


def text_problems(workshop: m.Workshop) -> list[Problem]:
    """One problem for each text the PDFs print that has a character no installed face can draw."""
    problems = []
    tree = []  # the outline, read again only if a problem needs a line the model does not keep
    for src, path, text in printed_texts(workshop):
        missing = list(dict.fromkeys(c for face in MAIN_FACES for c in unprintable(text, face)))
        if missing:
            if isinstance(src, tuple):
                src = _tree_src(workshop.source, src, tree)
            problems.append(Problem(src, _message(missing), path))
    return problems


def _tree_src(source, steps: tuple, tree: list) -> Src:
    """Where the value at ``steps`` (keys and list positions) was written in the outline."""
    from workshop.variants import load_tree
    from workshop.yamlsrc import Map, Seq

    if not tree:
        try:
            tree.append(load_tree(source)[0])
        except Exception:  # the outline loaded a moment ago; if it cannot be read now, name the file
            tree.append(None)
    node = tree[0]
    for step in steps:
        if isinstance(step, int):
            node = node.items[step] if isinstance(node, Seq) and step < len(node.items) else None
        else:
            node = node.get(step) if isinstance(node, Map) else None
        if node is None:
            return Src(display_path(source))
    return node.src


def _message(missing: list[str]) -> str:
    named = " and ".join(filter(None, (", ".join(_describe(c) for c in missing[:_SHOWN]),
                                       f"{len(missing) - _SHOWN} more" if len(missing) > _SHOWN else "")))
    them = "it" if len(missing) == 1 else "them"
    return f"{named} cannot be printed: no installed font has {them}; {_hint(missing[0], them)}"


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    if not name:
        kind = {"Co": "a private-use character", "Cn": "not a Unicode character"}.get(unicodedata.category(char),
                                                                                      "no name")
        return f"{char!r} (U+{ord(char):04X}, {kind})"
    return f"{char!r} (U+{ord(char):04X}, {name.capitalize()})"


def emoji_hint(missing: list[str]) -> str:
    """What to do about ``missing`` characters if the first is an emoji, else ""."""
    return _hint(missing[0], "it" if len(missing) == 1 else "them") if missing and is_emoji(missing[0]) else ""


def _hint(char: str, them: str) -> str:
    category = unicodedata.category(char)
    if category == "Co":
        return f"private-use characters show only in the font they were made for; remove {them}"
    if category in ("Cn", "Cs"):
        return f"remove {them}"
    if is_emoji(char):
        if font_file("emoji") is None:
            return (f"install {EMOJI_PACKAGE} (Debian and Ubuntu), which prints emoji in black and white, "
                    f"or remove {them}")
        return f"the installed emoji font is older than {them}; remove {them} or say it in words"
    if category.startswith("S"):
        return f"remove {them} or say it in words"
    word = unicodedata.name(char, "").split(" ")[0]
    if word == "HANGUL":
        return f"install fonts-nanum (Debian and Ubuntu) or remove {them}"
    if word in ("CJK", "HIRAGANA", "KATAKANA", "BOPOMOFO", "IDEOGRAPHIC"):
        return f"install fonts-droid-fallback (Debian and Ubuntu) or remove {them}"
    return f"install fonts-noto-core (Debian and Ubuntu) or remove {them}"


def printed_texts(workshop: m.Workshop) -> Iterator[tuple[Src | tuple, str, str]]:
    """Every text a PDF prints, as (where it was written, where in the outline, the text).

    Where the model keeps no position for a value, "where it was written" is the path of keys
    and list positions that leads to it in the outline.
    """
    w = workshop
    here = Src(display_path(w.source))
    for field in ("title", "subtitle", "audience", "location"):
        yield _src(w, field, ("workshop", field)), f"workshop.{field}", getattr(w, field)
    for n, person in enumerate(w.presenters, 1):
        for field in ("name", "credentials", "email", "phone", "website"):
            yield _src(person, field, ("presenters", n - 1, field)), f"presenter {n}, {field}", getattr(person, field)
    if w.ce is not None:
        for field in ("provider", "verify_url"):
            yield _src(w.ce, field, ("ce", field)), f"ce.{field}", getattr(w.ce, field)
        for n, approval in enumerate(w.ce.approvals, 1):
            yield _src(approval, "statement", ("ce", "approvals", n - 1)), approval.where, approval.labelled
    for key, name, texts in (("objectives", "objective", w.objectives), ("references", "reference", w.references)):
        for n, text in enumerate(texts, 1):
            yield (key, n - 1), f"{name} {n}", text
    for n, entry in enumerate(w.sections, 1):
        yield from _entry(entry, f"section {n}", _src(entry, "", here))


def _entry(entry: m.Entry, where: str, src: Src) -> Iterator[tuple[Src, str, str]]:
    if isinstance(entry, m.Break):
        yield src, f"{where}, break", entry.label
        return
    yield src, f"{where}, title", entry.title
    yield src, f"{where}, notes", entry.notes
    yield from _each(src, f"{where}, goal", entry.goals)
    handout = entry.handout
    if handout is not None:
        yield from _each(src, f"{where}, handout point", handout.points)
        yield from _each(src, f"{where}, handout prompt", handout.prompts)
        sheet = handout.worksheet
        if sheet is not None:
            yield src, f"{where}, worksheet title", sheet.title
            yield src, f"{where}, worksheet instructions", sheet.instructions
            yield from _each(src, f"{where}, worksheet row", sheet.rows)
            yield from _each(src, f"{where}, worksheet column", sheet.columns)
    for k, slide in enumerate(entry.slides, 1):
        yield from _slide(slide, f"{where}, slide {k}", _src(slide, "", src))
    for k, activity in enumerate(entry.activities, 1):
        at = _src(activity, "", src)
        name = f"{where}, activity {k}"
        for field in ("title", "format", "instructions"):
            yield at, f"{name}, {field}", getattr(activity, field)
        yield from _each(at, f"{name}, material", activity.materials)
        yield from _each(at, f"{name}, debrief question", activity.debrief)


def _slide(slide: m.Slide, where: str, src: Src) -> Iterator[tuple[Src, str, str]]:
    yield src, f"{where}, title", slide.title
    yield src, f"{where}, notes", slide.notes
    body = slide.body
    if isinstance(body, m.Bullets):
        for n, item in enumerate(body.items, 1):
            yield src, f"{where}, bullet {n}", item.text
            yield from _each(src, f"{where}, bullet {n}", item.children)
    elif isinstance(body, m.Quote):
        yield src, f"{where}, quote", body.text
        yield src, f"{where}, quote source", body.source
    elif isinstance(body, m.Image):
        yield src, f"{where}, image alt text", body.alt
    if slide.image is not None:
        yield src, f"{where}, image alt text", slide.image.alt


def _each(src: Src, where: str, texts) -> Iterator[tuple[Src, str, str]]:
    for n, text in enumerate(texts, 1):
        yield src, f"{where} {n}", text


def _src(value, field: str, fallback):
    """Where ``value``'s ``field`` was written, as closely as the model records it."""
    for name in (f"{field}_src", "src"):
        src = getattr(value, name, None)
        if isinstance(src, Src) and src.line > 0:
            return src
    return fallback
