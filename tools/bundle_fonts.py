"""Make workshop/data/fonts/ from Debian's font packages (run by a maintainer, not at build time).

    apt-get install fonts-crosextra-carlito fonts-noto-core fonts-droid-fallback
    python -m pip install fonttools
    python tools/bundle_fonts.py

Carlito and the Noto faces are copied unchanged (Carlito's licence reserves its name for the
unmodified font). Droid Sans Fallback, 4 MB for 30,000 characters, is cut down to the Chinese
characters of GB 2312 (simplified), Big5 level 1 (traditional) and JIS X 0208 (Japanese), with
kana, bopomofo, CJK punctuation and full-width forms: the characters nearly every name uses.
Other characters are drawn by the system's own CJK face when it has one. Each face's licence is
written beside it, from the package's copyright file.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "workshop" / "data" / "fonts"
DEBIAN = Path("/usr/share/fonts/truetype")
COPIED = {
    "crosextra": ["Carlito-Regular.ttf", "Carlito-Bold.ttf", "Carlito-Italic.ttf", "Carlito-BoldItalic.ttf"],
    "noto": ["NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
             "NotoSansArabic-Regular.ttf", "NotoSansHebrew-Regular.ttf"],
}
SUBSET_FROM = DEBIAN / "droid" / "DroidSansFallbackFull.ttf"
SUBSET_TO = "DroidSansFallback-Subset.ttf"


def cjk_characters() -> str:
    def decoded(codec: str, high, low) -> set[str]:
        found = set()
        for hi in high:
            for lo in low:
                try:
                    found.add(bytes([hi, lo]).decode(codec))
                except UnicodeDecodeError:
                    pass
        return found

    chars = (decoded("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
             | decoded("big5", range(0xA1, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])
             | decoded("euc_jp", range(0xA1, 0xF5), range(0xA1, 0xFF)))
    for first, last in ((0x3000, 0x30FF), (0x3100, 0x312F), (0x31F0, 0x31FF), (0xFF00, 0xFFEF)):
        chars |= {chr(c) for c in range(first, last + 1)}
    return "".join(sorted(chars))


def licence_text(copyright_file: Path, heading: str) -> str:
    """The indented licence paragraph called ``heading`` in a Debian copyright file, as plain text."""
    text = copyright_file.read_text(encoding="utf-8")
    match = re.search(rf"^License: {re.escape(heading)}\n((?: .*\n?)+)", text, re.M)
    if match is None:
        sys.exit(f"no 'License: {heading}' paragraph in {copyright_file}")
    return "".join(("" if line.strip() == "." else line[1:]) + "\n" for line in match.group(1).splitlines())


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for folder, names in COPIED.items():
        for name in names:
            shutil.copyfile(DEBIAN / folder / name, OUT / name)
    (OUT / "Carlito-OFL.txt").write_text(
        "Carlito: taken unchanged from Debian's fonts-crosextra-carlito.\n\n"
        + licence_text(Path("/usr/share/doc/fonts-crosextra-carlito/copyright"), "OFL-1.1"), encoding="utf-8")
    ofl = licence_text(Path("/usr/share/doc/fonts-crosextra-carlito/copyright"), "OFL-1.1")
    body = ofl[ofl.index("SIL OPEN FONT LICENSE"):]
    (OUT / "Noto-OFL.txt").write_text(
        "Noto Serif, Noto Sans Arabic, Noto Sans Hebrew: Copyright 2010, 2012-2020 Google Inc.; 2015-2020 Google LLC.\n"
        "Taken unchanged from Debian's fonts-noto-core.\n\n"
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n\n" + body, encoding="utf-8")
    chars = OUT.parent / "cjk-characters.txt"
    chars.write_text(cjk_characters(), encoding="utf-8")
    try:
        subprocess.run([sys.executable, "-m", "fontTools.subset", str(SUBSET_FROM), f"--text-file={chars}",
                        f"--output-file={OUT / SUBSET_TO}", "--layout-features=*", "--name-IDs=*",
                        "--name-languages=*", "--notdef-outline", "--no-hinting"], check=True)
    finally:
        chars.unlink()
    apache = Path("/usr/share/common-licenses/Apache-2.0").read_text(encoding="utf-8")
    (OUT / "DroidSansFallback-LICENSE.txt").write_text(
        "Droid Sans Fallback: Copyright © 2006, 2007, 2008, 2009, 2010 Google Corp.\n"
        "Droid is a trademark of Google Corp.\n\n"
        f"{SUBSET_TO} is a modified version: workshop's tools/bundle_fonts.py kept only the characters of\n"
        "GB 2312, Big5 level 1 and JIS X 0208, with kana, bopomofo, CJK punctuation and full-width forms,\n"
        "and removed the hinting. Taken from Debian's fonts-droid-fallback (DroidSansFallbackFull.ttf).\n\n"
        + apache, encoding="utf-8")


if __name__ == "__main__":
    main()
