"""Audience variants: extends chains, section edits by id, and errors in the right file."""

import json

from support import MINIMAL, assert_rejected, run, write

BASE = MINIMAL + """\
  - break: Coffee
    minutes: 10
  - id: practice
    title: Practice
    minutes: 20
    slides:
      - title: Try it
        minutes: 5
"""


def schedule(path):
    result = run("schedule", "--json", path)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_variant_merges_mappings_and_edits_sections_by_id(in_tmp):
    write(in_tmp, "base.yaml", BASE)
    variant = write(in_tmp, "v.yaml", """\
        extends: base.yaml
        workshop:
          start: "13:00"
        sections:
          practice:
            minutes: 40
          coffee: null
        """)
    data = schedule(variant)
    assert data["title"] == "Minimal workshop"
    assert data["start"] == "13:00"
    assert [(i["title"], i["minutes"]) for i in data["items"]] == [("Only section", 30), ("Practice", 40)]


def test_sections_as_a_list_replace_the_base_list(in_tmp):
    write(in_tmp, "base.yaml", BASE)
    variant = write(in_tmp, "v.yaml", "extends: base.yaml\nsections:\n  - title: New\n    minutes: 15\n")
    assert [i["title"] for i in schedule(variant)["items"]] == ["New"]


def test_variant_of_a_variant(in_tmp):
    write(in_tmp, "base.yaml", BASE)
    write(in_tmp, "sub/v1.yaml", "extends: ../base.yaml\nworkshop:\n  title: Level one\n")
    v2 = write(in_tmp, "v2.yaml", "extends: sub/v1.yaml\nsections:\n  practice:\n    minutes: 25\n")
    data = schedule(v2)
    assert data["title"] == "Level one"
    assert data["items"][-1]["minutes"] == 25


def test_unknown_section_id_points_at_the_variant_key(in_tmp):
    write(in_tmp, "base.yaml", BASE)
    write(in_tmp, "v.yaml", "extends: base.yaml\nsections:\n  practise:\n    minutes: 5\n")
    assert_rejected(run("validate", "v.yaml"),
                    "v.yaml:3:3: sections.practise: no section with id 'practise' in the base outline; "
                    "did you mean 'practice'?")


def test_error_written_in_the_base_is_reported_in_the_base(in_tmp):
    write(in_tmp, "base.yaml", BASE.replace("minutes: 20", "minutes: twenty"))
    write(in_tmp, "v.yaml", "extends: base.yaml\nworkshop:\n  start: 25:99\n")
    assert_rejected(run("validate", "v.yaml"),
                    "base.yaml:16:14: section 3, minutes: expected whole minutes, got 'twenty'",
                    "v.yaml:3:10: workshop.start: expected a time like \"09:00\" or \"6:30 PM\", got '25:99'")


def test_cycle(in_tmp):
    write(in_tmp, "a.yaml", "extends: b.yaml\n")
    write(in_tmp, "b.yaml", "extends: a.yaml\n")
    assert_rejected(run("validate", "a.yaml"), "b.yaml:1:10: extends: variants extend each other in a cycle: "
                                               "a.yaml -> b.yaml -> a.yaml")


def test_missing_base(in_tmp):
    write(in_tmp, "v.yaml", "extends: gone.yaml\n")
    assert_rejected(run("validate", "v.yaml"), "v.yaml:1:10: extends: base outline not found: gone.yaml (the path is relative to this outline's folder)")


def test_section_edit_that_is_not_a_mapping(in_tmp):
    write(in_tmp, "base.yaml", BASE)
    write(in_tmp, "v.yaml", "extends: base.yaml\nsections:\n  practice: 40\n")
    assert_rejected(run("validate", "v.yaml"), "v.yaml:3:13: sections.practice: expected a mapping of changes, "
                                               "or null to remove the section")
