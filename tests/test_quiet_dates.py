"""Quiet provenance: in lists and side notes a date reads as a date; how it
was worked out is one click away, in full on the timeline and at the claim's
address."""

from __future__ import annotations

from .helpers import soup


def _basis(element) -> str:
    found = element.select_one(".dossier-basis")
    return found.get_text(" ", strip=True) if found else ""


def test_list_dates_are_plain_and_their_links_lead_to_the_date_in_full(built_site):
    home = soup(built_site / "index.html")
    timeline = soup(built_site / "timeline.html")
    items = home.find(id="latest-events").find_next_sibling("ul").find_all("li", recursive=False)
    assert items
    for item in items:
        assert item.find("time") is not None and not _basis(item), item
        target = item.find("a", href=lambda href: href and "#event-" in href)["href"].split("#")[1]
        assert _basis(timeline.find(id=target)).startswith("(date"), target


def test_side_notes_show_the_date_alone_and_the_claims_address_shows_how_it_is_known(built_site):
    source = soup(built_site / "sources" / "india-s400-iranian-oil.html")
    notes = source.select(".dossier-notes .dossier-claim")
    dated = [note for note in notes if note.find("time")]
    assert dated
    for note in dated:
        assert not _basis(note), note["id"]
        address = note.select_one("a.dossier-cite-link")["href"]
        page, anchor = address.split("#")
        claim = soup((built_site / "sources" / page).resolve()).find(id=anchor)
        assert _basis(claim), address
