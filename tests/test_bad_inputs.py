"""The corpus of bad inputs (tests/bad_inputs/, format in its README.md):
each case is written into a copy of the project's content and `python -m
build_scripts check` must stop with exit status 1 and the case's
`path:line:col: message`, within a generous timeout, with no Python
traceback. Every case runs the command's own code in this process (a
process per case only added its start-up); a few, the largest and the most
hostile, also run as a whole process, as a contributor runs them. The count
of cases is printed at the end of every test run (see conftest.py)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from build_scripts import cli

from .helpers import PROJECT_ROOT, cli_in_process, environment

CORPUS = Path(__file__).parent / "bad_inputs"
TIMEOUT = 60  # seconds; every case is refused in about one


@dataclass(frozen=True)
class Case:
    name: str
    place: str  # where the case is written, relative to the project
    expected: list[str]  # each must appear in the error output
    data: bytes  # the file as the project receives it


def _header(text: str) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for line in text.lstrip("\ufeff").splitlines():
        match = re.fullmatch(r"# (place|expect|repeat-body): (.+)", line)
        if not match:
            break
        fields.setdefault(match[1], []).append(match[2])
    return fields


def load_case(path: Path) -> Case:
    raw = path.read_bytes()
    sidecar = path.with_name(path.name + ".expected")
    if sidecar.exists():
        fields = _header(sidecar.read_text(encoding="utf-8"))
        data = raw
    else:
        fields = _header(raw.decode("utf-8", errors="replace"))
        data = raw
        if "repeat-body" in fields:
            # The header stays once; what follows it is repeated.
            header_end = 0
            for _ in range(sum(len(v) for v in fields.values())):
                header_end = raw.index(b"\n", header_end) + 1
            data = raw[:header_end] + raw[header_end:] * int(fields["repeat-body"][0])
    assert fields.get("place") and fields.get("expect"), f"{path.name}: needs '# place:' and '# expect:' lines"
    return Case(path.name, fields["place"][0], fields["expect"], data)


def corpus() -> list[Case]:
    return [load_case(p) for p in sorted(CORPUS.iterdir()) if p.suffix in (".yaml", ".txt")]


CASES = corpus()


# Cases also run as a whole process: a huge file, deep nesting, a bomb, a tag that would run code.
END_TO_END = {"fifty-megabytes.yaml", "nested-flow-100000.yaml", "billion-laughs.yaml", "python-object-apply.yaml",
              "seed-seventeen-megabytes.txt"}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """What the check reads of the project (content, texts, schemas), copied again for each case."""
    root = tmp_path_factory.mktemp("corpus") / "project"
    for folder in ("content", "seeds", "schema"):
        shutil.copytree(PROJECT_ROOT / folder, root / folder)
    assert cli.main(["--root", str(root), "check"]) == 0
    return root


def _with_case(pristine: Path, case: Case, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(pristine, root, symlinks=True)
    target = root / case.place
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(case.data)
    if case.place.startswith("seeds/"):
        # A source text case comes with its source record, right about its sha256.
        write_source_record(root, case.place, case.data)
    return root


def _assert_refused(case: Case, returncode: int, stderr: str) -> None:
    assert returncode == 1, stderr
    assert "Traceback" not in stderr, stderr
    for expected in case.expected:
        assert expected in stderr, f"expected {expected!r} in:\n{stderr}"
    assert re.search(r"^[^:\n]+:\d+:\d+: ", stderr, re.MULTILINE)  # a path may hold spaces


class _TooSlow(Exception):
    pass


def _raise_too_slow(signum, frame):
    raise _TooSlow(f"the check took over {TIMEOUT} s")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_corpus_case_is_refused_with_its_error(case, pristine, tmp_path, capsys):
    root = _with_case(pristine, case, tmp_path)
    previous = signal.signal(signal.SIGALRM, _raise_too_slow)
    signal.alarm(TIMEOUT)
    try:
        returncode = cli.main(["--root", str(root), "check"])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    _assert_refused(case, returncode, capsys.readouterr().err)


@pytest.mark.slow  # the command as a process of its own
@pytest.mark.parametrize("case", [c for c in CASES if c.name in END_TO_END], ids=sorted(END_TO_END))
def test_corpus_case_is_refused_by_the_command(case, pristine, tmp_path):
    root = _with_case(pristine, case, tmp_path)
    result = subprocess.run([sys.executable, "-m", "build_scripts", "check", "--root", str(root)],
                            cwd=root, capture_output=True, text=True, env=environment(), timeout=TIMEOUT)
    _assert_refused(case, result.returncode, result.stderr)


def test_the_corpus_covers_every_kind_of_bad_input():
    names = {c.name for c in CASES}
    assert len(CASES) >= 60
    for expected in ("billion-laughs.yaml", "nested-flow-100000.yaml", "fifty-megabytes.yaml",
                     "python-object-apply.yaml", "byte-order-mark.yaml", "case-clash-actor.yaml"):
        assert expected in names
    assert {c.place for c in CASES} >= {"content/relations.yaml", "content/glossary.yaml", "seeds/zz-case.txt"}


def test_a_byte_order_mark_is_read_like_any_utf8_file(project_copy):
    actor = project_copy / "content" / "actors" / "russia.yaml"
    actor.write_bytes(b"\xef\xbb\xbf" + actor.read_bytes())
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 0, result.stderr


def test_a_tag_that_would_run_a_command_constructs_nothing(project_copy, tmp_path):
    witness = tmp_path / "constructed"
    (project_copy / "content" / "actors" / "zz-case.yaml").write_text(
        f"name: !!python/object/apply:os.system ['touch {witness}']\nkind: person\nsummary: x\n"
        f"aliases: [!!python/object/apply:subprocess.call [[touch, {witness}]]]\n")
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 1
    assert "content/actors/zz-case.yaml:1:7: the tag tag:yaml.org,2002:python/object/apply:os.system" in result.stderr
    assert not witness.exists()


def test_a_symbolic_link_is_not_followed(project_copy, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n")
    os.symlink(secret, project_copy / "content" / "actors" / "zz-case.yaml")
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 1
    assert "content/actors/zz-case.yaml:1:1: the file is a symbolic link" in result.stderr
    assert "password" not in result.stderr and "hunter2" not in result.stderr


def test_a_quote_edited_in_the_seed_text_is_refused(project_copy):
    seed = project_copy / "seeds" / "india-s400-iranian-oil.txt"
    text = seed.read_bytes()
    assert b"multibillion-dollar deal" in text
    seed.write_bytes(text.replace(b"multibillion-dollar deal", b"billion-dollar deal", 1))
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 1
    assert re.search(r"content/sources/india-s400-iranian-oil\.yaml:\d+:\d+: 'seeds/india-s400-iranian-oil\.txt' "
                     r"has changed since it was recorded \(its sha256 is now [0-9a-f]{64}\)", result.stderr), result.stderr


@pytest.mark.slow  # the command as a process, with its timeout
def test_two_thousand_wrong_quotes_are_refused_in_seconds(project_copy):
    # Each wrong quote's hint searches the source for its closest passage
    # (some 50 ms); only the first few do, or two files of 2 MB each would
    # take two minutes.
    words = (project_copy / "seeds" / "india-s400-iranian-oil.txt").read_text(encoding="utf-8").split()
    for part in range(2):
        entries = []
        for number in range(part * 1000, part * 1000 + 1000):
            quote = " ".join(words[(number * 7 + i * 13) % len(words)] for i in range(250))[:1900]
            entries.append(f"  - id: wrong-{number}\n    statement: x\n    evidence:\n      - source: india-s400-iranian-oil\n"
                           f"        quote: {json.dumps(quote)}\n    topics: [s400-deal]\n    certainty: stated\n"
                           "    added: 2026-11-25\n")
        (project_copy / "content" / "claims" / f"zz-case-{part}.yaml").write_text("claims:\n" + "".join(entries),
                                                                                 encoding="utf-8")

    result = subprocess.run([sys.executable, "-m", "build_scripts", "--root", str(project_copy), "check"],
                            cwd=project_copy, capture_output=True, text=True, env=environment(), timeout=TIMEOUT)

    assert result.returncode == 1
    assert result.stderr.count("this quote is not in the source") == 2000
    assert "2000 problems found" in result.stderr


def write_source_record(root: Path, seed: str, text: bytes) -> None:
    """content/sources/<name>.yaml for the text file ``seed`` (seeds/<name>.txt) holding ``text``."""
    (root / "content" / "sources" / f"{Path(seed).stem}.yaml").write_text(
        "title: A case\npublisher: india\npublished: {value: 2018-10-05, basis: inferred}\nlanguage: en\n"
        "licence: {name: CC BY 4.0, url: 'https://creativecommons.org/licenses/by/4.0/'}\nattribution: x\n"
        f"text: {seed}\nsha256: {hashlib.sha256(text).hexdigest()}\nadded: 2026-11-26\n")


def add_source(root: Path, text: bytes, link_to: Path | None = None) -> None:
    """A new source whose record is right about its text file."""
    seed = root / "seeds" / "zz-case.txt"
    if link_to is None:
        seed.write_bytes(text)
    else:
        link_to.write_bytes(text)
        os.symlink(link_to, seed)
    write_source_record(root, "seeds/zz-case.txt", text)


def test_a_source_text_with_a_direction_override_is_refused(project_copy):
    # Shown as it stands on the source page, it would reorder what readers see.
    add_source(project_copy, "India will pay\nin rupees \u202e0001 ton\u202c, said the minister.\n".encode())
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 1
    assert ("seeds/zz-case.txt:2:11: the text contains U+202E (RIGHT-TO-LEFT OVERRIDE), which would hide or "
            "reorder what readers see") in result.stderr


def test_a_source_text_that_is_a_symbolic_link_is_not_read(project_copy, tmp_path):
    add_source(project_copy, b"A secret of the machine that builds the site.\n", link_to=tmp_path / "secret.txt")
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 1
    assert "content/sources/zz-case.yaml:7:7: 'seeds/zz-case.txt' is a symbolic link" in result.stderr
    assert "secret" not in result.stderr.replace("seeds/zz-case.txt", "")
