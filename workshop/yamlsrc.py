"""Safe YAML reading that remembers where every value was written.

:func:`read_yaml` turns a file into a small tree of :class:`Map`, :class:`Seq` and
:class:`Scalar` nodes, each with its :class:`~workshop.errors.Src`. Only the plain YAML
types are accepted (strings, numbers, booleans, null, dates, lists, mappings); any other tag,
such as ``!!python/object``, is refused and never constructed. Duplicate keys, tabs in
indentation, bytes that are not UTF-8 and documents whose aliases would expand beyond a fixed
budget are reported as problems with their positions.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from workshop.errors import InputError, Problem, Src

#: Most values a document may expand to once aliases are followed. A real outline of
#: thousands of slides stays far below; a "billion laughs" document is far above.
MAX_EXPANDED_NODES = 1_000_000

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_constructor = yaml.constructor.SafeConstructor()


@dataclass
class Node:
    src: Src


@dataclass
class Scalar(Node):
    value: Any
    raw: str = ""
    quoted: bool = False


@dataclass
class Seq(Node):
    items: list[Node] = field(default_factory=list)


@dataclass
class Entry:
    key_src: Src
    value: Node


@dataclass
class Map(Node):
    entries: dict[str, Entry] = field(default_factory=dict)

    def get(self, key: str) -> Node | None:
        entry = self.entries.get(key)
        return entry.value if entry else None


def is_null(node: Node | None) -> bool:
    return node is None or (isinstance(node, Scalar) and node.value is None)


def read_yaml(path: Path, shown: str) -> Node | None:
    """Read ``path`` as one YAML document; ``shown`` is the file name used in messages.

    Returns None for a document with no content. Raises :class:`InputError` listing every
    problem found.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(Problem(Src(shown), "file not found")) from None
    except IsADirectoryError:
        raise InputError(Problem(Src(shown), "is a folder, not a file")) from None
    except OSError as exc:
        raise InputError(Problem(Src(shown), f"cannot read: {exc.strerror}")) from None
    return parse_yaml(data, shown)


def parse_yaml(data: bytes, shown: str) -> Node | None:
    text = _decode(data, shown)
    _check_tabs(text, shown)
    loader = None
    try:
        loader = yaml.SafeLoader(text)
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise InputError(_syntax_problem(exc, shown)) from None
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise InputError(Problem(Src(shown, line, col),
                                 f"character U+{code:04X} is not allowed in YAML text")) from None
    except yaml.YAMLError as exc:
        raise InputError(Problem(Src(shown, 1, 1), f"not valid YAML: {exc}")) from None
    except RecursionError:
        raise InputError(Problem(Src(shown, 1, 1), "lists or mappings are nested too deeply")) from None
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        return None
    return _Converter(shown).convert_root(root)


