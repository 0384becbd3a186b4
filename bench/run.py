"""Benchmarks, side by side with references, in one command:  python bench/run.py

1. The whole kit for the bundled outline with a 40-person roster, against pandoc making only a
   deck of the same workshop from Markdown (skipped when pandoc is not installed). Then, under
   `workshop watch`, the time from saving a one-slide edit to the new deck.pptx being in place,
   and to every affected output being in place.
2. certificates.pdf for a 10,000-attendee roster (`workshop build --only certificates`, which with
   the bundled outline's verify_url also writes the ledger and the verification site), against a
   bare reportlab loop drawing the same pages (the same words, faces, sizes and places, and the same
   QR codes: segno's matrix as one path a page) for the certificates of our ledger; with peak
   memory. Then the verification site alone for 10,000 certificates (signed Open Badges
   credentials, a page each, the status list: `workshop.verify.write_site`), and our build against
   the bare loop and the site together: the same work.
3. How build time grows: 30 / 300 / 2,000 slides (the most an outline may have); 100 / 1,000 / 10,000 attendees.

Each figure is the best of --repeat runs (default 3). Outputs go to bench/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BUNDLED = ROOT / "outlines" / "therapeutic-relationship.yaml"
SAMPLE = [r["name"] for r in csv.DictReader(open(ROOT / "outlines" / "sample-roster.csv", encoding="utf-8"))]


def timed(cmd: list[str], repeat: int) -> tuple[float, float]:
    """Best wall time in seconds and peak resident memory in MB of running ``cmd``."""
    best, peak = float("inf"), 0.0
    for _ in range(repeat):
        began = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        elapsed = time.perf_counter() - began
        if proc.returncode:
            sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr}")
        best = min(best, elapsed)
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    return best, peak


def peak_of(cmd: list[str]) -> tuple[float, float]:
    """Wall time and the peak memory of this one command (measured by a fresh child)."""
    code = ("import resource,subprocess,sys,time;t=time.perf_counter();"
            "r=subprocess.run(sys.argv[1:],capture_output=True);"
            "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024, r.returncode)")
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True).stdout.split()
    if out[2] != "0":
        sys.exit(f"failed: {' '.join(cmd)}")
    return float(out[0]), float(out[1])


def roster(n: int) -> Path:
    path = OUT / f"roster-{n}.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["name", "email", "license"])
        for k in range(n):
            w.writerow([f"{SAMPLE[k % len(SAMPLE)]} {k}", f"a{k}@example.org", f"LPC {10000 + k}"])
    return path


def outline_with_slides(n: int) -> Path:
    """The bundled outline with its slides repeated to about ``n`` slides."""
    doc = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    sections = [s for s in doc["sections"] if "title" in s]
    per = max(1, n // len(sections))
    for k, s in enumerate(sections):
        base = s.get("slides") or [{"title": s["title"], "bullets": ["Point"]}]
        s["slides"] = [dict(base[j % len(base)], title=f"{base[j % len(base)]['title']} {j}", minutes=None)
                       for j in range(per)]
        for slide in s["slides"]:
            slide.pop("minutes")
        s["minutes"] = max(s["minutes"], sum(a["minutes"] for a in s.get("activities", [])) + 1)
    path = OUT / f"slides-{n}.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def markdown_deck() -> Path:
    """The same workshop as pandoc Markdown slides, for pandoc's deck-only run."""
    doc = yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))
    lines = [f"% {doc['workshop']['title']}", f"% {doc['presenters'][0]['name']}", ""]
    for s in doc["sections"]:
        if "break" in s:
            lines += [f"# {s['break']}", "", f"{s['minutes']} minutes", ""]
            continue
        lines += [f"# {s['title']}", ""]
        for slide in s.get("slides", []):
            lines += [f"## {slide['title']}", ""]
            for item in slide.get("bullets", []) + slide.get("numbered", []):
                lines += ([f"- {item}"] if isinstance(item, str) else [f"    - {x}" for x in item])
            if "quote" in slide:
                lines += [f"> {slide['quote']['text']}", ">", f"> {slide['quote']['source']}"]
            lines += ["", "::: notes", slide.get("notes", ""), ":::", ""]
    path = OUT / "deck.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


