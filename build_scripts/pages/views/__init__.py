"""What several page kinds show, as view data for the templates: a claim with
its evidence and citation, corrections and disagreements, dated events,
glossary terms, relations, JSON-LD, the tables under a source's text."""
