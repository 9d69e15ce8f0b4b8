#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""build-app-module.py MANIFEST SRCDIR BUILDDIR — build Réseau as the Flatpak manifest does.

Configures SRCDIR in BUILDDIR with the config-opts of the manifest's last
module plus the options flatpak-builder itself adds for meson, then compiles
and installs into BUILDDIR/destdir. Catches an app module that cannot be built
with the options it ships with (say, a test-only dependency under -Dtests=false).
Runs outside any Flatpak: the libraries come from the build environment.
"""

import json
import os
import shutil
import subprocess
import sys

# What flatpak-builder passes to `meson setup` before a module's config-opts.
FLATPAK_BUILDER_OPTS = ["--prefix=/app", "--libdir=lib", "--wrap-mode=nodownload"]


def run(args):
    print("+ " + " ".join(args), flush=True)
    return subprocess.run(args).returncode == 0


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    manifest_path, srcdir, builddir = sys.argv[1:]
    try:
        with open(manifest_path, encoding="utf-8") as f:
            app = json.load(f)["modules"][-1]
    except (OSError, ValueError, KeyError, IndexError, TypeError) as e:
        print(f"FAIL: cannot read the app module of {manifest_path}: {e}")
        return 1
    opts = FLATPAK_BUILDER_OPTS + list(app.get("config-opts", []))

    # Options removed from the manifest would linger in a reconfigured build: start
    # afresh whenever they change.
    stamp = os.path.join(builddir, "reseau-flatpak-opts.json")
    try:
        with open(stamp, encoding="utf-8") as f:
            reuse = (json.load(f) == opts
                     and os.path.exists(os.path.join(builddir, "build.ninja")))
    except (OSError, ValueError):
        reuse = False
    if not reuse:
        shutil.rmtree(builddir, ignore_errors=True)
        if not run(["meson", "setup", builddir, srcdir] + opts):
            print("FAIL: meson setup failed with the manifest's config-opts")
            return 1
        with open(stamp, "w", encoding="utf-8") as f:
            json.dump(opts, f)
    if not run(["meson", "compile", "-C", builddir]):
        print("FAIL: the app module does not compile with the manifest's config-opts")
        return 1
    destdir = os.path.join(builddir, "destdir")
    shutil.rmtree(destdir, ignore_errors=True)
    if not run(["meson", "install", "-C", builddir, "--quiet", "--no-rebuild",
                "--destdir", destdir]):
        print("FAIL: the app module does not install")
        return 1
    binary = os.path.join(destdir, "app", "bin", "reseau")
    if not os.access(binary, os.X_OK):
        print(f"FAIL: {binary} was not installed")
        return 1
    print(f"OK: built and installed {binary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
