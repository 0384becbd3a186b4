"""Random and mutated outlines never crash the loader (a model or a clear InputError), and random
valid outlines with awkward text build every output or are refused with messages, never a traceback."""

import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from support import DATA
from workshop.errors import InputError
from workshop.loader import load_outline
from workshop.schedule import build_agenda

SPEC_TEXT = (DATA / "spec-example.yaml").read_text(encoding="utf-8")
LINES = SPEC_TEXT.splitlines()


def load(tmp: Path, text: str | bytes) -> None:
    path = tmp / "fuzz.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    try:
        build_agenda(load_outline(path))
    except InputError as exc:  # refused: each problem names the file and says what is wrong
        assert exc.problems and all(str(p).startswith(str(path)) and p.message for p in exc.problems), exc.problems


fuzz = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@fuzz
@given(st.binary(max_size=400))
def test_random_bytes(tmp_path, data):
    load(tmp_path, data)


@fuzz
@example(edits=[])  # the spec's example itself loads
@given(st.lists(st.tuples(st.integers(0, len(LINES) - 1),
                          st.sampled_from(["delete", "dup", "indent", "dedent", "value", "key"]),
                          st.text(max_size=8)), max_size=6))
def test_mutated_spec_outline(tmp_path, edits):
    lines = list(LINES)
    for at, op, text in edits:
        at %= len(lines)
        line = lines[at]
        if op == "delete":
            del lines[at]
        elif op == "dup":
            lines.insert(at, line)
        elif op == "indent":
            lines[at] = "  " + line
        elif op == "dedent":
            lines[at] = line[2:]
        elif op == "value" and ":" in line:
            lines[at] = line.split(":", 1)[0] + ": " + text
        elif op == "key":
            lines[at] = text + line.lstrip()
        if not lines:
            lines = [""]
    if not edits:
        build_agenda(load_outline(write_outline(tmp_path, "\n".join(lines) + "\n")))
    load(tmp_path, "\n".join(lines) + "\n")


def write_outline(tmp: Path, text: str) -> Path:
    path = tmp / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    return path


scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 500), st.floats(allow_nan=False, width=32),
                    st.text(max_size=12))


def nested(inner):
    return st.one_of(st.lists(inner, max_size=4),
                     st.dictionaries(st.sampled_from(["title", "minutes", "slides", "bullets", "break", "id", "quote",
                                                      "image", "sections", "workshop", "ce", "hours", "extends", "x"]),
                                     inner, max_size=4))


trees = st.recursive(scalars, nested, max_leaves=25)


@fuzz
@given(trees)
def test_random_structures(tmp_path, tree):
    import yaml
    load(tmp_path, yaml.safe_dump({"workshop": {"title": "t"}, "sections": tree}))


# ---------------------------------------------------------------------------------------------
# Whole builds: valid outlines with awkward text go through every renderer


#: Text that trips YAML, XML, PDF drawing or line breaking, mixed into otherwise random text: an
#: outline with any of it is valid and must build.
AWKWARD = ["#", " #1 ", ": ", "\"", "'", "&", "<b>", "\\", "*", "[x]", "{y}", "%", "→", "—", "\u00a0",
           "مرحبا بالعالم", "שלום", "\u200f", "Ωμέγα", "Дмитрий", "王芳", "José Nguyễn", "e\u0301",
           "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3, "https://example.org/a?b=c&d=e",
           "\ufeff", "\U0001F600"]
#: Characters an outline may not hold: each is refused with a message saying which and where. (A line
#: separator, U+2028, is in neither list: written raw it breaks the YAML line and is refused, written as the
#: escape safe_dump may choose it is a line break in notes.)
UNPRINTABLE = {"\x1b": "character U+001B cannot be printed", "\x01": "character U+0001 cannot be printed"}
#: Random letters from the scripts the bundled fonts cover (Latin, Greek, Cyrillic, Hebrew, Arabic), so
#: that a refusal for want of a font on this computer is never the expected outcome.
letters = st.one_of(*(st.characters(min_codepoint=lo, max_codepoint=hi, categories=("L", "M", "N", "P", "S", "Zs"))
                      for lo, hi in ((0x20, 0x24F), (0x391, 0x3C9), (0x410, 0x44F), (0x5D0, 0x5EA), (0x621, 0x64A))))
words = st.one_of(st.sampled_from(AWKWARD), st.text(letters, max_size=12))
#: A phrase shows something: an invisible mark alone (U+FEFF, U+200F) is an empty text, refused as such.
phrases = (st.lists(words, min_size=1, max_size=6).map("".join).map(str.strip)
           .filter(lambda text: any(unicodedata.category(c)[0] in "LNPS" for c in text)))
