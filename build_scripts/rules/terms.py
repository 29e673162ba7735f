"""Glossary terms across stories: where a term's name matches, which names
are common phrases, and the warning for a common phrase that also matches in
another story (issue 15: JCPOA's alias "the accord" put a JCPOA definition on
the page of another story's accord).

A page uses a term when one of its names (``GlossaryTerm.names``: the term,
its expansion, its aliases) occurs in the page's text as whole words, in any
case (``name_pattern``; ``pages/derived/glossary.py`` finds them so). A name made of
words that every story has its own of ("the accord", "nuclear deal",
"town council") matches wherever another story uses the same words for
something else. ``check`` warns about such a name when the term is not
limited to its story (``limited_to``) and the name occurs in a source, or on
a topic's page, that belongs to another story: see ``common_phrase_warnings``.
"""

from __future__ import annotations

import functools
import re

from build_scripts.content import model
from build_scripts.content.load import Content, Located
from build_scripts.content.problems import Mark, Problem, line_and_column
from build_scripts.content.prose import prose_links, prose_plain
from build_scripts.content.source_text import SourceText

# Words that tell no story apart: each story has its own accord, deal, law,
# council or deadline, and writes "the", "new" or "nuclear" in front of it.
# A name is a common phrase when every one of its words (letters and digits,
# in any case) is in this list; a word outside it ("Iran", "Ostberg",
# "surface", "1955") makes the name the term's own. Kept short on purpose:
# add a word only when a real alias shows that stories share it.
COMMON_WORDS = frozenset("""
    a an the this that these those its their his her our of on in at for to by with from and or
    new old first last own other
    accord agreement deal pact treaty act law bill rule rules order decree ruling decision
    plan programme program project scheme system policy measure measures sanctions deadline
    talks dialogue meeting summit vote election
    council committee court agency authority ministry government administration office board commission
    party group union alliance partnership company bank fund
    town city state country region regional national local federal central public
    nuclear military defence defense air missile missiles security trade oil gas energy payment payments
    arms weapons war peace crisis tax budget price prices
""".split())

_WORD = re.compile(r"\w+")

# How many places a warning names before it says "and N more".
_PLACES_SHOWN = 3


def is_common_phrase(name: str) -> bool:
    """Whether every word of ``name`` is a common word (``COMMON_WORDS``)."""
    words = _WORD.findall(name.casefold())
    return bool(words) and all(word in COMMON_WORDS for word in words)


@functools.lru_cache(maxsize=None)
def name_pattern(name: str) -> re.Pattern:
    """A name as a whole word, in any case: what it takes for a text to use a term.
    Compiled once per name: a dossier has more names than re's own cache holds."""
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", flags=re.IGNORECASE)


def _occurs(name: str, text: str, folded: str) -> re.Match | None:
    """Where ``name`` first occurs in ``text`` as whole words (``folded``: the text case-folded,
    for a plain substring test before the regular expression)."""
    return name_pattern(name).search(text) if name.casefold() in folded else None


def _place_in(path: str, text: str, index: int) -> Mark:
    return Mark(path, *line_and_column(text, index))


def _name_loc(term: model.GlossaryTerm, name: str) -> tuple[str | int, ...]:
    """Where ``name`` is written in the term's record: its term, expansion or an alias."""
    if name == term.term:
        return ("term",)
    if name == term.expansion:
        return ("expansion",)
    return ("aliases", term.aliases.index(name))


def linked_topics(term: model.GlossaryTerm) -> set[str]:
    """The topics the term's definition links to (``[the topic](topic:jcpoa)``)."""
    return {link.internal[1] for link in prose_links(term.definition) if link.internal and link.internal[0] == "topic"}


