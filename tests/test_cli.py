"""The command as a user runs it: version, help, new, and a real subprocess with no traceback."""

import re
import subprocess
import sys

import pytest

from conftest import BUNDLED, run
from workshop import __version__


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


def test_new_starts_from_the_bundled_outline(in_tmp):
    result = run("new", "my-workshop")
    assert result.exit_code == 0, result.stderr
    assert (in_tmp / "my-workshop.yaml").read_text(encoding="utf-8") == BUNDLED.read_text(encoding="utf-8")
    assert run("validate", "my-workshop.yaml").exit_code == 0
    again = run("new", "my-workshop")
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_installed_command_reports_bad_outline_without_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("workshop:\n  title: [oops\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "workshop", "validate", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    first = proc.stderr.splitlines()[0]
    assert re.match(re.escape(str(bad)) + r":[23]:\d+: ", first), proc.stderr


def test_unknown_option_is_exit_2():
    assert run("schedule", "--nope", str(BUNDLED)).exit_code == 2


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
    from conftest import MINIMAL, write

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
