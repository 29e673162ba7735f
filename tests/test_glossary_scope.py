"""Glossary terms limited to their story (issue 15: JCPOA's alias "the accord"
put a JCPOA definition on another story's topic page).

Everything here is fictional: the fictional dossier (tests/fictional_dossier/),
whose two invented stories are the town of Velmora and its footbridge, and
the town of Ostberg and its ferry. The Ostberg story's glossary term is
"town council", limited to its topic; the Velmora story writes "the town
council said" of its own council. Without the limit the term leaks onto the
Velmora pages and `check` warns; with it, it stays on its story's pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_scripts.site_source.generate import generate

from .helpers import article, build_site, cli_in_process, fictional_project

LIMIT = "    limited_to:\n      topics: [ostberg-ferry]\n"
EXPANSION = "Ostberg Town Council"  # what the term shows on hover
TERM = "town council"


def two_stories(target: Path, limit: str | None = LIMIT) -> Path:
    """The fictional dossier and its two stories; ``limit``: the Ostberg term's
    ``limited_to`` lines instead of its own (None: no limit)."""
    root = fictional_project(target)
    glossary = root / "content" / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    assert text.count(LIMIT) == 1
    glossary.write_text(text.replace(LIMIT, limit or ""), encoding="utf-8")
    return root


def term_line(root: Path) -> int:
    """The line of ``term: town council`` in the project's glossary."""
    lines = (root / "content" / "glossary.yaml").read_text(encoding="utf-8").splitlines()
    return lines.index(f"    term: {TERM}") + 1


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The two stories built with `mkdocs build --strict`: "leak" without the limit, "limited" with it."""
    built = {}
    for name, limit in (("leak", None), ("limited", LIMIT)):
        root = two_stories(tmp_path_factory.mktemp(name) / "project", limit)
        result = build_site(root, root / "site", offline_copy=False)
        # A warning of `check` does not stop a strict build: only errors and placeholders do.
        assert result.returncode == 0, result.stderr
        built[name] = root / "site"
    return built


def terms_on_page(page) -> list[str]:
    """The terms of a topic page's "Terms on this page" box."""
    box = page.find(class_="dossier-terms")
    return [] if box is None else [li.find("a").get_text() for li in box.find_all("li")]


def hover_titles(page) -> set[str]:
    return {abbr["title"] for abbr in page.find_all("abbr")}


# -- check -----------------------------------------------------------------------


def test_the_two_stories_pass_the_checks_without_a_warning_when_the_term_is_limited(tmp_path):
    root = two_stories(tmp_path / "project")
    result = cli_in_process(root, "check")
    assert result.returncode == 0, result.stderr
    assert "warning:" not in result.stdout, result.stdout
    assert "coverage: ostberg-ferry: 2 of 2 sentences" in result.stdout
    formatted = cli_in_process(root, "fmt", "--check")  # the second story's files and the limit, in the one style
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr


def test_check_warns_about_a_common_phrase_that_occurs_in_the_other_story(tmp_path):
    root = two_stories(tmp_path / "project", limit=None)
    result = cli_in_process(root, "check")
    assert result.returncode == 0, result.stderr  # a warning, not an error
    line = term_line(root)
    expected = (
        f"warning: content/glossary.yaml:{line}:11: the term 'town council' is a common phrase, and it also occurs "
        "outside the term's story, where none of its other names do: in the source 'velmora-courier-bridge' "
        "(seeds/velmora-courier-bridge.txt:3:105) and the topic 'bridge-reopening'; pages there would list the "
        "term as theirs (field: terms.1.term)\n"
        "    hint: limit the term to its story, e.g. 'limited_to: {topics: [ostberg-ferry]}' (the topics its "
        "definition links to), or rename the term\n")
    assert expected in result.stdout, result.stdout
    # The place in the source text is where the phrase is: "The town council said".
    text = (root / "seeds" / "velmora-courier-bridge.txt").read_text(encoding="utf-8").splitlines()
    assert text[2][104:].startswith("town council said")
    # Pull requests see it on the term's line.
    github = cli_in_process(root, "--format", "github", "check")
    assert f"::warning file=content/glossary.yaml,line={line},col=11,title=Dossier content::the term " \
           "'town council' is a common phrase" in github.stdout, github.stdout


def test_an_alias_that_is_a_common_phrase_is_warned_about_at_the_alias(tmp_path):
    """The issue's own case: a distinctive term whose alias is the common phrase."""
    root = two_stories(tmp_path / "project", limit=None)
    glossary = root / "content" / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.replace(f"    term: {TERM}\n", "    term: OTC\n").replace(
        "      across the river Ost. See [the topic](topic:ostberg-ferry).\n",
        "      across the river Ost.\n    aliases: [the ferry vote, town council]\n"), encoding="utf-8")
    result = cli_in_process(root, "check")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stdout.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1, result.stdout  # "the ferry vote" is the story's own: only the Ostberg text says it
    assert re.match(r"warning: content/glossary\.yaml:\d+:\d+: the alias 'town council' of 'OTC' is a common "
                    r"phrase, .* in the source 'velmora-courier-bridge' \(seeds/velmora-courier-bridge\.txt:3:105\) "
                    r"and the topic 'bridge-reopening'; .*\(field: terms\.1\.aliases\.1\)$", warnings[0]), warnings
    # No topic linked: the limit it suggests names the sources that use the term's other names.
    assert "hint: limit the term to its story, e.g. 'limited_to: {sources: [ostberg-ferry]}' (the sources that " \
           "use its other names), or remove the alias" in result.stdout


