"""The whole kit: identical bytes on rebuild, an intact old kit after a failed or killed build."""

import os
import signal
import subprocess
import sys
import time

import pytest

from support import BUNDLED, OUTLINES, assert_rejected, run

ROSTER = OUTLINES / "sample-roster.csv"
KIT = ["deck.pptx", "handouts.pdf", "guide.pdf", "certificates.pdf", "certificates.csv", "sign-in.pdf",
       "evaluation.pdf"]


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_whole_kit_is_built_and_byte_identical_twice(tmp_path):
    for name in ("a", "b"):
        result = run("build", BUNDLED, "--roster", ROSTER, "--out", tmp_path / name, "--split")
        assert result.exit_code == 0, result.stderr
    a, b = snapshot(tmp_path / "a"), snapshot(tmp_path / "b")
    assert set(KIT) <= set(a)
    assert a == b


def test_no_outline_builds_the_bundled_example_with_its_roster(in_tmp):
    result = run("build")
    assert result.exit_code == 0, result.stderr
    assert set(KIT) <= set(snapshot(in_tmp / "build" / "therapeutic-relationship"))


def test_only_rebuilds_the_chosen_outputs_and_keeps_the_rest(tmp_path):
    assert run("build", BUNDLED, "--roster", ROSTER, "--out", tmp_path).exit_code == 0
    before = snapshot(tmp_path)
    (tmp_path / "deck.pptx").unlink()
    result = run("build", BUNDLED, "--roster", ROSTER, "--out", tmp_path, "--only", "deck,sign-in")
    assert result.exit_code == 0 and "deck.pptx" in result.stdout and "guide.pdf" not in result.stdout
    assert snapshot(tmp_path) == before
    assert_rejected(run("build", BUNDLED, "--only", "slides"))


def test_unwritable_output_folder(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run("build", BUNDLED, "--out", blocker / "kit")
    assert_rejected(result)
    assert "cannot write the output folder" in result.stderr


def test_bad_outline_leaves_the_last_good_kit(in_tmp):
    outline = in_tmp / "o.yaml"
    outline.write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
    (in_tmp / "outlines").mkdir()
    assert run("build", outline, "--out", "kit").exit_code == 0
    before = snapshot(in_tmp / "kit")
    outline.write_text(outline.read_text(encoding="utf-8").replace("minutes: 45", "minutes: lots"), encoding="utf-8")
    assert_rejected(run("build", outline, "--out", "kit"))
    assert snapshot(in_tmp / "kit") == before
    assert [p.name for p in in_tmp.iterdir() if p.name.startswith(".kit")] == []


@pytest.mark.parametrize("stage", ["staging folder made", "first output written"])
def test_killed_build_leaves_the_old_kit_intact(tmp_path, stage):
    """Killed while it is surely still building (its staging folder exists, or holds a first
    file): the old kit is untouched, and the next build clears what the killed one left."""
    from workshop import kitdir

    out = tmp_path / "kit"
    assert run("build", BUNDLED, "--roster", ROSTER, "--out", out).exit_code == 0
    before = snapshot(out)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")  # the new kit would differ from the old
    env.pop("WORKSHOP_JOBS", None)
    proc = subprocess.Popen([sys.executable, "-m", "workshop", "build", str(BUNDLED), "--roster", str(ROSTER),
                             "--out", str(out), "--split"], env=env)

    def building() -> bool:
        staged = [p for p in out.iterdir() if p.name.startswith(kitdir.STAGING)]
        return bool(staged) and (stage == "staging folder made" or any(f.is_file() for f in staged[0].rglob("*")))

    deadline = time.monotonic() + 60
    while not building():
        assert proc.poll() is None, "the build finished before it could be stopped"
        assert time.monotonic() < deadline
        time.sleep(0.001)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert {k: v for k, v in snapshot(out).items() if not k.startswith(kitdir.STAGING)} == before
    assert run("build", BUNDLED, "--roster", ROSTER, "--out", out).exit_code == 0
    assert snapshot(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(kitdir.STAGING)]


def test_one_process_and_two_give_the_same_bytes(tmp_path, monkeypatch):
    from workshop import pipeline

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert pipeline._can_fork()
    assert run("build", BUNDLED, "--roster", ROSTER, "--out", tmp_path / "two").exit_code == 0
    monkeypatch.setenv("WORKSHOP_JOBS", "1")
    assert not pipeline._can_fork()
    assert run("build", BUNDLED, "--roster", ROSTER, "--out", tmp_path / "one").exit_code == 0
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_the_second_process_reports_input_errors_and_crashes():
    from workshop import pipeline
    from workshop.errors import InputError, Problem, Src

    def bad_input():
        raise InputError(Problem(Src("o.yaml", 3, 5), "something is wrong", "workshop.title"))

    with pytest.raises(InputError) as caught:
        pipeline._Child(bad_input).result()
    assert [str(p) for p in caught.value.problems] == ["o.yaml:3:5: workshop.title: something is wrong"]

    def crash():
        raise ValueError("a bug in a builder")

    with pytest.raises(RuntimeError, match="ValueError: a bug in a builder"):
        pipeline._Child(crash).result()
    assert pipeline._Child(lambda: {"deck": (["x"], [])}).result() == {"deck": (["x"], [])}


def test_a_crash_in_the_second_process_keeps_the_old_kit(tmp_path, monkeypatch):
    from workshop import pipeline
    from workshop.builders import guide

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert run("build", BUNDLED, "--roster", ROSTER, "--out", tmp_path).exit_code == 0
    before = snapshot(tmp_path)

    def broken(ctx):
        (ctx.out_dir / "guide.pdf").write_bytes(b"half a guide")
        raise ValueError("the guide broke")

    monkeypatch.setattr(guide, "build", broken)
    with pytest.raises(RuntimeError, match="the guide broke"):
        pipeline.build_kit(BUNDLED, tmp_path, roster=ROSTER)
    assert snapshot(tmp_path) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".workshop-building")] == []