slides = st.fixed_dictionaries({"title": phrases}, optional={
    "bullets": st.lists(st.one_of(phrases, st.lists(phrases, min_size=1, max_size=3)), min_size=1, max_size=6)
                 .filter(lambda b: isinstance(b[0], str)),
    "notes": st.lists(phrases, min_size=1, max_size=3).map("\n".join),
    "minutes": st.integers(1, 20)})
sections = st.fixed_dictionaries({"title": phrases, "minutes": st.integers(60, 120),  # room for slide minutes
                                  "slides": st.lists(slides, max_size=3)},
                                 optional={"notes": phrases, "goals": st.lists(phrases, min_size=1, max_size=2)})
outlines = st.fixed_dictionaries({
    "workshop": st.fixed_dictionaries({"title": phrases, "date": st.just("2026-03-14")},
                                      optional={"subtitle": phrases, "location": phrases}),
    "presenters": st.lists(st.fixed_dictionaries({"name": phrases}, optional={"credentials": phrases}),
                           min_size=1, max_size=2),
    "sections": st.lists(st.one_of(sections, st.fixed_dictionaries({"break": phrases, "minutes": st.integers(5, 30)})),
                         min_size=1, max_size=3).filter(lambda s: any("title" in e for e in s))
                .map(lambda entries: [dict(e, id=f"s{n}") if "title" in e else e for n, e in enumerate(entries)]),
}, optional={"ce": st.fixed_dictionaries({"provider": phrases, "approval": phrases}),
             "objectives": st.lists(phrases, min_size=1, max_size=3)})


def titles_in(outline: dict) -> list[str]:
    return [" ".join(slide["title"].split()) for section in outline["sections"] for slide in section.get("slides", ())]


def plain(text: str) -> str:
    """Spaces folded and the deck's curly quotes straightened, to compare a title with the outline's."""
    return " ".join(text.split()).translate(str.maketrans("“”‘’", "\"\"''"))


def build(tmp_path: Path, outline: dict, names: list[str]):
    import csv
    import tempfile

    import yaml

    from support import run

    here = Path(tempfile.mkdtemp(dir=tmp_path))
    (here / "o.yaml").write_text(yaml.safe_dump(outline, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with (here / "roster.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["name", "email"]] + [[name, f"p{n}@example.org"] for n, name in enumerate(names)])
    result = run("build", here / "o.yaml", "--roster", here / "roster.csv", "--out", here / "kit")
    assert "Traceback" not in result.stdout + result.stderr
    return here, result


#: A whole build takes a second or more: a failure is reported as found, not shrunk (that takes minutes).
whole = settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck),
                 phases=[Phase.explicit, Phase.reuse, Phase.generate])


@whole
@given(outlines, st.lists(phrases, min_size=1, max_size=2))
def test_whole_builds_of_random_outlines(tmp_path, monkeypatch, outline, names):
    """A valid outline, however awkward its text, builds every output; never a traceback, never refused."""
    from pptx import Presentation

    monkeypatch.setenv("WORKSHOP_JOBS", "1")  # no fork inside hypothesis
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    here, result = build(tmp_path, outline, names)
    assert result.exit_code == 0, (result.stderr, result.exception)
    for name in ("handouts.pdf", "guide.pdf", "evaluation.pdf", "sign-in.pdf", "certificates.pdf"):
        assert (here / "kit" / name).stat().st_size > 0, name
    prs = Presentation(str(here / "kit" / "deck.pptx"))
    shown = [plain(s.shapes.title.text_frame.text) for s in prs.slides if s.shapes.title is not None]
    for title in map(plain, titles_in(outline)):
        assert any(title in deck_title for deck_title in shown), (title, shown)


@whole
@given(outlines, st.lists(phrases, min_size=1, max_size=2), st.sampled_from(sorted(UNPRINTABLE)), st.data())
def test_an_unprintable_character_anywhere_is_refused_with_its_place(tmp_path, monkeypatch, outline, names, bad,
                                                                      data):
    """The same outlines with one unprintable character put into one of their texts: refused, exit 2,
    a message naming the character and where it is, and no kit."""
    monkeypatch.setenv("WORKSHOP_JOBS", "1")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    texts = []  # (container, key) of every text in the outline

    def walk(node):
        for key, value in (node.items() if isinstance(node, dict) else enumerate(node)):
            if isinstance(value, str) and key not in ("date", "id"):
                texts.append((node, key))
            elif isinstance(value, (dict, list)):
                walk(value)

    walk(outline)
    node, key = data.draw(st.sampled_from(texts))
    at = data.draw(st.integers(0, len(node[key])))
    node[key] = node[key][:at] + bad + node[key][at:]
    here, result = build(tmp_path, outline, names)
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), (result.stderr, result.exception)
    assert result.lines and all(line.startswith(f"{here / 'o.yaml'}:") for line in result.lines), result.lines
    assert any(UNPRINTABLE[bad] in line for line in result.lines), result.lines
    assert not (here / "kit").exists()
