"""Aligning two documents: seeds and fragments, passages (:mod:`.passages`), the evidence
that makes a passage reuse (:mod:`.evidence`) and the semantic stage for rewording
(:mod:`.semantic`)."""
