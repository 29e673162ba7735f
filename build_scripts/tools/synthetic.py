"""A synthetic dossier N times the size of today's, for benchmarks and scale tests.

    python -m build_scripts.tools.synthetic --scale 10 --seed 1 --out DIR

Today's dossier is counted (sources, actors, topics, claims, relations,
glossary terms, context entries, sentences and characters per source text)
and the synthetic one has N times as many of each, in N "stories" shaped like
today's, each a story record of its own (content/stories/): each story has its own generated source text in seeds/ (with its
sha256 recorded), actors named in that text, topics, claims whose quotes are
real, unique passages of the text (so no ``occurrence`` is needed), and
relations, glossary terms and context entries. A few claims also name an
actor of the previous story, so that the stories are not islands.

Every sentence of every text is quoted by a claim and every actor and topic
is named by one, so the dossier passes every check without warnings. The
same scale and seed give the same bytes.

The output folder gets what a build needs from this project (mkdocs.yml,
docs/, theme/, build_scripts/ and the like), then its own content/ and seeds/.

A "wide" dossier instead (``--sources-per-claim N``) has stories told by many
short sources each, as a widely reported fact is:

    python -m build_scripts.tools.synthetic --sources-per-claim 50 --stories 4 --out DIR

The first story has N sources, the others between 5 and N; in each, one
claim is quoted by every source of the story, the others by 1 to 20 of them
(each source's text is the sentences of the claims it tells);
two claims of each story contradict each other, and the widest claim carries
corrections. It times the Compare pages, corroboration lines and corrections
at scale (``benchmarks/run.py``), and ``--sources-per-claim 500 --stories 1``
is the hostile case of one claim quoted by 500 sources (tests/test_wide_input.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import shutil
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from build_scripts.content.model import slugify
from build_scripts.content.source_text import SourceText, normalise
from build_scripts.rules.check import load_and_check
from build_scripts.site_source.generate import PROJECT_ROOT

try:
    # The editor schema line every content file starts with (build_scripts/schema.py).
    from build_scripts.content.schema import header_line
except ImportError:  # an older engine without schema lines
    header_line = None

# Top-level entries of the project that a synthetic copy does not take: its
# own content and texts replace content/ and seeds/; the rest is build output,
# tooling or tests. Hidden entries (.git, .venv…) and *.egg-info are skipped
# too. Everything else (mkdocs.yml, docs/, theme/, build_scripts/ and whatever
# a build may read beside them) is copied.
NOT_COPIED = {"content", "seeds", "tests", "benchmarks", "tools", "build", "node_modules", "__pycache__",
              "site", "site-offline", "site-offline.zip"}

WORDS = """
agreement border budget cabinet capital cargo channel coalition committee contract council
crude currency deadline defence delegation deal diplomat energy envoy exports facility
fleet frontier fuel grain harbour imports industry inspection investment ministry mission
network neutral northern official partner pipeline policy port programme proposal region
reserve route sanctions sector security shipment southern summit supply talks tanker tariff
territory trade treaty tribunal waiver weapons western eastern regional military naval
annual formal interim joint major minor private public rival senior strategic urgent
quiet broad careful certain direct early final general local modest new recent steady
about after against along among around before behind beyond during over under within
would could should might again also already still often rarely soon later openly privately
review consider delay expand extend finance inspect limit monitor protect reduce renew
resume secure support suspend weigh balance measure pressure question reach settle
""".split()
VERBS = ["said", "announced", "warned", "confirmed", "reported", "insisted", "argued", "signalled",
         "conceded", "suggested"]
SYLLABLES = ["ka", "ro", "vel", "mi", "tan", "sor", "lei", "dun", "ba", "ris", "to", "nek", "al",
             "vo", "shi", "mar", "eth", "zan", "pel", "or", "ith", "gra", "lun", "fen", "dar",
             "os", "ur", "mab", "kel", "tis", "ne", "qua", "ber", "sil", "do", "ran"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
# Actor kinds in the proportions of a news story; media come early so that
# every story has a publisher and an original publisher.
KIND_CYCLE = ["country", "person", "media", "organisation", "person", "country", "media",
              "government-body", "person", "company", "international-body", "person",
              "government", "armed-group", "court", "military-body", "unnamed-sources", "organisation"]
RELATION_TYPES = ["buys-from", "supplies", "sanctions", "opposes", "supports", "cooperates-with",
                  "part-of", "leads", "reports-on", "negotiates-with", "accuses", "party-to"]
CERTAINTIES = ["stated", "stated", "attributed", "reported", "alleged"]


@dataclass(frozen=True)
class Counts:
    """How many records of each kind a dossier has, and how its texts are shaped."""

    sources: int
    actors: int
    topics: int
    claims: int
    relations: int
    glossary: int
    context: int
    sentences_per_source: int
    chars_per_source: int

    def records(self) -> int:
        return (self.sources + self.actors + self.topics + self.claims + self.relations
                + self.glossary + self.context + 1)  # + the dossier itself


def count_dossier(root: Path = PROJECT_ROOT) -> Counts:
    """Today's counts, from the real project (it must pass its checks)."""
    checked = load_and_check(root)
    content = checked.content
    texts = list(checked.texts.values())
    return Counts(
        sources=len(content.sources), actors=len(content.actors), topics=len(content.topics),
        claims=len(content.claims), relations=len(content.relations), glossary=len(content.glossary),
        context=len(content.context),
        sentences_per_source=round(statistics.mean(len(t.sentences()) for t in texts)),
        chars_per_source=round(statistics.mean(len(t.text) for t in texts)),
    )


