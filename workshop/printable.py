"""Can the PDFs print every character of the outline? Checked before anything is written.

A character no installed face has would print as nothing (or as an empty box), and the build
would still succeed: so every text a PDF prints is checked here, and each character that no face
can draw is named, with where it was written and what to install or change.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path
from typing import Iterator

from workshop import model as m
from workshop.errors import Problem, Src, display_path
from workshop.fonts import EMOJI_PACKAGE, cff_faces_with, font_file, is_emoji
from workshop.pdfdraw import unprintable

#: The main faces PDF text is set in; a character must be printable in text set in each.
MAIN_FACES = ("sans", "serif")
_SHOWN = 4  # characters named in one message; the rest are counted


def text_problems(workshop: m.Workshop) -> list[Problem]:
    """Problems with the texts the PDFs print that have a character no installed face can draw:
    one for each script no face has, naming the first text in it, and one for each text with
    another such character (a symbol, an emoji)."""
    found = []
    tree = []  # the outline, read again only if a problem needs a line the model does not keep
    for src, path, text in printed_texts(workshop):
        missing = list(dict.fromkeys(c for face in MAIN_FACES for c in unprintable(text, face)))
        if missing:
            if isinstance(src, tuple):
                src = _tree_src(workshop.source, src, tree)
            found.append((src, path, text, missing))
    return unprintable_problems(found, quote_text=False)


def unprintable_problems(found: list[tuple[Src, str, str, list[str]]], quote_text: bool = True) -> list[Problem]:
    """Problems for texts with characters no installed face can draw, given as (where written, the
    place's name, the text, those characters). Letters are told by script: one problem for each
    script, naming its first text, where the others are, and what to install on this system.
    Other characters are told for each text, which is quoted first when ``quote_text``."""
    by_script: dict[str, list[tuple[Src, str, str]]] = {}
    problems = []
    for src, path, text, missing in found:
        rest = [c for c in missing if not is_letter(c)]
        if rest:
            problems.append(Problem(src, (f"{_short(text)}: " if quote_text else "") + _message(rest), path))
        for script in dict.fromkeys(script_of(c) for c in missing if is_letter(c)):
            by_script.setdefault(script, []).append((src, path, text))
    for script, texts in by_script.items():
        src, path, text = texts[0]
        others = [p or str(s) for s, p, _t in texts[1:]]
        also = ""
        if others:
            shown = "; ".join(others[:3]) + (f"; and {len(others) - 3} more" if len(others) > 3 else "")
            also = f" (so are: {shown})"
        char = next(c for c in unicodedata.normalize("NFC", text) if is_letter(c) and script_of(c) == script)
        message = (f"{_short(text)} is written in {script_name(script)}{also}, and no font on this computer has "
                   f"{script_name(script)} letters; {install_hint(script)}")
        unusable = cff_faces_with(char)
        if unusable:
            message += (f" ({', '.join(unusable[:2])} {'has' if len(unusable) == 1 else 'have'} them, but in "
                        "PostScript (CFF) outlines, which a PDF made here cannot embed)")
        problems.append(Problem(src, message, path))
    return problems


def is_letter(char: str) -> bool:
    """A letter, mark or digit of some script (not a symbol, an emoji or a private-use character)."""
    return unicodedata.category(char)[0] in "LMN" and not is_emoji(char)


#: Scripts whose characters' Unicode names begin with another word than the script's own.
_SCRIPT_WORDS = {"CJK": "CJK", "IDEOGRAPHIC": "CJK", "HIRAGANA": "KANA", "KATAKANA": "KANA",
                 "HALFWIDTH": "KANA", "BOPOMOFO": "CJK", "HANGUL": "HANGUL"}
_SCRIPT_NAMES = {"CJK": "Chinese (Han)", "KANA": "Japanese (kana)", "HANGUL": "Korean (Hangul)"}
#: Google's Noto family for a script, where it is not "Noto Sans <Script>".
_NOTO_FAMILIES = {"CJK": "Noto Sans SC", "KANA": "Noto Sans JP", "HANGUL": "Noto Sans KR"}


def script_of(char: str) -> str:
    """The script of a letter, as the first word of its Unicode name ("THAI", "DEVANAGARI"), with
    the Chinese, Japanese and Korean ones under one name each ("CJK", "KANA", "HANGUL")."""
    word = unicodedata.name(char, "").split(" ")[0] or f"U+{ord(char):04X}"
    return _SCRIPT_WORDS.get(word, word)


def script_name(script: str) -> str:
    return _SCRIPT_NAMES.get(script, script.title())


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[:limit - 1] + "…")


def install_hint(script: str, platform: str = sys.platform, os_release: str | None = None) -> str:
    """What to install on this system for ``script`` (as :func:`script_of` names it)."""
    family = _NOTO_FAMILIES.get(script, f"Noto Sans {script.title()}")
    download = f"download {family} from https://fonts.google.com/noto"
    if platform == "win32":
        return f"{download}, right-click its .ttf file and choose Install, then build again"
    if platform == "darwin":
        return f"{download}, open its .ttf file and click Install Font, then build again"
    release = _os_release() if os_release is None else os_release
    if re.search(r"^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b", release, re.M):
        package = {"CJK": "fonts-droid-fallback", "KANA": "fonts-droid-fallback", "HANGUL": "fonts-nanum"}.get(
            script, "fonts-noto-core")
        return f"install it with: sudo apt-get install {package}"
    if re.search(r"^(ID|ID_LIKE)=.*\b(fedora|rhel)\b", release, re.M):
        package = {"CJK": "wqy-zenhei-fonts", "KANA": "wqy-zenhei-fonts", "HANGUL": "naver-nanum-gothic-fonts"}.get(
            script, f"google-noto-sans-{script.lower()}-fonts")
        return f"install it with: sudo dnf install {package}"
    return f"{download} and copy its .ttf file into ~/.local/share/fonts, then build again"


def _os_release() -> str:
    try:
        return Path("/etc/os-release").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


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
