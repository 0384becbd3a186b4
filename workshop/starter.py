"""``workshop new``: a short starter outline to fill in, each key with a comment saying what it is.

Not a copy of the bundled workshop (someone else's day to delete line by line): the few keys a
first build needs, with one of each kind of thing (a section with a slide, a break, an activity).
Its first line points editors that read ``yaml-language-server`` comments (VS Code's YAML
extension and others) at the outline's schema, for completion and checking as it is typed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import sys
from pathlib import Path

from workshop.schema import SCHEMA_FILE
from workshop.variants import slugify


class StarterError(Exception):
    """Why ``workshop new NAME`` cannot write its starter outline, in words that say what to do."""


def write_starter(name: str, today: dt.date) -> tuple[Path, str]:
    """Write a starter outline for the workshop ``name`` (:func:`outline_path`), never over an
    existing file; the path written and the title it begins with."""
    if not Path(name).name.strip(". ") or name.endswith(("/", "\\")) or not name.isprintable():
        raise StarterError(f"{name!r} is not a file name; name the new outline, e.g. workshop new my-workshop")
    target = outline_path(name)
    title = title_for(name)
    try:
        if target.exists():
            raise StarterError(f"{target} already exists; choose another name")
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8") as f:
            f.write(starter_outline(title, today))
    except OSError as exc:
        raise StarterError(f"cannot write {target}: {exc.strerror or exc}; choose another name or folder") from None
    return target, title


def outline_path(name: str) -> Path:
    """Where ``workshop new NAME`` writes: NAME's folder, and its last part as a file name with
    no spaces ("Trauma-Informed Care" -> trauma-informed-care.yaml); a .yaml or .yml suffix stays."""
    given = Path(name)
    stem, suffix = given.name, ".yaml"
    if given.suffix.lower() in (".yaml", ".yml"):
        stem, suffix = given.stem, given.suffix
    return given.with_name(slugify(stem, "workshop") + suffix)


def title_for(name: str) -> str:
    """The title a starter outline begins with: NAME as written, or, for a file-like name such as
    trauma-care, its words ("Trauma care")."""
    stem = Path(name).stem if Path(name).suffix.lower() in (".yaml", ".yml") else Path(name).name
    stem = stem.strip()
    if " " in stem or stem != stem.lower():
        return " ".join(stem.split())
    words = " ".join(w for w in re.split(r"[-_]+", stem) if w)
    return words[:1].upper() + words[1:]


def starter_outline(title: str, today: dt.date) -> str:
    """The text of a starter outline for a workshop called ``title``, dated ``today``."""
    quoted = json.dumps(title, ensure_ascii=False)  # a JSON string is a YAML double-quoted string
    return f"""\
# yaml-language-server: $schema={SCHEMA_FILE.as_uri()}
# A workshop outline. `workshop build` makes the deck, handouts, facilitator guide, sign-in sheet,
# evaluation form and (with --roster) the certificates from it. Change the values, keep the keys;
# `workshop validate` checks everything and names the line of any problem.

workshop:                           # the workshop itself
  title: {quoted}{" " * max(1, 27 - len(quoted))}# printed on every page and certificate
  date: {today.isoformat()}                  # the day it runs (year-month-day); certificates need it
  start: "09:00"                    # when it starts, in quotes; the agenda's clock times follow
  location: Live online             # the venue and city, or Live online

presenters:                         # one or more people
  - name: Your Name                 # as it should print on the title slide and certificates
    credentials: LPC                # the letters after the name; delete the line if none

ce:                                 # continuing-education hours; delete this block for no hours
  provider: Your Organization       # the approved provider, printed on every certificate
  # approval: "Approved by ..."    # your board's approval statement, in quotes (remove the # first)

objectives:                         # what participants will be able to do, one line each
  - Describe the main ideas of this workshop
  - Apply one of them to a case from your own work

sections:                           # the agenda in order: sections and breaks, each with its minutes
  - title: Introduction             # a section: its title opens it in the deck
    minutes: 15                     # whole minutes; the CE hours are worked out from them
    slides:                         # the section's slides, in order
      - title: Welcome              # every slide has a title
        bullets:                    # a list; numbered:, quote: or image: instead make other slides
          - About me
          - About today
        notes: Introduce yourself and ask what each person hopes to take away.  # speaker notes

  - break: Break                    # a break: its label; not counted in the CE hours
    minutes: 15                     # a break's minutes move the clock times that follow

  - title: Putting it into practice  # the next section
    minutes: 45                     # 15 + 45 instructional minutes make 1.00 CE hour
    slides:                         # as many as the section needs
      - title: One idea to try      # a slide's title is its headline
        bullets:                    # the points, one line each
          - What it is
          - When to use it
    activities:                     # timed activities, printed in the facilitator guide
      - title: Pair practice        # what it is called
        minutes: 15                 # its share of the section's minutes
        instructions: In pairs, try the idea on a case from your own work.  # what people do

references:                         # sources, printed at the end of the handouts
  - Author, A. (2024). Title of the work. Publisher.
"""


def command_line(*words: str | os.PathLike) -> str:
    """A command as it must be typed on this system: each word quoted only where it has to be."""
    if sys.platform == "win32":
        return " ".join(f'"{w}"' if re.search(r'[\s&|<>^()%!,;]', str(w)) else str(w) for w in words)
    return " ".join(shlex.quote(str(w)) for w in words)
