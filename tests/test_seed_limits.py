"""Source texts (seeds/) have limits, as YAML content has: a size (refused
above ``MAX_TEXT_BYTES``, and a text at the limit still gives pages under
100 KB), the characters YAML text may hold (a byte order mark at the start
and CRLF line ends are read as nothing and LF), and warnings that repeat are
listed twenty of a kind, the rest counted, by `check` and in the build's log.

The long text is made here, at run time, in a copy of the fictional dossier
(tests/fictional_dossier/): FICTIONAL, it names invented actors only. The
one-case refusals (too big, zero-width space, U+2028, tab…) are in the
bad-input corpus (tests/bad_inputs/seed-*.txt)."""

from __future__ import annotations

import hashlib
import random
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from build_scripts.content.problems import WARNINGS_LISTED_PER_KIND
from build_scripts.content.schema import expected_header
from build_scripts.content.source_text import MAX_TEXT_BYTES

from .helpers import MKDOCS, cli_in_process, environment, fictional_project
from .test_bad_inputs import add_source

PAGE_LIMIT = 100 * 1024  # bytes of HTML (the README's "100 KB": 100 KiB)
LONG_ID = "zz-long"
ACTORS = ["Velmora", "the Velmora Council", "Ilse Brandt", "the Velmora Courier", "the Ost Valley Herald"]
WORDS = ("bridge river repairs council budget crossing ferry engineers footbridge timber railing "
         "inspection residents market weekend traffic detour contract steel cost delay opening").split()
PLACEHOLDER_TOPICS = WARNINGS_LISTED_PER_KIND + 5


