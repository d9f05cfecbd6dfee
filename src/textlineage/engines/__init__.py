"""Where the work runs: the local engine's process pool (:mod:`.local`)."""
