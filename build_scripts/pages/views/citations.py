"""A claim's address, its citation, and where to report a problem with it.

**The address** is the claim's anchor on its first topic's page
(``addresses.claim_address``, ``topics/<topic>.html#claim-<id>``), or on the
part of that topic's claims that holds it when they fill more than a page
(``lists.claim_address``).

**The citation**, printed once per claim in a ``<details>`` (no script
needed): the claim, its quote from each source with the source's title,
publisher and date, the title of the claim's story (that of its first topic, whose page
holds its address; the dossier's for a topic in no story) and the claim's address (in full
when mkdocs.yml sets ``site_url``, else from the site's folder), and the day
accessed as ``[date]``, which assets/cite.js fills in with the reader's day
(the site's bytes must not depend on the day it was built). As plain text,
as BibTeX and as CSL-JSON (what Zotero, Pandoc and citeproc read), the two
for reference managers crediting the sources' publishers as the authors
(organisations, not people), dated when the first source quoted was
published, and naming the original publisher of a republished source. The
Downloads page offers every claim's citation in both forms
(``site_source/downloads.py``).

**Reporting.** With ``repo_url`` (a GitHub repository) in mkdocs.yml, a link
opens the issue form ``.github/ISSUE_TEMPLATE/report-error.yml`` with the
claim's id and address filled in; without it, a link to the Contributing
page's "Reporting an error", which says where to write.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from markupsafe import Markup

from build_scripts.pages.dependencies import remember
from build_scripts.pages.labels import format_date
from build_scripts.pages.links import html_url
from build_scripts.pages.lists import claim_address

ACCESSED = "[date]"  # replaced by the reader's day (assets/cite.js)
ISSUE_FORM = "report-error.yml"
REPORT_HELP = ("contributing.md", "reporting-an-error")


@dataclass(frozen=True)
class CiteView:
    address: str  # the claim's address as a citation prints it
    address_url: Markup  # the same, as a link from the page
    text: str  # the citation as plain text
    bibtex: str
    csl_json: str  # the citation as CSL-JSON: a list of one item, indented
    report_url: Markup  # the issue form, prefilled; or the Contributing page's section on reporting
    report_form: bool  # True: report_url opens the repository's issue form


@dataclass(frozen=True)
class QuotedSource:
    """A source as a claim's citation names it, with the words it quotes."""

    title: str
    publisher: str  # the publisher's name
    original_publisher: str | None  # who first published it, when the source is republished
    published: str  # as precise as known: YYYY, YYYY-MM or YYYY-MM-DD
    quote: str

    @property
    def credit(self) -> str:
        """Publisher and date, as a reader names the source: "Mehr News Agency, from Newsweek, 5 October 2018"."""
        origin = f", from {self.original_publisher}" if self.original_publisher else ""
        return f"{self.publisher}{origin}, {format_date(self.published)}"


@dataclass(frozen=True)
class Citation:
    """A claim's citation in every form, the same in its cite box and in the Downloads' files."""

    address: str  # the claim's address: in full with site_url, else from the site's folder
    text: str
    bibtex: str
    csl: dict  # one CSL-JSON item


def evidence_quote(checked, claim_id: str, source_id: str) -> str:
    """The words of ``source_id`` that a claim quotes, on one line."""
    span = checked.evidence_spans[claim_id][source_id]
    return re.sub(r"\s*\n\s*", " ", checked.texts[source_id].text[span.start : span.end])


def claim_citation(indexes, claim_id: str, shown: int, accessed: str | None = ACCESSED) -> Citation:
    """The citation of a claim, quoting its first ``shown`` sources (and counting the others);
    ``accessed``: the day read, or None for a file read on another day (the Downloads').
    Made once per claim: a claim's cite box shows on every page that shows the claim."""
    return remember(indexes.citations, (claim_id, shown, accessed),
                    lambda: _claim_citation(indexes, claim_id, shown, accessed))


def _claim_citation(indexes, claim_id: str, shown: int, accessed: str | None) -> Citation:
    checked = indexes.checked
    content = checked.content
    record = content.claims[claim_id].record
    address = (indexes.site_settings.site_url or "") + claim_address(indexes, claim_id).in_site
    # The claim's own story (that of its first topic, the page its address is on), never another's.
    dossier = indexes.story_title(indexes.stories.of_claim(content, claim_id))
    sources = []
    for evidence in record.evidence[:shown]:
        source = content.sources[evidence.source].record
        original = content.actors[source.original_publisher].record.name if source.original_publisher else None
        sources.append(QuotedSource(source.title or "Untitled text", content.actors[source.publisher].record.name, original,
                                    source.published.value, evidence_quote(checked, claim_id, evidence.source)))
    others = len(record.evidence) - len(sources)
    return Citation(address, _text(record.statement, dossier, address, sources, others),
                    _bibtex(claim_id, record.statement, dossier, address, sources, others, accessed),
                    _csl(claim_id, record.statement, dossier, address, sources, others))


def cite_view(v, claim_id: str, shown: int) -> CiteView:
    """The cite box of a claim on the page ``v``, quoting its first ``shown`` sources."""
    where = claim_address(v.indexes, claim_id)
    citation, csl_json, github_report = _page_free_parts(v.indexes, claim_id, shown)
    if github_report is not None:
        report, form = github_report, True
    else:
        report, form = html_url(v.page, *REPORT_HELP), False
    return CiteView(citation.address, html_url(v.page, *where), citation.text, citation.bibtex,
                    csl_json, report, form)