REFERENCE = r'''
# certificates.pdf as a plain reportlab loop would draw it: every page in full, the same words in the
# same faces, sizes, colours and places as workshop's certificates, for the certificates of
# workshop's own ledger (argv[1]), with the same QR codes: segno's matrix (error correction M, the
# mask the penalty rule chooses for the addresses' shape, as workshop.qrcodes does), each row's runs of dark modules one path. A name is
# drawn in pieces, each in the first face that has its characters (right-to-left names unshaped,
# in the order they are written: what a bare loop draws).
import csv, datetime as dt, re, sys
import segno
from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
sys.path.insert(0, sys.argv[3])
from workshop.fonts import font_file
FACES = ("serif", "serif-bold", "serif-italic", "sans", "sans-bold", "cjk", "arabic", "hebrew")
for face in FACES:
    pdfmetrics.registerFont(TTFont(face, str(font_file(face))))
HAS = {f: pdfmetrics.getFont(f).face.charWidths for f in ("serif", "cjk", "arabic", "hebrew")}
PRIMARY, ACCENT, INK, MUTED = HexColor("#1F4E79"), HexColor("#B45309"), HexColor("#1F2328"), HexColor("#4A525C")
W, H = 792, 612
c = Canvas(sys.argv[2], pagesize=(W, H), invariant=1, pageCompression=1)
mask = None
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")):
    c.setStrokeColor(PRIMARY); c.setLineWidth(5); c.rect(40, 40, W - 80, H - 80)
    c.setStrokeColor(ACCENT); c.setLineWidth(1.2); c.rect(50, 50, W - 100, H - 100)
    c.setFillColor(PRIMARY); c.setFont("sans-bold", 18); c.drawCentredString(W / 2, H - 88, "Sunrise Consulting")
    c.setFont("serif-bold", 34); c.drawCentredString(W / 2, H - 134, "Certificate of Completion")
    c.setFillColor(INK); c.setFont("serif-italic", 14); c.drawCentredString(W / 2, H - 166, "This certifies that")
    c.drawCentredString(W / 2, 320, "has completed")
    c.setFont("serif-bold", 24); c.drawCentredString(W / 2, 278.8, "Relationship: What It\u2019s All About")
    c.setFillColor(MUTED); c.setFont("sans", 12); c.drawCentredString(W / 2, 248, "March 14, 2026 \u00b7 Atlanta, GA")
    c.setStrokeColor(HexColor("#5F6770")); c.setLineWidth(0.75); c.line(291, 118, 501, 118)
    c.setFillColor(INK); c.setFont("sans-bold", 10.5); c.drawCentredString(W / 2, 106, "Dawn Allred")
    c.setFillColor(MUTED); c.setFont("sans", 9.5); c.drawCentredString(W / 2, 93.925, "LPC, MAC")
    c.setFillColor(INK); c.setFont("sans", 12)
    c.drawCentredString(W / 2, 180, "Sample statement: approved by the Example Board of Counselors, provider No. 1234")
    runs = []  # the name in pieces, each in the first face that has its characters
    for ch in row["name"]:
        face = next((f for f in HAS if ord(ch) in HAS[f]), "serif")
        if runs and runs[-1][0] == face:
            runs[-1][1] += ch
        else:
            runs.append([face, ch])
    size = next((s for s in (48, 44, 40, 36, 32, 28, 24, 20, 16, 12)
                 if sum(pdfmetrics.stringWidth(t, f, s) for f, t in runs) <= 608), 12)
    width = sum(pdfmetrics.stringWidth(t, f, size) for f, t in runs)
    x = W / 2 - width / 2
    for face, text in runs:
        c.setFont(face, size); c.drawString(x, 370 + (64 + 1.15 * size) / 2 - 0.95 * size, text)
        x += pdfmetrics.stringWidth(text, face, size)
    half = min(max(230, width / 2 + 12), 324)
    c.setStrokeColor(ACCENT); c.setLineWidth(0.8); c.line(W / 2 - half, 366, W / 2 + half, 366)
    c.setFillColor(MUTED); c.setFont("sans", 12); c.drawCentredString(W / 2, 348, "License: " + row["license"])
    c.setFillColor(PRIMARY); c.setFont("serif-bold", 18); c.drawCentredString(W / 2, 198, row["hours"] + " CE hours")
    issued = dt.date.fromisoformat(row["issued"])
    c.setFillColor(MUTED); c.setFont("sans", 9)
    c.drawCentredString(W / 2, 62, f"Certificate ID {row['certificate_id']} \u00b7 Issued {issued:%B} {issued.day}, {issued.year}")
    url = f"https://sunrise-ce.example/verify/{row['certificate_id']}/"
    if mask is None:
        mask = segno.make_qr(re.sub("[A-Za-z0-9]", "a", url), error="m", boost_error=False).mask
    code = segno.make_qr(url, error="m", boost_error=False, mask=mask)
    side = len(code.matrix)
    c.saveState(); c.translate(654, 80); c.scale(56 / (side + 8), 56 / (side + 8)); c.setFillColorRGB(0, 0, 0)
    path = c.beginPath()
    for r, modules in enumerate(code.matrix):
        x = 0
        while x < side:
            start = x
            while x < side and modules[x]:
                x += 1
            if x > start:
                path.rect(4 + start, side + 3 - r, x - start, 1)
            x += 1
    c.drawPath(path, stroke=0, fill=1); c.restoreState()
    c.setFillColor(MUTED); c.setFont("sans", 8)
    c.drawCentredString(682, 70, "Scan to verify"); c.drawCentredString(682, 60.5, "sunrise-ce.example")
    c.showPage()
c.save()
'''


