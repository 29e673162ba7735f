"""Every Prose field of every record kind goes through the link rules.

The Prose fields are found here from the model itself (a field whose type
carries Prose's validator, in any record kind, nested records and lists
included), independently of how the checker finds them; each one gets a link
to a claim that does not exist, in a copy of the fictional dossier
(tests/fictional_dossier/), and the check must refuse each at its own
``path:line:col``. A Prose field added to the model is so tested at once.
"""

from __future__ import annotations

from typing import Annotated, get_args, get_origin

import pytest
import yaml
from pydantic import AfterValidator

from build_scripts.content import model
from build_scripts.content.problems import DossierError
from build_scripts.rules.check import load_and_check

from .helpers import fictional_project

EVERY = "*"  # in a path: every item of a list (the test fills the first)


def _is_prose(annotation, metadata=()) -> bool:
    if any(isinstance(m, AfterValidator) and m.func is model._prose for m in metadata):
        return True
    if get_origin(annotation) is Annotated:
        base, *inner = get_args(annotation)
        return _is_prose(base, inner)
    return any(_is_prose(argument) for argument in get_args(annotation))


def _records_in(annotation) -> list[type[model.Record]]:
    if isinstance(annotation, type) and issubclass(annotation, model.Record):
        return [annotation]
    return [record for argument in get_args(annotation) for record in _records_in(argument)]


def _is_list(annotation) -> bool:
    return get_origin(annotation) is list or any(_is_list(a) for a in get_args(annotation) if a is not type(None))


def prose_paths(kind: type[model.Record], path: tuple = ()) -> list[tuple]:
    """The place of every Prose field in a file of ``kind``: ("claims", "*", "note")."""
    found = []
    for name, info in kind.model_fields.items():
        here = path + (info.alias or name,) + ((EVERY,) if _is_list(info.annotation) else ())
        if _is_prose(info.annotation, info.metadata):
            found.append(here)
        for inner in _records_in(info.annotation):
            found += prose_paths(inner, here)
    return found


# One file of each kind in the fictional dossier.
FILES = {"dossier": "content/dossier.yaml", "story": "content/stories/velmora-bridge.yaml", "source": "content/sources/ost-herald-bridge.yaml",
         "actor": "content/actors/velmora.yaml", "topic": "content/topics/bridge-reopening.yaml",
         "claims": "content/claims/bridge-reopening.yaml", "relations": "content/relations.yaml",
         "glossary": "content/glossary.yaml", "context": "content/context.yaml"}
PROSE_FIELDS = [(kind, path) for kind, record in model.RECORD_KINDS.items() for path in prose_paths(record)]


def test_the_model_s_prose_fields_are_found():
    # The enumeration below means something only if it finds the Prose fields known today.
    assert {(kind, ".".join(path)) for kind, path in PROSE_FIELDS} >= {
        ("story", "lede"), ("dossier", "about"), ("actor", "summary"), ("topic", "summary"),
        ("claims", "claims.*.note"), ("glossary", "terms.*.definition")}
    assert set(FILES) == set(model.RECORD_KINDS)


def _put(data, path: tuple, value: str, file: str) -> tuple:
    """Set ``value`` at ``path`` (the first item of each list); return the place as the check names it."""
    place = []
    for step in path[:-1]:
        if step == EVERY:
            assert isinstance(data, list) and data, f"{file}: no item at {'.'.join(map(str, place))}; add one"
            data, step = data[0], 0
        else:
            assert isinstance(data.get(step), (dict, list)), (
                f"{file}: no '{step}' at {'.'.join(map(str, place)) or 'the top'}: give the fictional "
                f"dossier a record with a Prose field {'.'.join(path)} to test")
            data = data[step]
        place.append(step)
    data[path[-1]] = value
    return (*place, path[-1])


def test_a_bad_link_in_every_prose_field_is_refused_at_its_place(tmp_path):
    root = fictional_project(tmp_path / "project")
    by_file: dict[str, list[tuple]] = {}
    for kind, path in PROSE_FIELDS:
        by_file.setdefault(FILES[kind], []).append(path)
    expected = []
    for file, paths in by_file.items():
        target = root / file
        text = target.read_text(encoding="utf-8")
        header = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))
        data = yaml.safe_load(text)
        links = {}
        for number, path in enumerate(paths):
            link = f"claim:zz-no-such-claim-{len(expected) + number}"
            links[link] = _put(data, path, f"See [this]({link}).", file)
        written = header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10**6)
        target.write_text(written, encoding="utf-8")
        for link, place in links.items():
            [(line_number, line)] = [(n, l) for n, l in enumerate(written.splitlines(), 1) if f"({link})" in l]
            key = f"{place[-1]}: "
            column = line.index(key) + len(key) + 1
            field = ".".join(map(str, place))
            expected.append(f"{file}:{line_number}:{column}: the link '{link}' names an unknown claim (field: {field})")

    with pytest.raises(DossierError) as raised:
        load_and_check(root)

    reported = [problem.as_text() for problem in raised.value.problems]
    missing = [e for e in expected if not any(r.startswith(e) for r in reported)]
    assert not missing, "not refused:\n" + "\n".join(missing) + "\nreported:\n" + "\n".join(reported)
    assert len(reported) == len(expected), reported
