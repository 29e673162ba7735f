"""No text a stranger writes into the content can add markup to the site.

A property-based test: Hypothesis writes strings full of HTML, Markdown and
Jinja syntax, attribute breakers, look-alike characters, bidi controls and
NUL into every text field of a set of records of every kind (and into the
text of a new source), builds the real site from a copy of the project, and
compares it with a build of the same records holding plain text. Each page
of the hostile site may hold only the elements, attributes, scripts and
addresses the plain one holds, plus what a Prose field may render (<em>,
<strong>, links to http(s) and to the site's own pages, glossary <abbr>), and
every one-line value shows up as its own characters.

Text the model refuses (bidi controls, NUL, line breaks in one-line fields…)
must instead stop the build with a `path:line:col` error.

`make test` runs a few examples with a fixed seed; a longer run:

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_hostile_input.py
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import os
import posixpath
import re
import tempfile
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, get_args, get_origin
from urllib.parse import unquote, urlsplit

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup, Comment, XMLParsedAsHTMLWarning
from hypothesis import HealthCheck, Phase, assume, event, example, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from pydantic import AfterValidator

from build_scripts.content import model
from build_scripts.content.prose import (
    escape_text,
    prose_links,
    prose_plain,
    render_prose,
    safe_external_url,
)
from build_scripts.content.schema import expected_header
from build_scripts.pages.render import front_matter
from build_scripts.tools.linkcheck import check_site

from .helpers import PROJECT_ROOT, article, build_site, copy_project, whole_search_index

# Each example is one full build (a few seconds): few examples, the same ones
# every run, and no shrinking (each shrinking step would be another build);
# a failure prints the example's texts and what its site holds that it should not.
_COMMON = dict(deadline=None, database=None, phases=[Phase.explicit, Phase.generate],
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILES = {
    "default": settings(max_examples=3, derandomize=True, **_COMMON),
    "long": settings(max_examples=60, derandomize=False, print_blob=True, **_COMMON),
}
PROFILE = PROFILES[os.environ.get("HYPOTHESIS_PROFILE", "default")]
# Without a build, one value at a time through the site's Markdown: many examples.
MARKDOWN_PROFILE = settings(max_examples=2000 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 200,
                            derandomize=os.environ.get("HYPOTHESIS_PROFILE") != "long", deadline=None, database=None)

# -- the records, and which of their fields are text -----------------------

ID = "zz-hostile"  # every record the test adds has this id (file names sort last)
CLAIM_ID = "zz-hostile-claim"
# field -> what it holds: "line" (one line), "prose" (Markdown subset), "seed"
# (a source text), "term" (a glossary term, limited by its own pattern)
FIELDS = {
    "dossier.title": "line", "dossier.description": "line", "dossier.about": "prose",
    "story.title": "line", "story.lede": "prose",
    "actor.name": "line", "actor.alias": "line", "actor.other_alias": "line", "actor.role": "line",
    "actor.summary": "prose", "actor.part_in_story": "line",
    "topic.title": "line", "topic.summary": "prose",
    "source.title": "line", "source.attribution": "line", "source.licence": "line",
    "source.said_as": "line", "source.explanation": "line", "source.text": "seed", "source.byline": "line",
    "source.note": "prose",
    "claim.statement": "line", "claim.hedge": "line", "claim.unnamed": "line", "claim.date_said_as": "line",
    "claim.date_explanation": "line", "claim.unit": "line", "claim.measures": "line", "claim.occasion": "line",
    "claim.note": "prose", "claim.doubt": "line", "claim.conflict_note": "line", "claim.correction_change": "line",
    "claim.correction_reason": "line", "actor.correction_change": "line", "actor.correction_reason": "line",
    "relation.note": "line",
    "glossary.term": "term", "glossary.expansion": "line", "glossary.definition": "prose", "glossary.alias": "line",
    "context.statement": "line", "context.title": "line", "context.issuer": "line", "context.identifier": "line",
}
# The model's text fields (model.py: Line, Prose, Quote) that the records above
# fill; the quote, the figure and the quotation copy the hostile source text.
MODEL_TEXT_FIELDS = {
    "Dossier.title", "Dossier.description", "Dossier.about", "Story.title", "Story.lede",
    "Actor.name", "Actor.aliases", "Actor.summary", "Actor.part_in_story", "Role.title", "Topic.title", "Topic.summary",
    "Source.title", "Source.attribution", "Source.byline", "Source.note", "Licence.name", "DateRef.said_as", "DateRef.explanation",
    "Claim.statement", "Evidence.quote", "Evidence.hedge", "Claim.hedge", "Claim.note", "Claim.doubt", "Attribution.unnamed",
    "Figure.said_as", "Figure.unit", "Figure.measures", "Quotation.text", "Quotation.occasion",
    "Disagreement.note", "Correction.change", "Correction.reason",
    "Relation.note", "GlossaryTerm.expansion", "GlossaryTerm.definition", "GlossaryTerm.aliases",
    "Citation.title", "Citation.issuer", "Citation.identifier", "ContextEntry.statement",
}
# Where a one-line value must show up as its own characters (page, field).
SHOWN_ON = [
    ("index.html", "dossier.title"), ("actors/zz-hostile.html", "actor.name"),
    ("topics/zz-hostile.html", "topic.title"), ("sources/zz-hostile.html", "source.title"),
    ("sources/zz-hostile.html", "source.byline"),
    ("topics/zz-hostile.html", "claim.statement"), ("topics/s400-deal.html", "claim.conflict_note"),
    ("corrections.html", "claim.correction_change"), ("actors/zz-hostile.html", "actor.correction_reason"),
    ("index.html", "claim.doubt"), ("index.html", "story.title"), ("stories/zz-hostile.html", "story.title"),
]


def plain_texts() -> dict[str, str]:
    texts = {key: "Plain " + key.replace(".", " ").replace("_", " ") for key in FIELDS}
    texts["glossary.term"] = "Plain term"
    # The alias stands in the source text, as the reader links aliases there.
    texts["source.text"] = "Plain source text that names Plain actor alias once."
    return texts


def one_sentence(line: str) -> str:
    """A one-line text made one sentence, as model.Sentence asks (its markup and refused characters kept)."""
    return re.sub(r"[.!?]", ",", line)[:290].strip() + "."


def write_records(root: Path, texts: dict[str, str]) -> None:
    """Write every record of the test into the project at ``root``."""
    t = texts
    seed = t["source.text"]
    quote = " ".join(seed.split())  # the whole text: every sentence is quoted
    (root / "seeds" / f"{ID}.txt").write_text(seed, encoding="utf-8")
    write(root, f"content/actors/{ID}.yaml", {
        "name": t["actor.name"], "kind": "organisation", "aliases": [t["actor.alias"], t["actor.other_alias"]],
        "roles": [{"title": t["actor.role"], "from": "2018-10"}], "affiliation": ["india"],
        "summary": t["actor.summary"], "part_in_story": one_sentence(t["actor.part_in_story"]),
        "corrections": [{"date": "2018-10-06", "change": t["actor.correction_change"],
                         "reason": t["actor.correction_reason"]}],
    })
    write(root, f"content/topics/{ID}.yaml", {"title": t["topic.title"], "summary": t["topic.summary"],
                                               "related": ["s400-deal"]})
    write(root, f"content/sources/{ID}.yaml", {
        "title": t["source.title"], "publisher": ID, "original_publisher": "india",
        "published": {"value": "2018-10-05", "basis": "inferred", "said_as": t["source.said_as"],
                      "explanation": t["source.explanation"]},
        "language": "en", "licence": {"name": t["source.licence"], "url": "https://example.org/licence(1)?a=b&c=%3C"},
        "attribution": t["source.attribution"], "text": f"seeds/{ID}.txt", "byline": t["source.byline"],
        "note": t["source.note"], "url": "https://example.org/source(1)?a=b&c=%3C",
        "sha256": hashlib.sha256(seed.encode("utf-8")).hexdigest(), "added": "2018-10-05",
    })
    write(root, f"content/claims/{ID}.yaml", {"claims": [{
        "id": CLAIM_ID, "statement": t["claim.statement"],
        "evidence": [{"source": ID, "quote": quote, "hedge": t["claim.hedge"]}],
        "actors": [ID, "india"], "topics": [ID],
        "attribution": {"by": [ID], "unnamed": t["claim.unnamed"], "via": ["india"]},
        "certainty": "reported", "hedge": t["claim.hedge"], "added": "2018-10-06",
        "date": {"value": "2018-10-05", "basis": "inferred", "said_as": t["claim.date_said_as"],
                 "explanation": t["claim.date_explanation"]},
        "figures": [{"said_as": quote, "value": 1.5, "unit": t["claim.unit"], "measures": t["claim.measures"]}],
        "quotation": {"text": quote, "speakers": [ID], "occasion": t["claim.occasion"]},
        "note": t["claim.note"], "doubt": t["claim.doubt"],
        # a test mark against a real claim: shown on both claims' pages, the real one's too
        "contradicts": [{"claim": "s400-deal-concluded", "about": "account", "note": t["claim.conflict_note"]}],
        "corrections": [{"date": "2018-10-07", "change": t["claim.correction_change"],
                         "reason": t["claim.correction_reason"]}],
    }]})
    append(root, "content/relations.yaml", "relations", {
        "from": ID, "type": "supports", "to": "india", "claims": [CLAIM_ID], "note": t["relation.note"]})
    append(root, "content/glossary.yaml", "terms", {
        "id": ID, "term": t["glossary.term"], "expansion": t["glossary.expansion"],
        "definition": t["glossary.definition"], "aliases": [t["glossary.alias"]]})
    append(root, "content/context.yaml", "context", {
        "id": ID, "statement": t["context.statement"],
        "citation": {"title": t["context.title"], "issuer": t["context.issuer"], "date": "2018-10",
                     "identifier": t["context.identifier"]},
        "date": "2018-10-01", "actors": [ID], "topics": [ID]})
    # A second story: the home page then leads with the stories, and each has its page.
    write(root, f"content/stories/{ID}.yaml", {"title": t["story.title"], "lede": t["story.lede"],
                                                "topics": [ID], "sources": [ID]})
    dossier = root / "content" / "dossier.yaml"
    data = yaml.safe_load(dossier.read_text(encoding="utf-8"))
    data.update(title=t["dossier.title"], description=t["dossier.description"], about=t["dossier.about"])
    write(root, "content/dossier.yaml", data)


def write(root: Path, relative: str, data: dict) -> None:
    path = root / relative
    header = expected_header(root, path) if path.parent.is_dir() else None
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)
    path.write_text((header + "\n" if header else "") + text, encoding="utf-8")


def append(root: Path, relative: str, key: str, item: dict) -> None:
    path = root / relative
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {key: []}
    data[key].append(item)
    write(root, relative, data)


# -- hostile text ------------------------------------------------------------

MARKUP = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "' onmouseover='alert(1)",
    '" onmouseover="alert(1)" x="', "</title><script>alert(1)</script>", "</textarea></script></style>",
    "<!--", "-->", "<![CDATA[x]]>", "<iframe src=//evil.example>", "<a href=//evil.example>x</a>",
    "<base href=//evil.example/>", "<meta http-equiv=refresh content=0;url=//evil.example>",
    "<style>*{display:none}</style>", '<div markdown="1">*x*</div>', "</div>", "</p>", "<br>",
    "&amp;", "&lt;b&gt;", "&#60;script&#62;", "&#x3C;", "&", "%3Cscript%3E", "\\u003c", "\\",
    "`code`", "```", "~~~", "**", "__x__", "[x](javascript:alert(1))", "[x]: javascript:alert(1)",
    "![x](https://evil.example/x.png)", "<https://evil.example>", "https://evil.example/?a=1&b=2",
    "javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)",
    "{{ 7*7 }}", "{% raw %}", "{% endraw %}", "{# x #}", "${7*7}", "{: .x onclick=alert(1) }", "{: #id }",
    "*[HTML]: Hyper Text", "[^1]", "[^1]: note", "# heading", "- item", "1. item", "+ item", "> quote",
    "---", "===", "| a | b |", ":::", "!!! note", "    indented", "~~strike~~", "==mark==", "^^ins^^",
    "url(javascript:alert(1))", "expression(alert(1))", "@import 'x';",
]
LOOKALIKES = ["＜", "＞", "‹", "›", "＂", "＇", "［", "］", "（", "）", "｛", "｝", "ʺ", "˂", "˃", "ᐸ", "ᐳ", "ꞌ",
              "’", "“", "”", "—", "…", "é", "日本", "😀", "\u200d", "\u200c", "\u00a0", "İ", "ﬁ"]
# Link targets a Prose field may use; anything else in [text](target) form is refused.
PROSE_MARKUP = ["*em*", "**strong**", "[the site](https://example.org/a_b?c=d&e=f#g)", "[India](actor:india)",
                "[the deal](topic:s400-deal)", "[a claim](claim:zz-hostile-claim)", "[the text](source:zz-hostile)",
                "[a term](glossary:zz-hostile)", "[http](http://example.org:8080/x)"]
# Characters the model refuses in every text field (and "\n" in one-line ones).
REFUSED = ["\u202e", "\u2066", "\u200f", "\x00", "\x07", "\x1b", "\u2028", "\u200b", "\ufeff", "\x85"]

_char = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Cf", "Zl", "Zp"))
_piece = st.one_of(
    st.sampled_from(MARKUP), st.sampled_from(MARKUP), st.sampled_from(LOOKALIKES),
    st.text(alphabet=_char, min_size=1, max_size=6),
    st.text(alphabet="<>&\"'`[](){}#*_\\|~^!:=/-.;% ", min_size=1, max_size=8),
)
_separator = st.sampled_from(["", " ", " ", ": ", "\u00a0"])


@st.composite
def one_line(draw, pieces=_piece) -> str:
    parts = draw(st.lists(st.tuples(pieces, _separator), min_size=1, max_size=6))
    text = "".join(p + s for p, s in parts).strip()[:300]
    return text if text.strip() else "x" + text


@st.composite
def prose(draw) -> str:
    pieces = st.one_of(_piece.filter(lambda p: "](" not in p and "]: " not in p), st.sampled_from(PROSE_MARKUP))
    paragraphs = draw(st.lists(one_line(pieces), min_size=1, max_size=3))
    return "\n\n".join(paragraphs)


_term = st.one_of(st.sampled_from(["A&B", "S-400", "2+2", "U.S.", "Plain term", "A+B"]),
                  st.from_regex(r"[A-Za-z0-9](?:[A-Za-z0-9 .&+-]{0,10}[A-Za-z0-9.])?", fullmatch=True))


@st.composite
def hostile_texts(draw) -> dict[str, str]:
    texts = {}
    for key, kind in FIELDS.items():
        if kind == "term":
            texts[key] = draw(_term)
        elif kind == "prose":
            texts[key] = draw(prose())
        elif kind == "seed":
            texts[key] = draw(prose()).replace("\n\n", "\n", draw(st.integers(0, 1)))[:500]
        else:
            texts[key] = draw(one_line())
    # One example in four also puts a character the model refuses into one field.
    if draw(st.integers(0, 3)) == 0:
        key = draw(st.sampled_from(sorted(k for k, kind in FIELDS.items() if kind in ("line", "prose"))))
        char = draw(st.sampled_from(REFUSED + (["\n"] if FIELDS[key] == "line" else [])))
        text = texts[key]
        at = draw(st.integers(1, max(1, len(text) - 1)))
        texts[key] = text[:at] + char + text[at:]
    return texts


def every_snippet() -> dict[str, str]:
    """Every snippet above, shared out among the fields: the first example of every run."""
    keys = [k for k, kind in FIELDS.items() if kind in ("line", "prose")]
    texts = {key: " ".join(MARKUP[i::len(keys)] + LOOKALIKES[i::len(keys)]) or "x" for i, key in enumerate(keys)}
    for i, key in enumerate(k for k in keys if FIELDS[k] == "prose"):
        texts[key] = texts[key].replace("](", "] (").replace("]: ", "] : ") + "\n\n" + " ".join(PROSE_MARKUP[i::3])
    texts["glossary.term"] = "A&B"
    # Markdown that means something at the start of a line, inside a source text.
    texts["source.text"] = ("# heading\n- item\n1. item\n+ item\n> quote\n    indented code\n---\n===\n"
                            "| a | b |\n<div>\n*[A&B]: abbreviation\n[x]: javascript:alert(1)\n: definition\n"
                            "<script>alert(1)</script>\n\n</div> end")
    return texts


# -- what a built site holds -------------------------------------------------

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "xlink:href", "srcset")
# wbr: a break point the table extension writes into a long word of a table cell
# (renderers/markdown_tables.py), wherever text is long, hostile or not.
ANY_PROSE_PAGE = {("em", ()), ("strong", ()), ("a", ("href",)), ("abbr", ("title",)), ("p", ()), ("wbr", ())}


@dataclass
class PageShape:
    """What a page is made of, text aside."""

    elements: set = field(default_factory=set)  # (tag, attribute names); script and style texts
    urls: set = field(default_factory=set)
    ids: set = field(default_factory=set)
    problems: list = field(default_factory=list)


@functools.lru_cache(maxsize=2048)  # about two sites: the offline copy repeats most pages of the site byte for byte
def page_shape(html: str) -> PageShape:
    """What ``html`` is made of (shared between equal texts: read it, never change it)."""
    shape = PageShape()
    with warnings.catch_warnings():
        # The full-size network pictures are SVG files: read by the same parser
        # as the pages, so that what they hold is compared the same way.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        shape.elements.add((element.name, tuple(sorted(element.attrs))))
        if element.get("id"):
            shape.ids.add(element["id"])
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                shape.problems.append(f"event handler attribute {name}={value!r}")
            if name in URL_ATTRIBUTES:  # (a title or a meta description may say "javascript:" as text)
                if re.match(r"\s*(javascript|vbscript|data:text/html)", str(value), re.I):
                    shape.problems.append(f"script address in {element.name}[{name}]={value!r}")
                shape.urls.add(str(value))
        if element.name == "script":
            if element.get("type") == "application/ld+json":
                try:
                    json.loads(element.string or "")
                except json.JSONDecodeError as error:
                    shape.problems.append(f"JSON-LD that is not JSON ({error})")
            else:
                shape.elements.add(("script text", element.get("src"), element.string))
        if element.name == "style":
            shape.elements.add(("style text", element.string))
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        shape.elements.add(("comment", str(comment)))
    return shape


def site_shapes(site: Path) -> dict[str, PageShape]:
    shapes = {p.relative_to(site).as_posix(): page_shape(p.read_text(encoding="utf-8"))
              for p in sorted(site.rglob("*")) if p.suffix in (".html", ".svg")}
    index = site / "search" / "search_index.js"
    if index.is_file():  # the search dialog shows these fragments as HTML (from disk; served pages, Pagefind's)
        search = PageShape()
        for doc in whole_search_index(site)["docs"]:
            for part in (doc["title"], doc["text"]):
                shape = page_shape(part)
                search.elements |= shape.elements
                search.problems += shape.problems
        shapes["search/search_index.js"] = search
    return shapes


def prose_addresses(texts: dict[str, str]) -> set[str]:
    """The http(s) addresses that the Prose fields link to, as a page writes them."""
    return {str(safe_external_url(link.target)).strip("<>")
            for key, kind in FIELDS.items() if kind == "prose"
            for link in prose_links(texts[key]) if link.internal is None and link.is_allowed}


def unexpected(site: Path, page: str, hostile: PageShape, plain: PageShape, texts: dict[str, str]) -> list[str]:
    """What the hostile page holds that the plain one does not and no Prose field can make."""
    found = list(hostile.problems)
    for extra in sorted(hostile.elements - plain.elements - ANY_PROSE_PAGE, key=repr):
        found.append(f"element not in the plain build: {extra!r}")
    external = prose_addresses(texts)
    for url in sorted(hostile.urls - plain.urls):
        parts = urlsplit(url)
        if parts.scheme in ("http", "https"):
            if url not in external:
                found.append(f"address no Prose field links to: {url!r}")
            continue
        if parts.scheme or url.startswith("//"):
            found.append(f"address off the site: {url!r}")
            continue
        # A link within the site that the plain build has not: a heading's id
        # follows its text, a Prose field links to a record, a page lists the
        # glossary terms its text uses. Fine if it leads to a page of the
        # site (the link check below finds targets that do not exist).
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))) if parts.path else page
        if target.startswith("../") or not (site / target).is_file():
            found.append(f"link to no page of the site: {url!r}")
    return [f"{page}: {item}" for item in found]


def compare_sites(hostile: Path, plain: dict[str, PageShape], texts: dict[str, str]) -> list[str]:
    shapes = site_shapes(hostile)
    found = [f"{page}: missing from the hostile site" for page in sorted(set(plain) - set(shapes))]
    found += [f"{page}: not in the plain site" for page in sorted(set(shapes) - set(plain))]
    for page in sorted(set(shapes) & set(plain)):
        found += unexpected(hostile, page, shapes[page], plain[page], texts)
    return found


def normalised(text: str) -> str:
    return " ".join(text.split())


class PlainBuild:
    """The shapes of the plain build's pages, online and in the offline copy."""

    def __init__(self, online: dict[str, PageShape], offline: dict[str, PageShape]):
        self.online = online
        self.offline = offline

    def __repr__(self) -> str:  # Hypothesis prints the arguments of a failing example
        return f"PlainBuild({len(self.online)} online pages, {len(self.offline)} offline pages)"


