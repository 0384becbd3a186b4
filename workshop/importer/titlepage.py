"""The title slide -> the outline's ``workshop`` facts and presenters; a built deck's closing
slide -> the presenters' contact details.

A title slide is free text, so each line is read only when its form is unmistakable (a date
with a month name or in ISO form, a name followed by credentials, a line that says "Presented
by"); every value found this way is marked for the trainer to check, and a line that fits no
form is kept as a comment rather than guessed at.
"""

from __future__ import annotations

import datetime as dt
import re

from workshop.importer.draft import Draft, DraftPresenter
from workshop.importer.raw import RawSlide

_MONTHS = {name: n for n, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")], 1) for name in names}
_MONTH = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_MDY = re.compile(_WEEKDAY + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I)
_DMY = re.compile(_WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_PRESENTED = re.compile(r"^(?:presented by|presenters?|facilitated by|facilitators?|speakers?|by)\s*:?\s+", re.I)
_CREDENTIAL = re.compile(r"^[A-Z][A-Za-z.\-]{0,11}$")
_CE_LINE = re.compile(r"^(.*?)\s+·\s+[\d.]+\s+[\w\s]*hours?$", re.I)
_SEPARATORS = re.compile(r"\s+(?:·|\||–|—)\s+")


def read_title_slide(slide: RawSlide, draft: Draft) -> None:
    """Fill ``draft``'s title, subtitle, date, location and presenters from the title slide."""
    draft.title = slide.title
    lines = [(p.text, p.bold) for b in slide.blocks if b.role in ("subtitle", "body", "text") for p in b.paras]
    built = slide.block("Details") is not None
    for raw_text, bold in lines:
        for text in (t.strip() for t in raw_text.split("\n")):
            if text:
                _title_line(text, bold and built, built, draft)
    if draft.presenters:
        draft.presenters_comment = "check: read from the title slide"


def _title_line(text: str, bold: bool, built: bool, draft: Draft) -> None:
    if built and bold:
        draft.presenters.append(presenter(text))
        return
    if built and draft.ce_provider == "" and (ce := _CE_LINE.match(text)):
        draft.ce_provider = ce.group(1).strip()
        draft.notice(1, "check", f"the title slide names the CE provider {draft.ce_provider}; the ce: block is "
                                 "written commented out until you add your approval statement")
        return
    when, rest = find_date(text)
    if when and not draft.date:
        draft.date = when
        draft.date_comment = "check: the date on the title slide; change it for a new run of the workshop"
        parts = [p for p in _SEPARATORS.split(rest.strip(" ,·|–—")) if p]
        if parts and not draft.location:
            draft.location = parts[0]
        return
    if (named := _PRESENTED.match(text)) or _looks_like_name_with_credentials(text):
        names = text[named.end():] if named else text
        for name in re.split(r"\s*(?:;|&|\band\b)\s*", names):
            if name.strip():
                draft.presenters.append(presenter(name.strip()))
        return
    if _SLASHED.search(text) and not draft.date:
        draft.title_extra.append(f"{text}  (write the date as YYYY-MM-DD in workshop.date)")
        return
    if not draft.subtitle:
        draft.subtitle = text
        return
    draft.title_extra.append(text)


def presenter(text: str) -> DraftPresenter:
    """ "Dawn Allred, LPC, MAC" -> name and credentials; a name without credentials stays whole."""
    parts = [p.strip() for p in text.split(",")]
    creds = [p for p in parts[1:] if p]
    if creds and all(_is_credential(p) for p in creds):
        return DraftPresenter(parts[0], ", ".join(creds))
    return DraftPresenter(text.strip())


def _is_credential(token: str) -> bool:
    return all(_CREDENTIAL.match(t) and sum(c.isupper() for c in t) >= 2 for t in token.split())


def _looks_like_name_with_credentials(text: str) -> bool:
    person = presenter(text)
    return bool(person.credentials) and 1 < len(person.name.split()) <= 5


def find_date(text: str) -> tuple[str, str]:
    """The ISO date a line states beyond doubt, and the line without it; ("", text) when none."""
    for pattern, order in ((_MDY, "mdy"), (_DMY, "dmy"), (_ISO, "ymd")):
        match = pattern.search(text)
        if not match:
            continue
        a, b, c = match.groups()
        try:
            if order == "mdy":
                day = dt.date(int(c), _MONTHS[a.lower()], int(b))
            elif order == "dmy":
                day = dt.date(int(c), _MONTHS[b.lower()], int(a))
            else:
                day = dt.date(int(a), int(b), int(c))
        except (ValueError, KeyError):
            continue
        return day.isoformat(), text[:match.start()] + text[match.end():]
    match = _SLASHED.search(text)
    if match:
        first, second, year = (int(g) for g in match.groups())
        # 3/14/2026 can only be March 14 and 14/3/2026 only 14 March; 3/4/2026 could be either
        month, day = (first, second) if second > 12 >= first else (second, first) if first > 12 >= second else (0, 0)
        if month:
            try:
                return dt.date(year, month, day).isoformat(), text[:match.start()] + text[match.end():]
            except ValueError:
                pass
    return "", text


def read_closing_slide(slide: RawSlide, draft: Draft) -> None:
    """Add the e-mail, phone and website a built deck's closing slide shows under each presenter."""
    block = slide.block("Contact")
    if block is None:
        return
    current = None
    for para in block.paras:
        if para.bold:
            name = presenter(para.text)
            current = next((p for p in draft.presenters if p.name == name.name), None)
            if current is None:
                current = name
                draft.presenters.append(current)
            continue
        if current is None:
            continue
        line = para.text.strip()
        if line == current.credentials:  # set under the name, as the closing slide now shows them
            continue
        if "@" in line and " " not in line and not current.email:
            current.email = line
        elif re.fullmatch(r"[+()\d][\d\s().\-]{5,}", line) and not current.phone:
            current.phone = line
        elif not current.website:
            current.website = line


_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_WEBSITE = re.compile(r"(?:https?://|www\.)\S+|\b[\w\-]+(?:\.[\w\-]+)*\.(?:com|org|net|edu|gov|io|info)(?:/\S*)?",
                      re.I)
_PHONE = re.compile(r"\+?\(?\d[\d\s().\-]{6,}\d")


def read_contacts(lines: list[str], draft: Draft, number: int) -> bool:
    """Give the presenters the e-mail, website and phone that ``lines`` (the presenter's own last
    slide) show; a line that names a presenter gives the lines after it to that presenter.
    False when the lines hold no contact details."""
    found = False
    current = draft.presenters[0] if len(draft.presenters) >= 1 else None
    for line in lines:
        named = next((p for p in draft.presenters if p.name and p.name.lower() in line.lower()), None)
        if named is not None:
            current = named
        email, website, phone = _EMAIL.search(line), None, None
        rest = _EMAIL.sub(" ", line)
        website = _WEBSITE.search(rest)
        if website is None:
            phone = _PHONE.search(rest)
        if not (email or website or phone):
            continue
        if current is None:
            current = DraftPresenter("Presenter name")
            draft.presenters.append(current)
            draft.presenters_comment = "check: no presenter was found in the deck; write yours"
            draft.notice(0, "check", "no presenter was found on the title slide; fill in presenters")
        for key, match in (("email", email), ("website", website), ("phone", phone)):
            if match and not getattr(current, key):
                setattr(current, key, match.group(0).rstrip(".,;)"))
                found = True
    if found:
        draft.notice(number, "changed", "the contact details on the last slide, also as the presenters' e-mail, "
                                        "website or phone")
    return found
