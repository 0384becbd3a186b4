"""The ``workshop`` command. Each command parses its options and calls one function;
problems the user can fix are printed as ``FILE:LINE:COLUMN: message`` with exit status 2."""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import click

from workshop import __version__
from workshop.bundled import bundled_outline
from workshop.errors import InputError
from workshop.loader import load_outline
from workshop.outputs import NAMES as OUTPUT_NAMES
from workshop.schedule import agenda_json, build_agenda

EXIT_BAD_INPUT = 2


def run() -> None:
    """The console entry point: run the command, then leave without tearing down the heap.

    Freeing every parsed font and cached layout object one by one at exit took longer than some
    whole commands; all output is written and closed by the time a command returns, so once
    stdout and stderr are flushed there is nothing left for an orderly shutdown to do.
    """
    try:
        main(standalone_mode=False)
        code = 0
    except click.exceptions.Abort:  # Ctrl-C: stopped by the user, as a shell reports it
        click.echo("\nStopped.", err=True)
        code = 130
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except SystemExit as exc:
        code = exc.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, OSError):  # a reader such as `head` that has gone: not an error
            pass
    if sys.gettrace() is not None or "coverage" in sys.modules:
        sys.exit(code or 0)  # a tracer or coverage wants its orderly exit to record what ran
    # Kept because it pays: the streams are flushed above and nothing else waits for the exit, and
    # skipping the interpreter's teardown of the heap saves 0.18 s of 0.65 s CPU on a deck-only
    # build and 0.26 s of 1.19 s on the whole kit in one process (whole-process medians, two cores,
    # against sys.exit here).
    os._exit(code or 0)


