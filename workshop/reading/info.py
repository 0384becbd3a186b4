"""The outline's ``workshop:`` block: title, date, times, place, and how the outputs print them."""

from __future__ import annotations

from workshop.i18n import languages
from workshop.reading.reader import Reader
from workshop.schedule import DATE_STYLES
from workshop.yamlsrc import Map
from workshop.zones import zone_problem


def read_info(r: Reader, root: Map) -> dict:
    """The block's fields of :class:`~workshop.model.Workshop`, by name; sets ``r.language``,
    which the blocks read after it print in."""
    info = r.mapping(root.get("workshop"), "workshop", "workshop")
    if info is None:
        r.bad(root.entries["workshop"].key_src if "workshop" in root.entries else root.src,
              "workshop", "required: a mapping with at least a title")
        info = Map(root.src)
    title = r.text(info, "title", "workshop", required=True)
    r.language = _language(r, info)
    zone = r.plain(info, "workshop", "timezone", "workshop") or None
    if zone and (problem := zone_problem(zone)):
        r.bad(info.get("timezone").src, "workshop.timezone", problem)
        zone = None
    plain = r.fields(info, "workshop", "workshop", "subtitle", "audience", "date", "start", "end", "clock",
                     "location")
    return dict(title=title, **plain, end_src=info.get("end").src if info.get("end") else info.src,
                date_style=_date_style(r, info), timezone=zone, language=r.language)


def _date_style(r: Reader, info: Map) -> str:
    """``workshop.date_style``, written in any case with spaces or dashes ("Day Month" is day-month)."""
    written = r.text(info, "date_style", "workshop").strip()
    style = "-".join(written.lower().replace("_", " ").split())
    if style and style not in r.declared("workshop", "date_style").choices:
        allowed = ", ".join(f"{name} ({example})" for name, example in DATE_STYLES.items())
        r.bad(info.get("date_style").src, "workshop.date_style", f"expected one of {allowed}; got '{written}'")
        return ""
    return style


def _language(r: Reader, info: Map) -> str:
    """``workshop.language`` as a catalog's code ("es", "fr"); English when not written, and
    when the one written has no catalog (after saying which ones there are)."""
    written = r.text(info, "language", "workshop").strip()
    code = written.lower().replace("_", "-")
    if not code:
        return r.declared("workshop", "language").default
    if code not in languages():
        r.bad(info.get("language").src, "workshop.language",
              f"no catalog for '{written}'; available: {', '.join(languages())} (a translator adds one "
              "as workshop/locale/<code>/LC_MESSAGES/workshop.po)")
        return r.declared("workshop", "language").default
    return code
