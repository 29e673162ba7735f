"""The dossier engine: curated YAML facts and source texts in, a checked site
source out, rendered by MkDocs (or another renderer). Stages, one folder
each, data flowing forward only (each imports only from the ones above it):

    content/        what contributors write, read safely and typed
        safe_yaml       YAML with file:line:column for every value (libyaml's events, one pass)
        model           the records (pydantic), and so the JSON Schema
        load            content/ files -> records, by where each file lives
        source_text     seed texts: quote matching, sentences
        prose           the small Markdown subset of summaries; escaping
        schema          JSON Schema files and each file's editor schema line
        problems        what is wrong, where, and how to mend it
    rules/          checks across the whole dossier (references, quotes, dates, coverage;
                    terms: glossary names that are common phrases found in another story)
    pages/          view data and Jinja templates -> Markdown pages
        registry        every page kind: path, title, items per page, search weight
        kinds/          one module per page kind, its template beside it (the contract: kinds/__init__)
        addresses       where everything is: every page path and anchor
        partials/       the macros the templates share
        render          the template environment, front matter, list pages split in parts
        context         PageContext: the dossier as one page sees it (links, titles, prose)
        indexes         what pages derive from the records, made once per build
        paging, lists   long lists split into numbered parts, and which part holds an item
        links, labels   relative links between pages; the words for dates, kinds, certainty
        views/          view data several kinds show: claims, citations, corrections,
                        event_views, term_views, relations, source_tables, jsonld
        derived/        worked out from the records first: events (dated, in order), glossary
                        (where terms stand), reader (a source text cut into pieces), trie_pattern
        network/        the relations drawn as SVG at build time: layout (where the dots
                        stand), text, shapes, placement (labels that cover nothing), svg
        site_settings   what pages need of mkdocs.yml (site_url, repo_url), read once
        schema_reference  the schema reference page, from the model
    site_source/    the pages, completed, plus the files the site ships
        generate        load -> check -> render, end to end; writing pages to a folder
        downloads       every record as JSON and CSV, the claims' citations, the schemas
        contributing    the contributing guide, the YAML copies, "source of this page" links
    renderers/      the edge: the only place MkDocs and Markdown are imported
        mkdocs/         the MkDocs hook (hook, session, atomic_output) and its speed-ups
        markdown_abbreviations  the Python-Markdown extension for hover abbreviations
        offline_zip     the built site zipped for reading from disk
    tools/          for contributors and maintainers: scaffold (`new`), fmt,
                    linkcheck, compare_sites, synthetic dossiers, processes
    parallel        work in a forked copy, on a second core
    cli             `python -m build_scripts ...`
"""
