"""Every mistake a user can make in an outline: exact FILE:LINE:COLUMN, exit 2, no traceback."""

import pytest

from support import MINIMAL, assert_rejected, run, write


def check(folder, text, *expected, name="o.yaml"):
    path = write(folder, name, text)
    result = run("validate", path.name)
    assert_rejected(result, *expected)
    return result


def test_python_tag_is_refused_not_run(in_tmp):
    marker = in_tmp / "ran"
    check(in_tmp, MINIMAL + f"references: !!python/object/apply:os.system ['touch {marker}']\n",
          "o.yaml:12:13: references: the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed; "
          "only plain text, numbers, dates, lists and mappings")
    assert not marker.exists()


def test_unknown_key_suggests_near_miss(in_tmp):
    check(in_tmp, MINIMAL.replace("    minutes: 30", "    minuts: 30"),
          "o.yaml:8:5: section 1, minuts: unknown key 'minuts'; did you mean 'minutes'?",
          "o.yaml:7:5: section 1, minutes: required: write the minutes (a whole number)")


def test_unknown_top_level_key_lists_the_choices(in_tmp):
    result = check(in_tmp, MINIMAL + "colour: blue\n")
    assert result.lines[0].startswith("o.yaml:12:1: colour: unknown key 'colour'; expected one of: extends, workshop")


def test_duplicate_key(in_tmp):
    check(in_tmp, MINIMAL.replace("  date: 2026-03-14\n", "  date: 2026-03-14\n  title: Again\n"),
          "o.yaml:4:3: duplicate key 'title' (first written at line 2)")


def test_missing_required_keys(in_tmp):
    check(in_tmp, "workshop:\n  subtitle: no title\nsections:\n  - title: A\n",
          "o.yaml:2:3: workshop.title: required: write the title",
          "o.yaml:4:5: section 1, minutes: required: write the minutes (a whole number)")


def test_wrong_types(in_tmp):
    text = MINIMAL.replace("minutes: 30", "minutes: ten").replace("bullets: [one, two]", "bullets: just text")
    check(in_tmp, text,
          "o.yaml:8:14: section 1, minutes: expected whole minutes, got 'ten'",
          "o.yaml:11:18: section 1, slide 1, bullets: expected a list, got 'just text'")


@pytest.mark.parametrize("value, message", [
    ("0", "minutes must be more than zero, got 0"),
    ("7.5", "expected whole minutes, got 7.5"),
    ("yes", "expected whole minutes, got yes (read as true/false; put it in quotes)"),
])
def test_minutes_must_be_whole_and_positive(in_tmp, value, message):
    check(in_tmp, MINIMAL.replace("minutes: 30", f"minutes: {value}"), f"o.yaml:8:14: section 1, minutes: {message}")


def test_two_bodies_on_a_slide(in_tmp):
    check(in_tmp, MINIMAL.replace(
        "        bullets: [one, two]\n", "        bullets: [one, two]\n        numbered: [a, b]\n"),
        "o.yaml:12:9: section 1, slide 1, numbered: a slide has at most one body; this one has bullets and numbered")


def test_duplicate_section_ids(in_tmp):
    text = MINIMAL + "  - title: Only Section\n    minutes: 5\n"
    check(in_tmp, text, "o.yaml:12:5: section 2: section id 'only-section' is used twice (first at line 7); "
                        "give one of them its own 'id:'")


def test_image_missing_file_and_missing_alt(in_tmp):
    text = MINIMAL.replace("        bullets: [one, two]\n",
                           "        image:\n          path: pictures/none.png\n") + \
        "  - title: Second\n    minutes: 5\n    slides:\n      - title: Pic\n        image: {path: pictures/none.png, alt: A chart}\n"
    check(in_tmp, text,
          "o.yaml:12:11: section 1, slide 1, image.alt: required: write the picture's description (alt)",
          "o.yaml:12:17: section 1, slide 1, image.path: file not found: pictures/none.png "
          "(paths are relative to the outline file)",
          "o.yaml:17:23: section 2, slide 1, image.path: file not found: pictures/none.png "
          "(paths are relative to the outline file)")


def test_image_that_is_not_a_picture(in_tmp):
    write(in_tmp, "notes.txt", "hello")
    text = MINIMAL.replace("        bullets: [one, two]\n", "        image: {path: notes.txt, alt: Notes}\n")
    check(in_tmp, text, "o.yaml:11:23: section 1, slide 1, image.path: notes.txt is not a picture the deck can show "
                        "(use .bmp, .gif, .jpeg, .jpg, .png, .tif, .tiff)")


def test_picture_file_that_cannot_be_read(in_tmp):
    write(in_tmp, "chart.png", "this is text with a picture's name")
    (in_tmp / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)  # a PNG header, then nothing
    text = MINIMAL.replace("        bullets: [one, two]\n", "        image: {path: chart.png, alt: A chart}\n")
    check(in_tmp, text + "theme:\n  logo: logo.png\n",
          "o.yaml:11:23: section 1, slide 1, image.path: chart.png cannot be read as a picture; "
          "is it damaged, or another kind of file renamed?",
          "o.yaml:13:9: theme.logo: logo.png cannot be read as a picture; "
          "is it damaged, or another kind of file renamed?")


def test_picture_in_a_format_the_deck_cannot_show(in_tmp):
    from PIL import Image

    Image.new("RGB", (20, 20)).save(in_tmp / "chart.png", format="WEBP")
    text = MINIMAL.replace("        bullets: [one, two]\n", "        image: {path: chart.png, alt: A chart}\n")
    check(in_tmp, text, "o.yaml:11:23: section 1, slide 1, image.path: chart.png is a WEBP picture; "
                        "save it as PNG or JPEG")


