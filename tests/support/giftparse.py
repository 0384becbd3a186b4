"""A small reader for the GIFT grammar the tests need: multiple choice and true/false questions,
names, ``[format]`` marks, general feedback and backslash escapes, as Moodle's documentation
describes them. It reads the file character by character, so an unescaped special character in
a text shows up as a wrong parse rather than being skipped."""

from __future__ import annotations

from dataclasses import dataclass, field

ESCAPES = {"~": "~", "=": "=", "#": "#", "{": "{", "}": "}", ":": ":", "n": "\n", "\\": "\\"}


@dataclass
class GiftQuestion:
    name: str
    text: str
    answers: list[tuple[str, bool]] = field(default_factory=list)  # (text, right) for multiple choice
    truth: bool | None = None  # for true/false
    feedback: str = ""
    formats: list[str] = field(default_factory=list)


def parse_gift(source: str) -> list[GiftQuestion]:
    blocks, current = [], []
    for line in source.split("\n"):
        if line.strip().startswith("//"):
            continue
        if not line.strip():
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        blocks.append("\n".join(current))
    return [_question(b) for b in blocks]


def _tokens(text: str):
    """(char, escaped) pairs; a backslash escapes the next character."""
    k = 0
    while k < len(text):
        c = text[k]
        if c == "\\":
            nxt = text[k + 1]
            assert nxt in ESCAPES, f"unknown escape \\{nxt}"
            yield ESCAPES[nxt], True
            k += 2
        else:
            yield c, False
            k += 1


def _question(block: str) -> GiftQuestion:
    toks = list(_tokens(block.strip()))
    k = 0
    assert toks[0] == (":", False) and toks[1] == (":", False), block
    k = 2
    name = []
    while not (toks[k] == (":", False) and toks[k + 1] == (":", False)):
        name.append(toks[k][0])
        k += 1
    k += 2
    text = []
    while toks[k] != ("{", False):
        assert toks[k][1] or toks[k][0] not in "}~=#", f"unescaped {toks[k][0]!r} in question text: {block}"
        text.append(toks[k][0])
        k += 1
    end = toks.index(("}", False), k)
    assert end == len(toks) - 1, f"text after the answers: {block}"
    body = toks[k + 1:end]
    q = GiftQuestion("".join(name), "")
    q.text = _strip_format("".join(text), q)
    _answers(body, q)
    return q


def _strip_format(text: str, q: GiftQuestion) -> str:
    text = text.strip()
    if text.startswith("[") and "]" in text:
        fmt, rest = text[1:].split("]", 1)
        if fmt in ("plain", "html", "moodle", "markdown"):
            q.formats.append(fmt)
            return rest.strip()
    return text


def _answers(body: list[tuple[str, bool]], q: GiftQuestion) -> None:
    # an unescaped control character is marked with NUL so escaped ones stay plain text
    raw = "".join("\0" + c if not esc and c in "~=#" else c for c, esc in body)
    if "\0#\0#\0#\0#" in raw:  # general feedback: four unescaped hashes
        raw, feedback = raw.split("\0#\0#\0#\0#", 1)
        assert "\0" not in feedback, f"unescaped control character in feedback: {feedback!r}"
        q.feedback = _strip_format(feedback, q)
    plain = raw.replace("\0", "").strip()
    if "\0" not in raw and plain in ("T", "TRUE", "F", "FALSE"):
        q.truth = plain in ("T", "TRUE")
        return
    pieces = raw.split("\0")
    assert not pieces[0].strip(), f"text before the first answer: {pieces[0]!r}"
    for piece in pieces[1:]:
        mark, text = piece[0], piece[1:]
        assert mark in "~=", f"a {mark!r} where an answer should start"
        q.answers.append((_strip_format(text, q), mark == "="))
