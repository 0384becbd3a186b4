"""``workshop import``: an existing PowerPoint deck -> an outline and its ``images/`` folder.

The data flows one way: the file is checked (:mod:`.container`), read into plain values
(:mod:`.reader`), turned into an outline draft (:mod:`.interpret`, :mod:`.slides`,
:mod:`.titlepage`) and written as YAML (:mod:`.yamlout`). Everything is decided before a file
is written, and nothing that exists is replaced without ``force``.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from workshop.errors import InputError, Problem, Src, display_path
from workshop.importer.container import open_deck
from workshop.importer.draft import Draft, DraftBreak
from workshop.importer.interpret import draft_outline
from workshop.importer.reader import read_deck
from workshop.importer.yamlout import outline_text


@dataclass
class Imported:
    """What an import wrote, and what it has to tell the trainer."""

    outline: Path
    pictures: list[Path]
    draft: Draft
    problems: list[str] = field(default_factory=list)  # set when the written outline does not validate

    def report(self) -> list[str]:
        """The lines the command prints: what was made, then everything not brought in as it was."""
        draft, name = self.draft, display_path(self.outline)
        sections = draft.sections
        slides = sum(len(s.slides) for s in sections)
        breaks = sum(1 for e in draft.entries if isinstance(e, DraftBreak))
        minutes = sum(e.minutes for e in draft.entries)
        estimated = [s for s in sections if s.minutes_comment.startswith("check")]
        counts = [_count(len(sections), "section"), _count(breaks, "break") if breaks else "",
                  _count(slides, "slide"), _count(sum(len(s.activities) for s in sections), "activity", "activities")
                  if any(s.activities for s in sections) else ""]
        lines = [f"Wrote {name} from {draft.source}: {', '.join(c for c in counts if c)}; {minutes} minutes"
                 + (" (estimated: check them)" if estimated else "") + "."]
        if self.pictures:
            lines.append(f"Wrote {_count(len(self.pictures), 'picture')} to "
                         f"{display_path(self.pictures[0].parent)}/.")
        for kind, heading in (("missing", "Not brought in (noted at each slide in the outline):"),
                              ("changed", "Brought in differently:"), ("check", "To check:")):
            found = [str(n) for n in draft.notices if n.kind == kind]
            if kind == "check" and estimated:
                found.insert(0, f"the minutes of {_count(len(estimated), 'section')}: estimated at "
                                "2-3 minutes a slide")
            if found:
                lines.append(heading)
                lines += [f"  {line}" for line in found]
        folded = [n for n in draft.notices if n.kind == "folded"]
        if folded:
            lines.append("Brought in as outline keys or left out, as the build makes these slides itself:")
            if len(folded) <= 8:
                lines += [f"  {n}" for n in folded]
            else:
                lines.append("  slides " + ", ".join(str(n.number) for n in folded))
        if self.problems:
            lines.append("The outline does not validate yet; fix these lines:")
            lines += [f"  {p}" for p in self.problems]
        lines.append(f"Next: check the minutes in {name}, then run: workshop build {name}")
        return lines


def _count(n: int, word: str, plural: str = "") -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def import_deck(deck: Path, outline: Path | None = None, force: bool = False) -> Imported:
    """Write the outline for ``deck`` (default: beside it, named after it) and its pictures.

    Raises :class:`InputError`, having written nothing, when the deck cannot be read or when a
    file to be written exists with other content and ``force`` is not set.
    """
    deck = Path(deck)
    data = open_deck(deck)
    raw = read_deck(data, Src(display_path(deck)))
    target = Path(outline) if outline is not None else deck.with_name(deck.stem + ".yaml")
    if target.suffix.lower() not in (".yaml", ".yml"):
        target = target.with_name(target.name + ".yaml")
    draft = draft_outline(raw, deck.name)
    offer_template(draft, deck, target)
    files = {target: outline_text(draft, display_path(target)).encode("utf-8")}
    files.update({target.parent / rel: content for rel, content in draft.pictures.items()})
    _check_targets(files, force)
    for path, content in files.items():
        _write(path, content)
    return Imported(target, [p for p in files if p != target], draft, _validate(target))


#: The layout type PowerPoint gives each kind of layout the deck uses, for a deck whose layouts
#: are named otherwise (another language, Google Slides' "TITLE_AND_BODY").
_LAYOUT_TYPES = {"title": "title", "section": "secHead", "title_only": "titleOnly", "content": "obj",
                 "two_content": "twoObj"}


def offer_template(draft: Draft, deck: Path, outline: Path) -> None:
    """Offer ``deck`` as the outline's ``theme.template``: its path from the outline, and the
    layouts to use where the deck names them otherwise. When the build could not use it, the
    reason is kept and the template is written commented out."""
    from pptx import Presentation

    from workshop.deck.frame import ROLES
    from workshop.deck.template import template_problems

    try:
        draft.template = Path(os.path.relpath(deck.resolve(), outline.resolve().parent)).as_posix()
    except ValueError:  # on another drive than the outline: only the whole path reaches it
        draft.template = deck.resolve().as_posix()
    try:
        prs = Presentation(str(deck))
        layouts = [layout for master in prs.slide_masters for layout in master.slide_layouts]
    except Exception:  # the deck was read a moment ago; a template it cannot be is said below
        layouts = []
    names = {layout.name for layout in layouts}
    for role, (name, _) in ROLES.items():
        if name not in names:
            match = next((la.name for la in layouts if la.element.get("type") == _LAYOUT_TYPES[role] and la.name), "")
            if match:
                draft.layouts[role] = match
    problems = template_problems(deck.resolve(), Src(display_path(deck)), tuple(draft.layouts.items()))
    if problems:
        draft.template_problem = problems[0].message
        draft.notice(0, "check", f"the deck's design is offered as theme.template but commented out: "
                                 f"{draft.template_problem}")
    else:
        draft.notice(0, "changed", f"the deck's design (its masters and layouts): theme.template is {draft.template}")


def _check_targets(files: dict[Path, bytes], force: bool) -> None:
    problems = []
    for path, content in files.items():
        where = Src(display_path(path))
        if path.is_dir():
            problems.append(Problem(where, "is a folder; choose another outline name with -o"))
        elif path.exists() and not force and path.read_bytes() != content:
            problems.append(Problem(where, "already exists; add --force to replace it, or write the outline "
                                           "somewhere else with -o"))
        else:
            parent = path.parent
            while not parent.exists():
                parent = parent.parent
            if not parent.is_dir():
                problems.append(Problem(Src(display_path(parent)), "is a file, but a folder is needed here"))
    if problems:
        raise InputError(problems)


def _write(path: Path, content: bytes) -> None:
    """Write whole or not at all; through a symlink to the file it points at."""
    path = path.resolve()
    if path.exists() and path.read_bytes() == content:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        if path.exists():
            os.chmod(temp, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _validate(outline: Path) -> list[str]:
    """The problems ``workshop validate`` would print for the written outline (none, normally)."""
    from workshop.loader import load_outline
    from workshop.schedule import build_agenda

    try:
        build_agenda(load_outline(outline))
    except InputError as exc:
        return [str(p) for p in exc.problems]
    return []
