"""The outline's ``deck:`` and ``handouts:`` blocks: generated slides and handout parts on or off."""

from __future__ import annotations

from workshop import model as m
from workshop.reading.reader import Reader
from workshop.yamlsrc import Map


def read_deck_options(r: Reader, root: Map) -> m.DeckOptions:
    d = r.mapping(root.get("deck"), "deck", "deck")
    if d is None:
        return m.DeckOptions()
    return m.DeckOptions(**r.fields(d, "deck", "deck"), src=d.src)


def read_handout_options(r: Reader, root: Map) -> m.HandoutOptions:
    h = r.mapping(root.get("handouts"), "handouts", "handouts")
    if h is None:
        return m.HandoutOptions()
    return m.HandoutOptions(**r.fields(h, "handouts", "handouts"), src=h.src)
