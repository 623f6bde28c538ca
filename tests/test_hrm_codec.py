"""0x2A37 parsing, cross-checked against bumble's encoder and fuzzed."""

from __future__ import annotations

import itertools
import random

import pytest
from bumble.profiles.heart_rate_service import HeartRateService
from hypothesis import given, settings
from hypothesis import strategies as st

from devices import hrm_codec
from devices.hrm_codec import HeartRateMeasurement, MalformedMeasurement, encode, parse
from flooding_monitor.heart.samples import Contact

HRM = HeartRateService.HeartRateMeasurement


def test_round_trips_thousands_of_bumble_encoded_measurements():
    rng = random.Random(2026)
    for _ in range(5000):
        rr = [rng.randint(1, 0xFFFF) / 1024 for _ in range(rng.randint(0, 9))] if rng.random() < 0.8 else None
        m = HRM(
            heart_rate=rng.choice([rng.randint(0, 255), rng.randint(256, 0xFFFF)]),
            sensor_contact_detected=rng.choice([None, True, False]),
            energy_expended=rng.choice([None, rng.randint(0, 0xFFFF)]),
            rr_intervals=rr,
        )
        got = parse(bytes(m))
        assert got.hr_bpm == m.heart_rate
        assert got.energy_kj == m.energy_expended
        assert got.contact == {None: Contact.UNSUPPORTED, True: Contact.DETECTED,
                               False: Contact.NOT_DETECTED}[m.sensor_contact_detected]
        assert got.rr_ticks == tuple(round(r * 1024) for r in (m.rr_intervals or ()))


@pytest.mark.parametrize("uint16,contact,energy,rr", list(itertools.product(
    [False, True], list(Contact), [None, 0, 65535], [(), (1,), (1024, 65535, 300)])))
def test_every_flag_combination_matches_bumble_decoder(uint16, contact, energy, rr):
    ours = HeartRateMeasurement(72 if not uint16 else 300, contact, energy, rr, uint16)
    theirs = HRM.from_bytes(encode(ours))
    assert theirs.heart_rate == ours.hr_bpm
    assert theirs.energy_expended == energy
    assert tuple(round(x * 1024) for x in (theirs.rr_intervals or ())) == rr
    assert parse(encode(ours)) == ours


def test_uint8_rate_sent_as_uint16_is_read():
    assert parse(bytes([0x01, 0x48, 0x00])).hr_bpm == 72


@pytest.mark.parametrize("packet,reason", [
    (b"", "empty"),
    (bytes([0x01, 0x48]), "before the heart rate"),
    (bytes([0x08, 0x48, 0x01]), "energy"),
    (bytes([0x10, 0x48, 0x00, 0x04, 0x01]), "odd length"),
])
def test_malformed_packets_raise_one_typed_error(packet, reason):
    with pytest.raises(MalformedMeasurement, match=reason):
        parse(packet)


def test_zero_rate_means_no_reading():
    sample = parse(bytes([0x14, 0x00, 0x00, 0x04])).to_sample(1.0)
    assert sample.hr_bpm is None
    assert sample.contact == Contact.NOT_DETECTED
    assert sample.rr_us == (1_000_000,)


@settings(max_examples=3000, deadline=None)
@given(st.binary(max_size=40))
def test_fuzz_never_crashes(data):
    try:
        m = parse(data)
    except MalformedMeasurement:
        return
    assert 0 <= m.hr_bpm <= 0xFFFF
    assert all(0 <= r <= 0xFFFF for r in m.rr_ticks)
    m.to_sample(0.0)  # a parsed packet always makes a valid sample


@given(st.builds(HeartRateMeasurement, st.integers(0, 0xFFFF), st.sampled_from(list(Contact)),
                 st.one_of(st.none(), st.integers(0, 0xFFFF)),
                 st.lists(st.integers(0, 0xFFFF), max_size=9).map(tuple), st.booleans()))
def test_encode_parse_round_trip(m):
    got = parse(encode(m))
    assert (got.hr_bpm, got.contact, got.energy_kj, got.rr_ticks) == (m.hr_bpm, m.contact, m.energy_kj, m.rr_ticks)


def test_from_sample_rounds_rr_to_ticks():
    from flooding_monitor.heart.samples import HeartRateSample

    m = hrm_codec.from_sample(HeartRateSample(0.0, 71.6, (800_000,), Contact.DETECTED))
    assert m.hr_bpm == 72 and m.rr_ticks == (819,)
