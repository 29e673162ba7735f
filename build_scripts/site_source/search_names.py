"""The site's own names for a forgiving search (docs/assets/search-forgive.js).

When Material's search finds nothing ("Moddi", "Putim", "S400", "newdelhi"),
the script looks for the nearest of these names (one letter off, or the same
once hyphens and spaces are left out) and searches for it instead. The names
are every actor's name and aliases, every topic's title, every glossary
term with its expansion and aliases: the words readers look for.

A name also matches the common transliterations of it: each name, and each
of its words, has a phonetic key, made here at build time by the rules of
``sound_rules.json`` ("Poutine", "Puttin" -> Putin's; "Jawad", "Djavad" ->
Javad's; "Zareef" -> Zarif's). The script gets the rules and the keys; it
makes the query's key with the same rules, so the two cannot differ.

Shipped as a script that sets two globals (a script loads from disk, file://,
where fetching a JSON file is refused), loaded only when a search finds nothing.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path

from build_scripts.content.load import Content

PATH = "assets/search-names.js"
SOUND_RULES_FILE = Path(__file__).with_name("sound_rules.json")
# A key this short says too little ("Ta" for "the"): such names get none.
SHORTEST_SOUND_KEY = 3


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


@functools.cache
def sound_rules() -> list[dict[str, str]]:
    """The rules of the phonetic key, in order: [{find, put, why}]."""
    return json.loads(SOUND_RULES_FILE.read_text(encoding="utf-8"))["rules"]


@functools.cache
def _compiled_rules() -> list[tuple[re.Pattern[str], str]]:
    # "$1" in a JavaScript replacement is "\g<1>" in Python's.
    return [(re.compile(rule["find"]), re.sub(r"\$(\d)", r"\\g<\1>", rule["put"])) for rule in sound_rules()]


def _fold(text: str) -> str:
    """Lower case without accents, as ``fold`` in search-forgive.js."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not "\u0300" <= c <= "\u036f").lower()


def sound_key(text: str) -> str:
    """The phonetic key of ``text``: each word's letters and digits through the rules, joined."""
    return "".join(_word_key(word) for word in _fold(text).split())


@functools.lru_cache(maxsize=1 << 16)  # a name's words recur in the name, in its aliases and as words of their own
def _word_key(word: str) -> str:
    word = re.sub(r"[^a-z0-9]", "", word)
    for pattern, put in _compiled_rules():
        word = pattern.sub(put, word)
    return word


def _words(name: str) -> list[str]:
    """A name's words as search-forgive.js's prepareNames takes them: without quotes and punctuation around."""
    return [re.sub(r'^[("“]+|[)"”,.;:]+$', "", word) for word in name.split()]


def sounds(found: list[str]) -> dict[str, str]:
    """{phonetic key: the first name, or word of a name, that has it}, in the order
    the script takes them (prepareNames): each name, then its words."""
    keys: dict[str, str] = {}
    for name in found:
        for key, text in _keyed_texts(name):
            keys.setdefault(key, text)
    return keys


@functools.lru_cache(maxsize=1 << 16)  # the preview asks for every name again at each save
def _keyed_texts(name: str) -> tuple[tuple[str, str], ...]:
    """(phonetic key, text) of the name and of each of its words, those whose key is long enough."""
    keyed = ((sound_key(text), text) for text in [name, *_words(name)])
    return tuple((key, text) for key, text in keyed if len(key) >= SHORTEST_SOUND_KEY)


def _script_value(value: object) -> str:
    """``value`` as JSON that no string in it can end the script with: every character
    outside ASCII, and "<", ">", "&", written as an escape."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def names_file(content: Content) -> dict[str, bytes]:
    """{site path: the script}: the names, then the rules of the phonetic key and each name's key."""
    found = names(content)
    rules = [[rule["find"], rule["put"]] for rule in sound_rules()]
    return {PATH: (f"window.dossierSearchNames = {_script_value(found)};\n"
                   f"window.dossierSearchSounds = {_script_value({'rules': rules, 'keys': sounds(found)})};\n"
                   ).encode("ascii")}
