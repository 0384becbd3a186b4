"""The CE record: decided once from the evidence, issued once, corrected with a trail.

Each test builds a kit the way an organizer would (a roster, Zoom reports, a decisions file) and
reads back what an auditor would: the ledger, attendance.csv, the certificate pages, evidence/.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib

from support import BUNDLED, run, write
from support.office import pdf_text
from support.attendance import outline, zoom_meeting

ROSTER = "name,email,license\nAnn Lee,ann@example.org,LPC 1\nBo Chen,bo@example.org,LPC 2\n"
FULL = [("17:55", "20:35", False)]


def refused(result, *fragments: str) -> None:
    """Exit 2, no traceback, nothing written, and each fragment in what was said."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    for fragment in fragments:
        assert fragment in result.stderr, f"{fragment!r} not in {result.stderr}"


def ledger(kit) -> list[dict]:
    with open(kit / "certificates.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def names_printed(kit) -> list[str]:
    found = []
    for page in pdf_text(kit / "certificates.pdf"):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        found.append(lines[lines.index("This certifies that") + 1])
    return found


def test_a_corrected_name_is_a_change_to_that_persons_certificate_and_stops_the_build(in_tmp):
    write(in_tmp, "r.csv", ROSTER)
    assert run("build", BUNDLED, "--roster", "r.csv", "--out", "kit", "--only", "certificates").exit_code == 0
    issued = ledger(in_tmp / "kit")
    before = (in_tmp / "kit" / "certificates.pdf").read_bytes()
    write(in_tmp, "r.csv", ROSTER.replace("Ann Lee,", "Ann M. Lee,").replace("LPC 2", "LPC 22"))
    result = run("build", BUNDLED, "--roster", "r.csv", "--out", "kit", "--only", "certificates")
    refused(result, "kit/certificates.csv: this build would change 2 issued certificates:")
    assert f"{issued[0]['certificate_id']} (Ann Lee): name 'Ann Lee' would become 'Ann M. Lee'" in result.stderr
    assert f"{issued[1]['certificate_id']} (Bo Chen): licence 'LPC 2' would become 'LPC 22'" in result.stderr
    assert (in_tmp / "kit" / "certificates.pdf").read_bytes() == before
    assert ledger(in_tmp / "kit") == issued


def test_reissue_makes_new_versions_and_keeps_the_old_rows_superseded_with_the_reason(in_tmp):
    write(in_tmp, "r.csv", ROSTER)
    assert run("build", BUNDLED, "--roster", "r.csv", "--out", "kit").exit_code == 0
    first = ledger(in_tmp / "kit")
    write(in_tmp, "r.csv", ROSTER.replace("Ann Lee,", "Ann M. Lee,"))
    result = run("build", BUNDLED, "--roster", "r.csv", "--out", "kit", "--reissue", "middle initial left out")
    assert result.exit_code == 0, result.stderr
    rows = ledger(in_tmp / "kit")
    assert [r["certificate_id"] for r in rows[:2]] == [r["certificate_id"] for r in first]
    old, kept, new = rows
    assert (old["name"], old["status"], old["reason"], old["status_date"]) == (
        "Ann Lee", "superseded", "middle initial left out", str(dt.date.today()))
    assert (kept["name"], kept["status"], kept["version"]) == ("Bo Chen", "valid", "1")
    assert (new["name"], new["status"], new["version"], new["supersedes"]) == (
        "Ann M. Lee", "valid", "2", old["certificate_id"])
    assert new["certificate_id"] == old["certificate_id"] + "-V2"
    assert names_printed(in_tmp / "kit") == ["Bo Chen", "Ann M. Lee"]
    assert kept == first[1] | {"page": "1"}  # the unchanged record is the same row, on its new page


def test_revoke_marks_the_row_and_takes_the_page_out_of_the_print_file(in_tmp):
    write(in_tmp, "r.csv", ROSTER)
    assert run("build", BUNDLED, "--roster", "r.csv", "--out", "kit").exit_code == 0
    ann = ledger(in_tmp / "kit")[0]["certificate_id"]
    attendance = (in_tmp / "kit" / "attendance.csv").read_bytes()
    result = run("revoke", BUNDLED, ann, "--reason", "left after ten minutes; roster was wrong", "--out", "kit")
    assert result.exit_code == 0, result.stderr
    rows = ledger(in_tmp / "kit")
    assert (rows[0]["status"], rows[0]["reason"]) == ("revoked", "left after ten minutes; roster was wrong")
    assert names_printed(in_tmp / "kit") == ["Bo Chen"]
    assert (in_tmp / "kit" / "attendance.csv").read_bytes() == attendance
    refused(run("revoke", BUNDLED, ann, "--reason", "again", "--out", "kit"), f"{ann} was already revoked")
    again = run("build", BUNDLED, "--roster", "r.csv", "--out", "kit")  # the roster still says she came
    refused(again, f"{ann} (Ann Lee) was revoked on {dt.date.today()}")


def test_a_person_no_longer_in_the_evidence_is_withdrawn_only_by_revoke(in_tmp):
    write(in_tmp, "r.csv", ROSTER)
    assert run("build", BUNDLED, "--roster", "r.csv", "--out", "kit").exit_code == 0
    bo = ledger(in_tmp / "kit")[1]["certificate_id"]
    write(in_tmp, "r.csv", ROSTER.replace("Bo Chen,bo@example.org,LPC 2\n", ""))
    result = run("build", BUNDLED, "--roster", "r.csv", "--out", "kit", "--reissue", "tidy")
    refused(result, f"{bo} (Bo Chen) was issued on {dt.date.today()}, and this evidence does not have them; "
                            f"to withdraw it: workshop revoke OUTLINE {bo} --reason")


def test_another_delivery_of_the_same_workshop_goes_to_its_own_kit(in_tmp):
    write(in_tmp, "r.csv", ROSTER)
    assert run("build", BUNDLED, "--roster", "r.csv", "--out", "kit").exit_code == 0
    text = BUNDLED.read_text(encoding="utf-8").replace("date: 2026-03-14", "date: 2026-04-18")
    write(in_tmp, "again.yaml", text)
    result = run("build", "again.yaml", "--roster", "r.csv", "--out", "kit")
    refused(result, "kit/certificates.csv: this kit holds certificates issued for the delivery of 2026-03-14, "
                            "and the outline's date is 2026-04-18. A new delivery of the same workshop gets its own "
                            "kit: build it into its own folder (--out)")
    assert run("build", "again.yaml", "--roster", "r.csv", "--out", "april").exit_code == 0
    april = ledger(in_tmp / "april")
    assert [r["date"] for r in april] == ["2026-04-18"] * 2 and len(ledger(in_tmp / "kit")) == 2


def test_evidence_keeps_every_input_by_its_sha256_and_is_only_added_to(in_tmp):
    write(in_tmp, "r.csv", ROSTER)
    assert run("build", BUNDLED, "--roster", "r.csv", "--out", "kit").exit_code == 0
    folder = in_tmp / "kit" / "evidence"
    first = {p.name: p.read_bytes() for p in folder.iterdir()}
    digest = hashlib.sha256((in_tmp / "r.csv").read_bytes()).hexdigest()
    assert f"{digest[:16]}-r.csv" in first
    with open(folder / "manifest.csv", encoding="utf-8-sig", newline="") as f:
        manifest = {row["file"]: row for row in csv.DictReader(f)}
    assert manifest[f"{digest[:16]}-r.csv"]["sha256"] == digest
    assert {row["role"] for row in manifest.values()} == {"outline", "roster"}
    assert f"evidence/{digest[:16]}-r.csv" in ledger(in_tmp / "kit")[0]["evidence"]
    write(in_tmp, "r.csv", ROSTER + "Cy Diaz,cy@example.org,LPC 3\n")  # a late addition
    assert run("build", BUNDLED, "--roster", "r.csv", "--out", "kit").exit_code == 0
    now = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert {k: v for k, v in now.items() if k != "manifest.csv"}.items() >= {
        k: v for k, v in first.items() if k != "manifest.csv"}.items()
    assert len(now) == len(first) + 1
    assert now["manifest.csv"].startswith(first["manifest.csv"].rstrip(b"\r\n")[:len(first["manifest.csv"]) - 2])
    assert [r["name"] for r in ledger(in_tmp / "kit")] == ["Ann Lee", "Bo Chen", "Cy Diaz"]


def test_a_ledger_of_an_earlier_version_is_read_as_issued_records(in_tmp):
    (in_tmp / "kit").mkdir()
    old = ("certificate_id,name,email,license,hours,title,date,provider,page,page_sha256\r\n"
           "20260314-OLD00001,Ann Lee,ann@example.org,LPC 1,3.00,Relationship: What It's All About,2026-03-14,"
           "Sunrise Consulting,1,abc\r\n")
    write(in_tmp / "kit", "certificates.csv", old)
    write(in_tmp / "kit", ".workshop-kit.json", '{"files": {"certificates.csv": "%s"}}' % hashlib.sha256(
        old.encode()).hexdigest())
    write(in_tmp, "r.csv", ROSTER.replace("Ann Lee,", "Ann Leigh,"))
    result = run("build", BUNDLED, "--roster", "r.csv", "--out", "kit")
    refused(result, "20260314-OLD00001 (Ann Lee): name 'Ann Lee' would become 'Ann Leigh'")
    write(in_tmp, "r.csv", ROSTER)
    assert run("build", BUNDLED, "--roster", "r.csv", "--out", "kit").exit_code == 0
    assert [r["certificate_id"] for r in ledger(in_tmp / "kit")][0] == "20260314-OLD00001"


def test_no_certificates_are_issued_before_the_workshop(in_tmp):
    later = dt.date.today() + dt.timedelta(days=30)
    write(in_tmp, "soon.yaml", BUNDLED.read_text(encoding="utf-8").replace("date: 2026-03-14", f"date: {later}"))
    write(in_tmp, "r.csv", ROSTER)
    result = run("build", "soon.yaml", "--roster", "r.csv", "--out", "kit")
    assert result.exit_code == 0, result.stderr
    assert f"certificates are issued on or after the workshop's date ({later})" in result.stderr
    assert not (in_tmp / "kit" / "certificates.csv").exists()
    assert "Ann Lee" in "".join(pdf_text(in_tmp / "kit" / "sign-in.pdf"))  # the sheet to sign still has names


def test_the_log_the_ledger_and_attendance_csv_agree_on_a_failed_post_test(in_tmp):
    write(in_tmp, "ethics.yaml", outline() + "quiz:\n  pass_percent: 75\n  questions:\n"
                                            "    - ask: Is this true?\n      answer: true\n")
    write(in_tmp, "r.csv", "name,email,license,score\nAnn Lee,ann@example.org,LPC 1,90\nBo Chen,bo@example.org,LPC 2,60\n")
    zoom_meeting(in_tmp, [("Ann Lee", "ann@example.org", FULL), ("Bo Chen", "bo@example.org", FULL)])
    result = run("build", "ethics.yaml", "--roster", "r.csv", "--attendance", "zoom.csv", "--out", "out")
    assert result.exit_code == 0, result.stderr
    assert [r["name"] for r in ledger(in_tmp / "out")] == ["Ann Lee"]
    with open(in_tmp / "out" / "attendance.csv", encoding="utf-8-sig", newline="") as f:
        rows = {r["name"]: r for r in csv.DictReader(f)}
    assert (rows["Bo Chen"]["certificate"], rows["Bo Chen"]["score"]) == ("no", "60%")
    assert "below the pass mark" in rows["Bo Chen"]["reason"]
    assert rows["Ann Lee"]["certificate_id"] == ledger(in_tmp / "out")[0]["certificate_id"]
    log = " ".join(" ".join(pdf_text(in_tmp / "out" / "sign-in.pdf")).split())
    assert "1 certified" in log and "below the pass mark" in log


def test_a_name_match_with_another_email_is_settled_in_writing(in_tmp):
    write(in_tmp, "ethics.yaml", outline())
    write(in_tmp, "r.csv", ROSTER)
    zoom_meeting(in_tmp, [("Ann Lee", "annie@home.example", FULL), ("Bo Chen", "bo@example.org", FULL)])
    args = ("build", "ethics.yaml", "--roster", "r.csv", "--attendance", "zoom.csv", "--out", "out")
    result = run(*args)
    refused(result, "zoom.csv:5:1: this row's name 'Ann Lee' is roster row 2's (Ann Lee), but its email "
                            "annie@home.example is not theirs (ann@example.org)")
    assert "- row: zoom.csv:5\n    person: ann@example.org\n    reason: ..." in result.stderr
    write(in_tmp, "ethics.decisions.yaml", "- row: zoom.csv:5\n  person: ann@example.org\n"
                                           "  reason: Ann joined from her home account; confirmed by phone\n")
    settled = run(*args)
    assert settled.exit_code == 0, settled.stderr
    assert [r["name"] for r in ledger(in_tmp / "out")] == ["Ann Lee", "Bo Chen"]
    with open(in_tmp / "out" / "evidence" / "manifest.csv", encoding="utf-8-sig", newline="") as f:
        assert "decisions" in {row["role"] for row in csv.DictReader(f)}
    assert run("validate", "ethics.yaml", "--roster", "r.csv", "--attendance", "zoom.csv", "--out", "out").exit_code == 0


def test_one_name_under_two_emails_is_one_person_or_two_only_in_writing(in_tmp):
    write(in_tmp, "ethics.yaml", outline())
    zoom_meeting(in_tmp, [("Ann Lee", "ann@example.org", [("17:55", "19:00", False)]),
                          ("Ann Lee", "ann.lee@clinic.example", [("19:00", "20:35", False)])])
    args = ("build", "ethics.yaml", "--attendance", "zoom.csv", "--out", "out")
    result = run(*args)
    refused(result, "one person on two devices, or two people with one name?")
    assert "- same person: [ann@example.org, ann.lee@clinic.example]" in result.stderr
    write(in_tmp, "ethics.decisions.yaml", "- same person: [ann@example.org, ann.lee@clinic.example]\n"
                                           "  reason: both addresses are on her registration\n")
    assert run(*args).exit_code == 0
    rows = ledger(in_tmp / "out")
    assert [(r["name"], r["hours"]) for r in rows] == [("Ann Lee", "2.25")]  # whole, not two partial ones


def test_a_row_that_is_nobody_is_left_out_with_its_reason(in_tmp):
    write(in_tmp, "ethics.yaml", outline())
    zoom_meeting(in_tmp, [("Ann Lee", "ann@example.org", FULL), ("14045550100", "", FULL)])
    write(in_tmp, "ethics.decisions.yaml", "- row: zoom.csv:6\n  nobody: true\n  reason: the co-host's phone line\n")
    result = run("build", "ethics.yaml", "--attendance", "zoom.csv", "--out", "out")
    assert result.exit_code == 0, result.stderr
    assert [r["name"] for r in ledger(in_tmp / "out")] == ["Ann Lee"]
    assert "zoom.csv row 6 (14045550100) is nobody to certify: the co-host's phone line" in result.stderr


def test_decisions_file_mistakes_are_named_at_their_line(in_tmp):
    write(in_tmp, "ethics.yaml", outline())
    zoom_meeting(in_tmp, [("Ann Lee", "ann@example.org", FULL)])
    write(in_tmp, "d.yaml", "- row: zoom.csv:99\n  nobody: true\n  reason: x\n- row: zoom.csv:5\n  person: a@b.c\n"
                            "- same person: [one]\n  reason: y\n")
    for command in ("build", "validate"):
        result = run(command, "ethics.yaml", "--attendance", "zoom.csv", "--decisions", "d.yaml")
        refused(result, "d.yaml:4:3: [1]: every decision says why it was made",
                        "d.yaml:6:16: [2]: 'same person' takes a list of two or more different email addresses")


def test_one_licence_on_two_rows_is_refused(in_tmp):
    write(in_tmp, "r.csv", ROSTER + "Ann Lee,ann.lee@clinic.example,lpc 1\n")
    for command in ("build", "validate"):
        result = run(command, BUNDLED, "--roster", "r.csv", *(("--out", "kit") if command == "build" else ()))
        refused(result, "r.csv: licence lpc 1 is on two rows: Ann Lee (r.csv row 2) and Ann Lee (r.csv row 4)")
    assert not (in_tmp / "kit").exists()


def test_verify_knows_every_file_the_kit_issued_and_nothing_else(in_tmp):
    write(in_tmp, "r.csv", ROSTER)
    assert run("build", BUNDLED, "--roster", "r.csv", "--out", "kit", "--split").exit_code == 0
    rows = ledger(in_tmp / "kit")
    printed = run("verify", str(in_tmp / "kit" / "certificates.pdf"))
    assert printed.exit_code == 0, printed.stdout + printed.stderr
    assert printed.stdout.splitlines() == [
        f"page {n}: issued by this kit, unchanged (the page is as the kit printed it): {r['certificate_id']}, "
        f"{r['name']}, 3.00 hours, issued {dt.date.today()}; status: valid" for n, r in enumerate(rows, 1)]
    single = in_tmp / "kit" / rows[1]["file"]
    assert "the whole file is the single certificate the kit wrote" in run("verify", str(single)).stdout
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(single))
    contents = writer.pages[0].get_contents()
    contents.set_data(contents.get_data().replace(b"0 0 1 rg", b"0 0 0.9 rg", 1) + b"\n% edited")
    writer.pages[0].replace_contents(contents)
    changed = in_tmp / "changed.pdf"
    with open(changed, "wb") as f:
        writer.write(f)
    result = run("verify", str(changed), "--out", "kit")
    assert result.exit_code == 1
    assert f"page 1: NOT the file issued: it names {rows[1]['certificate_id']}, Bo Chen" in result.stdout
    write(in_tmp, "r.csv", ROSTER.replace("Ann Lee,", "Ann M. Lee,"))
    assert run("build", BUNDLED, "--roster", "r.csv", "--out", "kit", "--reissue", "initial").exit_code == 0
    old = run("verify", str(single.with_name("x")), "--out", "kit")
    assert old.exit_code == 2
    again = run("verify", str(in_tmp / "kit" / "certificates.pdf"))
    assert again.exit_code == 0, again.stdout  # Bo Chen's page moved: a reprint the ledger knows
    revoked = run("revoke", BUNDLED, rows[1]["certificate_id"], "--reason", "duplicate", "--out", "kit")
    assert revoked.exit_code == 0
    told = run("verify", rows[1]["certificate_id"], "--out", "kit")
    assert told.exit_code == 1 and "status: REVOKED on" in told.stdout and "(duplicate)" in told.stdout


