"""ce.approvals: every approver's statement printed whole on the certificates it is for, on a second
page when the front has no room, never below 8 pt and never cut."""

import csv
import datetime as dt
import hashlib
import re
import textwrap

import pytest
from pypdf import PdfReader

from support import MINIMAL, OUTLINES, assert_rejected, run, write
from support.office import pdf_words
from support.printcheck import low_contrast_words, text_sizes
from support import flat
from workshop.certpage import CertificatePainter
from workshop.loader import load_outline
from workshop.roster import Attendee
from workshop.schedule import build_agenda
from workshop.typography import typeset

# Statements shaped like the ones boards prescribe (our own wording), each naming the provider,
# its approval number and period.
ACE = ("Harbor Light Training Institute, provider number 2214, is approved as an ACE provider to offer social work "
       "continuing education by the Association of Social Work Boards (ASWB) Approved Continuing Education (ACE) "
       "program. Organizations, not individual courses, are approved as ACE providers. State and provincial "
       "regulatory boards have the final authority to determine whether an individual course may be accepted for "
       "continuing education credit. Harbor Light Training Institute maintains responsibility for this course. "
       "ACE provider approval period: 04/12/2024 to 04/12/2027. Social workers completing this course receive 3 "
       "clinical practice continuing education credits.")
STATE = ("Harbor Light Training Institute is recognized by the New York State Education Department's State Board for "
         "Social Work as an approved provider of continuing education for licensed social workers, approval number "
         "SW-0698, valid from January 1, 2025 through December 31, 2027.")
NBCC = ("Harbor Light Training Institute has been approved by NBCC as an Approved Continuing Education Provider, "
        "ACEP No. 7718. Programs that do not qualify for NBCC credit are clearly identified. Harbor Light Training "
        "Institute is solely responsible for all aspects of the programs.")
NURSING = ("This nursing continuing professional development activity was approved by the Northeast Multistate "
           "Division, an accredited approver by the American Nurses Credentialing Center's Commission on "
           "Accreditation, approval number NE-26-0153, valid through March 31, 2027; 3.0 contact hours.")

OUTLINE = f"""\
    extends: {OUTLINES / "therapeutic-relationship.yaml"}
    ce:
      approval: null
      provider: Harbor Light Training Institute
      approvals:
        - "{ACE}"
        - statement: "{STATE}"
          for: [LCSW, LMSW]
        - statement: "{NBCC}"
          for: [LPC, lmhc]
        - statement: "{NURSING}"
          for: RN
    """

#: licence -> the statements its certificate prints
ROSTER = {
    "Ann Lee": ("LCSW 004512", [ACE, STATE]),
    "Bo Park": ("lmsw 11873", [ACE, STATE]),
    "Cy Diaz": ("LCSW-R 2231", [ACE, STATE]),  # a word of its own after LCSW: still an LCSW
    "Di Moss": ("LCSWA 7781", [ACE]),  # LCSWA is another licence, not LCSW
    "Ed Ruiz": ("LPC 9120", [ACE, NBCC]),
    "Flo Kim": ("LMHC 5561", [ACE, NBCC]),
    "Gus Orr": ("RN 778812", [ACE, NURSING]),
    "Hal Ito": ("", [ACE]),
}
EVERY = [ACE, STATE, NBCC, NURSING]


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    folder = tmp_path_factory.mktemp("approvals")
    write(folder, "o.yaml", OUTLINE)
    rows = "\n".join(f"{name},{name.split()[0].lower()}@example.org,{licence}" for name, (licence, _) in ROSTER.items())
    write(folder, "roster.csv", "name,email,license\n" + rows + "\n")
    result = run("build", folder / "o.yaml", "--roster", folder / "roster.csv", "--out", folder / "kit",
                 "--only", "certificates")
    assert result.exit_code == 0, result.stderr
    return folder / "kit"


