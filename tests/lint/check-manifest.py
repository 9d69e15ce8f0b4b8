#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-manifest.py MANIFEST OPTIONS — the Flatpak manifest is the one we mean to ship.

Checks that MANIFEST (org.example.Reseau.json) is valid JSON naming the app
after its file, on org.gnome.Platform/Sdk 50, with the command `reseau`, the
exact sandbox permissions below, every downloaded source pinned (archive and
file by sha256, git by commit), a gmime module, and, as its last module,
`reseau` built with meson from the checkout with config-opts equal to the
lines of OPTIONS (build-aux/flatpak-meson-options.txt, the single source of
truth that the test build uses too).
"""

import json
import os
import re
import sys

FINISH_ARGS = {
    "--share=network",
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
}
RUNTIME = "org.gnome.Platform"
RUNTIME_VERSION = "50"
SDK = "org.gnome.Sdk"
COMMAND = "reseau"

errors = []


def error(msg):
    errors.append(msg)


def read_options(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f
                if line.strip() and not line.lstrip().startswith("#")]


def walk_modules(modules, where="modules"):
    """Yields (path, module) for every module, nested ones included."""
    for i, module in enumerate(modules or []):
        here = f"{where}[{i}]"
        if isinstance(module, str):
            error(f"{here} is an external file ({module}); inline it so it is checked here")
            continue
        if not isinstance(module, dict):
            error(f"{here} is not an object")
            continue
        yield here, module
        yield from walk_modules(module.get("modules"), f"{here}.modules")


def check_sources(path, module):
    name = module.get("name", path)
    for j, source in enumerate(module.get("sources", [])):
        if isinstance(source, str):
            error(f"module {name}: source {j} is an external file ({source}); inline it")
            continue
        kind = source.get("type")
        if kind in ("archive", "file") and "url" in source:
            if not re.fullmatch(r"[0-9a-f]{64}", str(source.get("sha256", ""))):
                error(f"module {name}: {kind} source {source['url']} is not pinned by sha256")
        elif kind == "git":
            if not re.fullmatch(r"[0-9a-f]{40}", str(source.get("commit", ""))):
                error(f"module {name}: git source {source.get('url')} is not pinned by commit")
        elif kind in ("archive", "file") and "path" not in source:
            error(f"module {name}: {kind} source {j} has neither url nor path")


def check_app_module(module, options):
    if module.get("name") != "reseau":
        error(f"the last module is {module.get('name')!r}, not the app module 'reseau'")
    if module.get("buildsystem") != "meson":
        error(f"module reseau: buildsystem is {module.get('buildsystem')!r}, not 'meson'")
    if module.get("sources") != [{"type": "dir", "path": "."}]:
        error('module reseau: sources must be exactly [{"type": "dir", "path": "."}], '
              f"not {json.dumps(module.get('sources'))}")
    opts = module.get("config-opts", [])
    if opts != options:
        error(f"module reseau: config-opts {opts} differ from build-aux/flatpak-meson-options.txt"
              f" {options}")


def check(manifest_path, options_path):
    try:
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
    except FileNotFoundError:
        error(f"{manifest_path} does not exist")
        return
    except json.JSONDecodeError as e:
        error(f"{manifest_path} is not valid JSON: {e}")
        return
    if not isinstance(manifest, dict):
        error("the manifest is not a JSON object")
        return

    app_id = os.path.basename(manifest_path).removesuffix(".json")
    ids = {key: manifest[key] for key in ("id", "app-id") if key in manifest}
    if not ids:
        error("the manifest has neither id nor app-id")
    for key, value in ids.items():
        if value != app_id:
            error(f"{key} is {value!r}, the file name says {app_id!r}")

    for key, want in (("runtime", RUNTIME), ("runtime-version", RUNTIME_VERSION),
                      ("sdk", SDK), ("command", COMMAND)):
        if manifest.get(key) != want:
            error(f"{key} is {manifest.get(key)!r}, not {want!r}")

    finish_args = manifest.get("finish-args", [])
    if len(finish_args) != len(set(finish_args)) or set(finish_args) != FINISH_ARGS:
        extra = sorted(set(finish_args) - FINISH_ARGS)
        missing = sorted(FINISH_ARGS - set(finish_args))
        error(f"finish-args must be exactly {sorted(FINISH_ARGS)}"
              f" (extra: {extra}, missing: {missing}, duplicates: "
              f"{len(finish_args) != len(set(finish_args))})")

    modules = manifest.get("modules")
    if not isinstance(modules, list) or not modules:
        error("the manifest has no modules")
        return
    names = []
    for path, module in walk_modules(modules):
        names.append(module.get("name"))
        check_sources(path, module)
    if "gmime" not in names:
        error(f"no module is named gmime (modules: {names})")

    try:
        options = read_options(options_path)
    except FileNotFoundError:
        error(f"{options_path} does not exist")
        return
    if isinstance(modules[-1], dict):
        check_app_module(modules[-1], options)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    check(sys.argv[1], sys.argv[2])
    for msg in errors:
        print(f"FAIL: {msg}")
    if not errors:
        print(f"{sys.argv[1]}: OK")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
