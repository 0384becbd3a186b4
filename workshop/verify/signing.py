"""Data Integrity proofs with the ``eddsa-rdfc-2022`` cryptosuite (W3C vc-di-eddsa, section 3.3)."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache

from .canonical import canonical_nquads
from .multibase import base58btc
from .providerkey import ProviderKey


def proof_config(context: list[str], verification_method: str, created: str) -> dict:
    """The proof options, in the signed document's context."""
    return {
        "@context": list(context),
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    }


def signed(document: dict, key: ProviderKey, created: str) -> dict:
    """``document`` with a proof: the Ed25519 signature over SHA-256(canonical proof options)
    followed by SHA-256(canonical document), as base58btc multibase."""
    config = proof_config(document["@context"], key.verification_method, created)
    digest = (_config_hash(tuple(document["@context"]), key.verification_method, created)
              + hashlib.sha256(canonical_nquads(document).encode("utf-8")).digest())
    proof = {k: v for k, v in config.items() if k != "@context"}
    proof["proofValue"] = "z" + base58btc(key.sign(digest))
    return {**document, "proof": proof}


@lru_cache(maxsize=64)
def _config_hash(context: tuple[str, ...], method: str, created: str) -> bytes:
    # the same for every credential issued on the same day: computed once
    config = proof_config(list(context), method, created)
    return hashlib.sha256(canonical_nquads(config).encode("utf-8")).digest()


def to_bytes(document: dict) -> bytes:
    """The one way a signed document is written: sorted keys, compact, UTF-8, a final newline."""
    return (json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")
