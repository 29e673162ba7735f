"""What is disputed or uncertain: the home page lists the disagreements between
sources and the claims whose editors note a doubt, each linked to its claims."""

from __future__ import annotations

from .helpers import soup


def _listed(site, page="index.html"):
    home = soup(site / page)
    heading = home.find(id="what-is-disputed-or-uncertain")
    assert heading is not None
    return heading.find_next_sibling("ul").find_all("li", recursive=False)


def _targets_exist(site, item) -> None:
    for link in item.find_all("a", href=True):
        page, anchor = link["href"].split("#")
        assert soup(site / page).find(id=anchor) is not None, link["href"]


def test_the_home_page_lists_every_doubt_with_its_claim(built_site, real_checked):
    doubted = {claim_id: located.record.doubt for claim_id, located in real_checked.content.claims.items()
               if located.record.doubt}
    assert len(doubted) >= 5, "the editors' doubts: the ICJ's day, 'head of state', and what the article leaves out"
    items = _listed(built_site)
    assert [" ".join(i.get_text().split()).rsplit(" (", 1)[0] for i in items] == list(doubted.values())
    for item, claim_id in zip(items, doubted, strict=True):
        assert item.find("a")["href"].endswith(f"#claim-{claim_id}")
        _targets_exist(built_site, item)


def test_disagreements_between_sources_come_first_with_both_claims(fictional_built_site, fictional_checked):
    marks = [(claim_id, mark) for claim_id, located in fictional_checked.content.claims.items()
             for mark in located.record.contradicts]
    assert len(marks) == 2
    items = _listed(fictional_built_site)
    for item, (claim_id, mark) in zip(items, marks, strict=True):
        text = " ".join(item.get_text().split())
        assert text.startswith("Sources disagree") and mark.note in text
        hrefs = [a["href"].split("#")[1] for a in item.find_all("a")]
        assert hrefs == [f"claim-{claim_id}", f"claim-{mark.claim}"]
        _targets_exist(fictional_built_site, item)


# What the home page says, in the order a reader takes it in (issue 23): the story
# in brief, the key facts, what is disputed, what happened next, then the ways in.
HOME_SECTIONS = ["Key figures", "What is disputed or uncertain", "What happened next", "Topics", "Latest events",
                 "Where the facts come from", "Explore"]


def test_the_home_page_explains_in_order_and_each_key_figure_leads_to_its_claim(built_site, real_checked):
    home = soup(built_site / "index.html").select_one("article")
    assert [h.get_text(strip=True).rstrip("¶") for h in home.find_all("h2")] == HOME_SECTIONS
    values = home.select(".dossier-key-figure .dossier-figure-value a[href]")
    assert len(values) == len(home.select(".dossier-key-figure")) == len(real_checked.content.dossier.record.key_figures)
    for link, claim_id in zip(values, real_checked.content.dossier.record.key_figures, strict=True):
        assert link["href"].endswith(f"#claim-{claim_id}"), link["href"]
        _targets_exist(built_site, link.parent)
