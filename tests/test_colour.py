"""workshop.colour on its own: WCAG 2 contrast figures anyone can check, and the darkening, tinting
and choice of print ink that the themes and the PDFs rely on."""

import pytest

from workshop import colour


@pytest.mark.parametrize("a, b, ratio", [
    ("000000", "FFFFFF", 21.0),  # the largest contrast there is
    ("FFFFFF", "FFFFFF", 1.0),  # none
    ("767676", "FFFFFF", 4.54),  # the lightest grey that passes AA on white
    ("777777", "FFFFFF", 4.48),  # one step lighter fails it
    ("0000FF", "FFFFFF", 8.59),
])
def test_contrast_is_the_wcag_ratio_either_way_round(a, b, ratio):
    assert colour.contrast(a, b) == pytest.approx(ratio, abs=0.01)
    assert colour.contrast(b, a) == colour.contrast(a, b)


def test_luminance_runs_from_black_to_white_by_channel_weight():
    assert colour.luminance("000000") == 0 and colour.luminance("FFFFFF") == pytest.approx(1)
    assert colour.luminance("00FF00") > colour.luminance("FF0000") > colour.luminance("0000FF")


def test_readable_darkens_only_as_far_as_it_must():
    assert colour.readable("1F3A5F") == "1F3A5F"  # already reads on white: unchanged
    light = colour.readable("F0A0C0")
    assert colour.AA_NORMAL <= colour.contrast(light, "FFFFFF") < colour.AA_NORMAL + 0.2  # just past the line
    assert light == "9A667B"  # 64 % of each channel of F0A0C0: the same hue, darker
    assert colour.readable("FFFFFF", background="000000", ratio=22) == "000000"  # no colour reaches 22: black


def test_tint_mixes_towards_white():
    assert colour.tint("204080", 1) == "204080" and colour.tint("204080", 0) == "FFFFFF"
    assert colour.tint("000000", 0.5) == "808080"
    assert colour.tint("FFFFFF", 0.5, towards="000000") == "808080"


@pytest.mark.parametrize("hex_colour, yellow", [("F2C94C", True), ("E8D44D", True), ("FFD700", True), ("FCA311", False),
                                                ("1F77B4", False), ("D62728", False), ("C0C0C0", False)])
def test_yellowish_is_yellow_gold_and_lime_only(hex_colour, yellow):
    assert colour.yellowish(hex_colour) is yellow


def test_deepen_keeps_the_hue_and_reaches_the_target():
    deep = colour.deepen("9EC9F0")  # a pale blue
    assert colour.contrast(deep, "FFFFFF") >= colour.DEEP_TARGET
    r, g, b = (int(deep[i:i + 2], 16) for i in (0, 2, 4))
    assert b > g > r  # still a blue, not a grey


def test_print_ink_prefers_the_chosen_then_a_colour_that_reads_then_a_deepened_one():
    assert colour.print_ink("9EC9F0", "FCA311", chosen="1F3A5F") == "1F3A5F"
    assert colour.print_ink("9EC9F0", "14213D") == "14213D"  # the accent reads on paper
    assert colour.print_ink("FFD700", "9EC9F0") == colour.deepen("9EC9F0") == "175B98"  # gold would go olive
    assert colour.print_ink("FFD700", "E8D44D") == colour.SLATE  # two yellows


def test_rule_ink_shows_on_paper():
    assert colour.rule_ink("1F3A5F", "000000") == "1F3A5F"
    assert colour.rule_ink("FFD700", "2B3A4A") == "2B3A4A"  # a yellow rule takes the print ink
    assert colour.contrast(colour.rule_ink("BFD7EA", "000000"), "FFFFFF") >= 3.0
