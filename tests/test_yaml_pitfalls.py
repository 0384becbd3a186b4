"""What YAML quietly reads as something else: each is kept as meant, or refused with the line to write."""

import os

import pytest

from support import MINIMAL, assert_rejected, run, write
from workshop.deck.plan import plan_deck
from workshop.loader import load_outline
from workshop.schedule import build_agenda

SLIDE = "      - title: Hello\n        bullets: [one, two]\n"


def rejected(folder, text, *expected):
    write(folder, "o.yaml", text)
    assert_rejected(run("validate", "o.yaml"), *expected)


def valid(folder, text):
    path = write(folder, "o.yaml", text)
    result = run("validate", "o.yaml")
    assert result.exit_code == 0, result.stderr
    return path


def with_bullets(*lines):
    return MINIMAL.replace("        bullets: [one, two]\n", "        bullets:\n" + "".join(f"          {x}\n" for x in lines))


# -- "#" after a space starts a comment ---------------------------------------------------------

def test_hash_in_an_approval_statement(in_tmp):
    rejected(in_tmp, MINIMAL + "ce:\n  approval: Approved by the Example Board, provider #SW-0042\n",
             'o.yaml:13:53: ce.approval: the text stops at "provider" because YAML reads "#SW-0042" as a comment; '
             'put the whole text in quotes: approval: "Approved by the Example Board, provider #SW-0042"')


def test_hash_in_notes_and_in_a_bullet(in_tmp):
    text = with_bullets("- #3 tip", "- fine").replace("    minutes: 30\n", "    minutes: 30\n    notes: the #1 skill\n")
    rejected(in_tmp, text,
             'o.yaml:9:16: section 1, notes: the text stops at "the" because YAML reads "#1 skill" as a comment; '
             'put the whole text in quotes: notes: "the #1 skill"',
             'o.yaml:13:13: section 1, slide 1, bullet 1: the value is empty because YAML reads "#3 tip" as a '
             'comment; put it in quotes: - "#3 tip"')


def test_colour_written_without_quotes(in_tmp):
    rejected(in_tmp, MINIMAL + "theme:\n  primary: #0B6E4F   # the brand's green\n",
             'o.yaml:13:12: theme.primary: the value is empty because YAML reads "#0B6E4F" as a comment; '
             'put it in quotes: primary: "#0B6E4F"')


def test_ordinary_comments_stay_comments(in_tmp):
    text = MINIMAL.replace("minutes: 30", "minutes: 30   # half an hour").replace(
        "presenters:", "presenters:   # at least one") + "references:   # optional\n  - Norcross (2010)  # the classic\n"
    assert load_outline(valid(in_tmp, text)).references == ("Norcross (2010)",)


def test_quoted_hash_is_kept(in_tmp):
    path = valid(in_tmp, MINIMAL + 'ce:\n  provider: P\n  approval: "Approved, provider #SW-0042"\ntheme:\n  primary: "#0B6E4F"\n')
    workshop = load_outline(path)
    assert workshop.ce.approvals[0].statement == "Approved, provider #SW-0042" and workshop.theme.primary == "0B6E4F"


# -- numbers YAML reads its own way -------------------------------------------------------------

@pytest.mark.parametrize("value, message", [
    ("030", "a leading zero makes YAML read 030 as the octal number 24; write 30 (no leading zero)"),
    ("0x1E", "YAML reads 0x1E as the hexadecimal number 30; write the number in ordinary digits"),
    ("1_000", "YAML reads 1_000 as 1000 (it ignores the _); write 1000"),
    ("1:30", "YAML reads 1:30 as the number 90 (it counts it like a clock, 60 to one); "
             "write the plain number you mean, such as 90 for minutes or 1.5 for hours"),
])
def test_surprising_numbers_are_refused(in_tmp, value, message):
    rejected(in_tmp, MINIMAL.replace("minutes: 30", f"minutes: {value}"), f"o.yaml:8:14: section 1, minutes: {message}")


def test_leading_zero_in_ce_hours(in_tmp):
    rejected(in_tmp, MINIMAL + "ce:\n  minutes_per_hour: 060\n",
             "o.yaml:13:21: ce.minutes_per_hour: a leading zero makes YAML read 060 as the octal number 48; "
             "write 60 (no leading zero)")


