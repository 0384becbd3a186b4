"""The outline's ``presenters:`` list: each a name, or a mapping with credentials and contacts."""

from __future__ import annotations

from workshop import model as m
from workshop.errors import Src
from workshop.keys import child, nth
from workshop.reading.reader import Reader
from workshop.values import one_line
from workshop.yamlsrc import Map, Scalar


def read_presenters(r: Reader, root: Map) -> tuple[m.Presenter, ...]:
    found: list[m.Presenter] = []
    nodes = r.items(root.get("presenters"), "presenters")
    if not nodes and "presenters" in root.entries:
        r.bad(root.entries["presenters"].key_src, "presenters", "list at least one presenter")
    for n, node in enumerate(nodes):
        here = nth("", "presenters", n)
        if isinstance(node, Scalar) and isinstance(node.value, str):
            if not node.value.strip():
                r.bad(node.src, here, "required: write the presenter's name")
            found.append(m.Presenter(name=one_line(node.value)))
            _once(r, found, node.src, here)
            continue
        p = r.mapping(node, here, "presenter")
        if p is None:
            continue
        found.append(m.Presenter(
            name=r.text(p, "name", here, required=True),
            **r.fields(p, "presenter", here, "credentials", "email", "phone", "website"),
            signature=r.file(p.get("signature"), child(here, "signature"), image=True)))
        _once(r, found, (p.get("name") or p).src, here)
    return tuple(found)


def _once(r: Reader, found: list[m.Presenter], src: Src, here: str) -> None:
    """Refuse the presenter just added when the list already has them (same name or email):
    listed twice, they would be printed and signed twice."""
    new = found[-1]
    same = lambda a, b: " ".join(a.casefold().split()) == " ".join(b.casefold().split())  # noqa: E731
    for n, earlier in enumerate(found[:-1]):
        if (new.name and same(new.name, earlier.name)) or (new.email and same(new.email, earlier.email)):
            what = new.name if new.name and same(new.name, earlier.name) else new.email
            r.bad(src, here, f"{what} is already listed as presenter {n + 1}; list each presenter once "
                             "(delete this entry, or merge the two)")
            found.pop()
            return
