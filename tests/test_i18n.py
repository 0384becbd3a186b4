"""workshop.language: the bundled workshop built in Spanish and in French, every output read back
(PDF text, the deck's slides and notes, the e-mail, the verification pages) for the labels, dates
and hours in that language, and for any English label left; the catalogs kept in step with the code."""

from __future__ import annotations

import datetime as dt
import email
import html
import re
import string
import subprocess
from decimal import Decimal
from email import policy
from pathlib import Path

import pytest
import yaml
from pptx import Presentation

from support import BUNDLED, OUTLINES, assert_rejected, leaves, run, write
from support.office import pdf_text
from workshop.evalresponses import read_rating
from workshop.i18n import catalog_path, hours_text, languages, tr
from workshop.messages import TEMPLATE, template
from workshop.schedule import date_text

ROSTER = OUTLINES / "sample-roster.csv"
RESPONSES = OUTLINES / "sample-evaluations.csv"
PDFS = ("certificates.pdf", "handouts.pdf", "guide.pdf", "sign-in.pdf", "evaluation.pdf", "evaluation-summary.pdf")
#: What each language must print somewhere in its kit (file -> texts), read back as a reader sees it.
EXPECTED = {
    "es": {"certificates.pdf": ["Certificado de finalización", "Se certifica que", "completó", "Licencia: LPC 004512",
                                "14 de marzo de 2026", "3,00 horas de educación continua", "Certificado n.º",
                                "Escanee para verificar"],
           "handouts.pdf": ["sábado, 14 de marzo de 2026", "Objetivos de aprendizaje", "Al finalizar este taller",
                            "3,00 horas de educación continua otorgadas por Sunrise Consulting", "Página 1 de",
                            "materiales para participantes"],
           "guide.pdf": ["Guía de facilitación", "Desarrollo de la sesión", "Lista de materiales",
                         "Cómo se calcularon las horas de educación continua", "Otorgadas en los certificados: 3,00"],
           "sign-in.pdf": ["Hoja de registro de entrada y salida", "Firma de entrada", "Declaración del monitor de asistencia"],
           "evaluation.pdf": ["Evaluación del participante", "Muy de", "¿Qué cambiaría?", "Este objetivo se cumplió"],
           "evaluation-summary.pdf": ["Resumen de la evaluación", "10 respuestas de 11 asistentes", "Muy en desacuerdo"],
           "deck.pptx": ["Parte 1 de 8", "Objetivos de aprendizaje", "Actividad: ", "Referencias",
                         "Tiempo: ", "sábado, 14 de marzo de 2026", "3,00 horas de educación continua"]},
    "fr": {"certificates.pdf": ["Attestation de réussite", "La présente atteste que", "a suivi avec succès",
                                "Permis : LPC 004512", "14 mars 2026", "3,00 heures de formation continue",
                                "Balayez pour vérifier"],
           "handouts.pdf": ["samedi 14 mars 2026", "Objectifs d’apprentissage", "À la fin de cet atelier",
                            "3,00 heures de formation continue accordées par Sunrise Consulting", "Page 1 de"],
           "guide.pdf": ["Guide d’animation", "Déroulement", "Liste du matériel",
                         "Calcul des heures de formation continue", "Inscrites sur les attestations : 3,00"],
           "sign-in.pdf": ["Feuille de présence", "Signature à l’arrivée", "Attestation du responsable"],
           "evaluation.pdf": ["Évaluation par les participants", "Neutre", "Que changeriez-vous?"],
           "evaluation-summary.pdf": ["Synthèse de l’évaluation", "10 réponses sur 11 participants",
                                      "Tout à fait en désaccord"],
           "deck.pptx": ["Partie 1 de 8", "Objectifs d’apprentissage", "Activité : ", "Références",
                         "Minutage : ", "samedi 14 mars 2026", "3,00 heures de formation continue"],
           "verify": ["Organisme formateur", "L’organisme formateur publie cette page"]},
}


def plain(text: str) -> str:
    """Text compared as read: typographic quotes and no-break spaces plain, spaces single."""
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("\u00a0", " "), ("\u202f", " ")):
        text = text.replace(a, b)
    return " ".join(text.split())


def reading_order(pdf: Path) -> str:
    """A PDF's text in the order it was drawn (pdftotext -raw), so that an outline text
    set in two columns (a slide miniature) still reads as one piece to take out."""
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def page_text(page: str) -> str:
    """What a reader of an HTML page sees: no style, no script, no tags, entities read."""
    page = re.sub(r"<(style|script)>.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def deck_text(path: Path) -> str:
    prs = Presentation(str(path))
    parts = []
    for slide in prs.slides:
        parts += [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(parts)


def outline_texts() -> list[str]:
    """Every text the outline itself writes (and the roster's and responses' cells): these stay as
    written, in English, whatever the language of the labels around them."""
    found = [value for value in leaves(yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))) if isinstance(value, str)]
    for path in (ROSTER, RESPONSES):
        found += [cell for line in path.read_text(encoding="utf-8").splitlines() for cell in line.split(",")]
    return sorted({plain(t) for t in found if t.strip()}, key=len, reverse=True)


