"""Reading recording files: formats, quirks and clear errors."""

import numpy as np
import pytest

from flooding_monitor.formats.recordings import RecordingError, csv_rows, load_recording
from flooding_monitor.heart.samples import Contact, HeartRateSample


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text)
    return p


def test_rr_lines_integrate_beat_times(tmp_path):
    r = load_recording(write(tmp_path, "a.txt", "RR\n800\n\n810.5\n# note\n790\n"))
    assert r.format == "rr-ms"
    assert [s.rr_us for s in r.samples] == [(800000,), (810500,), (790000,)]
    assert [round(s.t_s, 4) for s in r.samples] == [0.8, 1.6105, 2.4005]


def test_csv_groups_rr_sharing_a_notification(tmp_path):
    text = "t,hr,rr_ms,contact,extra\n1.0,90,421,1,x\n2.5,,379,1,\n2.5,,1073,1,\n3.0,91,,0,\n"
    r = load_recording(write(tmp_path, "a.csv", text))
    assert len(r.samples) == 3
    assert r.samples[1].rr_us == (379000, 1073000)
    assert r.samples[0].hr_bpm == 90
    assert r.samples[2].contact == Contact.NOT_DETECTED
    assert r.samples[2].hr_bpm == 91


def test_csv_hr_only(tmp_path):
    r = load_recording(write(tmp_path, "a.csv", "t;hr\n1;70\n2;71\n"))
    assert [s.hr_bpm for s in r.samples] == [70, 71]


def test_hrm_rr_mode(tmp_path):
    text = "[Params]\nVersion=106\nInterval=238\n\n[HRData]\n800\n820\n"
    r = load_recording(write(tmp_path, "a.hrm", text))
    assert r.format == "polar-hrm"
    assert [s.rr_us for s in r.samples] == [(800000,), (820000,)]


def test_hrm_hr_samples(tmp_path):
    text = "[Params]\nInterval=5\n[HRData]\n70\t0\n72\t0\n"
    r = load_recording(write(tmp_path, "a.hrm", text))
    assert [(s.t_s, s.hr_bpm) for s in r.samples] == [(5.0, 70.0), (10.0, 72.0)]


@pytest.mark.parametrize("text,message", [
    ("", "no heart-rate data"),
    ("t,x\n1,2\n", "'hr' and/or 'rr_ms'"),
    ("a,b\n1,2\n", "'t' column"),
    ("t,hr\n1,abc\n", "line 2: 'abc' is not a number"),
    ("800\n-5\n", "not positive"),
    ("0.8\n0.81\n", "look like seconds"),
    ("t,rr_ms\n1,nan\n", "not a finite number"),
])
def test_bad_files_have_clear_messages(tmp_path, text, message):
    with pytest.raises(RecordingError, match=message):
        load_recording(write(tmp_path, "bad.csv" if "," in text else "bad.txt", text))


def test_missing_and_binary_files(tmp_path):
    with pytest.raises(RecordingError, match="no such file"):
        load_recording(tmp_path / "nope.csv")
    p = tmp_path / "bin.dat"
    p.write_bytes(b"\x00\x01\x02")
    with pytest.raises(RecordingError, match="binary"):
        load_recording(p)
    with pytest.raises(RecordingError, match="folder"):
        load_recording(tmp_path)


def test_written_csv_reads_back(tmp_path):
    samples = [HeartRateSample(1.0, 80.0, (750000, 760000), Contact.DETECTED),
               HeartRateSample(2.0, None, (), Contact.NOT_DETECTED),
               HeartRateSample(3.0, 81.0, (740000,), Contact.UNSUPPORTED)]
    lines = ["t,hr,rr_ms,contact"] + [",".join(row) for s in samples for row in csv_rows(s)]
    back = load_recording(write(tmp_path, "rec.csv", "\n".join(lines) + "\n")).samples
    assert [(s.t_s, s.hr_bpm, s.rr_us, s.contact) for s in back] == \
        [(s.t_s, s.hr_bpm, s.rr_us, s.contact) for s in samples]


# -- streaming: a week of beats is read in bounded memory, errors still name their line --------------

def _rr_file(path, n: int, seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    values = np.round(rng.normal(800, 40, n)).astype(int)
    path.write_text("RR\n" + "\n".join(map(str, values)) + "\n")
    return values


def test_a_million_rr_lines_take_tens_of_bytes_each(tmp_path):
    """Read as objects, 10^6 lines took 556 MB; as columns filled while reading, under 100 B a line."""
    import tracemalloc

    path = tmp_path / "week.txt"
    values = _rr_file(path, 1_000_000)
    tracemalloc.start()
    try:
        rec = load_recording(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(rec.columns) == 1_000_000
    assert np.array_equal(rec.columns.rr_us, values * 1000)
    assert rec.columns.t_s[-1] == pytest.approx(values.sum() / 1000)
    assert peak / 1_000_000 < 100, f"{peak / 1e6:.0f} MB for 10^6 lines"


def test_a_bad_line_deep_in_a_big_file_is_named(tmp_path):
    path = tmp_path / "bad.txt"
    lines = ["820"] * 300_000
    lines[212_344] = "8O0"  # the letter O, typed by hand
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(RecordingError, match=r"line 212345: '8O0' is not a number"):
        load_recording(path)


def test_blocks_agree_with_one_value_at_a_time(tmp_path):
    """Headers, comments, blank lines and CRLF land in the line-by-line path; numbers in NumPy's: same beats."""
    body = ["# exported by an app", "RR", ""] + [str(700 + (k * 37) % 300) for k in range(150_000)]
    body[90_000] = ""  # a blank line in the middle of the second block
    path = tmp_path / "mixed.txt"
    path.write_bytes(("\r\n".join(body) + "\r\n").encode())
    rec = load_recording(path)
    expected = [int(v) * 1000 for v in body if v.isdigit()]
    assert rec.columns.rr_us.tolist() == expected
    t = 0.0
    for k, v in enumerate(expected[:1000]):
        t += v / 1e6
        assert rec.columns.t_s[k] == t  # time integrated exactly as one value at a time


def test_an_endless_line_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("800\n801\n" + "9" * 3_000_000)
    with pytest.raises(RecordingError, match="line 3: longer than 4096"):
        load_recording(path)