def test_a_bracket_that_is_no_credential_pronoun_or_device_is_a_question_without_a_roster(in_tmp):
    write(in_tmp, "ethics.yaml", outline())
    zoom_meeting(in_tmp, [("Ann Lee (Mom)", "ann@example.org", FULL), ("Bo Chen (he/him)", "bo@example.org", FULL)])
    args = ("build", "ethics.yaml", "--attendance", "zoom.csv", "--out", "out")
    result = run(*args)
    refused(result, "zoom.csv:5:1: the display name 'Ann Lee (Mom)' has a bracket that is not a credential",
            "- row: zoom.csv:5\n    name: Ann Lee\n    reason: ...")
    assert "Bo Chen" not in result.stderr  # pronouns are plainly not a name
    write(in_tmp, "ethics.decisions.yaml", "- row: zoom.csv:5\n  name: Ann Lee\n  reason: she confirmed her name\n")
    assert run(*args).exit_code == 0
    assert [r["name"] for r in ledger(in_tmp / "out")] == ["Ann Lee", "Bo Chen"]


def test_a_record_deleted_or_edited_by_hand_is_never_taken_as_issued(in_tmp):
    write(in_tmp, "r.csv", ROSTER)
    assert run("build", BUNDLED, "--roster", "r.csv", "--out", "kit").exit_code == 0
    ledger_path = in_tmp / "kit" / "certificates.csv"
    issued = ledger_path.read_bytes()
    ledger_path.write_bytes(issued.replace(b",3.00,", b",6.00,", 1))
    for args in (("build", BUNDLED, "--roster", "r.csv", "--out", "kit"), ("verify", "kit/certificates.pdf"),
                 ("send", BUNDLED, "--out", "kit", "--dry-run"), ("validate", BUNDLED, "--roster", "r.csv",
                                                                   "--out", "kit")):
        refused(run(*args), "kit/certificates.csv: was changed after workshop wrote it")
    ledger_path.unlink()
    refused(run("build", BUNDLED, "--roster", "r.csv", "--out", "kit"), "kit/certificates.csv: is missing")
    ledger_path.write_bytes(issued)
    evidence = next((in_tmp / "kit" / "evidence").glob("*-r.csv"))
    evidence.write_text("edited", encoding="utf-8")
    refused(run("build", BUNDLED, "--out", "kit"), f"kit/evidence/{evidence.name}: was changed after workshop wrote it")