def long_text(size: int) -> str:
    """A FICTIONAL article of exactly ``size`` bytes (ASCII): paragraphs of four
    sentences, each naming one or two of the invented actors, as a news story does."""
    rng = random.Random("seed-limits")
    sentences: list[str] = []
    paragraphs: list[str] = []
    text = ""
    number = 0
    while True:
        number += 1
        first, second = rng.sample(ACTORS, 2)
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16)))
        sentence = f"{first[0].upper()}{first[1:]} said in report {number} that the {words} concerned {second}."
        sentences.append(sentence)
        if len(sentences) == 4:
            paragraphs.append(" ".join(sentences))
            sentences = []
        candidate = "\n\n".join(paragraphs + ([" ".join(sentences)] if sentences else [])) + "\n"
        if len(candidate) > size - 200:
            break
        text = candidate
    # The last sentence fills the text up to the byte.
    tail = "\n\nThe last report ends here"
    filler = size - len(text.rstrip("\n")) - len(tail) - len(".\n")
    text = text.rstrip("\n") + tail + (" and so on" * (filler // 10 + 1))[:filler] + ".\n"
    assert len(text.encode("utf-8")) == size
    return text


def write_source(root: Path, source_id: str, text: str, title: str, publisher: str, published: str) -> None:
    """A FICTIONAL source: its text in seeds/ and its record, CC BY 4.0, its date invented."""
    (root / "seeds" / f"{source_id}.txt").write_text(text, encoding="utf-8")
    write_yaml(root, f"content/sources/{source_id}.yaml", {
        "title": title, "publisher": publisher,
        "published": {"value": published, "basis": "inferred", "explanation": "Invented for the tests."},
        "language": "en", "licence": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
        "attribution": "Fictional text written for the tests of this project.", "text": f"seeds/{source_id}.txt",
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "added": published,
    })


def write_yaml(root: Path, relative: str, data: dict) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)
    path.write_text(f"{expected_header(root, path)}\n# FICTIONAL: written by tests/test_seed_limits.py.\n{text}",
                    encoding="utf-8")


@pytest.fixture(scope="module")
def long_project(tmp_path_factory) -> Path:
    """The fictional dossier with a text of exactly MAX_TEXT_BYTES that three
    claims quote, and topics whose summaries are still placeholders."""
    root = fictional_project(tmp_path_factory.mktemp("seed-limits") / "project")
    text = long_text(MAX_TEXT_BYTES)
    write_source(root, LONG_ID, text, "Fictional test article: a long report on the bridge", "velmora-courier",
                 "2030-05-16")
    quoted = [re.search(rf"[A-Z][^.]* report {n} [^.]*\.", text).group() for n in (1, 100, 230)]
    write_yaml(root, "content/claims/zz-long.yaml", {"claims": [
        {"id": f"zz-long-report-{i}", "statement": f"The long report's sentence {i} (fictional).", "added": "2030-05-20",
         "evidence": [{"source": LONG_ID, "quote": quote}], "actors": ["velmora"], "topics": ["bridge-reopening"],
         "certainty": "stated"} for i, quote in enumerate(quoted, 1)]})
    for number in range(1, PLACEHOLDER_TOPICS + 1):
        write_yaml(root, f"content/topics/zz-placeholder-{number}.yaml", {
            "title": f"Fictional topic {number}", "summary": f"Placeholder: what fictional topic {number} is."})
    return root


@pytest.fixture(scope="module")
def long_build(long_project) -> tuple[Path, subprocess.CompletedProcess]:
    """The site of ``long_project``, built by plain `mkdocs build` (not strict: it has placeholders)."""
    site = long_project / "site"
    result = subprocess.run(MKDOCS + ["build", "-f", str(long_project / "mkdocs.yml"), "-d", str(site)],
                            cwd=long_project, capture_output=True, text=True, env=environment(), timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result


@pytest.mark.slow  # builds the site
def test_a_text_at_the_size_limit_gives_pages_under_100_kb(long_build):
    site, _ = long_build
    source_page = site / "sources" / f"{LONG_ID}.html"
    assert "said in report 230 that" in source_page.read_text(encoding="utf-8")  # the whole text is on it
    sizes = {page.relative_to(site).as_posix(): page.stat().st_size for page in site.rglob("*.html")}
    assert sizes[f"sources/{LONG_ID}.html"] > MAX_TEXT_BYTES
    assert {page: size for page, size in sizes.items() if size > PAGE_LIMIT} == {}


def test_a_text_one_byte_over_the_limit_is_refused_with_its_name_and_the_limit(project_copy):
    add_source(project_copy, b"x" * (MAX_TEXT_BYTES - 2) + b".\n" + b"x")
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 1
    assert (f"seeds/zz-case.txt:1:1: the text is {MAX_TEXT_BYTES + 1:,} bytes; source texts may be at most "
            f"{MAX_TEXT_BYTES:,} bytes") in result.stderr


def test_check_lists_twenty_warnings_of_each_kind_and_counts_the_rest(long_project):
    result = cli_in_process(long_project, "check")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    uncovered = [line for line in lines if "no claim quotes this sentence" in line]
    placeholders = [line for line in lines if "this text is still a placeholder" in line]
    orphans = [line for line in lines if "no claim belongs to the topic" in line]
    assert len(uncovered) == len(placeholders) == len(orphans) == WARNINGS_LISTED_PER_KIND
    sentences = int(re.search(rf"coverage: {LONG_ID}: 3 of (\d+) sentences", result.stdout)[1])
    assert sentences > 200
    assert f"warning: … and {sentences - 3 - 20:,} more sentences no claim quotes (the first 20 are listed above)" in lines
    assert "warning: … and 5 more placeholders (the first 20 are listed above)" in lines
    assert "warning: … and 5 more topics no claim belongs to (the first 20 are listed above)" in lines
    # In GitHub's format too: twenty annotations of a kind, then one that counts the rest.
    github = cli_in_process(long_project, "check", "--format", "github").stdout.splitlines()
    assert sum("no claim quotes this sentence" in line for line in github) == WARNINGS_LISTED_PER_KIND
    assert f"::warning title=Dossier content::… and {sentences - 23:,} more sentences no claim quotes " \
           "(the first 20 are listed above)" in github


@pytest.mark.slow  # builds the site
def test_the_build_log_lists_twenty_placeholders_and_counts_the_rest(long_build):
    _, result = long_build
    log = result.stdout + result.stderr
    assert log.count("this text is still a placeholder") == WARNINGS_LISTED_PER_KIND
    assert "… and 5 more placeholders (the first 20 are listed above)" in log


def test_a_byte_order_mark_and_crlf_line_ends_are_read_as_nothing_and_lf(project_copy, tmp_path):
    # FICTIONAL text. Saved by a Windows editor: a byte order mark, CRLF line ends.
    text = "\ufeffThe fictional minister spoke first.\r\n\r\nThe fictional council answered later.\r\n"
    add_source(project_copy, text.encode("utf-8"))
    result = cli_in_process(project_copy, "check")
    assert result.returncode == 0, result.stderr
    assert "coverage: zz-case: 0 of 2 sentences" in result.stdout
    # The warnings quote the sentences as a reader sees them, from their first word.
    assert 'no claim quotes this sentence: "The fictional minister spoke first."' in result.stdout
    out = tmp_path / "source"
    assert cli_in_process(project_copy, "generate", "--out", str(out)).returncode == 0
    page = (out / "sources" / "zz-case.md").read_text(encoding="utf-8")
    assert "The fictional minister spoke first." in page and "The fictional council answered later." in page
    assert "\ufeff" not in page and "\r" not in page
    # The file itself is not edited: its sha256 still matches.
    assert (project_copy / "seeds" / "zz-case.txt").read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_contributors_guide_states_the_limit():
    guide = (Path(__file__).parent.parent / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert f"**At most {MAX_TEXT_BYTES:,} bytes**" in guide


def test_new_source_refuses_a_text_the_check_would_refuse(project_copy):
    # FICTIONAL text, with a zero-width space inside a name; then one too big.
    seed = project_copy / "seeds" / "zz-new.txt"
    seed.write_text("The fictional town of Vel\u200bmora.\n", encoding="utf-8")
    result = cli_in_process(project_copy, "new", "source", "seeds/zz-new.txt")
    assert result.returncode == 1
    assert result.stderr.startswith("nothing was written: seeds/zz-new.txt:1:26: the text contains U+200B "
                                    "(ZERO WIDTH SPACE)"), result.stderr
    seed.write_bytes(b"x" * (MAX_TEXT_BYTES + 1))
    result = cli_in_process(project_copy, "new", "source", "seeds/zz-new.txt")
    assert result.returncode == 1
    assert f"the text is {MAX_TEXT_BYTES + 1:,} bytes; source texts may be at most {MAX_TEXT_BYTES:,}" in result.stderr
    assert not (project_copy / "content" / "sources" / "zz-new.yaml").exists()
