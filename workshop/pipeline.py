"""The whole build: check everything first, make every output into a staging folder inside the
kit folder, and move the files in only when every one is complete.

A build that fails leaves the last good kit exactly as it was; one that is killed while moving
files in is finished by the next build (see :mod:`workshop.kitdir`, which also keeps the user's
own files and folders out of reach).

On a machine with more than one core, the outputs marked ``aside`` in :mod:`workshop.outputs`
(the deck, the handouts, the guide and the sign-in sheet) are made in a forked second process
while this one makes the rest: the whole kit builds about a fifth faster on two cores (``python
bench/run.py``; see :func:`_can_fork`), and each output is the same bytes either way. Set
WORKSHOP_JOBS=1 to build everything in one process; where fork is missing or unsafe (Windows,
macOS) there is one process.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sys
import threading
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path

from workshop import model as m
from workshop.agreement import records, widen
from workshop.builders.context import BuildContext
from workshop.errors import InputError, Problem, Src, display_path
from workshop.kitdir import KitFolder
from workshop.loader import read_outline
from workshop.outputs import OUTPUTS, Output, check_all, chosen, owned_names
from workshop.pdfdraw import FontsMissing
from workshop.record import plan
from workshop.roster import read_roster
from workshop.schedule import build_agenda


@dataclass
class BuildResult:
    out_dir: Path
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # outputs not asked for, rebuilt so the kit agrees


def build_time(workshop: m.Workshop) -> dt.datetime:
    """The time stamped into outputs: SOURCE_DATE_EPOCH when set, else the workshop's date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            when = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).replace(tzinfo=None)
            if not 1980 <= when.year <= 2099:  # zip and PDF dates hold no other years
                raise ValueError(when)
            return when
        except (ValueError, OverflowError, OSError):
            raise InputError(Problem(Src("SOURCE_DATE_EPOCH"), f"expected a whole number of seconds since "
                                     f"1970-01-01 for a date from 1980 to 2099, got {epoch!r}; unset it to stamp the "
                                     "workshop's date")) from None
    day = workshop.date or dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day)


def default_out_dir(outline: Path) -> Path:
    """``build/<outline name>``: the outline's file name without ``.yaml``."""
    name = outline.name[:-5] if outline.name.lower().endswith(".yaml") else outline.stem
    if not name.strip(". "):
        raise InputError(Problem(Src(display_path(outline)), "the outline's file name gives no folder name "
                                 "for the kit; rename the outline (e.g. my-workshop.yaml) or give --out DIR"))
    return Path("build") / name


def build_kit(outline: Path, out_dir: Path | None = None, roster: Path | None = None,
              only: tuple[str, ...] | None = None, split: bool = False, progress=None,
              attendance: tuple[Path, ...] = (), theme: str | None = None, reissue: str = "",
              decisions: Path | None = None, evaluations: Path | None = None) -> BuildResult:
    """Build the kit for ``outline`` into ``out_dir``; raise :class:`InputError` on bad input.

    Every input is read and checked before the first file is written. Outputs that need a roster
    are made only with one; without it, certificates issued before stay in the kit. The summary
    of the evaluations is made only from the responses (``evaluations``).
    """
    ctx = prepare(outline, out_dir, roster, split, progress, attendance=attendance, theme=theme, reissue=reissue,
                  decisions=decisions, evaluations=evaluations)
    widened = widen(ctx, chosen(ctx, only))  # with --only: and the outputs that no longer agree
    result = write_outputs(ctx, widened.outputs)
    result.added = [o.name for o in widened.added]
    result.warnings += widened.warnings
    return result


def prepare(outline: Path, out_dir: Path | None = None, roster: Path | None = None, split: bool = False,
            progress=None, roster_reader=read_roster, attendance: tuple[Path, ...] = (),
            theme: str | None = None, reissue: str = "", decisions: Path | None = None,
            evaluations: Path | None = None) -> BuildContext:
    """Read and check the outline, the roster, the attendance reports, the kit's issued records,
    the evaluation responses and every output's needs: all a build checks. ``theme`` names a
    bundled theme that replaces the outline's colours and font."""
    workshop, files = read_outline(outline)
    if theme:
        from workshop.themes import with_theme

        workshop = with_theme(workshop, theme)
    return context_for(workshop, outline, out_dir, roster, split, progress, roster_reader, attendance,
                       reissue=reissue, outline_files=tuple(files), decisions=decisions, evaluations=evaluations)


