"""The names a forgiving search is offered (site_source/search_names.py):
every actor's, topic's and term's names, as a script no name can break."""

from __future__ import annotations

import dataclasses
import json

import pytest

from build_scripts.content.load import load_content
from build_scripts.site_source import search_names

from .helpers import PROJECT_ROOT

PREFIX = b"window.dossierSearchNames = "


def _names(files: dict[str, bytes]) -> list[str]:
    line = files[search_names.PATH].split(b"\n")[0]
    assert line.startswith(PREFIX) and line.endswith(b";")
    return json.loads(line[len(PREFIX):-1])


def test_the_names_are_the_dossiers_own():
    content = load_content(PROJECT_ROOT)
    names = _names(search_names.names_file(content))
    for located in content.actors.values():
        assert {located.record.name, *located.record.aliases} <= set(names)
    assert {t.record.title for t in content.topics.values()} <= set(names)
    assert {"S-400", "JCPOA", "Joint Comprehensive Plan of Action"} <= set(names)
    assert len(names) == len(set(names))


def test_no_name_can_close_the_script_or_inject_markup():
    content = load_content(PROJECT_ROOT)
    actor_id, located = next(iter(content.actors.items()))
    hostile = "</script><img src=x onerror=alert(1)> & \u2028 end"
    renamed = located.record.model_copy(update={"name": hostile})
    content.actors[actor_id] = dataclasses.replace(located, record=renamed)
    data = search_names.names_file(content)[search_names.PATH]
    assert b"<" not in data and b">" not in data and b"&" not in data
    assert data.isascii()
    assert hostile in _names({search_names.PATH: data})
    assert hostile in _sounds({search_names.PATH: data})["keys"].values()


SOUND_CASES = json.loads((PROJECT_ROOT / "tests" / "sound_key_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("one, other, why", SOUND_CASES["same"])
def test_common_transliterations_of_a_name_share_its_sound_key(one, other, why):
    assert search_names.sound_key(one) == search_names.sound_key(other), why


@pytest.mark.parametrize("one, other, why", SOUND_CASES["different"])
def test_different_names_have_different_sound_keys(one, other, why):
    assert search_names.sound_key(one) != search_names.sound_key(other), why


def _sounds(files: dict[str, bytes]) -> dict:
    data = files[search_names.PATH]
    line = next(line for line in data.split(b"\n") if line.startswith(SOUNDS_PREFIX))
    return json.loads(line[len(SOUNDS_PREFIX):-1])


SOUNDS_PREFIX = b"window.dossierSearchSounds = "


def test_the_sound_keys_of_the_site_names_are_made_at_build_time():
    """The script carries the rules and, for every name and each of its
    words, its key: "Poutine" is Putin's, "Zareef" Zarif's, "Djavad" Javad's."""
    content = load_content(PROJECT_ROOT)
    sounds = _sounds(search_names.names_file(content))
    keys = sounds["keys"]
    assert keys[search_names.sound_key("Poutine")] == "Putin"
    assert keys[search_names.sound_key("Zareef")] == "Zarif"
    assert keys[search_names.sound_key("Djavad")] == "Javad"
    assert keys[search_names.sound_key("Irak")] == "Iraq"
    assert keys[search_names.sound_key("Muhammad Jawad Zareef")] == "Mohammad Javad Zarif"
    assert sounds["rules"] == [[rule["find"], rule["put"]] for rule in search_names.sound_rules()]
    assert all(len(key) >= search_names.SHORTEST_SOUND_KEY for key in keys)
