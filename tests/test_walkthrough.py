"""A contributor's first change, step by step, as a new user makes it:
start an actor and a topic from skeletons, fill them in, add a claim about the
actor with its quote, check, format, build, and find the new pages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import pytest

from .helpers import article, build_site, run_cli, soup

pytestmark = pytest.mark.slow  # a contributor's session: the command line and MkDocs, as processes

QUOTE = "sending a message to other prospective S-400 customers such as India, Qatar and Saudi Arabia"


def edit(path, old: str, new: str) -> None:
    """What the contributor does in an editor: replace some text, save."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_contributor_adds_an_actor_and_a_claim_about_it(project_copy):
    root = project_copy

    # 1. Start the actor and the topic from skeletons.
    made = run_cli(root, "new", "actor", "Example Defence Analyst")
    assert made.returncode == 0, made.stderr
    actor = root / "content" / "actors" / "example-defence-analyst.yaml"
    assert "wrote content/actors/example-defence-analyst.yaml" in made.stdout
    made = run_cli(root, "new", "topic", "Signals to S-400 buyers", "--id", "signals-to-s400-buyers")
    assert made.returncode == 0, made.stderr
    topic = root / "content" / "topics" / "signals-to-s400-buyers.yaml"

    # 2. Fill them in, as the comments in the skeletons ask.
    text = actor.read_text(encoding="utf-8")
    summary_line = next(line for line in text.splitlines() if line.startswith("summary:"))
    edit(actor, summary_line, "summary: A fictional analyst, added by the walkthrough test.")
    edit(actor, "aliases: []", "aliases: [the analyst]")
    edit(actor, "affiliation: []", "affiliation: [india]")
    summary_line = next(line for line in topic.read_text(encoding="utf-8").splitlines() if line.startswith("summary:"))
    edit(topic, summary_line, "summary: What the first sanctions under the act told *other* buyers of the S-400.")

    # The new topic belongs to the dossier's story (`new topic` says so; check warns until it does).
    assert "then add 'signals-to-s400-buyers' to the 'topics' of its story" in made.stdout
    edit(root / "content" / "stories" / "india-s400-iranian-oil.yaml", "  - sources-and-publication\n",
         "  - sources-and-publication\n  - signals-to-s400-buyers\n")

    # 3. Add a claim about the actor, with the words of the article.
    made = run_cli(root, "new", "claim", "The first sanctions under the act warned other buyers of the S-400.",
                   "--topic", "signals-to-s400-buyers", "--actor", "example-defence-analyst", "--quote", QUOTE)
    assert made.returncode == 0, made.stderr
    claims = root / "content" / "claims" / "signals-to-s400-buyers.yaml"
    assert "wrote content/claims/signals-to-s400-buyers.yaml" in made.stdout
    edit(claims, "actors: [example-defence-analyst]", "actors: [example-defence-analyst, india]")

    # 4. Check: no problem, and no warning about the new files any more.
    check = run_cli(root, "check")
    assert check.returncode == 0, check.stderr
    for path in ("content/actors/example-defence-analyst.yaml", "content/topics/signals-to-s400-buyers.yaml",
                 "content/claims/signals-to-s400-buyers.yaml"):
        assert f"warning: {path}:" not in check.stdout, check.stdout

    # 5. Format what was edited by hand; the canonical style leaves it valid.
    formatted = run_cli(root, "fmt", "content/actors", "content/topics/signals-to-s400-buyers.yaml",
                        "content/claims/signals-to-s400-buyers.yaml")
    assert formatted.returncode == 0, formatted.stderr
    assert run_cli(root, "fmt", "--check", "content/claims/signals-to-s400-buyers.yaml").returncode == 0

    # 6. Build the site and find the new pages.
    site = root / "site"
    built = build_site(root, site, offline_copy=False)
    assert built.returncode == 0, built.stderr

    actor_page = article(site / "actors" / "example-defence-analyst.html")
    assert actor_page.h1.get_text(strip=True).rstrip("¶") == "Example Defence Analyst"
    text = actor_page.get_text(" ")
    assert "A fictional analyst, added by the walkthrough test." in text
    assert "The first sanctions under the act warned other buyers of the S-400." in " ".join(actor_page.get_text().split())
    source_link = actor_page.select_one("p.dossier-page-source a")
    assert source_link["href"] == "../content/actors/example-defence-analyst.yaml"
    assert (site / "content" / "actors" / "example-defence-analyst.yaml").read_bytes() == actor.read_bytes()

    topic_page = article(site / "topics" / "signals-to-s400-buyers.html")
    assert "Signals to S-400 buyers" in topic_page.h1.get_text()
    assert topic_page.find("em", string="other"), "the summary's emphasis is rendered"
    assert topic_page.find("a", href=re.compile(r"^\.\./actors/example-defence-analyst\.html")), \
        "the topic page links to the new actor"

    # The claim's quote is marked in the source reader, and the actor appears in the lists.
    claim_id = re.search(r"- id: (\S+)", claims.read_text(encoding="utf-8"))[1]
    source_pages = list((site / "sources").glob("*.html"))
    assert any(soup(page).find(id=f"q-{claim_id}") for page in source_pages), "the quote is highlighted"
    actors_index = article(site / "actors" / "index.html")
    assert actors_index.find("a", href="example-defence-analyst.html")
    nav_topics = article(site / "topics" / "index.html")
    assert nav_topics.find("a", href="signals-to-s400-buyers.html")


# FICTIONAL: an invented second article, written into the test's copy of the
# project only (never into seeds/), that reports one fact the real article gives.
SECOND_ARTICLE = ("Fictional walkthrough report\n\n"
                  "In this invented report, India and Russia joined Iran's first-ever Regional Security Dialogue. "
                  "Nothing else in this fictional text is real.\n")
