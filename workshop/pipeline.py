"""The whole build: check everything first, write every output into a temporary folder beside
the destination, and swap it in only when every file is complete.

A build that fails, or is killed, leaves the last good kit exactly as it was.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import os
import sys
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from workshop import model as m
from workshop.builders import certificates, deck, evaluation, guide, handouts, signin
from workshop.builders.context import BuildContext
from workshop.errors import InputError, Problem, Src, display_path
from workshop.loader import load_outline
from workshop.pdfdraw import FontsMissing
from workshop.roster import read_roster
from workshop.schedule import build_agenda

#: Output names for --only, in build order, and the module that makes each.
BUILDERS = {"deck": deck, "handouts": handouts, "guide": guide, "certificates": certificates, "sign-in": signin, "evaluation": evaluation}


@dataclass
class BuildResult:
    out_dir: Path
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def build_time(workshop: m.Workshop) -> dt.datetime:
    """The time stamped into outputs: SOURCE_DATE_EPOCH when set, else the workshop's date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).replace(tzinfo=None)
    day = workshop.date or dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day)


def default_out_dir(outline: Path) -> Path:
    name = outline.name[:-5] if outline.name.endswith(".yaml") else outline.stem
    return Path("build") / name


def build_kit(outline: Path, out_dir: Path | None = None, roster: Path | None = None,
              only: tuple[str, ...] | None = None, split: bool = False, progress=None) -> BuildResult:
    """Build the kit for ``outline`` into ``out_dir``; raise :class:`InputError` on bad input.

    Every input is read and checked before the first file is written.
    """
    workshop = load_outline(outline)
    agenda = build_agenda(workshop)
    checked_roster = None
    if roster is not None:
        if workshop.date is None:
            raise InputError(Problem(Src(display_path(outline)), "a date is required for certificates; "
                                                                 "add it under workshop:", "workshop.date"))
        checked_roster = read_roster(roster, agenda.ce.awarded if agenda.ce else None)
    out_dir = out_dir or default_out_dir(outline)
    ctx = BuildContext(workshop, agenda, out_dir, build_time(workshop), checked_roster, split, progress)
    chosen = [name for name in BUILDERS if only is None or name in only]
    result = _write_atomically(out_dir, lambda tmp: _run(chosen, ctx, tmp), keep=only is not None)
    if checked_roster is not None:
        result.warnings = list(checked_roster.warnings) + result.warnings
    return result


def _run(names: list[str], ctx: BuildContext, tmp: Path) -> BuildResult:
    from dataclasses import replace

    here = replace(ctx, out_dir=tmp)
    result = BuildResult(tmp)
    for name in names:
        try:
            files, warnings = BUILDERS[name].build(here)
        except FontsMissing as exc:
            raise InputError(Problem(Src(name), str(exc))) from None
        result.files += files
        result.warnings += warnings
    return result


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step where the system can (Linux renameat2); False if it cannot."""
    if sys.platform != "linux":
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _recover(out_dir: Path) -> None:
    """Undo what a killed build may have left: put a set-aside kit back, remove half-built folders."""
    leftovers = sorted(out_dir.parent.glob(f".{out_dir.name}.old-*"))
    if not out_dir.exists() and leftovers:
        leftovers[-1].rename(out_dir)
    for stale in out_dir.parent.glob(f".{out_dir.name}.*-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _write_atomically(out_dir: Path, make, keep: bool) -> BuildResult:
    out_dir = Path(out_dir)
    shown = display_path(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        _recover(out_dir)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.building-", dir=out_dir.parent))
    except OSError as exc:
        raise InputError(Problem(Src(shown), f"cannot write the output folder: {exc.strerror}")) from None
    try:
        if keep and out_dir.is_dir():
            shutil.copytree(out_dir, tmp, dirs_exist_ok=True)
        result = make(tmp)
        if out_dir.is_dir() and _exchange(tmp, out_dir):
            shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the previous kit
        else:
            old = None
            if out_dir.exists():
                old = out_dir.with_name(f".{out_dir.name}.old-{tmp.name.rsplit('-', 1)[-1]}")
                out_dir.rename(old)
            tmp.rename(out_dir)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise InputError(Problem(Src(shown), f"cannot write the output folder: {exc.strerror}")) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    result.out_dir = out_dir
    result.files = [out_dir / f.relative_to(tmp) for f in result.files]
    return result
