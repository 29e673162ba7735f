"""``mkdocs build`` all or nothing: MkDocs writes into a staging folder beside
the site folder, swapped into place only when the whole build succeeded; a
failed or killed build leaves the previous site as it was."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.dossier")


class StagedSite:
    def __init__(self, final: Path):
        self.final = final
        self.staging = final.with_name(f".{final.name}.building")
        self.succeeded = False
        shutil.rmtree(self.staging, ignore_errors=True)  # left by a killed build
        _restore_interrupted_swap(final)

    def finish(self) -> None:
        """Swap the staging folder in if the build succeeded; else drop it."""
        if self.succeeded and self.staging.is_dir():
            _swap_into_place(self.staging, self.final)
        else:
            shutil.rmtree(self.staging, ignore_errors=True)
            if self.final.is_dir():
                log.info(f"the previous site in {self.final} was left as it was")


def _restore_interrupted_swap(final: Path) -> None:
    """A build killed between the two renames of ``_swap_into_place`` leaves
    no site folder and the previous site as ``.<site>.old``: put it back."""
    old = final.with_name(f".{final.name}.old")
    if old.is_dir() and not final.exists():
        os.replace(old, final)


def _swap_into_place(staging: Path, final: Path) -> None:
    old = final.with_name(f".{final.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        os.replace(final, old)
    os.replace(staging, final)
    shutil.rmtree(old, ignore_errors=True)
