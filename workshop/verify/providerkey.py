"""The provider's signing key: one Ed25519 key per provider, made on first use.

Keys live in ``WORKSHOP_KEY_DIR`` or else the user's configuration folder (``~/.config/workshop/keys``
on Linux, ``~/Library/Application Support/workshop/keys`` on macOS, ``%APPDATA%\\workshop\\keys`` on
Windows), never in a kit. The folder is made readable by its owner alone (0700) and each key file
is 0600; a key file that others can read is refused rather than used. Nothing here prints or logs
the private key; :class:`ProviderKey`'s ``repr`` shows only the public ``did:key``.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .multibase import did_key, verification_method


class KeyProblem(Exception):
    """The key folder or file cannot be used safely; the message says how to fix it."""


@dataclass(frozen=True)
class ProviderKey:
    """A provider's Ed25519 key pair and its ``did:key`` identity."""

    provider: str
    path: Path
    _private: Ed25519PrivateKey = field(repr=False, compare=False)

    @cached_property
    def public_bytes(self) -> bytes:
        return self._private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)

    @cached_property
    def did(self) -> str:
        return did_key(self.public_bytes)

    @cached_property
    def verification_method(self) -> str:
        return verification_method(self.public_bytes)

    def sign(self, message: bytes) -> bytes:
        return self._private.sign(message)


def default_key_dir() -> Path:
    """``WORKSHOP_KEY_DIR`` if set, else the user's configuration folder for workshop keys."""
    if os.environ.get("WORKSHOP_KEY_DIR"):
        return Path(os.environ["WORKSHOP_KEY_DIR"]).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "workshop" / "keys"


def key_filename(provider: str) -> str:
    """A readable, collision-free file name for a provider's key."""
    ascii_name = unicodedata.normalize("NFKD", provider).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-").lower()[:40] or "provider"
    digest = hashlib.sha256(provider.strip().encode("utf-8")).hexdigest()[:10]
    return f"{slug}-{digest}.pem"


def provider_key(provider: str, key_dir: Path | None = None, *, kit: Path | None = None) -> ProviderKey:
    """The provider's key from ``key_dir`` (default :func:`default_key_dir`), made there on first use.

    Raises :class:`KeyProblem` when the folder is inside ``kit`` (keys never enter a kit), when the
    key file can be read by others, or when it is not an Ed25519 private key.
    """
    folder = Path(key_dir) if key_dir is not None else default_key_dir()
    folder = folder.expanduser().resolve()
    if kit is not None:
        kit = Path(kit).resolve()
        if folder == kit or kit in folder.parents:
            raise KeyProblem(f"{folder}: the key folder is inside the kit {kit}; set WORKSHOP_KEY_DIR to a "
                             "folder outside it (keys must never be published with the kit)")
    path = folder / key_filename(provider)
    if not path.exists():
        _create(folder, path)
    return ProviderKey(provider, path, _load(path))


def _create(folder: Path, path: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(folder, 0o700)
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    # written whole under a temporary name, then linked into place: a second process making the
    # same key at the same moment keeps the first one, and no half-written key is ever read
    temp = folder / f".{path.name}.{os.getpid()}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(pem)
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(temp, path)
        except FileExistsError:
            pass
    finally:
        temp.unlink(missing_ok=True)


def _load(path: Path) -> Ed25519PrivateKey:
    if os.name == "posix":
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            raise KeyProblem(f"{path}: the provider's key can be read by others (mode {mode:o}); "
                             f"make it private with: chmod 600 '{path}'")
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError):
        raise KeyProblem(f"{path}: not a readable private key; restore it from your backup "
                         "(a new key would make every published credential unverifiable)") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyProblem(f"{path}: not an Ed25519 key; restore the provider's key from your backup")
    return key
