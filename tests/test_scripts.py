"""Names and outline text in every script: printed, shaped, read back as written; or refused by name."""

import subprocess
import unicodedata

import pytest

from support import MINIMAL, run, write
from support.office import pdf_text, require
from support.printcheck import embedded_faces

# Names that need a face of their own, shaping, or both; each is read back from the PDF.
SHAPED = {
    "devanagari": "अनन्या शर्मा",  # a conjunct (न्य) and a reph (र्)
    "conjunct": "क्षितिज",  # क्ष, and the vowel sign ि drawn before its consonant
    "thai": "สมชาย ใจดี",
    "mongolian": "ᠪᠠᠲᠤ",
    "bengali": "বাংলা",
}
PLAIN = {"korean": "김민준", "cyrillic": "Батбаяр", "chinese": "张伟"}
RIGHT_TO_LEFT = {"arabic": "مُحَمَّد", "hebrew": "שָׁלוֹם"}
FACES = ["NotoSansDevanagari-Regular", "NotoSansThai-Regular", "NotoSansMongolian-Regular", "NotoSansBengali-Regular",
         "NanumGothic", "DroidSansFallback", "NotoSansArabic-Regular", "NotoSansHebrew-Regular"]


def letters(text):
    """The letters a reader sees, without marks or spaces, whatever form an extractor gives them in
    (poppler gives Arabic as presentation forms, and marks may come before their letter)."""
    return "".join(c for c in unicodedata.normalize("NFKC", text) if not c.isspace()
                   and not unicodedata.category(c).startswith("M"))


def marks(text):
    return {c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c).startswith("M")}


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scripts")
    names = {**SHAPED, **PLAIN, **RIGHT_TO_LEFT}
    (folder / "roster.csv").write_text("name\n" + "\n".join(names.values()) + "\n", encoding="utf-8")
    outline = MINIMAL.replace("title: Minimal workshop", f"title: \"Workshop {SHAPED['conjunct']}\"\n"
                                                          f"  location: \"{SHAPED['thai']}, {PLAIN['korean']}\"")
    outline = outline.replace("name: Ana Presenter", f"name: \"{SHAPED['devanagari']}\"")
    outline = outline.replace("bullets: [one, two]", f"bullets: [\"{SHAPED['mongolian']}\", \"{RIGHT_TO_LEFT['arabic']}\"]"
                                                     f"\n    handout:\n      points: [\"{SHAPED['bengali']}\"]")
    write(folder, "o.yaml", outline)
    result = run("build", folder / "o.yaml", "--roster", folder / "roster.csv", "--out", folder / "kit")
    assert result.exit_code == 0, result.stderr
    return folder / "kit"


def test_a_certificate_for_every_name_in_every_script(kit):
    pages = pdf_text(kit / "certificates.pdf")
    names = [*SHAPED.values(), *PLAIN.values(), *RIGHT_TO_LEFT.values()]
    assert len(pages) == len(names)
    for name, page in zip(names, pages):
        if name in RIGHT_TO_LEFT.values():
            assert letters(name) in letters(page) or letters(name)[::-1] in letters(page), (name, page)
            assert marks(name) <= marks(page), (name, page)  # the vowel marks are printed, not stripped
        else:
            assert name in page, (name, page)  # shaped text reads back exactly as written


def test_each_script_prints_in_a_face_made_for_it(kit):
    assert set(FACES) <= embedded_faces(kit / "certificates.pdf")


def test_outline_text_in_other_scripts_prints_in_the_handouts(kit):
    text = "\n".join(pdf_text(kit / "handouts.pdf"))
    for expected in (f"Workshop {SHAPED['conjunct']}", SHAPED["thai"], PLAIN["korean"], SHAPED["devanagari"],
                     SHAPED["mongolian"], SHAPED["bengali"]):
        assert expected in text, expected
    assert letters(RIGHT_TO_LEFT["arabic"])[::-1] in letters(text) or letters(RIGHT_TO_LEFT["arabic"]) in letters(text)
    assert {"NotoSansDevanagari-Regular", "NotoSansThai-Regular", "NanumGothic", "NotoSansMongolian-Regular",
            "NotoSansBengali-Regular", "NotoSansArabic-Regular"} <= embedded_faces(kit / "handouts.pdf")


def test_the_name_is_drawn_not_blank(kit, tmp_path):
    """The ink under the name line: a name drawn as nothing (or left out) leaves it white."""
    png = tmp_path / "page"
    subprocess.run([require("pdftoppm"), "-r", "50", "-gray", "-f", "3", "-l", "3", "-x", "80", "-y", "120",
                    "-W", "390", "-H", "50", str(kit / "certificates.pdf"), str(png)], check=True)
    data = next(tmp_path.glob("page*.pgm")).read_bytes()
    pixels = data.split(b"\n", 3)[3]  # after the P5 header: width height, maxval
    assert sum(1 for p in pixels if p < 128) > 200  # the Thai name on page 3


