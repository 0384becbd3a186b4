"""The README's walk through the bundled example, run command by command in a fresh folder as a
new user types it, each checked to make what the README says it makes."""

from __future__ import annotations

import re
import shlex
import shutil

from support import ROOT, run

SECTION = "## A walk through the bundled example"


def commands() -> list[list[str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    part = readme[readme.index(SECTION):]
    block = re.search(r"```sh\n(.*?)```", part, re.S).group(1)
    return [shlex.split(line) for line in block.splitlines() if line.strip()]


def test_every_command_of_the_walk_through_makes_what_the_readme_says(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "outlines", tmp_path / "outlines")
    monkeypatch.chdir(tmp_path)
    steps = commands()
    assert [s[:2] for s in steps] == [["workshop", "build"], ["workshop", "verify"], ["workshop", "send"],
                                      ["workshop", "build"], ["workshop", "build"]]
    results = []
    for step in steps:
        result = run(*step[1:])
        assert result.exit_code == 0, (step, result.stdout, result.stderr)
        results.append(result)
    kit, online = tmp_path / "build" / "therapeutic-relationship", tmp_path / "build" / "therapeutic-relationship-online"
    for name in ("deck.pptx", "handouts.pdf", "guide.pdf", "evaluation.pdf", "sign-in.pdf", "quiz.gift",
                 "quiz-qti.zip", "quiz-kahoot.xlsx", "certificates.pdf", "certificates.csv", "attendance.csv",
                 "evidence/manifest.csv", "verify/index.html",
                 "evaluation-summary.pdf", "evaluation-summary.csv"):
        assert (kit / name).is_file(), name
    assert len(list((kit / "verify").glob("status-*.json"))) == 1  # this delivery's signed revocation list
    verified = results[1].stdout.splitlines()
    assert verified and all("issued by this kit, unchanged" in line and "status: valid" in line for line in verified)
    previews = sorted((kit / "send-preview").glob("*.eml"))
    assert len(previews) == len(verified)  # one message per certificate (every sample attendee has an address)
    assert "21 March" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "2026-03-21" in (online / "certificates.csv").read_text(encoding="utf-8-sig")
    assert "partial" in (online / "attendance.csv").read_text(encoding="utf-8-sig")
    assert (online / "evidence").is_dir() and any("decisions" in p.name for p in (online / "evidence").iterdir())