SHARED_CLAIM = "india-russia-joined-regional-security-dialogue"


def test_a_contributor_adds_a_second_article_and_a_corroborating_quote(project_copy):
    root = project_copy

    # 1. Put the text in seeds/ and start its source file.
    (root / "seeds" / "second-report.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    made = run_cli(root, "new", "source", "seeds/second-report.txt", "--publisher", "reuters",
                   "--title", "Fictional walkthrough report", "--date", "2018-10-06",
                   "--licence", "CC BY 4.0", "--licence-url", "https://creativecommons.org/licenses/by/4.0/")
    assert made.returncode == 0, made.stderr
    assert "wrote content/sources/second-report.yaml" in made.stdout

    # 2. A claim of its own: with two sources, `new claim` needs --source.
    made = run_cli(root, "new", "claim", "The fictional report says nothing else in it is real.",
                   "--topic", "afghanistan-regional-security", "--source", "second-report",
                   "--quote", "Nothing else in this fictional text is real.")
    assert made.returncode == 0, made.stderr

    # 3. The fact both articles report: a second piece of evidence on the existing claim.
    claims = root / "content" / "claims" / "afghanistan.yaml"
    first_quote = "        quote: Last month, India and Russia joined Iran's first-ever Regional Security Dialogue\n"
    edit(claims, first_quote, first_quote + "      - source: second-report\n"
                              "        quote: India and Russia joined Iran's first-ever Regional Security Dialogue\n")
    # The title line of the text is a sentence too; quote it, and nothing is left uncovered.
    made = run_cli(root, "new", "claim", "The fictional report's title.", "--topic", "afghanistan-regional-security",
                   "--source", "second-report", "--quote", "Fictional walkthrough report")
    assert made.returncode == 0, made.stderr

    check = run_cli(root, "check")
    assert check.returncode == 0, check.stderr
    assert "coverage: second-report: 2 of 2 sentences quoted by at least one claim" in check.stdout
    assert run_cli(root, "fmt", "--check", "content/claims/afghanistan.yaml").returncode == 0

    # 4. Build: the claim says two sources report it, each quote leads to its highlighted span.
    site = root / "site"
    built = build_site(root, site, offline_copy=False)
    assert built.returncode == 0, built.stderr
    topic_page = article(site / "topics" / "afghanistan-regional-security.html")
    block = topic_page.find(id=f"claim-{SHARED_CLAIM}")
    assert "2 sources report this" in block.get_text(" ")
    hrefs = [a["href"] for a in block.select(".dossier-evidence-meta a")]
    assert any(h.endswith(f"sources/second-report.html#q-{SHARED_CLAIM}") for h in hrefs), hrefs
    assert any(h.endswith(f"sources/india-s400-iranian-oil.html#q-{SHARED_CLAIM}") for h in hrefs), hrefs
    second = article(site / "sources" / "second-report.html")
    assert second.find(id=f"q-{SHARED_CLAIM}") and second.find(id=f"claim-{SHARED_CLAIM}")


def test_a_contributor_makes_a_claim_from_a_selection_and_sees_it_in_the_feed(project_copy):
    """CONTRIBUTING's 'Add a claim': the words selected on the source's page in the
    preview give the claim (there, or with `new claim --source --quote`, as here);
    words the text does not have are refused at once; the claim, dated the day it
    is added, is in the site's Atom feed once the site is built."""
    root = project_copy
    source = "india-s400-iranian-oil"
    statement = "Washington moved to enforce sanctions on buyers of Russian arms."

    # 1. Words typed from memory are not the text's: nothing is written, and the hint says where they differ.
    refused = run_cli(root, "new", "claim", statement, "--source", source,
                      "--quote", "Washington has moved to impose sanctions on those buying Russian arms")
    assert refused.returncode == 1
    assert "this quote is not in the source 'india-s400-iranian-oil'\n    hint: quote the text exactly; " \
           "the closest passage is:" in refused.stderr
    assert "[impose]" in refused.stderr and "[enforce]" in refused.stderr

    # 2. The words as the text has them (the preview's selection gives them exactly).
    made = run_cli(root, "new", "claim", statement, "--source", source, "--topic", "caatsa-sanctions",
                   "--quote", "Washington has moved to enforce sanctions on those buying Russian arms",
                   "--actor", "united-states", "--id", "washington-enforces-arms-sanctions")
    assert made.returncode == 0, made.stderr
    claims = (root / "content" / "claims" / "caatsa-sanctions.yaml").read_text(encoding="utf-8")
    today = re.search(r"^    added: (\d{4}-\d{2}-\d{2})$", claims, re.M)[1]
    check = run_cli(root, "check")
    assert check.returncode == 0, check.stderr

    # 3. Build: the feed has the claim, under the day it was added, linking to it.
    site = root / "site"
    built = build_site(root, site, offline_copy=False)
    assert built.returncode == 0, built.stderr
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.parse(site / "feed.xml").getroot()
    entry = next(e for e in feed.iter(f"{atom}entry")
                 if e.find(f"{atom}id").text.endswith("/washington-enforces-arms-sanctions"))
    assert statement in entry.find(f"{atom}title").text + entry.find(f"{atom}summary").text
    assert entry.find(f"{atom}updated").text == f"{today}T00:00:00Z"
    link = entry.find(f"{atom}link").get("href")
    assert link.endswith("#claim-washington-enforces-arms-sanctions"), link
    page, _, anchor = link.partition("#")
    assert soup(site / page).find(id=anchor), "the feed's link leads to the claim"
