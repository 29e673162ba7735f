"""The curated dossier covers its source: every sentence is quoted by a claim,
every claim's quote is found in its source, every relation has evidence, and
the checks leave no warnings. Read through the project's own API, without a
site build."""

from __future__ import annotations

import pytest

from build_scripts.content.source_text import normalise

from .helpers import real_claim_ids, real_record_ids


@pytest.mark.parametrize("source_id", real_record_ids("sources"))
def test_every_sentence_of_the_source_is_quoted_by_a_claim(real_checked, source_id):
    text = real_checked.texts[source_id].text
    missing = [normalise(text[s.start : s.end]) for s in real_checked.uncovered.get(source_id, [])]
    assert not missing, "sentences no claim quotes:\n" + "\n".join(missing)


def test_every_claim_has_a_quote_found_in_its_source(real_checked):
    assert set(real_checked.quote_spans) == set(real_checked.content.claims)
    for claim_id, located in real_checked.content.claims.items():
        claim = located.record
        assert claim.evidence, claim_id
        assert list(real_checked.evidence_spans[claim_id]) == claim.sources, claim_id
        for evidence in claim.evidence:
            assert evidence.quote.strip(), claim_id
            span = real_checked.evidence_spans[claim_id][evidence.source]
            found = real_checked.texts[evidence.source].text[span.start : span.end]
            assert normalise(found) == normalise(evidence.quote), claim_id


def test_every_relation_is_backed_by_known_claims(real_checked):
    for located in real_checked.content.relations:
        relation = located.record
        assert relation.claims, f"{relation.source_actor} {relation.type} {relation.target_actor}"
        assert set(relation.claims) <= set(real_checked.content.claims)


def test_the_dossier_is_substantial(real_checked):
    assert len(real_checked.content.actors) >= 15
    assert len(real_checked.content.topics) >= 6
    assert len(real_checked.content.claims) >= 30


def test_the_checks_leave_no_warnings(real_checked):
    assert not real_checked.warnings, "\n".join(w.as_text() for w in real_checked.warnings)


def test_the_ids_tests_are_parametrized_by_are_the_loaded_records(real_checked):
    """Tests are parametrized by ids read from file names and id lines (helpers.py),
    without loading the dossier when they are collected: those are the records loaded."""
    content = real_checked.content
    assert real_claim_ids() == sorted(content.claims)
    for kind in ("actors", "topics", "sources"):
        assert real_record_ids(kind) == sorted(getattr(content, kind)), kind
