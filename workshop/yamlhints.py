"""YAML's surprises, told in a trainer's words with the line to write instead.

Clinical writing and APA references are full of colons, ``#``, quotes, brackets and ``*``, each
of which YAML may read as syntax. These helpers find those places in the text and say how to
write them, usually by showing the offending line with its text in quotes. They work on the
decoded text and PyYAML's marks; :class:`Places` turns a mark's character index into the line
and column an editor shows (PyYAML also ends lines at U+0085, U+2028 and U+2029; editors do not).
"""

from __future__ import annotations

import bisect
import re

import yaml

from workshop.errors import InputError, Problem, Src
from workshop.keys import KEYS

_BREAK = re.compile(r"\r\n|\r|\n")
_ALL_KEYS = {key for keys in KEYS.values() for key in keys}
#: ``#`` right after a plain value and a space, with no space after it: ``provider #SW-0042``.
_CUT = re.compile(r"[ \t]+(#\S[^\r\n]*)")
#: After plain text, "# 2" or "# SW-0042" is how people write numbers ("Part # 2"), not a note.
_CUT_NUMBER = re.compile(r"[ \t]+(#[ \t]+(?:[0-9]|[A-Z]{1,4}-?[0-9])[^\r\n]*)")
#: Characters no output can print: C0 and C1 controls (except tab and newline), surrogate
#: halves, and the two non-characters U+FFFE and U+FFFF.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SEPARATORS = {"\u2028": "a line separator (U+2028)", "\u2029": "a paragraph separator (U+2029)",
               "\x85": "a next-line character (U+0085)"}
_NAMED_ESCAPES = {0x0: "\\0", 0x7: "\\a", 0x8: "\\b", 0xB: "\\v", 0xC: "\\f", 0xD: "\\r", 0x1B: "\\e",
                  0x85: "\\N"}


class Places:
    """Line and column (from 1) of a character index, counting only \\n, \\r\\n and \\r as breaks."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def at(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def quote(text: str) -> str:
    """``text`` as a double-quoted YAML string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def value_start(line: str) -> int:
    """Where the value begins on a line like ``  - title: Some text`` (0-based)."""
    pos = re.match(r"\s*(?:-(?:\s+|$))*", line).end()
    key = re.match(r"""([^\s"'#:\[\]{}&*!|>@`%,?][^:]*?|"[^"]*"|'[^']*')\s*:(?:\s+|$)""", line[pos:])
    in_list = line[:pos].strip().startswith("-")
    if key and (not in_list or key.group(1) in _ALL_KEYS):
        pos += key.end()
    return pos


def corrected_line(line: str, start: int, unclosed: bool = False, single: bool = False) -> str:
    """``line`` without its indentation, the value from ``start`` on put in quotes.

    A value wholly wrapped in one kind of quote is unwrapped first (``'It's fine'`` becomes
    ``"It's fine"``); ``unclosed`` drops an opening quote that was never closed; ``single``
    writes single quotes, where a backslash is an ordinary character.
    """
    prefix = line[:start].strip()
    value = re.sub(r"\s+#\s.*$", "", line[start:]).strip()
    if value[:1] in ("'", '"'):
        if unclosed:
            value = value[1:]
        elif len(value) > 1 and value[-1] == value[0]:
            value = value[1:-1]
    written = "'" + value.replace("'", "''") + "'" if single else quote(value)
    return f"{prefix} {written}" if prefix else written


def check_text(text: str, places: Places, shown: str) -> None:
    """Refuse tabs in indentation and invisible line separators, each at its own line."""
    problems = []
    for n in range(1, len(places.starts) + 1):
        line = places.line_text(n)
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip() and not line.lstrip().startswith("#"):
            problems.append(Problem(Src(shown, n, indent.index("\t") + 1),
                                    "a tab in the indentation; YAML indents with spaces only"))
        for found in re.finditer("[\u2028\u2029\x85]", line):
            problems.append(Problem(Src(shown, n, found.start() + 1),
                                    f"{_SEPARATORS[found.group()]}, invisible and often pasted from a word "
                                    "processor, would break the line here; delete it"))
    if problems:
        raise InputError(problems)


