"""Where things live on the published site, all derived from ``ce.verify_url``."""

from __future__ import annotations

from urllib.parse import urlsplit

PLACEHOLDER = "{id}"


def verify_url_problem(template: str) -> str | None:
    """Why ``template`` cannot be a verification address, or ``None`` when it can.

    The site is a folder per certificate, so ``{id}`` must be the last part of the path
    (``https://example.org/verify/{id}`` or ``.../{id}/``), once, with no query or fragment.
    """
    example = "e.g. https://example.org/verify/{id}"
    if template.count(PLACEHOLDER) != 1:
        return f"the address must contain {PLACEHOLDER} exactly once ({example})"
    parts = urlsplit(template.replace(PLACEHOLDER, "\0"))
    if parts.scheme not in ("https", "http") or not parts.netloc:
        return f"the address must start with https:// and name a host ({example})"
    if "\0" in parts.query or "\0" in parts.fragment:
        return (f"{PLACEHOLDER} must be the last part of the path, not in a ?query or #fragment: the site is "
                f"a folder per certificate ({example})")
    if parts.query or parts.fragment:
        return f"{PLACEHOLDER} must end the address, without ?query or #fragment after it ({example})"
    path = parts.path[:-1] if parts.path.endswith("/") else parts.path
    if not path.endswith("/\0"):
        return (f"{PLACEHOLDER} must be the last part of the path, on its own between slashes, where the "
                f"site's folders are ({example})")
    return None


def site_root(template: str) -> str:
    """The address of ``verify/`` itself, ending in a slash."""
    return template[: template.index(PLACEHOLDER)]


def page_url(template: str, cid: str) -> str:
    """The certificate's page (its folder), ending in a slash."""
    return site_root(template) + cid + "/"


def credential_filename(version: int, newest: int) -> str:
    """The newest version of a certificate is ``credential.json``; older ones keep their number."""
    return "credential.json" if version == newest else f"credential-v{version}.json"


def status_list_url(template: str, name: str = "status.json") -> str:
    return site_root(template) + name