def english_labels(language: str) -> list[str]:
    """Every run of words an English label prints around its fields, from the catalog's message ids,
    except words the language writes the same way ("Date", "Notes", "Min")."""
    runs = set()
    for message in template():
        if not message.id:
            continue
        for msgid in (message.id if isinstance(message.id, tuple) else (message.id,)):
            translated = plain(tr(language, msgid))
            for piece in re.split(r"\{\w+\}|\n", msgid):
                piece = plain(piece).strip(" .,:;()·–-")
                if len(re.sub(r"[^A-Za-z]", "", piece)) >= 3 and not re.search(
                        rf"(?<![\w']){re.escape(piece)}(?![\w'])", translated):
                    runs.add(piece)
    return sorted(runs)


def responses_in(language: str, folder: Path) -> Path:
    """The sample evaluation responses as the form in ``language`` collects them: each column's
    title holds the statement or question as that form prints it (the ratings and comments as
    they are). The English file itself is refused by that form's summary: most of its columns
    rate statements the form does not print."""
    ids = sorted((m.id for m in template() if isinstance(m.id, str) and len(m.id) >= 12), key=len, reverse=True)
    lines = RESPONSES.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0]
    for msgid in ids:
        if msgid in header:
            header = header.replace(msgid, tr(language, msgid))
    path = folder / f"evaluations-{language}.csv"
    path.write_text(header + "".join(lines[1:]), encoding="utf-8")
    return path


@pytest.fixture(scope="module", params=["es", "fr"])
def kit(request, tmp_path_factory):
    """The bundled outline in ``language`` (an extends: variant), built with the sample roster and
    evaluation responses and a verification address, then e-mailed as a dry run."""
    language = request.param
    folder = tmp_path_factory.mktemp(f"kit-{language}")
    write(folder, "outline.yaml", f"""\
        extends: {BUNDLED.as_posix()}
        workshop:
          language: {language}
        ce:
          verify_url: https://verify.example.org/c/{{id}}/
          email:  # the bundled outline's own English message left out: the default one, in the language
            subject: null
            body: null
        """)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        mp.setenv("WORKSHOP_KEY_DIR", str(folder / "keys"))
        built = run("build", "outline.yaml", "--roster", ROSTER, "--evaluations", responses_in(language, folder),
                    "--out", "kit")
        assert built.exit_code == 0, built.stderr
        sent = run("send", "outline.yaml", "--out", "kit", "--dry-run")
        assert sent.exit_code == 0, sent.stderr
    out = folder / "kit"
    texts = {name: plain(reading_order(out / name)) for name in PDFS}
    texts["deck.pptx"] = plain(deck_text(out / "deck.pptx"))
    mail = email.message_from_bytes(sorted((out / "send-preview").glob("*.eml"))[0].read_bytes(), policy=policy.default)
    texts["e-mail"] = plain(f"{mail['Subject']}\n{mail.get_body(('plain',)).get_content()}")
    pages = sorted((out / "verify").glob("*/index.html")) + [out / "verify" / "index.html"]
    texts["verify"] = plain("\n".join(page_text(p.read_text(encoding="utf-8")) for p in pages))
    return language, texts, out


def test_each_output_prints_the_language_s_labels_dates_and_hours(kit):
    language, texts, _ = kit
    for name, expected in EXPECTED[language].items():
        for text in expected:
            assert plain(text) in texts[name], (name, text)


def test_the_e_mail_and_the_verification_pages_are_in_the_language(kit):
    language, texts, out = kit
    subject, greeting, check = {"es": ("Su certificado: ", "Gracias por participar", "Verificación de certificado"),
                                "fr": ("Votre attestation : ", "Merci d'avoir participé", "Vérification d'attestation")}[language]
    assert texts["e-mail"].startswith(subject) and greeting in texts["e-mail"]
    assert {"es": "3,00 horas de educación continua", "fr": "3,00 heures de formation continue"}[language] in texts["e-mail"]
    assert check in texts["verify"] and {"es": "14 de marzo de 2026", "fr": "14 mars 2026"}[language] in texts["verify"]
    lookup = (out / "verify" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}">' in lookup
    assert {"es": "No existe ningún certificado", "fr": "Aucune attestation ne porte"}[language] in lookup