def comment_cut(text: str, places: Places, node) -> tuple[int, str] | None:
    """Where a plain value was cut short by a ``#`` YAML read as a comment, and what to write.

    A comment written the usual way (``# note``, a space after the ``#``) is left alone; a ``#``
    followed by a letter or digit (``#SW-0042``, ``#1``, ``#0B6E4F``) was almost surely text, and
    so is ``# 2`` or ``# SW-0042`` after text (``Part # 2``, ``provider # SW-0042``).
    """
    found = _CUT.match(text, node.end_mark.index)
    if not found and node.value and node.tag.endswith(":str"):
        found = _CUT_NUMBER.match(text, node.end_mark.index)
    if not found:
        return None
    comment = re.split(r"\s+#\s", found.group(1))[0].rstrip()  # a real note may follow
    line, col = places.at(node.start_mark.index)
    prefix = places.line_text(line)[: col - 1].strip()
    if node.value == "":
        fix = f"{prefix} {quote(comment)}".strip()
        return found.start(1), f"the value is empty because YAML reads \"{comment}\" as a comment; " \
                               f"put it in quotes: {fix}"
    fix = f"{prefix} {quote(node.value + ' ' + comment)}".strip()
    last = node.value.split()[-1]
    if node.tag.endswith(":str"):
        return found.start(1), f"the text stops at \"{last}\" because YAML reads \"{comment}\" as a comment; " \
                               f"put the whole text in quotes: {fix}"
    return found.start(1), f"the value stops at {last} because YAML reads \"{comment}\" as a comment; if that " \
                           f"is a note, write a space after the #; otherwise put the whole text in quotes: {fix}"


def bad_character(value: str, source: str) -> tuple[int, str] | None:
    """The first character of ``value`` no output can print: its offset in ``source`` (the
    text as written, where it is usually an escape like ``\\x01``) and what to do."""
    found = _UNPRINTABLE.search(value)
    if not found:
        return None
    code = ord(found.group())
    nxt = value[found.end(): found.end() + 1]
    if 0xD800 <= code <= 0xDBFF and nxt and 0xDC00 <= ord(nxt) <= 0xDFFF:
        whole = 0x10000 + ((code - 0xD800) << 10) + (ord(nxt) - 0xDC00)
        message = (f"\\u{code:04x}\\u{ord(nxt):04x} writes the character {chr(whole)} in two halves, "
                   f"which cannot be printed; write the character itself ({chr(whole)}) or \\U{whole:08X}")
    elif 0xD800 <= code <= 0xDFFF:
        message = (f"\\u{code:04x} is half of a character and cannot be printed; remove it, "
                   "or write the whole character itself")
    else:
        message = f"character U+{code:04X} cannot be printed; remove it"
    escapes = [f"\\x{code:02x}", f"\\u{code:04x}", f"\\U{code:08x}"] + [_NAMED_ESCAPES.get(code, "\\x")]
    pattern = "|".join(re.escape(e) for e in escapes if len(e) > 2 or e in _NAMED_ESCAPES.values())
    written = re.search(pattern, source, re.IGNORECASE)
    return (written.start() if written else 0), message


