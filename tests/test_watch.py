"""`workshop watch`: edits to the outline, its base, the roster and pictures rebuild what they
feed, and only that; bad input is shown and the kit stays as it was."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from support import BUNDLED, DATA, MINIMAL, OUTLINES, write
from workshop import pipeline
from workshop.model import Approval
from workshop.outputs import BY_NAME, OUTPUTS
from workshop.watch import fingerprints

BASE = MINIMAL + "      - title: Picture\n        image: {path: chart.png, alt: A chart}\n"

VARIANT = "extends: base.yaml\nworkshop:\n  audience: Nurses\n"


def wait_for(condition, what: str, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"gave up waiting for {what}")


def inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except FileNotFoundError:
        return None


def kit_inodes(kit: Path) -> dict[str, int]:
    return {name: inode(kit / name) for name in ("deck.pptx", "handouts.pdf", "guide.pdf", "certificates.pdf",
                                                 "certificates.csv", "sign-in.pdf", "evaluation.pdf")}


def kit_files(kit: Path) -> dict[str, bytes]:
    """Every file of the kit, the manifest included; a build's staging folder is not the kit."""
    return {p.name: p.read_bytes() for p in kit.iterdir() if p.is_file()}


def slide_titles(deck: Path) -> list[str]:
    return [s.shapes.title.text_frame.text for s in Presentation(str(deck)).slides]


class Watching:
    """`workshop watch` running in a child process, its output going to files we can read."""

    def __init__(self, folder: Path, *args: str):
        self.out, self.err = folder / "watch.out", folder / "watch.err"
        with open(self.out, "w") as out, open(self.err, "w") as err:
            self.proc = subprocess.Popen([sys.executable, "-m", "workshop", "watch", *args], cwd=folder,
                                         stdout=out, stderr=err)

    def said(self, text: str) -> bool:
        return text in self.out.read_text(encoding="utf-8") + self.err.read_text(encoding="utf-8")

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise


def settled(kit: Path) -> bool:
    """No build is half-way through: its staging folder is gone once every file is swapped in."""
    return not any(p.name.startswith(".workshop-building") for p in kit.iterdir())


def changed(before: dict, after: dict) -> set[str]:
    return {name for name in before if before[name] != after[name]}


@pytest.mark.parametrize("how", [[], ["--poll", "0.05"]], ids=["inotify", "polling"])
def test_watch_rebuilds_what_each_edit_feeds(tmp_path, how):
    Image.new("RGB", (400, 200), (30, 90, 160)).save(tmp_path / "chart.png")
    write(tmp_path, "base.yaml", BASE)
    outline = write(tmp_path, "variant.yaml", VARIANT)
    roster = write(tmp_path, "roster.csv", "name,email\nJosé García,jose@example.org\n王芳,wang@example.org\n")
    kit = tmp_path / "kit"
    watching = Watching(tmp_path, "variant.yaml", "--roster", "roster.csv", "--out", "kit", *how)
    try:
        wait_for(lambda: all(kit_inodes(kit).values()) and watching.said("rebuilt"), "the first build")
        first = kit_inodes(kit)
        assert "Hello" in slide_titles(kit / "deck.pptx")

        # A slide edited in the base outline: the deck and what shows slides, nothing else.
        (tmp_path / "base.yaml").write_text(BASE.replace("title: Hello", "title: Hello again"), encoding="utf-8")
        wait_for(lambda: kit_inodes(kit)["guide.pdf"] != first["guide.pdf"] and settled(kit),
                 "the rebuild after a slide edit")
        second = kit_inodes(kit)
        assert changed(first, second) == {"deck.pptx", "handouts.pdf", "guide.pdf"}
        assert "Hello again" in slide_titles(kit / "deck.pptx")

        # A new attendee: certificates and the sign-in sheet only.
        with open(roster, "a", encoding="utf-8") as f:
            f.write("Дмитрий Иванов,dmitri@example.org\n")
        wait_for(lambda: kit_inodes(kit)["sign-in.pdf"] != second["sign-in.pdf"] and settled(kit),
                 "the rebuild after a roster edit")
        third = kit_inodes(kit)
        assert changed(second, third) == {"certificates.pdf", "certificates.csv", "sign-in.pdf"}
        assert "Дмитрий Иванов" in (kit / "certificates.csv").read_text(encoding="utf-8")

        # A mistake: reported with its place, and the kit is left exactly as it was.
        wait_for(lambda: watching.said("roster.csv changed: rebuilt"), "the roster rebuild to finish")
        before = kit_files(kit)
        outline.write_text(VARIANT + "titel: Oops\n", encoding="utf-8")
        wait_for(lambda: watching.said("variant.yaml:4:1: titel: unknown key 'titel'"), "the problem report")
        assert watching.said("1 problem; the kit was left as it was")
        assert kit_files(kit) == before

        # Fixed, and a picture redrawn: the deck follows (and the handouts' miniatures).
        outline.write_text(VARIANT, encoding="utf-8")
        Image.new("RGB", (400, 200), (200, 40, 40)).save(tmp_path / "chart.png")
        wait_for(lambda: kit_inodes(kit)["deck.pptx"] != third["deck.pptx"], "the rebuild after a picture edit")
        wait_for(lambda: watching.said("every output is up to date") or kit_inodes(kit)["guide.pdf"] != third["guide.pdf"],
                 "the rest of the rebuild")
        assert kit_inodes(kit)["certificates.pdf"] == third["certificates.pdf"]
    finally:
        watching.stop()
    assert watching.said("Stopped watching.")
    assert "Traceback" not in watching.err.read_text(encoding="utf-8")


