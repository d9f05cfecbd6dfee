"""Aligning two documents: seeds and fragments (:mod:`.fragments`), trimming regions to
what matches (:mod:`.trim`), passages and their labels (:mod:`.passages`), the evidence
that makes a passage reuse (:mod:`.evidence`) and the semantic stage for rewording
(:mod:`.semantic`)."""