def number_note(raw: str) -> str:
    """Why YAML would read the plain value ``raw`` as a number the writer did not mean, or ""."""
    raw = raw.strip()
    if ":" in raw:
        value = yaml.safe_load(raw)
        return (f"YAML reads {raw} as the number {value} (it counts it like a clock, 60 to one); write the "
                f"plain number you mean, such as {value} for minutes or {value / 60:g} for hours")
    if re.fullmatch(r"[-+]?0[0-7_]+", raw):
        digits = raw.lstrip("+-").replace("_", "").lstrip("0") or "0"
        return (f"a leading zero makes YAML read {raw} as the octal number {yaml.safe_load(raw)}; "
                f"write {digits} (no leading zero)")
    if re.fullmatch(r"[-+]?0[xb][0-9a-fA-F_]+", raw):
        kind = "hexadecimal" if "x" in raw else "binary"
        return f"YAML reads {raw} as the {kind} number {yaml.safe_load(raw)}; write the number in ordinary digits"
    if "_" in raw:
        plain = raw.replace("_", "")
        return f"YAML reads {raw} as {plain} (it ignores the _); write {plain}"
    return ""


def _fix_at(places: Places, mark, **how) -> str:
    line_no = places.at(mark.index)[0]
    while line_no > 1 and not places.line_text(line_no).strip():
        line_no -= 1
    line = places.line_text(line_no)
    return corrected_line(line, value_start(line), **how)


def syntax_problem(exc: yaml.MarkedYAMLError, places: Places, shown: str) -> Problem:
    """A YAML syntax error as a trainer would want it: where, why, and the line to write."""
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    ctx = exc.context_mark or mark
    if mark is None:
        return Problem(Src(shown, 1, 1), f"not valid YAML: {problem}")
    line_no, col = places.at(mark.index)
    line = places.line_text(line_no)
    here = Src(shown, line_no, col)
    char = line[col - 1: col]
    if "'\\t'" in problem or "tab character" in problem:
        return Problem(here, "a tab where YAML expects spaces")
    if "quoted scalar" in context and "end of stream" in problem:
        return Problem(Src(shown, *places.at(ctx.index)),
                       "this quote is never closed; end the text with the same quote mark it starts with: "
                       + _fix_at(places, ctx, unclosed=True))
    if "double-quoted scalar" in context:
        return Problem(here, "inside double quotes a backslash starts a special code; write \\\\ for a "
                             "backslash, or use single quotes: " + _fix_at(places, ctx, single=True))
    if "mapping values are not allowed" in problem:
        return Problem(here, _colon_message(places, line_no, line, col))
    if "expected <block end>" in problem:
        start = value_start(line)
        opener = line[start: start + 1]
        if "<scalar>" in problem and opener in "\"'[{" and opener and start < col - 1:
            closer = {"[": "]", "{": "}"}.get(opener, opener)
            return Problem(here, f"the text starts with {opener}, so YAML ends it at the closing {closer} and "
                                 "cannot read the rest; put the whole text in quotes: "
                                 + corrected_line(line, start))
        return Problem(here, "this line is not lined up with the lines above it; start it in the same column "
                             "as the other keys (or '-' entries) of its group, indenting with spaces")
    if "alias" in problem or "alias" in context or "anchor" in context:
        what = ("a reference to another part of the file" if "alias" in problem + context
                else "a name for reuse (an anchor)")
        symbol = "*" if "alias" in problem + context else "&"
        at_line, at_col = places.at((ctx if "scanning" in context else mark).index)
        return Problem(Src(shown, at_line, at_col),
                       f"YAML reads a {symbol} at the start of a text as {what}; put the whole text in quotes: "
                       + corrected_line(places.line_text(at_line), at_col - 1))
    if "cannot start any token" in problem:
        return Problem(here, f"YAML does not let a text start with {char}; put the whole text in quotes: "
                             + corrected_line(line, col - 1))
    if "block scalar" in context:
        at_line, at_col = places.at(ctx.index)
        symbol = places.line_text(at_line)[at_col - 1]
        return Problem(Src(shown, at_line, at_col),
                       f"a {symbol} at the start of a text begins a block of lines in YAML; put the whole text "
                       "in quotes: " + corrected_line(places.line_text(at_line), at_col - 1))
    if "could not find expected ':'" in problem:
        return Problem(Src(shown, *places.at(ctx.index)),
                       "this line has no ':' after its key; if it is more text for the line above, indent it "
                       "further or put the whole text on one line in quotes; if it is a key, add ':' after it")
    if "flow" in context:
        at_line, at_col = places.at(ctx.index)
        while at_line > 1 and not places.line_text(at_line).strip():
            at_line, at_col = at_line - 1, value_start(places.line_text(at_line - 1)) + 1
        return Problem(Src(shown, at_line, at_col),
                       "a [ or { here starts a list or mapping that YAML cannot read to its closing ] or }; "
                       "close it, or if this is text, put the whole text in quotes: " + _fix_at(places, ctx))
    return Problem(here, f"YAML cannot read this line ({problem}); check its quotes, colons and indentation. "
                         "Text that contains ': ' or ' #', or starts with [ { * & ! | > @ ` \" ', "
                         "is safest in quotes")


