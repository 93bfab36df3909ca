"""The recorder: each recorded camera's packets remuxed (never re-encoded) into MPEG-TS segments, indexed in the store.

``segments`` writes and reads the files; ``camera`` is one camera's recording thread; ``service`` records the set
of cameras it is told (``record``/``stop``), reports the recorder and its disk, and cleans up after a crash.
"""
