"""A corpus in one SQLite file: the store (:mod:`.store`), the index and its search
(:mod:`.index`), the window channel (:mod:`.windows`), document vectors (:mod:`.ann`) and
corpus-wide discovery (:mod:`.pairscan`, :mod:`.discover`)."""
