"""The quiz as a trainer writes it: mistakes stop the build at their line, gaps are warnings, the
spec's example is valid, scores read as written, and the exports are the same bytes every time."""

import re
from decimal import Decimal
from textwrap import dedent

import pytest

from support import DATA, MINIMAL, ROOT, assert_rejected, run, write
from workshop.quiz.score import ScoreError, parse_score, shown

SPEC = ROOT.parent / "shared" / "spec" / "outline-format.md"
OBJECTIVES = "objectives: [Name the parts, Describe the ways, Identify the habits]\n"


def outline(folder, quiz: str, extra: str = OBJECTIVES):
    return write(folder, "o.yaml", MINIMAL + extra + dedent(quiz))


def test_every_mistake_in_a_question_is_named_at_its_line(in_tmp):
    path = outline(in_tmp, """\
        quiz:
          questions:
            - ask: Which is a core component?
              objective: 4
              choices: [Trust, Billing]
              answer: trust
            - ask: Pick one
              choices: [Trust]
              answer: Trust
            - ask: Pick again
              choices: [Trust, Respect, " trust "]
              answer: Respect
            - ask: Silence means resistance.
              answer: maybe
            - ask: Which objective?
              objective: first
              answer: true
        """)
    assert_rejected(
        run("validate", path),
        "o.yaml:16:18: quiz.questions[0].objective: there is no objective 4: the outline lists 3 objectives; "
        "use a number from 1 to 3",
        "o.yaml:18:15: quiz.questions[0].answer: the answer 'trust' is not one of the choices (Trust, Billing); "
        "did you mean 'Trust'?",
        "o.yaml:20:16: quiz.questions[1].choices: give at least two choices, or remove choices: for a true/false "
        "question",
        "o.yaml:23:33: quiz.questions[2].choices[2]: 'trust' is listed twice (first as choice 1); every choice "
        "must differ",
        "o.yaml:26:15: quiz.questions[3].answer: a question without choices is true/false: answer true or false, "
        "or list the choices under choices: (got 'maybe')",
        "o.yaml:28:18: quiz.questions[4].objective: expected the number of a learning objective (1 for the first), "
        "got 'first'")


def test_an_objective_number_without_objectives_and_a_bad_pass_mark(in_tmp):
    path = outline(in_tmp, """\
        quiz:
          pass_percent: 150
          per_hour: lots
          questions:
            - {ask: Trust takes time, objective: 1, answer: true}
          question: []
        """, extra="")
    assert_rejected(
        run("build", path),
        "o.yaml:13:17: quiz.pass_percent: 150 is not a percentage from 1 to 100",
        "o.yaml:14:13: quiz.per_hour: expected a number of questions per CE hour, like 6, got 'lots'",
        "o.yaml:16:42: quiz.questions[0].objective: there is no objective 1: the outline lists no objectives; "
        "add them under objectives: or remove this line",
        "o.yaml:17:3: quiz.question: unknown key 'question'; did you mean 'questions'?")
    assert not (in_tmp / "build").exists()


def test_choices_keep_what_was_typed_even_where_yaml_reads_booleans_and_numbers(in_tmp):
    path = outline(in_tmp, """\
        quiz:
          questions:
            - {ask: "Is the alliance measurable?", choices: [Yes, No], answer: Yes}
            - {ask: "How many parts?", choices: [2, 3, 4], answer: 3}
            - {ask: Trust comes first, answer: "False"}
        """)
    result = run("build", path, "--only", "quiz")
    assert result.exit_code == 0, result.stderr
    gift = (in_tmp / "build" / "o" / "quiz.gift").read_text(encoding="utf-8")
    assert "\t=Yes\n\t~No\n" in gift and "\t~2\n\t=3\n\t~4\n" in gift and "Trust comes first{FALSE}" in gift


