"""What the pages derive from the checked dossier, made once per build.

Pages ask for the same things again and again (the claims of an actor, the
events of a topic, the parts of a split list, a claim's view); per page that
would cost pages x records. Each is a named attribute here, made the first
time it is asked for. What holds links is the same on every page of one
folder (links are relative to it), so it is kept per folder (``FolderViews``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from build_scripts.content import model
from build_scripts.content.stories import Stories, stories_of
from build_scripts.pages import dependencies, paging
from build_scripts.pages.dependencies import remembered_property
from build_scripts.pages.derived import events, glossary, reader
from build_scripts.pages.derived.events import Event
from build_scripts.pages.links import Link
from build_scripts.pages.registry import PAGE_KINDS
from build_scripts.pages.site_settings import SiteSettings, settings
from build_scripts.rules.check import CheckedDossier


@dataclass
class FolderViews:
    """Views that hold links, made once for every page of one folder."""

    links: dict[tuple[str, str, str], Link] = field(default_factory=dict)  # (kind, id, anchor)
    prose: dict[str, Markup] = field(default_factory=dict)  # prose text -> rendered
    claims: dict[str, Any] = field(default_factory=dict)  # claim id -> claims.ClaimView
    claim_markdown: dict[tuple[str, bool], Markup] = field(default_factory=dict)  # (claim id, cite_here) -> as the claim macro prints it


@dataclass(frozen=True)
class ClaimText:
    """What a claim shows that holds no link, the same from every folder."""

    date: object  # DateView | None
    figures: list


@dataclass
class ListParts:
    """A list page's parts (one when it is not split), the page of each, and the page of each item."""

    parts: list[paging.Part]
    paths: list[str]

    @remembered_property
    def page_of(self) -> dict:
        return {item: path for part, path in zip(self.parts, self.paths, strict=True) for item in part.items}

    @property
    def is_split(self) -> bool:
        return paging.is_split(self.parts)


# The key the Downloads page's files count as, read (pages/dependencies.py).
DOWNLOAD_FILES = ("files", "downloads")


def ids_by(records, keys_of) -> dict[str, list]:
    """{key: ids of the records that have it}, each id once per key, in record order."""
    index: dict[str, list] = {}
    for record_id, record in records:
        for key in dict.fromkeys(keys_of(record)):
            index.setdefault(key, []).append(record_id)
    return index