def test_complex_scripts_are_shaped():
    from workshop import pdfdraw
    from workshop.fonts import tt_font

    def glyphs(text):
        [run] = pdfdraw.runs(text, "serif")
        assert run.shaped
        ids = tt_font(run.font.removeprefix("ws-")).face.charToGlyph
        assert all(ids[ord(c)] != 0 for c in run.text), "a glyph is missing (tofu)"
        return [ids[ord(c)] for c in run.text], ids

    drawn, ids = glyphs("कि")
    assert drawn[1] == ids[ord("क")] and drawn[0] != ids[ord("क")]  # the vowel sign ि is drawn first
    assert len(glyphs("क्ष")[0]) == 1  # one conjunct glyph, not क, virama, ष
    drawn, ids = glyphs("مُحَمَّد")
    # four letters and their vowel marks: damma, fatha, and shadda with fatha (one glyph in this face)
    assert {ids[0x064E], ids[0x064F]} <= set(drawn) and len(drawn) >= 7
    assert pdfdraw.runs("Plain Latin text", "serif") == [pdfdraw.Run("Plain Latin text", "ws-serif")]


def test_a_long_word_is_never_cut_between_a_letter_and_its_marks():
    from workshop import pdfdraw

    lines = pdfdraw.wrap("क्षितिजक्षितिजक्षितिज", "sans", 20, 30)
    assert len(lines) > 1 and "".join(lines) == "क्षितिजक्षितिजक्षितिज"
    assert not any(unicodedata.category(line[0]).startswith("M") for line in lines)


def test_a_long_word_is_never_cut_inside_a_conjunct_or_a_flag():
    """A line never ends with a virama (half of a conjunct) nor splits a flag's two letters."""
    from workshop import fonts

    lines = fonts.wrap("क्षत्रियक्षत्रियक्षत्रिय", 10, 30)
    assert len(lines) > 1 and "".join(lines) == "क्षत्रियक्षत्रियक्षत्रिय"
    assert not any(line.endswith("\u094d") for line in lines), lines
    assert fonts.clusters("🇺🇸🇫🇷 क्ष 👩\u200d⚕️") == ["🇺🇸", "🇫🇷", " ", "क्ष", " ", "👩\u200d⚕️"]


def test_same_bytes_whatever_was_drawn_before(tmp_path):
    from workshop import fonts

    (tmp_path / "r.csv").write_text("name\nक्षितिज\n", encoding="utf-8")
    write(tmp_path, "o.yaml", MINIMAL)
    fonts.forget()
    assert run("build", tmp_path / "o.yaml", "--roster", tmp_path / "r.csv", "--out", tmp_path / "a").exit_code == 0
    fonts.forget()
    (tmp_path / "other.csv").write_text("name\nस्वास्थ्य शिक्षा\n", encoding="utf-8")
    assert run("build", tmp_path / "o.yaml", "--roster", tmp_path / "other.csv", "--out", tmp_path / "b").exit_code == 0
    assert run("build", tmp_path / "o.yaml", "--roster", tmp_path / "r.csv", "--out", tmp_path / "c").exit_code == 0
    assert (tmp_path / "a" / "certificates.pdf").read_bytes() == (tmp_path / "c" / "certificates.pdf").read_bytes()


def test_a_character_no_font_has_is_refused_with_its_line(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL.replace("title: Minimal workshop", "title: \"Minimal \ue000 workshop\"")
          .replace("bullets: [one, two]", "bullets: [one, \"two \U000F0001\"]"))
    expected = ("o.yaml:2:10: workshop.title: '\\ue000' (U+E000, a private-use character) cannot be printed: "
                "no installed font has it; private-use characters show only in the font they were made for; "
                "remove it",
                "o.yaml:10:9: section 1, slide 1, bullet 2: '\\U000f0001' (U+F0001, a private-use character) "
                "cannot be printed: no installed font has it; private-use characters show only in the font they "
                "were made for; remove it")
    for command in (("validate", "o.yaml"), ("build", "o.yaml", "--out", "kit")):
        result = run(*command)
        assert result.exit_code == 2 and "Traceback" not in result.stderr, result.stderr
        for line in expected:
            assert line in result.lines, (line, result.lines)
    assert not (in_tmp / "kit").exists()


def test_a_roster_name_no_font_has_is_refused(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL)
    (in_tmp / "r.csv").write_text("name\nAna \ue000\n", encoding="utf-8")
    result = run("build", "o.yaml", "--roster", "r.csv", "--out", "kit")
    assert result.exit_code == 2
    assert "r.csv: row 2, name: 'Ana \\ue000': '\\ue000' (U+E000, a private-use character) cannot be printed: no " \
           "installed font has it; private-use characters show only in the font they were made for; remove it" \
           in result.lines, result.lines


def test_facts_after_an_arabic_place_keep_their_order():
    """Unicode's rules read digits after an Arabic word as Arabic numbers: the clock times would be
    drawn before the place. Each fact between " · " is ordered on its own."""
    from workshop import pdfdraw

    drawn = [r.source or r.text for r in pdfdraw.runs("March 14 · مُحَمَّد · 09:00-09:30 · 3 hours", "sans")]
    assert drawn.index("مُحَمَّد") < next(k for k, t in enumerate(drawn) if "09:00-09:30" in t)
