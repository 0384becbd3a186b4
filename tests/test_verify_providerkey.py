"""workshop.verify.providerkey and multibase: one private Ed25519 key per provider, made on first
use outside the kit, never shown."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from workshop.verify import KeyProblem, default_key_dir, provider_key
from workshop.verify.multibase import base58btc, did_key, from_base58btc

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def test_base58btc_round_trips_and_keeps_leading_zeros():
    for data in (b"", b"\0", b"\0\0\x01", bytes(range(40)), b"\xff" * 34):
        assert from_base58btc(base58btc(data)) == data
    assert base58btc(b"hello world") == "StV1DL6CwTryKyV"  # the base58 test vector everyone uses


def test_did_key_is_the_multicodec_ed25519_public_key_in_base58btc():
    public = bytes(range(32))
    did = did_key(public)
    assert did.startswith("did:key:z6Mk")
    assert from_base58btc(did.removeprefix("did:key:z")) == b"\xed\x01" + public


@posix_only
def test_a_key_is_made_once_private_to_its_owner(tmp_path):
    folder = tmp_path / "keys"
    key = provider_key("Sunrise Consulting", folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(key.path.stat().st_mode) == 0o600
    assert key.path.parent == folder.resolve()
    again = provider_key("Sunrise Consulting", folder)
    assert again.did == key.did and again.path == key.path
    other = provider_key("Another Provider, LLC", folder)
    assert other.did != key.did and other.path != key.path
    assert sorted(p.name for p in folder.iterdir()) == sorted([key.path.name, other.path.name])  # no temp files left
    message = b"signed bytes"
    Ed25519PublicKey.from_public_bytes(key.public_bytes).verify(key.sign(message), message)


def test_the_private_key_never_appears_in_its_repr(tmp_path):
    key = provider_key("Sunrise Consulting", tmp_path)
    pem = key.path.read_text()
    shown = repr(key) + str(key)
    assert "PRIVATE" not in shown and pem.splitlines()[1] not in shown
    assert "_private=" not in shown


def test_the_key_folder_comes_from_workshop_key_dir_or_the_configuration_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKSHOP_KEY_DIR", str(tmp_path / "mine"))
    assert default_key_dir() == tmp_path / "mine"
    assert provider_key("P").path.parent == (tmp_path / "mine").resolve()
    monkeypatch.delenv("WORKSHOP_KEY_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "appdata"))
    expected = {"win32": tmp_path / "appdata", "darwin": Path.home() / "Library" / "Application Support"}
    assert default_key_dir() == expected.get(sys.platform, tmp_path / "config") / "workshop" / "keys"


def test_a_key_folder_inside_the_kit_is_refused(tmp_path):
    kit = tmp_path / "kit"
    with pytest.raises(KeyProblem, match="inside the kit"):
        provider_key("P", kit / "keys", kit=kit)
    assert not (kit / "keys").exists()
    assert provider_key("P", tmp_path / "keys", kit=kit).path.exists()


@posix_only
def test_a_key_others_can_read_is_refused_with_the_fix(tmp_path):
    key = provider_key("P", tmp_path)
    os.chmod(key.path, 0o644)
    with pytest.raises(KeyProblem, match=r"can be read by others.*chmod 600"):
        provider_key("P", tmp_path)


def test_a_damaged_key_is_refused_not_replaced(tmp_path):
    key = provider_key("P", tmp_path)
    key.path.write_bytes(b"not a key")
    with pytest.raises(KeyProblem, match="restore it from your backup"):
        provider_key("P", tmp_path)
    assert key.path.read_bytes() == b"not a key"