class PageIndexes:
    """The derived data of one checked dossier, for the pages made from it."""

    def __init__(self, checked: CheckedDossier, data_files: list | None = None):
        self.checked = checked
        self.content = checked.content
        self._data_files = data_files or []
        self.folders: dict[str, FolderViews] = {}
        self.claim_texts: dict[str, ClaimText] = {}
        self.source_credits: dict[str, str] = {}  # {source id: its publisher and date, as pages name it}
        self.list_parts: dict[tuple[str, str], ListParts] = {}  # (page kind, record id or "")
        self.text_parts: dict[str, Any] = {}  # source id -> its text's parts (kinds/source.py, TextParts)
        # A claim's citation, the same on every page (views/citations.py): (claim id, sources shown,
        # day accessed) -> Citation; and its cite box's parts that hold no link, (claim id, sources shown) -> ...
        self.citations: dict[tuple[str, int, str | None], Any] = {}
        self.cite_boxes: dict[tuple[str, int], Any] = {}
        # {actor id: (label, page) of the network part that draws it}, when the network is split
        # What is made once per build under a name ("network_part_of_actor": {actor id: (label,
        # page) of the network part that draws it}, when the network is split).
        self.made_once: dict[str, Any] = {}

    @remembered_property
    def site_settings(self) -> SiteSettings:
        """mkdocs.yml's addresses (site_settings.py), read once per build."""
        return settings(self.content.root)

    @property
    def data_files(self) -> list:
        """The Downloads page's files (site_source.downloads), each with .path and .data."""
        dependencies.read(DOWNLOAD_FILES)  # not records: the incremental preview compares them whole
        return self._data_files

    def caches(self) -> dict[tuple[str, str], dict]:
        """Every cache of derived views, by a name that is the same from one build to the next
        (the incremental preview carries the entries an edit did not reach into the next build)."""
        found = {("", name): getattr(self, name) for name in
                 ("claim_texts", "source_credits", "list_parts", "text_parts", "citations", "cite_boxes", "made_once")}
        found["", "properties"] = self.__dict__.setdefault("_remembered", {})
        for folder, views in self.folders.items():
            found.update({(folder, name): getattr(views, name) for name in ("links", "prose", "claims", "claim_markdown")})
        return found

    def folder(self, folder: str) -> FolderViews:
        views = self.folders.get(folder)
        if views is None:
            views = self.folders[folder] = FolderViews()
        return views

    # -- claims ------------------------------------------------------------

    def _claims_by(self, keys_of) -> dict[str, list[str]]:
        return ids_by(((i, located.record) for i, located in self.content.claims.items()), keys_of)

    @remembered_property
    def claims_by_actor(self) -> dict[str, list[str]]:
        return self._claims_by(lambda c: c.actors)

    @remembered_property
    def claims_by_topic(self) -> dict[str, list[str]]:
        return self._claims_by(lambda c: c.topics)

    @remembered_property
    def claims_by_source(self) -> dict[str, list[str]]:
        return self._claims_by(lambda c: c.sources)

    @remembered_property
    def conflicts_by_claim(self) -> dict[str, list[tuple[str, model.Disagreement]]]:
        """{claim id: (the other claim's id, the mark)} for every disagreement, on both of its
        claims (a mark is stored once, on either claim), in the order of the claims files."""
        conflicts: dict[str, list[tuple[str, model.Disagreement]]] = {}
        for claim_id, located in self.content.claims.items():
            for mark in located.record.contradicts:
                conflicts.setdefault(claim_id, []).append((mark.claim, mark))
                conflicts.setdefault(mark.claim, []).append((claim_id, mark))
        return conflicts

    @remembered_property
    def corrections_newest_first(self) -> list[tuple[str, str, int, model.Correction]]:
        """Every correction as (record kind, record id, its place in the record's list, the
        correction), newest first; on one day, by kind, id and place."""
        found = []
        for kind, records in (("actor", self.content.actors), ("topic", self.content.topics),
                              ("claim", self.content.claims)):
            for record_id, located in sorted(records.items()):
                found += [(kind, record_id, index, c) for index, c in enumerate(located.record.corrections)]
        found.sort(key=lambda item: (item[0], item[1], item[2]))
        found.sort(key=lambda item: item[3].date, reverse=True)
        return found

    @property
    def changes_newest_first(self) -> list[tuple[str, str, str, str, int]]:
        """What the dossier gained, as (day, what: "source", "claim" or "correction", record kind,
        record id, the correction's place in the record's list, else 0), newest first; on one day,
        sources, then claims, then corrections, each by id (What's new, the feed).

        Cut off for the preview (pages/dependencies.py): made from every source, claim and
        correction, it changes only when one is added or dated anew; every part of What's new
        renders again then, not at every edit of a name."""
        return dependencies.remember(self.made_once, CHANGES, self._changes_newest_first, cut_off=CHANGES)

    def _changes_newest_first(self) -> list[tuple[str, str, str, str, int]]:
        order = {"source": 0, "claim": 1, "correction": 2}
        found = [(s.record.added, "source", "source", i, 0) for i, s in self.content.sources.items() if s.record.added]
        found += [(c.record.added, "claim", "claim", i, 0) for i, c in self.content.claims.items() if c.record.added]
        found += [(c.date, "correction", kind, record_id, index)
                  for kind, record_id, index, c in self.corrections_newest_first]
        found.sort(key=lambda item: (order[item[1]], item[2], item[3], item[4]))
        found.sort(key=lambda item: item[0], reverse=True)
        return found

    def last_changed(self, kind: str, record_id: str) -> str | None:
        """The day the page of an actor, topic or source last changed: the newest day among the
        record's own (its ``added``, its corrections) and those of the claims its page shows (and,
        for a publisher, of the sources it published). From the content alone, never the clock."""
        days: list[str] = []
        claim_ids: list[str] = []
        if kind == "source":
            days.append(self.content.sources[record_id].record.added or "")
            claim_ids = self.claims_by_source.get(record_id, [])
        else:
            record = (self.content.actors if kind == "actor" else self.content.topics)[record_id].record
            days += [c.date for c in record.corrections]
            claim_ids = (self.claims_by_actor if kind == "actor" else self.claims_by_topic).get(record_id, [])
            if kind == "actor":
                days += [s.record.added or "" for s in self.content.sources.values()
                         if record_id in (s.record.publisher, s.record.original_publisher)]
        for claim_id in claim_ids:
            claim = self.content.claims[claim_id].record
            days += [claim.added or "", *(c.date for c in claim.corrections)]
        return max(filter(None, days), default=None)

    # -- events and context --------------------------------------------------

    @remembered_property
    def dated_events(self) -> list[Event]:
        return events.dated_events(self.content, {c: s.start for c, s in self.checked.quote_spans.items()})

    @remembered_property
    def event_places(self) -> dict[str, int]:
        """{event anchor: its index in ``dated_events``}."""
        return {e.anchor: i for i, e in enumerate(self.dated_events)}

    @remembered_property
    def events_by_topic(self) -> dict[str, list[int]]:
        return ids_by(enumerate(self.dated_events), lambda e: e.topics)

    @remembered_property
    def events_by_actor(self) -> dict[str, list[int]]:
        return ids_by(enumerate(self.dated_events), lambda e: e.actors)

    @remembered_property
    def context_in_order(self) -> list[tuple[str, model.ContextEntry]]:
        entries = [(i, located.record) for i, located in sorted(self.content.context.items())]
        return sorted(entries, key=lambda item: (item[1].date or "9999", item[0]))

    @remembered_property
    def context_by_topic(self) -> dict[str, list[int]]:
        return ids_by(enumerate(self.context_in_order), lambda item: item[1].topics)

    # -- relations -----------------------------------------------------------

    @remembered_property
    def relations_by_actor(self) -> dict[str, list[int]]:
        return ids_by(enumerate(self.content.relations),
                      lambda located: [located.record.source_actor, located.record.target_actor])

    # -- stories, topics and the glossary ----------------------------------------

    @remembered_property
    def stories(self) -> Stories:
        return stories_of(self.content)

    def story_title(self, story_id: str | None) -> str:
        """The title of a story; for none (a topic no story lists), the dossier's."""
        if story_id is not None:
            return self.content.stories[story_id].record.title
        return self.content.dossier.record.title if self.content.dossier else ""


    @remembered_property
    def topics_in_order(self) -> list[str]:
        topics = self.content.topics
        return sorted(topics, key=lambda t: (topics[t].record.order, topics[t].record.title.casefold()))

    @remembered_property
    def terms(self) -> glossary.TermIndex:
        return glossary.TermIndex(self.content)

    @remembered_property
    def terms_used_on_topic(self) -> dict[str, set[str]]:
        """{topic id: the glossary terms its page uses (of those limited to a story, the ones found there)}."""
        path_of, terms = PAGE_KINDS["topic"].path_of, self.terms
        return {topic_id: terms.applying(terms.used_in(glossary.topic_text(self, topic_id)),
                                         self.scope_of_page(path_of(topic_id)))
                for topic_id in self.topics_in_order}

    @remembered_property
    def page_scopes(self) -> dict[str, glossary.Scope]:
        """{page path: what the page belongs to} for the page of every topic, source and
        actor: its own topic or source, and the topics and sources of the claims it shows."""
        claims = self.content.claims

        def scope(topics: set[str], sources: set[str], claim_ids: list[str]) -> glossary.Scope:
            for claim_id in claim_ids:
                record = claims[claim_id].record
                topics.update(record.topics)
                sources.update(record.sources)
            return glossary.Scope(frozenset(topics), frozenset(sources))

        scopes = {}
        for topic_id in self.content.topics:
            scopes[PAGE_KINDS["topic"].path_of(topic_id)] = scope({topic_id}, set(), self.claims_by_topic.get(topic_id, []))
        for source_id in self.content.sources:
            scopes[PAGE_KINDS["source"].path_of(source_id)] = scope(set(), {source_id},
                                                                    self.claims_by_source.get(source_id, []))
        for actor_id in self.content.actors:
            scopes[PAGE_KINDS["actor"].path_of(actor_id)] = scope(set(), set(), self.claims_by_actor.get(actor_id, []))
        if self.stories.several:  # with one story, the home page is its page: about the whole dossier
            for story_id, located in self.content.stories.items():
                scopes[PAGE_KINDS["story"].path_of(story_id)] = glossary.Scope(
                    frozenset(located.record.topics), frozenset(located.record.sources))
        return scopes

    def scope_of_page(self, path: str) -> glossary.Scope | None:
        """What the page at ``path`` belongs to, for the glossary terms limited to a story;
        None for a page about the whole dossier, where every term is found."""
        if not self.terms.limits:
            return None  # no term is limited: every page finds every term
        return glossary.scope_in(self.page_scopes, path)

    @remembered_property
    def topics_using_term(self) -> dict[str, list[str]]:
        """{glossary term id: the topics whose page uses it, in topic order}."""
        using: dict[str, list[str]] = {}
        for topic_id in self.topics_in_order:
            for term_id in self.terms_used_on_topic[topic_id]:
                using.setdefault(term_id, []).append(topic_id)
        return using

    # -- actors' names, for the annotated reader --------------------------------

    @remembered_property
    def actor_names_by_first_word(self) -> dict[str, list[tuple[str, str]]]:
        """{first word of a name or alias: (actor id, name)} ("" for a name without a word)."""
        return reader.names_by_first_word(self.content)


# What the dossier gained, cut off for the preview (``PageIndexes.changes_newest_first``).
CHANGES = dependencies.cut_off_entry("changes_newest_first", lambda indexes, key: indexes.changes_newest_first,
                                     lambda indexes: indexes.made_once)
