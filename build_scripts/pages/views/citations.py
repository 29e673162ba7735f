"""A claim's address, its citation, and where to report a problem with it.

**The address** is the claim's anchor on its first topic's page
(``addresses.claim_address``, ``topics/<topic>.html#claim-<id>``), or on the
part of that topic's claims that holds it when they fill more than a page
(``lists.claim_address``).

**The citation**, printed once per claim in a ``<details>`` (no script
needed): the claim, its quote from each source with the source's title,
publisher and date, the dossier's title and the claim's address (in full
when mkdocs.yml sets ``site_url``, else from the site's folder), and the day
accessed as ``[date]``, which assets/cite.js fills in with the reader's day
(the site's bytes must not depend on the day it was built). As plain text
and as BibTeX.

**Reporting.** With ``repo_url`` (a GitHub repository) in mkdocs.yml, a link
opens the issue form ``.github/ISSUE_TEMPLATE/report-error.yml`` with the
claim's id and address filled in; without it, a link to the Contributing
page's "Reporting an error", which says where to write.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from markupsafe import Markup

from build_scripts.pages.labels import format_date
from build_scripts.pages.links import html_url
from build_scripts.pages.lists import claim_address
from build_scripts.pages.site_settings import settings

ACCESSED = "[date]"  # replaced by the reader's day (assets/cite.js)
ISSUE_FORM = "report-error.yml"
REPORT_HELP = ("contributing.md", "reporting-an-error")


@dataclass(frozen=True)
class CiteView:
    address: str  # the claim's address as a citation prints it
    address_url: Markup  # the same, as a link from the page
    text: str  # the citation as plain text
    bibtex: str
    report_url: Markup  # the issue form, prefilled; or the Contributing page's section on reporting
    report_form: bool  # True: report_url opens the repository's issue form


def cite_view(v, claim_id: str, statement: str, quotes: list[tuple[str, str]], source_count: int | None = None) -> CiteView:
    """``quotes``: (source id, the quote) for the pieces of evidence the citation quotes, in order;
    ``source_count``: how many sources the claim has, when the citation quotes only some."""
    site = settings(v.content.root)
    where = claim_address(v.indexes, claim_id)
    address = (site.site_url or "") + where.in_site
    dossier = v.content.dossier.record.title if v.content.dossier else ""
    sources = []
    for source_id, quote in quotes:
        source = v.content.sources[source_id].record
        publisher = v.content.actors[source.publisher].record.name
        sources.append((source.title, publisher, format_date(source.published.value), quote))
    quoting = "; ".join(f"{t} ({p}, {d}): “{q}”" for t, p, d, q in sources)
    others = (source_count or len(sources)) - len(sources)
    if others:
        quoting += f"; and {others} other source{'s' if others != 1 else ''}"
    text = f"“{statement}” {dossier}, {address}. Quoting {quoting}. Accessed {ACCESSED}."
    bib_quoting = "; ".join(f"{_bib(t)} ({_bib(p)}, {_bib(d)}): ``{_bib(q)}''" for t, p, d, q in sources)
    if others:
        bib_quoting += f"; and {others} other source{'s' if others != 1 else ''}"
    bibtex = (f"@misc{{{claim_id},\n  title = {{{_bib(statement)}}},\n  howpublished = {{{_bib(dossier)}}},\n"
              f"  url = {{{address}}},\n  note = {{Quoting {bib_quoting}}},\n  urldate = {{{ACCESSED}}}\n}}")
    if site.repo_url and site.repo_url.startswith("https://github.com/"):
        query = urlencode({"template": ISSUE_FORM, "title": f"Claim {claim_id}: ",
                           "claim": claim_id, "page": address})
        report, form = Markup.escape(f"{site.repo_url}issues/new?{query}"), True
    else:
        report, form = html_url(v.page, *REPORT_HELP), False
    return CiteView(address, html_url(v.page, *where), text, bibtex, report, form)


_BIB_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#",
                "$": r"\$", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _bib(text: str) -> str:
    """Text as BibTeX reads it: its special characters escaped."""
    return "".join(_BIB_SPECIAL.get(ch, ch) for ch in text)