def test_a_roster_email_is_one_address(in_tmp):
    write(in_tmp, "r.csv", 'name,email\nAnn Lee,"ann@example.org, evil@bad.org"\nBo Chen,Bo Chen <bo@example.org>\n'
                           "Cy Diaz,cy@example.org;dee@example.org\nDee O'Neil,dee.o'neil@example.org\n")
    result = run("validate", BUNDLED, "--roster", "r.csv")
    refused(result, "r.csv: row 2, email: 'ann@example.org, evil@bad.org' is not one e-mail address",
            "r.csv: row 3, email:", "r.csv: row 4, email:")
    assert "row 5" not in result.stderr


def test_a_blank_reason_is_no_reason(in_tmp):
    write(in_tmp, "r.csv", ROSTER)
    assert run("build", BUNDLED, "--roster", "r.csv", "--out", "kit").exit_code == 0
    write(in_tmp, "r.csv", ROSTER.replace("Ann Lee,", "Ann M. Lee,"))
    refused(run("build", BUNDLED, "--roster", "r.csv", "--out", "kit", "--reissue", "   "),
            "--reissue: say why the certificates are reissued")


def test_validate_refuses_a_folder_that_is_not_a_kit_as_build_does(in_tmp):
    write(in_tmp / "docs", "notes.txt", "mine")
    write(in_tmp, "r.csv", ROSTER)
    for command in ("validate", "build"):
        refused(run(command, BUNDLED, "--roster", "r.csv", "--out", "docs"), "this folder holds files workshop did "
                                                                             "not write (notes.txt)")


