"""A preferences file written by hand, by another version or by an attacker never stops the app or opens a socket."""

from __future__ import annotations

import json
import os

import pytest

from flooding_monitor.live.preferences import Preferences, PreferencesFile


def load(tmp_path, content: bytes | str):
    path = tmp_path / "preferences.json"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return PreferencesFile(path).load()


@pytest.mark.parametrize("value", ["false", "true", "no", 0, 1, None, [], {}])
def test_only_a_json_true_turns_streaming_on(tmp_path, value):
    """Bug: {"lsl": "false"} opened LSL's listening sockets on the network."""
    prefs, problems = load(tmp_path, json.dumps({"lsl": value, "sound": value}))
    assert prefs.lsl is False and prefs.sound is True  # defaults kept
    assert len(problems) == 2 and all("expected bool" in p for p in problems)
    prefs, problems = load(tmp_path, json.dumps({"lsl": True}))
    assert prefs.lsl is True and problems == []


@pytest.mark.parametrize(("key", "value"), [("last_device_address", 12345), ("pause_min", "30"), ("pause_min", True),
                                            ("font_scale", float("inf")), ("theme", 3)])
def test_wrong_types_fall_back_with_a_message(tmp_path, key, value):
    prefs, problems = load(tmp_path, json.dumps({key: value}))
    assert getattr(prefs, key) == getattr(Preferences(), key)
    assert problems and problems[0].startswith(f"{key}:")


def test_detector_values_must_be_numbers(tmp_path):
    prefs, problems = load(tmp_path, json.dumps({"detector": {"threshold_bpm": "95", "sustain_s": 45}}))
    assert prefs.detector.threshold_bpm == 100 and prefs.detector.sustain_s == 45
    assert problems and problems[0].startswith("threshold_bpm:")


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "utf-8-sig"])
def test_any_encoding_is_read(tmp_path, encoding):
    prefs, problems = load(tmp_path, json.dumps({"partners": [{"name": "Zoë", "colour": "#3b82c4"},
                                                              {"name": "Renée", "colour": "#c27c0e"}]},
                                                ensure_ascii=False).encode(encoding))
    assert problems == [] and [p.name for p in prefs.partners] == ["Zoë", "Renée"]


def test_a_fifo_is_refused_without_hanging(tmp_path):
    path = tmp_path / "preferences.json"
    os.mkfifo(path)
    prefs, problems = PreferencesFile(path).load()
    assert prefs == Preferences() and "not a regular file" in problems[0]


def test_a_huge_file_is_refused(tmp_path):
    prefs, problems = load(tmp_path, b"{" + b" " * (1024 * 1024) + b"}")
    assert prefs == Preferences() and "larger than" in problems[0]


def test_the_old_default_colours_give_way_to_the_new_ones_unless_someone_chose_one(tmp_path):
    """Preferences are saved whole, so every user held the old defaults (the "Settling" and "Rising"
    colours); both unchanged means nobody chose them. One changed colour keeps both as they are."""
    from flooding_monitor.live.partners import DEFAULT_PARTNERS

    path = tmp_path / "prefs.json"
    old = [{"name": "Sam", "colour": "#2f6fae"}, {"name": "Alex", "colour": "#956200"}]
    path.write_text(json.dumps({"partners": old}))
    prefs, problems = PreferencesFile(path).load()
    assert problems == [] and [p.colour for p in prefs.partners] == [p.colour for p in DEFAULT_PARTNERS]
    assert [p.name for p in prefs.partners] == ["Sam", "Alex"]
    chosen = [{"name": "Sam", "colour": "#2f6fae"}, {"name": "Alex", "colour": "#228833"}]
    path.write_text(json.dumps({"partners": chosen}))
    assert [p.colour for p in PreferencesFile(path).load()[0].partners] == ["#2f6fae", "#228833"]