def build_with(root: Path, texts: dict[str, str]):
    write_records(root, texts)
    return build_site(root, root / "site")


def unzip_offline(site: Path, folder: Path) -> Path:
    with zipfile.ZipFile(site / "downloads" / "dossier-offline.zip") as archive:
        archive.extractall(folder)
    (offline,) = [p for p in folder.iterdir() if p.is_dir()]
    return offline


@pytest.fixture(scope="module")
def plain_build(tmp_path_factory) -> PlainBuild:
    root = copy_project(tmp_path_factory.mktemp("plain") / "project")
    result = build_with(root, plain_texts())
    assert result.returncode == 0, result.stderr
    offline = unzip_offline(root / "site", tmp_path_factory.mktemp("plain-offline"))
    return PlainBuild(site_shapes(root / "site"), site_shapes(offline))


def _is_text(annotation, metadata=()) -> bool:
    """Whether a field holds free text: a Line, Prose or Quote somewhere in its type."""
    if any(isinstance(m, AfterValidator) and m.func in (model._line, model._prose) for m in metadata):
        return True
    if get_origin(annotation) is Annotated:
        base, *inner = get_args(annotation)
        return _is_text(base, inner)
    return any(_is_text(argument) for argument in get_args(annotation))


def test_the_records_fill_every_text_field_of_the_model():
    # A new text field in model.py must be added to the records above.
    text_fields = {
        f"{kind.__name__}.{name}"
        for kind in vars(model).values() if isinstance(kind, type) and issubclass(kind, model.Record)
        for name, info in kind.model_fields.items() if _is_text(info.annotation, info.metadata)
    }
    assert text_fields == MODEL_TEXT_FIELDS


