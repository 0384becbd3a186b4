"""RDF Dataset Canonicalization (RDFC-1.0) for the documents this package signs, fast.

A general JSON-LD processor expands every context and runs the full blank-node algorithm: about
2 ms a credential. The documents signed here are made by this package, so their shape is known:
every term is one of :data:`TERMS` (the meaning the shipped contexts give it), and every node
without an ``id`` is a *simple* blank node whose first-degree hash (RDFC-1.0 section 4.6) is
unique. For such a dataset the canonical form is: label the blank nodes in the order of their
first-degree hashes, then sort the N-Quad lines. A document outside that shape raises
:class:`NotCanonicalisable` instead of giving a wrong answer. Tests compare the output with PyLD's
and with the Digital Credentials Consortium's verifier.
"""

from __future__ import annotations

import hashlib
import math
import re

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_OB = "https://www.w3.org/2001/XMLSchema#"  # the Open Badges context writes its datatypes with https
_OB = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#"
_CRED = "https://www.w3.org/2018/credentials#"
_STATUS = "https://www.w3.org/ns/credentials/status#"
_SEC = "https://w3id.org/security#"
_SCHEMA = "https://schema.org/"

ID, VOCAB = "@id", "@vocab"

# term -> (property IRI, coercion): ID for a node reference, VOCAB for a term naming an IRI, a
# datatype IRI for a typed literal, None for a plain string. Taken from the VC 2.0 and OB 3.0.3
# contexts in contexts/.
TERMS: dict[str, tuple[str, str | None]] = {
    "name": (_SCHEMA + "name", None),
    "description": (_SCHEMA + "description", None),
    "url": (_SCHEMA + "url", _XSD_OB + "anyURI"),
    "issuer": (_CRED + "issuer", ID),
    "validFrom": (_CRED + "validFrom", _XSD + "dateTime"),
    "credentialSubject": (_CRED + "credentialSubject", ID),
    "credentialStatus": (_CRED + "credentialStatus", ID),
    "achievement": (_OB + "achievement", None),
    "criteria": (_OB + "Criteria", ID),
    "narrative": (_OB + "narrative", None),
    "creditsAvailable": (_OB + "creditsAvailable", _XSD_OB + "float"),
    "creditsEarned": (_OB + "creditsEarned", _XSD_OB + "float"),
    "activityStartDate": (_OB + "activityStartDate", _XSD_OB + "date"),
    "activityEndDate": (_OB + "activityEndDate", _XSD_OB + "date"),
    "licenseNumber": (_OB + "licenseNumber", None),
    "identifier": (_OB + "identifier", None),
    "identityHash": (_OB + "identityHash", None),
    "identityType": (_OB + "identityType", None),
    "hashed": (_OB + "hashed", _XSD_OB + "boolean"),
    "statusPurpose": (_STATUS + "statusPurpose", None),
    "statusListIndex": (_STATUS + "statusListIndex", None),
    "statusListCredential": (_STATUS + "statusListCredential", ID),
    "encodedList": (_STATUS + "encodedList", _SEC + "multibase"),
    "cryptosuite": (_SEC + "cryptosuite", _SEC + "cryptosuiteString"),
    "created": ("http://purl.org/dc/terms/created", _XSD + "dateTime"),
    "verificationMethod": (_SEC + "verificationMethod", ID),
    "proofPurpose": (_SEC + "proofPurpose", VOCAB),
}

TYPES: dict[str, str] = {
    "VerifiableCredential": _CRED + "VerifiableCredential",
    "OpenBadgeCredential": _OB + "OpenBadgeCredential",
    "AchievementSubject": _OB + "AchievementSubject",
    "Achievement": _OB + "Achievement",
    "IdentityObject": _OB + "IdentityObject",
    "Profile": _OB + "Profile",
    "BitstringStatusListEntry": _STATUS + "BitstringStatusListEntry",
    "BitstringStatusListCredential": _STATUS + "BitstringStatusListCredential",
    "BitstringStatusList": _STATUS + "BitstringStatusList",
    "DataIntegrityProof": _SEC + "DataIntegrityProof",
}

VOCAB_TERMS = {"assertionMethod": _SEC + "assertionMethod"}


class NotCanonicalisable(ValueError):
    """The document is outside the shape this fast path handles."""