def test_unquoted_times_and_number_like_ids_keep_what_was_written(in_tmp):
    text = MINIMAL.replace("  date: 2026-03-14\n", "  date: 2026-03-14\n  start: 9:00\n").replace(
        "  - title: Only section\n", "  - title: Only section\n    id: 010\n")
    valid(in_tmp, text)
    result = run("schedule", "--json", "o.yaml")
    assert '"start": "09:00"' in result.stdout and '"id": "010"' in result.stdout


# -- blank values -------------------------------------------------------------------------------

def test_blank_title_and_presenter_name(in_tmp):
    text = MINIMAL.replace("title: Minimal workshop", 'title: " "').replace("name: Ana Presenter", 'name: ""')
    rejected(in_tmp, text, "o.yaml:2:3: workshop.title: required: write the title",
             "o.yaml:5:5: presenter 1, name: required: write the name")


def test_empty_bullets_and_objectives_are_not_printed_as_nothing(in_tmp):
    rejected(in_tmp, with_bullets('- ""', "- fine") + "objectives:\n  -\n  - Name three things\n",
             "o.yaml:12:13: section 1, slide 1, bullet 1: empty; write its text or delete the line",
             "o.yaml:15:4: objective 1: empty; write its text or delete the line")


# -- characters no output can print -------------------------------------------------------------

def test_emoji_written_as_two_escapes(in_tmp):
    rejected(in_tmp, MINIMAL.replace("title: Minimal workshop", 'title: "Welcome \\ud83d\\ude00"'),
             "o.yaml:2:19: workshop.title: \\ud83d\\ude00 writes the character \U0001F600 in two halves, which "
             "cannot be printed; write the character itself (\U0001F600) or \\U0001F600")


def test_control_characters_in_values_and_keys(in_tmp):
    text = MINIMAL.replace("title: Hello", 'title: "Hel\\x01lo"') + 'references:\n  - "\\0"\n"ke\\ay": 1\n'
    rejected(in_tmp, text,
             "o.yaml:10:20: section 1, slide 1, title: character U+0001 cannot be printed; remove it",
             "o.yaml:13:6: reference 1: character U+0000 cannot be printed; remove it",
             "o.yaml:14:1: character U+0007 cannot be printed; remove it")


def test_build_refuses_them_too(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL.replace("title: Hello", 'title: "\\x01"'))
    result = run("build", "o.yaml", "--out", in_tmp / "kit", "--only", "deck")
    assert_rejected(result, "o.yaml:10:17: section 1, slide 1, title: character U+0001 cannot be printed; remove it")
    assert not (in_tmp / "kit").exists()


# -- syntax errors, in a trainer's words --------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("title: Step 1: ask open questions",
     "o.yaml:10:22: YAML reads ': ' inside this text as the start of a key; put the whole text in quotes: "
     '- title: "Step 1: ask open questions"'),
    ('title: "Trust" is earned',
     "o.yaml:10:24: the text starts with \", so YAML ends it at the closing \" and cannot read the rest; "
     'put the whole text in quotes: - title: "\\"Trust\\" is earned"'),
    ("title: 'It's earned'",
     "o.yaml:10:20: the text starts with ', so YAML ends it at the closing ' and cannot read the rest; "
     "put the whole text in quotes: - title: \"It's earned\""),
    ('title: "Trust is earned',
     "o.yaml:10:16: this quote is never closed; end the text with the same quote mark it starts with: "
     '- title: "Trust is earned"'),
    ("title: [Draft] Welcome",
     "o.yaml:10:24: the text starts with [, so YAML ends it at the closing ] and cannot read the rest; "
     'put the whole text in quotes: - title: "[Draft] Welcome"'),
    ("title: *Very* welcome",
     "o.yaml:10:16: YAML reads a * at the start of a text as a reference to another part of the file; "
     'put the whole text in quotes: - title: "*Very* welcome"'),
    ("title: > 50% of clients",
     "o.yaml:10:16: a > at the start of a text begins a block of lines in YAML; put the whole text in quotes: "
     '- title: "> 50% of clients"'),
    ("title: @dawn welcomes you",
     "o.yaml:10:16: YAML does not let a text start with @; put the whole text in quotes: "
     '- title: "@dawn welcomes you"'),
    ("title: `Hello`",
     "o.yaml:10:16: YAML does not let a text start with `; put the whole text in quotes: - title: \"`Hello`\""),
    ("title: & welcome",
     "o.yaml:10:16: YAML reads a & at the start of a text as a name for reuse (an anchor); "
     'put the whole text in quotes: - title: "& welcome"'),
    ('title: "C:\\Users\\ana"',
     "o.yaml:10:21: inside double quotes a backslash starts a special code; write \\\\ for a backslash, or use "
     "single quotes: - title: 'C:\\Users\\ana'"),
])
def test_syntax_errors_say_what_to_write(in_tmp, line, expected):
    rejected(in_tmp, MINIMAL.replace("title: Hello", line), expected)


