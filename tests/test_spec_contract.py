"""The product contract's own examples, run as they are written in outline-format.md."""

import json
import re
import shutil

import pytest

from support import BUNDLED, BUNDLED_OUTLINES, DATA, ROOT, run

SPEC = ROOT.parent / "shared" / "spec" / "outline-format.md"


@pytest.mark.skipif(not SPEC.exists(), reason="the shared spec is not beside this checkout")
def test_our_copies_of_the_spec_examples_are_verbatim():
    blocks = re.findall(r"```yaml\n(.*?)```", SPEC.read_text(encoding="utf-8"), re.S)
    example = (DATA / "spec-example.yaml").read_text(encoding="utf-8")
    assert example.split("\n", 1)[1] == blocks[0]
    assert (DATA / "spec-variant.yaml").read_text(encoding="utf-8") == blocks[1]


def test_spec_example_schedule_json_figure_for_figure():
    result = run("schedule", "--json", DATA / "spec-example.yaml")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {k: data[k] for k in ("title", "start", "end", "total_minutes", "instructional_minutes", "ce_hours")} == {
        "title": "Relationship: What It's All About", "start": "09:00", "end": "11:35",
        "total_minutes": 155, "instructional_minutes": 140, "ce_hours": 2.25}
    assert data["items"][0] == {"kind": "section", "id": "intro", "title": "Introduction",
                                "start": "09:00", "end": "09:10", "minutes": 10, "optional": False}
    assert data["items"][2] == {"kind": "break", "title": "Morning break", "start": "09:45",
                                "end": "10:00", "minutes": 15}
    assert [i["minutes"] for i in data["items"]] == [10, 35, 15, 50, 25, 20]
    assert [i.get("optional") for i in data["items"]] == [False, False, None, False, True, False]
    assert list(data) == ["title", "start", "end", "total_minutes", "instructional_minutes", "ce_hours", "items"]


def test_spec_variant_example_is_valid_against_the_bundled_outline(tmp_path):
    shutil.copytree(BUNDLED.parent, tmp_path / "outlines")
    variant = tmp_path / "outlines" / "spec-nurses.yaml"
    shutil.copy(DATA / "spec-variant.yaml", variant)
    result = run("schedule", "--json", variant)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["start"] == "13:00"
    ids = [i.get("id") for i in data["items"]]
    assert "discussion-and-close" not in ids
    self_care = next(i for i in data["items"] if i.get("id") == "self-care")
    assert self_care["minutes"] == 20


def test_every_bundled_outline_validates():
    outlines = BUNDLED_OUTLINES
    assert len(outlines) >= 4
    for outline in outlines:
        result = run("validate", outline)
        assert result.exit_code == 0, (outline, result.stderr)
        assert "valid" in result.stdout
