"""``workshop send``: e-mail each certified attendee their own certificate.

Everything comes from the kit's record, never worked out again: the ledger's valid certificates,
each printed from its record (and checked to be the very page the ledger issued), to the address
the ledger holds. ``sent.csv`` in the kit is the journal of what was handed to the mail server:
a ``sending`` row is written (and flushed to disk) before each hand-over and a ``sent`` row after
the server accepts it, so a second run sends no one twice and a run that was stopped resumes
where it stopped. A message whose hand-over was interrupted (a ``sending`` row without its
``sent`` row) is never sent again on a guess: it is named with its Message-ID, to be checked in
the mailbox and sent with ``--only`` if it never arrived.

The mail server is given by WORKSHOP_SMTP_HOST, WORKSHOP_SMTP_PORT, WORKSHOP_SMTP_USER,
WORKSHOP_SMTP_PASSWORD and WORKSHOP_SMTP_SECURITY (``starttls``, the default; ``ssl``; or ``none``,
accepted only for a server on this machine). The password is never printed or written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import ipaddress
import os
import smtplib
import ssl
from dataclasses import dataclass, field
from decimal import Decimal
from email.message import EmailMessage
from email.utils import formataddr, format_datetime, make_msgid, parseaddr
from pathlib import Path

from workshop import model as m
from workshop.certfiles import safe_filename
from workshop.certpage import single_pdf
from workshop.errors import InputError, Problem, Src, display_path
from workshop.i18n import N_, hours_text, tr
from workshop.loader import read_outline
from workshop.record import ledger
from workshop.record.plan import kit_records
from workshop.schedule import build_agenda, date_text

JOURNAL = "sent.csv"
PREVIEW = "send-preview"
COLUMNS = ["certificate_id", "address", "status", "time", "message_id", "attachment_sha256", "note"]
#: The message when ce.email writes no body, in the outline's language; {verify_line} is the
#: line that follows when certificates have a verification address (or nothing).
DEFAULT_BODY = N_("""Dear {name},

