"""`workshop validate` refuses exactly what `workshop build` refuses, with the same messages: both
run the one check phase (workshop.outputs.check_all) before anything is written."""

import pytest
from PIL import Image
from pptx import Presentation

from support import MINIMAL, run, write


def picture(folder, name="chart.png"):
    Image.effect_noise((200, 150), 60).convert("RGB").save(folder / name)
    return name


def half_written_picture(folder):
    name = picture(folder)
    data = (folder / name).read_bytes()
    (folder / name).write_bytes(data[: len(data) // 2])
    return MINIMAL + f"      - title: Chart\n        image: {{path: {name}, alt: A chart}}\n"


def truncated_template(folder):
    Presentation().save(folder / "brand.pptx")
    data = (folder / "brand.pptx").read_bytes()
    (folder / "brand.pptx").write_bytes(data[:4000])
    return MINIMAL + "theme:\n  template: brand.pptx\n"


def template_without_layouts(folder):
    prs = Presentation()
    prs.slide_layouts.remove(prs.slide_layouts.get_by_name("Title Only"))
    prs.save(folder / "brand.pptx")
    return MINIMAL + "theme:\n  template: brand.pptx\n"


def renamed_document(folder):
    (folder / "brand.pptx").write_bytes(b"%PDF-1.4\n% not a deck\n")
    return MINIMAL + "theme:\n  template: brand.pptx\n"


def bad_roster(folder):
    write(folder, "people.csv", 'name,email\n"Ann Lee,ann@example.org\nBo Chen,bo@example.org\n')
    return MINIMAL + "ce:\n  provider: Test Provider\n"


def mapped_layout_missing(folder):
    Presentation().save(folder / "brand.pptx")
    return MINIMAL + "theme:\n  template: brand.pptx\n  layouts: {title_only: Headline Only}\n"


def layout_that_does_not_fit(folder):
    return MINIMAL.replace("        bullets: [one, two]\n", "        bullets: [one, two]\n        layout: quote\n")


def unknown_settings(folder):
    return (MINIMAL.replace("  date: 2026-03-14\n", "  date: 2026-03-14\n  date_style: fancy\n")
            + "deck:\n  end_matter: last\n")


def missing_seal(folder):
    return MINIMAL + "ce:\n  provider: P\n  seal: seal.png\n"


def grace_of_half_the_workshop(folder):
    return MINIMAL + "ce:\n  provider: P\n  attendance:\n    grace_minutes: 15\n"


CASES = {"half-written picture": half_written_picture, "truncated template": truncated_template,
         "template without a layout": template_without_layouts, "renamed file as template": renamed_document,
         "stray quote in the roster": bad_roster, "theme.layouts naming a missing layout": mapped_layout_missing,
         "a layout the slide cannot take": layout_that_does_not_fit, "unknown date style and end matter":
         unknown_settings, "missing seal": missing_seal,
         "a grace of half the workshop": grace_of_half_the_workshop}


@pytest.mark.parametrize("case", sorted(CASES))
def test_validate_and_build_refuse_alike(in_tmp, case):
    write(in_tmp, "o.yaml", CASES[case](in_tmp))
    roster = ["--roster", "people.csv"] if (in_tmp / "people.csv").exists() else []
    checked = run("validate", "o.yaml", *roster)
    built = run("build", "o.yaml", *roster, "--out", "kit")
    for result in (checked, built):
        assert result.exit_code == 2, (case, result.stdout, result.stderr, result.exception)
        assert "Traceback" not in result.stderr
    assert checked.lines and checked.lines == built.lines
    assert not (in_tmp / "kit").exists()


def _issued_kit(folder, outline: str) -> None:
    """A kit with certificates issued from people.csv, for the cases about the record."""
    write(folder, "people.csv", "name,email,license\nAnn Lee,ann@example.org,LPC 1\nBo Chen,bo@example.org,LPC 2\n")
    write(folder, "o.yaml", outline)
    assert run("build", "o.yaml", "--roster", "people.csv", "--out", "kit").exit_code == 0


RECORD_CASES = {
    "a corrected name": lambda f: write(f, "people.csv", "name,email,license\nAnn M. Lee,ann@example.org,LPC 1\n"
                                                         "Bo Chen,bo@example.org,LPC 2\n"),
    "a person taken off the roster": lambda f: write(f, "people.csv", "name,email,license\nAnn Lee,ann@example.org,"
                                                                      "LPC 1\n"),
    "another date": lambda f: write(f, "o.yaml", (f / "o.yaml").read_text().replace("2026-03-14", "2026-03-21")),
    "a new approval statement": lambda f: write(f, "o.yaml", (f / "o.yaml").read_text().replace(
        "provider: P\n", "provider: P\n  approval: Approved by the Example Board\n")),
}


@pytest.mark.parametrize("case", sorted(RECORD_CASES))
def test_validate_and_build_refuse_a_change_to_the_record_alike(in_tmp, case):
    _issued_kit(in_tmp, MINIMAL + "ce:\n  provider: P\n")
    ledger = (in_tmp / "kit" / "certificates.csv").read_bytes()
    RECORD_CASES[case](in_tmp)
    checked = run("validate", "o.yaml", "--roster", "people.csv", "--out", "kit")
    built = run("build", "o.yaml", "--roster", "people.csv", "--out", "kit")
    for result in (checked, built):
        assert result.exit_code == 2, (case, result.stdout, result.stderr, result.exception)
        assert "Traceback" not in result.stderr
    assert checked.lines and checked.lines == built.lines
    assert (in_tmp / "kit" / "certificates.csv").read_bytes() == ledger
