"""The words the site uses for the model's values, and dates as a reader reads them."""

from __future__ import annotations

# Actor kind -> (one, many), in the order the actors index shows them.
ACTOR_KIND_LABELS = {
    "country": ("Country", "Countries"),
    "government": ("Government", "Governments and administrations"),
    "government-body": ("Government body", "Government bodies"),
    "military-body": ("Military body", "Military bodies"),
    "international-body": ("International body", "International bodies"),
    "court": ("Court", "Courts"),
    "person": ("Person", "People"),
    "organisation": ("Organisation", "Organisations"),
    "company": ("Company", "Companies"),
    "media": ("News medium", "News media"),
    "armed-group": ("Armed group", "Armed groups"),
    "unnamed-sources": ("Unnamed sources", "Unnamed sources"),
}
CERTAINTY_LABELS = {
    "stated": "stated by the source",
    "attributed": "attributed",
    "reported": "reported",
    "alleged": "alleged",
}
# What two claims disagree on -> how the site says it ("another claim gives a different date").
CONFLICT_LABELS = {
    "date": "a different date",
    "figure": "a different figure",
    "account": "a different account",
}
BASIS_LABELS = {
    "stated": "date given in the text",
    "relative": "date worked out from the text",
    "external": "date from outside the text",
    "inferred": "date inferred",
}
# A source's own publication date: "stated" there means the publisher gives it (in the
# publication's dateline or metadata, or as the contributor copied it from there), which
# the text itself may not print.
PUBLICATION_BASIS_LABELS = BASIS_LABELS | {"stated": "date given by the publisher"}
RELATION_LABELS = {
    "buys-from": "buys from",
    "supplies": "supplies",
    "sanctions": "sanctions",
    "opposes": "opposes",
    "supports": "supports",
    "cooperates-with": "cooperates with",
    "part-of": "is part of",
    "leads": "leads",
    "reports-on": "reports on",
    "negotiates-with": "negotiates with",
    "accuses": "accuses",
    "party-to": "is a party to",
}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def format_date(value: str, short: bool = False) -> str:
    """``2018-10-05`` as "5 October 2018" (``short``: "5 Oct 2018", where a source is named inline)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = MONTHS[parts[1] - 1]
    if short and len(month) > 4:
        month = month[:3]  # "May", "June" and "July" stay whole
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{parts[2]} {month} {parts[0]}"


def format_number(value: float | int | None, unit: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if unit == "year":  # 2016, not 2,016
        return str(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,}".rstrip("0")
