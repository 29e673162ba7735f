"""Link previews and the sitemap (theme/main.html, theme-zensical/main.html):
Open Graph and Twitter card tags on every page, the page's address only when
mkdocs.yml sets site_url, and with it a sitemap that lists every page; the
same tags from Zensical. A title holding markup: tests/test_neutral_engine.py."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .helpers import soup
from .hostile_site import HOSTILE, HOSTILE_NAME

SITE_URL = "https://example.org/dossier/"  # conftest.SITE_ADDRESSES


def _pages(site) -> list:
    """Every page a reader can be sent to (not the 404 page, not the offline copy's)."""
    pages = [p for p in sorted(site.rglob("*.html")) if p.name != "404.html" and "dossier-offline" not in p.parts]
    assert len(pages) > 50
    return pages


def _preview(page) -> dict[str, str]:
    """{property or name: content} of the page's Open Graph and Twitter tags, each once."""
    tags = {}
    for meta in soup(page).select("head meta"):
        key = meta.get("property") or meta.get("name") or ""
        if key.startswith(("og:", "twitter:")):
            assert key not in tags, (page, key)
            tags[key] = meta["content"]
    return tags


def _check_previews(site, site_name: str) -> dict[str, dict[str, str]]:
    found = {}
    for page in _pages(site):
        html = soup(page)
        tags = _preview(page)
        title = html.title.get_text()
        assert tags["og:title"] == (site_name if title == site_name else title.removesuffix(f" - {site_name}")), page
        assert tags["og:description"] == html.select_one("head meta[name=description]")["content"], page
        assert tags["og:type"] == "website" and tags["twitter:card"] == "summary", page
        assert tags["og:site_name"] == site_name, page
        found[page.relative_to(site).as_posix()] = tags
    return found


def test_every_page_has_a_link_preview_and_no_address_without_site_url(built_site, real_checked):
    name = real_checked.content.dossier.record.title
    previews = _check_previews(built_site, name)
    assert all("og:url" not in tags for tags in previews.values())
    assert previews["index.html"]["og:title"] == name
    assert previews["actors/india.html"]["og:title"] == "India"
    assert previews["actors/india.html"]["og:description"] == "Republic in South Asia."  # its summary's first sentence
    # Without site_url there is no address to list: the sitemap stays empty.
    assert ET.parse(built_site / "sitemap.xml").getroot().findall("{*}url") == []


def test_with_site_url_every_page_gives_its_address_and_the_sitemap_lists_it(configured_site, real_checked):
    previews = _check_previews(configured_site, real_checked.content.dossier.record.title)
    for path, tags in previews.items():
        assert tags["og:url"] == SITE_URL + path, path
        canonical = soup(configured_site / path).select_one("head link[rel=canonical]")["href"]
        assert canonical == tags["og:url"], path
    listed = [loc.text for loc in ET.parse(configured_site / "sitemap.xml").getroot().findall("{*}url/{*}loc")]
    assert sorted(listed) == sorted(SITE_URL + path for path in previews)


def test_zensical_gives_the_same_previews_as_mkdocs(built_site, zensical_site, real_checked):
    name = real_checked.content.dossier.record.title
    assert _check_previews(zensical_site, name) == _check_previews(built_site, name)


def test_names_holding_markup_stay_text_in_the_previews(hostile_site, real_checked):
    """Records named with markup and script (tests/hostile_site.py): each tag gives the name as it is."""
    previews = _check_previews(hostile_site, real_checked.content.dossier.record.title)
    assert previews["actors/hostile.html"]["og:title"] == HOSTILE_NAME
    assert previews["actors/evil.html"]["og:title"] == HOSTILE
    for path in ("actors/hostile.html", "actors/evil.html"):
        html = (hostile_site / path).read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<a href=javascript" not in html, path