def test_gaps_are_warnings_in_validate_and_build(in_tmp):
    path = outline(in_tmp, """\
        ce: {provider: Sunrise}
        quiz:
          per_hour: 6
          questions:
            - {ask: Trust takes time, objective: 1, answer: true}
            - {ask: Goals matter, objective: 1, answer: true}
        """)
    expected = ["warning: o.yaml:15:3: quiz: no question checks objective 2 (Describe the ways); add one with objective: 2",
                "warning: o.yaml:15:3: quiz: no question checks objective 3 (Identify the habits); add one with "
                "objective: 3",
                "warning: o.yaml:15:3: quiz: 2 questions, fewer than the 3 that per_hour 6 × 0.50 CE hours asks for"]
    for command in (("validate", path), ("build", path, "--only", "quiz")):
        result = run(*command)
        assert result.exit_code == 0, result.stderr
        assert [line for line in result.stderr.splitlines() if "quiz" in line] == expected


def test_question_slides_without_a_quiz_is_a_warning(in_tmp):
    path = outline(in_tmp, "deck: {quiz: true}\n")
    result = run("validate", path)
    assert result.exit_code == 0
    assert "warning: o.yaml:13:7: deck.quiz: the outline has no quiz, so there are no question slides" in result.stderr


@pytest.mark.parametrize("doc", [SPEC, ROOT / "docs" / "outline-format.md"], ids=["spec", "docs"])
def test_the_quiz_examples_in_the_spec_and_docs_are_valid(in_tmp, doc):
    if not doc.exists():
        pytest.skip("the shared spec is not beside this checkout")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)
              if b.startswith("quiz:")]
    assert blocks
    example = (DATA / "spec-example.yaml").read_text(encoding="utf-8")
    for block in blocks:
        path = write(in_tmp, "spec-quiz.yaml", example + "\n" + block)
        result = run("build", path, "--only", "quiz,handouts")
        assert result.exit_code == 0, result.stderr
        assert "no question checks objective 3" in result.stderr
        assert (in_tmp / "build" / "spec-quiz" / "quiz.gift").is_file()


def test_exports_are_the_same_bytes_every_build_and_leave_with_the_quiz(in_tmp):
    path = write(in_tmp, "q.yaml", f"extends: {DATA / 'quiz.yaml'}\n")
    files = ("quiz.gift", "quiz-qti.zip", "quiz-kahoot.xlsx")
    made = []
    for out in ("a", "b"):
        result = run("build", path, "--only", "quiz", "--out", out)
        assert result.exit_code == 0, result.stderr
        made.append([(in_tmp / out / f).read_bytes() for f in files])
    assert made[0] == made[1]
    write(in_tmp, "q.yaml", f"extends: {DATA / 'quiz.yaml'}\nquiz: null\ndeck: null\n")
    assert run("build", path, "--only", "quiz", "--out", "a").exit_code == 2  # nothing to export
    result = run("build", path, "--out", "a")
    assert result.exit_code == 0, result.stderr
    assert not any((in_tmp / "a" / f).exists() for f in files)


@pytest.mark.parametrize("text, percent", [("83", "83"), ("83%", "83"), (" 83.5 % ", "83.5"), ("5/6", None),
                                           ("0", "0"), ("100", "100"), ("1%", "1"), ("0.5%", "0.5"), ("", None)])
def test_scores_read_as_percentages(text, percent):
    value = parse_score(text)
    if text == "5/6":
        assert shown(value) == "83.33%" and value < Decimal("83.34")
    elif percent is None:
        assert value is None
    else:
        assert value == Decimal(percent)


@pytest.mark.parametrize("text", ["0.83", "1", "0,5", "101", "-5", "7/0", "6/5", "pass", "nan"])
def test_unclear_scores_are_refused(text):
    with pytest.raises(ScoreError):
        parse_score(text)


def test_a_shown_score_never_rounds_up_to_the_pass_mark():
    assert shown(Decimal("74.999")) == "74.99%" and shown(Decimal(75)) == "75%"