def _warning(located: Located[model.GlossaryTerm], name: str, places: list[str], linked: list[str], story: list[str]) -> Problem:
    term, origin = located.record, located.origin
    loc = _name_loc(term, name)
    shown = places[:_PLACES_SHOWN]
    if len(places) > _PLACES_SHOWN:
        shown.append(f"{len(places) - _PLACES_SHOWN} more")
    where = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
    what, mend = {
        "term": (f"the term '{name}'", "or rename the term"),
        "expansion": (f"the expansion '{name}' of '{term.term}'", "or write the expansion in full"),
    }.get(str(loc[0]), (f"the alias '{name}' of '{term.term}'", "or remove the alias"))
    if linked:
        limit = f"'limited_to: {{topics: [{', '.join(linked)}]}}' (the topics its definition links to)"
    else:
        limit = f"'limited_to: {{sources: [{', '.join(story)}]}}' (the sources that use its other names)"
    return Problem(origin.at(*loc),
                   f"{what} is a common phrase, and it also occurs outside the term's story, where none of its "
                   f"other names do: in {where}; pages there would list the term as theirs",
                   f"limit the term to its story, e.g. {limit}, {mend}", origin.field(*loc),
                   kind="glossary names found outside their story")


class _Stories:
    """The texts a common phrase is looked for in, read once per check: every
    source's text, and each topic's own words (title, summary, its claims'
    statements; their quotes are in the sources' texts)."""

    def __init__(self, content: Content, texts: dict[str, SourceText]):
        self.content = content
        self.sources = {source_id: (text.text, text.text.casefold()) for source_id, text in sorted(texts.items())}
        self.sources_of_topic: dict[str, set[str]] = {topic_id: set() for topic_id in content.topics}
        statements: dict[str, list[str]] = {topic_id: [] for topic_id in content.topics}
        for located in content.claims.values():
            claim = located.record
            for topic_id in claim.topics:
                if topic_id in statements:
                    statements[topic_id].append(claim.statement)
                    self.sources_of_topic[topic_id].update(claim.sources)
        self.topics = {}
        for topic_id, located in sorted(content.topics.items()):
            text = "\n".join([located.record.title, prose_plain(located.record.summary), *statements[topic_id]])
            self.topics[topic_id] = (text, text.casefold())

    def story_of(self, term: model.GlossaryTerm, own_names: list[str]) -> set[str]:
        """The sources of the term's story: those whose text uses one of its own
        names, and those quoted by the claims of the topics its definition links to."""
        story = {source_id for source_id, (text, folded) in self.sources.items()
                 if any(_occurs(name, text, folded) for name in own_names)}
        for topic_id in linked_topics(term):
            story |= self.sources_of_topic.get(topic_id, set())
        return story

    def places_beyond(self, name: str, story: set[str], own_names: list[str]) -> list[str]:
        """Where ``name`` occurs outside the story: sources not in it (with the
        place in their text), and topics none of whose claims quote one of them
        and whose words use none of the term's own names."""
        places = []
        for source_id, (text, folded) in self.sources.items():
            found = _occurs(name, text, folded) if source_id not in story else None
            if found:
                path = self.content.sources[source_id].record.text
                places.append(f"the source '{source_id}' ({_place_in(path, text, found.start())})")
        for topic_id, (text, folded) in self.topics.items():
            if self.sources_of_topic[topic_id] & story or any(_occurs(n, text, folded) for n in own_names):
                continue
            if _occurs(name, text, folded):
                places.append(f"the topic '{topic_id}'")
        return places


def common_phrase_warnings(content: Content, texts: dict[str, SourceText]) -> list[Problem]:
    """A warning at each name of a term without ``limited_to`` that is a common
    phrase (``is_common_phrase``) and occurs outside the term's story.

    The term's story is the sources whose text uses one of its other names
    (those that are not common phrases), and the sources of the topics its
    definition links to. A term whose story is unknown (none of its own names
    is found anywhere, and it links to no topic) is left alone: nothing tells
    which story a common phrase of it would leave.
    """
    stories: _Stories | None = None
    warnings = []
    for located in content.glossary.values():
        term = located.record
        if term.limited_to is not None:
            continue
        names = term.names()
        common = [name for name in names if is_common_phrase(name)]
        own_names = [name for name in names if name not in common]
        if not common:
            continue
        if stories is None:
            stories = _Stories(content, texts)
        story = stories.story_of(term, own_names)
        if not story:
            continue
        linked = sorted({topic_id for topic_id in linked_topics(term) if topic_id in content.topics})
        for name in common:
            places = stories.places_beyond(name, story, own_names)
            if places:
                warnings.append(_warning(located, name, places, linked, sorted(story)))
    return warnings
