"""Real atrial fibrillation (MIT-BIH AFDB, five 10-hour records) held to issue 23's figures.

Run ``python -m tests.afdb_evaluation`` for the table in docs/evaluation.md.
"""

import pytest

from .afdb_evaluation import MAX_DELAY_S, RECORDS, run


@pytest.fixture(scope="module")
def results():
    return {r: run(r) for r in RECORDS}


@pytest.mark.parametrize("record", RECORDS)
def test_every_stretch_at_100_for_30_s_is_alerted_within_75_s(results, record):
    r = results[record]
    assert r.stretches > 0 and r.missed == 0
    assert max(r.delays_s) <= MAX_DELAY_S


@pytest.mark.parametrize("record", RECORDS)
def test_no_false_alarm_and_no_blindness_on_a_good_contact(results, record):
    r = results[record]
    assert r.false_alarms == 0
    assert r.not_reading_s < 0.01 * r.hours * 3600


@pytest.mark.parametrize("record", RECORDS)
def test_the_30_s_rate_is_within_3_bpm_of_the_intervals_mean_95_percent_of_the_time(results, record):
    assert results[record].within_3_bpm >= 0.95