@pytest.mark.parametrize("line, expected", [
    ("title: &more welcome", "o.yaml:10:16: section 1, slide 1, title: YAML reads '&more' as a name for reuse "
                             "(an anchor) and drops it from the text; put the whole text in quotes: "
                             '- title: "&more welcome"'),
    ("title: ! welcome", "o.yaml:10:16: section 1, slide 1, title: YAML reads '!' as a type marker (a tag) and "
                         'drops it from the text; put the whole text in quotes: - title: "! welcome"'),
])
def test_text_that_would_lose_its_first_word(in_tmp, line, expected):
    rejected(in_tmp, MINIMAL.replace("title: Hello", line), expected)


def test_indentation_mistakes(in_tmp):
    rejected(in_tmp, MINIMAL.replace("    minutes: 30\n", "     minutes: 30\n"),
             "o.yaml:8:13: YAML cannot use the ':' here: this line is indented further than the line above, so "
             "YAML takes it as more of that line's text; line it up with the keys above it (if it is more text, "
             "put the whole text in quotes)")
    rejected(in_tmp, MINIMAL.replace("  date: 2026-03-14", " date: 2026-03-14"),
             "o.yaml:3:2: this line is not lined up with the lines above it; start it in the same column as the "
             "other keys (or '-' entries) of its group, indenting with spaces")
    rejected(in_tmp, MINIMAL.replace("  title: Minimal workshop", "  title:Minimal workshop"),
             "o.yaml:3:7: line 2 needs a space after its ':' (YAML reads 'title:Minimal workshop' as text); "
             "write: title: Minimal workshop")


def test_a_line_without_its_colon(in_tmp):
    rejected(in_tmp, MINIMAL.replace("  date: 2026-03-14\n", "  date: 2026-03-14\nA note to self\n"),
             "o.yaml:4:1: this line has no ':' after its key; if it is more text for the line above, indent it "
             "further or put the whole text on one line in quotes; if it is a key, add ':' after it")


def test_a_star_alone_is_an_undefined_alias(in_tmp):
    rejected(in_tmp, MINIMAL.replace("title: Hello", "title: *Note"),
             "o.yaml:10:16: YAML reads a * at the start of a text as a reference to another part of the file; "
             'put the whole text in quotes: - title: "*Note"')


def test_a_bullet_with_a_colon_is_the_text_written(in_tmp):
    text = with_bullets("- Step 1:  ask open questions", "- - Note: silence helps", "- Ratio: 3:1") + \
        "objectives:\n  - Describe: the alliance\nreferences:\n  - Norcross, J. C. (2010). Title: a subtitle. APA.\n"
    workshop = load_outline(valid(in_tmp, text))
    body = workshop.sections[0].slides[0].body
    assert [(i.text, i.children) for i in body.items] == [
        ("Step 1:  ask open questions", ("Note: silence helps",)), ("Ratio: 3:1", ())]
    assert workshop.objectives == ("Describe: the alliance",)
    assert workshop.references == ("Norcross, J. C. (2010). Title: a subtitle. APA.",)
    deck = plan_deck(workshop, build_agenda(workshop))
    shown = [p.text for s in deck.slides if s.title == "Hello" for b in s.boxes for p in b.paras]
    assert "Step 1:  ask open questions" in shown


