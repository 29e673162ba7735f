"""What went wrong in the content, where, and how to mend it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from .yaml_positions import Mark


@dataclass(frozen=True)
class Problem:
    mark: "Mark"
    message: str
    hint: str = ""

    def sort_key(self) -> tuple:
        return (self.mark.path, self.mark.line, self.mark.column, self.message)

    def as_text(self) -> str:
        text = f"{self.mark}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def as_github(self) -> str:
        """One GitHub Actions workflow command, shown on the pull request's line."""
        message = self.message + (f" — hint: {self.hint}" if self.hint else "")
        return (
            f"::error file={_gh_property(self.mark.path)},line={self.mark.line},"
            f"col={self.mark.column},title=Dossier content::{_gh_data(message)}"
        )


class DossierError(Exception):
    """One or more problems that stop the build."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems), key=Problem.sort_key)
        super().__init__(self.report())

    def report(self, style: str = "text") -> str:
        if style == "github":
            return "\n".join(problem.as_github() for problem in self.problems)
        count = len(self.problems)
        lines = [problem.as_text() for problem in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found in the dossier content; nothing was built.")
        return "\n".join(lines)


def did_you_mean(wanted: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(wanted, sorted(known), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")
