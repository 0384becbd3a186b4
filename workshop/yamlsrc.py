"""Safe YAML reading that remembers where every value was written.

:func:`read_yaml` turns a file into a small tree of :class:`Map`, :class:`Seq` and
:class:`Scalar` nodes, each with its :class:`~workshop.errors.Src`. Only the plain YAML
types are accepted (strings, numbers, booleans, null, dates, lists, mappings); any other tag,
such as ``!!python/object``, is refused and never constructed. Duplicate keys, tabs in
indentation, bytes that are not UTF-8, characters that cannot be printed, and documents too
large to be an outline are reported as problems with their positions.

YAML quietly reads some ordinary writing as something else: ``provider #SW-0042`` ends at the
``#``, ``&more`` and ``! note`` at the start of a text vanish, ``030`` is the octal number 24.
Those are reported with the corrected line to write (see :mod:`workshop.yamlhints`), or, for
numbers, kept as the text written and left for the reader of that value to refuse. Positions
count lines the way an editor does (only ``\\n``, ``\\r\\n`` and ``\\r`` end a line).
"""

from __future__ import annotations

import datetime as dt
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from workshop.errors import InputError, Problem, Src
from workshop.keys import child, nth, sub
from workshop.yamlhints import (Places, bad_character, check_text, comment_cut, corrected_line,
                                more_syntax_problems, number_note, syntax_problem)

#: Largest outline file read. A real outline is a few dozen KB; anything near this is the
#: wrong file (a video, a database, /dev/zero) and reading it whole would only exhaust memory.
MAX_BYTES = 5_000_000
#: Most values a document may expand to once aliases are followed. The largest real outline
#: (a few hundred slides) stays far below; a "billion laughs" document is far above.
MAX_EXPANDED_NODES = 200_000

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
    #: Why a plain value that YAML would read as a surprising number (``030``, ``1:30``) was
    #: kept as the text written; readers of numbers refuse it with this reason.
    number_note: str = ""


@dataclass
class Seq(Node):
    items: list[Node] = field(default_factory=list)


@dataclass
class Entry:
    key_src: Src
    value: Node
    #: The entry written as one line of text ("Step 1: ask open questions") when both its key
    #: and value are plain words, so a list of texts can take it back as the text it was.
    text: str = ""


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
    problem found. Only an ordinary file of at most :data:`MAX_BYTES` is read.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(Problem(Src(shown), "is a folder, not a file"))
        if not stat.S_ISREG(info.st_mode):
            raise InputError(Problem(Src(shown), "is not an ordinary file (it is a device or a pipe); "
                                                 "give the path of the outline's .yaml file"))
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(Problem(Src(shown), "file not found")) from None
    except IsADirectoryError:
        raise InputError(Problem(Src(shown), "is a folder, not a file")) from None
    except OSError as exc:
        raise InputError(Problem(Src(shown), f"cannot read: {exc.strerror}")) from None
    if len(data) > MAX_BYTES:
        raise InputError(Problem(Src(shown), f"the outline is larger than {MAX_BYTES // 1_000_000} MB; "
                                             "is it the right file?"))
    return parse_yaml(data, shown)


class _Loader(yaml.SafeLoader):
    """The safe loader, noting which anchors an alias uses (an unused anchor on a text is
    almost always an ``&`` the person meant as a word)."""

    def __init__(self, text: str):
        super().__init__(text)
        self.aliased: set[str] = set()

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            self.aliased.add(self.peek_event().anchor)
        return super().compose_node(parent, index)