def _page_free_parts(indexes, claim_id: str, shown: int) -> tuple[Citation, str, Markup | None]:
    """What a claim's cite box shows the same on every page: its citation, as CSL-JSON too, and
    the issue form's address (None without a GitHub repository); made once per claim."""
    def make() -> tuple[Citation, str, Markup | None]:
        citation = claim_citation(indexes, claim_id, shown)
        repo_url = indexes.site_settings.repo_url
        report = None
        if repo_url and repo_url.startswith("https://github.com/"):
            query = urlencode({"template": ISSUE_FORM, "title": f"Claim {claim_id}: ",
                               "claim": claim_id, "page": citation.address})
            report = Markup.escape(f"{repo_url}issues/new?{query}")
        return citation, csl_json_text([citation.csl]), report
    return remember(indexes.cite_boxes, (claim_id, shown), make)


def _and_others(others: int) -> str:
    return f"; and {others} other source{'s' if others != 1 else ''}" if others else ""


def _text(statement: str, dossier: str, address: str, sources: list[QuotedSource], others: int) -> str:
    quoting = "; ".join(f"{s.title} ({s.credit}): “{s.quote}”" for s in sources) + _and_others(others)
    return f"“{statement}” {dossier}, {address}. Quoting {quoting}. Accessed {ACCESSED}."


def _publishers(sources: list[QuotedSource]) -> list[str]:
    """The authors of a claim's citation: the publishers of the sources it quotes, each once, in order."""
    return list(dict.fromkeys(s.publisher for s in sources))


def _first_published(sources: list[QuotedSource]) -> list[int]:
    """The earliest publication date of the sources quoted, as [year, month, day] as far as known."""
    earliest = min((s.published for s in sources), default="")
    return [int(part) for part in earliest.split("-")] if earliest else []


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _bibtex(claim_id: str, statement: str, dossier: str, address: str, sources: list[QuotedSource],
            others: int, accessed: str | None) -> str:
    """A BibTeX @misc entry. Each publisher is an organisation, braced twice so that BibTeX does
    not split it into first and last names; the title is braced twice so that a style does not
    lower-case its names; the month is BibTeX's own macro (``oct``)."""
    fields = [("author", " and ".join(f"{{{_bib(p)}}}" for p in _publishers(sources))),
              ("title", f"{{{_bib(statement)}}}")]
    date = _first_published(sources)
    if date:
        fields.append(("year", str(date[0])))
    if len(date) > 1:
        fields.append(("month", _MONTHS[date[1] - 1]))
    quoting = "; ".join(f"{_bib(s.title)} ({_bib(s.credit)}): ``{_bib(s.quote)}''" for s in sources)
    fields += [("howpublished", _bib(dossier)), ("url", address),
               ("note", f"Quoting {quoting}{_and_others(others)}"), ("urldate", accessed)]
    lines = [f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}" for name, value in fields if value]
    return f"@misc{{{claim_id},\n" + ",\n".join(lines) + "\n}"


def _csl(claim_id: str, statement: str, dossier: str, address: str, sources: list[QuotedSource],
         others: int) -> dict:
    """A CSL-JSON item (what Zotero, Pandoc and citeproc read): the claim as a page of the dossier,
    by the publishers of its sources, issued when the first of them published it. The address
    is given only when it is one (mkdocs.yml's site_url set), never a path inside the site."""
    item: dict = {"id": claim_id, "type": "webpage", "title": statement}
    if dossier:
        item["container-title"] = dossier
    item["author"] = [{"literal": p} for p in _publishers(sources)]
    item["publisher"] = "; ".join(_publishers(sources))
    originals = list(dict.fromkeys(s.original_publisher for s in sources if s.original_publisher))
    if originals:
        item["original-publisher"] = "; ".join(originals)
    date = _first_published(sources)
    if date:
        item["issued"] = {"date-parts": [date]}
    if address.startswith(("https://", "http://")):
        item["URL"] = address
    quoting = "; ".join(f"{s.title} ({s.credit}): “{s.quote}”" for s in sources)
    item["note"] = f"Quoting {quoting}{_and_others(others)}"
    return item


def csl_json_text(items: list[dict]) -> str:
    """CSL-JSON to read as well as paste: a list of items, a field a line, characters as they are."""
    def item_text(item: dict) -> str:
        fields = ",\n".join(f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in item.items())
        return "  {\n" + fields + "\n  }"
    return "[\n" + ",\n".join(item_text(item) for item in items) + "\n]"


# BibTeX counts braces even after a backslash: an escaped brace (\{) would still open
# a group, and one brace alone in a statement would break the entry. Braces are
# written as commands, whose own braces always pair.
_BIB_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "%": r"\%",
                "&": r"\&", "#": r"\#", "$": r"\$", "_": r"\_", "~": r"\textasciitilde{}",
                "^": r"\textasciicircum{}"}


def _bib(text: str) -> str:
    """Text as BibTeX reads it: its special characters escaped."""
    return "".join(_BIB_SPECIAL.get(ch, ch) for ch in text)
