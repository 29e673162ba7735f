"""One module per page kind, each beside its template (``<kind>.md.j2``); the
registry of kinds is ``pages/registry.py``."""
