"""Text cut into runs by script, as an office suite needs it: Chinese, Japanese and Korean in runs
of their own that name an East Asian face and language, so the text around them ("王芳, LCSW")
keeps the Latin face's spacing and weight instead of the East Asian fallback's."""

from __future__ import annotations

import re

#: Han, kana, Hangul, CJK punctuation and full-width forms: the characters an office suite sets in
#: a run's East Asian face.
_EAST_ASIAN = re.compile(r"[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u30ff\u3100-\u31bf\u3400-\u4dbf\u4e00-\u9fff"
                         r"\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\u1100-\u11ff\ua960-\ua97f\uac00-\ud7af]")

#: The East Asian face and language a run is set in: the faces every copy of Office has.
_FACES = {"ja-JP": ("Yu Gothic", 128), "ko-KR": ("Malgun Gothic", 129), "zh-CN": ("Microsoft YaHei", 134)}


def script_runs(text: str) -> list[tuple[str, str]]:
    """``text`` as (piece, language) runs: "" for the paragraph's own script, else the East Asian
    language of the piece ("zh-CN", "ja-JP", "ko-KR"). Spaces and punctuation between scripts stay
    in the Latin runs. The pieces join back to ``text``."""
    runs, at = [], 0
    for match in _EAST_ASIAN.finditer(text):
        if match.start() > at:
            runs.append((text[at:match.start()], ""))
        runs.append((match.group(), _language(match.group())))
        at = match.end()
    if at < len(text) or not runs:
        runs.append((text[at:], ""))
    return runs


def east_asian_face(language: str) -> tuple[str, int]:
    """The face an East Asian run of ``language`` (see :func:`script_runs`) names, and its
    character set (as a signed byte, as DrawingML writes it), by which a suite without that face
    picks one of its own for the language."""
    face, charset = _FACES[language]
    return face, charset - 256 if charset > 127 else charset


def _language(piece: str) -> str:
    if _KANA.search(piece):
        return "ja-JP"
    if _HANGUL.search(piece):
        return "ko-KR"
    return "zh-CN"
