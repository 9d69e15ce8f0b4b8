#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark Réseau on a large network: the store, then the app on the same database.

Usage: bench-network.py --bench-store BIN --reseau BIN --isolated ISOLATED.py

Runs bench-store, which fills a temporary database with RESEAU_BENCH_SIZE contacts and prints
its figures, then starts the real app on that database under isolated.py's own Xvfb and
prints, as "name value unit" lines:

  ui.first_frame_100k  from spawning the process to the end of the first frame that shows
                       contact rows (the median of 3 starts, after one to warm the caches)
  ui.rss_100k          its resident memory (VmRSS) a second after that frame

The app reports the frame itself when RESEAU_REPORT_FIRST_FRAME is set: it prints
"first-frame MS" on stderr, MS being CLOCK_MONOTONIC in milliseconds, the clock of
Python's time.monotonic() too. Timings are printed, never judged.
"""

import argparse
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time

DEFAULT_SIZE = 100000
RUNS = 3
START_TIMEOUT = 120.0
SETTLE = 1.0


def size_label():
    size = int(os.environ.get("RESEAU_BENCH_SIZE", DEFAULT_SIZE))
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def wait_first_frame(app):
    """Returns the CLOCK_MONOTONIC time (ms) the app reported, passing on its other output."""
    sel = selectors.DefaultSelector()
    sel.register(app.stderr, selectors.EVENT_READ)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if not sel.select(timeout=0.5):
            if app.poll() is not None:
                break
            continue
        line = app.stderr.readline()
        if not line:
            break
        if line.startswith("first-frame "):
            return float(line.split()[1])
        sys.stderr.write(line)
    raise SystemExit(f"bench-network: reseau never reported its first frame (status {app.poll()})")


def vm_rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise SystemExit("bench-network: no VmRSS in /proc/PID/status")


def start_once(reseau, data_dir):
    env = dict(os.environ, RESEAU_REPORT_FIRST_FRAME="1")
    start = time.monotonic() * 1000
    app = subprocess.Popen([reseau, "--data-dir", data_dir], env=env, stdin=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
    try:
        first_frame = wait_first_frame(app) - start
        time.sleep(SETTLE)
        rss = vm_rss_mib(app.pid)
    finally:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
    return first_frame, rss


def measure_ui(opts):
    start_once(opts.reseau, opts.data_dir)
    runs = sorted(start_once(opts.reseau, opts.data_dir) for _ in range(RUNS))
    first_frame, rss = runs[len(runs) // 2]
    label = size_label()
    print(f"ui.first_frame_{label} {first_frame:.0f} ms")
    print(f"ui.rss_{label} {rss:.0f} MiB", flush=True)


def run_all(opts):
    tmp = tempfile.mkdtemp(prefix="reseau-bench-")
    try:
        subprocess.run([opts.bench_store, "--data-dir", tmp], check=True)
        sys.stdout.flush()
        subprocess.run([sys.executable, opts.isolated, "--display", "--",
                        sys.executable, os.path.abspath(__file__), "--measure-ui",
                        "--reseau", opts.reseau, "--data-dir", tmp], check=True)
    except subprocess.CalledProcessError as e:
        raise SystemExit(f"bench-network: {e}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench-store")
    ap.add_argument("--reseau", required=True)
    ap.add_argument("--isolated")
    ap.add_argument("--measure-ui", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--data-dir")
    opts = ap.parse_args()
    if opts.measure_ui:
        measure_ui(opts)
    elif opts.bench_store and opts.isolated:
        run_all(opts)
    else:
        ap.error("--bench-store and --isolated are required")


if __name__ == "__main__":
    main()
