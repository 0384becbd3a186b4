"""workshop.verify.site, pages and address: the published folder, what each page says and hides,
and the pages in real headless Chromium."""

from __future__ import annotations

import dataclasses
import re

import pytest

from support.verifytools import BASE, TEMPLATE, browse_site, sample_records
from workshop.verify import SiteProblem, mask_licence, provider_key, verify_url_problem, write_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    key = provider_key("Sunrise Consulting", folder / "keys")
    paths = write_site(sample_records(), key, TEMPLATE, folder / "verify")
    return folder / "verify", key, paths


def test_the_site_has_a_folder_per_certificate_the_lookup_and_the_status_list(site):
    verify, _, paths = site
    names = sorted(str(p.relative_to(verify)) for p in paths)
    assert names == sorted(str(p.relative_to(verify)) for p in verify.rglob("*") if p.is_file())
    assert names == [
        "20260314-7QX2M4KD/credential.json", "20260314-7QX2M4KD/index.html",
        "20260314-NEW00001/credential.json", "20260314-NEW00001/index.html",
        "20260314-OLD00001/credential.json", "20260314-OLD00001/index.html",
        "20260314-PARTIAL1/credential.json", "20260314-PARTIAL1/index.html",
        "20260314-REVOKED1/credential.json", "20260314-REVOKED1/index.html",
        "20260314-TWICE001/credential-v1.json", "20260314-TWICE001/credential.json", "20260314-TWICE001/index.html",
        "index.html", "status.json"]


def test_the_same_records_give_the_same_site_byte_for_byte(site, tmp_path):
    verify, key, paths = site
    again = write_site(list(reversed(sample_records())), key, TEMPLATE, tmp_path / "verify")
    assert [(p.relative_to(tmp_path / "verify"), p.read_bytes()) for p in sorted(again)] == \
        [(p.relative_to(verify), p.read_bytes()) for p in sorted(paths)]


def test_the_lookup_page_names_no_one_and_loads_nothing_from_elsewhere(site):
    verify, _, _ = site
    page = (verify / "index.html").read_text(encoding="utf-8")
    for record in sample_records():
        assert record.id not in page and record.name not in page
        assert record.licence[-3:] not in page or not record.licence
    assert re.findall(r"""(?:src|href)=["']([^"']+)""", page) == ["data:,"]
    assert "@import" not in page and "url(" not in page


def test_a_page_says_only_what_verification_needs(site):
    verify, _, _ = site
    page = (verify / "20260314-7QX2M4KD" / "index.html").read_text(encoding="utf-8")
    assert "LPC •••512" in page and "10512" not in page
    assert "Ana López" in page and "Valid" in page and "14 March 2026" in page and "3 contact hours" in page
    assert 'content="noindex, nofollow"' in page
    assert not re.findall(r"""src=["']""", page)
    hrefs = re.findall(r"""href=["']([^"']+)""", page)
    assert hrefs == ["data:,", "https://sunrise.example.org/", "credential.json", "../"]
    for other in sample_records()[1:]:
        assert other.name not in page


def test_licence_numbers_are_masked_to_their_letters_and_last_digits():
    assert mask_licence("LPC 10512") == "LPC •••512"
    assert mask_licence("LMFT-000123") == "LMFT-•••123"
    assert mask_licence("123456789") == "•••789"
    assert mask_licence("AB12") == "•••12"
    assert mask_licence("12") == "•••"
    assert mask_licence("  ") == ""


@pytest.mark.parametrize("template", ["https://e.org/verify/{id}", "https://e.org/verify/{id}/", "http://e.org/{id}"])
def test_a_verify_url_with_the_id_as_its_last_folder_is_accepted(template):
    assert verify_url_problem(template) is None


@pytest.mark.parametrize("template, says", [
    ("https://e.org/verify?id={id}", "last part of the path"),
    ("https://e.org/verify/{id}.html", "last part of the path"),
    ("https://e.org/verify/cert-{id}", "last part of the path"),
    ("https://e.org/{id}/verify", "last part of the path"),
    ("https://e.org/verify/{id}#top", "without ?query or #fragment"),
    ("https://e.org/verify/{id}/{id}", "exactly once"),
    ("https://e.org/verify/", "exactly once"),
    ("e.org/verify/{id}", "https://"),
])
def test_a_verify_url_elsewhere_gets_a_clear_message(template, says):
    problem = verify_url_problem(template)
    assert problem and says in problem and "e.g. https://example.org/verify/{id}" in problem


def test_records_that_cannot_make_a_site_are_refused_before_anything_is_written(tmp_path):
    key = provider_key("P", tmp_path / "keys")
    cases = {
        "only capital letters": [dataclasses.replace(BASE, id="../etc")],
        "appears twice": [BASE, BASE],
        "status index 0 is already": [BASE, dataclasses.replace(BASE, id="OTHER")],
        "last part of the path": None,
    }
    for says, records in cases.items():
        out = tmp_path / says.replace(" ", "-")
        with pytest.raises(SiteProblem, match=says):
            write_site(records or [BASE], key, TEMPLATE if records else "https://e.org/?id={id}", out)
        assert not any(out.rglob("*.json"))


def test_in_chromium_a_page_shows_the_certificate_and_its_status(site):
    base, (valid, revoked, superseded, reissued) = browse_site(site[0], [
        {"open": "20260314-7QX2M4KD/"}, {"open": "20260314-REVOKED1/"}, {"open": "20260314-OLD00001/"},
        {"open": "20260314-TWICE001/"}])
    assert valid["title"] == "Certificate 20260314-7QX2M4KD · Sunrise Consulting"
    for line in ("Valid", "Issued to\nAna López", "Licence\nLPC •••512", "Workshop\nRelationship: What It's All About",
                 "Date\n14 March 2026", "Hours\n3 contact hours", "Provider\nSunrise Consulting",
                 "Approval\nApproved by the Example Board of Professional Counselors, provider #123."):
        assert line in valid["text"], line
    assert "Revoked" in revoked["text"] and "It is no longer valid. Reason: issued in error." in revoked["text"]
    assert "Licence\nLMFT •••42" in revoked["text"]
    assert "Superseded by a newer certificate" in superseded["text"] and "20260314-NEW00001" in superseded["text"]
    assert "Dates\n14 March 2026, 15 March 2026" in reissued["text"] and "(version 2)" in reissued["text"]
    assert "replaces 1 earlier version" in reissued["text"]
    for step in (valid, revoked, superseded, reissued):
        assert all(url.startswith(base) for url in step["requests"]), step["requests"]


def test_in_chromium_the_lookup_finds_a_typed_id_and_says_plainly_when_there_is_none(site):
    base, (found, lowercase, missing, nonsense) = browse_site(site[0], [
        {"lookup": "20260314-PARTIAL1"}, {"lookup": "  20260314-7qx2m4kd "}, {"lookup": "20260314-AAAAAAAA"},
        {"lookup": "<script>"}])
    assert found["url"] == base + "20260314-PARTIAL1/" and "Issued to\nBo Chen" in found["text"]
    assert "Hours\n2.25 contact hours" in found["text"] and "Licence" not in found["text"]
    assert lowercase["url"] == base + "20260314-7QX2M4KD/" and "Ana López" in lowercase["text"]
    assert missing["url"] == base
    assert missing["answer"] == ("There is no certificate with the ID 20260314-AAAAAAAA. "
                                 "Check the ID on the certificate and try again.")
    assert nonsense["url"] == base and "is not a certificate ID" in nonsense["answer"]
    assert nonsense["requests"] == []
