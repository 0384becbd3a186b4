"""The command as a user runs it: version, help, new, and a real subprocess with no traceback."""

import re
import subprocess
import sys

import pytest

from support import BUNDLED, run
from workshop import __version__
from workshop.schema import SCHEMA_FILE


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.stdout


def test_help_on_every_command():
    from workshop.cli import main

    assert {"build", "validate", "schedule", "new", "watch", "template"} <= set(main.commands)
    for command in main.commands:
        result = run(command, "--help")
        assert result.exit_code == 0, (command, result.stderr)
        assert result.stdout.startswith(f"Usage: main {command} "), result.stdout


def test_new_writes_a_short_starter_with_a_comment_on_each_key(in_tmp):
    result = run("new", "Trauma-Informed Care")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["Wrote trauma-informed-care.yaml, a starter outline for Trauma-Informed Care. Fill it in "
                            "(each line says what it is for), then build the kit:", "",
                            "    workshop build trauma-informed-care.yaml"]
    text = (in_tmp / "trauma-informed-care.yaml").read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_FILE.as_uri()}\n")
    assert '  title: "Trauma-Informed Care"' in text
    assert len(text.splitlines()) < 80 and "Therapeutic" not in text  # not a copy of the bundled workshop
    for line in text.splitlines():
        if re.match(r"^\s*(- )?[a-z_]+:", line):  # every key says what it is for
            assert "  # " in line, line
    built = run("build", "trauma-informed-care.yaml", "--out", "kit")  # the command it printed
    assert built.exit_code == 0, built.stderr
    again = run("new", "Trauma-Informed Care")
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_new_prints_the_next_command_as_it_must_be_typed(in_tmp):
    result = run("new", "My Talks/Ethics 101")
    assert result.exit_code == 0, result.stderr
    assert (in_tmp / "My Talks" / "ethics-101.yaml").is_file()
    assert result.stdout.splitlines()[-1] == "    workshop build 'My Talks/ethics-101.yaml'"
    assert "Ethics 101" in (in_tmp / "My Talks" / "ethics-101.yaml").read_text(encoding="utf-8")
    assert run("new", "grief-work").exit_code == 0
    assert '  title: "Grief work"' in (in_tmp / "grief-work.yaml").read_text(encoding="utf-8")


def test_installed_command_reports_bad_outline_without_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("workshop:\n  title: [oops\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "workshop", "validate", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    first = proc.stderr.splitlines()[0]
    assert re.match(re.escape(str(bad)) + r":[23]:\d+: ", first), proc.stderr


def test_unknown_option_is_exit_2():
    result = run("schedule", "--nope", str(BUNDLED))
    assert result.exit_code == 2 and "No such option '--nope'" in result.stderr, result.stderr


@pytest.mark.parametrize("name", ["", ".", "..", "folder/"])
def test_new_needs_a_file_name(in_tmp, name):
    result = run("new", name)
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "is not a file name; name the new outline, e.g. workshop new my-workshop" in result.stderr
    assert list(in_tmp.iterdir()) == []


@pytest.mark.parametrize("name, reason", [("afile/x", "File exists"), ("a" * 300, "File name too long")])
def test_new_where_no_file_can_be_written_is_a_message(in_tmp, name, reason):
    (in_tmp / "afile").write_text("x")
    result = run("new", name)
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert f": {reason}; choose another name or folder" in result.stderr


def test_new_keeps_a_yml_suffix(in_tmp):
    assert run("new", "talk.yml").exit_code == 0
    assert [p.name for p in in_tmp.iterdir()] == ["talk.yml"]


@pytest.mark.parametrize("only", ["", " , "])
def test_only_with_no_output_named_is_refused(only):
    result = run("build", BUNDLED, "--only", only)
    assert result.exit_code == 2 and "name at least one output: deck, handouts" in result.stderr


def test_watch_into_a_folder_of_the_users_stops_at_once(in_tmp):
    (in_tmp / "mine").mkdir()
    (in_tmp / "mine" / "notes.txt").write_text("mine")
    result = run("watch", BUNDLED, "--out", "mine")
    assert result.exit_code == 2
    assert "mine: this folder holds files workshop did not write (notes.txt)" in result.stderr


def test_validate_prints_the_warnings_build_prints(in_tmp):
    from support import MINIMAL, write

    write(in_tmp, "o.yaml", MINIMAL + "theme:\n  primary: \"#FFFFFF\"\n")
    checked, built = run("validate", "o.yaml"), run("build", "o.yaml", "--out", "kit")
    assert checked.exit_code == built.exit_code == 0
    warnings = [line for line in built.stderr.splitlines() if line.startswith("warning: ")]
    assert warnings and all(w in checked.stderr.splitlines() for w in warnings)



def test_validate_with_a_roster_counts_the_certificates_build_would_print():
    roster = BUNDLED.parent / "sample-roster.csv"
    result = run("validate", BUNDLED, "--roster", roster)
    assert result.exit_code == 0, result.stderr
    # twelve rows, one marked as not attended: eleven certificates, as build prints them
    assert result.stdout.rstrip().endswith("sample-roster.csv: valid: 12 attendees, 11 certificates to issue")