@pytest.mark.parametrize("limit,unknown,field,what,wanted", [
    ("    limited_to:\n      topics: [ostberg-fery]\n", "ostberg-fery", "limited_to.topics.0", "topic", "ostberg-ferry"),
    ("    limited_to:\n      sources: [ostberg-ferry, velmora-courrier-bridge]\n", "velmora-courrier-bridge",
     "limited_to.sources.1", "source", "velmora-courier-bridge"),
])
def test_an_unknown_id_in_the_limit_is_refused_at_its_place(tmp_path, limit, unknown, field, what, wanted):
    root = two_stories(tmp_path / "project", limit)
    result = cli_in_process(root, "check")
    assert result.returncode == 1
    lines = (root / "content" / "glossary.yaml").read_text(encoding="utf-8").splitlines()
    line, column = next((number, text.index(unknown) + 1) for number, text in enumerate(lines, start=1)
                        if unknown in text)
    assert (f"content/glossary.yaml:{line}:{column}: unknown {what} '{unknown}' (field: terms.1.{field})\n"
            f"    hint: did you mean '{wanted}'?") in result.stderr, result.stderr


def test_a_limit_that_names_nothing_is_refused(tmp_path):
    root = two_stories(tmp_path / "project", "    limited_to: {}\n")
    result = cli_in_process(root, "check")
    assert result.returncode == 1
    line = term_line(root) + 4
    assert re.search(rf"^content/glossary\.yaml:{line}:\d+: 'limited_to' names no topic and no source, so the "
                     r"term would be found nowhere; .*\(field: terms\.1\.limited_to\)$", result.stderr,
                     re.MULTILINE), result.stderr


# -- the built site ------------------------------------------------------------------


@pytest.mark.slow  # sites builds two sites
def test_without_the_limit_the_term_leaks_onto_the_other_storys_pages(sites):
    """The leak of issue 15, reproduced: the Velmora topic lists Ostberg's council
    among its terms, and its "town council" shows Ostberg's council on hover."""
    site = sites["leak"]
    bridge = article(site / "topics" / "bridge-reopening.html")
    assert TERM in terms_on_page(bridge)
    assert EXPANSION in hover_titles(bridge)
    assert EXPANSION in hover_titles(article(site / "actors" / "velmora-council.html"))  # "Velmora town council"
    assert EXPANSION in hover_titles(article(site / "sources" / "velmora-courier-bridge.html"))


@pytest.mark.slow  # sites builds two sites
def test_a_limited_term_leaves_the_other_storys_pages_and_stays_on_its_own(sites):
    site = sites["limited"]
    for page in ("topics/bridge-reopening.html", "actors/velmora-council.html", "sources/velmora-courier-bridge.html"):
        html = article(site / page)
        assert TERM in html.get_text(" "), page  # the words are there…
        assert EXPANSION not in hover_titles(html), page  # …but not Ostberg's council
        assert TERM not in terms_on_page(html), page
    ferry = article(site / "topics" / "ostberg-ferry.html")
    assert TERM in terms_on_page(ferry)
    assert EXPANSION in hover_titles(ferry)
    assert EXPANSION in hover_titles(article(site / "sources" / "ostberg-ferry.html"))
    assert EXPANSION in hover_titles(article(site / "actors" / "ostberg-town-council.html"))


@pytest.mark.slow  # sites builds two sites
def test_the_glossary_page_lists_every_term_and_where_a_limited_one_is_used(sites):
    for name, used_in in (("leak", ["The bridge reopening", "The Ostberg ferry"]), ("limited", ["The Ostberg ferry"])):
        entry = article(sites[name] / "glossary.html").find(id="town-council")
        assert entry is not None, name
        used = next(p for p in entry.find_next_siblings("p") if p.get_text().startswith("Used in:"))
        assert [a.get_text() for a in used.find_all("a")] == used_in, name
        assert EXPANSION in hover_titles(article(sites[name] / "glossary.html"))


# -- the engine: a term limited to sources, and a limit that excludes its linked topic ------


def _pages(root: Path) -> dict[str, str]:
    return {page.path: page.text for page in generate(root).pages}


def test_a_term_limited_to_a_source_is_found_on_the_pages_that_show_that_sources_claims(tmp_path):
    root = two_stories(tmp_path / "project", "    limited_to:\n      sources: [ostberg-ferry]\n")
    pages = _pages(root)
    definition = f"*[{TERM}]: {EXPANSION}"
    # The source's page, the topic whose claims quote it, the actors of those claims.
    for path in ("sources/ostberg-ferry.md", "topics/ostberg-ferry.md", "actors/ostberg-town-council.md"):
        assert definition in pages[path], path
    # The other story's pages say "town council" too, but not of Ostberg.
    for path in ("topics/bridge-reopening.md", "sources/velmora-courier-bridge.md", "actors/velmora-council.md"):
        assert TERM in pages[path] and definition not in pages[path], path
    # Pages about the whole dossier find every term.
    assert definition in pages["glossary.md"]


def test_the_search_tags_of_a_topic_leave_out_a_term_limited_elsewhere(tmp_path):
    """The term's definition links to the Ostberg topic, so its names are that
    page's search tags; limited to the other story, they are not."""
    own = _pages(two_stories(tmp_path / "own"))["topics/ostberg-ferry.md"]
    elsewhere = _pages(two_stories(tmp_path / "elsewhere", "    limited_to:\n      topics: [bridge-reopening]\n"))
    front_matter = lambda text: text.split("\n---\n", 1)[0]  # noqa: E731
    assert f'- "{EXPANSION}"' in front_matter(own)
    assert f'- "{EXPANSION}"' not in front_matter(elsewhere["topics/ostberg-ferry.md"])
    assert "**Terms on this page**" not in elsewhere["topics/ostberg-ferry.md"]
