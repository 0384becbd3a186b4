"""What the trainer wrote stays as written on the slides, and generated slides can be turned off."""

from support import MINIMAL, assert_rejected, run, write
from workshop.deck.plan import plan_deck
from workshop.loader import load_outline
from workshop.schedule import build_agenda

OUTLINE = """\
workshop:
  title: Options
  date: 2026-03-14
presenters:
  - name: 王芳
    credentials: LCSW
sections:
  - id: one
    title: First part
    minutes: 40
    slides:
      - title: Hello
        bullets: [one, two]
    activities:
      - title: "Activity 1: mapping safety"
        minutes: 20
        format: small groups (Zoom breakout rooms)
        debrief: ["What surprised you?"]
  - id: end
    title: Wrapping up
    minutes: 10
    slides:
      - title: Thank you!
        bullets: [Questions and discussion]
references:
  - "Rogers, C. R. (1951). Client-centered therapy. Houghton Mifflin."
"""


def plan(folder, extra=""):
    workshop = load_outline(write(folder, "o.yaml", OUTLINE + extra))
    return plan_deck(workshop, build_agenda(workshop))


def test_activity_format_and_title_as_written(tmp_path):
    deck = plan(tmp_path)
    titles = [s.title for s in deck.slides]
    assert "Activity 1: mapping safety" in titles and "Debrief: mapping safety" in titles
    assert not any(t.startswith(("Activity: Activity", "Debrief: Activity")) for t in titles)
    activity = next(s for s in deck.slides if s.kind == "activity")
    assert activity.boxes[0].paras[0].text.startswith("Small groups (Zoom breakout rooms) · 20 minutes")  # capitalised


def test_end_matter_goes_before_the_presenters_own_thank_you_which_carries_the_contacts(tmp_path):
    deck = plan(tmp_path)
    assert [s.title for s in deck.slides][-3:] == ["Wrapping up", "References", "Thank you!"]
    last = deck.slides[-1]
    assert last.kind == "closing" and [p.text for b in last.boxes for p in b.paras] == [
        "Thank you!", "Questions and discussion", "王芳", "LCSW"]  # the credentials under the name


def test_a_long_goodbye_stays_a_slide_and_the_contacts_come_after_it(tmp_path):
    long = OUTLINE.replace("bullets: [Questions and discussion]", "bullets: [one, two, three, four]")
    deck = plan_deck(w := load_outline(write(tmp_path, "o.yaml", long)), build_agenda(w))
    assert [s.title for s in deck.slides][-4:] == ["Wrapping up", "References", "Thank you!", "Stay in touch"]
    assert deck.slides[-1].section_id == "end" and [s.number for s in deck.slides][-1] == len(deck.slides)


def test_an_outline_ending_on_content_keeps_the_end_matter_last(tmp_path):
    deck = plan(tmp_path, "").slides
    other = plan(tmp_path / "b", "").slides  # same outline, rebuilt: same order
    assert [s.title for s in deck] == [s.title for s in other]
    workshop = load_outline(write(tmp_path, "m.yaml", MINIMAL + "references: [A reference]\n"))
    titles = [s.title for s in plan_deck(workshop, build_agenda(workshop)).slides]
    assert titles[-3:] == ["Hello", "References", "Stay in touch"]


def test_generated_slides_can_be_turned_off(tmp_path):
    deck = plan(tmp_path, "deck:\n  dividers: false\n  activity_slides: false\n  closing: false\n")
    kinds = {s.kind for s in deck.slides}
    assert not kinds & {"section", "activity", "debrief", "closing"}
    assert [s.title for s in deck.slides][-2:] == ["References", "Thank you!"]
    assert {s.section_id for s in deck.slides if s.kind == "content"} == {"one", "end"}  # the guide still finds them
    on = plan(tmp_path / "on", "deck:\n  quiz: false\n")
    assert {"section", "activity", "debrief", "closing"} <= {s.kind for s in on.slides}


def test_a_deck_option_that_is_not_true_or_false_is_refused(in_tmp):
    write(in_tmp, "o.yaml", OUTLINE + "deck:\n  dividers: sometimes\n")
    assert_rejected(run("build", "o.yaml", "--out", "kit"),
                    "o.yaml:28:13: deck.dividers: expected true or false, got 'sometimes'")


def test_end_matter_after_puts_references_and_contact_last(tmp_path):
    deck = plan(tmp_path, "deck:\n  end_matter: after\n")
    assert [s.title for s in deck.slides][-4:] == ["Wrapping up", "Thank you!", "References", "Stay in touch"]
    assert [s.number for s in deck.slides] == list(range(1, len(deck.slides) + 1))


def test_an_unknown_end_matter_is_refused_at_its_line(in_tmp):
    write(in_tmp, "o.yaml", OUTLINE + "deck:\n  end_matter: last\n")
    line = len(OUTLINE.splitlines()) + 2
    assert_rejected(run("validate", "o.yaml"),
                    f"o.yaml:{line}:15: deck.end_matter: expected before (the deck's references and contact slides before "
                    "your own last slide, such as Thank you) or after (they come last), got 'last'")


def test_the_knowledge_check_comes_before_the_goodbye_whatever_end_matter_says(tmp_path):
    from support import DATA

    for end_matter in ("before", "after"):
        outline = write(tmp_path, f"{end_matter}.yaml",
                        f"extends: {DATA / 'quiz.yaml'}\ndeck:\n  quiz: true\n  end_matter: {end_matter}\n")
        workshop = load_outline(outline)
        kinds = [(s.kind, s.title) for s in plan_deck(workshop, build_agenda(workshop)).slides]
        goodbye = next(n for n, (_, title) in enumerate(kinds) if title == "Thank you")
        assert not any(kind in ("quiz", "answer") for kind, _ in kinds[goodbye:]), kinds[goodbye:]
        assert kinds[goodbye - 1][0] in ("answer", "references"), kinds[goodbye - 1]


def test_a_slide_titled_like_its_section_keeps_its_title(tmp_path):
    text = OUTLINE.replace("      - title: Hello\n", "      - title: First part\n")
    workshop = load_outline(write(tmp_path, "o.yaml", text))
    titles = [s.title for s in plan_deck(workshop, build_agenda(workshop)).slides]
    assert titles.count("First part") == 2 and not any(t.endswith(")") for t in titles), titles
