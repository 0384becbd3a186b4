"""The outline's JSON Schema: made from the loader's key declarations, shipped as it is made, it
accepts every outline the project and its contract hold, and refuses a misspelt key."""

import json
import re

import jsonschema
import pytest
import yaml

from support import BUNDLED_OUTLINES, DATA, ROOT
from workshop.keys import KEYS
from workshop.schema import SCHEMA_FILE, outline_schema, schema_text

SPEC = ROOT.parent / "shared" / "spec" / "outline-format.md"


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's YAML server reads it for the schema: a date stays text."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def validator():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def problems(text: str) -> list[str]:
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator().iter_errors(yaml.load(text, Loader=EditorLoader))]


def yaml_blocks(markdown) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", markdown.read_text(encoding="utf-8"), re.S)


def test_the_shipped_schema_is_the_one_the_key_declarations_make():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), \
        "a key changed: run python -m workshop.schema > workshop/data/outline.schema.json"
    assert validator().schema == outline_schema()


@pytest.mark.parametrize("outline", BUNDLED_OUTLINES + sorted(DATA.glob("*.yaml")),
                         ids=lambda p: p.name)
def test_every_outline_of_the_project_is_valid(outline):
    assert problems(outline.read_text(encoding="utf-8")) == []


@pytest.mark.skipif(not SPEC.exists(), reason="the shared spec is not beside this checkout")
def test_every_example_of_the_contract_is_valid():
    blocks = yaml_blocks(SPEC)
    assert len(blocks) >= 4
    for block in blocks:
        assert problems(block) == [], block


def test_every_example_of_the_outline_documentation_is_valid():
    checked = 0
    for block in yaml_blocks(ROOT / "docs" / "outline-format.md"):
        # a sketch of the keys, with [...] and {...} for what is described elsewhere, or a piece of a
        # section (slides: ...), is no outline
        try:
            data = yaml.load(block, Loader=EditorLoader)
        except yaml.YAMLError:  # a YAML pitfall shown as the mistake it is
            continue
        if isinstance(data, dict) and set(data) <= set(KEYS["outline"]) and "[...]" not in block \
                and "{...}" not in block:
            assert problems(block) == [], block
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize("misspelt, where", [
    ("workshop:\n  titel: A talk\n", "workshop: Additional properties are not allowed ('titel' was unexpected)"),
    ("sections:\n  - title: One\n    minuts: 30\n",
     "sections.0: Additional properties are not allowed ('minuts' was unexpected)"),
    ("sections:\n  - title: One\n    minutes: 30\n    slides:\n      - title: Hi\n        bulets: [a]\n",
     "sections.0.slides.0: Additional properties are not allowed ('bulets' was unexpected)"),
    ("sections:\n  - break: Lunch\n    minutes: 30\n    title: Lunch\n",
     "sections.0: Additional properties are not allowed ('title' was unexpected)"),
    ("extends: base.yaml\nsections:\n  self-care:\n    minutess: 20\n",
     "sections.self-care: Additional properties are not allowed ('minutess' was unexpected)"),
    ("presenter:\n  - name: Ana\n", ": Additional properties are not allowed ('presenter' was unexpected)"),
    ("ce:\n  provider: X\n  minutes_per_hours: 50\n", "ce: Additional properties are not allowed"),
])
def test_a_misspelt_key_is_refused(misspelt, where):
    found = problems(misspelt)
    assert found and found[0].startswith(where), found


def test_a_value_of_the_wrong_kind_is_refused():
    assert problems("sections:\n  - title: One\n    minutes: 30\n    optional: sometimes\n")
    assert problems("workshop:\n  date: March 14\n")
    assert problems("deck: yes please\n")


def test_the_starter_outline_of_workshop_new_is_valid():
    import datetime as dt

    from workshop.starter import starter_outline

    assert problems(starter_outline('Ethics: "the hard cases"', dt.date(2026, 5, 1))) == []
