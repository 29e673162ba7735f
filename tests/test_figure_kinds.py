"""A figure says what kind of thing it is (model.FigureKind); the Key figures
page and the home page's key figures show only those that measure the story
(amounts, counts, ratios, durations), never a licence's version, a year used
as a date or an ordinal; every figure still shows with its claim."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from build_scripts.content import model
from build_scripts.content.source_text import normalise
from build_scripts.pages.addresses import claim_address, claim_anchor

from .helpers import article

NOT_ABOUT_THE_STORY = {"4.0": "version", "2016": "date", "1955": "date", "November 4": "date",
                       "first-ever": "rank", "for the first time": "rank"}


def _figures(checked):
    return [(claim_id, figure) for claim_id, located in checked.content.claims.items() for figure in located.record.figures]


# -- in-process: the model -----------------------------------------------------------


def test_a_figure_is_an_amount_unless_it_says_otherwise():
    figure = model.Figure.model_validate({"said_as": "40,000 crowns", "value": 40000, "unit": "crowns",
                                          "measures": "the cost"})
    assert figure.kind is model.FigureKind.amount and figure.measures_the_story
    for kind in ("date", "rank", "version"):
        assert not model.Figure.model_validate({**figure.model_dump(), "kind": kind}).measures_the_story
    with pytest.raises(ValidationError, match="kind"):
        model.Figure.model_validate({**figure.model_dump(), "kind": "colour"})


def test_a_calendar_year_left_as_an_amount_is_refused():
    with pytest.raises(ValidationError, match="calendar year: give it 'kind: date'"):
        model.Figure.model_validate({"said_as": "2016", "value": 2016, "unit": "year", "measures": "the election"})
    assert model.Figure.model_validate({"said_as": "2016", "value": 2016, "unit": "year", "measures": "the election",
                                        "kind": "date"}).kind is model.FigureKind.date


def test_todays_figures_that_are_not_about_the_story_say_so(real_checked):
    kinds = {figure.said_as: figure.kind.value for _, figure in _figures(real_checked)}
    assert {said: kinds[said] for said in NOT_ABOUT_THE_STORY} == NOT_ABOUT_THE_STORY


# -- the real site ------------------------------------------------------------------


def test_the_key_figures_page_shows_only_the_figures_that_measure_the_story(built_site, real_checked):
    rows = article(built_site / "figures.html").select("tbody tr")
    said = [normalise(row.find("td").get_text()) for row in rows]
    measuring = [normalise(f.said_as) for _, f in _figures(real_checked) if f.measures_the_story]
    assert sorted(said) == sorted(measuring) and measuring
    assert not set(said) & {normalise(s) for s in NOT_ABOUT_THE_STORY}
    # Left out there, every figure still shows with its claim, at the claim's address.
    for claim_id, figure in _figures(real_checked):
        page, _ = claim_address(real_checked.content, claim_id)
        claim = article(built_site / page.replace(".md", ".html")).find(id=str(claim_anchor(claim_id)))
        shown = [normalise(s.get_text()) for s in claim.select(".dossier-figures strong")]
        assert normalise(figure.said_as) in shown, (claim_id, figure.said_as)


def test_the_home_pages_key_figures_measure_the_story(built_site):
    shown = {p.get_text() for p in article(built_site / "index.html").select(".dossier-figure-value")}
    assert shown and not shown & set(NOT_ABOUT_THE_STORY)
