"""Outline file -> :class:`~workshop.model.Workshop`, with every problem reported at once.

The keys an outline may use are declared once in :mod:`workshop.keys`; the checks below read
them from there, so an unknown key is caught (with a "did you mean") wherever it is written.
Single values are read by :class:`~workshop.values.ValueReader`; this module reads the shape.
"""

from __future__ import annotations

import difflib
from decimal import Decimal
from pathlib import Path

from workshop import model as m
from workshop.verify.address import verify_url_problem
from workshop.deck.frame import ROLES
from workshop.errors import InputError, Src
from workshop.i18n import languages, tr
from workshop.keys import KEYS, child, nth, sub
from workshop.schedule import CLOCKS, DATE_STYLES
from workshop.values import ValueReader, one_line
from workshop.variants import entry_id, load_tree
from workshop.yamlsrc import Map, Node, Scalar, Seq, is_null
from workshop.zones import zone_problem

BODY_KEYS = ("bullets", "numbered", "quote", "image")
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff"}
#: What the file's own header must say, whatever its name: the formats PowerPoint shows.
IMAGE_FORMATS = {"PNG", "JPEG", "GIF", "BMP", "TIFF"}
#: Most sections and breaks, and most slides, an outline may hold once aliases are followed.
#: A full-day workshop has a few dozen of each; far more means a list repeated by mistake, and
#: building it would take minutes and gigabytes.
MAX_SECTIONS = 500
MAX_SLIDES = 2_000
#: The longest bullet a statement slide shows as its one big sentence.
STATEMENT_CHARS = 160

def load_outline(path: Path | str) -> m.Workshop:
    """Read, merge and check an outline; raise :class:`InputError` listing every problem."""
    return read_outline(path)[0]


def read_outline(path: Path | str) -> tuple[m.Workshop, list[Path]]:
    """:func:`load_outline`, and the outline files it read (the outline and every base)."""
    path = Path(path)
    tree, files = load_tree(path)
    reader = _Reader()
    workshop = reader.outline(tree, path)
    if reader.problems:
        raise InputError(reader.problems)
    return workshop, files


def outline_files(path: Path | str) -> list[Path]:
    """The outline files a build reads: the outline itself and every base it extends."""
    tree, files = load_tree(Path(path))
    return files