def _share(total: int, parts: int, index: int) -> int:
    """Part ``index`` of ``total`` split into ``parts`` nearly equal whole shares."""
    return total * (index + 1) // parts - total * index // parts



def _for_quote(text: str) -> str:
    """How a curator types a passage: plain apostrophes and spaces."""
    return text.replace("\u2019", "'").replace("\u00a0", " ")


@dataclass
class Sentence:
    text: str
    actors: list[str]                       # ids of the actors it names, subject first
    features: dict[str, str] = field(default_factory=dict)   # kind -> words as typed in a quote


@dataclass
class Story:
    """One story's records, as plain data ready to be written as YAML."""

    index: int
    source_id: str
    actors: dict[str, dict] = field(default_factory=dict)
    topics: dict[str, dict] = field(default_factory=dict)
    source: dict = field(default_factory=dict)
    text: str = ""
    claims: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    glossary: list[dict] = field(default_factory=list)
    context: list[dict] = field(default_factory=list)


class Writer:
    """Makes up records from one random generator, so a seed gives one dossier."""

    def __init__(self, base: Counts, scale: int, seed: int):
        self.base = base
        self.stories = base.sources * scale
        self.target = Counts(*(getattr(base, name) * scale for name in
                               ("sources", "actors", "topics", "claims", "relations", "glossary", "context")),
                             base.sentences_per_source, base.chars_per_source)
        self.rng = random.Random(f"dossier-benchmark:{seed}")
        self.used_names: set[str] = set()

    # -- names and words ---------------------------------------------------

    def word(self) -> str:
        return self.rng.choice(WORDS)

    def words(self, low: int, high: int) -> str:
        return " ".join(self.word() for _ in range(self.rng.randint(low, high)))

    def made_up(self, syllables: int) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()

    def unique(self, make) -> str:
        while True:
            name = make()
            if name not in self.used_names and slugify(name) not in self.used_names:
                self.used_names.update((name, slugify(name)))
                return name

    def actor_name(self, kind: str) -> str:
        made_up = self.made_up
        forms = {
            "person": lambda: f"{made_up(2)} {made_up(3)}",
            "country": lambda: made_up(2) + self.rng.choice(["ia", "land", "stan", "a"]),
            "media": lambda: self.rng.choice(["The {} Herald", "{} News Agency", "{} Television"]).format(made_up(2)),
            "company": lambda: f"{made_up(2)} Industries",
            "government": lambda: f"the {made_up(2)} administration",
            "armed-group": lambda: f"{made_up(2)} Brigades",
            "court": lambda: f"{made_up(2)} Court of Arbitration",
            "unnamed-sources": lambda: f"{self.word()} sources in {made_up(2)}",
        }
        default = lambda: f"{made_up(2)} {self.rng.choice(['Council', 'Ministry', 'Agency', 'Commission', 'Forum'])}"  # noqa: E731
        return self.unique(forms.get(kind, default))

    def date_between(self, start: dt.date, days: int) -> dt.date:
        return start + dt.timedelta(days=self.rng.randrange(days))

    # -- one story -----------------------------------------------------------

    def story(self, index: int, previous: Story | None) -> Story:
        n = lambda total: _share(total, self.stories, index)  # noqa: E731
        title = f"{self.made_up(2)} {self.rng.choice(['talks', 'deal', 'dispute', 'accord', 'crisis'])}"
        story = Story(index, slugify(f"{title} {index + 1}"))
        published = self.date_between(dt.date(2005, 1, 1), 365 * 15)
        self.add_actors(story, n(self.target.actors))
        self.add_topics(story, n(self.target.topics))
        self.add_glossary(story, n(self.target.glossary))
        self.add_context(story, n(self.target.context), published)
        sentences = self.add_text(story, previous, published)
        self.add_source(story, title, published)
        self.add_claims(story, sentences, n(self.target.claims), published)
        self.add_relations(story, n(self.target.relations))
        return story

    def add_actors(self, story: Story, count: int) -> None:
        countries: list[str] = []
        for i in range(count):
            kind = KIND_CYCLE[i % len(KIND_CYCLE)]
            name = self.actor_name(kind)
            actor_id = slugify(name)
            record: dict = {"name": name, "kind": kind}
            if self.rng.random() < 0.4:
                # Another name of its own, as "Washington" is for the United
                # States; the text uses it now and then.
                record["aliases"] = [self.unique(lambda: self.made_up(3))]
            if kind == "person":
                record["roles"] = [{"title": f"{self.rng.choice(['Minister', 'Envoy', 'Director'])} for "
                                             f"{self.word()} affairs",
                                    "from": self.date_between(dt.date(1995, 1, 1), 365 * 10).isoformat()}]
            if kind in ("person", "government-body", "military-body", "government") and countries:
                record["affiliation"] = [self.rng.choice(countries)]
            record["summary"] = self.prose(f"A {kind.replace('-', ' ')} in the story.", [])
            if self.rng.random() < 0.3:
                record["wikidata"] = f"Q{self.rng.randint(1, 9_999_999)}"
            if kind == "country":
                countries.append(actor_id)
            story.actors[actor_id] = record
        # Summaries link to other actors of the story, as curated ones do.
        ids = list(story.actors)
        for actor_id, record in story.actors.items():
            other = self.rng.choice(ids)
            if other != actor_id:
                record["summary"] += f" It deals with [{story.actors[other]['name']}](actor:{other})."

    def prose(self, opening: str, links: list[tuple[str, str]]) -> str:
        linked = " ".join(f"[{label}]({target})" for label, target in links)
        return f"{opening} {self.words(12, 24).capitalize()}, *{self.words(2, 4)}*. {linked}".strip()

    def add_topics(self, story: Story, count: int) -> None:
        for i in range(count):
            title = self.unique(lambda: f"The {self.made_up(2)} {self.rng.choice(['question', 'agreement', 'dispute', 'file', 'channel'])}")
            story.topics[slugify(title)] = {"title": title, "summary": "", "related": [], "order": i + 1}
        ids = list(story.topics)
        for i, (topic_id, record) in enumerate(story.topics.items()):
            neighbour = ids[(i + 1) % len(ids)]
            record["summary"] = self.prose("A thread of the story.", [("the next thread", f"topic:{neighbour}")]
                                           if neighbour != topic_id else [])
            if neighbour != topic_id:
                record["related"] = [neighbour]
            else:
                del record["related"]

    def add_glossary(self, story: Story, count: int) -> None:
        topics = list(story.topics)
        for _ in range(count):
            expansion_words = [self.made_up(2) for _ in range(self.rng.randint(2, 4))]
            term = self.unique(lambda words=expansion_words: "".join(w[0] for w in words).upper() + "-" + self.made_up(1).upper())
            expansion = " ".join(expansion_words)
            story.glossary.append({
                "id": slugify(term), "term": term, "expansion": expansion,
                "definition": self.prose(f"The {expansion}.", [("its topic", f"topic:{self.rng.choice(topics)}")] if topics else []),
                "aliases": [expansion.lower(), term.replace("-", "")],
            })

    def add_context(self, story: Story, count: int, published: dt.date) -> None:
        actors, topics = list(story.actors), list(story.topics)
        for i in range(count):
            date = (published - dt.timedelta(days=self.rng.randint(30, 3000))).isoformat()
            entry_id = slugify(f"{self.made_up(2)} {self.word()} {story.index + 1} {i + 1}")
            entry: dict = {
                "id": entry_id,
                "statement": f"{self.words(8, 16).capitalize()}.",
                "citation": {"title": f"{self.made_up(2)} {self.word()} act", "issuer": f"{self.made_up(2)} parliament",
                             "date": date},
                "date": date,
                "actors": [self.rng.choice(actors)] if actors else [],
                "topics": [self.rng.choice(topics)] if topics else [],
            }
            if i % 2:
                entry["citation"]["identifier"] = f"Law {self.rng.randint(1, 200)}-{self.rng.randint(1, 99)}"
            story.context.append(entry)

    def add_text(self, story: Story, previous: Story | None, published: dt.date) -> list[Sentence]:
        """Sentences about the story's actors, about as many and as long as today's."""
        actor_ids = list(story.actors)
        outsiders = list(previous.actors) if previous else []
        terms = [g["term"] for g in story.glossary]
        sentences: list[Sentence] = []
        wanted_length = self.base.chars_per_source / max(self.base.sentences_per_source, 1)
        for i in range(self.base.sentences_per_source):
            subject = actor_ids[i % len(actor_ids)]
            other = self.rng.choice(outsiders if outsiders and self.rng.random() < 0.1 else actor_ids)
            records = {a: story.actors.get(a) or previous.actors[a] for a in (subject, other)}
            names = {a: r["name"] for a, r in records.items()}
            if records[other].get("aliases") and self.rng.random() < 0.5:
                names[other] = records[other]["aliases"][0]
            sentence = Sentence("", [subject] + ([other] if other != subject else []))
            parts = [names[subject][0].upper() + names[subject][1:], self.rng.choice(VERBS)]
            if i % 4 == 1:
                parts.append("on Friday")
                sentence.features["relative"] = "on Friday"
            elif i % 4 == 2:
                day = self.date_between(dt.date(published.year, 1, 1), 365)
                said = f"{day.day} {MONTHS[day.month - 1]}"
                parts.append(f"on {said}")
                sentence.features["stated"] = said
                sentence.features["stated_value"] = day.isoformat()
            parts.append(f"that the {self.word()}\u2019s {self.words(6, 10)}")
            if i % 3 == 0:
                amount = f"{self.rng.randint(2, 99)}.{self.rng.randint(1, 9)}"
                unit = self.rng.choice(["tons", "barrels", "dollars", "units"])
                parts.append(f"worth {amount}\u00a0million {unit}")
                sentence.features["figure"] = f"{amount} million {unit}"
            if terms and i % 5 == 0:
                parts.append(f"under the {self.rng.choice(terms)} rules")
            if other != subject:
                parts.append(f"with {names[other]}")
            while len(" ".join(parts)) < wanted_length - 60:
                parts.append(self.words(4, 8))
            if i % 3 == 1:
                spoken = self.words(6, 10)
                parts.append(f'and added: \u201c{spoken}\u201d')
                sentence.features["quotation"] = spoken
            sentence.text = " ".join(parts) + "."
            sentences.append(sentence)
        paragraphs, current = [], []
        for sentence in sentences:
            current.append(sentence.text)
            if len(current) == 3:
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
        story.text = "\n\n".join(paragraphs) + "\n"
        return sentences

    def add_source(self, story: Story, title: str, published: dt.date) -> None:
        media = [a for a, r in story.actors.items() if r["kind"] == "media"] or list(story.actors)
        record = {
            "title": f"{title.capitalize()}: what the parties said",
            "publisher": media[0],
            "published": {"value": published.isoformat(), "basis": "inferred",
                          "explanation": "The text carries no date; the benchmark gives it one."},
            "language": "en",
            "licence": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
            "attribution": "Generated text for benchmarks; it describes no real events.",
            "text": f"seeds/{story.source_id}.txt",
            "sha256": hashlib.sha256(story.text.encode("utf-8")).hexdigest(),
            "added": (published + dt.timedelta(days=1)).isoformat(),
        }
        if len(media) > 1:
            record["original_publisher"] = media[1]
        story.source = record

    def quote_in(self, text: SourceText, sentence: Sentence, whole: bool) -> str:
        """A passage of ``sentence`` that occurs once in the text: all of it, or some words."""
        typed = _for_quote(sentence.text)
        if whole:
            return typed
        words = typed.split(" ")
        for _ in range(20):
            length = self.rng.randint(min(8, len(words)), min(20, len(words)))
            start = self.rng.randint(0, len(words) - length)
            quote = " ".join(words[start : start + length])
            if len(text.find(quote)) == 1:
                return quote
        return typed

    def add_claims(self, story: Story, sentences: list[Sentence], count: int, published: dt.date) -> None:
        text = SourceText(story.text)
        actors, topics = list(story.actors), list(story.topics)
        friday = published - dt.timedelta(days=(published.weekday() - 4) % 7)
        for i in range(count):
            # The first claims quote every sentence whole (full coverage); the
            # rest quote parts of sentences, often overlapping.
            sentence = sentences[i] if i < len(sentences) else self.rng.choice(sentences)
            quote = self.quote_in(text, sentence, whole=i < len(sentences))
            typed = normalise(quote)
            certainty = CERTAINTIES[i % len(CERTAINTIES)]
            subject = sentence.actors[0]
            claim: dict = {
                "id": slugify(f"{self.word()} {self.word()} {story.index + 1} {i + 1}"),
                "statement": f"{story.actors[subject]['name']} {self.rng.choice(VERBS)} {self.words(5, 10)}.",
                "evidence": [{"source": story.source_id, "quote": quote}],
                "actors": list(dict.fromkeys(sentence.actors + [actors[i % len(actors)]])),
                "topics": [topics[i % len(topics)]],
                "certainty": certainty,
                # Added over the days after its source: the What's new page and the feed have several days.
                "added": (published + dt.timedelta(days=1 + i % 3)).isoformat(),
            }
            if certainty == "attributed":
                claim["attribution"] = {"by": [subject]}
            elif certainty == "reported":
                claim["attribution"] = {"by": [subject], "via": [story.source["publisher"]]}
                claim["hedge"] = "reportedly"
            elif certainty == "alleged":
                claim["attribution"] = {"unnamed": "officials who asked not to be named"}
            features = sentence.features
            if "relative" in features and features["relative"] in typed:
                claim["date"] = {"value": friday.isoformat(), "basis": "relative", "said_as": features["relative"],
                                 "explanation": "The Friday before the publication date."}
            elif "stated" in features and features["stated"] in typed:
                claim["date"] = {"value": features["stated_value"], "basis": "stated", "said_as": features["stated"]}
            elif story.context and i % 7 == 0:
                entry = story.context[i % len(story.context)]
                claim["date"] = {"value": entry["date"], "basis": "external", "context": entry["id"]}
            if "figure" in features and features["figure"] in typed:
                amount, _, unit = features["figure"].split(" ", 2)
                claim["figures"] = [{"said_as": features["figure"], "value": float(amount) * 1_000_000,
                                     "unit": unit, "measures": f"the value of the {self.word()}"}]
            if "quotation" in features and features["quotation"] in typed:
                claim["quotation"] = {"text": features["quotation"], "speakers": [subject],
                                      "occasion": f"remarks reported by {story.actors[story.source['publisher']]['name']}"}
            if i % 5 == 4 and story.claims:
                earlier = self.rng.choice(story.claims)["id"]
                claim["note"] = self.prose("An editorial note.", [("an earlier claim", f"claim:{earlier}")])
            story.claims.append(claim)
        # Every actor and topic of the story is named by at least one claim.
        for j, actor_id in enumerate(actors):
            claim = story.claims[j % len(story.claims)]
            if actor_id not in claim["actors"]:
                claim["actors"].append(actor_id)
        for j, topic_id in enumerate(topics):
            claim = story.claims[j % len(story.claims)]
            if topic_id not in claim["topics"]:
                claim["topics"].append(topic_id)

    def add_relations(self, story: Story, count: int) -> None:
        seen: set[tuple[str, str, str]] = set()
        candidates = [c for c in story.claims if len(c["actors"]) >= 2]
        attempts = 0
        while len(story.relations) < count and candidates and attempts < count * 50:
            attempts += 1
            claim = self.rng.choice(candidates)
            source_actor, target_actor = self.rng.sample(claim["actors"], 2)
            relation_type = self.rng.choice(RELATION_TYPES)
            key = (source_actor, relation_type, target_actor)
            if key in seen:
                continue
            seen.add(key)
            relation = {"from": source_actor, "type": relation_type, "to": target_actor, "claims": [claim["id"]]}
            if self.rng.random() < 0.3:
                relation["note"] = self.words(3, 6)
            story.relations.append(relation)


