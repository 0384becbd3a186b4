"""A certificate record as an unsigned Open Badges 3.0 credential (plain JSON data)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from .address import credential_filename, page_url, site_root, status_list_url
from .contexts import OB_V3, VC_V2
from .record import CertificateRecord

CONTEXT = [VC_V2, OB_V3]


def number(value: Decimal) -> int | float:
    """Hours as JSON writes them: whole hours as an integer (so ``3``, never ``3.0``)."""
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def timestamp(day: dt.date) -> str:
    return f"{day:%Y-%m-%d}T00:00:00Z"


def achievement_id(record: CertificateRecord, template: str) -> str:
    """One id for the workshop's achievement, shared by everyone's credential for it."""
    key = "\x1f".join([site_root(template), record.provider, record.title,
                       ",".join(d.isoformat() for d in record.dates)])
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}"


def criteria_text(record: CertificateRecord) -> str:
    hours = record.hours_available if record.hours_available is not None else record.hours
    days = ", ".join(d.isoformat() for d in record.dates)
    offered = f"{Decimal(hours).normalize():f} {record.unit}"
    text = f"Attended {record.title} ({days}), offered for {offered} by {record.provider}."
    if record.approvals:
        text += " " + " ".join(record.approvals)
    return text


def unsigned_credential(record: CertificateRecord, issuer_did: str, template: str, newest_version: int) -> dict:
    """The credential without its proof, for the record's version."""
    page = page_url(template, record.id)
    status_url = status_list_url(template, record.status_list)
    hours_available = record.hours_available if record.hours_available is not None else record.hours
    achievement = {
        "id": achievement_id(record, template),
        "type": ["Achievement"],
        "name": record.title,
        "description": record.description or record.title,
        "criteria": {"narrative": criteria_text(record)},
        "creditsAvailable": number(hours_available),
    }
    subject = {
        "type": ["AchievementSubject"],
        "identifier": [{"type": "IdentityObject", "identityHash": record.name, "identityType": "name",
                        "hashed": False}],
        "achievement": achievement,
        "creditsEarned": number(record.hours),
        "activityStartDate": min(record.dates).isoformat(),
        "activityEndDate": max(record.dates).isoformat(),
    }
    if record.licence:
        subject["licenseNumber"] = record.licence
    issuer = {"id": issuer_did, "type": ["Profile"], "name": record.provider}
    if record.provider_url:
        issuer["url"] = record.provider_url
    return {
        "@context": list(CONTEXT),
        "id": page + credential_filename(record.version, newest_version),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{record.title}: {number(record.hours)} {record.unit}",
        "issuer": issuer,
        "validFrom": timestamp(record.issued),
        "credentialSubject": subject,
        "credentialStatus": {
            "id": f"{status_url}#{record.status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(record.status_index),
            "statusListCredential": status_url,
        },
    }
