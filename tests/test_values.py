"""workshop.values on its own: what counts as one line of text and what shows on paper at all."""

import pytest

from workshop.values import one_line, visible


@pytest.mark.parametrize("text, line", [
    ("Title", "Title"),
    ("Two\nlines", "Two lines"),
    ("  spaced  \n\t  out  ", "spaced out"),
    ("a\r\nb\u2028c\u2029d\x85e", "a b c d e"),  # every kind of line break, the Windows pair as one
    ("keep  double  spaces", "keep  double  spaces"),  # only breaks are folded
])
def test_one_line_reads_each_line_break_as_one_space(text, line):
    assert one_line(text) == line


@pytest.mark.parametrize("text, shows", [
    ("a", True), ("·", True), ("王", True), ("e\u0301", True),
    ("", False), ("   ", False), ("\u00a0\u2003", False),  # spaces, however wide
    ("\u200b\u200d\ufeff", False),  # zero-width space, joiner, byte-order mark
    ("\u00ad\u3164\u2800", False),  # a soft hyphen, the Hangul filler, a blank Braille cell
    ("\x1b", False),
])
def test_visible_is_whether_anything_prints(text, shows):
    assert visible(text) is shows