# -- writing the project ---------------------------------------------------


def _dump(path: Path, data: dict, root: Path, kind: str) -> None:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    if header_line is not None:
        text = header_line(path.relative_to(root / "content"), kind) + "\n" + text
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def copy_engine(out: Path, project: Path = PROJECT_ROOT) -> None:
    """Copy what a build reads from the project, except its content and texts."""
    out.mkdir(parents=True, exist_ok=True)
    for entry in sorted(project.iterdir()):
        if entry.name in NOT_COPIED or entry.name.startswith(".") or entry.name.endswith(".egg-info"):
            continue
        target = out / entry.name
        if entry.is_dir():
            shutil.copytree(entry, target, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        else:
            shutil.copy2(entry, target)


def make_stories(writer: Writer) -> list[Story]:
    stories: list[Story] = []
    for index in range(writer.stories):
        stories.append(writer.story(index, stories[-1] if stories else None))
    return stories


def write_dossier(out: Path, scale: int, seed: int = 1, base: Counts | None = None) -> Counts:
    """Write a project with a dossier ``scale`` times today's into ``out``; return its counts."""
    base = base or count_dossier()
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty")
    copy_engine(out)
    writer = Writer(base, scale, seed)
    stories = make_stories(writer)
    content = out / "content"
    for story in stories:
        (out / "seeds").mkdir(exist_ok=True)
        (out / "seeds" / f"{story.source_id}.txt").write_bytes(story.text.encode("utf-8"))
        _dump(content / "sources" / f"{story.source_id}.yaml", story.source, out, "source")
        for actor_id, record in story.actors.items():
            _dump(content / "actors" / f"{actor_id}.yaml", record, out, "actor")
        for topic_id, record in story.topics.items():
            _dump(content / "topics" / f"{topic_id}.yaml", record, out, "topic")
        by_topic: dict[str, list[dict]] = {}
        for claim in story.claims:
            by_topic.setdefault(claim["topics"][0], []).append(claim)
        for topic_id, claims in by_topic.items():
            _dump(content / "claims" / f"{topic_id}.yaml", {"claims": claims}, out, "claims")
        # Each generated story is a story of the dossier (its lede made without the random
        # generator, so that the records above stay those of the seed).
        first_topics = ", ".join(f"[{t['title']}](topic:{tid})" for tid, t in list(story.topics.items())[:2])
        _dump(content / "stories" / f"{story.source_id}.yaml", {
            "title": story.source["title"],
            "lede": f"A generated story, shaped like the real one, told by one source: {first_topics}.",
            "topics": list(story.topics), "sources": [story.source_id], "order": story.index + 1,
        }, out, "story")
    _dump(content / "dossier.yaml", {
        "title": f"Synthetic dossier, {scale}x",
        "description": "A generated dossier for benchmarks; it describes no real events.",
        "language": "en",
    }, out, "dossier")
    _dump(content / "relations.yaml", {"relations": [r for s in stories for r in s.relations]}, out, "relations")
    _dump(content / "glossary.yaml", {"terms": [g for s in stories for g in s.glossary]}, out, "glossary")
    _dump(content / "context.yaml", {"context": [c for s in stories for c in s.context]}, out, "context")
    return Counts(
        sources=len(stories), actors=sum(len(s.actors) for s in stories), topics=sum(len(s.topics) for s in stories),
        claims=sum(len(s.claims) for s in stories), relations=sum(len(s.relations) for s in stories),
        glossary=sum(len(s.glossary) for s in stories), context=sum(len(s.context) for s in stories),
        sentences_per_source=base.sentences_per_source,
        chars_per_source=round(statistics.mean(len(s.text) for s in stories)),
    )


# -- a wide dossier: many sources per story ----------------------------------

WIDE_MAX_EVIDENCE = 20  # the claims other than a story's widest have 1 to this many sources
WIDE_FACTS = 6  # claims per story besides each source's own lead and the two that disagree


@dataclass(frozen=True)
class WideCounts:
    stories: int
    sources: int
    claims: int
    evidence: int  # pieces of evidence in all
    widest: int  # sources of the most widely reported claim
    contradictions: int
    corrections: int


def wide_story_sizes(stories: int, sources_per_claim: int, seed: int) -> list[int]:
    """How many sources each story has: the first ``sources_per_claim``, the others 5 to that."""
    rng = random.Random(f"dossier-wide-sizes:{seed}")
    low = min(5, sources_per_claim)
    return [sources_per_claim] + [rng.randint(low, sources_per_claim) for _ in range(stories - 1)]


# The day a wide dossier's sources (published in 2031) and claims were added.
WIDE_ADDED = "2032-01-01"


def write_wide_dossier(out: Path, sources_per_claim: int, stories: int = 1, seed: int = 1,
                       corrections: int = 3) -> WideCounts:
    """Write a project of ``stories`` stories with many sources each into ``out`` (see the module's doc)."""
    if sources_per_claim < 1 or stories < 1:
        raise ValueError("a wide dossier needs at least one story and one source per claim")
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty")
    copy_engine(out)
    rng = random.Random(f"dossier-wide:{seed}")
    writer = Writer(Counts(1, 1, 1, 1, 1, 1, 1, 1, 1), 1, seed)
    content, seeds = out / "content", out / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    totals = dict(sources=0, claims=0, evidence=0, contradictions=0, corrections=0)
    for index, size in enumerate(wide_story_sizes(stories, sources_per_claim, seed)):
        number = index + 1
        place = writer.unique(lambda: writer.made_up(2) + "ia")
        place_id = slugify(place)
        official = writer.unique(lambda: f"{writer.made_up(2)} {writer.made_up(3)}")
        official_id = slugify(official)
        topic_title = f"The {place} affair"
        topic_id = slugify(f"{topic_title} {number}")
        # A few papers publish the story's many articles.
        papers = []
        for _ in range(min(size, 8)):
            name = writer.unique(lambda: f"The {writer.made_up(2)} Herald")
            papers.append((slugify(name), name))
        _dump(content / "actors" / f"{place_id}.yaml",
              {"name": place, "kind": "country", "summary": "An invented country of a generated story."}, out, "actor")
        _dump(content / "actors" / f"{official_id}.yaml",
              {"name": official, "kind": "person", "summary": "An invented official of a generated story."}, out, "actor")
        for paper_id, name in papers:
            _dump(content / "actors" / f"{paper_id}.yaml",
                  {"name": name, "kind": "media", "summary": "An invented paper of a generated story."}, out, "actor")
        _dump(content / "topics" / f"{topic_id}.yaml",
              {"title": topic_title, "summary": f"A generated story told by {size} sources.", "order": number},
              out, "topic")
        source_ids = [f"{slugify(place)}-report-{number}-{k + 1}" for k in range(size)]
        # The facts: the first told by every source, the others by 1 to 20 of them;
        # two more that disagree (one figure each, told by different sources).
        facts = [(f"{place} and {official} agreed the {writer.words(3, 5)} accord {number}-0.", list(source_ids))]
        for f in range(1, WIDE_FACTS):
            tellers = rng.sample(source_ids, rng.randint(1, min(WIDE_MAX_EVIDENCE, size)))
            facts.append((f"{official} said the {writer.words(3, 6)} of {place} would {writer.word()} item {number}-{f}.",
                          sorted(tellers, key=source_ids.index)))
        half = max(1, size // 2)
        low, high = rng.randint(10, 40), rng.randint(41, 90)
        facts.append((f"The {place} programme {number} will cost {low} million crowns.", source_ids[:half]))
        facts.append((f"The {place} programme {number} will cost {high} million crowns.", source_ids[half:] or source_ids[:1]))
        texts: dict[str, list[str]] = {s: [] for s in source_ids}
        # Every source tells the first fact, which names the papers (so that each
        # actor is named by a claim); no claim is a source's alone, so that the
        # topic and actor pages grow with the facts, not with the sources.
        claims = []
        for f, (sentence, tellers) in enumerate(facts):
            for source_id in tellers:
                if sentence not in texts[source_id]:
                    texts[source_id].append(sentence)
            claim = {"id": f"{slugify(place)}-fact-{number}-{f}", "statement": sentence.replace(" item ", " point "),
                     "evidence": [{"source": s, "quote": sentence} for s in dict.fromkeys(tellers)],
                     "actors": [place_id] + ([official_id] if official in sentence else [])
                               + ([paper_id for paper_id, _ in papers] if f == 0 else []),
                     "topics": [topic_id], "certainty": "stated", "added": WIDE_ADDED}
            if f == 0 and corrections:
                # Dated after the claims were added (WIDE_ADDED), as a correction must be.
                claim["corrections"] = [{"date": f"2032-0{1 + c % 9}-1{c % 10}", "change": f"Correction {c + 1}: "
                                         f"the statement's wording changed ({writer.words(3, 6)}).",
                                         "reason": "A reader compared it with the sources."} for c in range(corrections)]
                totals["corrections"] += corrections
            claims.append(claim)
        claims[-2]["contradicts"] = [{"claim": claims[-1]["id"], "about": "account",
                                      "note": "The sources give different costs for the same programme."}]
        totals["contradictions"] += 1
        for k, source_id in enumerate(source_ids):
            text = " ".join(texts[source_id]) + "\n"
            (seeds / f"{source_id}.txt").write_bytes(text.encode("utf-8"))
            paper_id, _ = papers[k % len(papers)]
            _dump(content / "sources" / f"{source_id}.yaml", {
                "title": f"{place} report {number}-{k + 1}", "publisher": paper_id,
                "published": {"value": f"2031-{1 + k % 12:02d}-{1 + k % 28:02d}", "basis": "inferred",
                              "explanation": "The text carries no date; the benchmark gives it one."},
                "language": "en",
                "licence": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
                "attribution": "Generated text for benchmarks; it describes no real events.",
                "text": f"seeds/{source_id}.txt",
                "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                "added": WIDE_ADDED,
            }, out, "source")
        _dump(content / "claims" / f"{topic_id}.yaml", {"claims": claims}, out, "claims")
        _dump(content / "stories" / f"{topic_id}.yaml", {
            "title": topic_title, "lede": f"A generated story told by {size} sources: [{topic_title}](topic:{topic_id}).",
            "topics": [topic_id], "sources": source_ids, "order": number,
        }, out, "story")
        totals["sources"] += size
        totals["claims"] += len(claims)
        totals["evidence"] += sum(len(c["evidence"]) for c in claims)
    _dump(content / "dossier.yaml", {
        "title": f"Synthetic wide dossier, {sources_per_claim} sources per claim",
        "description": "A generated dossier for benchmarks; it describes no real events.",
        "language": "en",
    }, out, "dossier")
    _dump(content / "relations.yaml", {"relations": []}, out, "relations")
    _dump(content / "glossary.yaml", {"terms": []}, out, "glossary")
    _dump(content / "context.yaml", {"context": []}, out, "context")
    return WideCounts(stories, widest=sources_per_claim, **totals)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.tools.synthetic", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=10, help="how many times today's dossier (default 10)")
    parser.add_argument("--seed", type=int, default=1, help="the random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="an empty or new folder for the project")
    parser.add_argument("--sources-per-claim", type=int, default=None, metavar="N",
                        help="a wide dossier instead: stories told by many sources, the widest claim by N")
    parser.add_argument("--stories", type=int, default=1, help="stories of a wide dossier (default 1)")
    parser.add_argument("--corrections", type=int, default=3,
                        help="corrections on each story's widest claim, in a wide dossier (default 3)")
    args = parser.parse_args(argv)
    if args.sources_per_claim is not None:
        wide = write_wide_dossier(args.out, args.sources_per_claim, args.stories, args.seed, args.corrections)
        print(f"{args.out}: {wide.stories} stories, {wide.sources} sources, {wide.claims} claims, "
              f"{wide.evidence} pieces of evidence (the widest claim: {wide.widest} sources), "
              f"{wide.contradictions} disagreements, {wide.corrections} corrections")
        return 0
    counts = write_dossier(args.out, args.scale, args.seed)
    print(f"{args.out}: {counts.sources} sources, {counts.actors} actors, {counts.topics} topics, "
          f"{counts.claims} claims, {counts.relations} relations, {counts.glossary} glossary terms, "
          f"{counts.context} context entries ({counts.records()} records)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
