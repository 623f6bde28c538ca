"""Run every benchmark and print one table (figure, value, target, ratio).

    QT_QPA_PLATFORM=offscreen python -m bench [--quick] [--markdown docs/benchmarks.md]

--quick shortens the live-cost run (1 min instead of 10), the soak (2 h
instead of 8) and the latency run (50 episodes instead of 200).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next(l.split(":", 1)[1].strip() for l in fh if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


Row = tuple[str, str, str, str]


def analysis_rows(core: dict) -> list[Row]:
    rows: list[Row] = []
    rows.append(("batch analysis, 24 h recording", f"{core['beats_24h'] / core['batch_24h_s']:,.0f} beats/s",
                 "-", f"{86400 / core['batch_24h_s']:,.0f}x real time"))
    rows.append(("batch vs naive pure-Python loop (1 h)", f"{core['batch_1h_s'] * 1000:.0f} ms vs "
                 f"{core['naive_1h_s'] * 1000:.0f} ms", "-", f"{core['naive_1h_s'] / core['batch_1h_s']:.1f}x"))
    rows.append(("live pipeline cost per sample", f"{core['live_us_per_sample']:.0f} us", "O(1)",
                 f"after 12 h: {core['live_us_per_sample_after_12h']:.0f} us"))
    try:
        from . import bench_neurokit

        nk = bench_neurokit.main()
        rows.append(("analysis vs NeuroKit2 Kubios, single pass (like for like)", f"{nk['ours_s'] * 1000:.0f} ms vs "
                     f"{nk['neurokit_single_s'] * 1000:.0f} ms", ">= 10x",
                     f"{nk['neurokit_single_s'] / nk['ours_s']:.1f}x (iterative default: "
                     f"{nk['neurokit_s'] / nk['ours_s']:.0f}x); medians of {nk['runs']} alternating runs"))
    except ImportError:
        rows.append(("analysis vs NeuroKit2", "not run", ">= 10x", "pip install neurokit2"))
    return rows


def history_rows(hist: list[dict]) -> list[Row]:
    return [(f"history of {h['sessions']:,} sessions: window painted", f"{h['window_s'] * 1000:.0f} ms", "< 300 ms",
             f"summaries {h['summaries_s'] * 1000:.0f} ms; start-up {h['startup_s']:.2f} s; "
             f"CLI {h['cli_history_s']:.2f} s") for h in hist]


def app_rows(app: dict) -> list[Row]:
    rows: list[Row] = []
    lat = app["latency"]
    rows.append((f"alert latency ({lat['episodes']:.0f} episodes)", f"p50 {lat['p50_ms']:.1f} ms, "
                 f"p99 {lat['p99_ms']:.1f} ms", "p99 <= 16 ms", f"{16 / lat['p99_ms']:.1f}x margin"))
    st = app["startup"]
    rows.append(("start-up to first painted window", f"{st['median_s']:.2f} s (max {st['max_s']:.2f})",
                 "< 1.5 s", f"{1.5 / st['median_s']:.1f}x margin"))
    live = app["live"]
    rows.append(("live monitoring CPU (1 Hz, UI drawing)", f"{live['app_cpu_pct']:.2f} % of a core", "<= 1 %",
                 f"bare PySide6+pyqtgraph floor {live['floor_cpu_pct']:.2f} %"))
    rows.append(("live monitoring peak RSS", f"{live['app_peak_rss_mb']:.0f} MB", "<= 150 MB",
                 f"floor {live['floor_peak_rss_mb']:.0f} MB ({live['app_peak_rss_mb'] / live['floor_peak_rss_mb']:.2f}x)"))
    rows.append(("live monitoring, two partners: CPU / peak RSS",
                 f"{live['couple_cpu_pct']:.2f} % / {live['couple_peak_rss_mb']:.0f} MB", "-",
                 f"{live['couple_cpu_pct'] / live['app_cpu_pct']:.2f}x one partner's CPU"))
    soak = app["soak"]
    rows.append((f"soak {soak['samples'] / 3600:.0f} h through the app: cost per sample",
                 f"{soak['first_us']:.0f} -> {soak['last_us']:.0f} us", "flat",
                 f"{soak['last_us'] / soak['first_us']:.2f}x"))
    rows.append(("soak: resident memory", f"{soak['rss_start_mb']:.0f} -> {soak['rss_end_mb']:.0f} MB", "flat",
                 f"+{soak['rss_end_mb'] - soak['rss_start_mb']:.1f} MB"))

    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--markdown", help="also write the table to this file")
    args = parser.parse_args()
    from . import bench_app, bench_core, bench_history

    rows = analysis_rows(bench_core.main()) + history_rows(bench_history.main())
    rows += app_rows(bench_app.main(["--minutes", "1" if args.quick else "10", "--episodes",
                                     "50" if args.quick else "200", "--soak-hours", "2" if args.quick else "8"]))
    from . import bench_pause

    for name, r in bench_pause.measure(10.0 if args.quick else 30.0, 3).items():
        rows.append((f"pause CPU, {name} (two demo straps, everything on)", f"{r['app_pct']:.1f} % of a core",
                     "<= 1.5x floor", f"{r['app_pct'] / r['floor_pct']:.2f}x a bare window with a circle as large at "
                     f"30 fps ({r['floor_pct']:.1f} %); medians of {r['n']} alternating runs"))
    from . import bench_stall

    stall = bench_stall.main(3 if args.quick else 5)
    rows.append(("longest GUI stall: History + End conversation + note, history held 2 s by another process",
                 f"{stall['held_ms']:.0f} ms", "~ floor", f"{stall['held_ms'] / stall['free_ms']:.2f}x the same "
                 f"steps with the history free ({stall['free_ms']:.0f} ms); medians of {stall['runs']} alternating runs"))
    head = ("figure", "value", "target", "ratio / note")
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(4)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(row, widths)) for row in [head] + rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    print()
    print("\n".join(lines))
    if args.markdown:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        md = ["# Benchmarks", "", f"Measured {dt.date.today()} on {machine()}, commit {commit}, "
              f"{'quick' if args.quick else 'full'} run of `python -m bench`.", "",
              "| " + " | ".join(head) + " |", "|" + "---|" * 4]
        md += ["| " + " | ".join(r) + " |" for r in rows]
        with open(args.markdown, "w") as fh:
            fh.write("\n".join(md) + "\n")


if __name__ == "__main__":
    main()
