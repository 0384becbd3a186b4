"""The provider's revocation list: a W3C Bitstring Status List credential, signed."""

from __future__ import annotations

import base64
import datetime as dt
import gzip
from collections.abc import Iterable

from .address import status_list_url
from .contexts import VC_V2
from .document import timestamp
from .providerkey import ProviderKey
from .record import CertificateRecord, Revoked, Superseded
from .signing import signed, to_bytes

MIN_BITS = 16 * 1024 * 8  # the spec's minimum (16 KB), so a list reveals little about any one entry


def encoded_list(revoked: Iterable[int], size: int = MIN_BITS) -> str:
    """GZIP-compressed, base64url (multibase ``u``) bitstring; index 0 is the first byte's high bit."""
    revoked = sorted(set(revoked))
    if revoked and revoked[0] < 0:
        raise ValueError("a status index is a whole number from 0")
    bits = max(size, ((revoked[-1] + 1 + 7) // 8) * 8 if revoked else 0)
    bits = (bits + MIN_BITS - 1) // MIN_BITS * MIN_BITS
    data = bytearray(bits // 8)
    for index in revoked:
        data[index // 8] |= 0x80 >> (index % 8)
    packed = gzip.compress(bytes(data), compresslevel=9, mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def decode_list(encoded: str) -> bytes:
    if not encoded.startswith("u"):
        raise ValueError("encodedList must be multibase base64url ('u')")
    body = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def list_date(records: list[CertificateRecord]) -> dt.date:
    """The list's date: the latest issue or revocation it reflects (not the clock, for stable bytes)."""
    days = [r.issued for r in records] + [r.status.date for r in records if isinstance(r.status, Revoked)]
    return max(days) if days else dt.date(1970, 1, 1)


def status_list_credential(records: Iterable[CertificateRecord], key: ProviderKey, verify_url_template: str) -> bytes:
    """``verify/status.json``: every revoked or superseded record's bit set, signed by the provider's key."""
    records = list(records)
    url = status_list_url(verify_url_template, records[0].status_list if records else "status.json")
    when = timestamp(list_date(records))
    document = {
        "@context": [VC_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": key.did,
        "validFrom": when,
        "credentialSubject": {
            "id": url + "#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            # a superseded version no longer states the record (a correction replaced it): it fails too
            "encodedList": encoded_list(r.status_index for r in records
                                        if r.revoked or isinstance(r.status, Superseded)),
        },
    }
    return to_bytes(signed(document, key, when))