def reports_problems(command):
    """Turn :class:`InputError` into its messages on stderr and exit status 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except InputError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            count = len(exc.problems)
            click.echo(f"{count} problem{'s' if count != 1 else ''} found; "
                       + (exc.recorded if exc.recorded else "nothing was written."), err=True)
            sys.exit(EXIT_BAD_INPUT)

    return wrapper


outline_argument = click.argument("outline", type=click.Path(dir_okay=False, path_type=Path))
roster_option = click.option("--roster", type=click.Path(dir_okay=False, path_type=Path),
                             help="Attendee roster (.csv or .xlsx) for certificates and the sign-in sheet.")
out_option = click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
                          help="Output folder (default: build/<outline name>/).")
attendance_option = click.option("--attendance", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
                                 metavar="REPORT",
                                 help="Attendance report of a live online session: a Zoom meeting or webinar report, "
                                      "a Teams attendance report, or a roster with time in/out columns. Repeat for "
                                      "several reports; without --roster, the reports are the roster.")
evaluations_option = click.option("--evaluations", type=click.Path(dir_okay=False, path_type=Path),
                                  metavar="RESPONSES",
                                  help="Responses to the evaluation form (.csv or .xlsx), as exported from Google "
                                       "Forms or Microsoft Forms or typed from the paper forms: adds "
                                       "evaluation-summary.pdf and evaluation-summary.csv.")
decisions_option = click.option("--decisions", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
                                 help="What you settled in writing about the evidence (default: "
                                      "<outline name>.decisions.yaml beside the outline, when it exists).")
reissue_option = click.option("--reissue", metavar="REASON", default="",
                               help="Issue a new version of each certificate this build would change, for this "
                                    "reason; the ledger keeps the old versions, marked superseded.")
split_option = click.option("--split", is_flag=True,
                            help="Also write one certificate PDF per attendee in certificates/.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="workshop")
def main():
    """Turn one YAML workshop outline into a deck, handouts, a facilitator guide,
    certificates, a sign-in sheet and an evaluation form."""


@main.command()
@outline_argument
@roster_option
@attendance_option
@out_option
@reissue_option
@decisions_option
@evaluations_option
@reports_problems
def validate(outline: Path, roster: Path | None, attendance: tuple[Path, ...], out_dir: Path | None, reissue: str,
             decisions: Path | None, evaluations: Path | None):
    """Check OUTLINE (and the roster, if given) exactly as build does, without writing anything;
    print every problem as FILE:LINE:COLUMN: message.

    Exits 0 when everything is valid, 2 when it is not.
    """
    from workshop.pipeline import validate as check

    result = check(outline, out_dir, roster=roster, attendance=attendance, reissue=reissue, decisions=decisions,
                   evaluations=evaluations)
    click.echo(result.summary)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)


@main.command()
@outline_argument
@click.option("--json", "as_json", is_flag=True, help="Print the agenda as JSON.")
@reports_problems
def schedule(outline: Path, as_json: bool):
    """Print the timed agenda of OUTLINE: clock times, minutes, running total and CE hours."""
    workshop = load_outline(outline)
    agenda = build_agenda(workshop)
    if as_json:
        click.echo(json.dumps(agenda_json(workshop, agenda), ensure_ascii=False, indent=2))
        return
    from workshop.agendatable import agenda_table

    for line in agenda_table(workshop, agenda):
        click.echo(line)


@main.command()
@click.argument("name")
@reports_problems
def new(name: str):
    """Start a new outline for the workshop NAME: a short starter with a comment on each key.

    "Trauma-Informed Care" writes trauma-informed-care.yaml with that title."""
    import datetime as dt

    from workshop.starter import StarterError, command_line, write_starter

    try:
        target, title = write_starter(name, dt.date.today())
    except StarterError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"Wrote {target}, a starter outline for {title}. Fill it in (each line says what it is for), "
               "then build the kit:")
    click.echo("")
    click.echo(f"    {command_line('workshop', 'build', target)}")


def _only(ctx, param, value):
    if value is None:
        return None
    names = tuple(v.strip() for v in value.split(",") if v.strip())
    if not names:
        raise click.BadParameter(f"name at least one output: {', '.join(OUTPUT_NAMES)}")
    unknown = [n for n in names if n not in OUTPUT_NAMES]
    if unknown:
        raise click.BadParameter(f"unknown output {', '.join(unknown)}; choose from {', '.join(OUTPUT_NAMES)}")
    return names


@main.command()
@click.argument("outline", required=False, type=click.Path(dir_okay=False, path_type=Path))
@roster_option
@attendance_option
@out_option
@click.option("--only", callback=_only, metavar="LIST",
              help=f"Build only these outputs, comma-separated: {','.join(OUTPUT_NAMES)}.")
@split_option
@evaluations_option
@click.option("--theme", "theme", metavar="NAME", help="Use this bundled theme instead of the outline's colours "
              "(workshop themes lists them).")
@reissue_option
@decisions_option
@reports_problems
def build(outline: Path | None, roster: Path | None, attendance: tuple[Path, ...], out_dir: Path | None, only,
          split: bool, evaluations: Path | None, theme: str | None, reissue: str, decisions: Path | None):
    """Build the kit for OUTLINE into the output folder.

    With no OUTLINE, builds the bundled example with its sample roster. Everything is checked
    before anything is written; the old kit is replaced only when the new one is complete.
    """
    from workshop.bundled import bundled_roster
    from workshop.certfiles import SPLIT_DIR
    from workshop.pipeline import build_kit
    from workshop.themes import bundled_themes

    if theme is not None and theme not in bundled_themes():
        raise click.BadParameter(f"there is no bundled theme {theme!r}; choose one of: "
                                 f"{', '.join(bundled_themes())}", param_hint="--theme")
    if outline is None:
        outline = bundled_outline()
        if outline is None:
            raise click.UsageError("name an OUTLINE: the bundled example is not installed")
        roster = roster or bundled_roster()
    result = build_kit(outline, out_dir, roster=roster, only=only, split=split, progress=_progress,
                       attendance=attendance, theme=theme, reissue=reissue, decisions=decisions,
                       evaluations=evaluations)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    shown = [f for f in result.files if f.parent == result.out_dir]
    click.echo(f"Built {len(shown)} file{'s' if len(shown) != 1 else ''} in {result.out_dir}/:")
    width = max([20] + [len(path.name) for path in shown])
    for path in shown:
        click.echo(f"  {path.name:<{width}} {_size(path.stat().st_size):>9}")
    extra = sum(f.parent == result.out_dir / SPLIT_DIR for f in result.files)
    if extra:
        click.echo(f"  and {extra} single certificates in {result.out_dir}/{SPLIT_DIR}/")
    if result.added:
        from workshop.outputs import BY_NAME

        files = ", ".join(BY_NAME[n].files[0] for n in result.added)
        click.echo(f"Also rebuilt {files}, not named in --only: {'they show' if len(result.added) > 1 else 'it shows'} "
                   "what the outline changed, and would have contradicted the rest of the kit.")


@main.command()
@outline_argument
@roster_option
@attendance_option
@out_option
@split_option
@click.option("--poll", "interval", type=click.FloatRange(0.01, 10), default=None, metavar="SECONDS",
              help="Look at the watched files every SECONDS instead of being told of changes by the "
                   "system (inotify, on Linux), e.g. for network folders.")
@reports_problems
def watch(outline: Path, roster: Path | None, attendance: tuple[Path, ...], out_dir: Path | None, split: bool,
          interval: float | None):
    """Build the kit for OUTLINE, then rebuild it whenever the outline, a base it extends, the
    roster, a picture or the template changes. Only the outputs whose inputs changed are
    rebuilt, the deck first. Problems are shown and the last good kit stays. Ctrl-C stops."""
    from workshop.kitdir import KitFolder
    from workshop.outputs import owned_names
    from workshop.pipeline import default_out_dir
    from workshop.watch import Watcher

    # A folder no edit of the outline can make usable ends the watch at once.
    KitFolder(out_dir or default_out_dir(outline), owned_names()).check()

    watcher = Watcher(outline, out_dir, roster, split, say=click.echo,
                      complain=lambda line: click.echo(line, err=True), attendance=attendance)
    inputs = ([str(roster)] if roster else []) + [str(p) for p in attendance]
    click.echo(f"Watching {outline}" + "".join(f" and {p}" for p in inputs) + "; press Ctrl-C to stop.")
    try:
        watcher.start()
        watcher.run(interval or 0.05, notify=interval is None)
    except KeyboardInterrupt:
        click.echo("Stopped watching.")


def _progress(label: str, total: int):
    """A progress bar on a terminal; nothing when output goes to a file or a pipe."""
    if not sys.stderr.isatty():
        return lambda n: None
    bar = click.progressbar(length=total, label=label, file=sys.stderr)
    bar.__enter__()

    def step(n: int) -> None:
        bar.update(n)
        if bar.pos >= total - 100:
            bar.__exit__(None, None, None)
    return step


def _size(n: int) -> str:
    return f"{n / 1024:.1f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


@main.command()
@click.argument("template", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def template(template: Path):
    """Say what the deck would use each layout of a PowerPoint TEMPLATE for, where its text would
    go and in which colours, and whether the deck can build on it. TEMPLATE may also be an outline
    (.yaml): then its theme.template is read with its theme.layouts mapping."""
    from workshop.errors import display_path
    from workshop.templatereport import template_report

    layouts, layouts_src = (), ()
    if template.suffix.lower() in (".yaml", ".yml"):
        from workshop.loader import load_outline

        try:
            theme = load_outline(template).theme
        except InputError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            sys.exit(EXIT_BAD_INPUT)
        if theme.template is None:
            click.echo(f"{display_path(template)} sets no theme.template; the deck uses its built-in design "
                       f"(or the bundled theme it names)", err=True)
            sys.exit(EXIT_BAD_INPUT)
        template, layouts, layouts_src = theme.template, theme.layouts, theme.layouts_src
    lines, problems = template_report(template, layouts, layouts_src)
    for line in lines:
        click.echo(line)
    if problems:
        for problem in problems:
            click.echo(problem.message, err=True)
        click.echo("This template will not work.", err=True)
        sys.exit(EXIT_BAD_INPUT)
    click.echo("This template will work: it has every layout the deck uses.")


@main.command("import")
@click.argument("deck", type=click.Path(path_type=Path))
@click.option("-o", "--output", "outline", type=click.Path(dir_okay=False, path_type=Path),
              help="The outline to write (default: the deck's name with .yaml, beside it).")
@click.option("--force", is_flag=True, help="Replace an existing outline and pictures.")
@reports_problems
def import_(deck: Path, outline: Path | None, force: bool):
    """Make an outline from an existing PowerPoint DECK (.pptx), with its pictures in images/.

    Prints what it made and everything it could not bring in; check the estimated minutes, then
    build."""
    from workshop.importer import import_deck

    for line in import_deck(deck, outline, force=force).report():
        click.echo(line)


@main.command()
@outline_argument
@click.argument("certificate", metavar="ID")
@click.option("--reason", required=True, help="Why the certificate is withdrawn; kept in the ledger.")
@out_option
@reports_problems
def revoke(outline: Path, certificate: str, reason: str, out_dir: Path | None):
    """Mark the certificate ID of OUTLINE's kit revoked: the ledger keeps its row, marked revoked with
    the reason and the date, and certificates.pdf is printed without it."""
    from workshop.certfiles import LEDGER
    from workshop.pipeline import revoke_certificate

    result = revoke_certificate(outline, out_dir, certificate, reason)
    click.echo(f"Revoked {certificate.strip()} in {result.out_dir}/{LEDGER}: {' '.join(reason.split())}")


@main.command()
@outline_argument
@out_option
@click.option("--dry-run", is_flag=True, help="Write each message to send-preview/ in the kit instead of sending.")
@click.option("--only", "only_ids", metavar="ID,...", default="", help="Send only these certificates.")
@click.option("--reissued", is_flag=True, help="Also send new versions of certificates already sent (each says "
                                                "it replaces the earlier one).")
@reports_problems
def send(outline: Path, out_dir: Path | None, dry_run: bool, only_ids: str, reissued: bool):
    """E-mail each certified attendee their own certificate, from the kit's ledger. The mail server
    comes from WORKSHOP_SMTP_HOST, _PORT, _USER, _PASSWORD and _SECURITY (starttls, ssl or none);
    sent.csv in the kit records each message, so no one is sent a certificate twice."""
    from workshop.send import send as send_certificates

    only = tuple(i.strip() for i in only_ids.split(",") if i.strip())
    outcome = send_certificates(outline, out_dir, dry_run=dry_run, only=only, reissued=reissued, say=click.echo)
    if dry_run:
        click.echo(f"{len(outcome.sent)} message{'s' if len(outcome.sent) != 1 else ''} would go; each is in "
                   f"{outcome.preview}/ to look at (nothing was sent)")
    else:
        click.echo(f"Sent {len(outcome.sent)} certificate{'s' if len(outcome.sent) != 1 else ''}.")
    for line in outcome.skipped:
        click.echo(f"already sent: {line}")
    for line in outcome.held:
        click.echo(f"not sent: {line}", err=True)
    for line in outcome.unreachable:
        click.echo(f"cannot be e-mailed: {line}", err=True)


@main.command()
@click.argument("target", metavar="FILE.pdf|ID")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="The kit folder (default: the kit the file is in).")
@reports_problems
def verify(target: str, out_dir: Path | None):
    """Say whether FILE.pdf (a certificate file) or ID is one the kit issued, unchanged, and its
    status: valid, superseded by a newer version, or revoked. Exits 0 when every page is issued
    and valid, 1 when not."""
    from workshop.errors import InputError, Problem, Src
    from workshop.record.check import describe, kit_of, verify as check

    kit = out_dir or kit_of(Path(target))
    if kit is None:
        raise InputError(Problem(Src(target), "give the kit folder that issued it with --out"))
    findings = check(target, kit)
    for finding in findings:
        click.echo(describe(finding))
    good = all(f.record is not None and f.how and f.record.valid for f in findings)
    sys.exit(0 if good else 1)


@main.command()
def themes():
    """List the bundled themes: a name, then what it looks like. Pick one with theme: {name: NAME}."""
    from workshop.themes import bundled_themes

    for theme in bundled_themes().values():
        click.echo(f"{theme.name}\t{theme.description}")