def test_a_quoted_key_in_a_bullet_asks_for_quotes(in_tmp):
    rejected(in_tmp, with_bullets('- "Step 1": ask'),
             "o.yaml:12:13: section 1, slide 1, bullet 1: YAML reads this as the key 'Step 1' with a value under "
             "it; put the whole text in quotes")


# -- line numbers as an editor counts them ------------------------------------------------------

def test_pasted_line_separator_is_reported_at_the_editors_line(in_tmp):
    text = "# notes\u2028pasted from a word processor\n" + MINIMAL + "references:\n  - Norcross\u2029(2010)\n"
    rejected(in_tmp, text,
             "o.yaml:1:8: a line separator (U+2028), invisible and often pasted from a word processor, would break "
             "the line here; delete it",
             "o.yaml:14:13: a paragraph separator (U+2029), invisible and often pasted from a word processor, would "
             "break the line here; delete it")


def test_positions_count_only_real_line_breaks():
    from workshop.yamlhints import Places

    text = "a\u2028b\x85c\r\nd\re\nf"
    places = Places(text)
    assert places.at(text.index("d")) == (2, 1)
    assert places.at(text.index("e")) == (3, 1)
    assert places.at(text.index("f")) == (4, 1)
    assert places.at(text.index("c")) == (1, 5)


# -- bounded reading ----------------------------------------------------------------------------

@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_device_is_not_read():
    assert_rejected(run("validate", "/dev/zero"), "/dev/zero: is not an ordinary file (it is a device or a pipe); "
                                                  "give the path of the outline's .yaml file")


def test_pipe_is_not_read(in_tmp):
    os.mkfifo(in_tmp / "o.yaml")
    assert_rejected(run("validate", "o.yaml"), "o.yaml: is not an ordinary file (it is a device or a pipe); "
                                               "give the path of the outline's .yaml file")


def test_huge_file_is_not_read_whole(in_tmp):
    (in_tmp / "o.yaml").write_bytes(MINIMAL.encode() + b"#" * 5_000_000)
    assert_rejected(run("validate", "o.yaml"), "o.yaml: the outline is larger than 5 MB; is it the right file?")


def test_slides_repeated_through_aliases(in_tmp):
    text = MINIMAL.replace(SLIDE, "      - &s {title: Again}\n" + "      - *s\n" * 2000)
    rejected(in_tmp, text, "o.yaml:6:1: sections: the sections have 2,001 slides in all; a workshop has at most "
                           "2,000. Is a list repeated through an alias (*name)?")


def test_sections_repeated_through_aliases(in_tmp):
    text = MINIMAL.replace("  - title: Only section\n", "  - &s\n    title: Only section\n") + "  - *s\n" * 500
    rejected(in_tmp, text, "o.yaml:6:1: sections: the agenda has 501 sections and breaks; a workshop has at most "
                           "500. Is a list repeated through an alias (*name)?")


def test_agenda_past_midnight_is_refused_not_wrapped(in_tmp):
    text = MINIMAL.replace("  date: 2026-03-14\n", '  date: 2026-03-14\n  start: "23:00"\n').replace(
        "minutes: 30", "minutes: 90")
    rejected(in_tmp, text, "o.yaml:9:14: section 1, minutes: the agenda would run past midnight here (23:00 plus "
                           "90 minutes); a workshop must end by 24:00, so shorten the agenda or start earlier")


def test_agenda_ending_at_midnight_is_fine(in_tmp):
    valid(in_tmp, MINIMAL.replace("  date: 2026-03-14\n", '  date: 2026-03-14\n  start: "23:30"\n'))
    assert '"end": "24:00"' in run("schedule", "--json", "o.yaml").stdout


def test_a_number_after_hash_and_space_in_text_is_not_taken_for_a_note(in_tmp):
    text = MINIMAL.replace("title: Minimal workshop", "title: Minimal workshop # 2")
    rejected(in_tmp, text + "ce:\n  provider: P\n  approval: Approved by the Board, provider # SW-0042\n",
             'o.yaml:2:27: workshop.title: the text stops at "workshop" because YAML reads "# 2" as a comment; '
             'put the whole text in quotes: title: "Minimal workshop # 2"',
             'o.yaml:14:45: ce.approval: the text stops at "provider" because YAML reads "# SW-0042" as a '
             'comment; put the whole text in quotes: approval: "Approved by the Board, provider # SW-0042"')
    valid(in_tmp, MINIMAL.replace("title: Only section", "title: Only section   # the first part"))


