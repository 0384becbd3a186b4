"""Benchmarks, side by side with references, in one command:  python bench/run.py

1. The whole kit for the bundled outline with a 40-person roster, against pandoc making only a
   deck of the same workshop from Markdown (skipped when pandoc is not installed). Then, under
   `workshop watch`, the time from saving a one-slide edit to the new deck.pptx being in place,
   and to every affected output being in place.
2. certificates.pdf for a 10,000-attendee roster (`workshop build --only certificates`), against a
   bare reportlab loop drawing the same pages with the same fonts; with peak memory. Then the
   verification site for the same 10,000 certificates (signed Open Badges credentials, a page each,
   the status list: `workshop.verify.write_site`), against the certificates alone.
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
import csv, sys
from reportlab.lib.pagesizes import landscape, letter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
sys.path.insert(0, sys.argv[3])
from workshop.fonts import font_file
for face in ("serif", "serif-bold", "serif-italic", "sans", "cjk", "arabic", "hebrew"):
    pdfmetrics.registerFont(TTFont(face, str(font_file(face))))
W, H = landscape(letter)
c = Canvas(sys.argv[2], pagesize=(W, H), invariant=1, pageCompression=1)
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    c.setLineWidth(6); c.rect(24, 24, W - 48, H - 48); c.setLineWidth(1.2); c.rect(36, 36, W - 72, H - 72)
    c.setFont("sans", 13); c.drawCentredString(W / 2, H - 78, "SUNRISE CONSULTING")
    c.setFont("serif-bold", 36); c.drawCentredString(W / 2, H - 124, "Certificate of Completion")
    c.setFont("serif-italic", 15); c.drawCentredString(W / 2, H - 160, "This certifies that")
    c.setFont("serif", 40); c.drawCentredString(W / 2, 392, row["name"])
    c.line(W / 2 - 220, 372, W / 2 + 220, 372)
    c.setFont("sans", 12); c.drawCentredString(W / 2, 346, "License: " + row["license"])
    c.setFont("serif-italic", 15); c.drawCentredString(W / 2, 308, "has completed")
    c.setFont("serif-bold", 24); c.drawCentredString(W / 2, 274, "Relationship: What It's All About")
    c.setFont("sans", 13); c.drawCentredString(W / 2, 250, "March 14, 2026 · Atlanta, GA")
    c.setFont("serif-bold", 18); c.drawCentredString(W / 2, 190, "3.00 contact hours")
    c.setFont("sans", 10); c.drawCentredString(W / 2, 150, "Sample statement: approved by the Example Board")
    c.line(276, 92, 516, 92); c.setFont("sans", 11); c.drawCentredString(W / 2, 78, "Dawn Allred, LPC, MAC")
    c.setFont("sans", 9); c.drawCentredString(W / 2, 66, "Presenter"); c.drawRightString(W - 60, 46, "Certificate ID")
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
    bare, bare_mb = peak_of([sys.executable, str(ref_py), str(big), str(OUT / "bare.pdf"), str(ROOT)])
    print(f"\ncertificates, {n:,} attendees           : {ours:6.2f} s, peak {ours_mb:5.0f} MB")
    print(f"bare reportlab loop, same pages          : {bare:6.2f} s, peak {bare_mb:5.0f} MB   (ours / bare = {ours / bare:.2f}x)")
    site, site_mb = verification_site(big, OUT / "site")
    print(f"verification site, same {n:,} certificates: {site:6.2f} s, peak {site_mb:5.0f} MB   "
          f"(certificates + site = {(ours + site) / ours:.2f}x the certificates alone)")

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
