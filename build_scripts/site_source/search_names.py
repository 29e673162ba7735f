"""The site's own names for a forgiving search (docs/assets/search-forgive.js).

When Material's search finds nothing ("Moddi", "Putim", "S400", "newdelhi"),
the script looks for the nearest of these names (one letter off, or the same
once hyphens and spaces are left out) and searches for it instead. The names
are every actor's name and aliases, every topic's title, every glossary
term with its expansion and aliases: the words readers look for.

Shipped as a script that sets one global (a script loads from disk, file://,
where fetching a JSON file is refused), loaded only when a search finds nothing.
"""

from __future__ import annotations

import json

from build_scripts.content.load import Content

PATH = "assets/search-names.js"


def names(content: Content) -> list[str]:
    """Every name, once, in a fixed order: actors, topics, then glossary terms, each by id."""
    found: list[str] = []
    for _, located in sorted(content.actors.items()):
        found += [located.record.name, *located.record.aliases]
    for _, located in sorted(content.topics.items()):
        found.append(located.record.title)
    for _, located in sorted(content.glossary.items()):
        term = located.record
        found += [term.term, *([term.expansion] if term.expansion else []), *term.aliases]
    return list(dict.fromkeys(name.strip() for name in found if name.strip()))


def names_file(content: Content) -> dict[str, bytes]:
    """{site path: the script}. Every character outside ASCII, and "<", ">", "&",
    written as an escape: still the same strings, whatever a name holds."""
    text = json.dumps(names(content), ensure_ascii=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return {PATH: f"window.dossierSearchNames = {text};\n".encode("ascii")}
