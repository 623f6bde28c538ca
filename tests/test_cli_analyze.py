"""``flooding-monitor analyze`` as a user runs it: a real subprocess."""

import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ui.terminal.cli", *args], capture_output=True, text=True,
                          timeout=120)


def test_analyze_rr_file_prints_json():
    out = run("analyze", "--json", str(DATA / "exercise_rri.hrm"))
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["format"] == "polar-hrm"
    assert result["threshold"] == {"bpm": 100.0, "source": "absolute", "recovery_bpm": 95.0}
    assert len(result["episodes"]) == 1
    assert set(result["episodes"][0]) >= {"start_s", "end_s", "peak_bpm"}
    assert "ectopic" in result["artifacts"]


def test_analyze_csv_with_calibration_and_personal_rule():
    out = run("analyze", "--json", str(DATA / "rest_rri.txt"), "--calibration", "120", "--personal-pct", "20")
    result = json.loads(out.stdout)
    assert 50 < result["baseline"]["hr_bpm"] < 65
    assert result["threshold"]["source"] == "personal"


def test_bad_file_gives_one_line_and_nonzero_exit(tmp_path):
    bad = tmp_path / "x.csv"
    bad.write_text("t,hr\n1,oops\n")
    out = run("analyze", "--json", str(bad))
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert "oops" in out.stderr


def test_bad_setting_is_explained():
    out = run("analyze", "--json", str(DATA / "rest_rri.txt"), "--threshold", "20")
    assert out.returncode != 0
    assert "--threshold must be between 40 and 200" in out.stderr  # the option typed, not an inner name


def test_a_calibration_that_was_not_rest_is_reported(tmp_path, capsys):
    """The first minute climbs from 72 to 117: refused as a resting rate, with the reason."""
    path = tmp_path / "climb.csv"
    lines = ["t,hr,rr_ms"]
    t = 0.0
    for k in range(300):
        bpm = 72 + 45 * min(k, 120) / 120
        t += 1.0
        lines.append(f"{t:.3f},{bpm:.0f},{60000 / bpm:.3f}")
    path.write_text("\n".join(lines) + "\n")
    from ui.terminal.cli import main

    assert main(["analyze", "--json", str(path), "--calibration", "60", "--personal-pct", "10"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["baseline"] is None and result["threshold"]["source"] == "absolute"
    assert "moved between 72 and 89 bpm" in result["baseline_rejected"]


def test_analyze_speaks_in_words_by_default(capsys):
    from ui.terminal.cli import main

    assert main(["analyze", str(DATA / "exercise_rri.hrm")]) == 0
    out = capsys.readouterr().out
    assert "1 flooding episode:" in out and "Flooding threshold 100 bpm" in out
    episode = next(line for line in out.splitlines() if line.strip().startswith("from "))
    assert "alert at" in episode and "min)" in episode and "_s" not in out  # clock times, not start_s: 313.0


def test_options_that_depend_on_each_other_say_so(capsys):
    from ui.terminal.cli import main

    assert main(["analyze", str(DATA / "rest_rri.txt"), "--personal-pct", "10"]) == 2
    assert "--personal-pct needs --calibration" in capsys.readouterr().err
