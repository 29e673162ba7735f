"""A story-neutral engine (issue 15): the site's name, description and About
page come from content/dossier.yaml, the home page's key figures are chosen
there, and neither mkdocs.yml nor zensical.yml names a story. Shown on the
fictional second dossier (tests/fictional_dossier/, invented), built by MkDocs
and by Zensical."""

from __future__ import annotations

import re

import pytest
import yaml

from build_scripts.content.problems import DossierError
from build_scripts.rules.check import load_and_check

from .helpers import PROJECT_ROOT, build_site, build_zensical_site, copy_project, soup

# Words of the real story that the fictional dossier's pages must not show.
REAL_STORY_WORDS = ["India", "Iranian", "Newsweek", "Mehr News"]


@pytest.fixture(scope="module")
def real_title(real_checked) -> str:
    return real_checked.content.dossier.record.title


def test_the_renderers_configuration_names_no_story(real_title):
    mkdocs = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^site_name: Dossier$", mkdocs, re.MULTILINE)
    assert "site_description" not in re.sub(r"#.*", "", mkdocs)
    words = {w for w in re.findall(r"[A-Za-z]{4,}", real_title)}
    for name in ("mkdocs.yml", "zensical.yml"):
        text = (PROJECT_ROOT / name).read_text(encoding="utf-8")
        assert not [w for w in words if w in text], name
    assert not (PROJECT_ROOT / "docs" / "about.md").exists(), "the About page is generated from content"


@pytest.fixture(scope="module")
def fictional_sites(fictional_built_site, fictional_zensical_site):
    """(the project, its MkDocs site, its Zensical site): the session's builds (conftest.py)."""
    return fictional_built_site.parent, fictional_built_site, fictional_zensical_site


@pytest.mark.parametrize("renderer", ["mkdocs", "zensical"])
def test_every_title_and_the_header_carry_the_dossiers_name(fictional_sites, renderer, real_title):
    root, mkdocs_site, zensical_site = fictional_sites
    site = mkdocs_site if renderer == "mkdocs" else zensical_site
    dossier = yaml.safe_load((root / "content" / "dossier.yaml").read_text(encoding="utf-8"))
    name = dossier["title"]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        if page.name == "404.html" or "dossier-offline" in page.parts:
            continue
        html = soup(page)
        title = html.title.get_text()
        assert title == name or title.endswith(f" - {name}"), (page, title)
        header = html.select_one(".md-header__topic")
        assert header is not None and name in header.get_text(), page
        assert real_title not in html.get_text(), page
    index = soup(site / "index.html")
    assert index.select_one('meta[name="description"]')["content"] == dossier["description"]


def test_the_about_page_comes_from_content_and_lists_every_source(fictional_built_site, fictional_checked):
    text = soup(fictional_built_site / "about.html").select_one("article").get_text(" ", strip=True)
    checked = fictional_checked
    about = checked.content.dossier.record.about
    assert about and " ".join(about.split())[:60] in text
    assert "The sources and their licences" in text
    for source in checked.content.sources.values():
        assert source.record.title in text and source.record.attribution in text
    for word in REAL_STORY_WORDS:
        assert word not in text, word


def test_the_home_pages_key_figures_are_those_content_lists_in_its_order(built_site, real_checked):
    dossier = real_checked.content
    chosen = dossier.dossier.record.key_figures
    assert chosen
    expected = [f.said_as for claim_id in chosen for f in dossier.claims[claim_id].record.figures
                if f.measures_the_story]
    shown = [p.get_text() for p in soup(built_site / "index.html").select(".dossier-figure-value")]
    assert shown == expected


@pytest.mark.parametrize("wrong, message, hint", [
    ("s400-deal-concluded-x", "unknown claim 's400-deal-concluded-x'", "did you mean 's400-deal-concluded'?"),
    ("us-discarded-1955-treaty", "the claim 'us-discarded-1955-treaty' gives no figure", "list claims that have 'figures'"),
    ("s400-deal-concluded", "the claim 's400-deal-concluded' is listed twice", "remove one of them"),
    ("caatsa-first-enforced-against-edd", "the claim 'caatsa-first-enforced-against-edd' gives no figure that "
     "measures the story (its figures are of kind rank)", "or correct the figure's 'kind'"),
])
def test_a_key_figure_that_is_no_claim_with_figures_is_refused_where_it_stands(project_copy, wrong, message, hint):
    path = project_copy / "content" / "dossier.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  - us-led-war-lasted-17-years\n" in text
    path.write_text(text.replace("  - us-led-war-lasted-17-years\n", f"  - {wrong}\n"), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    line = max(i for i, l in enumerate(lines, 1) if l == f"  - {wrong}")
    index = line - lines.index("key_figures:") - 2  # the last of the list, which the case replaced
    with pytest.raises(DossierError) as raised:
        load_and_check(project_copy)
    [problem] = raised.value.problems
    assert problem.as_text().startswith(f"content/dossier.yaml:{line}:5: {message} (field: key_figures.{index})")
    assert hint in problem.hint


@pytest.mark.slow  # builds the site with both renderers
def test_a_dossier_title_with_markup_stays_text_in_both_renderers(tmp_path, real_title):
    """The site's name is content now, so it is escaped like any content text:
    Material and Zensical print it unescaped in places (the logo's aria-label) and escaped in
    others (its title), and each place must show it once escaped."""
    root = copy_project(tmp_path / "project")
    hostile = '<img src=x onerror=alert(1)> & "q" it\'s'
    path = root / "content" / "dossier.yaml"
    text = path.read_text(encoding="utf-8").replace(f"title: {real_title}\n", f"title: '{hostile.replace(chr(39), chr(39) * 2)}'\n")
    # The description too: the home page's, and the site's for pages without their own.
    hostile_description = '</title><b>bold</b> & "quoted" <meta property="og:title" content="x">'
    text = re.sub(r"^description:.*?(?=^language:)", f"description: '{hostile_description}'\n", text, count=1,
                  flags=re.MULTILINE | re.DOTALL)
    path.write_text(text, encoding="utf-8")
    assert build_site(root, root / "site").returncode == 0
    for site in (root / "site", build_zensical_site(root)):
        for page in ("index.html", "timeline.html", "contributing.html"):
            html = (site / page).read_text(encoding="utf-8")
            assert "<img src=x" not in html and '"q"' not in html and "<b>bold" not in html, (site, page)
            parsed = soup(site / page)
            assert parsed.title.get_text().endswith(hostile)
            # The logo links, in the header and in the navigation drawer: named and titled by the name as it is.
            logos = parsed.select("a.md-logo")
            assert len(logos) == 2, (site, page)
            for logo in logos:
                assert logo["aria-label"] == hostile and logo["title"] == hostile, (site, page, str(logo))
            assert parsed.select_one(".md-header__topic .md-ellipsis").get_text().strip() == hostile
            # The link preview: the name as it is, in every tag that carries it (tests/test_sharing.py).
            preview = {m.get("property"): m["content"] for m in parsed.select("head meta[property]")}
            assert preview["og:site_name"] == hostile, (site, page)
            assert preview["og:title"] == {"index.html": hostile, "timeline.html": "Timeline",
                                           "contributing.html": "Contributing"}[page], (site, page)
            # The timeline has a description of its own; the others give the site's.
            assert (preview["og:description"] == hostile_description) == (page != "timeline.html"), (site, page)
            assert preview["og:description"] == parsed.select_one("head meta[name=description]")["content"]
