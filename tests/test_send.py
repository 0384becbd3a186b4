"""workshop send, through a real SMTP server on this machine (aiosmtpd): every message is read
back as the attendee's mail program would: who it is for, the filled body, the attached PDF with
their certificate and no one else's; sent.csv keeps anyone from getting a certificate twice."""

from __future__ import annotations

import csv
import email
import io
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from pypdf import PdfReader

from support import BUNDLED, run, write

ROSTER = ("name,email,license\nAnn Lee,ann@example.org,LPC 1\nBo Chen,bo@example.org,LPC 2\n"
          "Cy Diaz,,LPC 3\n")
PASSWORD = "s3cret-do-not-print"


class Inbox:
    """The server's side: every message accepted, and addresses it refuses."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.refuse: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def inbox(monkeypatch):
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    monkeypatch.setenv("WORKSHOP_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("WORKSHOP_SMTP_PORT", str(controller.port))
    monkeypatch.setenv("WORKSHOP_SMTP_SECURITY", "none")
    monkeypatch.setenv("WORKSHOP_SMTP_USER", "ce@sunrise.example")  # no login: the server asks none
    monkeypatch.setenv("WORKSHOP_SMTP_PASSWORD", "")
    yield handler
    controller.stop()


def kit(folder, outline=BUNDLED, roster=ROSTER):
    write(folder, "r.csv", roster)
    result = run("build", outline, "--roster", "r.csv", "--out", "kit", "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    with open(folder / "kit" / "certificates.csv", encoding="utf-8-sig", newline="") as f:
        return {row["name"]: row for row in csv.DictReader(f)}


def journal(folder) -> list[dict]:
    with open(folder / "kit" / "sent.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def bundled_without_email() -> str:
    """The bundled outline with its own ce.email taken out, for a test to write the message it checks."""
    lines = BUNDLED.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("  email:\n")
    end = start + 1
    while end < len(lines) and (lines[end].startswith("    ") or not lines[end].strip()):
        end += 1
    text = "".join(lines[:start] + lines[end:])
    assert "{verify_url}" not in text and "\n  email:" not in text
    return text


def outline_with_email(folder) -> str:
    text = bundled_without_email().replace(
        "ce:\n", "ce:\n  email:\n    from: Sunrise CE <ce@sunrise.example>\n    subject: \"{name}, your {hours} {unit}\"\n"
                 "    body: |\n      Hello {name},\n      certificate {id} for {title} ({hours} {unit}).\n"
                 "      Check it at {verify_url}\n", 1)
    write(folder, "o.yaml", text)
    return "o.yaml"


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_each_certified_attendee_gets_their_own_certificate_once(in_tmp, inbox):
    outline = outline_with_email(in_tmp)
    ledger = kit(in_tmp, outline)
    result = run("send", outline, "--out", "kit")
    assert result.exit_code == 0, result.stderr
    assert "Sent 2 certificates." in result.stdout
    assert f"cannot be e-mailed: {ledger['Cy Diaz']['certificate_id']} (Cy Diaz): no e-mail address" in result.stderr
    assert sorted(m["To"].addresses[0].addr_spec for m in inbox.messages) == ["ann@example.org", "bo@example.org"]
    for message in inbox.messages:
        name = message["To"].addresses[0].display_name
        row = ledger[name]
        assert message["From"].addresses[0].addr_spec == "ce@sunrise.example"
        assert message["Subject"] == f"{name}, your 3.00 CE hours"
        body = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
        assert f"Hello {name},\ncertificate {row['certificate_id']} for {row['title']} (3.00 CE hours)." in body
        attachments = list(message.iter_attachments())
        assert len(attachments) == 1 and attachments[0].get_content_type() == "application/pdf"
        text = pdf_text(attachments[0].get_content())
        others = [n for n in ("Ann Lee", "Bo Chen", "Cy Diaz") if n != name]
        assert name in text and row["certificate_id"] in text and not any(o in text for o in others)
        assert len(PdfReader(io.BytesIO(attachments[0].get_content())).pages) == 1
    sent = journal(in_tmp)
    assert [(r["status"], r["address"]) for r in sent if r["status"] == "sent"] == [
        ("sent", "ann@example.org"), ("sent", "bo@example.org")]
    again = run("send", outline, "--out", "kit")
    assert again.exit_code == 0 and "Sent 0 certificates." in again.stdout
    assert "already sent" in again.stdout and len(inbox.messages) == 2


def test_a_dry_run_writes_the_messages_to_look_at_and_sends_nothing(in_tmp, inbox):
    kit(in_tmp)
    result = run("send", BUNDLED, "--out", "kit", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "2 messages would go" in result.stdout and not inbox.messages
    files = sorted((in_tmp / "kit" / "send-preview").glob("*.eml"))
    assert len(files) == 2
    message = email.message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert "Your certificate for 3.00 CE hours is attached" in message.get_body(("plain",)).get_content()
    assert not (in_tmp / "kit" / "sent.csv").exists()


def test_a_server_that_is_down_sends_nothing_and_records_nothing(in_tmp, monkeypatch):
    kit(in_tmp)
    monkeypatch.setenv("WORKSHOP_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("WORKSHOP_SMTP_PORT", str(free_port()))
    monkeypatch.setenv("WORKSHOP_SMTP_SECURITY", "none")
    monkeypatch.setenv("WORKSHOP_SMTP_PASSWORD", PASSWORD)
    monkeypatch.setenv("WORKSHOP_SMTP_USER", "ce@sunrise.example")
    result = run("send", BUNDLED, "--out", "kit")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "cannot reach the mail server" in result.stderr and "Nothing was sent" in result.stderr
    assert PASSWORD not in result.stderr + result.stdout
    assert not (in_tmp / "kit" / "sent.csv").exists()


def test_a_refused_recipient_stops_with_a_message_and_only_what_went_is_recorded_sent(in_tmp, inbox):
    ledger = kit(in_tmp)
    inbox.refuse.add("bo@example.org")
    result = run("send", BUNDLED, "--out", "kit")
    assert result.exit_code == 2
    assert f"the mail server refused bo@example.org ({ledger['Bo Chen']['certificate_id']}, Bo Chen): 550" \
           in result.stderr
    states = {(r["address"], r["status"]) for r in journal(in_tmp)}
    assert ("ann@example.org", "sent") in states and ("bo@example.org", "sent") not in states
    assert "nothing was written" not in result.stderr and "sent.csv records what was sent (1)" in result.stderr
    inbox.refuse.clear()
    assert run("send", BUNDLED, "--out", "kit").exit_code == 0
    assert [m["To"].addresses[0].addr_spec for m in inbox.messages] == ["ann@example.org", "bo@example.org"]


def test_a_run_stopped_while_handing_over_is_not_sent_again_on_a_guess(in_tmp, inbox):
    ledger = kit(in_tmp)
    ann = ledger["Ann Lee"]["certificate_id"]
    write(in_tmp / "kit", "sent.csv", "certificate_id,address,status,time,message_id,note\r\n"
                                      f"{ann},ann@example.org,sending,2026-03-15T10:00:00+00:00,<x@y>,\r\n")
    result = run("send", BUNDLED, "--out", "kit")
    assert result.exit_code == 0
    assert f"not sent: {ann} (Ann Lee): a run stopped while handing this message to the server" in result.stderr
    assert [m["To"].addresses[0].addr_spec for m in inbox.messages] == ["bo@example.org"]
    assert run("send", BUNDLED, "--out", "kit", "--only", ann).exit_code == 0
    assert len(inbox.messages) == 2


def test_a_reissued_certificate_goes_again_only_on_request_and_says_it_replaces_the_first(in_tmp, inbox):
    ledger = kit(in_tmp)
    assert run("send", BUNDLED, "--out", "kit").exit_code == 0
    write(in_tmp, "r.csv", ROSTER.replace("Ann Lee,", "Ann M. Lee,"))
    assert run("build", BUNDLED, "--roster", "r.csv", "--out", "kit", "--reissue", "middle initial").exit_code == 0
    held = run("send", BUNDLED, "--out", "kit")
    assert "a new version of a certificate already sent; send it with --reissued" in held.stderr
    assert len(inbox.messages) == 2
    assert run("send", BUNDLED, "--out", "kit", "--reissued").exit_code == 0
    body = inbox.messages[-1].get_body(("plain",)).get_content()
    assert f"This certificate replaces certificate {ledger['Ann Lee']['certificate_id']}" in body
    assert "(middle initial)" in body and "Ann M. Lee" in body


def test_security_none_is_only_for_a_server_on_this_machine(in_tmp, monkeypatch):
    kit(in_tmp)
    monkeypatch.setenv("WORKSHOP_SMTP_HOST", "smtp.example.org")
    monkeypatch.setenv("WORKSHOP_SMTP_SECURITY", "none")
    result = run("send", BUNDLED, "--out", "kit")
    assert result.exit_code == 2
    assert "WORKSHOP_SMTP_SECURITY: none sends the password and every certificate unencrypted" in result.stderr


def test_an_unknown_field_in_the_message_is_named_at_its_line(in_tmp):
    text = bundled_without_email().replace("ce:\n", "ce:\n  email:\n    subject: Hi {first_name}\n", 1)
    write(in_tmp, "o.yaml", text)
    result = run("validate", "o.yaml")
    assert result.exit_code == 2 and "ce.email.subject: {first_name} is no field" in result.stderr


def test_a_refused_login_is_named_and_the_password_is_never_printed_or_written(in_tmp, monkeypatch):
    from aiosmtpd.smtp import AuthResult

    kit(in_tmp)
    controller = Controller(Inbox(), hostname="127.0.0.1", port=free_port(), auth_require_tls=False,
                            authenticator=lambda *args: AuthResult(success=False, handled=False))
    controller.start()
    try:
        monkeypatch.setenv("WORKSHOP_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("WORKSHOP_SMTP_PORT", str(controller.port))
        monkeypatch.setenv("WORKSHOP_SMTP_SECURITY", "none")
        monkeypatch.setenv("WORKSHOP_SMTP_USER", "ce@sunrise.example")
        monkeypatch.setenv("WORKSHOP_SMTP_PASSWORD", PASSWORD)
        result = run("send", BUNDLED, "--out", "kit")
    finally:
        controller.stop()
    assert result.exit_code == 2
    assert "the mail server refused the login of 'ce@sunrise.example'" in result.stderr
    assert PASSWORD not in result.stderr + result.stdout
    assert not any(PASSWORD.encode() in p.read_bytes() for p in (in_tmp / "kit").rglob("*") if p.is_file())


def test_a_server_without_starttls_is_told_plainly(in_tmp, inbox, monkeypatch):
    kit(in_tmp)
    monkeypatch.setenv("WORKSHOP_SMTP_SECURITY", "starttls")
    result = run("send", BUNDLED, "--out", "kit")
    assert result.exit_code == 2 and "the mail server does not offer STARTTLS" in result.stderr
    assert not inbox.messages and not (in_tmp / "kit" / "sent.csv").exists()


def test_sends_at_the_same_time_take_turns_and_no_one_gets_two(in_tmp, inbox):
    import os
    import subprocess
    import sys

    from support import ROOT

    kit(in_tmp)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-m", "workshop", "send", str(BUNDLED), "--out", "kit"], cwd=in_tmp,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outcomes = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outcomes
    assert sorted(m["To"].addresses[0].addr_spec for m in inbox.messages) == ["ann@example.org", "bo@example.org"]
    assert sum(r["status"] == "sent" for r in journal(in_tmp)) == 2
