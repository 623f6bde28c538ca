"""The command line speaks in sentences: clock times, plain states, one live line on a terminal."""

from __future__ import annotations

import datetime as dt
import heapq
import io
import re
from dataclasses import replace
from pathlib import Path

from devices.scenarios import ARGUMENT, WITHDRAW
from flooding_monitor.live.controller import SessionController
from flooding_monitor.live.preferences import Preferences
from flooding_monitor.live.strap_status import Status, StatusKind
from ui.terminal.cli import main
from ui.terminal.record_status import LiveStatus

DATA = Path(__file__).parent / "data"


def run_couple(status_in_place: bool, until_s: float = 240) -> tuple[str, SessionController]:
    out = io.StringIO()
    clock = {"t": 0.0}
    controller = SessionController(Preferences(), None)
    controller.start(lambda: clock["t"], "demo", "Demo strap")
    controller.add_partner(1, "Demo strap B")
    start = dt.datetime(2026, 11, 25, 20, 0, 0)
    live = LiveStatus(controller, out, in_place=status_in_place,
                      clock=lambda: start + dt.timedelta(seconds=clock["t"]))
    controller.listeners.append(live)
    controller.status(Status(StatusKind.BATTERY, 0.0, value=12, partner=1))
    a = ARGUMENT.samples(7, "A")
    b = (replace(s, partner=1) for s in WITHDRAW.samples(11, "B", 0.4))
    for s in heapq.merge(a, b, key=lambda s: s.t_s):
        if s.t_s > until_s:
            break
        clock["t"] = s.t_s
        controller.feed(s)
    live.finish()
    controller.finish()
    return out.getvalue(), controller


def test_on_a_terminal_one_status_line_is_rewritten_and_news_stays_above_it():
    text, controller = run_couple(status_in_place=True)
    lines = text.split("\n")
    assert len(lines) < 12  # four minutes of two partners: news only, not 480 lines
    assert text.count("\r") > 200
    assert "Partner B: strap battery low (12 %): charge or replace it soon." in text
    news = next(line for line in lines if "flooding: above 100 bpm" in line)
    assert re.search(r"\d\d:\d\d:\d\d  Partner A: flooding: above 100 bpm since \d+ min into the session", news)
    last = text.rstrip("\n").split("\r")[-1]
    assert re.fullmatch(r"20:0[34]:\d\d  Partner A \d+ bpm [a-zA-Z :]+ · Partner B \d+ bpm [a-z ]+ *", last), last


def test_into_a_file_each_second_is_a_plain_line_without_codes():
    text, _ = run_couple(status_in_place=False, until_s=120)
    lines = text.splitlines()
    assert len(lines) > 200 and "\r" not in text
    assert all(re.match(r"\d\d:\d\d:\d\d  ", line) for line in lines)
    assert re.search(r"\n20:01:40  \[1:40\]  Partner A \d+ bpm", "\n" + text)  # clock and session time
    assert not re.search(r"no_signal|\bflooded\b|\[battery\]|body_location", text)


def test_analyze_gives_clock_times_when_the_file_knows_them(capsys):
    assert main(["analyze", str(DATA / "argument_hrm_pro.fit")]) == 0
    out = capsys.readouterr().out
    assert "recorded 2026-10-17 from 21:14" in out
    assert re.search(r"1 flooding episode:\n  from 21:2\d:\d\d to 21:2\d:\d\d \(\d+ min\), alert at 21:2", out)


def test_analyze_takes_partner_letters_and_says_which_exist(capsys, tmp_path):
    assert main(["analyze", "--partner", "B", str(DATA / "rest_rri.txt")]) == 2
    assert "has no samples for partner B (present: A)" in capsys.readouterr().err


def test_export_refuses_to_overwrite_unless_forced(capsys, tmp_path):
    d = str(tmp_path / "data")
    assert main(["--data-dir", d, "import", str(DATA / "rest_rri.txt")]) == 0
    assert main(["--data-dir", d, "export", "--session", "1", "--out", str(tmp_path)]) == 0
    (path,) = tmp_path.glob("session-1-*.fmsession")
    path.write_text("mine")
    assert main(["--data-dir", d, "export", "--session", "1", "--out", str(tmp_path)]) == 2
    assert "already exists (use --force to replace it)" in capsys.readouterr().err
    assert path.read_text() == "mine"
    assert main(["--data-dir", d, "export", "--session", "1", "--out", str(tmp_path), "--force"]) == 0
    assert path.read_text().startswith("{")
    assert main(["--data-dir", d, "import", str(path)]) == 2
    assert "already in the history as session 1" in capsys.readouterr().err


