"""workshop.verify.canonical: the fast RDFC-1.0 path gives PyLD's canonical N-Quads for every
document the site signs (credentials, the status list, proof options)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyld import jsonld

from support.verifytools import BASE, TEMPLATE, sample_records
from workshop.verify.canonical import NotCanonicalisable, canonical_nquads, literal
from workshop.verify.contexts import context_documents
from workshop.verify.document import unsigned_credential
from workshop.verify.multibase import did_key
from workshop.verify.signing import proof_config
from workshop.verify.statuslist import encoded_list

DID = did_key(bytes(range(32)))


def local_loader(url, options=None):
    """Contexts from the package's files; anything else is an error (no network in tests)."""
    documents = context_documents()
    if url not in documents:
        raise jsonld.JsonLdError(f"not a shipped context: {url}", "loading document failed")
    return {"contextUrl": None, "documentUrl": url, "document": documents[url]}


def pyld_nquads(document: dict) -> str:
    return jsonld.normalize(document, {"algorithm": "URDNA2015", "format": "application/n-quads",
                                       "documentLoader": local_loader})


def as_read(document: dict) -> dict:
    """The document as a verifier reads it from the published file."""
    return json.loads(json.dumps(document))


# PyLD escapes only \t \n \r " and \ in literals; RDFC-1.0 (and the DCC verifier's rdf-canonize)
# also write \b, \f and \uXXXX for other control characters: tested apart below.
text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="".join(
    chr(c) for c in (*range(0x20), 0x7F) if chr(c) not in "\t\n\r")), max_size=24)
hours = st.integers(0, 48).map(lambda q: Decimal(q) / 4)
days = st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))


@st.composite
def records(draw):
    dates = tuple(sorted(set(draw(st.lists(days, min_size=1, max_size=3)))))
    return dataclasses.replace(
        BASE, name=draw(text), licence=draw(text), hours=draw(hours), unit=draw(text), title=draw(text),
        description=draw(text), dates=dates, provider=draw(text),
        provider_url=draw(st.sampled_from(["", "https://sunrise.example.org/", "https://example.org/a?b=c"])),
        approvals=tuple(draw(st.lists(text, max_size=3))), issued=draw(days),
        status_index=draw(st.integers(0, 10**6)), hours_available=draw(st.one_of(st.none(), hours)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records())
def test_credentials_canonicalise_as_pyld_does(record):
    document = as_read(unsigned_credential(record, DID, TEMPLATE, record.version))
    assert canonical_nquads(document) == pyld_nquads(document)


def test_sample_records_and_their_proof_options_canonicalise_as_pyld_does():
    for record in sample_records():
        document = as_read(unsigned_credential(record, DID, TEMPLATE, 2))
        assert canonical_nquads(document) == pyld_nquads(document)

    config = proof_config(document["@context"], DID + "#" + DID.removeprefix("did:key:"), "2026-03-14T00:00:00Z")
    assert canonical_nquads(config) == pyld_nquads(config)
    assert "_:c14n0 <https://w3id.org/security#proofPurpose> <https://w3id.org/security#assertionMethod>" \
        in canonical_nquads(config)


def test_the_status_list_canonicalises_as_pyld_does():
    from workshop.verify.contexts import VC_V2

    document = {"@context": [VC_V2], "id": "https://e.org/verify/status.json",
                "type": ["VerifiableCredential", "BitstringStatusListCredential"], "issuer": DID,
                "validFrom": "2026-03-14T00:00:00Z",
                "credentialSubject": {"id": "https://e.org/verify/status.json#list", "type": "BitstringStatusList",
                                      "statusPurpose": "revocation", "encodedList": encoded_list([3, 9])}}
    assert canonical_nquads(document) == pyld_nquads(document)


@pytest.mark.parametrize("value, expected", [(3, '"3"'), (0, '"0"'), (2.75, '"2.75E0"'), (0.25, '"2.5E-1"'),
                                             (12.5, '"1.25E1"')])
def test_hours_are_written_in_json_ld_number_forms(value, expected):
    document = as_read(unsigned_credential(dataclasses.replace(BASE, hours=Decimal(str(value))), DID, TEMPLATE, 1))
    line = next(q for q in canonical_nquads(document).splitlines() if "#creditsEarned>" in q)
    assert f"{expected}^^<https://www.w3.org/2001/XMLSchema#float>" in line
    assert line in pyld_nquads(document)


def test_control_characters_are_escaped_as_rdfc_1_0_says():
    assert literal('a"b\\c\td\ne\rf') == '"a\\"b\\\\c\\td\\ne\\rf"'
    assert literal("\b\f\x00\x1f\x7f é") == '"\\b\\f\\u0000\\u001F\\u007F é"'
    assert literal("x", "https://www.w3.org/2001/XMLSchema#date") == '"x"^^<https://www.w3.org/2001/XMLSchema#date>'


def test_a_document_outside_the_known_shape_is_refused_not_guessed():
    document = as_read(unsigned_credential(BASE, DID, TEMPLATE, 1))
    with pytest.raises(NotCanonicalisable, match="unknown term 'awardedDate'"):
        canonical_nquads({**document, "awardedDate": "2026-03-14T00:00:00Z"})
    with pytest.raises(NotCanonicalisable, match="unknown type"):
        canonical_nquads({**document, "type": ["VerifiableCredential", "EndorsementCredential"]})
    twins = {**document, "credentialSubject": [{"narrative": "same"}, {"narrative": "same"}]}
    with pytest.raises(NotCanonicalisable, match="same first-degree hash"):
        canonical_nquads(twins)
