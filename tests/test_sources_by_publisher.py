"""Sources named by their publisher and date wherever they are cited inline
("Mehr News Agency, from Newsweek, 5 Oct 2018"), their title on hover; the
lists of sources give both; a source's page gives its address and byline, or
says that none is recorded. Read from the real site, the fictional dossier's
(two sources that disagree) and, for the escaping, in-process."""

from __future__ import annotations

import csv

import markdown
import pytest
from bs4 import BeautifulSoup
from pydantic import ValidationError

from build_scripts.content import model
from build_scripts.content.prose import escape_link_title
from build_scripts.pages.labels import format_date

from .helpers import article

REAL_SOURCE = "india-s400-iranian-oil"
REAL_CREDIT = "Mehr News Agency, from Newsweek, 5 Oct 2018"
HERALD, COURIER = "ost-herald-bridge", "velmora-courier-bridge"
HERALD_CREDIT, COURIER_CREDIT = "The Ost Valley Herald, 16 May 2030", "The Velmora Courier, 16 May 2030"
NONE_RECORDED = "No address or byline is recorded for this text."


def _words(element) -> str:
    return " ".join(element.get_text().split())


def _title_of(checked, source_id: str) -> str:
    return checked.content.sources[source_id].record.title


# -- in-process: the pieces ------------------------------------------------------


def test_a_source_is_dated_in_short_where_it_is_named_inline():
    assert format_date("2018-10-05", short=True) == "5 Oct 2018"
    assert format_date("2030-05-16", short=True) == "16 May 2030"
    assert format_date("2018-09", short=True) == "Sep 2018"
    assert format_date("2018-10-05") == "5 October 2018"


@pytest.mark.parametrize("title", [
    'A "quoted" title (with a bracket) and [more]',
    "Closing bracket) then \\ a backslash & <b>tags</b>",
    "(",
])
def test_a_title_on_hover_stays_text_whatever_it_holds(title):
    """The title of a Markdown link ends at a quote or an unmatched bracket:
    both are written as character references, so it shows as typed."""
    html = markdown.markdown(f'[Publisher, 5 Oct 2018](page.md "{escape_link_title(title)}")')
    anchor = BeautifulSoup(html, "html.parser").find("a")
    assert anchor is not None and anchor["href"] == "page.md", html
    assert anchor["title"] == title and anchor.get_text() == "Publisher, 5 Oct 2018", html


def test_a_sources_address_is_https_only_and_optional(real_checked):
    record = real_checked.content.sources[REAL_SOURCE].record
    assert record.url is None and record.byline is None
    data = record.model_dump(by_alias=True, exclude_none=True)
    with_address = model.Source.model_validate({**data, "url": "https://example.org/a", "byline": "A Reporter"})
    assert with_address.url == "https://example.org/a" and with_address.byline == "A Reporter"
    for wrong in ("http://example.org/a", "javascript:alert(1)", "ftp://example.org/a", "https://exa mple.org/"):
        with pytest.raises(ValidationError):
            model.Source.model_validate({**data, "url": wrong})


# -- the real site ---------------------------------------------------------------


def test_claims_name_their_source_by_publisher_and_date_with_its_title_on_hover(built_site, real_checked):
    title = _title_of(real_checked, REAL_SOURCE)
    # (An actor's page lists its claims as one-line links to their addresses: no source there.)
    for page in ("topics/iranian-oil-sanctions.html", "timeline.html", "index.html"):
        links = [a for a in article(built_site / page).select(".dossier-claim-meta a, .dossier-event-meta a, "
                                                              ".dossier-key-figure a")
                 if f"{REAL_SOURCE}.html#q-" in a["href"]]
        assert links, page
        for link in links:
            assert _words(link) == REAL_CREDIT and link["title"] == title, (page, str(link))


def test_the_lists_of_sources_give_publisher_date_and_title(built_site, real_checked):
    title = _title_of(real_checked, REAL_SOURCE)
    for page, href in (("index.html", f"sources/{REAL_SOURCE}.html"), ("sources/index.html", f"{REAL_SOURCE}.html")):
        items = [li for li in article(built_site / page).select("li") if li.find("a", href=href)]
        assert [_words(li) for li in items] == [f"{REAL_CREDIT}: {title}"], page


def test_todays_source_page_says_it_has_no_address_or_byline(built_site):
    page = built_site / "sources" / f"{REAL_SOURCE}.html"
    assert NONE_RECORDED in _words(article(page))
    assert page.stat().st_size < 100 * 1024


# -- the fictional dossier: two sources that disagree ------------------------------


def test_a_disagreement_names_the_other_source_by_its_publisher(fictional_built_site, fictional_checked):
    """The two articles' headlines are alike; the line names which paper says what."""
    for page, other, credit in ((HERALD, COURIER, COURIER_CREDIT), (COURIER, HERALD, HERALD_CREDIT)):
        conflicts = article(fictional_built_site / "sources" / f"{page}.html").select(".dossier-conflict")
        assert conflicts, page
        for conflict in conflicts:
            [link] = conflict.find_all("a", href=f"{other}.html")
            assert _words(link) == credit and link["title"] == _title_of(fictional_checked, other)


def test_every_source_of_a_corroborated_claim_is_named_by_its_publisher(fictional_built_site, fictional_checked):
    topic = article(fictional_built_site / "topics" / "bridge-reopening.html")
    claim = topic.find(id="claim-bridge-over-the-ost-reopened")
    names = {a["href"].split("#")[0].rsplit("/", 1)[1]: (_words(a), a["title"])
             for a in claim.select(".dossier-evidence-meta a[href*='#q-']")}
    assert names == {f"{HERALD}.html": (HERALD_CREDIT, _title_of(fictional_checked, HERALD)),
                     f"{COURIER}.html": (COURIER_CREDIT, _title_of(fictional_checked, COURIER))}


def test_a_source_page_gives_the_address_and_byline_recorded_or_says_there_is_none(fictional_built_site,
                                                                                  fictional_checked):
    herald = fictional_checked.content.sources[HERALD].record
    assert herald.url and herald.byline
    text = article(fictional_built_site / "sources" / f"{HERALD}.html")
    assert text.find("a", href=herald.url) is not None
    assert f"Byline: {herald.byline}" in _words(text) and "is recorded for this text" not in _words(text)
    courier = article(fictional_built_site / "sources" / f"{COURIER}.html")
    assert NONE_RECORDED in _words(courier)


def test_the_sources_download_lists_address_and_byline(fictional_built_site, fictional_checked):
    rows = list(csv.DictReader((fictional_built_site / "downloads" / "sources.csv").open(encoding="utf-8")))
    by_id = {row["id"]: row for row in rows}
    herald = fictional_checked.content.sources[HERALD].record
    assert (by_id[HERALD]["url"], by_id[HERALD]["byline"]) == (herald.url, herald.byline)
    assert (by_id[COURIER]["url"], by_id[COURIER]["byline"]) == ("", "")
