"""``workshop watch``: keep the kit up to date while an outline is being edited.

Each output has a fingerprint: a digest of exactly what it is made from (the parts of the outline
it shows, the pictures and template it embeds, the roster for certificates and the sign-in
sheet, the build date; :func:`workshop.agreement.fingerprints`, which ``build --only`` uses
too). When a watched file changes, the outline and roster are read and checked
again and only the outputs whose fingerprint changed are rebuilt: the deck first, swapped in on
its own so it is ready soonest, then the others. Bad input is reported and the kit stays as it
was.

A file counts as changed when its size, modification time or inode differ from the last look.
The system says when to look (``watchfiles``: inotify on Linux, FSEvents on macOS,
ReadDirectoryChangesW on Windows), so an edit is seen at once; with ``--poll`` (network folders,
where the system is not told of other machines' writes) the files are looked at every so often.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Callable

import watchfiles

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
        """Watch until interrupted: look whenever the system reports a change in a watched folder
        (and at least every second), or, without ``notify``, every ``interval`` seconds."""
        while True:
            folders = sorted({p.parent for p in self.watched if p.parent.is_dir()})
            if not notify or not folders:
                self.check()
                time.sleep(interval if not notify else 1.0)
                continue
            # step: how long the folder must stay quiet before a change is reported, so a file
            # written in several pieces is looked at once it is whole; None: every file counts
            for _ in watchfiles.watch(*folders, watch_filter=None, step=20, rust_timeout=1000, yield_on_timeout=True,
                                      recursive=False):
                self.check()
                if folders != sorted({p.parent for p in self.watched if p.parent.is_dir()}):
                    break  # an edit added or dropped a file in another folder: watch that one too

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


def _now() -> str:
    return dt.datetime.now().strftime("[%H:%M:%S]")