def _certificates(kit):
    """Each certificate's pages' text, by certificate id, as the footer of each page names it."""
    found = {}
    for words in pdf_words(kit / "certificates.pdf"):
        text = flat(" ".join(w.text for w in words))
        cid = re.search(r"Certificate ID (\d{8}-\w{8})", text).group(1)
        found.setdefault(cid, []).append(text)
    return found


def _ledger(kit):
    with open(kit / "certificates.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _ids(kit):
    return {row["name"]: row["certificate_id"] for row in _ledger(kit)}


def test_the_statements_are_realistic_in_length():
    assert 600 <= len(ACE) <= 700


def test_every_certificate_prints_its_statements_in_full_and_no_others(kit):
    pages, ids = _certificates(kit), _ids(kit)
    assert len(pages) == len(ROSTER)
    for name, (licence, wanted) in ROSTER.items():
        text = " ".join(pages[ids[name]])
        for statement in EVERY:
            assert (flat(typeset(statement)) in text) == (statement in wanted), (name, licence, statement[:40])


def test_statements_that_do_not_fit_the_front_continue_on_a_second_page_that_names_its_certificate(kit):
    pages, ids = _certificates(kit), _ids(kit)
    for name in ROSTER:
        cid = ids[name]
        front, back = pages[cid]  # the ACE statement alone is too long for the front: every one has two pages
        assert "page 1 of 2" in front and "approvals for this course are printed on page 2" in front
        assert not any(flat(s) in front for s in EVERY)
        assert back.startswith("Harbor Light Training Institute Approvals")
        assert f"Certificate of {name}" in back and f"Certificate ID {cid}" in back and "page 2 of 2" in back
    assert len(PdfReader(kit / "certificates.pdf").pages) == 2 * len(ROSTER)


def test_no_text_on_any_page_is_below_8_pt_and_every_word_reads(kit, tmp_path):
    sizes = text_sizes(kit / "certificates.pdf")
    assert min(size for page in sizes for _, size in page) >= 8
    statements = [size for page in sizes for text, size in page if "ACE provider" in text]
    assert statements and min(statements) >= 10  # one board's statement reads at body size on its own page
    assert not low_contrast_words(kit / "certificates.pdf", 2, tmp_path)


def test_the_ledger_numbers_each_certificates_first_page_and_hashes_both(kit):
    reader = PdfReader(kit / "certificates.pdf")
    streams = [hashlib.sha256(p.get_contents().get_data()).hexdigest() for p in reader.pages]
    rows = _ledger(kit)
    assert [row["page"] for row in rows] == [str(k) for k in range(1, len(streams), 2)]
    assert [row["page_sha256"] for row in rows] == [hashlib.sha256((streams[k] + streams[k + 1]).encode()).hexdigest()
                                                    for k in range(0, len(streams), 2)]


def test_verify_knows_a_two_page_certificate(kit):
    result = run("verify", str(kit / "certificates.pdf"))
    assert result.exit_code == 0, result.stdout + result.stderr
    rows = _ledger(kit)
    assert result.stdout.splitlines() == [
        f"page {row['page']}: issued by this kit, unchanged (the two pages are as the kit printed them): "
        f"{row['certificate_id']}, {row['name']}, 3.00 hours, issued {row['issued']}; status: valid" for row in rows]


def test_a_statement_that_fits_the_front_stays_on_one_page(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL + textwrap.dedent(f"""\
        ce:
          provider: P
          approvals:
            - "{NBCC}"
            - statement: Approved by the Example Board, provider No. 1234.
              for: [LPC]
        """))
    write(in_tmp, "r.csv", "name,license\nAna Ruiz,LPC 1\nBen Ong,RN 2\n")
    assert run("build", "o.yaml", "--roster", "r.csv", "--out", "kit", "--only", "certificates").exit_code == 0
    pages = [flat(" ".join(w.text for w in page)) for page in pdf_words(in_tmp / "kit" / "certificates.pdf")]
    assert len(pages) == 2 and "page 1 of 2" not in " ".join(pages)
    assert flat(NBCC) in pages[0] and "Approved by the Example Board, provider No. 1234." in pages[0]
    assert flat(NBCC) in pages[1] and "Example Board" not in pages[1]


def test_pages_says_how_many_pages_a_certificate_takes(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL + textwrap.dedent(f"""\
        ce:
          provider: P
          approvals:
            - Approved by the Example Board, provider No. 1234.
            - statement: "{ACE}"
              for: [LCSW]
        """))
    workshop = load_outline(in_tmp / "o.yaml")
    painter = CertificatePainter(workshop, build_agenda(workshop), dt.datetime(2026, 3, 14))
    assert painter.pages(Attendee(name="Ana Ruiz", email="", license="LPC 1", row=2)) == 1
    assert painter.pages(Attendee(name="Ben Ong", email="", license="LCSW 2", row=3)) == 2


# -- the outline ----------------------------------------------------------------------------------

def test_approval_and_approvals_together_are_refused(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL + "ce:\n  provider: P\n  approval: Approved by A.\n  approvals: [Approved by B.]\n")
    assert_rejected(run("validate", "o.yaml"),
                    "o.yaml:14:3: ce.approval: ce.approval and ce.approvals are both given; move this statement into "
                    "the ce.approvals list where it should print, and remove ce.approval")


@pytest.mark.parametrize("item, message", [
    ("{statement: Approved., for: []}",
     "o.yaml:15:35: ce.approvals, statement 1, for: list the licences this statement is for (for: [LCSW, LMSW]), "
     "or remove for"),
    ("{statement: Approved., for: 'LCSW, LMSW'}",
     "o.yaml:15:35: ce.approvals, statement 1, for: expected licence words such as LCSW or LPC, one per list item "
     "(for: [LCSW, LMSW]), got 'LCSW, LMSW'"),
    ("{for: [LCSW]}", "o.yaml:15:7: ce.approvals, statement 1, statement: required: write the statement"),
    ("{statment: Approved., for: [LCSW]}",
     "o.yaml:15:8: ce.approvals, statement 1, statment: unknown key 'statment'; did you mean 'statement'?"),
])
def test_a_malformed_approval_is_refused_at_its_line(in_tmp, item, message):
    write(in_tmp, "o.yaml", MINIMAL + f"ce:\n  provider: P\n  approvals:\n    - {item}\n")
    result = run("validate", "o.yaml")
    assert_rejected(result)
    assert any(line.startswith(message) for line in result.lines), result.lines


def test_a_statement_written_with_a_colon_is_kept_as_written(in_tmp):
    write(in_tmp, "o.yaml", MINIMAL + "ce:\n  provider: P\n  approvals:\n    - Approved by the Board: provider 1234\n")
    workshop = load_outline(in_tmp / "o.yaml")
    assert [a.statement for a in workshop.ce.approvals] == ["Approved by the Board: provider 1234"]


def test_licence_words_match_the_start_of_the_licence_as_a_whole_word():
    from workshop.model import Approval

    scoped = Approval("S", ("LCSW", "lmsw"))
    assert [scoped.applies_to(x) for x in ("LCSW 1", "lcsw", "LMSW-123", "LCSW-C 9", "LCSWA 2", "RN LCSW", "")] == \
        [True, True, True, True, False, False, False]
    assert Approval("S").applies_to("") and Approval("S").applies_to("anything")


def test_the_handouts_and_guide_print_every_statement_naming_whom_each_is_for(in_tmp):
    from support.office import pdf_text

    write(in_tmp, "o.yaml", OUTLINE)
    assert run("build", "o.yaml", "--out", "kit", "--only", "handouts,guide").exit_code == 0
    for name in ("handouts.pdf", "guide.pdf"):
        text = flat(" ".join(pdf_text(in_tmp / "kit" / name)))
        assert flat(typeset(ACE)) in text and f"For LCSW, LMSW: {flat(typeset(STATE))}" in text, name
        assert f"For LPC, lmhc: {flat(NBCC)}" in text and f"For RN: {flat(typeset(NURSING))}" in text, name