@pytest.mark.parametrize("value, shown", [("9am", "'9am'"), ("25:00", "'25:00'"), ('"9:5"', "'9:5'")])
def test_bad_clock_time(in_tmp, value, shown):
    check(in_tmp, MINIMAL.replace("  date: 2026-03-14\n", f"  date: 2026-03-14\n  start: {value}\n"),
          f"o.yaml:4:10: workshop.start: expected a time like \"09:00\" or \"6:30 PM\", got {shown}")


def test_unquoted_afternoon_time_is_read_as_a_time(in_tmp):
    path = write(in_tmp, "o.yaml", MINIMAL.replace("  date: 2026-03-14\n", "  date: 2026-03-14\n  start: 13:30\n"))
    result = run("schedule", path.name)
    assert result.exit_code == 0, result.stderr
    assert "13:30  14:00" in result.stdout


@pytest.mark.parametrize("value, message", [
    ("2026-02-30", "workshop.date: '2026-02-30' is not a valid value here"),
    ("March 14", "workshop.date: expected a date like 2026-03-14, got 'March 14'"),
])
def test_bad_dates(in_tmp, value, message):
    check(in_tmp, MINIMAL.replace("2026-03-14", value), f"o.yaml:3:9: {message}")


def test_empty_file(in_tmp):
    check(in_tmp, "# only a comment\n", "o.yaml:1:1: the outline is empty; start from 'workshop new NAME'")


def test_list_at_top_level(in_tmp):
    check(in_tmp, "- title: x\n", "o.yaml:1:1: an outline is a mapping of keys (workshop:, sections:, ...), not a list")


def test_tabs_in_indentation(in_tmp):
    check(in_tmp, MINIMAL.replace("  date:", "\tdate:"), "o.yaml:3:1: a tab in the indentation; YAML indents with spaces only")


def test_not_utf8(in_tmp):
    (in_tmp / "o.yaml").write_bytes(MINIMAL.replace("Ana", "Jos\xe9").encode("latin-1"))
    assert_rejected(run("validate", "o.yaml"), "o.yaml:5:14: byte 0xe9 is not UTF-8 text; save the file as UTF-8")


def test_utf8_with_bom_is_fine(in_tmp):
    (in_tmp / "o.yaml").write_bytes(b"\xef\xbb\xbf" + MINIMAL.replace("Ana", "José").encode())
    result = run("validate", "o.yaml")
    assert result.exit_code == 0 and result.stdout.startswith("o.yaml: valid: 1 agenda entries"), result.stderr
    from workshop.loader import load_outline

    workshop = load_outline(in_tmp / "o.yaml")  # the mark is not part of the first key, the name is read whole
    assert workshop.title == "Minimal workshop" and [p.name for p in workshop.presenters] == ["José Presenter"]


def test_yaml_syntax_error_has_a_position(in_tmp):
    check(in_tmp, MINIMAL.replace("bullets: [one, two]", "bullets: [one, two"),
          "o.yaml:11:18: a [ or { here starts a list or mapping that YAML cannot read to its closing ] or }; "
          'close it, or if this is text, put the whole text in quotes: bullets: "[one, two"')


def test_missing_outline_file(in_tmp):
    assert_rejected(run("validate", "nope.yaml"), "nope.yaml: file not found")


def test_alias_bomb_refused_before_any_expansion(in_tmp, monkeypatch):
    from workshop import yamlsrc

    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, 10):
        lines.append(f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]")
    write(in_tmp, "o.yaml", "\n".join(lines) + "\n")
    # The work is bounded by the nodes written (about 110), not by the 9**10 values they expand to.
    visits = []
    measure = yamlsrc._Converter._expanded_size
    monkeypatch.setattr(yamlsrc._Converter, "_expanded_size",
                        lambda self, *args: visits.append(1) or measure(self, *args))
    monkeypatch.setattr(yamlsrc._Converter, "_convert", lambda *args: pytest.fail("converted the expansion"))
    assert_rejected(run("validate", "o.yaml"), "o.yaml:1:1: aliases expand this document to more than "
                                               "200,000 values, far more than any workshop needs; refusing to read it")
    assert 0 < len(visits) < 300


def test_alias_that_contains_itself(in_tmp):
    check(in_tmp, "workshop: &w\n  title: x\n  again: *w\n", "o.yaml:1:11: an alias refers to the list or mapping that contains it")


def test_every_independent_problem_in_one_run(in_tmp):
    text = MINIMAL.replace("minutes: 30", "minutes: thirty").replace("  date: 2026-03-14\n", "  date: soon\n")
    result = check(in_tmp, text)
    assert len(result.lines) == 2


def test_a_date_past_what_files_can_hold_is_refused_by_validate_and_build(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL.replace("date: 2026-03-14", "date: 2206-03-14"))
    line = "o.yaml:3:9: workshop.date: 2206-03-14: the year must be from 1980 to 2099; check it for a typing slip"
    assert_rejected(run("validate", "o.yaml"), line)
    assert_rejected(run("build", "o.yaml", "--out", "kit"), line)


@pytest.mark.parametrize("ce, line", [
    ("  hours: 0\n", "o.yaml:14:10: ce.hours: the certificates would award 0 hours"),
    ("  increment: 1\n", "o.yaml:13:3: ce: the certificates would award 0 hours"),
    ("  hours: 0.333\n", "o.yaml:14:10: ce.hours: 0.333 is not a multiple of the increment 0.25; write 0.25, "
                         "or change ce.increment"),
])
def test_ce_hours_that_a_certificate_cannot_carry(in_tmp, ce, line):
    write(in_tmp, "o.yaml", MINIMAL + "ce:\n  provider: P\n" + ce)
    result = run("validate", "o.yaml")
    assert_rejected(result)
    assert any(printed.startswith(line) for printed in result.lines), result.lines
