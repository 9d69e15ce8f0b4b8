#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`reseau --import` and `reseau --export` with the real binary: the summary is printed, no
window opens, bad records are reported as warnings, failures exit non-zero with a message,
an export reads back, and a running instance does the work when there is one. Without a
running instance the commands run with no display at all (DISPLAY and WAYLAND_DISPLAY
unset); with one, a command from a process without a display is still forwarded to it."""
import os
import subprocess
import sys
import time

reseau, fixtures = sys.argv[1], sys.argv[2]
tmp = os.environ["RESEAU_TEST_TMPDIR"]
failures = []


def check(cond, what):
    print(("ok - " if cond else "not ok - ") + what)
    if not cond:
        failures.append(what)


NO_DISPLAY = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}


def run(*args, display=False):
    return subprocess.run([reseau, *args], capture_output=True, text=True, timeout=60,
                          env=os.environ if display else NO_DISPLAY)


def windows():
    return subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "seau"],
                          capture_output=True, text=True).stdout.split()


def wait_for(pred, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if pred():
            return True
        time.sleep(0.05)
    return False


def fixture(kind, name):
    return os.path.join(fixtures, kind, name)


data = os.path.join(tmp, "cli")
first = run("--data-dir", data, "--import", fixture("csv", "linkedin-connections.csv"),
            fixture("vcard", "thunderbird-4.0.vcf"))
check(first.returncode == 0, "--import exits 0 without a display: " + first.stderr.strip())
check("contacts added" in first.stdout, "… and prints the summary: " + first.stdout.strip())
check(windows() == [], "… without opening a window")

changed = os.path.join(tmp, "Connections.csv")
with open(fixture("csv", "linkedin-connections.csv"), encoding="utf-8") as f:
    text = f.read().replace("Renault Group,Ingénieur méthodes", "Stellantis,Directeur méthodes")
with open(changed, "w", encoding="utf-8") as f:
    f.write(text)
again = run("--data-dir", data, "--import", changed)
check(again.returncode == 0, "re-importing LinkedIn exits 0")
check("0 contacts added" in again.stdout and "1 changed job" in again.stdout,
      "… adds nobody and reports the job change: " + again.stdout.strip())
check("Stellantis" in again.stdout, "… naming the new company")

bad = run("--data-dir", data, "--import", fixture("vcard", "bad-mixed.vcf"))
check(bad.returncode == 0, "a file with bad records imports the rest")
check("Skipped" in bad.stderr and "bad-mixed.vcf" in bad.stderr,
      "… and warns about each bad record with its file: " + bad.stderr.strip().split("\n")[0])

out_vcf = os.path.join(tmp, "all.vcf")
export = run("--data-dir", data, "--export", out_vcf)
check(export.returncode == 0 and "exported" in export.stdout, "--export exits 0: " + export.stdout.strip())
with open(out_vcf, encoding="utf-8") as f:
    check(f.read().startswith("BEGIN:VCARD"), "… and writes vCards")
n_exported = export.stdout.split()[0]
readback = run("--data-dir", os.path.join(tmp, "copy"), "--import", out_vcf)
check(readback.returncode == 0 and f"{n_exported} contacts added" in readback.stdout,
      "the export reads back with as many contacts: " + readback.stdout.strip().split("\n")[0])

shown = run("--data-dir", os.path.join(tmp, "shown"), "--import", fixture("vcard", "google-3.0.vcf"),
            display=True)
check(shown.returncode == 0 and "contacts added" in shown.stdout, "--import works with a display too")
check(windows() == [], "… without opening a window")

circles = run("--data-dir", os.path.join(tmp, "circles"), "--import", "--circles",
              fixture("vcard", "thunderbird-4.0.vcf"))
check(circles.returncode == 0 and "circles created: History, Mathematics" in circles.stdout,
      "--circles makes circles of the categories: " + circles.stdout.strip().split("\n")[-1])
nocircles = run("--data-dir", os.path.join(tmp, "nocircles"), "--import", fixture("vcard", "thunderbird-4.0.vcf"))
check("circle" not in nocircles.stdout, "… and only when asked")
misplaced = run("--data-dir", data, "--export", os.path.join(tmp, "c.vcf"), "--circles")
check(misplaced.returncode != 0 and "--circles" in misplaced.stderr, "--circles without --import fails")

out_csv = os.path.join(tmp, "all.csv")
csv = run("--data-dir", data, "--export", out_csv, "--format", "csv")
check(csv.returncode == 0 and os.path.getsize(out_csv) > 0, "--format csv writes a CSV")
v3 = run("--data-dir", data, "--export", os.path.join(tmp, "v3.vcf"), "--format", "vcard3")
check(v3.returncode == 0, "--format vcard3 works")

unknown = run("--data-dir", data, "--export", os.path.join(tmp, "x.txt"), "--format", "pdf")
check(unknown.returncode != 0 and "Unknown format" in unknown.stderr, "an unknown format fails: " + unknown.stderr.strip())
check(not os.path.exists(os.path.join(tmp, "x.txt")), "… and writes nothing")

missing = run("--data-dir", data, "--import", os.path.join(tmp, "missing.vcf"))
check(missing.returncode != 0 and "Cannot import" in missing.stderr and "missing.vcf" in missing.stderr,
      "an unreadable file fails: " + missing.stderr.strip())
binary = run("--data-dir", data, "--import", fixture("vcard", "bad-binary.vcf"))
check(binary.returncode != 0 and "bad-binary.vcf" in binary.stderr, "a binary file fails: " + binary.stderr.strip())
none = run("--data-dir", data, "--import")
check(none.returncode != 0 and "--import" in none.stderr, "--import without a file fails: " + none.stderr.strip())
nowhere = run("--data-dir", data, "--export", os.path.join(tmp, "no", "such", "dir.vcf"))
check(nowhere.returncode != 0 and "Cannot export" in nowhere.stderr, "exporting into a missing folder fails")

# A running instance does the work and its window stays the only one.
app = subprocess.Popen([reseau, "--data-dir", data])
try:
    check(wait_for(lambda: len(windows()) == 1), "the window maps")
    remote = run("--data-dir", data, "--import", fixture("vcard", "google-3.0.vcf"), display=True)
    check(remote.returncode == 0 and "added" in remote.stdout,
          "--import is handed to the running instance: " + remote.stdout.strip().split("\n")[0])
    headless = run("--data-dir", data, "--import", fixture("vcard", "android-2.1.vcf"))
    check(headless.returncode == 0 and "added" in headless.stdout,
          "… also from a process without a display: " + (headless.stdout + headless.stderr).strip().split("\n")[0])
    other = run("--data-dir", os.path.join(tmp, "other"), "--import", fixture("vcard", "android-2.1.vcf"))
    check(other.returncode != 0 and "already running" in other.stderr,
          "… which refuses another database: " + other.stderr.strip())
    failed = run("--data-dir", data, "--import", os.path.join(tmp, "missing.vcf"))
    check(failed.returncode != 0 and "Cannot import" in failed.stderr,
          "… which reports a failure with a non-zero exit status")
    time.sleep(0.3)
    check(len(windows()) == 1, "no second window is opened")
finally:
    app.terminate()
    app.wait(10)

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