@pytest.mark.slow  # plain_build builds the site
def test_the_plain_build_has_a_page_for_each_test_record(plain_build):
    # The comparison below means something only if the plain build shows the
    # test records, and holds nothing it would itself flag.
    assert {"actors/zz-hostile.html", "topics/zz-hostile.html", "sources/zz-hostile.html",
            "stories/zz-hostile.html"} <= set(plain_build.online)
    assert not [p for shape in plain_build.online.values() for p in shape.problems]


@pytest.mark.slow  # plain_build builds the site
@PROFILE
@given(texts=hostile_texts())
@example(texts=every_snippet())
def test_no_text_field_can_add_markup_to_the_site(plain_build, texts):
    with tempfile.TemporaryDirectory() as folder:
        root = copy_project(Path(folder) / "project")
        result = build_with(root, texts)
        event("refused by the checks" if result.returncode else "built")  # --hypothesis-show-statistics
        if result.returncode != 0:
            # Refused: it must say where and why, as any content error does.
            assert result.returncode == 1, result.stderr
            assert "Traceback" not in result.stderr, result.stderr
            assert re.search(r"^content/\S+\.yaml:\d+:\d+: ", result.stderr, re.MULTILINE), result.stderr
            return
        site = root / "site"
        offline = unzip_offline(site, Path(folder) / "offline")
        found = compare_sites(site, plain_build.online, texts)
        found += [f"offline copy: {f}" for f in compare_sites(offline, plain_build.offline, texts)]
        found += [f"broken link: {b}" for b in check_site(site).broken]
        found += [f"offline copy: broken link: {b}" for b in check_site(offline, file_urls=True).broken]
        for page, key in SHOWN_ON:
            shown = normalised(article(site / page).get_text())
            if normalised(texts[key]) not in shown:
                found.append(f"{page}: {key} is not shown as its own characters: {texts[key]!r}")
        assert not found, "\n".join(found[:40] + [f"... and {len(found) - 40} more"] * (len(found) > 40))


