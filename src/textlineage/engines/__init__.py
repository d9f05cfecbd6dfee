"""Where the work runs, behind one seam (:class:`.base.Engine`): the local engine
(:mod:`.local`, over an index file, verification in the project's process pool
:mod:`.pool`) and the Spark engine (:mod:`.spark`, over record files)."""