SITE = r'''
import csv, dataclasses, datetime as dt, sys, time
from decimal import Decimal
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from workshop.verify import CertificateRecord, provider_key, write_site
began = time.perf_counter()
key = provider_key("Sunrise Consulting", Path(sys.argv[2]) / "keys")
base = CertificateRecord(
    id="", version=1, name="", licence="", hours=Decimal(3), unit="contact hours",
    title="Relationship: What It's All About", description="A three-hour workshop on the therapeutic relationship.",
    dates=(dt.date(2026, 3, 14),), provider="Sunrise Consulting", provider_url="https://sunrise.example.org/",
    approvals=("Sample statement: approved by the Example Board",), issued=dt.date(2026, 3, 14), status_index=0)
records = [dataclasses.replace(base, id=f"20260314-{k:08X}", name=row["name"], licence=row["license"], status_index=k)
           for k, row in enumerate(csv.DictReader(open(sys.argv[1], encoding="utf-8")))]
write_site(records, key, "https://certs.example.org/verify/{id}", Path(sys.argv[2]) / "verify")
'''


def verification_site(rosterfile: Path, folder: Path) -> tuple[float, float]:
    """Seconds and peak MB of writing the verification site for every row of ``rosterfile``
    (one process, from records to files; the provider's key is made in ``folder``)."""
    script = OUT / "site.py"
    script.write_text(SITE, encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return peak_of([sys.executable, str(script), str(rosterfile), str(folder), str(ROOT)])


def watch_latency(rosterfile: Path, edits: int) -> tuple[list[float], list[float]]:
    """Seconds from saving a one-slide edit to the new deck.pptx being in place under
    `workshop watch`, and to the last output (the guide) being in place."""
    folder = OUT / "watch"
    folder.mkdir()
    outline = folder / "outline.yaml"
    text = BUNDLED.read_text(encoding="utf-8")
    outline.write_text(text, encoding="utf-8")
    kit = folder / "kit"
    proc = subprocess.Popen([sys.executable, "-m", "workshop", "watch", str(outline), "--roster", str(rosterfile),
                             "--out", str(kit)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deck_times, all_times = [], []
    try:
        proc.stdout.readline()  # "Watching ..."
        if "rebuilt" not in proc.stdout.readline():
            sys.exit("watch did not build the kit:\n" + proc.stderr.read())
        for k in range(edits):
            old_deck, old_guide = os.stat(kit / "deck.pptx").st_ino, os.stat(kit / "guide.pdf").st_ino
            time.sleep(0.3)
            changed = text.replace("title: A working definition", f"title: A working definition ({k + 1})")
            began = time.perf_counter()
            outline.write_text(changed, encoding="utf-8")
            deck_at = None
            while True:
                now = time.perf_counter()
                try:
                    if deck_at is None and os.stat(kit / "deck.pptx").st_ino != old_deck:
                        deck_at = now
                    if os.stat(kit / "guide.pdf").st_ino != old_guide:
                        break
                except FileNotFoundError:
                    pass  # between the two renames on a system without an atomic exchange
                if now - began > 30:
                    sys.exit("watch did not rebuild within 30 s")
                time.sleep(0.001)
            deck_times.append(deck_at - began)
            all_times.append(now - began)
            proc.stdout.readline()
    finally:
        proc.terminate()
        proc.wait()
    return deck_times, all_times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a fast look")
    args = parser.parse_args()
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    ws = [sys.executable, "-m", "workshop"]
    # Bytecode as an installed package has it: pip compiles it at install time, and a machine with
    # PYTHONDONTWRITEBYTECODE set would otherwise compile the whole package on every run.
    import compileall

    compileall.compile_dir(str(Path(__file__).resolve().parent.parent / "workshop"), quiet=1)
    env_note = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    print(f"# workshop benchmarks ({env_note}); best of {args.repeat}\n")

    r40 = roster(40)
    kit, _ = timed(ws + ["build", str(BUNDLED), "--roster", str(r40), "--out", str(OUT / "kit")], args.repeat)
    print(f"whole kit, bundled outline, 40 attendees : {kit:6.3f} s")
    saved = os.environ.get("WORKSHOP_JOBS")
    os.environ["WORKSHOP_JOBS"] = "1"
    try:
        one, _ = timed(ws + ["build", str(BUNDLED), "--roster", str(r40), "--out", str(OUT / "kit-one")], args.repeat)
    finally:
        os.environ.pop("WORKSHOP_JOBS") if saved is None else os.environ.update(WORKSHOP_JOBS=saved)
    print(f"the same in one process (WORKSHOP_JOBS=1): {one:6.3f} s   (two processes save {one - kit:.3f} s)")
    pandoc = shutil.which("pandoc")
    if pandoc:
        md = markdown_deck()
        deck_only, _ = timed([pandoc, str(md), "-o", str(OUT / "pandoc.pptx")], args.repeat)
        print(f"pandoc, deck only, same workshop         : {deck_only:6.3f} s   (kit / pandoc = {kit / deck_only:.1f}x)")
    else:
        print("pandoc not installed: the deck-only comparison was skipped")

    deck_times, all_times = watch_latency(r40, 5 if args.quick else 10)
    deck_times.sort()
    all_times.sort()
    print(f"watch, one slide edited: deck.pptx in place after {deck_times[0]:.3f} s (median "
          f"{deck_times[len(deck_times) // 2]:.3f} s); every output after {all_times[0]:.3f} s "
          f"(median {all_times[len(all_times) // 2]:.3f} s)")

    n = 1000 if args.quick else 10000
    big = roster(n)
    ours, ours_mb = peak_of(ws + ["build", str(BUNDLED), "--roster", str(big), "--out", str(OUT / "certs"),
                                  "--only", "certificates"])
    ref_py = OUT / "reference.py"
    ref_py.write_text(REFERENCE, encoding="utf-8")
    bare, bare_mb = peak_of([sys.executable, str(ref_py), str(OUT / "certs" / "certificates.csv"), str(OUT / "bare.pdf"),
                             str(ROOT)])
    site, site_mb = verification_site(big, OUT / "site")
    print(f"\ncertificates, {n:,} attendees           : {ours:6.2f} s, peak {ours_mb:5.0f} MB   "
          "(certificates.pdf, the ledger and the verify/ site of the bundled outline's ce.verify_url)")
    print(f"bare reportlab loop, same pages          : {bare:6.2f} s, peak {bare_mb:5.0f} MB   (ours / bare = {ours / bare:.2f}x)")
    print(f"verification site, same {n:,} certificates: {site:6.2f} s, peak {site_mb:5.0f} MB   "
          f"(ours / (bare + site) = {ours / (bare + site):.2f}x)")

    print("\ngrowth (whole kit without roster):")
    for slides in ((30, 300) if args.quick else (30, 300, 2000)):
        path = outline_with_slides(slides)
        t, _ = timed(ws + ["build", str(path), "--out", str(OUT / f"s{slides}")], 1)
        print(f"  {slides:>5} slides: {t:6.2f} s")
    print("growth (certificates only):")
    for people in ((100, 1000) if args.quick else (100, 1000, 10000)):
        t, _ = timed(ws + ["build", str(BUNDLED), "--roster", str(roster(people)), "--out", str(OUT / f"p{people}"),
                           "--only", "certificates"], 1)
        print(f"  {people:>6} attendees: {t:6.2f} s")


if __name__ == "__main__":
    main()