def test_two_reports_with_one_file_name_cannot_be_told_apart_by_a_decision(in_tmp):
    write(in_tmp, "ethics.yaml", outline())
    for session in ("s1", "s2"):
        (in_tmp / session).mkdir()
        zoom_meeting(in_tmp / session, [("Ann Lee", "ann@example.org", FULL)], name="participants.csv")
    write(in_tmp, "ethics.decisions.yaml", "- row: participants.csv:5\n  nobody: true\n  reason: test line\n")
    result = run("build", "ethics.yaml", "--attendance", "s1/participants.csv", "--attendance", "s2/participants.csv",
                 "--out", "out")
    refused(result, "two reports have the file name participants.csv")


def test_a_corrected_address_is_a_change_to_that_persons_certificate(in_tmp):
    write(in_tmp, "r.csv", ROSTER)
    assert run("build", BUNDLED, "--roster", "r.csv", "--out", "kit").exit_code == 0
    bo = ledger(in_tmp / "kit")[1]["certificate_id"]
    write(in_tmp, "r.csv", ROSTER.replace("bo@example.org", "bo.chen@example.org"))
    refused(run("build", BUNDLED, "--roster", "r.csv", "--out", "kit"),
            f"{bo} (Bo Chen): e-mail address 'bo@example.org' would become 'bo.chen@example.org'")
    assert run("build", BUNDLED, "--roster", "r.csv", "--out", "kit", "--reissue", "address bounced").exit_code == 0
    rows = ledger(in_tmp / "kit")
    assert [(r["name"], r["email"], r["status"]) for r in rows] == [
        ("Ann Lee", "ann@example.org", "valid"), ("Bo Chen", "bo@example.org", "superseded"),
        ("Bo Chen", "bo.chen@example.org", "valid")]
    assert rows[2]["certificate_id"] == bo + "-V2"