class _Reader(ValueReader):
    """Reads the outline's shape (workshop, presenters, sections, slides...) into the model."""

    language = "en"  # workshop.language, read before the ce block whose default unit it names

    def file(self, value: Node | None, here: str, image: bool) -> Path | None:
        name = self.text_value(value, here)
        if not name:
            return None
        path = Path(value.src.file).parent / name
        if not path.is_file():
            self.bad(value.src, here, f"file not found: {name} (paths are relative to the outline file)")
            return None
        if image and path.suffix.lower() not in IMAGE_SUFFIXES:
            self.bad(value.src, here, f"{name} is not a picture the deck can show "
                                      f"(use {', '.join(sorted(IMAGE_SUFFIXES))})")
            return None
        if image and (problem := _picture_problem(path)):
            self.bad(value.src, here, f"{name} {problem}")
            return None
        return path.resolve()

    # -- the outline --------------------------------------------------------------------

    def outline(self, root: Map, path: Path) -> m.Workshop:
        self.mapping(root, "", "outline")
        info = self.mapping(root.get("workshop"), "workshop", "workshop")
        if info is None:
            self.bad(root.entries["workshop"].key_src if "workshop" in root.entries else root.src,
                     "workshop", "required: a mapping with at least a title")
            info = Map(root.src)
        title = self.text(info, "title", "workshop", required=True)
        start = self.clock(info, "start", "workshop")
        end = self.clock(info, "end", "workshop")
        style = self.text(info, "clock", "workshop").lower() or "24h"
        if style not in CLOCKS:
            self.bad(info.get("clock").src, "workshop.clock", f"expected 24h (18:30) or 12h (6:30 PM), got '{style}'")
            style = "24h"
        written = self.text(info, "date_style", "workshop").strip()
        date_style = "-".join(written.lower().replace("_", " ").split())  # "Day Month" is day-month
        if date_style and date_style not in DATE_STYLES:
            allowed = ", ".join(f"{name} ({example})" for name, example in DATE_STYLES.items())
            self.bad(info.get("date_style").src, "workshop.date_style", f"expected one of {allowed}; got '{written}'")
            date_style = ""
        self.language = self.language_of(info)
        zone = self.text(info, "timezone", "workshop") or None
        if zone and (problem := zone_problem(zone)):
            self.bad(info.get("timezone").src, "workshop.timezone", problem)
            zone = None
        presenters = self.presenters(root)
        sections = self.sections(root)
        objectives = self.texts(root, "objectives", "")
        return m.Workshop(
            title=title, source=path.resolve(),
            subtitle=self.text(info, "subtitle", "workshop"),
            audience=self.text(info, "audience", "workshop"),
            date=self.date(info, "date", "workshop"),
            start=9 * 60 if start is None else start, end=end,
            end_src=info.get("end").src if info.get("end") else info.src, clock=style,
            date_style=date_style, timezone=zone, language=self.language,
            location=self.text(info, "location", "workshop"),
            presenters=presenters, ce=self.ce(root),
            objectives=objectives,
            sections=sections,
            references=self.texts(root, "references", ""),
            theme=self.theme(root),
            quiz=self.quiz(root, len(objectives)), deck=self.deck(root),
            handouts=self.handouts(root),
        )

    def language_of(self, info: Map) -> str:
        """``workshop.language`` as a catalog's code ("es", "fr"); English when not written, and
        when the one written has no catalog (after saying which ones there are)."""
        written = self.text(info, "language", "workshop").strip()
        code = written.lower().replace("_", "-")
        if not code:
            return "en"
        if code not in languages():
            self.bad(info.get("language").src, "workshop.language",
                     f"no catalog for '{written}'; available: {', '.join(languages())} (a translator adds one "
                     "as workshop/locale/<code>/LC_MESSAGES/workshop.po)")
            return "en"
        return code

    def presenters(self, root: Map) -> tuple[m.Presenter, ...]:
        found = []
        nodes = self.items(root.get("presenters"), "presenters")
        if not nodes and "presenters" in root.entries:
            self.bad(root.entries["presenters"].key_src, "presenters", "list at least one presenter")
        for n, node in enumerate(nodes):
            here = nth("", "presenters", n)
            if isinstance(node, Scalar) and isinstance(node.value, str):
                if not node.value.strip():
                    self.bad(node.src, here, "required: write the presenter's name")
                found.append(m.Presenter(name=one_line(node.value)))
                self._once(found, node.src, here)
                continue
            p = self.mapping(node, here, "presenter")
            if p is None:
                continue
            found.append(m.Presenter(
                name=self.text(p, "name", here, required=True),
                credentials=self.text(p, "credentials", here), email=self.text(p, "email", here),
                phone=self.text(p, "phone", here), website=self.text(p, "website", here),
                signature=self.file(p.get("signature"), child(here, "signature"), image=True)))
            self._once(found, (p.get("name") or p).src, here)
        return tuple(found)

    def _once(self, found: list[m.Presenter], src, here: str) -> None:
        """Refuse the presenter just added when the list already has them (same name or email):
        listed twice, they would be printed and signed twice."""
        new = found[-1]
        same = lambda a, b: " ".join(a.casefold().split()) == " ".join(b.casefold().split())  # noqa: E731
        for n, earlier in enumerate(found[:-1]):
            if (new.name and same(new.name, earlier.name)) or (new.email and same(new.email, earlier.email)):
                what = new.name if new.name and same(new.name, earlier.name) else new.email
                self.bad(src, here, f"{what} is already listed as presenter {n + 1}; list each presenter once "
                                    "(delete this entry, or merge the two)")
                found.pop()
                return

    def ce(self, root: Map) -> m.CE | None:
        node = self.mapping(root.get("ce"), "ce", "ce")
        if node is None:
            return None
        mph = node.get("minutes_per_hour")
        minutes_per_hour = 60
        if not is_null(mph):
            if isinstance(mph, Scalar) and mph.value in (50, 60) and not isinstance(mph.value, bool):
                minutes_per_hour = int(mph.value)
            else:
                self.not_a_number(mph, "ce.minutes_per_hour", "expected 60 or 50")
        increment = self.number(node, "increment", "ce")
        if increment is not None and increment <= 0:
            self.bad(node.get("increment").src, "ce.increment", "the increment must be more than zero")
            increment = None
        elif increment is not None and (1 % increment if increment < 1 else increment % 1):
            # 0.333 does not go into an hour: three steps are 0.999 h, so a full hour would print short.
            steps = int(1 // increment) if increment < 1 else 1
            self.bad(node.get("increment").src, "ce.increment",
                     f"{increment} does not divide the hour ({steps} x {increment} = {steps * increment}), so whole "
                     "hours would print short; use a step that goes into an hour exactly: 0.5, 0.25, 0.2, 0.1 "
                     "(a third of an hour has no exact decimal: use 0.25 or 0.5), or 1")
            increment = None
        verify_url = self.text(node, "verify_url", "ce")
        if verify_url and (problem := verify_url_problem(verify_url)):
            self.bad(node.get("verify_url").src, "ce.verify_url", problem)
        hours_node = node.get("hours")
        unit = " ".join(self.text(node, "unit", "ce").split())
        if unit and not any(c.isalpha() for c in unit):
            self.bad(node.get("unit").src, "ce.unit", f"expected the board's word for the hours, such as "
                                                      f"\"contact hours\" or \"CE hours\", got {unit!r}")
        return m.CE(
            provider=self.text(node, "provider", "ce", required=True), approvals=self.approvals(node),
            minutes_per_hour=minutes_per_hour,
            increment=Decimal("0.25") if increment is None else increment,
            hours=self.number(node, "hours", "ce"), verify_url=verify_url, unit=unit or tr(self.language, m.CE.unit),
            src=node.src, hours_src=hours_node.src if hours_node else node.src,
            attendance=self.attendance(node), seal=self.file(node.get("seal"), "ce.seal", image=True),
            email=self.email(node))

    def email(self, ce: Map) -> m.Email:
        """``ce.email``: every ``{field}`` must be one :data:`model.EMAIL_FIELDS` names."""
        import string

        node = self.mapping(ce.get("email"), "ce.email", "email")
        if node is None:
            return m.Email(subject=tr(self.language, m.Email.subject))
        values = {}
        for key in ("from", "subject", "body"):
            text = self.text(node, key, "ce.email")
            if not text:
                continue
            try:
                fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
            except ValueError as exc:
                self.bad(node.get(key).src, f"ce.email.{key}", f"{exc}: write a brace as {{{{ or }}}}")
                continue
            unknown = [f for f in fields if f not in m.EMAIL_FIELDS]
            if unknown:
                self.bad(node.get(key).src, f"ce.email.{key}", f"{{{unknown[0]}}} is no field; use "
                         + ", ".join("{" + f + "}" for f in m.EMAIL_FIELDS) + " (or {{ for a brace)")
                continue
            values[key] = " ".join(text.split()) if key != "body" else text
        if "subject" in values and "\n" in values["subject"]:
            self.bad(node.get("subject").src, "ce.email.subject", "a subject is one line")
        return m.Email(sender=values.get("from", ""), subject=values.get("subject", tr(self.language, m.Email.subject)),
                       body=values.get("body", ""), src=node.src)

    def approvals(self, ce: Map) -> tuple[m.Approval, ...]:
        """``ce.approvals`` (statements, each whole, some for certain licences only), or the one
        statement of ``ce.approval``; an outline giving both is refused rather than merged, since
        which comes first on a certificate would be a guess."""
        one = self.text(ce, "approval", "ce")
        many = ce.get("approvals")
        if one and not is_null(many):
            self.bad(ce.entries["approval"].key_src, "ce.approval",
                     "ce.approval and ce.approvals are both given; move this statement into the ce.approvals "
                     "list where it should print, and remove ce.approval")
            return ()
        if one:
            return (m.Approval(one, src=ce.get("approval").src, where="ce.approval"),)
        found = []
        for n, item in enumerate(self.items(many, "ce.approvals")):
            here = f"ce.approvals, statement {n + 1}"
            # a plain statement; "- Approved by the Board: provider 1234" is one too, which YAML
            # reads as a key and a value (line_of_text takes it back as the line it was)
            if not isinstance(item, Map) or (len(item.entries) == 1 and not set(item.entries) & set(KEYS["approval"])):
                text = self.line_of_text(item, here)
                words: tuple[str, ...] = ()
            else:
                self.mapping(item, here, "approval")
                text = self.text(item, "statement", here, required=True)
                words = self.licence_words(item, here)
            if text:
                found.append(m.Approval(text, words, item.src, here))
        if isinstance(many, Seq) and not many.items:
            self.bad(ce.entries["approvals"].key_src, "ce.approvals", "list at least one statement, or remove "
                                                                      "ce.approvals")
        return tuple(found)

    def licence_words(self, item: Map, here: str) -> tuple[str, ...]:
        """``for:`` of an approval: the licence words it is printed for (LCSW, LMSW), as a list or
        one word; () when it has no ``for``."""
        node, here = item.get("for"), child(here, "for")
        if is_null(node):
            if "for" in item.entries:
                self.bad(item.entries["for"].key_src, here, "list the licences this statement is for "
                                                            "(for: [LCSW, LMSW]), or remove for")
            return ()
        if isinstance(node, Seq) and not node.items:
            self.bad(node.src, here, "list the licences this statement is for (for: [LCSW, LMSW]), or remove for")
        words = []
        for value in [node] if isinstance(node, Scalar) else self.items(node, here):
            word = self.text_value(value, here)
            if not word or any(c.isspace() or c == "," for c in word):
                self.bad(value.src, here, f"expected licence words such as LCSW or LPC, one per list item "
                                          f"(for: [LCSW, LMSW]), got {word!r}")
            else:
                words.append(word)
        return tuple(words)

    def attendance(self, ce: Map) -> m.AttendanceRule | None:
        from workshop.variants import describe

        node = self.mapping(ce.get("attendance"), "ce.attendance", "attendance")
        if node is None:
            return None
        grace = node.get("grace_minutes")
        minutes = 0
        if not is_null(grace):
            if isinstance(grace, Scalar) and isinstance(grace.value, int) and not isinstance(grace.value, bool) \
                    and grace.value >= 0:
                minutes = grace.value
            else:
                self.bad(grace.src, "ce.attendance.grace_minutes", f"expected whole minutes (0 or more), "
                                                                   f"got {describe(grace)}")
        partial = self.text(node, "partial", "ce.attendance") or "none"
        if partial not in ("prorate", "none"):
            self.bad(node.get("partial").src, "ce.attendance.partial",
                     f"expected prorate or none, got {partial!r}")
            partial = "none"
        return m.AttendanceRule(minutes, partial, node.src)

    def sections(self, root: Map) -> tuple[m.Entry, ...]:
        if "sections" not in root.entries:
            self.bad(root.src, "sections", "required: the list of sections and breaks")
            return ()
        nodes = self.items(root.get("sections"), "sections")
        if not nodes and isinstance(root.get("sections"), Seq):
            self.bad(root.entries["sections"].key_src, "sections", "list at least one section")
        if self.too_large(root, nodes):
            return ()
        entries: list[m.Entry] = []
        seen: dict[str, Src] = {}
        break_ids: dict[str, int] = {}
        for n, node in enumerate(nodes):
            here = nth("", "sections", n)
            if isinstance(node, Map) and "break" in node.entries:
                entry = self.break_(node, here, n, break_ids)
            else:
                entry = self.section(node, here, n)
            if entry is None:
                continue
            if isinstance(entry, m.Section):
                if entry.id in seen:
                    self.bad(entry.src, here, f"section id '{entry.id}' is used twice (first at line "
                                              f"{seen[entry.id].line}); give one of them its own 'id:'")
                seen[entry.id] = entry.src
            entries.append(entry)
        return tuple(entries)

    def too_large(self, root: Map, nodes: list[Node]) -> bool:
        """Refuse an agenda far beyond any workshop (usually a list repeated through aliases)."""
        slides = sum(len(s.items) for node in nodes if isinstance(node, Map)
                     and isinstance(s := node.get("slides"), Seq))
        where = root.entries["sections"].key_src
        if len(nodes) > MAX_SECTIONS:
            self.bad(where, "sections", f"the agenda has {len(nodes):,} sections and breaks; a workshop has at most "
                                        f"{MAX_SECTIONS:,}. Is a list repeated through an alias (*name)?")
        elif slides > MAX_SLIDES:
            self.bad(where, "sections", f"the sections have {slides:,} slides in all; a workshop has at most "
                                        f"{MAX_SLIDES:,}. Is a list repeated through an alias (*name)?")
        else:
            return False
        return True

    def break_(self, node: Map, here: str, n: int, taken: dict[str, int]) -> m.Break | None:
        self.mapping(node, here, "break")
        label = self.text(node, "break", here) or "Break"
        minutes = self.minutes(node, "minutes", here, required=True)
        ident = entry_id(node, n)
        taken[ident] = taken.get(ident, 0) + 1
        if taken[ident] > 1 and is_null(node.get("id")):
            ident = f"{ident}-{taken[ident]}"
        return m.Break(id=ident, label=label, minutes=minutes or 0, src=node.src)

    def section(self, node: Node, here: str, n: int) -> m.Section | None:
        s = self.mapping(node, here, "section")
        if s is None:
            if is_null(node):
                self.bad(node.src if node else Src("<outline>"), here, "expected a section or a break, got nothing")
            return None
        title = self.text(s, "title", here, required=True)
        minutes = self.minutes(s, "minutes", here, required=True)
        slides = tuple(slide for k, item in enumerate(self.items(s.get("slides"), child(here, "slides")))
                       if (slide := self.slide(item, nth(here, "slides", k))) is not None)
        activities = tuple(a for k, item in enumerate(self.items(s.get("activities"), child(here, "activities")))
                           if (a := self.activity(item, nth(here, "activities", k))) is not None)
        minutes_node = s.get("minutes")
        return m.Section(
            id=entry_id(s, n), title=title, minutes=minutes or 0, slides=slides, activities=activities,
            optional=self.flag(s, "optional", here), notes=self.text(s, "notes", here),
            goals=self.texts(s, "goals", here), handout=self.handout(s.get("handout"), child(here, "handout")),
            src=s.src, minutes_src=minutes_node.src if minutes_node else s.src)

    def slide(self, node: Node, here: str) -> m.Slide | None:
        s = self.mapping(node, here, "slide")
        if s is None:
            return None
        title = self.text(s, "title", here, required=True)
        layout, layout_src = self.layout(s, here)
        bodies = [k for k in BODY_KEYS if k in s.entries]
        beside = layout in ("image-left", "image-right")
        if beside and len(bodies) == 2 and bodies[1] == "image":  # a list with a picture beside it
            pass
        elif len(bodies) > 1:
            hint = (" (to put a picture beside a list, add layout: image-left or image-right)"
                    if "image" in bodies and bodies[0] in ("bullets", "numbered") and len(bodies) == 2 else "")
            self.bad(s.entries[bodies[1]].key_src, child(here, bodies[1]),
                     f"a slide has at most one body; this one has {' and '.join(bodies)}{hint}")
        body = None
        if bodies:
            kind = bodies[0]
            value = s.get(kind)
            if kind in ("bullets", "numbered"):
                body = self.bullets(value, here, kind)
            elif kind == "quote":
                body = self.quote(value, child(here, "quote"))
            else:
                body = self.image(value, child(here, "image"))
        image = None
        if beside and len(bodies) == 2 and bodies[1] == "image":
            image = self.image(s.get("image"), child(here, "image"))
        if layout != "auto":
            self.suits(layout, layout_src, child(here, "layout"), bodies, body)
        return m.Slide(title=title, body=body, notes=self.text(s, "notes", here),
                       minutes=self.minutes(s, "minutes", here, required=False), layout=layout, image=image,
                       src=s.src)

    def layout(self, s: Map, here: str) -> tuple[str, Src]:
        """The slide's ``layout:``, "auto" when it has none or an unknown one (which is reported)."""
        node = s.get("layout")
        src = node.src if node is not None else s.src
        value = self.text(s, "layout", here).strip().lower()
        if not value or value in m.LAYOUTS:
            return value or "auto", src
        close = difflib.get_close_matches(value, m.LAYOUTS, n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'? " if close else ""
        self.bad(src, child(here, "layout"), f"unknown layout '{value}'; {hint}a slide's layout is one of: "
                                             f"{', '.join(m.LAYOUTS)}")
        return "auto", src

    def suits(self, layout: str, src: Src, here: str, bodies: list[str], body: m.Body | None) -> None:
        """Report a ``layout:`` that does not suit the slide's content, with how to fix it."""
        lists = [k for k in bodies if k in ("bullets", "numbered")]
        items = len(body.items) if isinstance(body, m.Bullets) else 0
        problem = ""
        if layout == "statement":
            if bodies and (bodies != ["bullets"] or isinstance(body, m.Bullets) and (
                    items != 1 or body.items[0].children)):
                problem = ("a statement slide shows one short sentence: give the slide only a title, or a single "
                           "bullet with no sub-bullets")
            elif isinstance(body, m.Bullets) and len(body.items[0].text) > STATEMENT_CHARS:
                problem = (f"a statement is one short sentence, at most {STATEMENT_CHARS} characters; this bullet "
                           f"has {len(body.items[0].text)}: shorten it, or remove the layout line")
        elif layout == "quote" and bodies != ["quote"]:
            problem = "the quote layout needs a quote: write quote: with text and source, or remove the layout line"
        elif layout in ("image-left", "image-right"):
            if "image" not in bodies:
                problem = (f"{layout} puts a picture beside the slide's list: add image: with path and alt, "
                           "or remove the layout line")
            elif not lists:
                problem = (f"{layout} puts the slide's bullets beside its picture, and this slide has none: add "
                           "bullets: (or numbered:), or remove the layout line to show the picture alone")
        elif layout == "two-columns":
            if not lists or bodies != lists:
                problem = "two-columns splits a list: give the slide bullets: or numbered:, or remove the layout line"
            elif body is not None and items < 2:
                problem = "two-columns needs at least two bullets to split; add one, or remove the layout line"
        if problem:
            self.bad(src, here, f"layout {layout} does not suit this slide: {problem}")

    def bullets(self, node: Node | None, slide: str, kind: str) -> m.Bullets | None:
        items: list[m.Item] = []
        for n, item in enumerate(self.items(node, child(slide, kind))):
            here = nth(slide, kind, n)
            if isinstance(item, Seq):
                if not items:
                    self.bad(item.src, here, "a nested list must follow the bullet it belongs under")
                    continue
                children = []
                for k, inner in enumerate(item.items):
                    if isinstance(inner, Seq):
                        self.bad(inner.src, sub(here, kind, k), "bullets go two levels deep at most")
                    elif text := self.line_of_text(inner, sub(here, kind, k)):
                        children.append(text)
                items[-1] = m.Item(items[-1].text, items[-1].children + tuple(children))
            elif text := self.line_of_text(item, here):
                items.append(m.Item(text))
        return m.Bullets(tuple(items), numbered=kind == "numbered") if items else None

    def quote(self, node: Node | None, here: str) -> m.Quote | None:
        if isinstance(node, Scalar) and isinstance(node.value, str):
            if not node.value.strip():
                self.bad(node.src, here, "required: write the quote's text")
                return None
            return m.Quote(node.value.strip())
        q = self.mapping(node, here, "quote")
        if q is None:
            return None
        text = self.text(q, "text", here, required=True)
        return m.Quote(text, self.text(q, "source", here)) if text else None

    def image(self, node: Node | None, here: str) -> m.Image | None:
        i = self.mapping(node, here, "image")
        if i is None:
            return None
        alt_ok = self.require(i, "alt", here)
        if not self.require(i, "path", here):
            return None
        path = self.file(i.get("path"), child(here, "path"), image=True)
        alt = self.text(i, "alt", here) if alt_ok else ""
        return m.Image(path, alt) if path and alt else None

    def activity(self, node: Node, here: str) -> m.Activity | None:
        a = self.mapping(node, here, "activity")
        if a is None:
            return None
        return m.Activity(
            title=self.text(a, "title", here, required=True),
            minutes=self.minutes(a, "minutes", here, required=True) or 0,
            format=self.text(a, "format", here), instructions=self.text(a, "instructions", here),
            materials=self.texts(a, "materials", here), debrief=self.texts(a, "debrief", here), src=a.src)

    def handout(self, node: Node | None, here: str) -> m.Handout:
        h = self.mapping(node, here, "handout")
        if h is None:
            return m.Handout()
        sheet = None
        w = self.mapping(h.get("worksheet"), child(here, "worksheet"), "worksheet")
        if w is not None:
            lines = self.minutes(w, "lines", child(here, "worksheet"), required=False) or 0
            sheet = m.Worksheet(title=self.text(w, "title", child(here, "worksheet"), required=True),
                                instructions=self.text(w, "instructions", child(here, "worksheet")),
                                rows=self.texts(w, "rows", child(here, "worksheet")),
                                columns=self.texts(w, "columns", child(here, "worksheet")), lines=lines)
        return m.Handout(points=self.texts(h, "points", here), prompts=self.texts(h, "prompts", here),
                         worksheet=sheet)

    def theme(self, root: Map) -> m.Theme:
        t = self.mapping(root.get("theme"), "theme", "theme")
        if t is None:
            return m.Theme()
        default = m.Theme()
        name = self.text(t, "name", "theme")
        if name:
            from workshop.themes import bundled_themes

            themes = bundled_themes()
            if name in themes:
                chosen = themes[name]
                default = m.Theme(primary=chosen.primary, accent=chosen.accent, font=chosen.font,
                                  print_ink=chosen.print_ink)
            else:
                self.bad(t.get("name").src, "theme.name", f"there is no bundled theme {name!r}; "
                         f"choose one of: {', '.join(themes) or 'none are installed'} (workshop themes lists them)")
                name = ""
        template = self.file(t.get("template"), "theme.template", image=False)
        if template is not None and template.suffix.lower() != ".pptx":
            self.bad(t.get("template").src, "theme.template", "a template must be a .pptx file")
            template = None
        layouts, layouts_src = [], []
        given = t.get("layouts")
        roles = ", ".join(KEYS["layouts"])
        if not is_null(given) and not isinstance(given, Map):  # a list of names, a single name
            self.bad(given.src, "theme.layouts", f"write theme.layouts as role: layout name, one per line "
                     f"(roles: {roles}), for example layouts: {{title_only: Headline Only}}")
            given = None
        mapping = self.mapping(given, "theme.layouts", "layouts")
        if mapping is not None:
            if t.get("template") is None:
                self.bad(t.entries["layouts"].key_src, "theme.layouts",
                         "theme.layouts names layouts of your own template: set theme.template to the .pptx "
                         "too, or remove theme.layouts")
            for role in mapping.entries:
                value = mapping.get(role)
                if role in KEYS["layouts"] and (is_null(value) or (isinstance(value, Scalar) and
                                                                   not str(value.value).strip())):
                    self.bad(mapping.entries[role].key_src, f"theme.layouts.{role}",
                             f"no layout name: write the name of a layout in the template (as PowerPoint's Slide "
                             f"Master view shows it), or remove {role} to use '{ROLES[role][0]}'")
                elif role in KEYS["layouts"]:
                    name = self.text(mapping, role, "theme.layouts", required=True)
                    if name:
                        layouts.append((role, name))
                        layouts_src.append((role, mapping.get(role).src))
        primary = self.colour(t, "primary", "theme", default.primary)
        accent = self.colour(t, "accent", "theme", default.accent)
        return m.Theme(primary=primary, accent=accent,
                       # the bundled theme's ink for paper, while its colours are the theme's own
                       print_ink=default.print_ink if (primary, accent) == (default.primary, default.accent) else "",
                       font=self.text(t, "font", "theme") or default.font, name=name,
                       logo=self.file(t.get("logo"), "theme.logo", image=True),
                       template=template, src=t.src,
                       template_src=t.get("template").src if template is not None else t.src,
                       layouts=tuple(layouts), layouts_src=tuple(layouts_src))

    def quiz(self, root: Map, objectives: int) -> m.Quiz | None:
        from workshop.quiz.read import read_quiz

        return read_quiz(self, root, objectives)

    def deck(self, root: Map) -> m.DeckOptions:
        d = self.mapping(root.get("deck"), "deck", "deck")
        if d is None:
            return m.DeckOptions()
        on = {key: is_null(d.get(key)) or self.flag(d, key, "deck") for key in ("dividers", "activity_slides", "closing")}
        end = self.text(d, "end_matter", "deck").lower() or "before"
        if end not in ("before", "after"):
            self.bad(d.get("end_matter").src, "deck.end_matter",
                     f"expected before (the deck's references and contact slides before your own last slide, "
                     f"such as Thank you) or after (they come last), got {end!r}")
            end = "before"
        return m.DeckOptions(quiz=self.flag(d, "quiz", "deck"), src=d.src, end_matter=end, **on)

    def handouts(self, root: Map) -> m.HandoutOptions:
        h = self.mapping(root.get("handouts"), "handouts", "handouts")
        if h is None:
            return m.HandoutOptions()
        slides = True if is_null(h.get("slides")) else self.flag(h, "slides", "handouts")
        return m.HandoutOptions(slides=slides, src=h.src)


#: Past these a picture is refused: a slide never needs more, and every builder would carry it.
MAX_PICTURE_PIXELS = 40_000_000
MAX_PICTURE_BYTES = 50 * 2 ** 20


def _picture_problem(path: Path) -> str:
    """Why the picture at ``path`` cannot go into the deck, or "" when it can.

    A picture past :data:`MAX_PICTURE_PIXELS` is refused from its header alone, before anything
    decodes it; a smaller one is decoded once, so a damaged file is named here and not met by
    a builder. Cached by file identity: ``watch`` asks again after every save.
    """
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _CHECKED_PICTURES:
        _CHECKED_PICTURES[key] = _picture_check(*key)
    return _CHECKED_PICTURES[key]


_CHECKED_PICTURES: dict[tuple[str, int, int], str] = {}


def _picture_check(name: str, mtime_ns: int, size: int) -> str:
    import warnings

    from PIL import Image, UnidentifiedImageError

    smaller = "save a smaller copy (at most about 4000 pixels wide is plenty for a slide)"
    if size > MAX_PICTURE_BYTES:
        return f"is {size // 2 ** 20} MB, too large to embed; {smaller}"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # PIL's warnings (size, damaged EXIF) are ours to phrase
            with Image.open(name) as im:
                kind, (width, height) = im.format, im.size
                if kind in IMAGE_FORMATS and 0 < width * height <= MAX_PICTURE_PIXELS:
                    im.load()
    except Image.DecompressionBombError:
        return f"{_picture_size(Path(name))}, too large to embed; {smaller}"
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        return "cannot be read as a picture; is it damaged, or another kind of file renamed?"
    if kind not in IMAGE_FORMATS:
        return f"is a {kind} picture; save it as PNG or JPEG"
    if not width or not height:
        return "is a picture with no pixels"
    if width * height > MAX_PICTURE_PIXELS:
        return f"is {width} × {height} pixels, too large to embed; {smaller}"
    return ""


def _picture_size(path: Path) -> str:
    """"is W × H pixels" for a picture too large for PIL to open, read by its format's own reader."""
    from PIL import Image

    Image.init()
    with path.open("rb") as fp:
        prefix = fp.read(16)
        for kind in sorted(IMAGE_FORMATS):
            factory, accept = Image.OPEN[kind]
            accepted = accept(prefix) if accept else True
            if accepted and not isinstance(accepted, str):  # a str is Pillow's "nearly, but no"
                fp.seek(0)
                with factory(fp, str(path)) as im:
                    width, height = im.size
                return f"is {width} × {height} pixels"
    return f"has more than {2 * Image.MAX_IMAGE_PIXELS // 10 ** 6} million pixels"
