"""A certificate record as a signed Open Badges 3.0 credential."""

from __future__ import annotations

from .document import timestamp, unsigned_credential
from .providerkey import ProviderKey
from .record import CertificateRecord
from .signing import signed, to_bytes


def credential_document(record: CertificateRecord, key: ProviderKey, verify_url_template: str,
                        newest_version: int | None = None) -> dict:
    """The signed credential as JSON data. ``newest_version`` is the highest version of the same id
    (default: this record's), which decides whether it is ``credential.json`` or ``credential-vN.json``."""
    document = unsigned_credential(record, key.did, verify_url_template, newest_version or record.version)
    return signed(document, key, timestamp(record.issued))


def credential_json(record: CertificateRecord, key: ProviderKey, verify_url_template: str,
                    newest_version: int | None = None) -> bytes:
    """``verify/<id>/credential.json``: the same record and key always give the same bytes."""
    return to_bytes(credential_document(record, key, verify_url_template, newest_version))
