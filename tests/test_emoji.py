"""Emoji in outline text and roster names: printed in black and white and read back as written,
or refused by line and character when no installed face has them."""

import io

import pytest
from PIL import Image, ImageChops
from reportlab.lib.pagesizes import letter

from support import MINIMAL, run, write
from support.office import pdf_text, require
from support.printcheck import embedded_faces

TITLE = "Welcome 🎉 to the team 👩‍⚕️"
BULLETS = ["one 🇺🇸 flag", "two ❤️ heart", "thumbs 👍🏽 up"]
PRESENTER = "Ana Presenter 🙂"
ATTENDEE = "Zoë 🌟 Star"


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    folder = tmp_path_factory.mktemp("emoji")
    (folder / "r.csv").write_text(f"name\n{ATTENDEE}\nBob Smith\n", encoding="utf-8")
    outline = (MINIMAL.replace("title: Minimal workshop", f'title: "{TITLE}"')
               .replace("name: Ana Presenter", f'name: "{PRESENTER}"')
               .replace("bullets: [one, two]", "bullets: [" + ", ".join(f'"{b}"' for b in BULLETS) + "]"))
    write(folder, "o.yaml", outline)
    result = run("build", folder / "o.yaml", "--roster", folder / "r.csv", "--out", folder / "kit")
    assert result.exit_code == 0, result.stderr
    return folder / "kit"


@pytest.mark.parametrize("name", ["handouts", "guide", "certificates", "sign-in", "evaluation"])
def test_emoji_read_back_as_written_from_every_pdf(kit, name):
    text = "\n".join(pdf_text(kit / f"{name}.pdf"))
    assert TITLE in text
    if name != "guide":
        assert PRESENTER in text
    if name == "handouts":  # the guide's thumbnails are too small to print words: they show bars
        for bullet in BULLETS:
            assert bullet in text, bullet
    if name in ("certificates", "sign-in"):
        assert ATTENDEE in text
    assert "Symbola" in embedded_faces(kit / f"{name}.pdf")


def _ink(text: str, tmp_path) -> Image.Image:
    """``text`` drawn alone on a page, rendered, as a greyscale image."""
    import subprocess

    from workshop import pdfdraw

    buffer = io.BytesIO()
    canvas = pdfdraw.new_canvas(buffer, letter, "t", "t")
    pdfdraw.draw(canvas, 72, 600, text, 40, "sans")
    canvas.showPage()
    canvas.save()
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(buffer.getvalue())
    subprocess.run([require("pdftoppm"), "-r", "50", "-png", "-singlefile", str(pdf), str(tmp_path / "t")], check=True)
    return Image.open(tmp_path / "t.png").convert("L")


def _same(a: Image.Image, b: Image.Image) -> bool:
    return ImageChops.difference(a, b).getbbox() is None


def test_an_emoji_prints_ink(tmp_path):
    blank = _ink("x", tmp_path)
    drawn = _ink("x🎉", tmp_path)
    assert not _same(blank, drawn)
    box = ImageChops.difference(blank, drawn).getbbox()
    assert box[2] - box[0] > 10  # a whole pictograph, not a hairline


def test_joiners_selectors_and_skin_tones_print_nothing(tmp_path):
    assert _same(_ink("a👩‍⚕️b", tmp_path), _ink("a👩⚕b", tmp_path))
    assert _same(_ink("a👍🏽b", tmp_path), _ink("a👍b", tmp_path))
    assert _same(_ink("a❤️b", tmp_path), _ink("a❤b", tmp_path))
    assert not _same(_ink("a👩⚕b", tmp_path), _ink("ab", tmp_path))


def test_a_flag_prints_as_its_letters(tmp_path):
    from workshop import pdfdraw

    drawn = "".join(r.text for r in pdfdraw.runs("🇺🇸", "sans"))
    assert drawn == "US"


@pytest.fixture
def no_emoji_face(monkeypatch):
    from workshop import fonts

    monkeypatch.setattr(fonts, "FONT_DIRS", [fonts.BUNDLED_FONTS])  # none of the system's faces, nor its emoji
    fonts.forget()
    yield
    monkeypatch.undo()
    fonts.forget()


def test_without_the_emoji_face_an_emoji_is_refused_at_its_line(in_tmp, no_emoji_face):
    write(in_tmp, "o.yaml", MINIMAL.replace("bullets: [one, two]", 'bullets: [one, "two 🎉"]'))
    expected = ("o.yaml:10:9: section 1, slide 1, bullet 2: '🎉' (U+1F389, Party popper) cannot be printed: "
                "no installed font has it; install fonts-symbola (Debian and Ubuntu), which prints emoji in "
                "black and white, or remove it")
    for command in (("validate", "o.yaml"), ("build", "o.yaml", "--out", "kit")):
        result = run(*command)
        assert result.exit_code == 2 and "Traceback" not in result.stderr, result.stderr
        assert expected in result.lines, result.lines
    assert not (in_tmp / "kit").exists()


def test_without_the_emoji_face_a_roster_name_with_an_emoji_is_refused_by_row(in_tmp, no_emoji_face):
    write(in_tmp, "o.yaml", MINIMAL)
    (in_tmp / "r.csv").write_text("name\nBob Smith\nZoë 🌟 Star\n", encoding="utf-8")
    result = run("build", "o.yaml", "--roster", "r.csv", "--out", "kit")
    assert result.exit_code == 2 and "Traceback" not in result.stderr, result.stderr
    assert ("r.csv: row 3, name: 'Zoë 🌟 Star': '🌟' (U+1F31F, Glowing star) cannot be printed: no installed font "
            "has it; install fonts-symbola (Debian and Ubuntu), which prints emoji in black and white, or remove it"
            in result.lines), result.lines
    assert not (in_tmp / "kit").exists()


def test_an_emoji_newer_than_the_emoji_face_is_refused(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL.replace("title: Minimal workshop", 'title: "Minimal 🥰 workshop"'))
    result = run("validate", "o.yaml")
    assert result.exit_code == 2, result.stderr
    assert ("o.yaml:2:10: workshop.title: '🥰' (U+1F970, Smiling face with smiling eyes and three hearts) cannot "
            "be printed: no installed font has it; the installed emoji font is older than it; remove it or say "
            "it in words" in result.lines), result.lines
