"""Templates the user points at: a damaged, renamed or oversized file is refused with what to do
about it, before python-pptx reads more than the zip's directory."""

import io
import zipfile

import pytest
from pptx import Presentation

from support import MINIMAL, assert_rejected, run, write
from workshop.deck.template import template_problems
from workshop.errors import Src

SAVE = "save it from PowerPoint as .pptx (File > Save As > PowerPoint Presentation)"
RESAVE = "open it in PowerPoint and save it as .pptx (File > Save As > PowerPoint Presentation)"
AT = "o.yaml:13:13: theme.template: "


def pptx_bytes() -> bytes:
    buffer = io.BytesIO()
    Presentation().save(buffer)
    return buffer.getvalue()


def zip_of(path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def deck_with_zeros(path, megabytes: int, level: int) -> None:
    """A real deck plus one unused part of ``megabytes`` zeros: a zip bomb, made in well under a second."""
    with zipfile.ZipFile(io.BytesIO(pptx_bytes())) as src, zipfile.ZipFile(path, "w") as z:
        for info in src.infolist():
            z.writestr(info, src.read(info))
        info = zipfile.ZipInfo("ppt/media/image9.bin")
        info.compress_type = zipfile.ZIP_DEFLATED
        info._compresslevel = level
        with z.open(info, "w", force_zip64=True) as part:
            for _ in range(megabytes):
                part.write(bytes(1 << 20))


def with_template(folder):
    return write(folder, "o.yaml", MINIMAL + "theme:\n  template: brand.pptx\n")


def build_refuses(folder, message: str) -> None:
    """``build`` stops before writing, and ``workshop template`` says the same, without a traceback."""
    with_template(folder)
    assert_rejected(run("build", "o.yaml", "--out", folder / "out"), AT + message)
    assert not (folder / "out").exists()
    check = run("template", "brand.pptx")
    assert check.exit_code == 2 and "Traceback" not in check.stderr + check.stdout, check.exception
    assert message in check.stderr.splitlines()
    assert template_problems(folder / "brand.pptx", Src("o.yaml", 13, 13))[0].message == message


def test_truncated_template(in_tmp):
    data = pptx_bytes()
    (in_tmp / "brand.pptx").write_bytes(data[: len(data) // 2])
    build_refuses(in_tmp, "brand.pptx is damaged or incomplete (a download or copy that did not finish?); "
                          f"copy it again, or {RESAVE}")


def test_word_document_renamed(in_tmp):
    zip_of(in_tmp / "brand.pptx", {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
    build_refuses(in_tmp, "brand.pptx is not a PowerPoint file (it is a Word document renamed?); "
                          f"point theme.template at a PowerPoint file, or {SAVE}")


def test_excel_workbook_renamed(in_tmp):
    import openpyxl

    openpyxl.Workbook().save(in_tmp / "brand.pptx")
    build_refuses(in_tmp, "brand.pptx is not a PowerPoint file (it is an Excel workbook renamed?); "
                          f"point theme.template at a PowerPoint file, or {SAVE}")


def test_text_file_renamed(in_tmp):
    (in_tmp / "brand.pptx").write_text("Our colours: navy and gold\n", encoding="utf-8")
    build_refuses(in_tmp, f"brand.pptx is not a PowerPoint file (it is a text file renamed?); {SAVE}")


def test_zip_without_a_presentation(in_tmp):
    zip_of(in_tmp / "brand.pptx", {"logo.png": b"not really", "notes.txt": b"hello"})
    build_refuses(in_tmp, "brand.pptx is not a PowerPoint file (it is a zip archive of other files); "
                          f"point theme.template at a PowerPoint file, or {SAVE}")


@pytest.mark.parametrize("head, message", [
    (b"", f"brand.pptx is empty (0 bytes); copy the template again, or {SAVE}"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
     f"brand.pptx is an old-style Office file (.ppt, .doc or .xls from Office 97-2003) renamed; {RESAVE}"),
    (b"%PDF-1.7\n" + bytes(100), "brand.pptx is a PDF, not a PowerPoint file; ask for the .pptx the PDF was made from"),
], ids=["empty", "ppt97", "pdf"])
def test_other_files_named_pptx(in_tmp, head, message):
    (in_tmp / "brand.pptx").write_bytes(head)
    build_refuses(in_tmp, message)


def test_slide_show_saved_instead_of_a_presentation(in_tmp):
    with zipfile.ZipFile(io.BytesIO(pptx_bytes())) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"presentation.main+xml", b"slideshow.main+xml")
    zip_of(in_tmp / "brand.pptx", parts)
    build_refuses(in_tmp, f"brand.pptx is a PowerPoint show (.ppsx), not a presentation; {RESAVE}")


def test_damaged_part_inside(in_tmp):
    data = bytearray(pptx_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("ppt/slideMasters/slideMaster1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    data[start:start + 20] = bytes(20)
    (in_tmp / "brand.pptx").write_bytes(bytes(data))
    with_template(in_tmp)
    result = run("build", "o.yaml", "--out", in_tmp / "out")
    assert_rejected(result)
    line, = result.lines
    assert line.startswith(AT + "brand.pptx cannot be read as a PowerPoint file (")
    assert line.endswith("); open it in PowerPoint and save it again as .pptx")


def test_zip_bomb_is_refused_from_the_zip_directory(in_tmp):
    deck_with_zeros(in_tmp / "brand.pptx", 210, level=1)  # under 1 MB on disk
    build_refuses(in_tmp, "brand.pptx would unpack to 210 MB, more than the 200 MB a template may take; a real "
                          f"template is a few megabytes: remove any videos from it, or {SAVE}")


def test_part_that_grows_a_thousand_times_is_refused(in_tmp):
    deck_with_zeros(in_tmp / "brand.pptx", 20, level=9)
    with_template(in_tmp)
    result = run("build", "o.yaml", "--out", in_tmp / "out")
    assert_rejected(result)
    line, = result.lines
    assert line.startswith(AT + "brand.pptx holds a part (ppt/media/image9.bin) that unpacks from ")
    assert line.endswith(" KB to 20 MB, which no real template does: the file is damaged or is not a template; "
                         + SAVE)


def test_template_command_lists_layouts_and_passes_a_good_template(in_tmp):
    Presentation().save(in_tmp / "brand.pptx")
    check = run("template", "brand.pptx")
    assert check.exit_code == 0 and "  quotes, pictures, activities and other slides the deck lays out itself: layout 'Title Only'" in check.stdout
    assert template_problems(in_tmp / "brand.pptx", Src("o.yaml")) == []


def test_validate_refuses_what_build_refuses(in_tmp):
    (in_tmp / "brand.pptx").write_bytes(pptx_bytes()[:5000])
    with_template(in_tmp)
    assert_rejected(run("validate", "o.yaml"))


def test_template_without_several_layouts_names_each(in_tmp):
    prs = Presentation()
    for name in ("Title Only", "Section Header"):
        prs.slide_layouts.remove(prs.slide_layouts.get_by_name(name))
    prs.save(in_tmp / "brand.pptx")
    build_refuses(in_tmp, "brand.pptx lacks the layouts 'Section Header' (for section dividers, breaks and the closing "
                          "slide) and 'Title Only' (for quotes, pictures, activities and other slides the deck lays "
                          "out itself); if it has one under another name, map it in the outline (theme: {layouts: "
                          "{section: YOUR LAYOUT NAME, title_only: YOUR LAYOUT NAME}}), or add or rename them in "
                          "PowerPoint's Slide Master view (run 'workshop template brand.pptx' to list the layouts "
                          "it has)")