def context_for(workshop: m.Workshop, outline: Path, out_dir: Path | None = None, roster: Path | None = None,
                split: bool = False, progress=None, roster_reader=read_roster,
                attendance: tuple[Path, ...] = (), reissue: str = "",
                outline_files: tuple[Path, ...] = (), decisions: Path | None = None,
                evaluations: Path | None = None) -> BuildContext:
    """The build context for an outline already loaded, after every check :func:`check_all` runs.

    With attendance reports (or a roster with time in/out columns) the roster is the one the
    attendance rule leaves (:func:`workshop.attendance.work_out`); a report alone is the roster.
    The decisions are then compared with the kit's ledger (:func:`workshop.record.ledger.reconcile`)."""
    agenda = build_agenda(workshop)
    from workshop.record import settled as settling

    settled_path = settling.find(outline, decisions)
    settled = settling.read(settled_path)
    checked_roster = None
    if (roster is not None or attendance) and workshop.date is None:
        raise InputError(Problem(Src(display_path(outline)), "a date is required for certificates; "
                                                             "add it under workshop:", "workshop.date"))

    def read(path: Path):
        return roster_reader(path, agenda.ce.awarded if agenda.ce else None,
                             increment=agenda.ce.increment if agenda.ce else None, start=workshop.start)

    if roster is not None:
        checked_roster = read(roster)
    decisions = None
    if not attendance and checked_roster is not None and not checked_roster.timed and not (
            workshop.ce and workshop.ce.attendance):
        pass  # nothing for the attendance rule to work out: the roster stands as read
    elif attendance or checked_roster is not None:
        from workshop.attendance import timed_roster, work_out

        sheets = [p for p in attendance if timed_roster(p)]
        reports = tuple(p for p in attendance if p not in sheets)
        timed = tuple(read(p) for p in sheets)
        if checked_roster is None and timed and timed[0].timed:
            checked_roster, timed = timed[0], timed[1:]
        checked_roster, decisions = work_out(workshop, agenda, checked_roster, reports, timed, settled)
    evaluated, problems = None, []
    if evaluations is not None:
        from workshop.evalresponses import read_evaluations

        try:
            evaluated = read_evaluations(evaluations, workshop)
        except InputError as exc:
            problems += exc.problems
    out = out_dir or default_out_dir(outline)
    ctx = BuildContext(workshop, agenda, out, build_time(workshop), checked_roster, split, progress, decisions,
                       evaluations=evaluated)
    problems += check_all(ctx)
    if problems:
        raise InputError(problems)
    return plan.record(ctx, outline, outline_files, roster, attendance, reissue, settled_path)


def write_outputs(ctx: BuildContext, outputs: list[Output], replaced: set[str] | None = None) -> BuildResult:
    """Make ``outputs`` and move them into the kit folder; every other file there stays. Files
    of the kit's records (``evidence/``, single certificates) are only ever added to."""
    with KitFolder(ctx.out_dir, owned_names()) as kit:
        ctx = plan.refreshed(ctx, kit.path)
        staged = kit.stage()
        try:
            result = _run(outputs, replace(ctx, out_dir=staged))
            if replaced is None:
                replaced = {f.rstrip("/") for o in outputs for f in o.files}
            files = kit.publish(staged, replaced, records(ctx, outputs), kept=plan.KEPT)
        except OSError as exc:
            kit.discard(staged)
            raise InputError(_write_problem(ctx.out_dir, exc)) from None
        except BaseException:
            kit.discard(staged)
            raise
    result.out_dir = ctx.out_dir
    result.files = [ctx.out_dir / f.relative_to(kit.path) for f in files]
    if ctx.roster is not None:
        result.warnings = list(ctx.roster.warnings) + result.warnings
    from workshop.schedule import timing_warnings, unit_warnings

    result.warnings = (unit_warnings(ctx.workshop) + timing_warnings(ctx.workshop, ctx.agenda, ctx.workshop.clock)
                       + result.warnings)
    return result


