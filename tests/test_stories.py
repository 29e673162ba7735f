"""A dossier of several stories (issue 25, point 1): each story a record
(content/stories/<id>.yaml) with its page, the home page leading with them,
citations and page titles naming the claim's own story, and `check` warning
about a topic or source that no story lists.

Everything here is fictional: the fictional dossier (tests/fictional_dossier/),
whose two invented stories are the Velmora footbridge and the Ostberg ferry."""

from __future__ import annotations

import re
import shlex
import shutil

import pytest

from build_scripts.content.problems import DossierError
from build_scripts.rules.check import load_and_check

from .helpers import PROJECT_ROOT, article, build_site, cli_in_process, fictional_project, soup

BRIDGE, FERRY = "The Velmora bridge reopens", "Ostberg keeps its ferry"
BRIDGE_LEDE = "the invented town of Velmora reopened its footbridge over the river Ost"
FERRY_LEDE = "the town council of the invented town of Ostberg voted to keep its ferry"


def pages(generated) -> dict[str, str]:
    return {page.path: page.text for page in generated.pages}


def front_matter_title(text: str) -> str:
    return re.search(r'^title: "(.*)"$', text.split("\n---\n", 1)[0], re.MULTILINE).group(1)


# -- the pages, from the engine ----------------------------------------------------


def test_each_story_has_its_page_with_its_lede_and_its_ways_in(fictional_generated):
    made = pages(fictional_generated)
    bridge, ferry = made["stories/velmora-bridge.md"], made["stories/ostberg-ferry.md"]
    assert f"# {BRIDGE}\n" in bridge and BRIDGE_LEDE in bridge
    assert f"# {FERRY}\n" in ferry and FERRY_LEDE in ferry
    # Its ways in: its own topics and sources, never the other story's.
    assert "[The bridge reopening](../topics/bridge-reopening.md)" in bridge
    assert "(../sources/velmora-courier-bridge.md)" in bridge and "(../sources/ost-herald-bridge.md)" in bridge
    assert "ostberg" not in bridge.split("---\n", 2)[2].split("Source of this page")[0].lower()
    assert "[The Ostberg ferry](../topics/ostberg-ferry.md)" in ferry
    assert "(../sources/ostberg-ferry.md)" in ferry and "bridge-reopening" not in ferry
    # Its key figures: the bridge's costs; the ferry story gives none that measure it.
    assert "## Key figures" in bridge and "55,000 crowns" in bridge
    assert "Every statement of the story (3 in all)" in ferry


def test_the_home_page_leads_with_the_stories(fictional_generated):
    home = pages(fictional_generated)["index.md"]
    body = home.split("\n---\n", 1)[1]
    headings = re.findall(r"^## (.+)$", body, re.MULTILINE)
    assert headings[0] == "Stories"
    stories = body.split("## Stories", 1)[1].split("\n## ", 1)[0]
    assert stories.index(f"**[{BRIDGE}](stories/velmora-bridge.md)**") < stories.index(
        f"**[{FERRY}](stories/ostberg-ferry.md)**")  # in their `order`
    assert BRIDGE_LEDE in stories and FERRY_LEDE in stories
    assert 'class="dossier-story"' not in home  # no single story's lede stands for the dossier


def test_a_claims_citation_and_its_pages_title_name_its_own_story(fictional_generated):
    made = pages(fictional_generated)
    ferry_topic, bridge_topic = made["topics/ostberg-ferry.md"], made["topics/bridge-reopening.md"]
    assert front_matter_title(ferry_topic) == f"The Ostberg ferry · {FERRY}"
    assert front_matter_title(bridge_topic) == f"The bridge reopening · {BRIDGE}"
    assert front_matter_title(made["sources/ostberg-ferry.md"]).endswith(f" · {FERRY}")
    ferry_cite = re.search(r'<pre class="dossier-cite-text">“The ferry carried 300 passengers a day, the town '
                           r'council said\.” ([^,]+),', ferry_topic)
    assert ferry_cite and ferry_cite.group(1) == FERRY
    for text, other in ((ferry_topic, BRIDGE), (bridge_topic, FERRY)):
        assert other not in text
    assert "howpublished = &#123;Ostberg keeps its ferry&#125;" in ferry_topic
    assert "&#34;container-title&#34;: &#34;Ostberg keeps its ferry&#34;" in ferry_topic
    # The Downloads' citations too.
    csl = fictional_generated.files["downloads/claims.csl.json"].decode("utf-8")
    item = csl.split('"id": "ferry-kept-another-year"', 1)[1].split("}", 1)[0]
    assert f'"container-title": "{FERRY}"' in item


@pytest.mark.slow  # fictional_built_site builds the site
def test_the_built_pages_titles_name_their_story(fictional_built_site):
    def title(page: str) -> str:
        return soup(fictional_built_site / page).title.get_text()

    site_name = "The Ost valley (fictional test dossier)"
    assert title("index.html") == site_name
    assert title("stories/ostberg-ferry.html") == f"{FERRY} - {site_name}"
    assert title("topics/ostberg-ferry.html") == f"The Ostberg ferry · {FERRY} - {site_name}"
    assert title("topics/bridge-reopening.html") == f"The bridge reopening · {BRIDGE} - {site_name}"
    page = article(fictional_built_site / "stories" / "velmora-bridge.html")
    assert page.h1.get_text(strip=True).rstrip("¶") == BRIDGE
    assert {a["href"] for a in page.select("a")} >= {"../topics/bridge-reopening.html",
                                                    "../sources/velmora-courier-bridge.html"}


