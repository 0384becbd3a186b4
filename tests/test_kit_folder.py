"""The kit folder is the tool's own: it never removes or replaces what the user keeps, follows a
symbolic link, keeps the folder's permissions, keeps issued certificates and lets one build at a
time write."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from support import MINIMAL, assert_rejected, run, write
from workshop import kitdir
from workshop.outputs import owned_names

CERTIFICATES = {"certificates.pdf", "certificates.csv"}


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def outline(folder: Path) -> Path:
    write(folder, "people.csv", "name,email\nAnn Lee,ann@example.org\nBo Chen,bo@example.org\n")
    return write(folder, "talk.yaml", MINIMAL + "ce:\n  provider: Test Provider\n")


def test_a_folder_holding_the_users_files_is_refused_and_left_alone(in_tmp):
    docs = in_tmp / "Documents"
    write(docs, "thesis.docx", "my work")
    write(docs, "notes/today.txt", "more work")
    before = files(docs)
    result = run("build", outline(in_tmp), "--out", docs)
    assert_rejected(result, "Documents: this folder holds files workshop did not write (notes, thesis.docx); "
                            "workshop writes only into a new or empty folder, or one it made. "
                            "Choose another --out, such as a new folder inside this one")
    assert files(docs) == before


def test_the_outlines_own_folder_the_working_folder_and_the_root_are_refused(in_tmp):
    talk = outline(in_tmp)
    text = talk.read_bytes()
    for out in (in_tmp, ".", "/"):
        result = run("build", talk, "--out", out)
        assert_rejected(result)
        assert "holds files workshop did not write" in result.stderr
    assert talk.read_bytes() == text
    assert sorted(p.name for p in in_tmp.iterdir()) == ["people.csv", "talk.yaml"]


def test_an_outline_named_dot_yaml_does_not_take_over_the_build_folder(in_tmp):
    assert run("build", outline(in_tmp)).exit_code == 0
    before = files(in_tmp / "build")
    write(in_tmp, ".yaml", MINIMAL)
    assert_rejected(run("build", ".yaml"), ".yaml: the outline's file name gives no folder name for the kit; "
                                           "rename the outline (e.g. my-workshop.yaml) or give --out DIR")
    assert files(in_tmp / "build") == before


def test_an_empty_folder_is_used_in_place_and_keeps_its_permissions(in_tmp):
    kit = in_tmp / "shared-kit"
    kit.mkdir()
    kit.chmod(0o755)
    inode = kit.stat().st_ino
    for _ in range(2):
        assert run("build", outline(in_tmp), "--out", kit).exit_code == 0
    assert kit.stat().st_ino == inode
    assert stat.S_IMODE(kit.stat().st_mode) == 0o755
    for name in ("deck.pptx", "handouts.pdf"):
        assert (kit / name).stat().st_mode & stat.S_IRGRP, "a shared kit must stay readable"


def test_a_symbolic_link_is_followed_to_its_folder(in_tmp):
    target = in_tmp / "real"
    target.mkdir()
    link = in_tmp / "link"
    link.symlink_to(target)
    assert run("build", outline(in_tmp), "--out", link).exit_code == 0
    assert link.is_symlink() and (target / "deck.pptx").is_file()
    assert sorted(p.name for p in in_tmp.iterdir()) == ["link", "people.csv", "real", "talk.yaml"]


def test_files_the_user_adds_to_a_kit_stay_and_stale_files_of_ours_go(in_tmp):
    talk = outline(in_tmp)
    kit = in_tmp / "kit"
    assert run("build", talk, "--roster", in_tmp / "people.csv", "--out", kit, "--split").exit_code == 0
    singles = sorted((kit / "certificates").iterdir())
    assert singles
    write(kit, "my-notes.txt", "keep me")
    write(kit, "certificates/cover-letter.txt", "keep me too")
    assert run("build", talk, "--roster", in_tmp / "people.csv", "--out", kit).exit_code == 0
    assert (kit / "my-notes.txt").read_text() == "keep me"
    assert (kit / "certificates" / "cover-letter.txt").read_text() == "keep me too"
    assert all(p.exists() for p in singles), "single certificates are issued records: only ever added to"
    listed = json.loads((kit / kitdir.MANIFEST).read_text())["files"]
    assert "my-notes.txt" not in listed and "deck.pptx" in listed


def test_a_rebuild_without_a_roster_keeps_the_issued_certificates(in_tmp):
    talk = outline(in_tmp)
    kit = in_tmp / "kit"
    assert run("build", talk, "--roster", in_tmp / "people.csv", "--out", kit, "--split").exit_code == 0
    issued = {k: v for k, v in files(kit).items() if k.startswith("certificates")}
    assert CERTIFICATES <= set(issued) and len(issued) > 2
    assert run("build", talk, "--out", kit).exit_code == 0
    result = run("build", talk, "--out", kit, "--only", "certificates")
    assert_rejected(result, "--only: certificates need a roster: add --roster FILE (a .csv or .xlsx of attendees)")
    assert {k: v for k, v in files(kit).items() if k.startswith("certificates")} == issued


def test_files_with_the_kits_names_are_still_the_users(in_tmp):
    """Without the manifest, a deck.pptx or last year's ledger in a folder is the user's own."""
    for folder, name in (("decks", "deck.pptx"), ("records", "certificates/2019-scan.pdf")):
        write(in_tmp / folder, name, "the user's own")
        before = files(in_tmp / folder)
        result = run("build", outline(in_tmp), "--roster", in_tmp / "people.csv", "--out", folder)
        assert_rejected(result)
        assert "if they are a kit an earlier version of workshop made, delete the folder" in result.stderr
        assert files(in_tmp / folder) == before


@pytest.mark.parametrize("listed", ['{"files": ["certificates/../../victim.txt"]}', '{"files": "deck.pptx"}',
                                    '{"files": ["/etc/passwd"]}', '{"files": ["deck.pptx/../../x"]}', "not json"])
def test_a_damaged_manifest_never_reaches_outside_the_kit(in_tmp, listed):
    talk = outline(in_tmp)
    kit = in_tmp / "kit"
    assert run("build", talk, "--out", kit).exit_code == 0
    victim = write(in_tmp, "victim.txt", "keep")
    (kit / kitdir.MANIFEST).write_text(listed)
    before = files(kit)
    result = run("build", talk, "--out", kit)
    assert_rejected(result, "kit/.workshop-kit.json: the kit's list of the files it wrote is damaged, so workshop "
                            "cannot tell its files from yours; move the files you want to keep elsewhere, delete "
                            "the folder and build again")
    assert victim.read_text() == "keep" and files(kit) == before


def test_a_build_stopped_while_moving_files_in_is_finished_by_the_next(in_tmp, monkeypatch):
    talk = outline(in_tmp)
    kit = in_tmp / "kit"
    assert run("build", talk, "--out", kit).exit_code == 0
    old = files(kit)
    moved = []
    real_replace = os.replace

    def dies_after_two(src, dst):
        if len(moved) == 2:
            raise KeyboardInterrupt  # as if the build were killed here
        moved.append(dst)
        real_replace(src, dst)

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # the new kit differs from the old
    monkeypatch.setattr(kitdir.os, "replace", dies_after_two)
    with pytest.raises(KeyboardInterrupt):
        from workshop.pipeline import build_kit
        build_kit(talk, kit)
    monkeypatch.undo()
    half = files(kit)
    assert half != old and len(moved) == 2
    leftovers = [p for p in kit.iterdir() if p.name.startswith(kitdir.STAGING)]
    assert len(leftovers) == 1 and (leftovers[0] / kitdir.JOURNAL).is_file()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert run("build", talk, "--out", in_tmp / "fresh").exit_code == 0
    with kitdir.KitFolder(kit, owned_names()):
        pass  # opening the kit finishes the interrupted move
    assert files(kit) == files(in_tmp / "fresh")


def test_a_new_folder_moves_in_whole_and_a_move_stopped_after_it_is_finished(in_tmp, monkeypatch):
    talk = write(in_tmp, "talk.yaml", MINIMAL + "ce:\n  provider: Test Provider\n"
                                                "  verify_url: https://ce.example.org/verify/{id}/\n")
    write(in_tmp, "people.csv", "name,email\nAnn Lee,ann@example.org\nBo Chen,bo@example.org\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    for kit in ("fresh", "kit"):
        assert run("build", talk, "--out", in_tmp / kit).exit_code == 0  # a kit before the workshop
    assert run("build", talk, "--roster", "people.csv", "--out", in_tmp / "fresh").exit_code == 0
    moved = []
    real_replace = os.replace

    def dies_after_a_folder(src, dst):
        if moved and Path(moved[-1]).is_dir():
            raise KeyboardInterrupt  # as if the build were killed here
        moved.append(dst)
        real_replace(src, dst)

    monkeypatch.setattr(kitdir.os, "replace", dies_after_a_folder)
    from workshop.pipeline import build_kit
    with pytest.raises(KeyboardInterrupt):
        build_kit(talk, in_tmp / "kit", roster=in_tmp / "people.csv")
    monkeypatch.undo()
    assert [Path(p).relative_to(in_tmp / "kit").as_posix() for p in moved if Path(p).is_dir()] == ["evidence"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    with kitdir.KitFolder(in_tmp / "kit", owned_names()):
        pass  # opening the kit finishes the interrupted move
    made = files(in_tmp / "fresh")
    assert files(in_tmp / "kit") == made and sum(name.startswith("verify/") for name in made) == 6


def test_two_builds_into_one_folder_both_succeed(in_tmp):
    talk = outline(in_tmp)
    env = {k: v for k, v in os.environ.items() if k != "WORKSHOP_JOBS"}
    command = [sys.executable, "-m", "workshop", "build", str(talk), "--roster", "people.csv", "--out", "kit"]
    for _ in range(3):
        procs = [subprocess.Popen(command, cwd=in_tmp, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for _ in range(2)]
        outcomes = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
        assert [code for _, _, code in outcomes] == [0, 0], outcomes
    assert not [p for p in (in_tmp / "kit").iterdir() if p.name.startswith(kitdir.STAGING)]


def test_a_write_error_in_the_second_process_is_a_message(in_tmp, monkeypatch):
    import errno

    from workshop.builders import guide

    def disk_full(ctx):
        raise OSError(errno.ENOSPC, "No space left on device", str(ctx.out_dir / "guide.pdf"))

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(guide, "build", disk_full)
    talk = outline(in_tmp)
    result = run("build", talk, "--out", "kit")
    assert_rejected(result, "kit: cannot write guide.pdf in the output folder: No space left on device")
    assert not (in_tmp / "kit" / "deck.pptx").exists()


@pytest.mark.parametrize("value", ["abc", "1e9", "-5x", "99999999999999999999", "99999999999", "0"])
def test_a_bad_source_date_epoch_is_a_message(in_tmp, monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    result = run("build", outline(in_tmp))
    assert_rejected(result, f"SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970-01-01 for a date "
                            f"from 1980 to 2099, got {value!r}; unset it to stamp the workshop's date")
    assert not (in_tmp / "build").exists()


def test_a_deck_edited_by_hand_is_never_overwritten(in_tmp):
    from pptx import Presentation

    talk = outline(in_tmp)
    assert run("build", talk, "--out", "kit").exit_code == 0
    deck = Presentation(in_tmp / "kit" / "deck.pptx")
    deck.slides.add_slide(deck.slide_layouts[0]).shapes.title.text = "MY HAND-MADE SLIDE"
    deck.save(in_tmp / "kit" / "deck.pptx")
    before = files(in_tmp / "kit")
    result = run("build", talk, "--out", "kit")
    assert_rejected(result, "kit/deck.pptx: was changed after workshop wrote it; to keep your edits, move or "
                            "rename it (workshop will not overwrite it), then build again")
    assert files(in_tmp / "kit") == before
    (in_tmp / "kit" / "deck.pptx").rename(in_tmp / "kit" / "my-deck.pptx")
    assert run("build", talk, "--out", "kit").exit_code == 0
    assert (in_tmp / "kit" / "my-deck.pptx").read_bytes() == before["deck.pptx"]


def test_a_kit_folder_replaced_by_a_link_is_not_emptied(in_tmp):
    talk = outline(in_tmp)
    roster = ("--roster", in_tmp / "people.csv")
    assert run("build", talk, *roster, "--out", "kit", "--split").exit_code == 0
    archive = in_tmp / "archive"
    (in_tmp / "kit" / "certificates").rename(archive)
    (in_tmp / "kit" / "certificates").symlink_to(archive)
    before = files(archive)
    for _ in range(2):
        result = run("build", talk, *roster, "--out", "kit", "--split")
        assert_rejected(result, "kit/certificates: is not the folder workshop made (a link or a file took its "
                                "place); move it away and build again")
    assert run("build", talk, *roster, "--out", "kit").exit_code == 0  # writes nothing there
    assert files(archive) == before


def test_a_second_build_waits_for_the_lock_on_the_folder(tmp_path):
    from filelock import Timeout

    with kitdir.KitFolder(tmp_path / "kit", {"deck.pptx"}) as kit:
        with pytest.raises(Timeout):
            kitdir._folder_lock(kit.path).acquire(timeout=0.2)
        assert [p.name for p in kit.path.iterdir()] == []  # the lock is kept outside the kit
    lock = kitdir._folder_lock(tmp_path / "kit")
    lock.acquire(timeout=0.2)  # released when the first build ended
    lock.release()
