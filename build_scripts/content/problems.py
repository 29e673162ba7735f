"""What went wrong in the content, where, and how to mend it."""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass
from typing import Iterable


def line_and_column(text: str | bytes, offset: int) -> tuple[int, int]:
    """The line and column (both from 1) of ``offset`` in ``text``; in a file's
    bytes, the column counts bytes."""
    newline = b"\n" if isinstance(text, bytes) else "\n"
    return text.count(newline, 0, offset) + 1, offset - (text.rfind(newline, 0, offset) + 1) + 1


@dataclass(frozen=True)
class Mark:
    """A place in a file, 1-based, as editors show it."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        # A file name may hold control characters; printed raw they could
        # rewrite the terminal or a CI log.
        path = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in self.path)
        return f"{path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One thing to mend: where it is, which field, what is wrong, and how to fix it.

    ``message`` says what was expected and what was found; ``hint`` says what
    to do about it; ``field`` is the dotted path of the field in the file
    (``claims.0.actors.1``), empty when the problem is about the whole file.
    ``kind`` names what a warning is about, in the plural ("sentences no
    claim quotes"), for the line that counts those not listed
    (``listed_warnings``); it is no part of the problem's identity.
    """

    mark: Mark
    message: str
    hint: str = ""
    field: str = ""
    kind: str = dataclasses.field(default="", compare=False)  # (the name field is taken)

    def sort_key(self) -> tuple:
        return (self.mark.path, self.mark.line, self.mark.column, self.field, self.message)

    def headline(self) -> str:
        """The message, naming the field unless it already does."""
        if not self.field or f"'{self.field}'" in self.message:
            return self.message
        return f"{self.message} (field: {self.field})"

    def as_text(self) -> str:
        text = f"{self.mark}: {self.headline()}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def as_github(self, level: str = "error") -> str:
        """One GitHub Actions workflow command, shown on the pull request's line.

        The syntax is GitHub's ``::error file=F,line=L,col=C,title=T::MESSAGE``
        (``::warning`` for warnings); property values escape % CR LF : and ,
        and the message escapes % CR LF, as GitHub documents.
        """
        if level not in GITHUB_LEVELS:
            raise ValueError(f"level must be one of {', '.join(GITHUB_LEVELS)}")
        message = self.headline() + (f" — hint: {self.hint}" if self.hint else "")
        properties = {
            "file": self.mark.path,
            "line": str(self.mark.line),
            "col": str(self.mark.column),
            "title": GITHUB_TITLE,
        }
        joined = ",".join(f"{name}={_gh_property(value)}" for name, value in properties.items())
        return f"::{level} {joined}::{_gh_data(message)}"


GITHUB_LEVELS = ("error", "warning", "notice")
GITHUB_TITLE = "Dossier content"


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


def format_warning(problem: Problem, style: str = "text") -> str:
    """A warning (does not stop the build) in the chosen style."""
    if style == "github":
        return problem.as_github("warning")
    return "warning: " + problem.as_text()


# A warning that repeats (every sentence of a long text that no claim quotes
# yet, every actor of a new story) would bury the others: of each kind, the
# first few are listed and the rest counted. Errors are all listed: each one
# stops the build.
WARNINGS_LISTED_PER_KIND = 20


def listed_warnings(warnings: list[Problem], style: str = "text") -> list[str]:
    """The lines that report ``warnings``: the first ``WARNINGS_LISTED_PER_KIND``
    of each kind, in their order, then '… and N more <kind>'."""
    by_kind: dict[str, list[Problem]] = {}
    for warning in warnings:
        by_kind.setdefault(warning.kind, []).append(warning)
    lines = []
    for kind, problems in by_kind.items():
        lines += [format_warning(problem, style) for problem in problems[:WARNINGS_LISTED_PER_KIND]]
        more = len(problems) - WARNINGS_LISTED_PER_KIND
        if more > 0:
            what = kind or "warnings"
            summary = f"… and {more:,} more {what} (the first {WARNINGS_LISTED_PER_KIND} are listed above)"
            lines.append(f"::warning title={_gh_property(GITHUB_TITLE)}::{_gh_data(summary)}" if style == "github"
                         else f"warning: {summary}")
    return lines


def did_you_mean(wanted: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(wanted, sorted(known), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def suggest_id(wanted: str, known: Iterable[str], what: str, limit: int = 8, mend: str | None = None) -> str:
    """'did you mean …?' when an id is close; otherwise the ids there are, so one can pick.
    ``mend`` is the command that adds the missing record, named whenever it is given."""
    known = sorted(known)
    close = did_you_mean(wanted, known)
    if close:
        return f"{close} If it is a new {what}, add it: {mend}" if mend else close
    adding = f": {mend}" if mend else ""
    if not known:
        return f"there is no {what} yet; add one first{adding}"
    shown = ", ".join(known[:limit]) + (f" and {len(known) - limit} more" if len(known) > limit else "")
    return f"use the id of an existing {what} ({shown}), or add the {what}{adding}"


def new_record_command(what: str, wanted: str) -> str | None:
    """The `new` command that adds the record an unknown id names (actor, topic), with that id
    when it is a valid one; None for kinds `new` does not make from a name."""
    if what not in ("actor", "topic"):
        return None
    name = "its name" if what == "actor" else "its title"
    with_id = f" --id {wanted}" if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", wanted) else ""
    return f'`python -m build_scripts new {what} "{name}"{with_id}`'


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")
