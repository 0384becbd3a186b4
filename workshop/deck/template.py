"""Is a PowerPoint template usable for the deck? Checked before anything is written, by
``validate`` and ``build`` alike, and by ``workshop template``.

A template is a file the user picked up somewhere: a download that did not finish, a Word file
renamed, an old .ppt, a zip that unpacks to gigabytes. Each is told apart from the file's first
bytes and its zip directory *before* python-pptx reads any of it, so a bad file costs a few
kilobytes of reading and a plain sentence, never a traceback or the machine's memory.
"""

from __future__ import annotations

import difflib
import functools
import zipfile
from pathlib import Path

from workshop.deck.frame import REQUIRED_ROLES, ROLES
from workshop.errors import Problem, Src, display_path

#: A real template, pictures and all, unpacks to a few megabytes; more than this is not one.
MAX_UNPACKED = 200 * 1024 * 1024
#: XML squeezes about 10 to 1 and a blank picture a few hundred to 1; far beyond is a zip bomb.
MAX_RATIO = 500
_SAVE = "save it from PowerPoint as .pptx (File > Save As > PowerPoint Presentation)"
_RESAVE = "save it as .pptx (File > Save As > PowerPoint Presentation)"
#: The main part of each kind of Office zip, and what to call a file of that kind.
_OTHER_OFFICE = {"word/document.xml": "a Word document", "xl/workbook.xml": "an Excel workbook"}
_PPTX_CONTENT = "application/vnd.openxmlformats-officedocument.presentationml."
_PPT_KINDS = {"presentation.main+xml": "", "slideshow.main+xml": "a PowerPoint show (.ppsx)",
              "template.main+xml": "a PowerPoint template (.potx)"}


class TemplateError(Exception):
    """The file cannot serve as a template; the message says why and how to fix it."""


def template_problems(path: Path, src: Src, layouts: tuple[tuple[str, str], ...] = (),
                      layouts_src: tuple[tuple[str, Src], ...] = ()) -> list[Problem]:
    """What is wrong with the template at ``path`` (written at ``src``), or [] when the deck can
    build on it; ``layouts`` is the outline's ``theme.layouts`` (role, layout name), written at
    ``layouts_src``. Reads the file's zip directory first and never more than :data:`MAX_UNPACKED`."""
    try:
        stat = path.stat()
    except OSError as exc:
        return [Problem(src, f"cannot read {path.name}: {exc.strerror}", "theme.template")]
    where = dict(layouts_src)
    return [Problem(where.get(role, src), message, f"theme.layouts.{role}" if role in where else "theme.template")
            for role, message in _messages(str(path), stat.st_mtime_ns, stat.st_size, display_path(path), layouts)]


