"""Audience variants: ``extends:`` resolves a chain of outlines into one located tree.

A variant names its base with ``extends``. Mappings merge key by key; any other value replaces
the base's. ``sections`` given as a mapping edits the base's sections by id: a mapping merges
into that section, ``null`` removes it. Every merged value keeps the position of the file that
wrote it, so later errors point into the right file.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from workshop.errors import InputError, Problem, Src, display_path
from workshop.yamlsrc import Entry, Map, Node, Scalar, Seq, is_null, read_yaml

#: How deep a chain of variants may go before we suspect a mistake.
MAX_CHAIN = 20


def slugify(text: str, fallback: str = "section") -> str:
    """The id derived from a title: lowercase words joined by dashes ("Self-care" -> "self-care")."""
    slug = re.sub(r"[\W_]+", "-", text.lower()).strip("-")
    return slug or fallback


def load_tree(path: Path) -> tuple[Map, list[Path]]:
    """Read an outline and every base it extends; return the merged tree and the files read."""
    files: list[Path] = []
    tree = _load(Path(path), [], files)
    return tree, files


def _load(path: Path, chain: list[Path], files: list[Path]) -> Map:
    shown = display_path(path)
    root = read_yaml(path, shown)
    files.append(path.resolve())
    if root is None:
        raise InputError(Problem(Src(shown, 1, 1), "the outline is empty; start from 'workshop new NAME'"))
    if not isinstance(root, Map):
        raise InputError(Problem(root.src, "an outline is a mapping of keys (workshop:, sections:, ...), "
                                           f"not {describe(root)}"))
    entry = root.entries.get("extends")
    if entry is None:
        return root
    ref = entry.value
    if not isinstance(ref, Scalar) or not isinstance(ref.value, str) or not ref.value.strip():
        raise InputError(Problem(ref.src, "expected the path of the base outline", "extends"))
    base_path = (path.parent / ref.value.strip())
    here = [p.resolve() for p in chain] + [path.resolve()]
    if base_path.resolve() in here:
        names = " -> ".join(display_path(p) for p in here + [base_path])
        raise InputError(Problem(ref.src, f"variants extend each other in a cycle: {names}", "extends"))
    if len(here) > MAX_CHAIN:
        raise InputError(Problem(ref.src, f"more than {MAX_CHAIN} outlines extend each other", "extends"))
    if not base_path.is_file():
        what = "is not a file" if base_path.exists() else "not found"
        raise InputError(Problem(ref.src, f"base outline {what}: {display_path(base_path.absolute())} (the path is "
                                          "relative to this outline's folder)", "extends"))
    base = _load(base_path, chain + [path], files)
    variant = Map(root.src, {k: e for k, e in root.entries.items() if k != "extends"})
    return merge_maps(base, variant, "")


def merge_maps(base: Map, over: Map, path: str) -> Map:
    """``over`` merged onto ``base`` without changing either."""
    problems: list[Problem] = []
    merged = dict(base.entries)
    for key, entry in over.entries.items():
        here = f"{path}.{key}" if path else key
        old = merged.get(key)
        if here == "sections" and isinstance(entry.value, Map):
            base_sections = old.value if old else None
            try:
                merged[key] = Entry(entry.key_src, _edit_sections(base_sections, entry.value))
            except InputError as exc:
                problems.extend(exc.problems)
        elif old is not None and isinstance(old.value, Map) and isinstance(entry.value, Map):
            merged[key] = Entry(entry.key_src, merge_maps(old.value, entry.value, here))
        else:
            merged[key] = entry
    if problems:
        raise InputError(problems)
    return Map(base.src, merged)


def entry_id(node: Node, index: int, taken: dict[str, int] | None = None) -> str:
    """The id of a sections entry: its ``id``, else derived from its title or break label."""
    if isinstance(node, Map):
        explicit = node.get("id")
        if isinstance(explicit, Scalar) and explicit.value is not None:
            return str(explicit.value).strip()
        label = node.get("title") or node.get("break")
        if isinstance(label, Scalar) and label.value is not None:
            return slugify(str(label.value), "break" if "break" in node.entries else "section")
    return f"entry-{index + 1}"


def _edit_sections(base: Node | None, edits: Map) -> Seq:
    if not isinstance(base, Seq):
        raise InputError(Problem(edits.src, "the base outline has no list of sections to edit by id", "sections"))
    ids = [entry_id(item, n) for n, item in enumerate(base.items)]
    items: list[Node | None] = list(base.items)
    problems = []
    for key, entry in edits.entries.items():
        if key not in ids:
            hint = difflib.get_close_matches(key, ids, n=1)
            more = f"; did you mean '{hint[0]}'?" if hint else f"; the base's ids are: {', '.join(ids)}"
            problems.append(Problem(entry.key_src, f"no section with id '{key}' in the base outline{more}",
                                    f"sections.{key}"))
            continue
        at = ids.index(key)
        if is_null(entry.value):
            items[at] = None
        elif isinstance(entry.value, Map) and isinstance(items[at], Map):
            items[at] = merge_maps(items[at], entry.value, f"sections.{key}")
        else:
            problems.append(Problem(entry.value.src, "expected a mapping of changes, or null to remove the section",
                                    f"sections.{key}"))
    if problems:
        raise InputError(problems)
    return Seq(base.src, [item for item in items if item is not None])


def describe(node: Node | None) -> str:
    """How a value reads in a message: "a list", "a mapping", "'ten'", "nothing"."""
    if node is None or (isinstance(node, Scalar) and node.value is None):
        return "nothing"
    if isinstance(node, Seq):
        return "a list"
    if isinstance(node, Map):
        return "a mapping"
    value = node.value
    if isinstance(value, bool):
        return f"{node.raw} (read as true/false; put it in quotes)"
    if isinstance(value, str):
        return repr(value) if len(value) < 40 else repr(value[:37] + "...")
    return node.raw or repr(value)
