"""Text in, units out: normalising and folding (:mod:`.normalise`), sentences
(:mod:`.segment`), dates and month names (:mod:`.dates`), the alignment units and features
of a document (:mod:`.features`) and its fingerprints (:mod:`.sketch`)."""
