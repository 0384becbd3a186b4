"""Print-grade forms read back from the PDFs: nothing cut, nothing too small, every font embedded."""

import unicodedata

import pytest

from conftest import BUNDLED, DATA, run
from office import pdf_text
from printcheck import text_sizes
from workshop.loader import load_outline

STRESS = DATA / "print-stress.yaml"


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