@functools.lru_cache(maxsize=8)
def _messages(path: str, mtime_ns: int, size: int, shown: str,
              layouts: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """Cached by file identity: ``validate``, ``build`` and ``watch`` each ask once per change."""
    try:
        prs = read_template(Path(path))
    except TemplateError as exc:
        return (("", str(exc)),)
    have = layout_names_in(prs)
    mapped = dict(layouts)
    found = []
    size = _size_problem(Path(path).name, prs.slide_width / 914400, prs.slide_height / 914400)
    if size:
        return (("", size),)
    for role, name in layouts:
        if name not in have:
            close = difflib.get_close_matches(name, have, n=1, cutoff=0.5)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            found.append((role, f"{Path(path).name} has no layout named '{name}'{hint} (its layouts: "
                                f"{', '.join(repr(n) for n in have)})"))
    missing = [role for role in REQUIRED_ROLES if role not in mapped and ROLES[role][0] not in have]
    if not found and not missing:
        found += [("", message) for message in _colour_problems(path, mtime_ns, size, mapped)]
    if missing:
        message = layouts_message(Path(path).name, missing, shown)
        if "title_only" in missing and (alike := _title_only_alike(prs)):
            message += f"; '{alike}' has only a title and looks like it (theme: {{layouts: {{title_only: {alike}}}}})"
        found.append(("", message))
    return tuple(found)


#: The slide sizes the deck's type scale is made for, in inches: from the 10 x 5.63 in of an
#: on-screen 16:9 show to a 16 in wide poster-like page. Text set in points on a smaller slide runs
#: off it; on a much larger one it shows as a speck when the slide is projected to fit the screen.
MIN_W, MIN_H, MAX_W, MAX_H = 9.0, 5.0, 16.0, 12.0


def _size_problem(name: str, width: float, height: float) -> str:
    """Why slides of ``width`` x ``height`` inches cannot take the deck, or ""."""
    shown = f"{width:.2f} x {height:.2f} in"
    fix = ("in PowerPoint, Design > Slide Size > Custom Slide Size, set a width of 10 to 13.33 in and a height "
           "of 5.63 to 7.5 in and choose Ensure Fit, then save the template again")
    if height > width:
        return f"{name} has portrait slides ({shown}); the deck is laid out on landscape slides: {fix}"
    if width < MIN_W or height < MIN_H:
        return (f"{name} has slides of {shown}, too small for the deck's text (at least {MIN_W:.0f} x "
                f"{MIN_H:.0f} in): {fix}")
    if width > MAX_W or height > MAX_H:
        return (f"{name} has slides of {shown}, so large that the deck's text would be tiny when they are "
                f"shown (at most {MAX_W:.0f} x {MAX_H:.0f} in): {fix}")
    return ""


def _colour_problems(path: str, mtime_ns: int, size: int, mapped: dict[str, str]) -> list[str]:
    """Where no text colour reads on the template's background (a gradient from white to black, say)."""
    from workshop import model as m
    from workshop.deck.frame import _template_frame, unreadable_backgrounds

    names = tuple(sorted((role, mapped.get(role, default)) for role, (default, _) in ROLES.items()))
    frame = _template_frame(path, mtime_ns, size, names, m.Theme().accent)
    names = dict(names)
    return [f"{Path(path).name}: no text colour reads on every part of the background of layout "
            f"'{names[role]}' (the best reaches {best:.1f}:1, text needs 4.5:1); in PowerPoint's Slide Master "
            f"view, give it a background that is dark all over or light all over"
            for role, best in unreadable_backgrounds(frame)]


def read_template(path: Path):
    """The template at ``path`` opened by python-pptx; :class:`TemplateError` when it is not a
    PowerPoint file, is damaged, or would unpack to more than :data:`MAX_UNPACKED`."""
    from pptx import Presentation

    name = path.name
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise TemplateError(f"cannot read {name}: {exc.strerror}") from None
    if not head.startswith(b"PK"):
        raise TemplateError(_not_a_zip(name, path, head))
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            _check_sizes(name, z.infolist())
            content_types = z.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise TemplateError(f"{name} is damaged or incomplete (a download or copy that did not finish?); "
                            f"copy it again, or open it in PowerPoint and {_RESAVE}") from None
    _check_kind(name, names, content_types)
    try:
        return Presentation(str(path))
    except Exception as exc:  # python-pptx and zipfile raise many kinds for a damaged part
        raise TemplateError(f"{name} cannot be read as a PowerPoint file ({_reason(exc)}); open it in "
                            f"PowerPoint and save it again as .pptx") from None


def _title_only_alike(prs) -> str:
    """The first layout with a title and no body: what a renamed "Title Only" looks like."""
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            kinds = {str(ph.placeholder_format.type).split()[0] for ph in layout.placeholders}
            if any(k.startswith("TITLE") for k in kinds) and not any(k.startswith(("BODY", "OBJECT", "SUBTITLE"))
                                                                      for k in kinds):
                return layout.name
    return ""


def layout_names_in(prs) -> list[str]:
    """The names of every layout of the opened template ``prs``, in order."""
    return [layout.name for master in prs.slide_masters for layout in master.slide_layouts]


def layouts_message(name: str, missing: list[str], shown: str) -> str:
    """What to tell a user whose template ``name`` lacks the layouts for the roles ``missing``."""
    what = " and ".join(f"'{ROLES[r][0]}' (for {ROLES[r][1]})" for r in missing)
    mapping = ", ".join(f"{r}: YOUR LAYOUT NAME" for r in missing)
    return (f"{name} lacks the layout{'s' if len(missing) > 1 else ''} {what}; if it has one under another "
            f"name, map it in the outline (theme: {{layouts: {{{mapping}}}}}), or add or rename "
            f"{'them' if len(missing) > 1 else 'it'} in "
            f"PowerPoint's Slide Master view (run 'workshop template {shown}' to list the layouts it has)")


def _not_a_zip(name: str, path: Path, head: bytes) -> str:
    if not head:
        return f"{name} is empty (0 bytes); copy the template again, or {_SAVE}"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return (f"{name} is an old-style Office file (.ppt, .doc or .xls from Office 97-2003) renamed; "
                f"open it in PowerPoint and {_RESAVE}")
    if head.startswith(b"%PDF"):
        return f"{name} is a PDF, not a PowerPoint file; ask for the .pptx the PDF was made from"
    with path.open("rb") as f:
        sample = f.read(4096)
    try:
        sample.decode("utf-8")
        looks_like = "a text file" if b"\0" not in sample else "another kind of file"
    except UnicodeDecodeError as exc:
        looks_like = "a text file" if exc.start > 4000 else "another kind of file"
    return f"{name} is not a PowerPoint file (it is {looks_like} renamed?); {_SAVE}"


def _check_sizes(name: str, infos: list[zipfile.ZipInfo]) -> None:
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        raise TemplateError(f"{name} would unpack to {_megabytes(total)}, more than the "
                            f"{_megabytes(MAX_UNPACKED)} a template may take; a real template is a few megabytes: "
                            f"remove any videos from it, or {_SAVE}")
    for info in infos:
        if info.file_size > 10 * 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise TemplateError(f"{name} holds a part ({info.filename}) that unpacks from "
                                f"{_megabytes(info.compress_size)} to {_megabytes(info.file_size)}, which no real "
                                f"template does: the file is damaged or is not a template; {_SAVE}")


def _check_kind(name: str, names: set[str], content_types: bytes) -> None:
    if "ppt/presentation.xml" not in names:
        other = next((kind for part, kind in _OTHER_OFFICE.items() if part in names), None)
        looks_like = f"it is {other} renamed?" if other else "it is a zip archive of other files"
        raise TemplateError(f"{name} is not a PowerPoint file ({looks_like}); point theme.template at a "
                            f"PowerPoint file, or {_SAVE}")
    for suffix, kind in _PPT_KINDS.items():
        if kind and (_PPTX_CONTENT + suffix).encode() in content_types:
            raise TemplateError(f"{name} is {kind}, not a presentation; open it in PowerPoint and {_RESAVE}")


def _megabytes(n: int) -> str:
    if n >= 1024 ** 3:
        return f"{n / 1024 ** 3:.1f} GB"
    return f"{n / 1024 ** 2:.0f} MB" if n >= 1024 ** 2 else f"{max(n // 1024, 1)} KB"


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]
