"""The certificate record as the verification site reads it: plain, frozen data.

The lead's ledger decides who was certified, which version is current and what was revoked; this
package only reads those decisions (it never recomputes hours or statuses).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Valid:
    """The certificate stands as issued."""


@dataclass(frozen=True)
class Superseded:
    """A newer certificate replaces this one (a correction or a reissue)."""

    by_id: str
    by_version: int


@dataclass(frozen=True)
class Revoked:
    """The provider withdrew the certificate; its credential fails verification."""

    reason: str
    date: dt.date


Status = Valid | Superseded | Revoked


@dataclass(frozen=True)
class CertificateRecord:
    """One issued certificate (one version of it).

    ``id`` is the certificate id printed on the page (e.g. ``20260314-7QX2M4KD``); ``version``
    counts reissues of the same id from 1. ``status_index`` is the record's own position in the
    provider's revocation list: unique per (id, version), never reused. ``hours`` is what this
    attendee earned; ``hours_available`` what the workshop offered (``None``: the same).
    """

    id: str
    version: int
    name: str
    licence: str
    hours: Decimal
    unit: str
    title: str
    description: str
    dates: tuple[dt.date, ...]
    provider: str
    provider_url: str
    approvals: tuple[str, ...]
    issued: dt.date
    status_index: int
    status: Status = field(default_factory=Valid)
    hours_available: Decimal | None = None
    #: The revocation list's file in verify/: one per delivery, so that kits published to one site
    #: (two workshops, or two sessions, of one provider) never overwrite each other's list.
    status_list: str = "status.json"

    @property
    def revoked(self) -> bool:
        return isinstance(self.status, Revoked)