@pytest.mark.parametrize("blank", ['" "', '"\\u200b"', '"\\u2800"', '"\\u00ad"', ""])
def test_text_that_prints_nothing_is_refused_where_it_is_required(in_tmp, blank):
    rejected(in_tmp, MINIMAL.replace("title: Minimal workshop", f"title: {blank}"),
             "o.yaml:2:3: workshop.title: required: write the title")
    rejected(in_tmp, MINIMAL + f"ce:\n  provider: {blank}\n",
             "o.yaml:13:3: ce.provider: required: write the provider who awards the hours (it prints on every "
             "certificate)")


def test_minutes_in_quotes_are_read_and_a_leading_zero_gets_its_fix(in_tmp):
    valid(in_tmp, MINIMAL.replace("minutes: 30", 'minutes: "30"'))
    rejected(in_tmp, MINIMAL.replace("minutes: 30", "minutes: 08"),
             "o.yaml:8:14: section 1, minutes: write 8 (no leading zero) for 08")


def test_a_unit_that_is_not_a_word_is_refused(in_tmp):
    rejected(in_tmp, MINIMAL + "ce:\n  provider: P\n  unit: 3\n",
             "o.yaml:14:9: ce.unit: expected the board's word for the hours, such as \"contact hours\" or "
             "\"CE hours\", got '3'")


def test_ceus_counted_as_clock_hours_get_a_warning_in_validate_and_build(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL + "ce:\n  provider: P\n  unit: CEUs\n")
    message = ("warning: o.yaml:13:3: ce.unit: every output counts 60 minutes as one CEU; if your board means "
               "IACET CEUs (10 contact hours each), that is ten times too many: write ce.unit: contact hours "
               "instead; if it calls contact hours CEUs, this is right as written")
    for result in (run("validate", "o.yaml"), run("build", "o.yaml", "--out", "kit", "--only", "deck")):
        assert result.exit_code == 0 and message in result.stderr.splitlines(), result.stderr
    write(in_tmp, "p.yaml", MINIMAL + "ce:\n  provider: P\n  unit: contact hours\n")
    result = run("validate", "p.yaml")
    assert result.exit_code == 0 and "ce.unit" not in result.stderr, result.stderr


def test_libyaml_and_the_python_loader_read_every_outline_the_same(monkeypatch):
    """The fast path (libyaml) must give exactly the located nodes the pure-Python loader gives."""
    from support import DATA, ROOT
    from workshop import yamlsrc

    files = sorted((ROOT / "outlines").glob("*.yaml")) + sorted(DATA.glob("*.yaml"))
    assert len(files) > 5
    fast = {f: yamlsrc.parse_yaml(f.read_bytes(), f.name) for f in files}
    monkeypatch.setattr(yamlsrc, "_fast_compose", lambda text: None)
    for f in files:
        assert yamlsrc.parse_yaml(f.read_bytes(), f.name) == fast[f], f.name


def test_validate_names_every_syntax_mistake_in_one_run(in_tmp):
    """A mistake in the workshop block and one in each of three sections: four lines, in order."""
    write(in_tmp, "o.yaml", """\
        workshop:
          title: Step 1: the "hard" part
          date: 2026-03-14
        presenters:
          - name: Ana
        sections:
          - title: One
            minutes: 10
            slides:
              - title: Hi
                bullets: [a, b
          - title: Two
            minutes: 10
          - title: Three
            minutes: 10
            notes: "a backslash \\q here"
          - title: Four
             minutes: 10
        """)
    result = run("validate", "o.yaml")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert [line.split(": ", 1)[0] for line in result.lines] == ["o.yaml:2:16", "o.yaml:11:18", "o.yaml:16:26",
                                                                 "o.yaml:18:13"]
    assert result.lines[1].endswith('put the whole text in quotes: bullets: "[a, b"')
    assert result.lines[2].endswith("use single quotes: notes: 'a backslash \\q here'")
    assert result.stderr.splitlines()[-1] == "4 problems found; nothing was written."
