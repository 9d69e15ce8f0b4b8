#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run one test command in a throwaway session of its own.

Usage: isolated.py [--display] [--keyring] [--smtp] [--implicit-tls] [--atspi] -- CMD ARGS…

Every run gets a fresh temporary directory holding HOME and the XDG base
directories, exported before any bus or server starts, and its own
``dbus-run-session`` (GApplication needs a session bus). On request it adds:

--display       a private Xvfb (1600x1000x24, no TCP) chosen with -displayfd
--keyring       an unlocked, unencrypted "login" keyring that gnome-keyring,
                started by D-Bus activation of org.freedesktop.secrets, serves
                without ever prompting
--smtp          smtp_server.py on a free 127.0.0.1 port (STARTTLS, AUTH
                required); --implicit-tls makes it speak SMTPS instead
--atspi         leaves the accessibility bridge on (otherwise GTK_A11Y=none)

Exported for the test: RESEAU_TEST_TMPDIR and, with --smtp, RESEAU_TEST_SMTP_PORT,
RESEAU_TEST_SMTP_DIR, RESEAU_TEST_SMTP_CA, RESEAU_TEST_SMTP_USER and
RESEAU_TEST_SMTP_PASSWORD (and RESEAU_TEST_SMTP_IMPLICIT_TLS=1 with
--implicit-tls). The exit status is the test's. Every process started
for the run is ended and the directory removed, unless RESEAU_TEST_KEEP=1.
"""

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
XVFB_TIMEOUT = 15.0
SMTP_TIMEOUT = 15.0
SMTP_ATTEMPTS = 5


class Interrupted(Exception):
    def __init__(self, signum):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def log(msg):
    print(f"isolated.py: {msg}", file=sys.stderr, flush=True)


def on_signal(signum, frame):
    raise Interrupted(signum)


def make_dirs(tmp):
    dirs = {
        "HOME": "home",
        "XDG_DATA_HOME": "data",
        "XDG_CONFIG_HOME": "config",
        "XDG_CACHE_HOME": "cache",
        "XDG_STATE_HOME": "state",
        "XDG_RUNTIME_DIR": "runtime",
    }
    env = {}
    for var, name in dirs.items():
        path = os.path.join(tmp, name)
        os.mkdir(path, 0o700)
        env[var] = path
    return env


def base_env(tmp, opts):
    env = dict(os.environ)
    # Nothing from the caller's session may leak in: the test gets our buses only.
    for var in ("DBUS_SESSION_BUS_ADDRESS", "WAYLAND_DISPLAY", "DISPLAY", "XAUTHORITY",
                "GNOME_KEYRING_CONTROL", "SSH_AUTH_SOCK", "AT_SPI_BUS_ADDRESS",
                "GTK_A11Y", "NO_AT_BRIDGE", "XDG_DATA_DIRS_OVERRIDE", "GIO_USE_VFS"):
        env.pop(var, None)
    env.update(make_dirs(tmp))
    env["RESEAU_TEST_TMPDIR"] = tmp
    env["GSK_RENDERER"] = "cairo"
    env["GDK_BACKEND"] = "x11"
    env["GSETTINGS_BACKEND"] = "keyfile"
    env.setdefault("LANG", "C.UTF-8")
    env.setdefault("LC_ALL", env["LANG"])
    if not opts.atspi:
        env["NO_AT_BRIDGE"] = "1"
        env["GTK_A11Y"] = "none"
    return env


def start_xvfb(env, tmp, procs):
    read_fd, write_fd = os.pipe()
    xlog = os.path.join(tmp, "xvfb.log")
    try:
        with open(xlog, "wb") as out:
            proc = subprocess.Popen(
                ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1600x1000x24",
                 "-nolisten", "tcp", "-noreset"],
                env=env, pass_fds=(write_fd,), stdin=subprocess.DEVNULL,
                stdout=out, stderr=out)
    except FileNotFoundError:
        os.close(read_fd)
        os.close(write_fd)
        raise RuntimeError("Xvfb is not installed")
    procs.append(proc)
    os.close(write_fd)
    deadline = time.monotonic() + XVFB_TIMEOUT
    data = b""
    os.set_blocking(read_fd, False)
    try:
        while not data.endswith(b"\n"):
            if proc.poll() is not None:
                with open(xlog, errors="replace") as f:
                    sys.stderr.write(f.read())
                raise RuntimeError(f"Xvfb exited early with status {proc.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError("Xvfb did not report a display in time")
            try:
                chunk = os.read(read_fd, 64)
            except BlockingIOError:
                time.sleep(0.02)
                continue
            if not chunk:
                raise RuntimeError("Xvfb closed -displayfd without a display number")
            data += chunk
    finally:
        os.close(read_fd)
    env["DISPLAY"] = ":" + data.decode().strip()


def prepare_keyring(env):
    keyrings = os.path.join(env["XDG_DATA_HOME"], "keyrings")
    os.makedirs(keyrings, 0o700, exist_ok=True)
    # A plain-text keyring is never locked, so gnome-keyring serves it with no
    # unlock prompt; "default" makes it the alias of the default collection.
    now = int(time.time())
    with open(os.path.join(keyrings, "login.keyring"), "w") as f:
        f.write("[keyring]\ndisplay-name=login\n"
                f"ctime={now}\nmtime={now}\nlock-on-idle=false\nlock-after=false\n")
    with open(os.path.join(keyrings, "default"), "w") as f:
        f.write("login\n")
    os.chmod(os.path.join(keyrings, "login.keyring"), 0o600)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def start_smtp(env, tmp, procs, implicit_tls):
    maildir = os.path.join(tmp, "smtp")
    certdir = os.path.join(tmp, "smtp-cert")
    os.mkdir(maildir, 0o700)
    os.mkdir(certdir, 0o700)
    env["RESEAU_TEST_SMTP_DIR"] = maildir
    env["RESEAU_TEST_SMTP_CA"] = os.path.join(certdir, "cert.pem")
    env["RESEAU_TEST_SMTP_USER"] = "reseau-test@example.org"
    env["RESEAU_TEST_SMTP_PASSWORD"] = "pw-" + secrets.token_hex(8)
    for attempt in range(SMTP_ATTEMPTS):
        port = free_port()
        args = [sys.executable, os.path.join(HERE, "smtp_server.py"),
                "--port", str(port), "--dir", maildir, "--cert-dir", certdir]
        if implicit_tls:
            args.append("--implicit-tls")
            env["RESEAU_TEST_SMTP_IMPLICIT_TLS"] = "1"
        proc = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL)
        procs.append(proc)
        deadline = time.monotonic() + SMTP_TIMEOUT
        while time.monotonic() < deadline and proc.poll() is None:
            if port_open(port):
                env["RESEAU_TEST_SMTP_PORT"] = str(port)
                return
            time.sleep(0.05)
        # Lost the race for the port, or failed: try another one.
        stop(proc)
        log(f"SMTP server did not come up on port {port} (attempt {attempt + 1})")
    raise RuntimeError("could not start the SMTP server")


def stop(proc, grace=3.0):
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def stray_pids(tmp):
    """Processes started for this run that outlived it (activated services).

    They all inherited RESEAU_TEST_TMPDIR=tmp, which no other process has."""
    marker = f"RESEAU_TEST_TMPDIR={tmp}".encode()
    me = os.getpid()
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == me:
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                if marker in f.read().split(b"\0"):
                    pids.append(int(entry))
        except OSError:
            pass
    return pids


def end_strays(tmp):
    for sig, pause in ((signal.SIGTERM, 1.0), (signal.SIGKILL, 0.2)):
        pids = stray_pids(tmp)
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + pause
        while time.monotonic() < deadline and stray_pids(tmp):
            time.sleep(0.05)


def run(opts, tmp, procs):
    env = base_env(tmp, opts)
    if opts.display:
        start_xvfb(env, tmp, procs)
    if opts.keyring:
        prepare_keyring(env)
    if opts.smtp:
        start_smtp(env, tmp, procs, opts.implicit_tls)
    test = subprocess.Popen(["dbus-run-session", "--"] + opts.command, env=env)
    procs.append(test)
    return test.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--display", action="store_true")
    parser.add_argument("--keyring", action="store_true")
    parser.add_argument("--smtp", action="store_true")
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--atspi", action="store_true")
    parser.add_argument("command", nargs="+")
    opts = parser.parse_args()
    if opts.implicit_tls:
        opts.smtp = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    tmp = tempfile.mkdtemp(prefix="reseau-test-")
    os.chmod(tmp, 0o700)
    procs = []
    status = 1
    try:
        status = run(opts, tmp, procs)
        if status < 0:
            log(f"test killed by signal {-status}")
            status = 128 - status
    except Interrupted as e:
        log(f"interrupted by {e}")
        status = 128 + e.signum
    except RuntimeError as e:
        log(str(e))
        status = 99  # a harness failure, not a test failure: meson reports ERROR
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for proc in reversed(procs):
            stop(proc)
        end_strays(tmp)
        if os.environ.get("RESEAU_TEST_KEEP") == "1":
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