def test_no_english_label_is_left(kit):
    language, texts, _ = kit
    own = outline_texts()
    labels = english_labels(language)
    assert len(labels) > 150  # the catalog's labels, not an empty list that cannot fail
    for name, text in texts.items():
        for written in own:  # the outline's own words stay as written: take them out first
            text = text.replace(written, " ")
        left = [label for label in labels if re.search(rf"(?<![\w']){re.escape(label)}(?![\w'])", text)]
        assert not left, (name, left)


def test_the_english_check_finds_the_labels_of_an_english_kit(in_tmp):
    """The same reading, on the kit built in English, finds its labels: the check can fail."""
    result = run("build", BUNDLED, "--roster", ROSTER, "--out", "kit", "--only", "deck,certificates,evaluation")
    assert result.exit_code == 0, result.stderr
    text = " ".join(plain(reading_order(in_tmp / "kit" / name)) for name in ("certificates.pdf", "evaluation.pdf"))
    text += " " + plain(deck_text(in_tmp / "kit" / "deck.pptx"))
    for written in outline_texts():
        text = text.replace(written, " ")
    labels = english_labels("es")
    found = {label for label in labels if re.search(rf"(?<![\w']){re.escape(label)}(?![\w'])", text)}
    assert {"Certificate of Completion", "This certifies that", "Learning objectives", "Part", "Activity",
            "Strongly", "Participant evaluation"} <= found


def test_dates_and_hours_follow_the_language_through_cldr():
    day = dt.date(2026, 3, 14)
    assert date_text(day, "short", language="es") == "14 de marzo de 2026"
    assert date_text(day, "", language="es") == "sábado, 14 de marzo de 2026"
    assert date_text(day, "short", language="fr") == "14 mars 2026"
    assert date_text(day, "long-day-month", language="fr") == "samedi 14 mars 2026"
    assert date_text(day, "iso", language="fr") == "2026-03-14"
    assert date_text(day, "short") == "March 14, 2026"  # English as before
    assert hours_text(Decimal("3"), "es") == "3,00" and hours_text(Decimal("2.25"), "fr") == "2,25"
    assert hours_text(Decimal("3"), "en") == "3.00"


def test_the_evaluation_responses_are_read_in_the_outline_s_language():
    assert read_rating("Muy de acuerdo", "es") == (5, "")
    assert read_rating("2 - En desacuerdo", "es") == (2, "")
    assert read_rating("Tout à fait d’accord", "fr") == (5, "")
    assert read_rating("Ni en accord ni en désaccord", "fr") == (3, "")
    assert read_rating("D'accord (4)", "fr") == (4, "")
    assert read_rating("Strongly agree", "fr") == (5, "")  # a form service left in English still reads
    rating, problem = read_rating("De acuerdo (2)", "es")
    assert rating is None and "'De acuerdo'" in problem
    assert "Muy en desacuerdo" in read_rating("quizás", "es")[1]


def test_spanish_responses_to_the_spanish_form_are_summarised(in_tmp):
    write(in_tmp, "es.yaml", f"extends: {BUNDLED.as_posix()}\nworkshop:\n  language: es\n")
    statements = ["El contenido es pertinente para mi práctica", "El tiempo se aprovechó bien"]
    write(in_tmp, "respuestas.csv", ",".join(statements + ["¿Qué cambiaría?"]) + "\n"
          "Muy de acuerdo,De acuerdo,Más pausas\n5,Neutral,\n")
    result = run("build", "es.yaml", "--evaluations", "respuestas.csv", "--out", "kit", "--only", "evaluation-summary")
    assert result.exit_code == 0, result.stderr
    summary = (in_tmp / "kit" / "evaluation-summary.csv").read_text(encoding="utf-8-sig")
    assert "El contenido es pertinente para mi práctica,2,5.00,0,0,0,0,2" in summary  # the CSV's numbers for a spreadsheet
    assert "El tiempo se aprovechó bien,2,3.50,0,0,1,1,0" in summary
    assert "Más pausas" in plain("\n".join(pdf_text(in_tmp / "kit" / "evaluation-summary.pdf")))


def test_an_unknown_language_is_refused_at_its_line_with_the_ones_there_are(in_tmp):
    write(in_tmp, "de.yaml", f"extends: {BUNDLED.as_posix()}\nworkshop:\n  language: de\n")
    result = run("build", "de.yaml", "--out", "kit")
    assert_rejected(result)
    assert "de.yaml:3:13: workshop.language: no catalog for 'de'; available: en, es, fr" in result.stderr
    assert not (in_tmp / "kit").exists()


