"""Detection on the cases a real evening brings (tests/evening_corpus.py), held to the issue's figures.

Run ``python -m tests.evening_corpus`` for the table (docs/evaluation.md has it before and after).
"""

import pytest

from .evening_corpus import EVENINGS, run

BY_NAME = {e.name: e for e in EVENINGS}


@pytest.fixture(scope="module")
def results():
    return {e.name: run(e) for e in EVENINGS}


@pytest.mark.parametrize("name", [e.name for e in EVENINGS if e.expect_episodes])
def test_every_episode_is_alerted_in_time_and_ends(results, name):
    r = results[name]
    assert r.missed == 0 and r.delays_s, name
    assert max(r.delays_s) <= r.max_delay_s  # after the true 30-s mean reached the threshold
    assert r.not_ended == 0  # the athlete's episode ends once back near rest


@pytest.mark.parametrize("name", [e.name for e in EVENINGS])
def test_no_false_alarm(results, name):
    assert results[name].false_alarms == 0


@pytest.mark.parametrize("name", [e.name for e in EVENINGS])
def test_a_strap_that_sends_valid_bpm_is_hardly_ever_not_reading(results, name):
    """Every notification of these recordings carries a valid bpm: under 5 % signal lost."""
    assert max(results[name].lost_fraction) < 0.05


def test_a_rate_hovering_at_the_margin_does_not_flip_the_state(results):
    assert max(results["steady drift at 90"].flips) <= 2
