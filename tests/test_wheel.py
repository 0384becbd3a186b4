"""The wheel as a user gets it: every package, the fonts with their licences, the bundled example
and themes; installed into a fresh virtual environment, `workshop build` with no OUTLINE makes the
whole kit on a computer with no fonts of its own, and `workshop new` starts an outline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from support import ROOT
from support.samplekit import check_sample_kit

#: A wheel larger than this would be a font or a file bundled by mistake.
MOST_BYTES = 5_000_000


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # from a copy, so that setuptools' build/ and .egg-info land there and not in the checkout
    source = out / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", "build", "*.egg-info", "__pycache__",
                                                                ".hypothesis", ".pytest_cache", "bench"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)],
                   check=True, capture_output=True, cwd=out, env=env)
    (built,) = out.glob("workshop_kit-*.whl")
    return built


def test_the_wheel_holds_every_package_the_fonts_and_their_licences_and_the_bundled_files(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = {p.parent.relative_to(ROOT).as_posix() for p in (ROOT / "workshop").rglob("__init__.py")}
    assert {f"{p}/__init__.py" for p in packages} <= names
    fonts = {n for n in names if n.startswith("workshop/data/fonts/")}
    for face in ("Carlito-Regular.ttf", "NotoSerif-Regular.ttf", "NotoSansArabic-Regular.ttf",
                 "NotoSansHebrew-Regular.ttf", "DroidSansFallback-Subset.ttf"):
        assert f"workshop/data/fonts/{face}" in fonts
    assert {"workshop/data/fonts/Carlito-OFL.txt", "workshop/data/fonts/Noto-OFL.txt",
            "workshop/data/fonts/DroidSansFallback-LICENSE.txt"} <= fonts
    assert {"workshop/outlines/therapeutic-relationship.yaml", "workshop/outlines/sample-roster.csv",
            "workshop/templates/classic/master.pptx", "workshop/data/outline.schema.json"} <= names
    assert wheel.stat().st_size < MOST_BYTES


def test_the_installed_wheel_builds_the_bundled_kit_with_no_fonts_on_the_computer(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    # the dependencies come from the environment running the tests: this checks the wheel, not PyPI
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    # without the checkout on the path, where pip would take its metadata for an installed copy
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--quiet", str(wheel)], check=True,
                   capture_output=True, env=env, cwd=tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "no-fonts").mkdir()
    env.update(WORKSHOP_FONT_DIRS=str(tmp_path / "no-fonts"), WORKSHOP_FONT_CACHE="off")
    where = subprocess.run([str(python), "-c", "import workshop; print(workshop.__file__)"], cwd=work, env=env,
                           check=True, capture_output=True, text=True).stdout
    assert Path(where.strip()).is_relative_to(env_dir)  # the installed wheel, not the checkout
    workshop = env_dir / ("Scripts" if os.name == "nt" else "bin") / "workshop"
    result = subprocess.run([str(workshop), "build", "--out", "kit"], cwd=work, env=env, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    check_sample_kit(work / "kit")
    result = subprocess.run([str(workshop), "new", "Trauma-Informed Care"], cwd=work, env=env, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert (work / "trauma-informed-care.yaml").is_file()
