"""Print-grade forms read back from the PDFs: nothing cut, nothing too small, every font embedded."""

import unicodedata

import pytest

from conftest import BUNDLED, DATA, OUTLINES, run
from office import pdf_text, pdf_words
from printcheck import text_sizes
from workshop.loader import load_outline

STRESS = DATA / "print-stress.yaml"
ROSTER = OUTLINES / "sample-roster.csv"


def flat(text):
    """Page text as one line of words, whatever the line breaks."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def stress_kit(tmp_path_factory):
    folder = tmp_path_factory.mktemp("print")
    result = run("build", STRESS, "--out", folder / "kit")
    assert result.exit_code == 0, result.stderr
    return folder / "kit"


def test_evaluation_prints_every_long_objective_and_presenter_whole(stress_kit):
    pdf = stress_kit / "evaluation.pdf"
    text = flat(" ".join(pdf_text(pdf)).replace("\n", " "))
    outline = load_outline(STRESS)
    assert len(outline.objectives) == 8
    for objective in outline.objectives:
        assert f"This objective was met: {objective}" in text, objective
    for person in outline.presenters:
        assert f"{person.display_name} knew the subject and presented it clearly" in text, person.name


def test_evaluation_statements_share_one_size_of_at_least_9_points(stress_kit):
    runs = [run for page in text_sizes(stress_kit / "evaluation.pdf") for run in page]
    runs = runs[next(k for k, (t, _) in enumerate(runs) if t.startswith("Rate each")) + 1:]  # below the heading
    titles = {"Learning objectives", "Presenters", "The workshop", "1", "2", "3", "4", "5"}
    rows = [(t.strip(), size) for t, size in runs if t.strip() not in titles and not t.strip().endswith("?")
            and not t.startswith(("Relationship:", "Page "))]
    assert len(rows) > 20 and {size for _, size in rows} == {rows[0][1]} and rows[0][1] >= 9, sorted(set(rows))


@pytest.fixture(scope="module")
def sign_in(tmp_path_factory):
    folder = tmp_path_factory.mktemp("signin")
    result = run("build", BUNDLED, "--roster", ROSTER, "--out", folder / "kit", "--only", "sign-in")
    assert result.exit_code == 0, result.stderr
    return folder / "kit" / "sign-in.pdf"


def roster_names():
    return [line.split(",")[0] for line in ROSTER.read_text(encoding="utf-8").splitlines()[1:]]


def row_numbers(words):
    """The "#" column's numbers on a page, top to bottom, with their baselines."""
    left = min(w.x0 for w in words if w.text == "#")
    return [(int(w.text), w.y1) for w in words if w.text.isdigit() and w.x0 < left + 10 and w.y0 > 40]


def test_sign_in_sorts_names_and_adds_walk_in_rows(sign_in):
    pages = pdf_words(sign_in)
    lines = [flat(t) for t in pdf_text(sign_in)]
    latin = [n for n in roster_names() if n.split()[0] in " ".join(lines)]  # right-to-left names read reversed
    found = [(page, line.find(name.split()[0])) for name in sorted(latin, key=str.casefold)
             for page, line in enumerate(lines) if name.split()[0] in line]
    assert found == sorted(found) and len(found) >= 5, found
    numbers = [n for words in pages for n, _ in row_numbers(words)]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= len(roster_names()) + 5


def test_sign_in_rows_are_tall_and_signature_cells_wide(sign_in):
    for words in pdf_words(sign_in):
        tops = [y for _, y in row_numbers(words)]
        assert min(b - a for a, b in zip(tops, tops[1:])) >= 0.45 * 72 - 0.5
        x = {w.text: w.x0 for w in words if w.text in ("Name", "License", "Signature", "Time")}
        starts = sorted(w.x0 for w in words if w.text in ("Signature", "Time") and w.y0 < 200)
        name_w = x["License"] - x["Name"]
        signature_w = starts[2] - starts[1]  # "Signature in" up to "Time out"
        assert signature_w > name_w, (signature_w, name_w)


def test_every_sign_in_page_has_rows_and_its_own_attestation(tmp_path):
    for roster in (None, ROSTER):
        extra = ("--roster", roster) if roster else ()
        assert run("build", BUNDLED, *extra, "--out", tmp_path / "k", "--only", "sign-in").exit_code == 0
        pdf = tmp_path / "k" / "sign-in.pdf"
        for words, text in zip(pdf_words(pdf), pdf_text(pdf)):
            assert "Monitor's attestation" in text or "Monitor’s attestation" in text
            assert len(row_numbers(words)) >= 8
        assert "3.00 CE hours" in flat(pdf_text(pdf)[0])
