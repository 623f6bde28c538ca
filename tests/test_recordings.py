"""Reading recording files: formats, quirks and clear errors."""

import pytest

from flooding_monitor.recordings import RecordingError, csv_rows, load_recording
from flooding_monitor.samples import Contact, HeartRateSample


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
