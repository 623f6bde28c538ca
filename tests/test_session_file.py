"""The session file: a real session (two partners, alert, "Not now", pause, note) travels and comes back whole."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from flooding_monitor.review.history import DuplicateImport, import_recording
from flooding_monitor.formats.recordings import RecordingError, load_recording
from flooding_monitor.formats.session_file import (
    export_session_file,
    import_session_file,
    load_session_file,
)
from flooding_monitor.storage.store import SessionStore
from tests.session_samples import lived_session

REAL = __import__("pathlib").Path(__file__).parent / "data"


def test_export_import_export_gives_the_same_bytes_and_keeps_everything(tmp_path):
    home, sid = lived_session(tmp_path)
    first = export_session_file(home, sid, tmp_path / "out1")
    assert first.stat().st_mode & 0o777 == 0o600

    elsewhere = SessionStore(tmp_path / "laptop.sqlite3")
    new_id = import_session_file(elsewhere, first)
    second = export_session_file(elsewhere, new_id, tmp_path / "out2")
    assert second.read_bytes() == first.read_bytes()

    # what it holds, compared with the history it came from
    assert elsewhere.session(new_id).started_at == home.session(sid).started_at  # the original date, not today's
    assert elsewhere.samples(new_id) == home.samples(sid)
    assert elsewhere.episodes(new_id) == home.episodes(sid) and home.episodes(sid)
    assert elsewhere.pauses(new_id) == home.pauses(sid) and home.pauses(sid)
    assert elsewhere.snoozes(new_id) == home.snoozes(sid) and home.snoozes(sid)
    assert elsewhere.notes(new_id) == home.notes(sid) and [n.partner for n in home.notes(sid)] == [None, 1]
    assert elsewhere.partners(new_id) == home.partners(sid)
    assert elsewhere.session(new_id).settings == home.session(sid).settings
    alerts = [(t, who) for t, kind, _, who in home.events_with_partner(sid) if kind == "alert"]
    assert alerts and all(who in (0, 1) for _, who in alerts)
    assert sorted(elsewhere.events_with_partner(new_id)) == sorted(home.events_with_partner(sid))


def test_every_row_carries_a_wall_clock_time_with_its_offset(tmp_path):
    home, sid = lived_session(tmp_path)
    path = export_session_file(home, sid, tmp_path)
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    header, rows = lines[0], lines[1:]
    assert header["format"] == "flooding-monitor-session" and header["version"] == 1
    assert dt.datetime.fromisoformat(header["started_at"]).utcoffset() is not None
    assert {r["type"] for r in rows} >= {"sample", "alert", "episode", "pause", "snooze", "note"}
    for r in rows:
        assert dt.datetime.fromisoformat(r["time"]).utcoffset() is not None, r
    assert [p["partner"] for p in header["partners"]] == ["A", "B"]


def test_the_same_session_twice_is_refused_with_the_existing_id(tmp_path):
    home, sid = lived_session(tmp_path)
    path = export_session_file(home, sid, tmp_path)
    with pytest.raises(DuplicateImport) as caught:
        import_session_file(home, path)  # back into the history it came from
    assert caught.value.session_id == sid
    other = SessionStore(tmp_path / "other.sqlite3")
    new_id = import_session_file(other, path)
    with pytest.raises(DuplicateImport) as again:
        import_session_file(other, path)
    assert again.value.session_id == new_id
    assert len(other.summary_rows()) == 1


def test_an_imported_recording_exported_and_imported_again_is_recognised(tmp_path):
    store = SessionStore(tmp_path / "h.sqlite3")
    sid = import_recording(store, REAL / "rest_rri.txt")
    path = export_session_file(store, sid, tmp_path)
    with pytest.raises(DuplicateImport) as caught:
        import_session_file(store, path)
    assert caught.value.session_id == sid


def test_an_export_never_overwrites_without_being_told(tmp_path):
    home, sid = lived_session(tmp_path)
    path = export_session_file(home, sid, tmp_path)
    path.write_text("my edits", "utf-8")
    with pytest.raises(FileExistsError):
        export_session_file(home, sid, tmp_path)
    assert path.read_text("utf-8") == "my edits"
    export_session_file(home, sid, tmp_path, overwrite=True)
    assert path.read_text("utf-8").startswith('{"format": "flooding-monitor-session"')


@pytest.mark.parametrize("line, says", [
    ('{"type": "sample", "t_s": 1.0, "partner": "A", "hr_bpm": 900, "rr_us": []}', "hr_bpm"),
    ('{"type": "sample", "t_s": 1.0, "partner": "C", "hr_bpm": 70}', "partner"),
    ('{"type": "sample", "t_s": "soon", "partner": "A"}', "t_s"),
    ('{"type": "sample", "t_s": 1.0, "rr_us": [800.5]}', "rr_us"),
    ('{"type": "pause", "started_s": 3, "planned_s": 1200, "return_at": "tomorrow"}', "return_at"),
    ('{"type": "episode", "start_s": 1, "onset_s": 2, "alerted": "yes"}', "alerted"),
    ('{"type": "mystery"}', "unknown row type"),
    ("[1, 2]", "not a JSON object"),
    ('{"type": "sample", "t_s": NaN}', "NaN"),
])
def test_a_damaged_line_is_refused_with_its_line_and_field_and_nothing_is_imported(tmp_path, line, says):
    home, sid = lived_session(tmp_path)
    path = export_session_file(home, sid, tmp_path)
    lines = path.read_text("utf-8").splitlines()
    lines.insert(5, line)
    path.write_text("\n".join(lines) + "\n", "utf-8")
    other = SessionStore(tmp_path / "other.sqlite3")
    with pytest.raises(RecordingError) as caught:
        import_session_file(other, path)
    assert "line 6" in str(caught.value) and says in str(caught.value)
    assert other.summary_rows() == []


def test_a_hand_written_file_with_clock_times_only_is_read(tmp_path):
    path = tmp_path / "by-hand.fmsession"
    rows = [{"format": "flooding-monitor-session", "version": 1, "started_at": "2026-03-01T21:00:00-05:00",
             "settings": {}}]
    rows += [{"type": "sample", "time": f"2026-03-01T21:00:{k:02d}.500-05:00", "hr_bpm": 70 + k} for k in range(30)]
    rows += [{"type": "note", "time": "2026-03-02T03:00:00+01:00", "body": "written in Paris"}]
    path.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    doc = load_session_file(path)
    assert doc.samples[0].t_s == 0.5 and doc.samples[-1].t_s == 29.5
    store = SessionStore(tmp_path / "h.sqlite3")
    sid = import_session_file(store, path)
    assert store.session(sid).started_at == dt.datetime(2026, 3, 1, 21, 0)
    assert store.notes(sid)[0].written_at == "2026-03-01T21:00:00"  # 03:00 in Paris is 21:00 in New York


def test_the_spreadsheet_export_has_clock_times_names_and_episode_and_pause_columns(tmp_path):
    import csv

    from flooding_monitor.review.exports import export_session_csv

    home, sid = lived_session(tmp_path)
    rows = list(csv.DictReader(export_session_csv(home, sid, tmp_path).open(encoding="utf-8")))
    assert {r["partner"] for r in rows} == {"A", "B"} and {r["partner_name"] for r in rows} == {"Partner A", "Partner B"}
    start = home.session(sid).started_aware
    first = dt.datetime.fromisoformat(rows[0]["time"])
    assert first.utcoffset() is not None and abs((first - start).total_seconds() - float(rows[0]["t"])) < 0.001
    (episode,) = [e for e in home.episodes(sid) if e.partner == 0]
    inside = [r for r in rows if r["partner"] == "A" and episode.start_s + 1 < float(r["t"]) < episode.end_s - 1]
    assert inside and all(r["flooding"] == "1" for r in inside)
    assert all(r["flooding"] == "0" for r in rows if r["partner"] == "B")  # B never flooded
    pause = home.pauses(sid)[0]
    assert all(r["paused"] == ("1" if pause.started_s <= float(r["t"]) <= pause.stop_s else "0") for r in rows)
    back = load_recording(tmp_path / f"session-{sid}-{home.session(sid).started_at:%Y%m%d-%H%M}.csv")
    assert len(back.samples) == len(home.samples(sid))  # the analyzer and import still read it


def test_our_spreadsheet_export_imported_elsewhere_keeps_its_date(tmp_path):
    from flooding_monitor.review.exports import export_session_csv
    from flooding_monitor.review.history import import_file

    home, sid = lived_session(tmp_path)
    path = export_session_csv(home, sid, tmp_path)
    other = SessionStore(tmp_path / "other.sqlite3")
    new_id = import_file(other, path)
    first_sample = home.samples(sid)[0].t_s  # the import starts at the first sample
    expected = home.session(sid).started_at + dt.timedelta(seconds=first_sample)
    assert abs((other.session(new_id).started_at - expected).total_seconds()) < 0.002
