"""The whole ``verify/`` folder from the certificate record: gather and check, then write."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .address import credential_filename, verify_url_problem
from .credential import credential_json
from .pages import certificate_page, long_date, lookup_page
from .providerkey import ProviderKey
from .record import CertificateRecord
from .statuslist import status_list_credential

ID_PATTERN = re.compile(r"[A-Z0-9][A-Z0-9-]{0,63}")


class SiteProblem(ValueError):
    """The records or the address cannot make a correct site; the message says which and why."""


def _check(records: list[CertificateRecord], template: str) -> None:
    problem = verify_url_problem(template)
    if problem:
        raise SiteProblem(f"ce.verify_url {template!r}: {problem}")
    seen, indexes = set(), {}
    for r in records:
        if not ID_PATTERN.fullmatch(r.id):
            raise SiteProblem(f"certificate id {r.id!r}: only capital letters, digits and dashes make a folder name "
                              "every web host serves and the lookup page finds")
        if (r.id, r.version) in seen:
            raise SiteProblem(f"certificate {r.id} version {r.version} appears twice in the record")
        seen.add((r.id, r.version))
        if r.status_index < 0 or r.status_index in indexes:
            raise SiteProblem(f"certificate {r.id} version {r.version}: status index {r.status_index} is "
                              + ("negative" if r.status_index < 0 else f"already {indexes[r.status_index]}'s"))
        indexes[r.status_index] = f"{r.id} version {r.version}"
        if not r.dates:
            raise SiteProblem(f"certificate {r.id}: the record names no session date")


def site_files(records: Iterable[CertificateRecord], key: ProviderKey, verify_url_template: str,
               date_text: Callable[[dt.date], str] = long_date, language: str = "en") -> Iterator[tuple[str, bytes]]:
    """Every file of ``verify/`` as (path inside verify/, bytes), in a stable order.

    ``records`` holds every version of every certificate the ledger issued (revoked and superseded
    ones included: their pages say so and the status list marks the revoked). Raises
    :class:`SiteProblem` before yielding anything when the address or the records are unusable.
    """
    records = sorted(records, key=lambda r: (r.id, r.version))
    _check(records, verify_url_template)
    newest: dict[str, CertificateRecord] = {}
    count: dict[str, int] = {}
    for r in records:
        newest[r.id] = r
        count[r.id] = count.get(r.id, 0) + 1
    providers = sorted({r.provider for r in records})
    yield "index.html", lookup_page(" · ".join(providers), language)
    yield records[0].status_list if records else "status.json", status_list_credential(records, key,
                                                                                        verify_url_template)
    for r in records:
        top = newest[r.id]
        name = credential_filename(r.version, top.version)
        yield f"{r.id}/{name}", credential_json(r, key, verify_url_template, top.version)
        if r is top:
            yield f"{r.id}/index.html", certificate_page(r, date_text, count[r.id] - 1, language)


def write_site(records: Iterable[CertificateRecord], key: ProviderKey, verify_url_template: str, folder: Path,
               date_text: Callable[[dt.date], str] = long_date, language: str = "en") -> list[Path]:
    """Write :func:`site_files` under ``folder`` (made if missing; meant to be the kit's ``verify/``
    inside the pipeline's temporary build folder). Returns the paths written, in a stable order."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written, made = [], {folder}
    for relative, data in site_files(records, key, verify_url_template, date_text, language):
        path = folder / relative
        if path.parent not in made:
            path.parent.mkdir(exist_ok=True)
            made.add(path.parent)
        with open(path, "wb") as f:
            f.write(data)
        written.append(path)
    return written
