"""Random and mutated outlines never crash the loader: either a model or a clear InputError."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA
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
    except InputError as exc:
        assert exc.problems and all(str(p) for p in exc.problems)


fuzz = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@fuzz
@given(st.binary(max_size=400))
def test_random_bytes(tmp_path, data):
    load(tmp_path, data)


@fuzz
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
    load(tmp_path, "\n".join(lines) + "\n")


scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 500), st.floats(allow_nan=False, width=32),
                    st.text(max_size=12))
trees = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(["title", "minutes", "slides", "bullets", "break", "id", "quote",
                                     "image", "sections", "workshop", "ce", "hours", "extends", "x"]),
                    inner, max_size=4)), max_leaves=25)


@fuzz
@given(trees)
def test_random_structures(tmp_path, tree):
    import yaml
    load(tmp_path, yaml.safe_dump({"workshop": {"title": "t"}, "sections": tree}))