def _write_problem(out_dir: Path, exc: OSError) -> Problem:
    if exc.filename and exc.strerror:
        return Problem(Src(display_path(out_dir)),
                       f"cannot write {Path(exc.filename).name} in the output folder: {exc.strerror}")
    return Problem(Src(display_path(out_dir)), f"the build stopped on a file it could not read or write: {exc}")


def _run(outputs: list[Output], ctx: BuildContext) -> BuildResult:
    aside = [o for o in outputs if o.aside]
    if aside and len(aside) < len(outputs) and _can_fork():
        if any(o.draws_slides for o in outputs):
            from workshop.deck.plan import plan_deck

            plan_deck(ctx.workshop, ctx.agenda)  # planned once, before the fork: both processes draw from it
        child = _Child(lambda: build_each(aside, ctx))
        try:
            made = build_each([o for o in outputs if not o.aside], ctx)
            made.update(child.result())
        finally:
            child.stop()
    else:
        made = build_each(outputs, ctx)
    result = BuildResult(ctx.out_dir)
    for output in outputs:
        files, warnings = made[output.name]
        result.files += files
        result.warnings += warnings
    return result


def build_each(outputs: list[Output], ctx: BuildContext) -> dict[str, tuple[list[Path], list[str]]]:
    """Make each output into ``ctx.out_dir``: name -> (files written, warnings)."""
    made = {}
    for output in outputs:
        try:
            made[output.name] = output.builder().build(ctx)
        except FontsMissing as exc:
            raise InputError(Problem(Src(output.name), str(exc))) from None
    return made


def _can_fork() -> bool:
    """Whether the outputs marked ``aside`` are made in a second process.

    It is forked, so the child starts with what this process has read and planned (a spawned child would
    import and plan everything again, which costs more than it saves). Kept because it pays when the
    second core is free: ``python bench/run.py`` (best of 3, two cores) has the bundled kit with a
    40-attendee roster save 0.180 s of 0.834 s on a quiet machine and 1.2 s of 4.6 s on a busy one.
    On a machine whose cores are both taken by other work it costs instead (medians 1.53 s against
    1.23 s in one process): WORKSHOP_JOBS=1 then. Windows has no fork and macOS's system libraries
    are not safe to fork: one process there."""
    if os.environ.get("WORKSHOP_JOBS", "").strip() == "1" or sys.platform == "darwin":
        return False
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    return (os.cpu_count() or 1) > 1 and threading.active_count() == 1  # forking threads can deadlock them


class _Child:
    """``work`` run in a forked second process; :meth:`result` waits for what it returned or raised.
    If this process is killed, the child finishes its part in the staging folder and ends; it
    holds the kit folder's lock (inherited) until then, so the next build waits for it."""

    def __init__(self, work):
        context = multiprocessing.get_context("fork")
        self.reader, writer = context.Pipe(duplex=False)
        # daemon: ended by multiprocessing when this process ends, if it is still running
        self.process = context.Process(target=_serve, args=(work, writer), daemon=True)
        self.process.start()
        writer.close()

    def result(self):
        try:
            kind, value = self.reader.recv()
        except EOFError:
            self.process.join()
            raise RuntimeError("the second build process ended without a result "
                               f"(exit code {self.process.exitcode})") from None
        finally:
            self.reader.close()
        self.process.join()
        if kind == "input":
            raise InputError(value)
        if kind == "os":
            raise OSError(*value)
        if kind == "crash":
            raise RuntimeError("the second build process failed:\n" + value)
        return value

    def stop(self) -> None:
        """Make sure the child is gone (after an error in this process, say)."""
        self.reader.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


def _serve(work, writer) -> None:
    """In the second process: run ``work`` and send back what it returned or raised."""
    try:
        outcome = ("done", work())
    except InputError as exc:
        outcome = ("input", exc.problems)
    except OSError as exc:  # a full disk, say: the parent reports it as its own
        outcome = ("os", (exc.errno, exc.strerror, exc.filename))
    except BaseException:
        outcome = ("crash", traceback.format_exc())
    try:
        writer.send(outcome)
        writer.close()
    except OSError:  # the build that asked is gone: nobody to tell
        pass