# -- check ---------------------------------------------------------------------------


def test_check_warns_about_a_topic_and_a_source_in_no_story(tmp_path):
    root = fictional_project(tmp_path / "project")
    (root / "content" / "stories" / "ostberg-ferry.yaml").unlink()
    result = cli_in_process(root, "check")
    assert result.returncode == 0, result.stderr  # a warning, not an error
    for kind, path in (("topic", "content/topics/ostberg-ferry.yaml"), ("source", "content/sources/ostberg-ferry.yaml")):
        assert re.search(rf"^warning: {path}:\d+:1: the {kind} 'ostberg-ferry' belongs to no story$", result.stdout,
                         re.MULTILINE), result.stdout
        assert (f"    hint: add 'ostberg-ferry' to the '{kind}s' of its story in content/stories/ (velmora-bridge), "
                'or start a story: `python -m build_scripts new story "its title"`') in result.stdout


def test_a_story_that_names_an_unknown_topic_or_source_is_refused_at_its_place(tmp_path):
    root = fictional_project(tmp_path / "project")
    story = root / "content" / "stories" / "ostberg-ferry.yaml"
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("topics: [ostberg-ferry]", "topics: [ostberg-fery]")
                     .replace("sources: [ostberg-ferry]", "sources: [ostberg-ferry, no-such-source]"), encoding="utf-8")
    with pytest.raises(DossierError) as raised:
        load_and_check(root)
    lines = story.read_text(encoding="utf-8").splitlines()
    topic_line = next(n for n, line in enumerate(lines, 1) if "ostberg-fery" in line)
    source_line, source_column = next((n, line.index("no-such-source") + 1) for n, line in enumerate(lines, 1)
                                      if "no-such-source" in line)
    reported = [p.as_text() for p in raised.value.problems]
    assert (f"content/stories/ostberg-ferry.yaml:{topic_line}:10: unknown topic 'ostberg-fery' (field: topics.0)\n"
            "    hint: did you mean 'ostberg-ferry'?") in "\n".join(reported)
    assert any(r.startswith(f"content/stories/ostberg-ferry.yaml:{source_line}:{source_column}: unknown source 'no-such-source' "
                            "(field: sources.1)") for r in reported), reported


# -- a story added the way CONTRIBUTING.md tells ----------------------------------------


def contributing_commands(section: str) -> list[list[str]]:
    """The `build_scripts` commands of a section of CONTRIBUTING.md, in order, as arguments."""
    text = (PROJECT_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    body = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", body, re.DOTALL):
        words = shlex.split(block.replace("\\\n", " "))
        assert words[:3] == [".venv/bin/python", "-m", "build_scripts"], block
        commands.append(words[3:])
    return commands


@pytest.mark.slow  # builds the site
def test_a_story_added_as_contributing_tells_gets_its_page_and_its_place_on_the_home_page(tmp_path):
    """The fictional dossier without its Ostberg story (its source, text and actor kept: the
    guide's step 1), then the guide's commands for the story, run as written."""
    root = fictional_project(tmp_path / "project")
    for path in ("stories/ostberg-ferry.yaml", "topics/ostberg-ferry.yaml", "claims/ostberg-ferry.yaml"):
        (root / "content" / path).unlink()
    glossary = root / "content" / "glossary.yaml"  # its term was limited to the removed topic
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "See [the topic](topic:ostberg-ferry).", "").replace("topics: [ostberg-ferry]", "sources: [ostberg-ferry]"),
        encoding="utf-8")
    before = cli_in_process(root, "check")
    assert "warning: content/sources/ostberg-ferry.yaml" in before.stdout and "belongs to no story" in before.stdout

    commands = contributing_commands("Start a new story")
    assert [c[:2] for c in commands] == [["new", "topic"], ["new", "story"], ["new", "claim"]]
    # The fictional source was added in 2030: its claim is added after it, not today.
    commands[2] += ["--added", "2030-05-22"]
    for command in commands:
        result = cli_in_process(root, *command)
        assert result.returncode == 0, f"{command}: {result.stderr}"
    assert (root / "content" / "stories" / "ostberg-keeps-its-ferry.yaml").is_file()
    checked = cli_in_process(root, "check")
    assert checked.returncode == 0, checked.stderr
    assert "belongs to no story" not in checked.stdout and "placeholder" not in checked.stdout, checked.stdout

    shutil.rmtree(root / "site", ignore_errors=True)
    result = build_site(root, root / "site", offline_copy=False)
    assert result.returncode == 0, result.stderr
    home = article(root / "site" / "index.html")
    listed = {a.get_text(): a["href"] for a in home.select(".dossier-stories a")}
    assert listed == {BRIDGE: "stories/velmora-bridge.html", FERRY: "stories/ostberg-keeps-its-ferry.html"}
    story = article(root / "site" / "stories" / "ostberg-keeps-its-ferry.html")
    assert "Ostberg's town council voted to keep its ferry running for another year." in " ".join(story.get_text().split())
    assert "../topics/the-ostberg-ferry.html" in {a["href"] for a in story.select("a")}
    topic = soup(root / "site" / "topics" / "the-ostberg-ferry.html")
    assert topic.title.get_text().startswith(f"The Ostberg ferry · {FERRY} - ")
    cite = topic.select_one("pre.dossier-cite-text").get_text()
    assert cite.startswith("“Ostberg's town council voted to keep the ferry.” Ostberg keeps its ferry, "), cite
