"""The curated dossier covers its source: every sentence is quoted by a claim,
every claim's quote is found in its source, every relation has evidence, and
the checks leave no warnings. Read through the project's own API, without a
site build."""

from __future__ import annotations

import pytest

from build_scripts.content.source_text import normalise
from build_scripts.rules.check import load_and_check

from .helpers import PROJECT_ROOT

CHECKED = load_and_check(PROJECT_ROOT)
CONTENT = CHECKED.content


@pytest.mark.parametrize("source_id", sorted(CONTENT.sources))
def test_every_sentence_of_the_source_is_quoted_by_a_claim(source_id):
    text = CHECKED.texts[source_id].text
    missing = [normalise(text[s.start : s.end]) for s in CHECKED.uncovered.get(source_id, [])]
    assert not missing, "sentences no claim quotes:\n" + "\n".join(missing)


def test_every_claim_has_a_quote_found_in_its_source():
    assert set(CHECKED.quote_spans) == set(CONTENT.claims)
    for claim_id, located in CONTENT.claims.items():
        claim = located.record
        assert claim.evidence, claim_id
        assert list(CHECKED.evidence_spans[claim_id]) == claim.sources, claim_id
        for evidence in claim.evidence:
            assert evidence.quote.strip(), claim_id
            span = CHECKED.evidence_spans[claim_id][evidence.source]
            found = CHECKED.texts[evidence.source].text[span.start : span.end]
            assert normalise(found) == normalise(evidence.quote), claim_id


def test_every_relation_is_backed_by_known_claims():
    for located in CONTENT.relations:
        relation = located.record
        assert relation.claims, f"{relation.source_actor} {relation.type} {relation.target_actor}"
        assert set(relation.claims) <= set(CONTENT.claims)


def test_the_dossier_is_substantial():
    assert len(CONTENT.actors) >= 15
    assert len(CONTENT.topics) >= 6
    assert len(CONTENT.claims) >= 30


def test_the_checks_leave_no_warnings():
    assert not CHECKED.warnings, "\n".join(w.as_text() for w in CHECKED.warnings)
