#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start Réseau under its own Xvfb and D-Bus session, wait for its window, save a PNG of it.

Usage: screenshot.py --build BUILDDIR [--lang fr] [--width PX] [--height PX]
                     [--data-dir DIR] [--demo] OUT.png
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))


def start_xvfb(width, height):
    r, w = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(w), "-screen", "0", f"{max(width, 1024) + 200}x{max(height, 768) + 200}x24",
         "-nolisten", "tcp"], pass_fds=(w,), stderr=subprocess.DEVNULL)
    os.close(w)
    display = b""
    while not display.endswith(b"\n"):
        chunk = os.read(r, 16)
        if not chunk:
            raise SystemExit("screenshot: Xvfb did not start")
        display += chunk
    os.close(r)
    return proc, ":" + display.decode().strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--lang", default="en")
    ap.add_argument("--width", type=int, default=1100)
    ap.add_argument("--height", type=int, default=720)
    ap.add_argument("--data-dir")
    ap.add_argument("--demo", action="store_true")
    ap.add_argument("--settle", type=float, default=1.5)
    ap.add_argument("out")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="reseau-shot-")
    try:
        env = dict(os.environ)
        for d in ("home", "data", "config", "cache", "runtime"):
            os.makedirs(os.path.join(tmp, d), mode=0o700)
        env.update(HOME=f"{tmp}/home", XDG_DATA_HOME=f"{tmp}/data", XDG_CONFIG_HOME=f"{tmp}/config",
                   XDG_CACHE_HOME=f"{tmp}/cache", XDG_RUNTIME_DIR=f"{tmp}/runtime",
                   GSETTINGS_BACKEND="keyfile", GSETTINGS_SCHEMA_DIR=f"{args.build}/data",
                   RESEAU_LOCALEDIR=f"{args.build}/po", GSK_RENDERER="cairo", GDK_BACKEND="x11",
                   GTK_A11Y="none", NO_AT_BRIDGE="1")
        if args.lang == "fr":
            env.update(LANG="fr_FR.UTF-8", LC_ALL="fr_FR.UTF-8", LANGUAGE="fr")
        else:
            env.update(LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8", LANGUAGE="en")
        settings = f"{tmp}/config/glib-2.0/settings"
        os.makedirs(settings)
        with open(f"{settings}/keyfile", "w") as f:
            f.write(f"[org/example/Reseau]\nwindow-width={args.width}\nwindow-height={args.height}\n")

        data_dir = args.data_dir or f"{tmp}/reseau-data"
        if args.demo and not args.data_dir:
            seed = os.path.join(args.build, "tests", "tools", "reseau-seed")
            subprocess.run([seed, "--data-dir", data_dir, os.path.join(TOP, "tests", "fixtures", "demo-network.ini")],
                           env=env, check=True, stdout=subprocess.DEVNULL)

        xvfb, display = start_xvfb(args.width, args.height)
        env["DISPLAY"] = display
        app = subprocess.Popen(["dbus-run-session", "--", os.path.join(args.build, "src", "reseau"),
                                "--data-dir", data_dir], env=env)
        try:
            wid = None
            for _ in range(200):
                out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "seau"],
                                     env=env, capture_output=True, text=True).stdout.split()
                if out:
                    wid = out[0]
                    break
                if app.poll() is not None:
                    raise SystemExit(f"screenshot: reseau exited with {app.returncode}")
                time.sleep(0.05)
            if wid is None:
                raise SystemExit("screenshot: the window never appeared")
            time.sleep(args.settle)
            subprocess.run(["import", "-window", wid, args.out], env=env, check=True)
            print(args.out)
        finally:
            app.terminate()
            try:
                app.wait(5)
            except subprocess.TimeoutExpired:
                app.kill()
            xvfb.terminate()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
