"""Bundled themes: listed by `workshop themes`, chosen with theme: {name: NAME} or build --theme,
and every word of a deck in each reads on LibreOffice's rendering."""

import shutil
import zipfile

from support import MINIMAL, ROOT, assert_rejected, run, write
from workshop.themes import bundled_themes

NAMES = sorted(bundled_themes())


def layout_xml(deck):
    with zipfile.ZipFile(deck) as z:
        return z.read("ppt/slideLayouts/slideLayout2.xml").decode()  # Title and Content, with the title bar


def test_themes_lists_each_bundled_theme_with_a_description():
    lines = run("themes").stdout.splitlines()
    assert len(lines) >= 3 and [line.split("\t")[0] for line in lines] == NAMES
    assert all(len(line.split("\t")[1]) > 20 for line in lines)
    assert all((ROOT / "templates" / name / "theme.yaml").is_file() for name in NAMES)


def test_an_outline_picks_a_theme_and_may_override_its_colours(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL + "theme:\n  name: forest\n")
    result = run("build", "o.yaml", "--out", "kit", "--only", "deck")
    assert result.exit_code == 0 and "warning" not in result.stderr  # a bundled theme needs no warning
    assert 'srgbClr val="2D6A4F"' in layout_xml(in_tmp / "kit" / "deck.pptx")
    write(in_tmp, "p.yaml", MINIMAL + 'theme:\n  name: forest\n  primary: "#123456"\n')
    assert run("build", "p.yaml", "--out", "kit2", "--only", "deck").exit_code == 0
    layout = layout_xml(in_tmp / "kit2" / "deck.pptx")
    assert 'srgbClr val="123456"' in layout and 'srgbClr val="D4A373"' in layout


def test_build_theme_overrides_the_outline(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL + 'theme:\n  primary: "#123456"\n')
    assert run("build", "o.yaml", "--out", "kit", "--only", "deck", "--theme", "sunrise").exit_code == 0
    assert 'srgbClr val="C2410C"' in layout_xml(in_tmp / "kit" / "deck.pptx")  # sunrise's rule under its band


def test_an_unknown_theme_is_refused_with_the_names_to_choose_from(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL + "theme:\n  name: autumn\n")
    assert_rejected(run("build", "o.yaml", "--out", "kit"),
                    f"o.yaml:13:9: theme.name: there is no bundled theme 'autumn'; choose one of: {', '.join(NAMES)} "
                    "(workshop themes lists them)")
    result = run("build", "o.yaml", "--out", "kit", "--theme", "autumn")
    assert result.exit_code == 2 and "there is no bundled theme 'autumn'" in result.stderr


def test_each_theme_is_a_real_master_that_is_up_to_date_and_builds_the_deck(in_tmp):
    from pptx import Presentation

    from workshop.deck.masters import MASTER, master_bytes
    from workshop.deck.palette import CREAM_BAND, mix

    for name, chosen in bundled_themes().items():
        path = ROOT / "templates" / name / MASTER
        # made by workshop.deck.masters from theme.yaml; rerun `python -m workshop.deck.masters` after a change
        assert path.read_bytes() == master_bytes(name, chosen.primary, chosen.accent, chosen.font), name
        prs = Presentation(str(path))
        assert len(prs.slides) == 0 and (prs.slide_width, prs.slide_height) == (12192000, 6858000)
        with zipfile.ZipFile(path) as z:
            theme = z.read("ppt/theme/theme1.xml").decode()
            layout = z.read("ppt/slideLayouts/slideLayout2.xml").decode()
        assert f'<a:accent1><a:srgbClr val="{chosen.primary}"/>' in theme  # PowerPoint's colour picker offers it
        # the title bar in the primary (sunrise's lightened to a cream), its rule in the accent
        band = mix(chosen.primary, "FFFFFF", CREAM_BAND[name]) if name in CREAM_BAND else chosen.primary
        assert f'srgbClr val="{band}"' in layout and f'srgbClr val="{chosen.accent}"' in layout
    # a deck in a bundled theme is built on its master: the layouts are the master's own
    write(in_tmp, "o.yaml", MINIMAL + "theme:\n  name: forest\n")
    assert run("build", "o.yaml", "--out", "kit", "--only", "deck").exit_code == 0
    with zipfile.ZipFile(ROOT / "templates" / "forest" / MASTER) as master, \
            zipfile.ZipFile(in_tmp / "kit" / "deck.pptx") as deck:
        assert deck.read("ppt/slideLayouts/slideLayout2.xml") == master.read("ppt/slideLayouts/slideLayout2.xml")


def test_a_copy_of_a_master_works_as_a_trainers_own_template(in_tmp):
    shutil.copy(ROOT / "templates" / "sunrise" / "master.pptx", in_tmp / "mine.pptx")
    write(in_tmp, "o.yaml", MINIMAL + "theme:\n  template: mine.pptx\n")
    result = run("template", "mine.pptx")
    assert result.exit_code == 0 and "(16:9)" in result.stdout, result.stderr
    assert run("build", "o.yaml", "--out", "kit", "--only", "deck").exit_code == 0
    with zipfile.ZipFile(in_tmp / "mine.pptx") as mine, zipfile.ZipFile(in_tmp / "kit" / "deck.pptx") as deck:
        assert deck.read("ppt/slideLayouts/slideLayout2.xml") == mine.read("ppt/slideLayouts/slideLayout2.xml")
    from pptx import Presentation

    titles = [s.shapes.title.text_frame.text for s in Presentation(str(in_tmp / "kit" / "deck.pptx")).slides]
    assert "Hello" in titles, titles  # the outline's slide, on the trainer's template
