"""Reading the outline's parts (workshop.reading): plain keys by their declarations."""

from pptx import Presentation

from support import MINIMAL, assert_rejected, run, write
from workshop.loader import load_outline


def test_a_key_with_choices_is_read_in_any_case_and_defaults_when_not_written(tmp_path):
    written = load_outline(write(tmp_path, "o.yaml", MINIMAL + "deck:\n  end_matter: AFTER\n"))
    assert written.deck.end_matter == "after"
    assert load_outline(write(tmp_path, "p.yaml", MINIMAL + "deck:\n  quiz: true\n")).deck.end_matter == "before"
    workshop = load_outline(write(tmp_path, "q.yaml", MINIMAL.replace("  date:", "  clock: 12H\n  date:")))
    assert (workshop.clock, workshop.start) == ("12h", 9 * 60)


def test_a_choice_refused_names_the_choices(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL + "ce:\n  provider: P\n  attendance:\n    partial: Prorate\n")
    line = len(MINIMAL.splitlines()) + 4
    assert_rejected(run("validate", "o.yaml"),
                    f"o.yaml:{line}:14: ce.attendance.partial: expected prorate or none, got 'Prorate'")


def test_template_layouts_leave_the_theme_name_as_written(tmp_path):
    Presentation().save(tmp_path / "corp.pptx")
    workshop = load_outline(write(tmp_path, "o.yaml", MINIMAL + "theme:\n  template: corp.pptx\n"
                                                                "  layouts:\n    title_only: Title Only\n"))
    assert workshop.theme.name == "" and workshop.theme.layouts == (("title_only", "Title Only"),)