_ESCAPES = {c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)}
_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"})
_NEEDS_ESCAPE = re.compile('[\x00-\x1f\x7f"\\\\]')


def literal(text: str, datatype: str | None = None) -> str:
    """An N-Quads literal in RDFC-1.0's canonical form (ECHAR and UCHAR escapes)."""
    if _NEEDS_ESCAPE.search(text):
        text = text.translate(_ESCAPES)
    if datatype is None or datatype == _XSD + "string":
        return f'"{text}"'
    return f'"{text}"^^<{datatype}>'


def _number(value: int | float, datatype: str | None) -> str:
    # JSON-LD 1.1 "object to RDF": whole numbers in xsd:integer's lexical form (unless the
    # datatype is xsd:double), others in xsd:double's canonical form, e.g. 2.75 -> 2.75E0
    if isinstance(value, float) and not math.isfinite(value):
        raise NotCanonicalisable("numbers must be finite")
    whole = value == int(value) and abs(value) < 1e21
    if whole and datatype != _XSD + "double":
        return literal(str(int(value)), datatype or _XSD + "integer")
    mantissa, exponent = f"{float(value):.15e}".split("e")
    mantissa = re.sub(r"(\d)0*$", r"\1", mantissa)
    return literal(f"{mantissa}E{int(exponent)}", datatype or _XSD + "double")


class _Graph:
    def __init__(self) -> None:
        self.quads: list[tuple[str, str, str]] = []
        self.blanks = 0

    def node(self, obj: dict) -> str:
        if "id" in obj:
            subject = f"<{obj['id']}>"
        else:
            subject = f"_:b{self.blanks}"
            self.blanks += 1
        for key, value in obj.items():
            if key in ("@context", "id"):
                continue
            if key == "type":
                for name in value if isinstance(value, list) else [value]:
                    if name not in TYPES:
                        raise NotCanonicalisable(f"unknown type {name!r}")
                    self.quads.append((subject, f"<{RDF_TYPE}>", f"<{TYPES[name]}>"))
                continue
            if key not in TERMS:
                raise NotCanonicalisable(f"unknown term {key!r}")
            iri, coercion = TERMS[key]
            for item in value if isinstance(value, list) else [value]:
                self.quads.append((subject, f"<{iri}>", self.value(item, coercion)))
        return subject

    def value(self, item, coercion: str | None) -> str:
        if isinstance(item, dict):
            return self.node(item)
        if isinstance(item, bool):
            return literal("true" if item else "false", coercion or _XSD + "boolean")
        if isinstance(item, (int, float)):
            return _number(item, coercion)
        if not isinstance(item, str):
            raise NotCanonicalisable(f"unexpected value {item!r}")
        if coercion == ID:
            return f"<{item}>"
        if coercion == VOCAB:
            if item not in VOCAB_TERMS:
                raise NotCanonicalisable(f"unknown vocabulary term {item!r}")
            return f"<{VOCAB_TERMS[item]}>"
        return literal(item, coercion)


def _first_degree_hash(blank: str, quads: list[tuple[str, str, str]]) -> str:
    lines = []
    for s, p, o in quads:
        if blank in (s, o):
            s = ("_:a" if s == blank else "_:z") if s.startswith("_:") else s
            o = ("_:a" if o == blank else "_:z") if o.startswith("_:") else o
            lines.append(f"{s} {p} {o} .\n")
    return hashlib.sha256("".join(sorted(lines)).encode("utf-8")).hexdigest()


def canonical_nquads(document: dict) -> str:
    """The RDFC-1.0 canonical N-Quads of ``document`` (a JSON object as :mod:`json` reads it)."""
    graph = _Graph()
    graph.node(document)
    quads = graph.quads
    labels = {}
    if graph.blanks:
        hashes = {f"_:b{k}": _first_degree_hash(f"_:b{k}", quads) for k in range(graph.blanks)}
        if len(set(hashes.values())) != len(hashes):
            raise NotCanonicalisable("two blank nodes with the same first-degree hash")
        labels = {blank: f"_:c14n{n}" for n, blank in enumerate(sorted(hashes, key=hashes.get))}
    lines = {f"{labels.get(s, s)} {p} {labels.get(o, o)} .\n" for s, p, o in quads}
    return "".join(sorted(lines))