# -- the same, one value at a time, through Python-Markdown alone ------------

def site_markdown_extensions() -> list:
    """The Markdown extensions mkdocs.yml enables, with their options."""
    config = yaml.safe_load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, options = [], {}
    for entry in config.get("markdown_extensions", []):
        name, settings_ = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if settings_:
            options[name] = settings_
    return [names, options]


EXTENSIONS, EXTENSION_OPTIONS = site_markdown_extensions()


def to_html(markdown_text: str) -> BeautifulSoup:
    html = markdown.markdown(markdown_text, extensions=EXTENSIONS, extension_configs=EXTENSION_OPTIONS)
    return BeautifulSoup(html, "html.parser")


@MARKDOWN_PROFILE
@given(text=one_line())
def test_a_one_line_value_renders_as_exactly_its_characters(text):
    html = to_html(str(escape_text(text)))
    assert [element.name for element in html.find_all(True)] == ["p"], str(html)
    assert html.get_text() == text


@MARKDOWN_PROFILE
@given(text=prose())
@example(text="<script>alert(1)</script>![the site](https://example.org/a_b?c=d&e=f#g)")  # was an <img>
def test_prose_renders_only_its_small_subset(text):
    assume(all(link.is_allowed for link in prose_links(text)))  # the checks refuse the others
    html = to_html(str(render_prose(text, lambda scheme, record: f"{scheme}s/{record}.html")))
    for element in html.find_all(True):
        assert element.name in ("p", "em", "strong", "a"), str(html)
        assert set(element.attrs) <= ({"href"} if element.name == "a" else set()), str(html)
        if element.name == "a":
            href = element["href"]
            assert re.match(r"(https?://[A-Za-z0-9.-]+(:\d+)?([/?#]|$)|[a-z]+s/[a-z0-9-]+\.html$)", href), href
    assert " ".join(html.get_text().split()) == " ".join(prose_plain(text).split())


@MARKDOWN_PROFILE
@given(title=one_line(), description=st.text(max_size=200), tags=st.lists(st.text(max_size=40), max_size=4),
       boost=st.one_of(st.none(), st.integers(0, 10), st.floats(0, 10)))
@example(title="\x85 \u2028 \u2029 \x7f \t", description="\x00 \\ \" ' : # - ---", tags=["\ud800"], boost=None)
def test_front_matter_reads_back_as_the_escaped_values(title, description, tags, boost):
    # The front matter is written by hand (pages._yaml_string) for speed: MkDocs
    # must read back exactly the escaped values, whatever the characters.
    meta = yaml.safe_load(front_matter(title, description, search_boost=boost, tags=tags).split("---\n")[1])
    assert meta["title"] == str(escape(title)) and meta["description"] == str(escape(description))
    assert meta.get("tags", []) == [html.escape(tag, quote=False) for tag in dict.fromkeys(tags)]
    assert meta.get("search") == (None if boost is None else {"boost": boost})
