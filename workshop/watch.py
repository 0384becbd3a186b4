"""``workshop watch``: keep the kit up to date while an outline is being edited.

Each output has a fingerprint: a digest of exactly what it is made from (the parts of the outline
it shows, the pictures and template it embeds, the roster for certificates and the sign-in
sheet, the build date; :func:`workshop.agreement.fingerprints`, which ``build --only`` uses
too). When a watched file changes, the outline and roster are read and checked
again and only the outputs whose fingerprint changed are rebuilt: the deck first, swapped in on
its own so it is ready soonest, then the others. Bad input is reported and the kit stays as it
was.

A file counts as changed when its size, modification time or inode differ from the last look.
On Linux the kernel's inotify says when to look (a file in a watched folder was closed after
writing, renamed, created or removed), so an edit is seen at once; elsewhere, or if inotify is
not available, the files are polled.
"""

from __future__ import annotations

import ctypes
import dataclasses
import datetime as dt
import hashlib
import os
import select
import sys
import time
from pathlib import Path
from typing import Callable

from workshop import pipeline
from workshop.agreement import FileDigests, file_stamp, fingerprints, record_fields
from workshop.outputs import chosen
from workshop.builders.context import BuildContext
from workshop.errors import InputError, display_path
from workshop.loader import read_outline
from workshop.roster import read_roster

def input_files(ctx: BuildContext, outline_files: list[Path], roster: Path | None,
                attendance: tuple[Path, ...] = ()) -> set[Path]:
    """Every file the kit is made from: outlines, pictures, template, roster, attendance reports."""
    found = set(outline_files)
    for given in ([roster] if roster is not None else []) + list(attendance):
        found.add(Path(given).resolve())
    found.update(piece.path.resolve() for piece in ctx.evidence)  # the decisions file among them

    def walk(value) -> None:
        fields = record_fields(value)
        if fields is not None:
            for _, v in fields:
                walk(v)
        elif isinstance(value, (tuple, list)):
            for v in value:
                walk(v)
        elif isinstance(value, Path):
            found.add(value)

    walk(ctx.workshop)
    return found


class Watcher:
    """Rebuild what changed each time :meth:`check` finds a watched file changed."""

    def __init__(self, outline: Path, out_dir: Path | None = None, roster: Path | None = None,
                 split: bool = False, say: Callable[[str], None] = print, complain: Callable[[str], None] = print,
                 attendance: tuple[Path, ...] = ()):
        self.outline = Path(outline)
        self.attendance = tuple(attendance)
        self.out_dir = out_dir or pipeline.default_out_dir(self.outline)
        self.roster = roster
        self.split = split
        self.say, self.complain = say, complain
        self.files = FileDigests()
        self.watched: dict[Path, tuple | None] = {}
        self.built: dict[str, str] = {}  # output -> fingerprint of what is in the kit now
        self._rosters: dict[tuple, object] = {}

    def start(self) -> None:
        """The first build: every output."""
        self.rebuild("started")

    def check(self) -> bool:
        """Rebuild if a watched file changed since the last look; True if it did."""
        changed = [p for p, stamp in self.watched.items() if file_stamp(p) != stamp]
        if not changed:
            return False
        names = ", ".join(sorted(p.name for p in changed))
        self.rebuild(f"{names} changed")
        return True

    def run(self, interval: float = 0.05, notify: bool = True) -> None:
        """Watch until interrupted: look whenever inotify reports activity in a watched folder
        (and at least every second), or every ``interval`` seconds without it."""
        notifier = _Inotify.create() if notify else None
        while True:
            if notifier is not None:
                notifier.watch({p.parent for p in self.watched})
            if self.check():
                continue
            if notifier is not None:
                notifier.wait(1.0)
            else:
                time.sleep(interval)

    # -- one rebuild ---------------------------------------------------------------------

    def rebuild(self, why: str) -> None:
        began = time.perf_counter()
        given = [self.outline] + ([self.roster] if self.roster is not None else []) + list(self.attendance)
        self.watched = {p: file_stamp(p) for p in self.watched} | {Path(p).resolve(): file_stamp(p) for p in given}
        try:
            workshop, outline_files = read_outline(self.outline)
            ctx = pipeline.context_for(workshop, self.outline, self.out_dir, self.roster, self.split,
                                       roster_reader=self._read_roster, attendance=self.attendance)
        except InputError as exc:
            self._report(why, exc)
            return
        watched = input_files(ctx, outline_files, self.roster, self.attendance)
        self.watched = {p: self.watched.get(p, file_stamp(p)) for p in watched}
        prints = fingerprints(ctx, self.files)
        todo = [o for o in chosen(ctx, None) if prints[o.name] != self.built.get(o.name) or not self._present(o, ctx)]
        if not todo:
            self.say(f"{_now()} {why}: every output is up to date")
            return
        done, warned = [], []
        for group in ([o for o in todo if o.first_in_watch], [o for o in todo if not o.first_in_watch]):
            if not group:
                continue
            try:
                result = pipeline.write_outputs(ctx, group)
            except InputError as exc:
                for warning in warned:
                    self.complain(f"warning: {warning}")
                self._report(why, exc)
                return
            self.built.update({o.name: prints[o.name] for o in group})
            done.append(f"{', '.join(p.name for p in result.files if p.parent == result.out_dir)} "
                        f"({time.perf_counter() - began:.2f} s)")
            warned += [w for w in result.warnings if w not in warned]
        for warning in warned:  # each group's build repeats the inputs' warnings: each is said once
            self.complain(f"warning: {warning}")
        self.say(f"{_now()} {why}: rebuilt {'; then '.join(done)} in {display_path(self.out_dir)}/")

    def _present(self, output, ctx: BuildContext) -> bool:
        return (ctx.out_dir / output.files[0]).is_file()

    def _read_roster(self, path: Path, max_hours, increment=None, start=None):
        key = (file_stamp(path), max_hours, increment, start)
        if key not in self._rosters:
            self._rosters = {key: read_roster(path, max_hours, increment=increment, start=start)}
        return self._rosters[key]

    def _report(self, why: str, exc: InputError) -> None:
        count = len(exc.problems)
        self.complain(f"{_now()} {why}: {count} problem{'s' if count != 1 else ''}; the kit was left as it was:")
        for problem in exc.problems:
            self.complain(f"  {problem}")


class _Inotify:
    """Wake-ups from Linux inotify for folders; the events themselves are not read, only counted
    as a reason to look at the watched files again."""

    #: IN_ATTRIB, IN_CLOSE_WRITE, IN_MOVED_FROM, IN_MOVED_TO, IN_CREATE, IN_DELETE: a file is
    #: complete when its writer closes it, so partial writes (IN_MODIFY) are not a reason to look.
    MASK = 0x004 | 0x008 | 0x040 | 0x080 | 0x100 | 0x200

    def __init__(self, libc, fd: int):
        self.libc, self.fd = libc, fd
        self.folders: set[Path] = set()

    @classmethod
    def create(cls) -> "_Inotify | None":
        if sys.platform != "linux":
            return None
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        except (OSError, AttributeError):
            return None
        return cls(libc, fd) if fd >= 0 else None

    def watch(self, folders: set[Path]) -> None:
        for folder in folders - self.folders:
            if self.libc.inotify_add_watch(self.fd, os.fsencode(folder), self.MASK) >= 0:
                self.folders.add(folder)

    def wait(self, timeout: float) -> None:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if ready:
            try:
                while os.read(self.fd, 65536):
                    pass
            except BlockingIOError:
                pass


def _now() -> str:
    return dt.datetime.now().strftime("[%H:%M:%S]")