def parse_yaml(data: bytes, shown: str) -> Node | None:
    text = _decode(data, shown)
    places = Places(text)
    check_text(text, places, shown)
    fast = _fast_compose(text)
    if fast is not None:
        root, aliased = fast
        if root is None:
            return None
        return _Converter(shown, text, places, aliased).convert_root(root)
    loader = None
    try:
        loader = _Loader(text)
        root = loader.get_single_node()
        aliased = loader.aliased
    except yaml.MarkedYAMLError as exc:
        first = syntax_problem(exc, places, shown)
        raise InputError([first, *more_syntax_problems(text, shown, first)]) from None
    except yaml.reader.ReaderError as exc:
        line, col = places.at(exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise InputError(Problem(Src(shown, line, col),
                                 f"character U+{code:04X} cannot be printed; remove it")) from None
    except yaml.YAMLError as exc:
        raise InputError(Problem(Src(shown, 1, 1), f"not valid YAML: {exc}")) from None
    except RecursionError:
        raise InputError(Problem(Src(shown, 1, 1), "lists or mappings are nested too deeply")) from None
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        return None
    return _Converter(shown, text, places, aliased).convert_root(root)


def _fast_compose(text: str):
    """The document composed by libyaml (PyYAML's C parser, many times faster), and the anchors its
    aliases use; None when libyaml is not there or finds anything wrong, so the pure-Python loader
    reads the text again and says what is wrong in its own words. Both give the same nodes, with
    the same character positions, for a valid document."""
    loader_class = getattr(yaml, "CSafeLoader", None)
    if loader_class is None:
        return None
    loader = None
    try:
        loader = loader_class(text)
        root = loader.get_single_node()
        aliased = {event.anchor for event in yaml.parse(text, Loader=loader_class) if isinstance(event, AliasEvent)}
    except Exception:  # any complaint is the pure-Python loader's to make, in its words
        return None
    finally:
        if loader is not None:
            loader.dispose()
    _as_python_composes(root)
    return root, aliased


def _as_python_composes(root) -> None:
    """libyaml marks a plain scalar with style "" and a block collection with flow style False;
    PyYAML's own composer leaves both None, which is what the converter reads."""
    seen, stack = set(), [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            if node.style == "":
                node.style = None
        else:
            if node.flow_style is False:
                node.flow_style = None
            for item in node.value:
                stack.extend(item if isinstance(item, tuple) else (item,))


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


class _Converter:
    """Turns composed PyYAML nodes into located nodes, checking tags, keys, text and expansion."""

    def __init__(self, shown: str, text: str, places: Places, aliased: set[str]):
        self.shown = shown
        self.text = text
        self.places = places
        self.aliased = aliased
        self.problems: list[Problem] = []
        self.done: dict[int, Node] = {}

    def src(self, node) -> Src:
        return self.src_at(node.start_mark.index)

    def src_at(self, index: int) -> Src:
        return Src(self.shown, *self.places.at(index))

    def bad(self, index: int, here: str, message: str) -> None:
        self.problems.append(Problem(self.src_at(index), message, here))

    def convert_root(self, root) -> Node:
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, 20000))
        try:
            size = self._expanded_size(root, {}, set())
            if size > MAX_EXPANDED_NODES:
                raise InputError(Problem(self.src(root),
                                         f"aliases expand this document to more than {MAX_EXPANDED_NODES:,} "
                                         "values, far more than any workshop needs; refusing to read it"))
            result = self._convert(root, "", lambda n: f"entry {n + 1}")
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
            for child_node in node.value:
                total += self._expanded_size(child_node, sizes, active)
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

    def _convert(self, node, here: str, item_path: Callable[[int], str]) -> Node:
        """``here`` names the node in messages; ``item_path(n)`` names its n-th entry if it is a list."""
        key = id(node)
        if key in self.done:
            return self.done[key]
        src = self.src(node)
        if isinstance(node, ScalarNode):
            result: Node = self._scalar(node, src, here)
        elif isinstance(node, SequenceNode):
            if node.tag != _TAG + "seq":
                self._bad_tag(node, src, here)
            items = []
            for n, item in enumerate(node.value):
                at = item_path(n)
                items.append(self._convert(item, at, lambda k, at=at: sub(at, _list_key(here), k)))
            result = Seq(src, items)
        else:
            if node.tag != _TAG + "map":
                self._bad_tag(node, src, here)
            result = self._mapping(node, src, here)
        self.done[key] = result
        return result

    def _bad_tag(self, node, src: Src, here: str) -> None:
        self.problems.append(Problem(src, f"the YAML tag {node.tag!r} is not allowed; "
                                          "only plain text, numbers, dates, lists and mappings", here))

    def _scalar(self, node: ScalarNode, src: Src, here: str) -> Scalar:
        tag = node.tag
        quoted = node.style in ("'", '"', "|", ">")
        plain = node.style is None
        if plain and (lost := self._lost_prefix(node)):
            self.bad(node.start_mark.index, here, lost)
            return Scalar(src, None, node.value, quoted)
        if tag == _TAG + "merge":
            self.problems.append(Problem(src, "YAML merge keys ('<<') are not supported; "
                                              "use 'extends:' to build on another outline", here))
            return Scalar(src, None, node.value, quoted)
        if tag not in _SCALAR_TAGS:
            self._bad_tag(node, src, here)
            return Scalar(src, None, node.value, quoted)
        if plain and (cut := comment_cut(self.text, self.places, node)):
            index, message = cut
            self.bad(index, here, message)
        written = self.text[node.start_mark.index:node.end_mark.index]
        implicit = plain and not written.startswith("!")
        note = number_note(node.value) if implicit and tag in (_TAG + "int", _TAG + "float") else ""
        if note:
            return Scalar(src, node.value, node.value, quoted, note)
        try:
            if tag == _TAG + "str":
                value: Any = node.value
                if problem := bad_character(value, written):
                    offset, message = problem
                    self.bad(node.start_mark.index + offset, here, message)
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
            self.problems.append(Problem(src, f"{node.value!r} is not a valid value here", here))
            value = node.value
        return Scalar(src, value, node.value, quoted)

    def _lost_prefix(self, node: ScalarNode) -> str:
        """Why a plain text lost its first word to YAML (``&more``, ``! note``), or ""."""
        start = self.text[node.start_mark.index:node.end_mark.index]
        if start.startswith("&"):
            anchor = re.match(r"&(\S*)", start).group(1)
            if anchor in self.aliased:
                return ""
            what = f"'&{anchor}' as a name for reuse (an anchor)"
        elif start.startswith("!") and not start.startswith("!!"):
            what = f"'{start.split()[0]}' as a type marker (a tag)"
        else:
            return ""
        line, col = self.places.at(node.start_mark.index)
        fix = corrected_line(self.places.line_text(line), col - 1)
        return f"YAML reads {what} and drops it from the text; put the whole text in quotes: {fix}"

    def _mapping(self, node: MappingNode, src: Src, here: str) -> Map:
        result = Map(src)
        for key_node, value_node in node.value:
            key_src = self.src(key_node)
            if not isinstance(key_node, ScalarNode):
                self.problems.append(Problem(key_src, "a key must be plain text, not a list or mapping", here))
                continue
            if key_node.tag == _TAG + "merge":
                self._scalar(key_node, key_src, here)
                continue
            key = str(key_node.value)
            if problem := bad_character(key, key):
                self.bad(key_node.start_mark.index, here, problem[1])
            value = self._convert(value_node, child(here, key), lambda n, k=key: nth(here, k, n))
            if key in result.entries:
                first = result.entries[key].key_src
                self.problems.append(Problem(key_src, f"duplicate key '{key}' (first written at line {first.line})"))
                continue
            result.entries[key] = Entry(key_src, value, self._as_text(key_node, value_node))
        return result

    def _as_text(self, key_node: ScalarNode, value_node) -> str:
        """The entry as the line of text it was written as, when key and value are plain words."""
        if key_node.style is not None or not isinstance(value_node, ScalarNode) or value_node.style is not None:
            return ""
        written = self.text[key_node.start_mark.index:value_node.end_mark.index]
        lines = written.splitlines()
        return written if len(lines) == 1 else " ".join(line.strip() for line in lines)


def _list_key(here: str) -> str:
    """The key of the list an entry path points into ("bullets" for "..., bullets")."""
    return re.split(r"[.,] ?", here)[-1].strip() if here else ""
