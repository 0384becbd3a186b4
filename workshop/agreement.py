"""A kit that agrees with itself: each output's fingerprint (what it is made from, which ``watch``
rebuilds by), and what ``build --only`` must rebuild besides what it was asked for.

Every build records in the kit's manifest, for each output it made, a digest of what that output
shows from the outline (:func:`outline_prints`: the parts of the outline and agenda it is made
from, and its pictures and template by content, as ``watch`` fingerprints them, less the roster)
and whether a roster was given. ``build --only deck`` compares each other output in the kit with
what the outline gives now. One whose digest differs shows something the edit changed (a time,
the CE hours, a title) and would contradict the new deck, so it is rebuilt too, and named: a
trainer who lengthens the introduction and asks for the deck expects the handouts, the guide and
the sign-in sheet to show the same times, as ``watch`` keeps them. One whose digest is the same is
left alone, so ``--only`` stays quick for the edits it is meant for.

Two outputs are not remade unasked, and are named in a warning instead: certificates, which are
issued records (a change to them is the user's decision, with the roster), and a sign-in sheet
that lists a roster's names when this build has no roster (rebuilding it would drop them).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from pathlib import Path

from workshop.builders.context import BuildContext
from workshop.errors import InputError, Src, display_path
from workshop.kitdir import KitFolder
from workshop.outputs import OUTPUTS, Output, owned_names

#: Model fields that say where a value was written, not what it is.
_WHERE = {"src", "hours_src", "minutes_src", "end_src", "source", "row"}


class FileDigests:
    """Content digests of files, recomputed only when a file's size or time changes."""

    def __init__(self):
        self.known: dict[Path, tuple[tuple, str]] = {}

    def digest(self, path: Path) -> str:
        stamp = file_stamp(path)
        cached = self.known.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, hashlib.sha256(path.read_bytes()).hexdigest() if stamp else "missing")
            self.known[path] = cached
        return cached[1]


def file_stamp(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino


def record_fields(value) -> list[tuple[str, object]] | None:
    """A model record's fields other than locations, or None if ``value`` is not a record."""
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return None
    return [(f.name, getattr(value, f.name)) for f in dataclasses.fields(value)
            if f.name not in _WHERE and not f.name.endswith("_src")]


def _plain(value, files: FileDigests):
    """``value`` as nested tuples of plain values, locations left out and files by content."""
    if isinstance(value, Src):  # where something was written (theme.layouts keeps one per layout)
        return None
    fields = record_fields(value)
    if fields is not None:
        return (type(value).__name__,) + tuple((name, _plain(v, files)) for name, v in fields)
    if isinstance(value, (tuple, list)):
        return tuple(_plain(v, files) for v in value)
    if isinstance(value, Path):
        return ("file", str(value), files.digest(value))
    return value


def fingerprints(ctx: BuildContext, files: FileDigests | None = None) -> dict[str, str]:
    """A digest per output of what it is made from (:attr:`Output.made_from`)."""
    files = files or FileDigests()
    return {o.name: hashlib.sha256(repr(_plain(o.made_from(ctx), files)).encode()).hexdigest() for o in OUTPUTS}


def outline_prints(ctx: BuildContext) -> dict[str, str]:
    """A digest per output of what it shows from the outline (the roster left out)."""
    return fingerprints(dataclasses.replace(ctx, roster=None, attendance=None, decisions=(), plan=None, evidence=()))


def records(ctx: BuildContext, outputs: list[Output], prints: dict[str, str] | None = None) -> dict[str, dict]:
    """What the manifest keeps of each output made: its digest and whether a roster was given."""
    prints = prints or outline_prints(ctx)
    return {o.name: {"outline": prints[o.name], "roster": ctx.roster is not None} for o in outputs}


@dataclasses.dataclass
class Widened:
    outputs: list[Output]  # what to build: those asked for and those that no longer agree
    added: list[Output]  # those added
    warnings: list[str]  # outputs that disagree and are left as they are, said why


def widen(ctx: BuildContext, outputs: list[Output]) -> Widened:
    """``outputs`` and every other output in the kit at ``ctx.out_dir`` that no longer agrees with
    the outline; certificates and name lists that cannot be remade here are named in warnings."""
    kit = KitFolder(ctx.out_dir, owned_names())
    try:
        kit.check()
        listed = kit.manifest()
    except InputError:
        return Widened(outputs, [], [])  # not a kit: the build itself refuses the folder and says why
    built = kit.built_from()
    asked = {o.name for o in outputs}
    prints = outline_prints(ctx)
    added, warnings = [], []
    for output in OUTPUTS:
        first = output.files[0]
        if output.name in asked or first not in listed or not (kit.path / first).is_file():
            continue
        record = built.get(output.name)
        if record is not None and record.get("outline") == prints[output.name]:
            continue  # shows nothing the outline changed
        shown = f"{display_path(Path(ctx.out_dir))}/{first}"
        if record is None:
            why = "was made by an earlier version of workshop, which did not record what it was made from"
        else:
            why = "shows the outline as it was when it was made, not as it is now"
        if output.needs_roster and ctx.plan is not None and (ctx.plan.new or ctx.reissue):
            added.append(output)  # the record changes (a reissue, a late addition): its views are made with it
            continue
        if output.needs_roster:
            warnings.append(f"{shown}: {why}; certificates are issued records, so this build leaves them as they "
                            f"are. To reissue them, build them with the roster (--roster FILE, with {output.name} "
                            f"in --only or without --only); to keep them as issued, leave them")
            continue
        if output.shows_names and ctx.roster is None and (record is None or record.get("roster")):
            warnings.append(f"{shown}: {why}, and lists the roster's names: without --roster this build would "
                            f"drop them, so it leaves the sheet as it is. Build again with --roster FILE to bring "
                            f"it up to date, or add {output.name} to --only to make it without names")
            continue
        added.append(output)
    if not added:
        return Widened(outputs, [], warnings)
    names = asked | {o.name for o in added}
    return Widened([o for o in OUTPUTS if o.name in names], added, warnings)
