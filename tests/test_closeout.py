"""The close-out end to end, as an organizer runs it: build with a verification address, check
every credential of the kit with the independent verifier, revoke one, and look at the pages in
a real browser. The record decides; the site and credentials only show it."""

from __future__ import annotations

import csv
import json
import re

from support import BUNDLED, run, write
from support.verifytools import browse, dcc_verify, serve

ROSTER = "name,email,license\nAnn Lee,ann@example.org,LPC 004512\nBo Chen,bo@example.org,LCSW 2\n"


def outline(folder) -> str:
    text = BUNDLED.read_text(encoding="utf-8")
    if "verify_url" not in text:
        text = text.replace("ce:\n", "ce:\n  verify_url: https://ce.example.org/verify/{id}/\n", 1)
    write(folder, "o.yaml", text)
    return "o.yaml"


def status_file(site):
    """The delivery's own revocation list in verify/ (status-<date>-<code>.json)."""
    found = sorted(site.glob("status-*.json"))
    assert len(found) == 1, found
    return found[0]


def ledger(kit) -> list[dict]:
    with open(kit / "certificates.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_the_kits_credentials_verify_until_one_is_revoked(in_tmp):
    name = outline(in_tmp)
    write(in_tmp, "r.csv", ROSTER)
    assert run("build", name, "--roster", "r.csv", "--out", "kit").exit_code == 0
    rows = ledger(in_tmp / "kit")
    site = in_tmp / "kit" / "verify"
    files = [site / r["certificate_id"] / "credential.json" for r in rows]
    verdicts = dcc_verify(status_file(site), files)
    assert [(v["verified"], v["status"]) for v in verdicts] == [(True, True), (True, True)], verdicts
    credential = json.loads(files[0].read_text(encoding="utf-8"))
    subject = credential["credentialSubject"]
    assert (float(subject["creditsEarned"]), subject["licenseNumber"]) == (3.0, "LPC 004512")
    assert not any(p.suffix in (".pem", ".key") for p in (in_tmp / "kit").rglob("*"))
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert run("build", name, "--roster", "r.csv", "--out", "kit").exit_code == 0  # the same inputs, the same site
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    write(in_tmp, "r.csv", ROSTER.replace("Ann Lee,", "Ann M. Lee,"))
    assert run("build", name, "--roster", "r.csv", "--out", "kit", "--reissue", "middle initial").exit_code == 0
    newer = site / f"{rows[0]['certificate_id']}-V2" / "credential.json"
    verdicts = dcc_verify(status_file(site), files + [newer])
    assert [(v["verified"], v["status"]) for v in verdicts] == [(False, False), (True, True), (True, True)], verdicts
    files[0] = newer  # the correction replaced the first version, whose credential now fails
    result = run("revoke", name, rows[1]["certificate_id"], "--reason", "did not attend", "--out", "kit")
    assert result.exit_code == 0, result.stderr
    verdicts = dcc_verify(status_file(site), files)
    assert [(v["verified"], v["status"]) for v in verdicts] == [(True, True), (False, False)], verdicts
    with serve(site) as base:
        seen = browse(base, [{"open": f"{rows[0]['certificate_id']}/"}, {"open": f"{rows[1]['certificate_id']}/"},
                             {"lookup": rows[0]["certificate_id"].lower()}, {"lookup": "20260314-NOSUCH00"}])
    page = json.dumps(seen, ensure_ascii=False)
    assert "Ann" in page and "•••512" in page and "LPC 004512" not in page
    assert "revoked" in json.dumps(seen[1]).lower() and "did not attend" in json.dumps(seen[1])
    assert seen[2]["url"].endswith(f"/{rows[0]['certificate_id']}/")  # the lookup found it, typed in lower case
    assert "There is no certificate with the ID" in json.dumps(seen[3])


def test_the_qr_code_leads_to_the_certificates_page_and_a_bad_address_is_refused(in_tmp):
    text = re.sub(r"(?m)^  verify_url: .*\n", "", BUNDLED.read_text(encoding="utf-8"))  # the bundled outline's own
    text = text.replace("ce:\n", "ce:\n  verify_url: https://ce.example.org/v?id={id}\n", 1)
    write(in_tmp, "bad.yaml", text)
    result = run("validate", "bad.yaml")
    assert result.exit_code == 2 and "ce.verify_url: {id} must be the last part of the path" in result.stderr


def test_each_certificates_qr_code_scans_to_its_own_page(in_tmp):
    """Read back as a phone would: every page rendered at print resolution, its QR code decoded."""
    import subprocess

    import zxingcpp
    from PIL import Image

    name = outline(in_tmp)
    write(in_tmp, "r.csv", ROSTER)
    assert run("build", name, "--roster", "r.csv", "--out", "kit", "--only", "certificates").exit_code == 0
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(in_tmp / "kit" / "certificates.pdf"), str(in_tmp / "page")],
                   check=True)
    pages = sorted(in_tmp.glob("page-*.png"))
    found = [[b.text for b in zxingcpp.read_barcodes(Image.open(p)) if b.format == zxingcpp.BarcodeFormat.QRCode]
             for p in pages]
    template = next(line.split("verify_url:", 1)[1].strip().strip('"') for line in
                    (in_tmp / name).read_text(encoding="utf-8").splitlines() if "verify_url:" in line)
    assert found == [[template.replace("{id}", r["certificate_id"])] for r in ledger(in_tmp / "kit")]
