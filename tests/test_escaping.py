"""Whatever a contributor types into YAML shows up as text, never as markup."""

from __future__ import annotations

import json

from .helpers import article, soup, whole_search_index
from .hostile_site import HOSTILE_NAME, HOSTILE_SUMMARY


def test_markup_in_an_actor_shows_as_text(hostile_site):
    """An actor whose name, summary and alias are markup, and a claim about it (tests/hostile_site.py)."""
    site = hostile_site

    for page in sorted(site.rglob("*.html")):
        html = soup(page)
        for script in html.find_all("script"):
            if script.get("type") == "application/ld+json":
                # Data, never run: it must parse as JSON, and hold no "<" at
                # all, so that no value can close the element or open a comment.
                assert "<" not in script.string, page
                json.loads(script.string)
            else:
                assert "alert" not in script.get_text(), page
        for element in html.find_all(True):
            for name, value in element.attrs.items():
                assert not name.startswith("on"), (page, element)
                values = value if isinstance(value, list) else [value]
                assert not any(str(v).strip().lower().startswith("javascript:") for v in values), (page, element)
        assert not html.find("img", src="x")
        assert not html.find("svg", onload=True)

    # The search box shows an entry's tags as HTML, in an element's text: the
    # aliases in them are escaped (their quotes can stay, as in any text).
    index = whole_search_index(site)
    tags = [tag for entry in index["docs"] for tag in entry.get("tags", [])]
    assert '"&gt;&lt;svg onload=alert(4)&gt;' in tags
    assert not any("<" in tag for tag in tags)

    head = soup(site / "actors" / "hostile.html")
    data = json.loads(head.find("script", type="application/ld+json").string)
    assert data["name"] == HOSTILE_NAME and data["alternateName"] == ['"><svg onload=alert(4)>']

    assert head.title.get_text().startswith(HOSTILE_NAME)
    assert head.find("meta", attrs={"name": "description"})["content"].startswith("<img src=x")

    page = article(site / "actors" / "hostile.html")
    assert page.h1.get_text().rstrip("¶") == HOSTILE_NAME
    assert HOSTILE_SUMMARY in page.get_text()
    assert '"><svg onload=alert(4)>' in page.get_text()
    assert "49" not in page.get_text()  # {{ 7*7 }} was not evaluated
