"""The dossier generator: curated YAML facts and source texts in, checked
Markdown pages out. Stages, one module each, data flowing forward only:

    yaml_positions  safe YAML with file:line:column for every value, built
                    from libyaml's events in one pass
    model           typed records (pydantic)
    load            content/ files -> records, by where each file lives
                    (read on two cores for large dossiers, parallel)
    source_text     seed texts: quote matching and sentences
    check           rules across the whole dossier
    views/pages     view data and Jinja templates -> Markdown pages
                    (paging: long lists split into parts; reader, network,
                    timeline, glossary, jsonld, downloads: what pages show)
    parallel        half of the files read, or of the pages rendered, in a
                    forked copy, on a second core
    generate        the above end to end, pages completed with their source
                    link and abbreviations; writing pages to a folder
    mkdocs_hook     plain `mkdocs build` / `mkdocs serve` run the generator
    parallel_markdown  MkDocs' Markdown conversion (and the search plugin's
                    parsing) of every other page in a forked copy
    offline         the built site zipped for reading from disk
    cli             `python -m build_scripts ...`
"""
