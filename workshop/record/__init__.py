"""The CE record: who gets a certificate and why, what was issued, and what it was decided from.

A certificate is a record a board may audit, not a build output. The record has three parts:

* :mod:`workshop.record.decide`: one decision per person in the evidence (roster, reports,
  scores), with its reason. ``attendance.csv``, the attendance log and the ledger are views of
  these decisions, so they cannot disagree.
* :mod:`workshop.record.ledger`: the issued certificates, append-only across builds. A build that
  would change an issued certificate stops and lists each change; ``--reissue REASON`` makes new
  versions and keeps the old rows, marked superseded; ``workshop revoke`` marks one revoked.
* :mod:`workshop.record.evidence`: a copy of every input a decision came from, in ``evidence/``,
  never replaced, only added to.
"""
