"""Material's templates compiled once per `mkdocs serve` session.

MkDocs makes a new Jinja environment for every build, which would compile
Material's templates again on every save; the hook sets this cache as the
environment's ``bytecode_cache`` (a public Jinja option, on an environment
MkDocs makes anew each build) in ``on_env``. Jinja checks each template's
source against the checksum stored with its code, so an edited template is
compiled afresh. Compared with a serve without it in tests/test_preview.py.
"""

from __future__ import annotations

import jinja2
import jinja2.bccache


class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates kept from one `serve` rebuild to the next.

    MkDocs makes a new Jinja environment for every build, which would compile
    Material's templates again on every save. Jinja checks each template's
    source against the checksum stored with its code, so an edited template
    is compiled afresh.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
