"""The verification site: signed Open Badges 3.0 credentials and static pages for each certificate.

Plain data in, files out; nothing here reads an outline or the ledger. The caller (the pipeline)
turns its certificate record into :class:`CertificateRecord` values (every version of every
certificate, revoked and superseded ones included) and calls, in this order::

    verify_url_problem(template)            # None, or why ce.verify_url cannot place the site
    key = provider_key(provider, kit=out)   # the provider's Ed25519 key, made on first use
    write_site(records, key, template, build_dir / "verify")

:func:`site_files` yields the same files as (path, bytes) without writing. See
docs/verification-site.md for what is published and how to back the key up.
"""

from .address import verify_url_problem
from .credential import credential_document, credential_json
from .providerkey import KeyProblem, ProviderKey, default_key_dir, provider_key
from .pages import certificate_page, long_date, lookup_page, mask_licence
from .record import CertificateRecord, Revoked, Status, Superseded, Valid
from .site import SiteProblem, site_files, write_site
from .statuslist import status_list_credential

__all__ = [
    "CertificateRecord", "Valid", "Superseded", "Revoked", "Status",
    "ProviderKey", "KeyProblem", "provider_key", "default_key_dir",
    "credential_document", "credential_json", "status_list_credential", "verify_url_problem",
    "site_files", "write_site", "SiteProblem", "certificate_page", "lookup_page", "mask_licence", "long_date",
]
