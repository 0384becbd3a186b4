"""Data Integrity proofs with the ``eddsa-rdfc-2022`` cryptosuite (W3C vc-di-eddsa, section 3.3)."""

from __future__ import annotations

import hashlib
import json

from .canonical import canonical_nquads
from .multibase import base58btc
from .providerkey import ProviderKey


def proof_config(document: dict, key: ProviderKey, created: str) -> dict:
    return {
        "@context": document["@context"],
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": created,
        "verificationMethod": key.verification_method,
        "proofPurpose": "assertionMethod",
    }


def signed(document: dict, key: ProviderKey, created: str) -> dict:
    """``document`` with a proof: the Ed25519 signature over SHA-256(canonical proof options)
    followed by SHA-256(canonical document), as base58btc multibase."""
    config = proof_config(document, key, created)
    digest = (hashlib.sha256(canonical_nquads(config).encode("utf-8")).digest()
              + hashlib.sha256(canonical_nquads(document).encode("utf-8")).digest())
    proof = {k: v for k, v in config.items() if k != "@context"}
    proof["proofValue"] = "z" + base58btc(key.sign(digest))
    return {**document, "proof": proof}


def to_bytes(document: dict) -> bytes:
    """The one way a signed document is written: sorted keys, two-space indent, UTF-8, final newline."""
    return (json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")