def revoke_certificate(outline: Path, out_dir: Path | None, certificate: str, reason: str) -> BuildResult:
    """Mark ``certificate`` revoked in the kit's ledger, with ``reason`` and today's date, and print
    certificates.pdf without it. Nothing else in the kit changes; the row stays in the ledger."""
    from workshop.record import ledger

    if not reason.strip():
        raise InputError(Problem(Src("--reason"), "say why the certificate is revoked, in words an auditor can "
                                                  "read later"))
    workshop, _ = read_outline(outline)
    out = out_dir or default_out_dir(outline)
    shown = f"{display_path(out)}/{ledger.FILENAME}"
    old = plan.kit_records(out)
    if not old:
        raise InputError(Problem(Src(display_path(out)), "no issued certificates here: give the kit's folder "
                                                         "with --out"))
    records = ledger.revoke(old, certificate.strip(), " ".join(reason.split()), plan.today(), shown)
    agenda = build_agenda(workshop)
    basis = tuple((r.certificate_id, r.status) for r in old)
    ctx = BuildContext(workshop, agenda, out, build_time(workshop), records_in_kit=True,
                       plan=ledger.Plan(tuple(records), frozenset(), basis))
    problems = check_all(ctx)
    if problems:
        raise InputError(problems)
    revoked = [o for o in OUTPUTS if o.rewritten_by_revoke]
    return write_outputs(ctx, revoked, replaced={f for o in revoked for f in o.rewritten_by_revoke})


@dataclass
class Validation:
    summary: str  # what was checked and found valid, on one line
    warnings: list[str]  # what a build would warn of


def validate(outline: Path, out_dir: Path | None = None, *, roster: Path | None = None,
             attendance: tuple[Path, ...] = (), reissue: str = "", decisions: Path | None = None,
             evaluations: Path | None = None) -> Validation:
    """Check ``outline`` and its inputs exactly as :func:`build_kit` does, writing nothing; raise
    :class:`InputError` with every problem, else say what is valid and what a build would warn of."""
    if out_dir is not None:  # the kit folder is checked as build checks it
        KitFolder(out_dir, owned_names()).check()
    ctx = prepare(outline, out_dir, roster=roster, attendance=attendance, reissue=reissue, decisions=decisions,
                  evaluations=evaluations)
    from workshop.builders.deck import theme_warnings
    from workshop.evaltally import attendees, rate_warnings, response_rate
    from workshop.quiz import quiz_warnings
    from workshop.schedule import clock, hours, timing_warnings, unit_warnings

    workshop, agenda = ctx.workshop, ctx.agenda
    slides = sum(len(s.slides) for s in workshop.sections if hasattr(s, "slides"))
    issued = sum(r.valid for r in ctx.plan.records) if ctx.plan is not None else 0
    people = attendees(ctx.roster, ctx.attendance)
    summary = (f"{outline}: valid: {len(workshop.sections)} agenda entries, {slides} slides, "
               f"{clock(agenda.start, workshop.clock)}-{clock(agenda.end, workshop.clock)}"
               + (f", {hours(agenda.ce.awarded)} {workshop.ce.unit}" if agenda.ce else "")
               + (f"; {roster or 'attendance reports'}: valid: {len(ctx.roster.attendees)} attendees, "
                  f"{issued} certificates to issue" if ctx.roster else "")
               + (f"; {evaluations}: valid: {response_rate(ctx.evaluations, people)}" if ctx.evaluations else ""))
    themed = [] if workshop.theme.template else theme_warnings(workshop.theme)
    evaluated = ([*ctx.evaluations.warnings, *rate_warnings(ctx.evaluations, people)]
                 if ctx.evaluations is not None else [])
    return Validation(summary, [*unit_warnings(workshop), *timing_warnings(workshop, agenda, workshop.clock),
                                *(ctx.roster.warnings if ctx.roster else ()), *quiz_warnings(workshop, agenda),
                                *themed, *evaluated])