def _decode(data: bytes, shown: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        byte = data[exc.start]
        raise InputError(Problem(Src(shown, line, col),
                                 f"byte {byte:#04x} is not UTF-8 text; save the file as UTF-8")) from None


def _check_tabs(text: str, shown: str) -> None:
    problems = []
    for n, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip() and not line.lstrip().startswith("#"):
            problems.append(Problem(Src(shown, n, indent.index("\t") + 1),
                                    "a tab in the indentation; YAML indents with spaces only"))
    if problems:
        raise InputError(problems)


def _line_col(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def _syntax_problem(exc: yaml.MarkedYAMLError, shown: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = exc.problem or "not valid YAML"
    if exc.context and exc.context_mark and exc.context_mark is not mark:
        message = f"{message} ({exc.context} at line {exc.context_mark.line + 1})"
    if "found character '\\t'" in message:
        message = "a tab where YAML expects spaces"
    return Problem(Src(shown, line, col), f"YAML syntax: {message}")


class _Converter:
    """Turns composed PyYAML nodes into located nodes, checking tags, keys and expansion."""

    def __init__(self, shown: str):
        self.shown = shown
        self.problems: list[Problem] = []
        self.done: dict[int, Node] = {}

    def src(self, node) -> Src:
        return Src(self.shown, node.start_mark.line + 1, node.start_mark.column + 1)

    def convert_root(self, root) -> Node:
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, 20000))
        try:
            size = self._expanded_size(root, {}, set())
            if size > MAX_EXPANDED_NODES:
                raise InputError(Problem(self.src(root),
                                         f"aliases expand this document to more than "
                                         f"{MAX_EXPANDED_NODES:,} values; refusing to read it"))
            result = self._convert(root)
        except RecursionError:
            raise InputError(Problem(self.src(root), "lists or mappings are nested too deeply")) from None
        finally:
            sys.setrecursionlimit(limit)
        if self.problems:
            raise InputError(self.problems)
        return result

    def _expanded_size(self, node, sizes: dict[int, int], active: set[int]) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise InputError(Problem(self.src(node), "an alias refers to the list or mapping that contains it"))
        active.add(key)
        total = 1
        if isinstance(node, SequenceNode):
            for child in node.value:
                total += self._expanded_size(child, sizes, active)
                if total > MAX_EXPANDED_NODES:
                    break
        elif isinstance(node, MappingNode):
            for k, v in node.value:
                total += self._expanded_size(k, sizes, active) + self._expanded_size(v, sizes, active)
                if total > MAX_EXPANDED_NODES:
                    break
        active.discard(key)
        sizes[key] = total
        return total

    def _convert(self, node) -> Node:
        key = id(node)
        if key in self.done:
            return self.done[key]
        src = self.src(node)
        if isinstance(node, ScalarNode):
            result = self._scalar(node, src)
        elif isinstance(node, SequenceNode):
            if node.tag != _TAG + "seq":
                self._bad_tag(node, src)
            result = Seq(src, [self._convert(child) for child in node.value])
        else:
            if node.tag != _TAG + "map":
                self._bad_tag(node, src)
            result = self._mapping(node, src)
        self.done[key] = result
        return result

    def _bad_tag(self, node, src: Src) -> None:
        self.problems.append(Problem(src, f"the YAML tag {node.tag!r} is not allowed; "
                                          "only plain text, numbers, dates, lists and mappings"))

    def _scalar(self, node: ScalarNode, src: Src) -> Scalar:
        tag = node.tag
        quoted = node.style in ("'", '"', "|", ">")
        if tag == _TAG + "merge":
            self.problems.append(Problem(src, "YAML merge keys ('<<') are not supported; "
                                              "use 'extends:' to build on another outline"))
            return Scalar(src, None, node.value, quoted)
        if tag not in _SCALAR_TAGS:
            self._bad_tag(node, src)
            return Scalar(src, None, node.value, quoted)
        try:
            if tag == _TAG + "str":
                value: Any = node.value
            elif tag == _TAG + "null":
                value = None
            elif tag == _TAG + "bool":
                value = _constructor.construct_yaml_bool(node)
            elif tag == _TAG + "int":
                value = _constructor.construct_yaml_int(node)
            elif tag == _TAG + "float":
                value = _constructor.construct_yaml_float(node)
            else:
                value = _constructor.construct_yaml_timestamp(node)
                if isinstance(value, dt.datetime) and value.tzinfo is not None:
                    value = value.replace(tzinfo=None)
        except (ValueError, OverflowError, yaml.YAMLError):
            self.problems.append(Problem(src, f"{node.value!r} is not a valid value here"))
            value = node.value
        return Scalar(src, value, node.value, quoted)

    def _mapping(self, node: MappingNode, src: Src) -> Map:
        result = Map(src)
        for key_node, value_node in node.value:
            key_src = self.src(key_node)
            if not isinstance(key_node, ScalarNode):
                self.problems.append(Problem(key_src, "a key must be plain text, not a list or mapping"))
                continue
            if key_node.tag == _TAG + "merge":
                self._scalar(key_node, key_src)
                continue
            key = str(key_node.value)
            value = self._convert(value_node)
            if key in result.entries:
                first = result.entries[key].key_src
                self.problems.append(Problem(key_src, f"duplicate key '{key}' (first written at line {first.line})"))
                continue
            result.entries[key] = Entry(key_src, value)
        return result
