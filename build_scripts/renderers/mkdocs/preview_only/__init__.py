"""What only the preview (`mkdocs serve`, `make serve`) adds to the site, for
contributors: never part of `mkdocs build`, the offline copy or `generate`
(tests/test_claim_from_selection.py looks for any trace of it in a built site)."""
