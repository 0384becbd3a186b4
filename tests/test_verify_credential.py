"""workshop.verify.credential and statuslist: Open Badges 3.0 credentials and the revocation list,
judged by an independent verifier (the Digital Credentials Consortium's libraries on npm)."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
from decimal import Decimal

import pytest

from support.verifytools import BASE, TEMPLATE, dcc_verify, sample_records
from workshop.verify import Revoked, credential_document, credential_json, provider_key, write_site
from workshop.verify.statuslist import MIN_BITS, decode_list, encoded_list


@pytest.fixture()
def key(tmp_path):
    return provider_key("Sunrise Consulting", tmp_path / "keys")


def test_the_credential_says_what_open_badges_3_expects(key):
    record = dataclasses.replace(BASE, hours=Decimal("2.75"), hours_available=Decimal(3),
                                 dates=(dt.date(2026, 3, 14), dt.date(2026, 3, 15)), status_index=41)
    c = json.loads(credential_json(record, key, TEMPLATE))
    assert c["@context"] == ["https://www.w3.org/ns/credentials/v2",
                             "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
    assert c["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert c["id"] == "https://certs.example.org/verify/20260314-7QX2M4KD/credential.json"
    assert c["issuer"] == {"id": key.did, "type": ["Profile"], "name": "Sunrise Consulting",
                           "url": "https://sunrise.example.org/"}
    assert c["validFrom"] == "2026-03-14T00:00:00Z"
    s = c["credentialSubject"]
    assert s["type"] == ["AchievementSubject"]
    assert s["creditsEarned"] == 2.75 and s["licenseNumber"] == "LPC 10512"
    assert (s["activityStartDate"], s["activityEndDate"]) == ("2026-03-14", "2026-03-15")
    assert s["identifier"] == [{"type": "IdentityObject", "identityHash": "Ana López", "identityType": "name",
                                "hashed": False}]
    a = s["achievement"]
    assert a["type"] == ["Achievement"] and a["name"] == "Relationship: What It's All About"
    assert a["creditsAvailable"] == 3 and "Example Board" in a["criteria"]["narrative"]
    assert c["credentialStatus"] == {
        "id": "https://certs.example.org/verify/status.json#41", "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation", "statusListIndex": "41",
        "statusListCredential": "https://certs.example.org/verify/status.json"}
    p = c["proof"]
    assert (p["type"], p["cryptosuite"], p["proofPurpose"]) == ("DataIntegrityProof", "eddsa-rdfc-2022", "assertionMethod")
    assert p["verificationMethod"] == key.did + "#" + key.did.removeprefix("did:key:")
    assert p["created"] == "2026-03-14T00:00:00Z" and p["proofValue"].startswith("z")
    assert "licenseNumber" not in credential_document(dataclasses.replace(BASE, licence=""), key, TEMPLATE)["credentialSubject"]


def test_the_same_record_and_key_give_the_same_bytes(key, tmp_path):
    first = credential_json(BASE, key, TEMPLATE)
    assert credential_json(BASE, provider_key("Sunrise Consulting", tmp_path / "keys"), TEMPLATE) == first
    assert credential_json(dataclasses.replace(BASE, hours=Decimal("2.5")), key, TEMPLATE) != first
    assert first.endswith(b"\n") and json.loads(first)  # one JSON document, sorted keys, UTF-8
    assert list(json.loads(first)) == sorted(json.loads(first))


def test_the_status_list_has_the_revoked_bits_set_and_no_others():
    raw = decode_list(encoded_list([0, 9, 131071]))
    assert len(raw) * 8 == MIN_BITS
    assert [i for i in range(MIN_BITS) if raw[i // 8] & (0x80 >> (i % 8))] == [0, 9, 131071]
    assert len(decode_list(encoded_list([MIN_BITS]))) * 8 == 2 * MIN_BITS
    assert encoded_list([]) == encoded_list([]) and encoded_list([]).startswith("u")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    key = provider_key("Sunrise Consulting", folder / "keys")
    write_site(sample_records(), key, TEMPLATE, folder / "verify")
    return folder / "verify", key


def test_the_independent_verifier_accepts_every_credential_but_the_revoked_and_superseded(site):
    verify, _ = site
    files = sorted(verify.glob("*/credential*.json"))
    assert len(files) == len(sample_records())
    verdicts = {r["file"]: r for r in dcc_verify(verify / "status.json", files)}
    replaced = {f"{r.id}/credential-v{r.version}.json" if r.id == "20260314-TWICE001" else f"{r.id}/credential.json"
                for r in sample_records() if type(r.status).__name__ == "Superseded"}
    for path in files:
        v = verdicts[str(path)]
        if path.parent.name == "20260314-REVOKED1" or f"{path.parent.name}/{path.name}" in replaced:
            assert (v["verified"], v["status"]) == (False, False), v
        else:
            assert (v["verified"], v["status"], v["errors"]) == (True, True, []), v


def test_the_independent_verifier_rejects_tampered_credentials(site, tmp_path):
    verify, _ = site
    original = json.loads((verify / "20260314-7QX2M4KD" / "credential.json").read_text())
    other = json.loads((verify / "20260314-PARTIAL1" / "credential.json").read_text())
    changes = {
        "hours": lambda c: c["credentialSubject"].update(creditsEarned=30),
        "name": lambda c: c["credentialSubject"]["identifier"][0].update(identityHash="Mallory"),
        "licence": lambda c: c["credentialSubject"].update(licenseNumber="LPC 99999"),
        "workshop": lambda c: c["credentialSubject"]["achievement"].update(name="Another workshop"),
        "status index": lambda c: c["credentialStatus"].update(statusListIndex="99"),
        "borrowed proof": lambda c: c.update(proof=other["proof"]),
    }
    files = []
    for name, change in changes.items():
        tampered = copy.deepcopy(original)
        change(tampered)
        files.append(tmp_path / f"{name}.json")
        files[-1].write_text(json.dumps(tampered), encoding="utf-8")
    verdicts = dcc_verify(verify / "status.json", files)
    assert [v["verified"] for v in verdicts] == [False] * len(changes), verdicts


def test_a_status_list_not_signed_by_the_provider_is_not_trusted(site, tmp_path):
    verify, key = site
    status = json.loads((verify / "status.json").read_text())
    status["credentialSubject"]["encodedList"] = encoded_list([])  # someone un-revokes by editing the file
    forged = tmp_path / "status.json"
    forged.write_text(json.dumps(status), encoding="utf-8")
    [verdict] = dcc_verify(forged, [verify / "20260314-REVOKED1" / "credential.json"])
    assert verdict["verified"] is False and verdict["status"] is False


def test_a_credential_signed_by_another_key_does_not_pass_as_the_providers(site, tmp_path):
    verify, _ = site
    impostor = provider_key("Sunrise Consulting", tmp_path / "other-keys")
    forged = json.loads(credential_json(BASE, impostor, TEMPLATE))
    path = tmp_path / "forged.json"
    path.write_text(json.dumps(forged), encoding="utf-8")
    [verdict] = dcc_verify(verify / "status.json", [path])
    assert verdict["verified"] is False  # its issuer differs from the status list's


def test_a_revocation_added_later_fails_the_credential_issued_before(site, tmp_path):
    verify, key = site
    records = sample_records()
    records[0] = dataclasses.replace(records[0], status=Revoked("licence lapsed", dt.date(2026, 4, 1)))
    later = tmp_path / "verify"
    write_site(records, key, TEMPLATE, later)
    assert (later / "20260314-7QX2M4KD" / "credential.json").read_bytes() == \
        (verify / "20260314-7QX2M4KD" / "credential.json").read_bytes()  # the credential itself is unchanged
    [verdict] = dcc_verify(later / "status.json", [verify / "20260314-7QX2M4KD" / "credential.json"])
    assert (verdict["verified"], verdict["status"]) == (False, False)