def test_the_organizer_s_unit_stays_as_written(in_tmp):
    write(in_tmp, "es.yaml", f"extends: {BUNDLED.as_posix()}\nworkshop:\n  language: es\nce:\n  unit: horas contacto\n")
    result = run("build", "es.yaml", "--roster", ROSTER, "--out", "kit", "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    assert "3,00 horas contacto" in plain("\n".join(pdf_text(in_tmp / "kit" / "certificates.pdf")))


def test_the_catalogs_are_in_step_with_the_code():
    """Every message the code marks is in the template and translated in every catalog (not fuzzy,
    its {fields} kept), and no catalog holds a message the code no longer prints. After changing a
    label: python -m workshop.messages, then translate what it added."""
    from babel.messages.pofile import read_po

    code = {m.id for m in template() if m.id}
    with TEMPLATE.open("rb") as handle:
        assert {m.id for m in read_po(handle) if m.id} == code, "run python -m workshop.messages"
    assert languages() == ("en", "es", "fr")
    for language in languages()[1:]:
        with catalog_path(language).open("rb") as handle:
            catalog = read_po(handle, locale=language)
        assert {m.id for m in catalog if m.id} == code, (language, "run python -m workshop.messages")
        for message in catalog:
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            assert all(strings) and not message.fuzzy, (language, message.id)
            fields = {f for _, f, _, _ in string.Formatter().parse(ids[-1]) if f}
            for text in strings:
                assert {f for _, f, _, _ in string.Formatter().parse(text) if f} <= fields | {"n"}, (language, text)
                assert fields - {"n"} <= {f for _, f, _, _ in string.Formatter().parse(text) if f}, (language, text)


@pytest.mark.parametrize("language", ["es", "fr"])
def test_the_attendance_log_of_an_online_workshop_is_in_the_language(in_tmp, language):
    """The log's labels and the attendance rule's reasons in the outline's language; attendance.csv
    keeps the English reasons the command's output gives."""
    from support.attendance import ROSTER as ONLINE_ROSTER, outline, zoom_meeting

    write(in_tmp, "ethics.yaml", outline().replace("workshop:\n", f"workshop:\n  language: {language}\n", 1))
    write(in_tmp, "roster.csv", ONLINE_ROSTER)
    zoom_meeting(in_tmp)
    result = run("build", "ethics.yaml", "--roster", "roster.csv", "--attendance", "zoom.csv", "--out", "out",
                 "--only", "certificates,sign-in")
    assert result.exit_code == 0, result.stderr
    text = plain(reading_order(in_tmp / "out" / "sign-in.pdf"))
    expected = {"es": ["Registro de asistencia", "Seminario web interactivo en vivo", "Horas otorgadas", "Totales:",
                       "minutos de instrucción", "sin certificado"],
                "fr": ["Registre des présences", "Webinaire interactif en direct", "Heures accordées", "Totaux :",
                       "minutes de formation", "aucune attestation"]}[language]
    for label in expected:
        assert label in text, label
    for written in outline_texts() + ["Ethics online", "Live online", "Sunrise Consulting"]:
        text = text.replace(written, " ")
    left = [label for label in english_labels(language) if re.search(rf"(?<![\w']){re.escape(label)}(?![\w'])", text)]
    assert not left, left
    assert "no certificate" in (in_tmp / "out" / "attendance.csv").read_text(encoding="utf-8-sig")


def test_the_knowledge_check_and_its_exports_are_in_the_language(in_tmp):
    write(in_tmp, "quiz-fr.yaml", f"extends: {(Path(__file__).parent / 'data' / 'quiz.yaml').as_posix()}\n"
                                  "workshop:\n  language: fr\n")
    result = run("build", "quiz-fr.yaml", "--out", "kit", "--only", "deck,handouts,guide,quiz")
    assert result.exit_code == 0, result.stderr
    out = in_tmp / "kit"
    handouts, guide = (plain(reading_order(out / name)) for name in ("handouts.pdf", "guide.pdf"))
    assert "Vérification des connaissances" in handouts and "Cochez une case par question." in handouts
    assert "Vrai" in handouts and "Faux" in handouts and "(vrai ou faux)" in handouts
    assert "Vérification des connaissances : corrigé" in guide and "Réponse : " in guide
    deck = plain(deck_text(out / "deck.pptx"))
    assert "Activité : " in deck and "Vrai ou faux?" in deck
    exports = {p.name: p for p in out.rglob("*") if p.suffix in (".gift", ".txt", ".zip")}
    gift = next(p for name, p in exports.items() if name.endswith((".gift", ".txt")))
    assert "vérification des connaissances" in plain(gift.read_text(encoding="utf-8"))
    assert "Importer dans Moodle" in gift.read_text(encoding="utf-8")
