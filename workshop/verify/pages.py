"""The verification site's HTML: a page per certificate and a lookup page. Self-contained (inline
CSS and script, system fonts), no request leaves the site, and nothing personal beyond what
verification needs: the lookup page names no one, a certificate page masks the licence number."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from html import escape

from .record import CertificateRecord, Revoked, Superseded

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")

CSS = """
:root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--paper:#fff;--wash:#f6f8fa;
--ok:#1a7f37;--ok-wash:#dafbe1;--warn:#7d4e00;--warn-wash:#fff8c5;--bad:#a40e26;--bad-wash:#ffebe9;--link:#0550ae}
*{box-sizing:border-box}
html{background:var(--wash);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif}
body{margin:0;padding:2.5rem 1rem}
main{max-width:42rem;margin:0 auto;background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:2rem 2.25rem}
header{border-bottom:1px solid var(--line);padding-bottom:1rem;margin-bottom:1.25rem}
.provider{margin:0;color:var(--muted);font-size:.85rem;letter-spacing:.06em;text-transform:uppercase}
h1{margin:.25rem 0 0;font:600 1.6rem/1.25 Georgia,"Times New Roman","Liberation Serif",serif}
.status{display:flex;gap:.75rem;align-items:flex-start;border-radius:6px;padding:.85rem 1rem;margin:0 0 1.5rem;border:1px solid}
.status strong{display:block;font-size:1.05rem}
.status p{margin:.15rem 0 0}
.status .mark{font-size:1.4rem;line-height:1.2;font-weight:700}
.valid{background:var(--ok-wash);border-color:var(--ok);color:var(--ok)}
.superseded{background:var(--warn-wash);border-color:var(--warn);color:var(--warn)}
.revoked{background:var(--bad-wash);border-color:var(--bad);color:var(--bad)}
.status p,.status a{color:var(--ink)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.55rem 1.5rem;margin:0}
dt{color:var(--muted)}
dd{margin:0;font-weight:500}
dd ul{margin:0;padding-left:1.1rem}
.id{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace;letter-spacing:.03em}
footer{margin-top:1.75rem;padding-top:1rem;border-top:1px solid var(--line);color:var(--muted);font-size:.85rem}
a{color:var(--link)}
form{display:flex;gap:.5rem;flex-wrap:wrap;margin:1rem 0}
label{display:block;font-weight:600;margin-top:.5rem}
input{flex:1 1 14rem;font:inherit;padding:.55rem .75rem;border:1px solid var(--muted);border-radius:6px}
button{font:inherit;font-weight:600;padding:.55rem 1.1rem;border:0;border-radius:6px;background:var(--link);color:#fff;cursor:pointer}
input:focus,button:focus{outline:3px solid #80b3ff;outline-offset:1px}
#answer{min-height:1.5rem;margin:0}
#answer.none{color:var(--bad);font-weight:600}
@media (max-width:34rem){main{padding:1.25rem}dl{grid-template-columns:1fr}dt{margin-top:.4rem}}
@media print{html{background:none;font-size:12pt}body{padding:0}main{border:0;max-width:none;padding:0}
.status{-webkit-print-color-adjust:exact;print-color-adjust:exact}footer a{color:var(--ink);text-decoration:none}form,noscript{display:none}}
"""


def long_date(day: dt.date) -> str:
    """A date no reader can misread: 14 March 2026."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def mask_licence(licence: str) -> str:
    """The licence's letters and last three characters, the rest hidden: ``LPC 10512`` -> ``LPC •••512``."""
    licence = licence.strip()
    if not licence:
        return ""
    match = re.match(r"[^\d]*?(?=\d)", licence)
    prefix = match.group(0) if match and len(licence) - len(match.group(0)) >= 3 else ""
    rest = licence[len(prefix):]
    keep = max(0, min(3, len(rest) - 2))
    return prefix + "•••" + (rest[-keep:] if keep else "")


def dates_text(days: tuple[dt.date, ...], fmt: Callable[[dt.date], str]) -> str:
    return ", ".join(fmt(d) for d in sorted(days))


def hours_text(hours: Decimal, unit: str) -> str:
    return f"{Decimal(hours).normalize():f} {unit}"


def _document(title: str, body: str, extra_head: str = "") -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<link rel=\"icon\" href=\"data:,\">\n"
            f"{extra_head}<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n"
            f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n")


def _status_block(record: CertificateRecord, fmt: Callable[[dt.date], str]) -> str:
    status = record.status
    if isinstance(status, Revoked):
        reason = f" Reason: {escape(status.reason)}." if status.reason else ""
        return ('<div class="status revoked" role="status"><span class="mark" aria-hidden="true">✕</span><div>'
                f'<strong>Revoked</strong><p>The provider revoked this certificate on {escape(fmt(status.date))}. '
                f'It is no longer valid.{reason}</p></div></div>\n')
    if isinstance(status, Superseded):
        return ('<div class="status superseded" role="status"><span class="mark" aria-hidden="true">!</span><div>'
                '<strong>Superseded by a newer certificate</strong><p>This certificate was replaced; the current one is '
                f'<a class="id" href="../{escape(status.by_id)}/">{escape(status.by_id)}</a>.</p></div></div>\n')
    return ('<div class="status valid" role="status"><span class="mark" aria-hidden="true">✓</span><div>'
            '<strong>Valid</strong><p>This certificate was issued by the provider named below and has not been '
            'revoked or replaced.</p></div></div>\n')


def certificate_page(record: CertificateRecord, fmt: Callable[[dt.date], str] = long_date,
                     earlier_versions: int = 0) -> bytes:
    """``verify/<id>/index.html`` for the newest version of a certificate."""
    rows = [("Certificate ID", f'<span class="id">{escape(record.id)}</span>'
             + (f" (version {record.version})" if record.version > 1 else "")),
            ("Issued to", escape(record.name))]
    if record.licence.strip():
        rows.append(("Licence", f'<span class="id">{escape(mask_licence(record.licence))}</span>'))
    rows += [("Workshop", escape(record.title)),
             ("Date" if len(record.dates) == 1 else "Dates", escape(dates_text(record.dates, fmt))),
             ("Hours", escape(hours_text(record.hours, record.unit))),
             ("Provider", (f'<a href="{escape(record.provider_url)}">{escape(record.provider)}</a>'
                           if record.provider_url else escape(record.provider)))]
    if record.approvals:
        if len(record.approvals) == 1:
            rows.append(("Approval", escape(record.approvals[0])))
        else:
            rows.append(("Approvals", "<ul>" + "".join(f"<li>{escape(a)}</li>" for a in record.approvals) + "</ul>"))
    rows.append(("Issued", escape(fmt(record.issued))))
    listing = "".join(f"<dt>{label}</dt><dd>{value}</dd>\n" for label, value in rows)
    replaced = (f" It replaces {earlier_versions} earlier version{'s' if earlier_versions > 1 else ''} "
                "with the same ID." if earlier_versions else "")
    body = (f'<header>\n<p class="provider">{escape(record.provider)}</p>\n<h1>Certificate verification</h1>\n'
            f"</header>\n{_status_block(record, fmt)}<dl>\n{listing}</dl>\n"
            "<footer><p>This page is published by the provider from its record of issued certificates."
            f"{replaced} The same certificate as a signed Open Badges 3.0 credential: "
            '<a href="credential.json">credential.json</a>.</p>\n'
            '<p><a href="../">Check another certificate</a></p></footer>\n')
    head = '<meta name="robots" content="noindex, nofollow">\n'
    return _document(f"Certificate {record.id} · {record.provider}", body, head).encode("utf-8")


LOOKUP_SCRIPT = """
const form = document.getElementById('lookup');
const field = document.getElementById('cid');
const answer = document.getElementById('answer');
function say(text, none) { answer.textContent = text; answer.className = none ? 'none' : ''; }
async function find(raw) {
  const id = raw.trim().replace(/\\s+/g, '').toUpperCase();
  if (!id) { say('Type the certificate ID printed on the certificate.', true); return; }
  if (!/^[A-Z0-9][A-Z0-9-]{0,63}$/.test(id)) {
    say('"' + raw.trim() + '" is not a certificate ID: an ID has only letters, digits and dashes.', true); return;
  }
  say('Looking for ' + id + '…', false);
  let found = false;
  try {
    const response = await fetch('./' + id + '/credential.json', {method: 'GET', cache: 'no-store'});
    found = response.ok;
  } catch (error) {
    say('The site could not be reached; check your connection and try again.', true); return;
  }
  if (found) { window.location.href = './' + id + '/'; }
  else { say('There is no certificate with the ID ' + id + '. Check the ID on the certificate and try again.', true); }
}
form.addEventListener('submit', event => { event.preventDefault(); find(field.value); });
const given = new URLSearchParams(window.location.search).get('id');
if (given) { field.value = given; find(given); }
"""


def lookup_page(provider: str) -> bytes:
    """``verify/index.html``: finds a certificate by the id typed in; lists and embeds no one."""
    body = (f'<header>\n<p class="provider">{escape(provider)}</p>\n<h1>Verify a certificate</h1>\n</header>\n'
            "<p>Type the certificate ID printed at the foot of the certificate (for example "
            '<span class="id">20260314-EXAMPLE1</span>) to see whether the provider issued it and whether it is '
            "still valid.</p>\n"
            '<form id="lookup" action="./" method="get"><label for="cid" style="flex-basis:100%">Certificate ID</label>'
            '<input id="cid" name="id" autocomplete="off" spellcheck="false" required>'
            '<button type="submit">Verify</button></form>\n'
            '<p id="answer" aria-live="polite"></p>\n'
            "<noscript><p>This search needs JavaScript. Without it, add the certificate ID to this page's address: "
            "<span class=\"id\">…/verify/ID/</span>.</p></noscript>\n"
            "<footer><p>Every certificate also has a signed Open Badges 3.0 credential at "
            '<span class="id">ID/credential.json</span>.</p></footer>\n'
            f"<script>{LOOKUP_SCRIPT}</script>\n")
    return _document(f"Verify a certificate · {provider}", body).encode("utf-8")
