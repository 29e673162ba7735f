"""What the preview keeps from one run to the next of what is worked out from
one record or one source text (build_scripts/content/memo.py): after each
edit, the check finds, and the Downloads files hold, what they do without
it; and the memo reuses only the very same object's results, keeping no
more than one run used."""

from __future__ import annotations

from pathlib import Path

from build_scripts.content.load import FileCache, load_content
from build_scripts.content.memo import Memo, remembered
from build_scripts.content.problems import DossierError
from build_scripts.rules.check import CheckedDossier, check_content
from build_scripts.site_source.downloads import make_download_files


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _findings(result: CheckedDossier | DossierError) -> dict:
    """What a check found, as text and plain values."""
    if isinstance(result, DossierError):
        return {"problems": [problem.as_text() for problem in result.problems]}
    return {"warnings": [problem.as_text() for problem in result.warnings],
            "placeholders": [problem.as_text() for problem in result.placeholders],
            "quote spans": result.quote_spans, "evidence spans": result.evidence_spans,
            "spans by source": result.spans_by_source, "uncovered": result.uncovered}


def _check(content, known_texts=None) -> CheckedDossier | DossierError:
    try:
        return check_content(content, known_texts=known_texts)
    except DossierError as error:
        return error


# Each edit touches what the memo keeps: a placeholder, a prose link (to an
# unknown actor, then mended), a quote (moved within its source, then one not in it).
EDITS = [
    ("content/actors/france.yaml", "summary: European party", "summary: Replace this text. European party"),
    ("content/stories/india-s400-iranian-oil.yaml", "(actor:newsweek)", "(actor:newsweak)"),
    ("content/stories/india-s400-iranian-oil.yaml", "(actor:newsweak)", "(actor:newsweek)"),
    ("content/actors/france.yaml", "summary: Replace this text. European party", "summary: European party"),
    ("content/claims/caatsa.yaml", "quote: while India has sought a waiver for its purchase of the S-400",
     "quote: India has sought a waiver"),
    ("content/claims/caatsa.yaml", "quote: India has sought a waiver", "quote: India has sought no waiver"),
]


def test_the_check_and_the_data_files_with_the_memo_are_those_without_after_each_edit(project_copy):
    memo, files, texts = Memo(), FileCache(), {}
    found = []
    for edit in [None, *EDITS]:
        if edit is not None:
            _replace(project_copy / edit[0], edit[1], edit[2])
        with memo.opened():
            content = load_content(project_copy, files)
            kept = _findings(_check(content, texts))
            kept_downloads = make_download_files(content)
        plain_content = load_content(project_copy)
        plain = _findings(_check(plain_content))
        assert kept == plain, edit
        assert kept_downloads == make_download_files(plain_content), edit
        found.append(plain)
    # The edits were seen: a placeholder, an unknown actor, a quote not in its source.
    assert any("still a placeholder" in warning for warning in found[1]["placeholders"])
    assert any("unknown actor" in problem for problem in found[2]["problems"])
    assert any("caatsa.yaml:18:16: this quote is not in the source" in problem for problem in found[-1]["problems"])


class _Record:
    def __init__(self, value: str):
        self.value = value

    def __eq__(self, other):
        return isinstance(other, _Record) and other.value == self.value

    __hash__ = None


def test_the_memo_reuses_only_the_same_objects_results_and_keeps_only_what_a_run_used():
    calls = []

    def work(record: _Record, key: str = "") -> str:
        calls.append((record.value, key))
        return record.value.upper() + key

    first, second = _Record("a"), _Record("b")
    # Without a memo open, every call computes.
    assert [remembered("upper", first, lambda: work(first)) for _ in range(2)] == ["A", "A"]
    assert len(calls) == 2
    memo = Memo()
    calls.clear()
    with memo.opened():
        assert remembered("upper", first, lambda: work(first)) == "A"
        assert remembered("upper", second, lambda: work(second, "x"), key="x") == "Bx"
    with memo.opened():  # the same objects: nothing computed again; only `first` used
        assert remembered("upper", first, lambda: work(first)) == "A"
        assert remembered("upper", second, lambda: work(second, "y"), key="y") == "By"  # another key
    assert calls == [("a", ""), ("b", "x"), ("b", "y")]
    calls.clear()
    equal_but_new = _Record("a")
    with memo.opened():  # an equal record that is another object: computed again
        assert remembered("upper", equal_but_new, lambda: work(equal_but_new)) == "A"
    with memo.opened():  # `second` with key "x" was not used in the last two runs: forgotten
        remembered("upper", second, lambda: work(second, "x"), key="x")
    assert calls == [("a", ""), ("b", "x")]
