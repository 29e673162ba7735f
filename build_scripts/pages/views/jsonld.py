"""schema.org descriptions of pages, as JSON-LD ``<script>`` blocks.

The data is serialised with ``json.dumps`` and then "<", ">" and "&" are
written as ``\\u003c``, ``\\u003e`` and ``\\u0026``: still the same JSON, but
no value from YAML can close the script element (``</script>``) or open a
comment, whatever it contains.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from build_scripts.content import model
from build_scripts.content.prose import prose_plain

SCHEMA_ORG = "https://schema.org"

# Actor kind -> schema.org type (only types schema.org defines).
ACTOR_TYPES = {
    "person": "Person",
    "country": "Country",
    "government": "GovernmentOrganization",
    "government-body": "GovernmentOrganization",
    "military-body": "GovernmentOrganization",
    "court": "GovernmentOrganization",
    "international-body": "Organization",
    "organisation": "Organization",
    "company": "Organization",
    "media": "NewsMediaOrganization",
    "armed-group": "Organization",
    "unnamed-sources": "Thing",  # unnamed people: nothing more specific is true
}


def script(data: dict) -> Markup:
    """A JSON-LD script element that no string inside ``data`` can break out of."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # The two line separators are valid in JSON but end a line in old JavaScript parsers.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def actor(actor: model.Actor, aliases: list[str]) -> dict:
    """``aliases``: the other names its page shows (not all of thousands)."""
    data: dict = {"@context": SCHEMA_ORG, "@type": ACTOR_TYPES[actor.kind.value], "name": actor.name}
    if aliases:
        data["alternateName"] = list(aliases)
    data["description"] = prose_plain(actor.summary)
    if actor.wikidata:
        data["sameAs"] = f"https://www.wikidata.org/wiki/{actor.wikidata}"
    if actor.kind is model.ActorKind.person and actor.roles:
        data["jobTitle"] = [role.title for role in actor.roles]
    return data


def organisation(actor: model.Actor) -> dict:
    data = {"@type": ACTOR_TYPES[actor.kind.value], "name": actor.name}
    if actor.wikidata:
        data["sameAs"] = f"https://www.wikidata.org/wiki/{actor.wikidata}"
    return data


def news_article(source: model.Source, publisher: model.Actor, original_publisher: model.Actor | None) -> dict:
    data: dict = {
        "@context": SCHEMA_ORG,
        "@type": "NewsArticle",
        "headline": source.title,
        "datePublished": source.published.value,
        "inLanguage": source.language,
        "publisher": organisation(publisher),
        "license": source.licence.url,
        "creditText": source.attribution,
    }
    # What the source does not have (a headline, a licence address) is left out, never made up.
    data = {key: value for key, value in data.items() if value is not None}
    if original_publisher is not None:
        # The article as its first publisher printed it.
        data["isBasedOn"] = {"@type": "NewsArticle", **({"headline": source.title} if source.title else {}),
                             "publisher": organisation(original_publisher)}
    return data


def claims(items: list[tuple[model.Claim, str, list[tuple[model.Source, model.Actor, str]]]]) -> dict:
    """Claims with where they appear: (claim, its address, and for each of its
    sources: the source, its publisher, the link to the quoted span); a corrected
    claim with its corrections and the day of the newest (``dateModified``)."""
    graph = []
    for claim, address, appearances in items:
        graph.append({
            "@type": "Claim",
            "text": claim.statement,
            "url": address,
            "appearance": [{"@type": "NewsArticle", **({"headline": source.title} if source.title else {}),
                            "url": quote_url, "datePublished": source.published.value,
                            "publisher": organisation(publisher)}
                           for source, publisher, quote_url in appearances],
        } | _corrected(claim.corrections))
    return {"@context": SCHEMA_ORG, "@graph": graph}


# The newest corrections a description lists (pages show as many, and link to the
# Corrections page for the rest): a record corrected a thousand times must not
# make its pages heavier than a page may be.
CORRECTIONS_LISTED = 5


def _corrected(corrections: list[model.Correction]) -> dict:
    """``correction`` (newest first) and ``dateModified`` (the newest's day), or nothing."""
    if not corrections:
        return {}
    ordered = sorted(enumerate(corrections), key=lambda item: (item[1].date, -item[0]), reverse=True)
    ordered = ordered[:CORRECTIONS_LISTED]
    return {
        "dateModified": ordered[0][1].date,
        "correction": [{"@type": "CorrectionComment", "datePublished": c.date, "text": f"{c.change} Why: {c.reason}"}
                       for _, c in ordered],
    }


def corrected_page(corrections: list[model.Correction]) -> dict | None:
    """The page as a corrected WebPage: every correction it shows (its record's and its claims'),
    newest first, and ``dateModified``; None for a page that shows none."""
    if not corrections:
        return None
    return {"@context": SCHEMA_ORG, "@type": "WebPage", **_corrected(corrections)}


def scripts(*items: dict | None) -> Markup:
    """The script elements of the descriptions given (None: none)."""
    return Markup("\n").join(script(data) for data in items if data is not None)
