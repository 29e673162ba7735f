"""What happened next: context entries that carry the story past its sources.

A fact dated after the newest source is one no source of the dossier gives,
so it must name the published page that states it (`rules/check.py`), and
the home page lists these facts apart, each with that page.
"""

from __future__ import annotations

import re

import pytest

from build_scripts.content.problems import DossierError
from build_scripts.rules.check import is_after, load_and_check, newest_source_date

from .helpers import soup


def test_every_context_entry_after_the_sources_cites_a_page_with_its_address(real_checked):
    content = real_checked.content
    newest = newest_source_date(content)
    later = [located.record for located in content.context.values()
             if located.record.date and is_after(located.record.date, newest)]
    assert len(later) >= 5, "the story is carried past its source: waivers, their end, deliveries, Turkey, CAATSA"
    for entry in later:
        assert entry.citation.url and entry.citation.url.startswith("https://"), entry.id


@pytest.mark.parametrize(("date", "other", "after"), [
    ("2018-11-05", "2018-10-05", True), ("2019", "2018-10-05", True), ("2018-10-06", "2018-10-05", True),
    ("2018-10-05", "2018-10-05", False), ("2018-10", "2018-10-05", False), ("2018", "2018-10-05", False),
    ("2018-09-30", "2018-10-05", False),
])
def test_a_partial_date_is_after_another_only_when_all_of_it_is(date, other, after):
    assert is_after(date, other) is after


def test_a_later_entry_without_an_address_is_refused_at_its_citation(project_copy):
    path = project_copy / "content" / "context.yaml"
    text = path.read_text(encoding="utf-8")
    address = re.compile(r"      url:\s+https://www\.ndtv\.com/\S+\n")  # fmt may fold the value onto the next line
    assert address.search(text)
    path.write_text(address.sub("", text, count=1), encoding="utf-8")
    with pytest.raises(DossierError) as raised:
        load_and_check(project_copy)
    [problem] = raised.value.problems
    line = text[:text.index("      title: US Grants Temporary")].count("\n") + 1
    assert problem.as_text().startswith(f"content/context.yaml:{line}:7: context entry 'us-oil-waivers-november-2018' "
                                        "is dated 2018-11-05, after the newest source (2018-10-05)")
    assert problem.field.endswith(".citation.url")
    assert "never invented" in problem.hint


def test_the_home_page_lists_what_happened_next_apart_with_the_pages_that_report_it(built_site, real_checked):
    content = real_checked.content
    newest = newest_source_date(content)
    later = sorted((e.record for e in content.context.values() if e.record.date and is_after(e.record.date, newest)),
                   key=lambda entry: entry.date)
    page = soup(built_site / "index.html")
    heading = page.find(id="what-happened-next")
    assert heading is not None
    items = heading.find_next_sibling("ul").find_all("li", recursive=False)
    assert [item.time["datetime"] for item in items] == [entry.date for entry in later]
    for item, entry in zip(items, later, strict=True):
        assert entry.statement in " ".join(item.get_text().split())
        assert item.find("cite").find("a")["href"] == entry.citation.url
    latest = page.find(id="latest-events").find_next_sibling("ul")
    assert not {entry.id for entry in later} & {a["href"].split("#event-context-")[-1] for a in latest.find_all("a")}
