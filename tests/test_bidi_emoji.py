"""Right-to-left text beside emoji sequences (joiners, skin tones, selectors, flags): laid out
and drawn by the PDF writers, never a crash, whatever the mix; and an outline with them that
``validate`` passes builds every output."""

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import letter

from support import run, write
from support.office import pdf_text
from workshop import pdfdraw, shaping

WORDS = ["שלום", "עולם", "سارة", "مرحبا", "Ana", "día", "१२", "42", "3.5", "(", ")", "-", "·", " · "]
EMOJI = ["👩\u200d⚕️", "👍🏽", "❤️", "🇺🇸", "🎉", "👨\u200d👩\u200d👧"]

MARKS = ["\u200d", "\ufe0f", "🏽"]  # joiner, selector, skin tone: stray ones are drawn as nothing

mixed = st.tuples(st.lists(st.sampled_from(WORDS + EMOJI + MARKS), max_size=7),
                  st.sampled_from(WORDS[:4] + EMOJI), st.integers(0, 7)).map(
    lambda t: " ".join(t[0][:t[2]] + [t[1]] + t[0][t[2]:]))  # at least one word or pictograph


@settings(max_examples=120, deadline=None)
@given(mixed)
def test_every_character_has_a_level(text):
    if shaping.has_rtl(text):
        assert len(shaping.levels(text)) == len(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed, st.sampled_from(["sans", "serif", "sans-bold"]))
def test_mixed_scripts_and_emoji_are_drawn_on_a_page(text, face):
    runs = pdfdraw.runs(pdfdraw.shown(text), face)
    assert runs
    buffer = io.BytesIO()
    canvas = pdfdraw.new_canvas(buffer, letter, "t", "t")
    assert pdfdraw.draw(canvas, 72, 600, text, 14, face) > 0
    canvas.showPage()
    canvas.save()
    assert buffer.getvalue().startswith(b"%PDF")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mixed, min_size=1, max_size=4), st.sampled_from([60.0, 140.0, 460.0]))
def test_mixed_paragraphs_wrap_and_print_in_a_document(texts, width):
    """The handouts' and guide's paragraphs: wrapped at a narrow or a wide measure, on a page,
    whatever the mix; every line read back in a document built like theirs."""
    from reportlab.platypus import Table

    from workshop import docstyle

    st_ = docstyle.styles("1F4E79")
    story = [docstyle.para(t, st_["body"]) for t in texts]
    story.append(Table([[docstyle.para(texts[0], st_["cell"])]], colWidths=[width]))
    buffer = io.BytesIO()
    doc, canvas_class = docstyle.document(buffer, "t", "t", "t", "test")
    doc.width = width
    doc.build(story, canvasmaker=canvas_class)
    assert buffer.getvalue().startswith(b"%PDF")


def test_an_outline_validate_passes_builds_every_pdf(tmp_path):
    outline = write(tmp_path, "o.yaml", """\
        workshop:
          title: Test
          date: 2026-03-14
        presenters:
          - name: "سارة"
          - name: "Bob 👩‍⚕️"
        sections:
          - title: Intro
            minutes: 20
            slides:
              - title: Hello
                bullets:
                  - "שלום 👩‍⚕️ עולם"
        """)
    assert run("validate", outline).exit_code == 0
    (tmp_path / "r.csv").write_text("name\nسارة 👍🏽\nBob Smith\n", encoding="utf-8")
    result = run("build", outline, "--roster", tmp_path / "r.csv", "--out", tmp_path / "kit")
    assert result.exit_code == 0, (result.stderr, result.exception)
    handouts = "\n".join(pdf_text(tmp_path / "kit" / "handouts.pdf"))
    assert "Bob 👩‍⚕️" in handouts
    assert "Hello" in handouts


def test_an_emoji_between_right_to_left_words_keeps_its_spaces_in_the_line_order():
    drawn = [r for r in pdfdraw.runs(pdfdraw.shown("שלום 🎉 עולם"), "sans") if r.source.startswith("🎉")]
    assert [r.text for r in drawn] == [" 🎉"]  # the space after it in reading order is on its left
