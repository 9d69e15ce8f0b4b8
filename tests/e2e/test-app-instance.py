#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The real `reseau` binary under Xvfb: its window maps; a second `reseau` hands its command
line to the running instance instead of opening a second window; a second `reseau` that asks
for another database is refused with a clear message; a damaged database is never modified."""
import os
import subprocess
import sys
import time

reseau = sys.argv[1]
tmp = os.environ["RESEAU_TEST_TMPDIR"]
failures = []


def check(cond, what):
    print(("ok - " if cond else "not ok - ") + what)
    if not cond:
        failures.append(what)


def windows():
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "seau"],
                         capture_output=True, text=True).stdout.split()
    return out


def wait_for(pred, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if pred():
            return True
        time.sleep(0.05)
    return False


data = os.path.join(tmp, "network")
first = subprocess.Popen([reseau, "--data-dir", data])
try:
    check(wait_for(lambda: len(windows()) == 1), "the window maps")
    db = os.path.join(data, "reseau.db")
    check(os.path.exists(db) and (os.stat(db).st_mode & 0o777) == 0o600, "the database is created with mode 0600")

    second = subprocess.run([reseau, "--data-dir", data], capture_output=True, text=True, timeout=20)
    check(second.returncode == 0, "a second reseau with the same data folder exits 0")
    time.sleep(0.5)
    check(len(windows()) == 1, "no second window is opened")
    check(first.poll() is None, "the first instance keeps running")

    other = subprocess.run([reseau, "--data-dir", os.path.join(tmp, "elsewhere")],
                           capture_output=True, text=True, timeout=20)
    check(other.returncode != 0, "asking the running instance for another database fails")
    check("already running" in other.stderr, "… and says why: " + other.stderr.strip())

    version = subprocess.run([reseau, "--version"], capture_output=True, text=True, timeout=20)
    check(version.returncode == 0 and "0." in version.stdout, "--version prints the version")
finally:
    first.terminate()
    first.wait(10)

# A damaged file: the window explains, and the file is left exactly as it was.
bad = os.path.join(tmp, "damaged")
os.makedirs(bad)
garbage = os.urandom(8192)
with open(os.path.join(bad, "reseau.db"), "wb") as f:
    f.write(garbage)
app = subprocess.Popen([reseau, "--data-dir", bad], stderr=subprocess.PIPE)
try:
    check(wait_for(lambda: len(windows()) == 1), "the window maps over a damaged database")
    time.sleep(0.5)
finally:
    app.terminate()
    app.wait(10)
with open(os.path.join(bad, "reseau.db"), "rb") as f:
    check(f.read() == garbage, "the damaged database is left byte for byte")
check(sorted(os.listdir(bad)) == ["reseau.db"], "no file is created beside it")

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
