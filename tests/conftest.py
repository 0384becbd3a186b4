"""The fixtures every test gets: a plain environment, a temporary working folder. The helpers the tests
share are in tests/support/."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from support import office

# The parsed-font cache of every build the tests run goes to a folder of their own, not ~/.cache.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="workshop-test-cache-")


def pytest_configure(config):
    """The coverage floor of the test command (pyproject.toml's addopts) holds a run of the whole suite;
    a run of some of the tests (named files, -k, -m, the fast loop) covers less by design and is not
    held to it."""
    coverage = config.pluginmanager.getplugin("_cov")
    tests = Path(__file__).resolve().parent
    whole = not config.option.keyword and not config.option.markexpr and all(
        Path(arg).resolve() == tests for arg in config.args)
    if coverage is not None and not whole:
        coverage.options.cov_fail_under = None
    measuring = getattr(getattr(coverage, "cov_controller", None), "cov", None)
    if measuring is not None:  # a build's forked second process saves its data beside this run's, not in the
        # folder the test has changed to (and may list): the data file's name made absolute while here
        measuring.config.data_file = os.path.abspath(measuring.config.data_file)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Let a test marked ``office`` (and the fixtures set up for it) render through LibreOffice."""
    office.OFFICE_TEST = item.get_closest_marker("office") is not None


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch, tmp_path_factory):
    """The variables the build reads, cleared so the developer's shell cannot change a result; the
    provider's signing key made in a folder of the test run's, never the developer's own. The font
    cache is on (in the run's own XDG_CACHE_HOME) and fonts are looked for in the usual folders, whatever
    WORKSHOP_FONT_CACHE or WORKSHOP_FONT_DIRS the shell has; a test that wants them sets them."""
    for name in ("WORKSHOP_JOBS", "SOURCE_DATE_EPOCH", "WORKSHOP_FONT_CACHE", "WORKSHOP_FONT_DIRS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WORKSHOP_KEY_DIR", str(tmp_path_factory.mktemp("keys")))


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Run from a temporary folder so file names in messages are short and predictable."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
