"""The contributor path on the site: the Contributing page (from CONTRIBUTING.md),
the schema reference generated from the model, a copy of every content file
linked from the page it makes, and "Edit this page" from one setting."""

from __future__ import annotations

import re

from build_scripts.content import model
from build_scripts.content.schema import record_schemas

from .helpers import PROJECT_ROOT, article, soup


def test_the_contributing_page_is_contributing_md(built_site):
    page = article(built_site / "contributing.html")
    assert page.h1.get_text(strip=True).rstrip("¶") == "Contributing"
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.find_all("h2")]
    source_headings = re.findall(r"^## (.+)$", (PROJECT_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert headings == [h.replace("`", "") for h in source_headings]
    for needed in ("Add an actor", "Add a claim with its quote", "Add a source article", "Preview",
                   "What the checks mean", "Editorial rules"):
        assert needed in headings
    text = page.get_text(" ")
    for words in ("make serve", "new actor", "new claim", "new source", "Quote exactly",
                  "Keep outside context apart", "Neutral wording"):
        assert words in text
    # It is in the navigation, beside the schema reference.
    nav = {a.get_text(strip=True): a.get("href") for a in soup(built_site / "index.html").select("nav a")}
    assert nav.get("Contributing") == "contributing.html"
    assert nav.get("Schema reference") == "schema-reference.html"


def record_types() -> dict[str, type[model.Record]]:
    """Every record type the content files use, by name, as the schema names them."""
    found: dict[str, type[model.Record]] = {}
    for kind, schema in record_schemas().items():
        found[schema["title"]] = model.RECORD_KINDS[kind]
        for name in schema.get("$defs", {}):
            kind_type = getattr(model, name)
            if isinstance(kind_type, type) and issubclass(kind_type, model.Record):
                found[name] = kind_type
    return found


def test_the_schema_reference_lists_every_field_with_type_requirement_description_and_example(built_site):
    page = article(built_site / "schema-reference.html")
    tables: dict[str, list[list[str]]] = {}
    for table in page.find_all("table"):
        heading = table.find_previous(["h2", "h3"]).get_text(strip=True).rstrip("¶")
        tables[heading] = [[cell.get_text(" ", strip=True) for cell in row.find_all("td")] for row in table.find_all("tr")[1:]]
    titles = {"Dossier": "Dossier", "Source": "Source", "Actor": "Actor", "Topic": "Topic", "ClaimFile": "Claims",
              "RelationFile": "Relations", "GlossaryFile": "Glossary", "ContextFile": "Context"}
    for name, record_type in record_types().items():
        rows = tables[titles.get(name, name)]
        fields = {info.alias or field: info for field, info in record_type.model_fields.items()}
        # Required as the JSON Schema says: a field the model leaves optional so that
        # `check` can say what is missing (`added`) is required there all the same.
        schema_required = set(record_type.model_json_schema().get("required", []))
        assert [row[0] for row in rows] == list(fields), name
        for row in rows:
            field, kind, required, description, example = row
            assert kind, (name, field)
            assert required == ("required" if field in schema_required else "optional"), (name, field)
            assert field in schema_required or not fields[field].is_required(), (name, field)
            assert description, (name, field)
            assert example, f"{name}.{field} has no example"


def test_examples_come_from_the_content_and_are_shown_as_text(real_checked, built_site):
    page = article(built_site / "schema-reference.html")
    first_actor = real_checked.content.actors[sorted(real_checked.content.actors)[0]].record
    heading = next(h for h in page.find_all("h2") if h.get_text(strip=True).rstrip("¶") == "Actor")
    actor_rows = heading.find_next("table").find_all("tr")
    name_row = next(row for row in actor_rows if row.td and row.td.get_text() == "name")
    assert name_row.find_all("td")[4].get_text() == first_actor.name
    # Content text is escaped: no element of the table comes from a value (abbr: the glossary, site-wide;
    # wbr: where a long word may break in a table cell, renderers/markdown_tables.py).
    for cell in page.select("table td:nth-of-type(5)"):
        assert {child.name for child in cell.find_all(True)} <= {"code", "abbr", "wbr"}


def test_each_generated_page_links_to_a_copy_of_its_yaml_file(real_checked, built_site):
    pages = {"actors": real_checked.content.actors, "topics": real_checked.content.topics, "sources": real_checked.content.sources}
    for folder, table in pages.items():
        for record_id, located in table.items():
            html = built_site / folder / f"{record_id}.html"
            link = article(html).select_one("p.dossier-page-source a")
            assert link is not None, f"{html.name}: no source link"
            assert link.get_text() == located.origin.path
            copy = (html.parent / link["href"]).resolve()
            assert copy == (built_site / located.origin.path).resolve()
            assert copy.read_bytes() == (PROJECT_ROOT / located.origin.path).read_bytes()
    # Without the repository's address there is no edit button: nothing is invented.
    assert not soup(built_site / "actors" / f"{sorted(real_checked.content.actors)[0]}.html").select("a[rel=edit]")


def test_edit_this_page_opens_the_file_the_page_is_made_from(real_checked, configured_site):
    """With edit_uri set (the session's configured_site, conftest.py), every page has the button."""
    def edit_href(page: str) -> str:
        link = soup(configured_site / page).select_one("a[rel=edit]")
        assert link is not None, f"{page}: no edit button"
        return link["href"]

    actor = sorted(real_checked.content.actors)[0]
    assert edit_href(f"actors/{actor}.html") == f"https://example.org/dossier/edit/main/content/actors/{actor}.yaml"
    topic = sorted(real_checked.content.topics)[0]
    assert edit_href(f"topics/{topic}.html") == f"https://example.org/dossier/edit/main/content/topics/{topic}.yaml"
    # The About page is made from content/dossier.yaml (its `about` text and the sources' licences).
    assert edit_href("about.html") == "https://example.org/dossier/edit/main/content/dossier.yaml"
    assert edit_href("contributing.html") == "https://example.org/dossier/edit/main/CONTRIBUTING.md"
    assert edit_href("schema-reference.html") == "https://example.org/dossier/edit/main/build_scripts/content/model.py"
