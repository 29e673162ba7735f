"""The dossier generator: curated YAML facts and source texts in, checked
Markdown pages out. Stages, one module each, data flowing forward only:

    yaml_positions  safe YAML with file:line:column for every value
    model           typed records (pydantic)
    load            content/ files -> records, by where each file lives
    source_text     seed texts: quote matching and sentences
    check           rules across the whole dossier
    views/pages     view data and Jinja templates -> Markdown pages
    generate        the above end to end; writing pages to a folder
    mkdocs_hook     plain `mkdocs build` / `mkdocs serve` run the generator
    cli             `python -m build_scripts ...`
"""