Thank you for taking part in {title} on {date}. Your certificate for {hours} {unit} is attached (certificate {id}).
{verify_line}
With best wishes,
{provider}
""")


@dataclass
class Outcome:
    sent: list[str] = field(default_factory=list)  # "id to address"
    skipped: list[str] = field(default_factory=list)  # already sent, in words
    unreachable: list[str] = field(default_factory=list)  # no address, in words
    held: list[str] = field(default_factory=list)  # new versions and interrupted hand-overs, in words
    preview: Path | None = None


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    user: str
    password: str
    security: str

    def __repr__(self) -> str:  # never the password, whoever prints this
        return f"Server({self.host}:{self.port}, user={self.user!r}, security={self.security})"


def server_from_environment(env=os.environ) -> Server:
    host = env.get("WORKSHOP_SMTP_HOST", "").strip()
    if not host:
        raise InputError(Problem(Src("WORKSHOP_SMTP_HOST"), "set it to your mail server (e.g. smtp.office365.com), "
                                                            "or use --dry-run to look at the messages first"))
    security = env.get("WORKSHOP_SMTP_SECURITY", "starttls").strip().lower() or "starttls"
    if security not in ("starttls", "ssl", "none"):
        raise InputError(Problem(Src("WORKSHOP_SMTP_SECURITY"), f"expected starttls, ssl or none, got {security!r}"))
    if security == "none" and not _local(host):
        raise InputError(Problem(Src("WORKSHOP_SMTP_SECURITY"), f"none sends the password and every certificate "
                                 f"unencrypted, so it is only for a server on this machine, not {host}; use "
                                 "starttls or ssl"))
    port_text = env.get("WORKSHOP_SMTP_PORT", "").strip()
    default = {"starttls": 587, "ssl": 465, "none": 25}[security]
    try:
        port = int(port_text) if port_text else default
        if not 0 < port < 65536:
            raise ValueError
    except ValueError:
        raise InputError(Problem(Src("WORKSHOP_SMTP_PORT"), f"expected a port number such as {default}, "
                                                            f"got {port_text!r}")) from None
    return Server(host, port, env.get("WORKSHOP_SMTP_USER", "").strip(), env.get("WORKSHOP_SMTP_PASSWORD", ""),
                  security)


def _local(host: str) -> bool:
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def send(outline: Path, out_dir: Path | None = None, *, dry_run: bool = False, only: tuple[str, ...] = (),
         reissued: bool = False, env=os.environ, now=None, say=lambda line: None) -> Outcome:
    """Send (or with ``dry_run`` write to ``send-preview/``) each certified attendee's certificate.
    The kit is locked meanwhile, as a build locks it: two sends at once take turns, so the second
    reads what the first recorded and sends no one twice."""
    from workshop.kitdir import KitFolder
    from workshop.outputs import owned_names
    from workshop.pipeline import default_out_dir

    kit = Path(out_dir or default_out_dir(outline))
    if not kit.is_dir():
        raise InputError(Problem(Src(display_path(kit)), "no kit here: build it with the roster first (or give "
                                                         "the kit's folder with --out)"))
    with KitFolder(kit, owned_names()):
        return _send(outline, kit, dry_run, only, reissued, env, now, say)


def _send(outline: Path, kit: Path, dry_run: bool, only: tuple[str, ...], reissued: bool, env, now,
          say) -> Outcome:
    from workshop.pipeline import build_time

    workshop, _ = read_outline(outline)
    records = kit_records(kit)
    if not records:
        raise InputError(Problem(Src(display_path(kit)), "no issued certificates here: build the kit with the "
                                                         "roster first (or give the kit's folder with --out)"))
    journal = _journal(kit / JOURNAL)
    valid = [r for r in records if r.valid]
    by_id = {r.certificate_id: r for r in records}
    unknown = [i for i in only if i not in by_id]
    if unknown:
        raise InputError(Problem(Src("--only"), f"no certificate {', '.join(unknown)} in {display_path(kit)}/"
                                                f"{ledger.FILENAME}"))
    not_valid = [i for i in only if not by_id[i].valid]
    if not_valid:
        raise InputError(Problem(Src("--only"), ", ".join(f"{i} is {by_id[i].status}" for i in not_valid)
                                 + "; send the valid version"))
    server = None if dry_run else server_from_environment(env)
    sender = workshop.ce.email.sender if workshop.ce else ""
    if not dry_run and not sender:
        sender = server.user if "@" in server.user else ""
    if not dry_run and not sender:
        raise InputError(Problem(workshop.ce.src if workshop.ce else Src(display_path(outline)),
                                 "say who the messages are from: add ce.email.from (e.g. 'Sunrise CE "
                                 "<ce@example.org>')", "ce.email.from"))
    outcome = Outcome()
    chosen = [r for r in valid if not only or r.certificate_id in only]
    todo = []
    for r in chosen:
        state = journal.get(r.certificate_id)
        if not r.email:
            outcome.unreachable.append(f"{r.certificate_id} ({r.name}): no e-mail address in the ledger")
        elif state and state["status"] == "sent":
            outcome.skipped.append(f"{r.certificate_id} ({r.name}): sent to {state['address']} on {state['time']}")
        elif state and state["status"] == "sending" and r.certificate_id not in only:
            outcome.held.append(f"{r.certificate_id} ({r.name}): a run stopped while handing this message to the "
                                f"server (Message-ID {state['message_id']}); if {r.email} never received it, send it "
                                f"with --only {r.certificate_id}")
        elif r.supersedes and _earlier_sent(r, by_id, journal) and not reissued and r.certificate_id not in only:
            outcome.held.append(f"{r.certificate_id} ({r.name}): a new version of a certificate already sent; send "
                                "it with --reissued (it says it replaces the earlier one)")
        else:
            todo.append(r)
    agenda = build_agenda(workshop)
    when = now or dt.datetime.now(dt.timezone.utc)
    if not sender:  # a dry run without ce.email.from: the address the server login would give
        user = env.get("WORKSHOP_SMTP_USER", "").strip()
        sender = user if "@" in user else "ce.email.from-not-set@example.invalid"
    messages = [(r, _message(workshop, agenda, build_time(workshop), r, by_id, journal, sender, when))
                for r in todo]
    if dry_run:
        outcome.preview = _preview(kit, messages)
        outcome.sent = [f"{r.certificate_id} to {r.email}" for r, _ in messages]
        return outcome
    if messages:
        _deliver(server, kit / JOURNAL, messages, outcome, say)
    return outcome


def _earlier_sent(r: ledger.Record, by_id: dict, journal: dict) -> bool:
    earlier = by_id.get(r.supersedes)
    while earlier is not None:
        if journal.get(earlier.certificate_id, {}).get("status") == "sent":
            return True
        earlier = by_id.get(earlier.supersedes) if earlier.supersedes else None
    return False


def _fields(workshop: m.Workshop, r: ledger.Record) -> dict[str, str]:
    ce = workshop.ce
    url = ce.verify_url.replace("{id}", r.certificate_id) if ce and ce.verify_url else ""
    lang = workshop.language
    shown = hours_text(Decimal(r.hours), lang) if r.hours and lang != "en" else r.hours
    return {"name": r.name, "title": r.title, "hours": shown, "unit": ce.unit if ce else "",
            "id": r.certificate_id, "verify_url": url,
            "date": date_text(workshop.date, workshop.date_style, language=lang),
            "provider": ce.provider if ce else ""}


def _message(workshop: m.Workshop, agenda, when: dt.datetime, r: ledger.Record, by_id: dict, journal: dict,
             sender: str, now: dt.datetime) -> EmailMessage:
    values = _fields(workshop, r)
    email = workshop.ce.email if workshop.ce else m.Email()
    if email.body:
        body = email.body.format(**values)
    else:
        lang = workshop.language
        line = (tr(lang, "Anyone can check it at {verify_url}", verify_url=values["verify_url"]) + "\n"
                if values["verify_url"] else "")
        body = tr(lang, DEFAULT_BODY, **values, verify_line=line)
    if r.supersedes and r.supersedes in by_id:
        before = by_id[r.supersedes]
        sent = journal.get(before.certificate_id, {}).get("time", "")
        lang = workshop.language
        replaces = (tr(lang, "This certificate replaces certificate {id}, sent on {date}", id=before.certificate_id,
                       date=sent[:10])
                    if sent else tr(lang, "This certificate replaces certificate {id}", id=before.certificate_id))
        body = replaces + (f" ({before.reason})" if before.reason else "") + ".\n\n" + body
    message = EmailMessage()
    message["From"] = sender
    message["To"] = formataddr((r.name, r.email))
    message["Subject"] = email.subject.format(**values)
    message["Date"] = format_datetime(now)
    domain = parseaddr(sender)[1].rpartition("@")[2] or "workshop.invalid"
    message["Message-ID"] = make_msgid(idstring=r.certificate_id, domain=domain)
    message.set_content(body)
    data = single_pdf(workshop, agenda, when, r)
    message.add_attachment(data, maintype="application", subtype="pdf",
                           filename=f"{r.certificate_id}-{safe_filename(r.name) or 'certificate'}.pdf")
    return message


def _journal(path: Path) -> dict[str, dict[str, str]]:
    """The last state of each certificate in sent.csv."""
    state: dict[str, dict[str, str]] = {}
    if not path.is_file():
        return state
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("certificate_id"):
                state[row["certificate_id"]] = row
    return state


def _append(path: Path, row: list[str]) -> None:
    """One line added to the journal and on disk before the next step: a crash loses nothing."""
    new = not path.exists()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if new:
        writer.writerow(COLUMNS)
    writer.writerow([ledger.neutralise(c) for c in row])
    with open(path, "a", encoding="utf-8-sig" if new else "utf-8", newline="") as f:
        f.write(buffer.getvalue())
        f.flush()
        os.fsync(f.fileno())


def _connect(server: Server) -> smtplib.SMTP:
    where = Src(f"{server.host}:{server.port}")
    try:
        if server.security == "ssl":
            client = smtplib.SMTP_SSL(server.host, server.port, timeout=30, context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(server.host, server.port, timeout=30)
    except (OSError, smtplib.SMTPException) as exc:
        raise InputError(Problem(where, f"cannot reach the mail server: {_reason(exc)}; check WORKSHOP_SMTP_HOST, "
                                        "WORKSHOP_SMTP_PORT and WORKSHOP_SMTP_SECURITY. Nothing was sent")) from None
    stage = "starttls"
    try:
        if server.security == "starttls":
            client.starttls(context=ssl.create_default_context())
        stage = "login"
        if server.user and server.password:
            client.login(server.user, server.password)
        return client
    except smtplib.SMTPAuthenticationError:
        problem = Problem(where, f"the mail server refused the login of {server.user!r}; check WORKSHOP_SMTP_USER "
                                 "and WORKSHOP_SMTP_PASSWORD. Nothing was sent")
    except smtplib.SMTPNotSupportedError:
        problem = Problem(where, "the mail server does not offer STARTTLS; set WORKSHOP_SMTP_SECURITY=ssl (port 465) "
                                 "if it takes TLS from the start. Nothing was sent" if stage == "starttls" else
                          "the mail server takes no login; leave WORKSHOP_SMTP_PASSWORD unset. Nothing was sent")
    except (OSError, smtplib.SMTPException) as exc:
        problem = Problem(where, f"the mail server stopped the connection: {_reason(exc)}. Nothing was sent")
    client.close()
    raise InputError(problem)


def _reason(exc: BaseException) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__


def _deliver(server: Server, journal: Path, messages, outcome: Outcome, say) -> None:
    client = _connect(server)
    try:
        for r, message in messages:
            stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            digest = _attachment_sha256(message)
            _append(journal, [r.certificate_id, r.email, "sending", stamp, message["Message-ID"], digest, ""])
            try:
                client.send_message(message)
            except smtplib.SMTPRecipientsRefused as exc:
                code, text = next(iter(exc.recipients.values()))
                _append(journal, [r.certificate_id, r.email, "refused", stamp, message["Message-ID"], digest,
                                  f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"])
                raise InputError(Problem(Src(JOURNAL), f"the mail server refused {r.email} ({r.certificate_id}, "
                                         f"{r.name}): {code} {_text(text)}; correct the address in the roster (a "
                                         f"corrected address is a change: --reissue), then send again. "
                                         f"{len(outcome.sent)} sent before it"),
                                 recorded=f"sent.csv records what was sent ({len(outcome.sent)}) and the refusal.") \
                    from None
            except (OSError, smtplib.SMTPException) as exc:
                raise InputError(Problem(Src(f"{server.host}:{server.port}"), f"the connection to the mail server "
                                         f"broke while sending {r.certificate_id} to {r.email}: {exc or type(exc).__name__}; "
                                         f"{len(outcome.sent)} sent before it. Check whether {r.email} received "
                                         f"Message-ID {message['Message-ID']}; run send again for the rest"),
                                 recorded=f"sent.csv records what was sent ({len(outcome.sent)}) and the message "
                                          "whose hand-over was cut off.") from None
            _append(journal, [r.certificate_id, r.email, "sent",
                              dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), message["Message-ID"],
                              digest, ""])
            outcome.sent.append(f"{r.certificate_id} to {r.email}")
            say(f"sent {r.certificate_id} to {r.email}")
    finally:
        try:
            client.quit()
        except (OSError, smtplib.SMTPException):
            client.close()


def _attachment_sha256(message: EmailMessage) -> str:
    import hashlib

    return next((hashlib.sha256(part.get_content()).hexdigest() for part in message.iter_attachments()), "")


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _preview(kit: Path, messages) -> Path:
    """Each message as an .eml file in ``send-preview/`` (the folder made anew each dry run)."""
    folder = kit / PREVIEW
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.eml"):
        old.unlink()
    for r, message in messages:
        (folder / f"{r.certificate_id}.eml").write_bytes(bytes(message))
    return folder
