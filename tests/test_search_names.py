"""The names a forgiving search is offered (site_source/search_names.py):
every actor's, topic's and term's names, as a script no name can break."""

from __future__ import annotations

import dataclasses
import json

from build_scripts.content.load import load_content
from build_scripts.site_source import search_names

from .helpers import PROJECT_ROOT

PREFIX = b"window.dossierSearchNames = "


def _names(files: dict[str, bytes]) -> list[str]:
    data = files[search_names.PATH]
    assert data.startswith(PREFIX) and data.endswith(b";\n")
    return json.loads(data[len(PREFIX):-2])


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
