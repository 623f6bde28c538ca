"""Round two of hostile inputs (issue 24): session files and imports that once gave a traceback,
hung, or were misread. Each gives one line naming the file and line, and stores nothing."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from flooding_monitor.storage.store import SessionStore
from tests.session_samples import lived_session
from ui.terminal.cli import main


@pytest.fixture
def exported(tmp_path):
    """A lived two-partner session exported to a session file: (history, path)."""
    from flooding_monitor.formats.session_file import export_session_file

    home, sid = lived_session(tmp_path)
    return home, export_session_file(home, sid, tmp_path / "out")


def _import(tmp_path, path, capsys) -> tuple[int, str]:
    code = main(["--data-dir", str(tmp_path / "other"), "import", str(path)])
    return code, capsys.readouterr().err


def _nothing_stored(tmp_path) -> bool:
    return SessionStore(tmp_path / "other" / "history.sqlite3").summary_rows() == []


def _edit_line(path, n: int, edit) -> None:
    lines = path.read_text("utf-8").splitlines()
    lines[n] = edit(lines[n])
    path.write_text("\n".join(lines) + "\n", "utf-8")


@pytest.mark.parametrize(("edit", "words"), [
    (lambda h: h.replace('"settings": {', '"settings": {"mystery": NaN, '), "line 1: not a JSON object (NaN"),
    (lambda h: h.replace('"settings": {', '"settings": {"mystery": -Infinity, '), "line 1: not a JSON object (-Inf"),
    (lambda h: h.replace('"settings": {', '"settings": {"mystery": ' + "9" * 5000 + ", "), "line 1: not a JSON"),
    (lambda h: h.replace('"settings": {', '"settings": {"mystery": ' + "[" * 5000 + "]" * 5000 + ", "),
     "line 1: nested too deeply"),
    (lambda h: h.replace('"source": "', '"source": "\\udc80'), "line 1: text that is not valid UTF-8"),
])
def test_a_poisoned_header_is_one_line_and_stores_nothing(tmp_path, capsys, exported, edit, words):
    """Bugs: NaN in settings imported, then broke every export; a 5,000-digit integer, deep nesting and a
    lone surrogate gave tracebacks."""
    _, path = exported
    _edit_line(path, 0, edit)
    code, err = _import(tmp_path, path, capsys)
    assert code == 2 and words in err and err.count("\n") == 1 and "Traceback" not in err
    assert path.name in err and _nothing_stored(tmp_path)


def test_a_lone_surrogate_in_a_note_is_refused_with_its_line(tmp_path, capsys, exported):
    _, path = exported
    lines = path.read_text("utf-8").splitlines()
    n = next(i for i, line in enumerate(lines) if '"type": "note"' in line)
    _edit_line(path, n, lambda line: line.replace('"trigger": "', '"trigger": "\\udc80'))
    code, err = _import(tmp_path, path, capsys)
    assert code == 2 and f"line {n + 1}: text that is not valid UTF-8" in err and _nothing_stored(tmp_path)


def test_a_single_huge_line_is_refused_without_reading_it_whole(tmp_path, capsys, exported):
    _, path = exported
    with open(path, "ab") as fh:
        fh.write(b'{"type": "note", "body": "' + b"x" * (3 << 20) + b'"}\n')
    code, err = _import(tmp_path, path, capsys)
    assert code == 2 and "longer than 1024 kB" in err and _nothing_stored(tmp_path)


def test_a_session_file_with_a_byte_order_mark_comes_back_whole(tmp_path, capsys, exported):
    """Bug: with a UTF-8 BOM it was imported as a plain recording: events, notes, pauses dropped."""
    home, path = exported
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    code, err = _import(tmp_path, path, capsys)
    assert code == 0, err
    other = SessionStore(tmp_path / "other" / "history.sqlite3")
    new_id = other.summary_rows()[0].id
    assert other.pauses(new_id) == home.pauses(1) and other.notes(new_id) == home.notes(1)
    assert other.session(new_id).started_at == home.session(1).started_at


def test_rows_in_reverse_order_analyse_as_in_order(tmp_path, capsys, exported):
    """Bug: reversed, the same session analysed as "0 s, 2 beats, no episode"."""
    home, path = exported
    lines = path.read_text("utf-8").splitlines()
    path.write_text("\n".join([lines[0]] + lines[:0:-1]) + "\n", "utf-8")
    assert main(["analyze", str(path)]) == 0
    backwards = capsys.readouterr().out
    forwards_file = path.with_name("forwards.fmsession")
    forwards_file.write_text("\n".join(lines) + "\n", "utf-8")
    assert main(["analyze", str(forwards_file)]) == 0
    forwards = capsys.readouterr().out
    assert backwards.replace(path.name, "") == forwards.replace(forwards_file.name, "")
    assert "episode" in forwards and "0 s" not in forwards.split("\n")[0]


def test_a_csv_with_descending_times_reads_as_ascending(tmp_path):
    from flooding_monitor.formats.recordings import load_recording

    rows = [(t, 70 + t % 7, 800 + 10 * (t % 5)) for t in range(120)]
    up, down = tmp_path / "up.csv", tmp_path / "down.csv"
    up.write_text("t,hr,rr_ms\n" + "".join(f"{t},{hr},{rr}\n" for t, hr, rr in rows))
    down.write_text("t,hr,rr_ms\n" + "".join(f"{t},{hr},{rr}\n" for t, hr, rr in reversed(rows)))
    def beats(path):
        return [(s.t_s, s.hr_bpm, s.rr_us) for s in load_recording(path).samples]

    assert beats(down) == beats(up)


def test_importing_a_fifo_is_refused_not_waited_on(tmp_path, capsys):
    """Bug: `import` of a FIFO hung forever (`analyze` refused it)."""
    fifo = tmp_path / "pipe.fmsession"
    os.mkfifo(fifo)
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(_import(tmp_path, fifo, capsys)[0]), daemon=True)
    thread.start()
    thread.join(10)
    if thread.is_alive():  # unblock the reader so the test process can end, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("import waited on a FIFO")
    assert result == [2]


def test_history_threshold_of_a_reversed_import_agrees_with_the_file_in_order(tmp_path, capsys, exported):
    """Bug: `history --threshold` agreed with the wrong answer of a reversed file."""
    _, path = exported
    lines = path.read_text("utf-8").splitlines()
    path.write_text("\n".join([lines[0]] + lines[:0:-1]) + "\n", "utf-8")
    forwards = path.with_name("forwards.fmsession")
    forwards.write_text("\n".join(lines) + "\n", "utf-8")
    tables = []
    for name, f in (("back", path), ("fwd", forwards)):
        assert main(["--data-dir", str(tmp_path / name), "import", str(f)]) == 0
        capsys.readouterr()
        assert main(["--data-dir", str(tmp_path / name), "history", "--threshold", "95"]) == 0
        tables.append(capsys.readouterr().out)
    assert tables[0] == tables[1] and "95" in tables[0]


@pytest.mark.parametrize("start", ["99999999:00:00", "0:0:inf", "25:61:nan"])
def test_an_impossible_hrm_start_time_dates_the_file_otherwise_without_a_traceback(tmp_path, capsys, start):
    path = tmp_path / "run.hrm"
    path.write_text(f"[Params]\nVersion=106\nDate=20260101\nStartTime={start}\nInterval=238\n[HRData]\n"
                    + "".join(f"{800 + k % 7}\n" for k in range(300)))
    code, err = _import(tmp_path, path, capsys)
    assert code == 0 and "Traceback" not in err


def test_a_session_number_sqlite_cannot_hold_is_one_line(tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(tmp_path / "d"), "export", "--session", "99999999999999999999",
              "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert caught.value.code == 2 and "invalid session number value" in err and "Traceback" not in err


def test_a_closed_pipe_is_no_traceback(tmp_path):
    import subprocess
    import sys

    data = Path(__file__).parent / "data"
    child = subprocess.Popen([sys.executable, "-m", "ui.terminal.cli", "analyze", str(data / "rest_rri.txt")],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child.stdout.close()  # `| head -0`: the reader is gone before anything is written
    err = child.stderr.read().decode()
    child.wait(60)
    assert "Traceback" not in err and "BrokenPipe" not in err and err == ""


def test_names_from_a_file_cannot_drive_the_terminal(tmp_path, capsys, exported):
    """Bug: a partner name with escape codes changed the terminal's title and cleared the screen."""
    _, path = exported
    _edit_line(path, 0, lambda h: h.replace('"name": "', '"name": "\\u001b]0;owned\\u0007\\u001b[2J', 1))
    code, err = _import(tmp_path, path, capsys)
    assert code == 0, err
    assert main(["--data-dir", str(tmp_path / "other"), "history"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "owned" in out


def test_a_name_in_a_desktop_notification_is_text_not_markup(monkeypatch):
    import concurrent.futures
    import sys

    from ui.desktop_notice import DesktopNotice

    monkeypatch.setattr(sys, "platform", "linux")
    sent: list[str] = []

    def submit(coro):
        coro.close()
        future: concurrent.futures.Future = concurrent.futures.Future()
        future.set_result(None)
        return future

    notice = DesktopNotice(submit)
    monkeypatch.setattr(notice, "_send", lambda title, message: sent.append(message) or _coro())
    notice.send("Flooding", '<a href="http://x">Sam</a> & Alex: heart rate above 100')
    assert sent == ['&lt;a href="http://x"&gt;Sam&lt;/a&gt; &amp; Alex: heart rate above 100']


async def _coro() -> None:
    return None


def test_a_file_that_never_closed_is_imported_closed_not_recovered_as_a_crash(tmp_path, capsys, exported):
    """Issue 24, item 15: ``ended_at: null`` imported fine, then the next command "closed" it with a
    message about the app having stopped. It ends at its last sample, marked as an import."""
    _, path = exported
    _edit_line(path, 0, lambda line: json.dumps({**json.loads(line), "ended_at": None, "duration_s": None,
                                                 "closed_by": None}))
    last = max(json.loads(line)["t_s"] for line in path.read_text().splitlines()[1:]
               if json.loads(line)["type"] == "sample")
    assert _import(tmp_path, path, capsys)[0] == 0
    assert main(["--data-dir", str(tmp_path / "other"), "history"]) == 0
    assert "left open" not in capsys.readouterr().err
    info = SessionStore(tmp_path / "other" / "history.sqlite3").session(1)
    assert info.closed_by == "import" and info.duration_s == last
    assert info.ended_at is not None


def _shift_header(path, edit) -> None:
    _edit_line(path, 0, lambda line: json.dumps({**json.loads(line), "started_at": edit(json.loads(line)["started_at"])}))


@pytest.mark.parametrize("change", ["tokyo", "reordered", "one_microsecond"])
def test_the_same_session_written_otherwise_is_still_the_same_session(tmp_path, capsys, exported, change):
    """Issue 24, item 11: the same instant with another UTC offset, the rows in another order, or the
    start moved by 1 µs were imported as new sessions."""
    import datetime as dt

    _, path = exported
    assert _import(tmp_path, path, capsys)[0] == 0
    if change == "tokyo":  # the same instant, nine hours east of where it was written
        tokyo = dt.timezone(dt.timedelta(hours=9))
        _shift_header(path, lambda s: dt.datetime.fromisoformat(s).astimezone(tokyo).isoformat())
    elif change == "one_microsecond":
        _shift_header(path, lambda s: (dt.datetime.fromisoformat(s) + dt.timedelta(microseconds=1)).isoformat())
    else:
        lines = path.read_text("utf-8").splitlines()
        path.write_text("\n".join([lines[0]] + lines[:0:-1]) + "\n", "utf-8")
    code, err = _import(tmp_path, path, capsys)
    assert code != 0 and "already in the history as session 1" in err
    assert len(SessionStore(tmp_path / "other" / "history.sqlite3").summary_rows()) == 1


def test_a_utc_offset_with_seconds_is_refused_rather_than_rounded(tmp_path, capsys, exported):
    """Issue 24, item 15: +05:30:15 became +05:30 (the round trip was not lossless)."""
    _, path = exported
    _shift_header(path, lambda s: s[:19] + "+05:30:15")
    code, err = _import(tmp_path, path, capsys)
    assert code == 2 and "offset with seconds" in err and err.count("\n") == 1
    assert _nothing_stored(tmp_path)
