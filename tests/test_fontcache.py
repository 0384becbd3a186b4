"""Parsed fonts kept between runs: the same bytes with the cache or without it, and a cache file
that is damaged, shared or not the user's is never trusted."""

import os
import subprocess
import sys

from support import BUNDLED
from workshop import fontcache
from workshop.fonts import font_file


def build(folder, out, env):
    roster = BUNDLED.parent / "sample-roster.csv"
    subprocess.run([sys.executable, "-m", "workshop", "build", str(BUNDLED), "--roster", str(roster), "--out",
                    str(folder / out)], check=True, capture_output=True, env={**os.environ, **env})
    return {p.name: p.read_bytes() for p in (folder / out).iterdir() if p.is_file() and not p.name.startswith(".")}


def test_a_build_makes_the_same_bytes_with_a_cold_a_warm_and_no_font_cache(tmp_path):
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    off = build(tmp_path, "off", {**env, "WORKSHOP_FONT_CACHE": "off"})
    assert not (tmp_path / "cache" / "workshop" / "fonts").exists()  # off means nothing written
    cold = build(tmp_path, "cold", env)
    kept = list((tmp_path / "cache" / "workshop" / "fonts").glob("*.faces"))
    assert len(kept) >= 4  # the faces the kit uses, parsed once and kept
    warm = build(tmp_path, "warm", env)
    assert off == cold == warm
    for entry in kept:  # damaged entries are parsed again, never trusted
        entry.write_bytes(b"not a marshal file")
    assert build(tmp_path, "damaged", env) == off


def test_a_cached_face_is_the_parsed_face(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = font_file("sans")
    parsed = fontcache.load_ttfont("ws-test", path)  # parses and keeps
    cached = fontcache.load_ttfont("ws-test", path)  # from the cache
    assert set(cached.__dict__) == set(parsed.__dict__)
    same = {k for k in parsed.face.__dict__ if k != "_pdfScale"}
    assert {k: cached.face.__dict__[k] for k in same} == {k: parsed.face.__dict__[k] for k in same}
    assert cached.face._pdfScale(2048) == parsed.face._pdfScale(2048)
    assert cached.stringWidth("Relationship", 11) == parsed.stringWidth("Relationship", 11)


def test_a_cache_file_others_can_write_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = font_file("sans")
    fontcache.load_ttfont("ws-test", path)
    entry = fontcache._entry(fontcache.cache_dir(), path)
    assert fontcache._read(entry, path) is not None
    entry.chmod(0o666)
    assert fontcache._read(entry, path) is None


def test_the_characters_of_a_font_file_are_read_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = font_file("hebrew")
    reads = []

    def read(p):
        reads.append(p)
        return [(0, "truetype", frozenset({0x05D0, 0x05D1}))]

    assert fontcache.kept_coverage(path, read) == [(0, "truetype", frozenset({0x05D0, 0x05D1}))]
    assert fontcache.kept_coverage(path, read) == [(0, "truetype", frozenset({0x05D0, 0x05D1}))]
    assert reads == [path]  # the second time from the cache
    (entry,) = (tmp_path / "workshop" / "fonts").glob("*.cmap")
    entry.chmod(0o666)  # writable by others: read the font again
    fontcache.kept_coverage(path, read)
    assert reads == [path, path]