def test_two_people_with_one_office_address_keep_their_own_certificates(in_tmp):
    shared = "name,email,license\nAnn Lee,office@clinic.org,LPC 1\nBen Lee,office@clinic.org,LPC 2\n"
    write(in_tmp, "r.csv", shared)
    assert run("build", BUNDLED, "--roster", "r.csv", "--out", "kit").exit_code == 0
    first = {r["name"]: r["certificate_id"] for r in ledger(in_tmp / "kit")}
    write(in_tmp, "r.csv", "name,email,license\nBen Lee,office@clinic.org,LPC 2\nAnn Lee,office@clinic.org,LPC 1\n")
    assert run("build", BUNDLED, "--roster", "r.csv", "--out", "kit").exit_code == 0  # the rows swapped: no change
    assert {r["name"]: r["certificate_id"] for r in ledger(in_tmp / "kit")} == first


def test_two_roster_people_cannot_be_settled_as_one(in_tmp):
    write(in_tmp, "ethics.yaml", outline())
    write(in_tmp, "r.csv", ROSTER)
    zoom_meeting(in_tmp, [("Ann Lee", "ann@example.org", FULL), ("Bo Chen", "bo@example.org", FULL)])
    write(in_tmp, "ethics.decisions.yaml", "- same person: [ann@example.org, bo@example.org]\n  reason: typo\n")
    refused(run("build", "ethics.yaml", "--roster", "r.csv", "--attendance", "zoom.csv", "--out", "out"),
            "these addresses are Ann Lee's (roster row 2) and Bo Chen's (roster row 3): two people on the roster "
            "cannot be one person")


def test_a_host_or_panelist_on_the_roster_is_a_question(in_tmp):
    write(in_tmp, "ethics.yaml", outline().replace("  - name: Dawn Allred\n    email: dawn@example.org\n",
                                                   "  - name: Pat Host\n"))
    write(in_tmp, "r.csv", ROSTER + "Dawn Allred,dawn@example.org,LPC 9\n")
    zoom_meeting(in_tmp, [("Dawn Allred", "dawn@example.org", FULL), ("Ann Lee", "ann@example.org", FULL)])
    result = run("build", "ethics.yaml", "--roster", "r.csv", "--attendance", "zoom.csv", "--out", "out")
    refused(result, "zoom.csv:5:1: 'Dawn Allred' is a host or panelist in this report, and roster row 4's Dawn Allred")
