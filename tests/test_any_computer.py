"""A computer with no fonts of its own builds the whole kit from the faces the package ships; a
script no face has is told once, with what to install; the usual font folders of each system."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from support import MINIMAL, ROOT, run, write
from support.samplekit import check_sample_kit, fonts_in, normal
from workshop import fonts
from workshop.printable import install_hint

def build_without_system_fonts(folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    empty = folder / "no-fonts"
    empty.mkdir(exist_ok=True)
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "WORKSHOP_FONT_DIRS": str(empty),
                   "WORKSHOP_FONT_CACHE": "off", **env}
    return subprocess.run([sys.executable, "-m", "workshop", "build", *args], cwd=folder, env=environment,
                          capture_output=True, text=True)


def test_the_bundled_kit_builds_with_no_system_fonts_and_prints_every_name(tmp_path):
    result = build_without_system_fonts(tmp_path, "--out", "kit")  # no OUTLINE: the bundled example and roster
    assert result.returncode == 0, result.stderr
    check_sample_kit(tmp_path / "kit")


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("unshare") is None,
                    reason="hiding the system's font folders takes a mount namespace, which needs root")
def test_the_bundled_kit_builds_when_the_font_folders_are_hidden(tmp_path):
    hidden = [d for d in ("/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".fonts"),
                          str(Path.home() / ".local/share/fonts")) if Path(d).is_dir()]
    mounts = " && ".join(f"mount -t tmpfs none '{d}'" for d in hidden)
    command = (f"{mounts} && {sys.executable} -m workshop build --out kit && "
               f"! ls /usr/share/fonts/truetype 2>/dev/null")
    env = {k: v for k, v in os.environ.items() if k != "WORKSHOP_FONT_DIRS"}
    result = subprocess.run(["unshare", "--mount", "sh", "-c", command], cwd=tmp_path, capture_output=True,
                            text=True, env={**env, "PYTHONPATH": str(ROOT), "WORKSHOP_FONT_CACHE": "off"})
    assert result.returncode == 0, result.stderr
    check_sample_kit(tmp_path / "kit")


def test_a_script_no_face_has_is_told_once_with_what_to_install(tmp_path):
    rows = ["name", "สมชาย ใจดี", "Ana Lima", "นภา แก้ว", "राम शर्मा", "ธนา ศรี", "김민준"]
    (tmp_path / "r.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = build_without_system_fonts(tmp_path, "--roster", "r.csv", "--out", "kit")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    thai, devanagari, korean = (install_hint(s) for s in ("THAI", "DEVANAGARI", "HANGUL"))
    assert result.stderr.splitlines() == [
        "r.csv: row 2, name: 'สมชาย ใจดี' is written in Thai (so are: row 4, name; row 6, name), and no font on this "
        f"computer has Thai letters; {thai}",
        "r.csv: row 5, name: 'राम शर्मा' is written in Devanagari, and no font on this computer has Devanagari "
        f"letters; {devanagari}",
        "r.csv: row 7, name: '김민준' is written in Korean (Hangul), and no font on this computer has Korean "
        f"(Hangul) letters; {korean}",
        "3 problems found; nothing was written.",
    ]
    assert not (tmp_path / "kit").exists()


def test_a_script_no_face_has_in_the_outline_is_told_once(tmp_path):
    write(tmp_path, "o.yaml", MINIMAL.replace("bullets: [one, two]", 'bullets: ["สวัสดี", "ขอบคุณ", "नमस्ते"]'))
    result = build_without_system_fonts(tmp_path, "o.yaml", "--out", "kit")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.splitlines() == [
        "o.yaml:10:9: section 1, slide 1, bullet 1: 'สวัสดี' is written in Thai (so are: section 1, slide 1, bullet "
        f"2), and no font on this computer has Thai letters; {install_hint('THAI')}",
        "o.yaml:10:9: section 1, slide 1, bullet 3: 'नमस्ते' is written in Devanagari, and no font on this computer "
        f"has Devanagari letters; {install_hint('DEVANAGARI')}",
        "2 problems found; nothing was written.",
    ]


def test_what_to_install_is_said_for_this_system():
    assert install_hint("THAI", "linux", "ID=debian\n") == "install it with: sudo apt-get install fonts-noto-core"
    assert install_hint("HANGUL", "linux", "ID=pop\nID_LIKE=\"ubuntu debian\"\n") == \
        "install it with: sudo apt-get install fonts-nanum"
    assert install_hint("CJK", "linux", "ID=ubuntu\n") == "install it with: sudo apt-get install fonts-droid-fallback"
    assert install_hint("THAI", "linux", "ID=fedora\n") == "install it with: sudo dnf install google-noto-sans-thai-fonts"
    assert install_hint("THAI", "linux", "ID=alpine\n") == (
        "download Noto Sans Thai from https://fonts.google.com/noto and copy its .ttf file into "
        "~/.local/share/fonts, then build again")
    assert install_hint("HANGUL", "win32") == ("download Noto Sans KR from https://fonts.google.com/noto, "
                                               "right-click its .ttf file and choose Install, then build again")
    assert install_hint("DEVANAGARI", "darwin") == (
        "download Noto Sans Devanagari from https://fonts.google.com/noto, open its .ttf file and click Install "
        "Font, then build again")


def test_the_usual_font_folders_of_each_system(monkeypatch):
    home = Path.home()
    assert fonts.system_font_dirs("win32", {"WINDIR": r"C:\Windows", "LOCALAPPDATA": r"C:\Users\ana\AppData\Local"}) \
        == [Path(r"C:\Users\ana\AppData\Local") / "Microsoft" / "Windows" / "Fonts", Path(r"C:\Windows") / "Fonts"]
    assert fonts.system_font_dirs("darwin", {}) == [home / "Library/Fonts", Path("/Library/Fonts"),
                                                    Path("/System/Library/Fonts"), Path("/Network/Library/Fonts")]
    assert fonts.system_font_dirs("linux", {}) == [home / ".fonts", home / ".local/share/fonts",
                                                   Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]
    assert fonts.system_font_dirs("linux", {"WORKSHOP_FONT_DIRS": os.pathsep.join(["/a", "/b"])}) == \
        [Path("/a"), Path("/b")]
    assert fonts.system_font_dirs("darwin", {"WORKSHOP_FONT_DIRS": ""}) == []
    assert fonts.FONT_DIRS[0] == fonts.BUNDLED_FONTS


@pytest.fixture
def font_folder(tmp_path, monkeypatch):
    folder = tmp_path / "fonts"
    folder.mkdir()
    monkeypatch.setattr(fonts, "FONT_DIRS", [fonts.BUNDLED_FONTS, folder])
    fonts.forget()
    yield folder
    monkeypatch.undo()
    fonts.forget()


def thai_face() -> Path:
    path = Path("/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf")
    if not path.is_file():
        pytest.fail("tests/install-system-packages.sh installs fonts-noto-core, which has Noto Sans Thai")
    return path


def test_a_face_in_a_truetype_collection_is_found_and_embedded(in_tmp, font_folder):
    from fontTools.ttLib import TTCollection, TTFont

    collection = TTCollection()
    collection.fonts = [TTFont(fonts.BUNDLED_FONTS / "NotoSansHebrew-Regular.ttf"), TTFont(thai_face())]
    collection.save(font_folder / "Pair.ttc")
    write(in_tmp, "o.yaml", MINIMAL.replace("bullets: [one, two]", 'bullets: [one, "สวัสดี"]'))
    result = run("build", "o.yaml", "--out", "kit", "--only", "handouts")
    assert result.exit_code == 0, result.stderr
    # ReportLab names face 1 of a collection "<its name>-1"
    assert "NotoSansThai-Regular-1" in fonts_in(in_tmp / "kit" / "handouts.pdf")
    assert normal("สวัสดี") in normal(" ".join(p.extract_text() for p in PdfReader(in_tmp / "kit" / "handouts.pdf").pages))


def test_a_postscript_flavoured_face_is_passed_over_with_a_word(in_tmp, font_folder):
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen

    def box():
        pen = T2CharStringPen(600, None)
        pen.moveTo((50, 0)), pen.lineTo((550, 0)), pen.lineTo((550, 700)), pen.lineTo((50, 700)), pen.closePath()
        return pen.getCharString()

    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder([".notdef", "ko"])
    builder.setupCharacterMap({ord("ก"): "ko"})
    builder.setupCFF("ThaiBoxes-Regular", {"FullName": "Thai Boxes"}, {".notdef": box(), "ko": box()}, {})
    builder.setupHorizontalMetrics({".notdef": (600, 50), "ko": (600, 50)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Thai Boxes", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(font_folder / "ThaiBoxes-Regular.otf")
    write(in_tmp, "o.yaml", MINIMAL.replace("bullets: [one, two]", 'bullets: [one, "ก"]'))
    result = run("validate", "o.yaml")
    assert result.exit_code == 2, result.stderr
    assert result.lines[0].endswith("(ThaiBoxes-Regular.otf has them, but in PostScript (CFF) outlines, which a PDF "
                                    "made here cannot embed)"), result.lines