def test_watch_with_a_broken_outline_from_the_start_waits_for_a_fix(tmp_path):
    outline = write(tmp_path, "o.yaml", BASE.replace("minutes: 30", "minutes: thirty"))
    Image.new("RGB", (40, 20)).save(tmp_path / "chart.png")
    watching = Watching(tmp_path, "o.yaml", "--out", "kit")
    try:
        wait_for(lambda: watching.said("o.yaml:8:14: section 1, minutes:"), "the problem report")
        assert not (tmp_path / "kit").exists()
        outline.write_text(BASE, encoding="utf-8")
        wait_for(lambda: (tmp_path / "kit" / "evaluation.pdf").is_file(), "the build after the fix")
    finally:
        watching.stop()


# -- fingerprints ------------------------------------------------------------------------------

def _swap_first(entries, change):
    return (change(entries[0]),) + tuple(entries[1:])


MUTATIONS = {
    "slide title": lambda w: dataclasses.replace(w, sections=tuple(
        dataclasses.replace(s, slides=_swap_first(s.slides, lambda sl: dataclasses.replace(sl, title="Changed")))
        if getattr(s, "slides", ()) else s for s in w.sections)),
    "handout points": lambda w: dataclasses.replace(w, sections=tuple(
        dataclasses.replace(s, handout=dataclasses.replace(s.handout, points=("A new point",)))
        if hasattr(s, "handout") else s for s in w.sections)),
    "objectives": lambda w: dataclasses.replace(w, objectives=w.objectives[:-1]),
    "location": lambda w: dataclasses.replace(w, location="Elsewhere"),
    "theme accent": lambda w: dataclasses.replace(w, theme=dataclasses.replace(w.theme, accent="8A3FFC")),
    "ce approval": lambda w: dataclasses.replace(w, ce=dataclasses.replace(w.ce, approvals=(Approval("Approved again"),))),
    "ce approval for some": lambda w: dataclasses.replace(w, ce=dataclasses.replace(
        w.ce, approvals=w.ce.approvals + (Approval("Approved by the Board", ("LPC",)),))),
    "timezone": lambda w: dataclasses.replace(w, timezone="America/Chicago"),
    "references": lambda w: dataclasses.replace(w, references=w.references[:1]),
}


@pytest.mark.parametrize("what", sorted(MUTATIONS))
def test_an_unchanged_fingerprint_means_unchanged_bytes(tmp_path, what):
    """For each change to the outline, every output whose fingerprint stays the same must come
    out byte for byte the same: the fingerprints leave out nothing an output shows."""
    from workshop.schedule import build_agenda

    roster = OUTLINES / "sample-roster.csv"
    ctx = pipeline.prepare(BUNDLED, tmp_path / "a", roster, evaluations=DATA / "evaluation-responses.csv")
    workshop = MUTATIONS[what](ctx.workshop)
    other = dataclasses.replace(ctx, workshop=workshop, agenda=build_agenda(workshop), out_dir=tmp_path / "b")
    before, after = fingerprints(ctx), fingerprints(other)
    same = [o for o in OUTPUTS if before[o.name] == after[o.name]]
    assert len(same) < len(OUTPUTS), "the change should reach at least one output"
    for c in (ctx, other):
        os.makedirs(c.out_dir)
        pipeline.build_each(same, c)
    compared = 0
    for output in same:
        for file in output.files:
            a, b = tmp_path / "a" / file, tmp_path / "b" / file
            if a.is_file():
                compared += 1
                assert a.read_bytes() == b.read_bytes(), f"{file} changed although its fingerprint did not"
    assert compared or not same


def test_each_output_owns_the_file_its_builder_writes():
    for output in OUTPUTS:
        assert output.builder().FILENAME == output.files[0]
    certificates = BY_NAME["certificates"].builder()
    assert BY_NAME["certificates"].files == (certificates.FILENAME, certificates.LEDGER, certificates.SPLIT_DIR + "/",
                                             certificates.ATTENDANCE, "evidence/", "verify/")


def test_watch_says_each_warning_once(tmp_path):
    """The deck and the other outputs are built in two steps; a roster's warning is the same in
    both and is said once."""
    from workshop.watch import Watcher

    write(tmp_path, "w.yaml", MINIMAL)
    write(tmp_path, "roster.csv", "name,email,shirt size\nAnn Lee,ann@example.org,M\n")
    said: list[str] = []
    watcher = Watcher(tmp_path / "w.yaml", tmp_path / "kit", tmp_path / "roster.csv", say=said.append,
                      complain=said.append)
    watcher.start()
    warnings = [line for line in said if line.startswith("warning:")]
    assert any("shirt size" in w for w in warnings), said
    assert len(warnings) == len(set(warnings)), warnings
