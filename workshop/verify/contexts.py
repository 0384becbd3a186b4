"""The JSON-LD contexts a credential names, shipped with the package so nothing is fetched.

``credentials-v2.json`` is the W3C Verifiable Credentials 2.0 context
(https://www.w3.org/ns/credentials/v2); ``ob-context-3.0.3.json`` is 1EdTech's Open Badges 3.0.3
context (https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json). Both are the published
documents, byte for byte as verifiers resolve them.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

_FILES = {VC_V2: "credentials-v2.json", OB_V3: "ob-context-3.0.3.json"}


@cache
def context_documents() -> dict[str, dict]:
    """Each context URL this package uses, with its document."""
    folder = Path(__file__).parent / "contexts"
    return {url: json.loads((folder / name).read_text(encoding="utf-8")) for url, name in _FILES.items()}