def test_analyze_reads_a_session_file_and_tells_the_same_story(capsys, tmp_path):
    d = str(tmp_path / "data")
    assert main(["--data-dir", d, "import", str(DATA / "argument_hrm_pro.fit")]) == 0
    assert main(["--data-dir", d, "export", "--session", "1", "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    (path,) = tmp_path.glob("*.fmsession")
    assert main(["analyze", str(path)]) == 0
    from_session = capsys.readouterr().out
    assert main(["analyze", str(DATA / "argument_hrm_pro.fit")]) == 0
    from_fit = capsys.readouterr().out
    episode = [line for line in from_fit.splitlines() if line.startswith("  from ")]
    assert episode and episode == [line for line in from_session.splitlines() if line.startswith("  from ")]
    assert "(session-file, recorded 2026-10-17 from 21:14)" in from_session


def test_export_all_into_a_folder_used_before_adds_the_new_sessions_and_keeps_the_rest(capsys, tmp_path):
    d = str(tmp_path / "data")
    out = tmp_path / "backup"
    assert main(["--data-dir", d, "import", str(DATA / "rest_rri.txt")]) == 0
    assert main(["--data-dir", d, "export", "--all", "--out", str(out)]) == 0
    (first,) = out.glob("*.fmsession")
    first.write_text("edited by hand")
    assert main(["--data-dir", d, "import", str(DATA / "exercise_rri.hrm")]) == 0
    capsys.readouterr()
    assert main(["--data-dir", d, "export", "--all", "--out", str(out)]) == 0
    assert f"beside {first.name}, which differs and was left as it is" in capsys.readouterr().err
    assert first.read_text() == "edited by hand" and len(list(out.glob("*.fmsession"))) == 3
    assert len(list(out.glob(first.stem + "-*.fmsession"))) == 1  # today's copy of the edited one


def test_options_that_depend_on_each_other_or_are_out_of_range_say_so_in_option_names(capsys, tmp_path):
    d = str(tmp_path / "data")
    assert main(["--data-dir", d, "history", "--threshold", "500"]) == 2
    err = capsys.readouterr().err
    assert "--threshold must be between 40 and 200 bpm" in err and "threshold_bpm" not in err
    assert main(["--data-dir", d, "record", "--demo", "--second-device", "AA:BB"]) == 2
    assert "--second-device needs --device" in capsys.readouterr().err


def test_export_all_refuses_one_file_name_for_every_session(capsys, tmp_path):
    """Bug: `export --all --out NAME.fmsession --force` wrote every session to one path (one survived)."""
    d = str(tmp_path / "data")
    for name in ("rest_rri.txt", "exercise_rri.hrm"):
        assert main(["--data-dir", d, "import", str(DATA / name)]) == 0
    capsys.readouterr()
    target = tmp_path / "all.fmsession"
    assert main(["--data-dir", d, "export", "--all", "--out", str(target), "--force"]) == 2
    err = capsys.readouterr().err
    assert "needs a folder" in err and err.count("\n") == 1 and not target.exists()


def test_export_all_keeps_an_edited_summary_and_writes_todays_beside_it(capsys, tmp_path):
    d = str(tmp_path / "data")
    out = tmp_path / "backup"
    assert main(["--data-dir", d, "import", str(DATA / "rest_rri.txt")]) == 0
    assert main(["--data-dir", d, "export", "--all", "--out", str(out)]) == 0
    (out / "sessions-summary.csv").write_text("my own notes")
    assert main(["--data-dir", d, "export", "--all", "--out", str(out)]) == 0
    assert (out / "sessions-summary.csv").read_text() == "my own notes"
    (dated,) = out.glob("sessions-summary-*.csv")
    assert dated.read_text().startswith("id,started_at")


def test_one_session_that_cannot_be_exported_does_not_stop_the_others(capsys, tmp_path):
    """Bug: a session holding NaN in its settings (imported before NaN was refused) stopped `export --all`:
    later sessions and the summary were not written."""
    import sqlite3

    d = tmp_path / "data"
    for name in ("rest_rri.txt", "exercise_rri.hrm"):
        assert main(["--data-dir", str(d), "import", str(DATA / name)]) == 0
    with sqlite3.connect(d / "history.sqlite3") as db:
        db.execute("""UPDATE sessions SET settings_json = '{"mystery": NaN}' WHERE id = 1""")
    capsys.readouterr()
    out = tmp_path / "backup"
    assert main(["--data-dir", str(d), "export", "--all", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "session 1 not exported" in err and err.count("\n") == 1
    assert len(list(out.glob("*.fmsession"))) == 1 and (out / "sessions-summary.csv").exists()


def test_a_spreadsheet_export_writes_only_the_file_named(tmp_path):
    """Bug: saving as for-therapist.csv overwrote the user's edited session-1-DATE.csv beside it, then renamed
    it away."""
    from flooding_monitor.review.exports import export_session_csv
    from flooding_monitor.review.history import import_file
    from flooding_monitor.storage.store import SessionStore

    store = SessionStore(tmp_path / "h.sqlite3")
    sid = import_file(store, DATA / "rest_rri.txt")
    default = export_session_csv(store, sid, tmp_path)
    default.write_text("edited")
    named = export_session_csv(store, sid, tmp_path / "for-therapist.csv")
    assert named == tmp_path / "for-therapist.csv" and named.read_text().startswith("t,")
    assert default.read_text() == "edited"


def test_a_reused_backup_folder_gets_new_notes_and_never_counts_a_link_as_kept(capsys, tmp_path):
    """Issue 24, item 15: in a reused backup folder a planted symlink counted as "kept" forever, and notes
    added after the first backup never reached it."""
    from flooding_monitor.storage.store import DB_NAME, SessionStore

    d = tmp_path / "data"
    out = tmp_path / "backup"
    for name in ("rest_rri.txt", "exercise_rri.hrm"):
        assert main(["--data-dir", str(d), "import", str(DATA / name)]) == 0
    assert main(["--data-dir", str(d), "export", "--all", "--out", str(out)]) == 0
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    capsys.readouterr()
    assert main(["--data-dir", str(d), "export", "--all", "--out", str(out)]) == 0
    assert {p.name for p in out.iterdir()} == set(first)  # nothing new: nothing added, nothing replaced
    assert capsys.readouterr().err.count("unchanged") == 2

    SessionStore(d / DB_NAME).add_note(1, "the holidays", "we talked over each other", "", "", "")
    one, two = sorted(p for p in out.glob("*.fmsession"))
    bait = tmp_path / "elsewhere.txt"
    bait.write_text("not yours")
    two.unlink()
    two.symlink_to(bait)
    assert main(["--data-dir", str(d), "export", "--all", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "kept" not in err and err.count("left as it is") == 2
    assert one.read_bytes() == first[one.name] and bait.read_text() == "not yours"
    new_one = next(p for p in out.glob(one.stem + "-*.fmsession"))
    assert "we talked over each other" in new_one.read_text()
    assert next(out.glob(two.stem + "-*.fmsession")).read_bytes() == first[two.name]


def test_a_full_disk_names_the_file_it_could_not_write(capsys, tmp_path, monkeypatch):
    """Issue 24, item 15: on a full disk the message read "No space left on device: None"."""
    import errno
    import os as os_module

    d = str(tmp_path / "data")
    assert main(["--data-dir", d, "import", str(DATA / "rest_rri.txt")]) == 0
    capsys.readouterr()
    real_fsync = os_module.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")  # as the kernel says it: no file name

    monkeypatch.setattr(os_module, "fsync", full)
    target = tmp_path / "out.fmsession"
    assert main(["--data-dir", d, "export", "--session", "1", "--out", str(target)]) == 2
    monkeypatch.setattr(os_module, "fsync", real_fsync)
    err = capsys.readouterr().err
    assert "No space left on device" in err and str(target) in err and "None" not in err
    assert not target.exists() and not list(tmp_path.glob(".out.fmsession.*"))
