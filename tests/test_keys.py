"""The key declarations: each key's default and choices are the ones the model and the outputs use,
so the loader, the schema and the model cannot disagree about them."""

import dataclasses

import pytest

from workshop import model as m
from workshop.keys import KEYS, OUTLINE, SHAPES
from workshop.schedule import CLOCKS, DATE_STYLES

#: Kinds of the outline whose keys are fields of a model class of the same names.
MODELS = {"workshop": m.Workshop, "ce": m.CE, "attendance": m.AttendanceRule, "slide": m.Slide,
          "deck": m.DeckOptions, "handouts": m.HandoutOptions}


def declared_defaults():
    return [(kind, key) for kind, keys in OUTLINE.items() for key, declared in keys.items()
            if declared.default is not None]


@pytest.mark.parametrize("kind, key", declared_defaults(), ids=lambda x: x)
def test_a_declared_default_is_the_models_default(kind, key):
    fields = {f.name: f for f in dataclasses.fields(MODELS[kind])}
    assert fields[key].default == OUTLINE[kind][key].default


def test_every_key_with_a_default_has_one_the_model_knows():
    kinds = {kind for kind, _ in declared_defaults()}
    assert kinds <= set(MODELS), kinds - set(MODELS)


def test_the_choices_are_the_ones_the_outputs_print():
    assert OUTLINE["workshop"]["clock"].choices == CLOCKS
    assert OUTLINE["workshop"]["date_style"].choices == tuple(DATE_STYLES)
    assert OUTLINE["slide"]["layout"].choices == m.LAYOUTS


@pytest.mark.parametrize("kind, key", [(kind, key) for kind, keys in OUTLINE.items()
                                       for key, declared in keys.items() if declared.refusal])
def test_a_key_refusing_other_values_lists_its_choices_and_defaults_to_one(kind, key):
    declared = OUTLINE[kind][key]
    assert declared.default in declared.choices
    assert "{got" in declared.refusal


def test_the_views_follow_the_declarations():
    assert list(KEYS) == list(OUTLINE) == list(SHAPES)
    for kind, keys in OUTLINE.items():
        assert list(KEYS[kind]) == list(SHAPES[kind]) == list(keys)


def test_the_key_reference_in_the_docs_is_the_one_the_declarations_make():
    from workshop.keydocs import DOCS_FILE, reference_text

    assert DOCS_FILE.read_text(encoding="utf-8") == reference_text(), \
        "a key changed: run python -m workshop.keydocs > docs/outline-keys.md"
