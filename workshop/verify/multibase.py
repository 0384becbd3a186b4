"""base58btc multibase and the ``did:key`` of an Ed25519 public key."""

from __future__ import annotations

_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_ED25519_PUB = b"\xed\x01"  # the multicodec varint of ed25519-pub (0xed)


def base58btc(data: bytes) -> str:
    """Bitcoin's base58 alphabet; each leading zero byte becomes a leading '1'."""
    number = int.from_bytes(data, "big")
    digits = []
    while number:
        number, rest = divmod(number, 58)
        digits.append(_ALPHABET[rest])
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * zeros + "".join(reversed(digits))


def from_base58btc(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + _ALPHABET.index(char)
    zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def multibase_key(public_key: bytes) -> str:
    """The multibase (``z`` + base58btc) form of a raw 32-byte Ed25519 public key."""
    if len(public_key) != 32:
        raise ValueError("an Ed25519 public key has 32 bytes")
    return "z" + base58btc(_ED25519_PUB + public_key)


def did_key(public_key: bytes) -> str:
    """``did:key:z6Mk...`` for a raw Ed25519 public key."""
    return "did:key:" + multibase_key(public_key)


def verification_method(public_key: bytes) -> str:
    """The key's verification method id inside its own DID document."""
    fragment = multibase_key(public_key)
    return f"did:key:{fragment}#{fragment}"
