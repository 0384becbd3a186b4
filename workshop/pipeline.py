"""The whole build: check everything first, write every output into a temporary folder beside
the destination, and swap it in only when every file is complete.

A build that fails, or is killed, leaves the last good kit exactly as it was.

On a machine with more than one core, the deck and the guide are made in a forked second
process while this one makes the rest; each output is the same bytes either way. Set
WORKSHOP_JOBS=1 to build everything in one process.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import importlib
import os
import pickle
import shutil
import signal
import sys
import tempfile
import threading
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path

from workshop import model as m
from workshop.builders.context import BuildContext
from workshop.errors import InputError, Problem, Src, display_path
from workshop.loader import load_outline
from workshop.pdfdraw import FontsMissing
from workshop.roster import read_roster
from workshop.schedule import build_agenda

#: Output names for --only, in build order, and the module in workshop.builders that makes each.
BUILDERS = {"deck": "deck", "handouts": "handouts", "guide": "guide", "certificates": "certificates",
            "sign-in": "signin", "evaluation": "evaluation"}
#: The files and folders in the kit that each output writes.
OWNS = {"deck": ("deck.pptx",), "handouts": ("handouts.pdf",), "guide": ("guide.pdf",),
        "certificates": ("certificates.pdf", "certificates.csv", "certificates"), "sign-in": ("sign-in.pdf",),
        "evaluation": ("evaluation.pdf",)}
#: Made in the second process when there is one: about half the work, and no progress bar.
_FORKED = ("deck", "guide")


def builder(name: str):
    """The module that makes output ``name`` (imported when first needed)."""
    return importlib.import_module(f"workshop.builders.{BUILDERS[name]}")


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
    ctx = prepare(outline, out_dir, roster, split, progress)
    chosen = [name for name in BUILDERS if only is None or name in only]
    return write_outputs(ctx, chosen, keep_others=only is not None)


def prepare(outline: Path, out_dir: Path | None = None, roster: Path | None = None, split: bool = False,
            progress=None, roster_reader=read_roster) -> BuildContext:
    """Read and check the outline and the roster: everything a build needs, before it writes."""
    return context_for(load_outline(outline), outline, out_dir, roster, split, progress, roster_reader)


def context_for(workshop: m.Workshop, outline: Path, out_dir: Path | None = None, roster: Path | None = None,
                split: bool = False, progress=None, roster_reader=read_roster) -> BuildContext:
    """The build context for an outline already loaded: its agenda checked, the roster read."""
    agenda = build_agenda(workshop)
    checked_roster = None
    if roster is not None:
        if workshop.date is None:
            raise InputError(Problem(Src(display_path(outline)), "a date is required for certificates; "
                                                                 "add it under workshop:", "workshop.date"))
        checked_roster = roster_reader(roster, agenda.ce.awarded if agenda.ce else None,
                                       increment=agenda.ce.increment if agenda.ce else None)
    return BuildContext(workshop, agenda, out_dir or default_out_dir(outline), build_time(workshop),
                        checked_roster, split, progress)


def write_outputs(ctx: BuildContext, names: list[str], keep_others: bool) -> BuildResult:
    """Make the outputs ``names`` and swap them into ``ctx.out_dir`` in one step. With
    ``keep_others``, every other output already there stays (hard-linked, not copied)."""
    replaced = list(names) if keep_others else None
    result = _write_atomically(ctx.out_dir, lambda tmp: _run(names, ctx, tmp), replaced)
    if ctx.roster is not None:
        result.warnings = list(ctx.roster.warnings) + result.warnings
    return result


def _run(names: list[str], ctx: BuildContext, tmp: Path) -> BuildResult:
    here = replace(ctx, out_dir=tmp)
    aside = [n for n in names if n in _FORKED]
    if aside and len(aside) < len(names) and _can_fork():
        child = _Child(lambda: build_each(aside, here))
        try:
            made = build_each([n for n in names if n not in aside], here)
            made.update(child.result())
        finally:
            child.stop()
    else:
        made = build_each(names, here)
    result = BuildResult(tmp)
    for name in names:
        files, warnings = made[name]
        result.files += files
        result.warnings += warnings
    return result


def build_each(names: list[str], ctx: BuildContext) -> dict[str, tuple[list[Path], list[str]]]:
    """Make each named output into ``ctx.out_dir``: name -> (files written, warnings)."""
    made = {}
    for name in names:
        try:
            made[name] = builder(name).build(ctx)
        except FontsMissing as exc:
            raise InputError(Problem(Src(name), str(exc))) from None
    return made


def _can_fork() -> bool:
    if os.environ.get("WORKSHOP_JOBS", "").strip() == "1" or not hasattr(os, "fork"):
        return False
    return (os.cpu_count() or 1) > 1 and threading.active_count() == 1


class _Child:
    """``work`` run in a forked process; :meth:`result` waits for what it returned or raised."""

    def __init__(self, work):
        read, write = os.pipe()
        parent = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:
            self._serve(read, write, work, parent)  # never returns
        os.close(write)
        self.read: int | None = read

    @staticmethod
    def _serve(read: int, write: int, work, parent: int) -> None:
        code = 0
        try:
            os.close(read)
            _die_with_parent()
            if os.getppid() != parent:  # killed before the line above took effect
                raise SystemExit(1)
            try:
                outcome = ("done", work())
            except InputError as exc:
                outcome = ("input", exc.problems)
            except BaseException:
                outcome = ("crash", traceback.format_exc())
            with os.fdopen(write, "wb") as pipe:
                pickle.dump(outcome, pipe)
        except BaseException:
            code = 1
        finally:
            os._exit(code)  # no atexit handlers, no flushing the parent's buffers twice

    def result(self):
        with os.fdopen(self.read, "rb") as pipe:
            self.read = None
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        if not data:
            raise RuntimeError(f"the second build process ended without a result (wait status {status})")
        kind, value = pickle.loads(data)
        if kind == "input":
            raise InputError(value)
        if kind == "crash":
            raise RuntimeError("the second build process failed:\n" + value)
        return value

    def stop(self) -> None:
        """Make sure the child is gone (after an error in this process, say)."""
        if self.read is not None:
            os.close(self.read)
            self.read = None
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self.pid, 0)
            self.pid = 0


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this child if the build that forked it is killed."""
    if sys.platform != "linux":
        return
    try:
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


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


def _keep(old: Path, new: Path, replaced: list[str]) -> None:
    """Hard-link into ``new`` everything in the kit ``old`` except what ``replaced`` will write.

    Builders write new files, never into existing ones, so a linked file is never changed."""
    skip = {name for output in replaced for name in OWNS[output]}
    for entry in sorted(old.iterdir()):
        if entry.name in skip:
            continue
        if entry.is_dir():
            shutil.copytree(entry, new / entry.name, copy_function=_link)
        else:
            _link(entry, new / entry.name)


def _link(src, dst) -> None:
    try:
        os.link(src, dst)
    except OSError:  # a file system without hard links
        shutil.copy2(src, dst)


def _write_atomically(out_dir: Path, make, replaced: list[str] | None) -> BuildResult:
    out_dir = Path(out_dir)
    shown = display_path(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        _recover(out_dir)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.building-", dir=out_dir.parent))
    except OSError as exc:
        raise InputError(Problem(Src(shown), f"cannot write the output folder: {exc.strerror}")) from None
    try:
        if replaced is not None and out_dir.is_dir():
            _keep(out_dir, tmp, replaced)
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