def more_syntax_problems(text: str, shown: str, first: Problem) -> list[Problem]:
    """Syntax problems besides ``first`` (where the whole document stopped being readable): each
    top-level block, and each entry of a top-level list (a section, say), is read on its own, with
    the other lines left blank so every line keeps its number, and the first problem in each is
    told. One run then names a mistake in the workshop block and one in each broken section."""
    lines = text.split("\n")
    found = []
    for first_line, last_line in _pieces(lines):
        piece = "\n".join(line if first_line <= n <= last_line else "" for n, line in enumerate(lines))
        loader = None
        try:
            loader = yaml.SafeLoader(piece)
            loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            problem = syntax_problem(exc, Places(piece), shown)
            if problem.src.line != first.src.line and problem.src.line > 0:
                found.append(problem)
        except (yaml.YAMLError, RecursionError):
            pass  # told by the reading of the whole document, or not a problem of this piece alone
        finally:
            if loader is not None:
                loader.dispose()
    return list(dict.fromkeys(found))


def _pieces(lines: list[str]) -> list[tuple[int, int]]:
    """The (first, last) line indexes of each top-level block, a list's block cut into its entries."""
    starts = [n for n, line in enumerate(lines) if line[:1] not in ("", " ", "#", "\t") and not line.startswith("---")]
    pieces = []
    for k, start in enumerate(starts):
        end = (starts[k + 1] if k + 1 < len(starts) else len(lines)) - 1
        entries = [n for n in range(start + 1, end + 1) if re.match(r"^( *)- ", lines[n])]
        indent = min((len(lines[n]) - len(lines[n].lstrip(" ")) for n in entries), default=None)
        items = [n for n in entries if len(lines[n]) - len(lines[n].lstrip(" ")) == indent]
        if len(items) > 1:
            pieces += [(n, (items[j + 1] if j + 1 < len(items) else end + 1) - 1) for j, n in enumerate(items)]
        else:
            pieces.append((start, end))
    return pieces


def _colon_message(places: Places, line_no: int, line: str, col: int) -> str:
    start = value_start(line)
    if start < col - 1 and line[start:].strip():
        return ("YAML reads ': ' inside this text as the start of a key; put the whole text in quotes: "
                + corrected_line(line, start))
    above = places.line_text(line_no - 1) if line_no > 1 else ""
    squeezed = re.match(r"\s*(?:-\s+)*([^\s:#'\"]+):(\S.*)$", above)
    if squeezed and "://" not in above:
        return (f"line {line_no - 1} needs a space after its ':' (YAML reads '{above.strip()}' as text); "
                f"write: {squeezed.group(1)}: {squeezed.group(2)}")
    if _indent(line) <= _indent(above) and ":" not in above:
        return (f"line {line_no - 1} has no ':', so YAML reads it and this line as one key; write line "
                f"{line_no - 1} as 'key: value', or put its text in quotes")
    return ("YAML cannot use the ':' here: this line is indented further than the line above, so YAML "
            "takes it as more of that line's text; line it up with the keys above it (if it is more text, "
            "put the whole text in quotes)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
