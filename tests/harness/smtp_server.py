#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A local SMTP submission server for Réseau's tests (python3-aiosmtpd).

Usage: smtp_server.py --port N --dir MAILDIR --cert-dir DIR [--implicit-tls]

It listens on 127.0.0.1:N with a throwaway self-signed certificate (generated
with openssl into DIR/cert.pem and DIR/key.pem; SAN IP:127.0.0.1 and
DNS:localhost) that a client trusts through CURLOPT_CAINFO. By default the
client must say STARTTLS before anything else; with --implicit-tls the whole
connection is TLS from the first byte (SMTPS). AUTH PLAIN or LOGIN is required
before MAIL, and only over TLS; the credentials are read from the environment
variables RESEAU_TEST_SMTP_USER and RESEAU_TEST_SMTP_PASSWORD.

Each accepted message is written to MAILDIR as <n>.json (envelope: mail_from,
rcpt_tos, auth_user, n, and connection: the serial number, from 1, of the TCP
connection it came on, so that a test can tell how many connections a batch
used) and then <n>.eml (the DATA bytes exactly as received,
CRLF kept, dot-stuffing undone, nothing added), numbered from 1. Both files
appear atomically (rename), the .eml last, so a test that sees <n>.eml can read
both.

Faults: MAILDIR/fault, when it exists, is read again at every connection and
every command hook, so a test may write, change or remove it between messages.
One directive per line; blank lines and lines starting with # are ignored.

  drop-connect              close each new connection before the greeting
  reply-mail CODE [TEXT]    answer MAIL FROM with CODE
  reply-rcpt CODE [ADDR]    answer RCPT TO with CODE, for ADDR only (or every
                            recipient when ADDR is omitted); others get 250
  reply-data CODE [TEXT]    after the message is received, answer CODE and
                            store nothing (e.g. 421, 451, 550, 552)
  drop-after-data           after the message is received, close the connection
                            without any reply and store nothing
  accept-then-drop          store the message, then close the connection
                            without replying (the client cannot know it went)
  stall-data SECONDS        wait SECONDS (at most 600) after the message is
                            received, then store it and answer 250
  close-after-data          store the message, answer 250, then close the
                            connection, as servers that take a few messages
                            per session or time out idle sessions do

The server stops on SIGTERM or SIGINT.
"""

import argparse
import asyncio
import json
import logging
import os
import re
import signal
import ssl
import subprocess
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

MAX_STALL = 600.0
SESSION_TIMEOUT = 120.0
DATA_SIZE_LIMIT = 32 * 1024 * 1024


def make_certificate(cert_dir):
    cert = os.path.join(cert_dir, "cert.pem")
    key = os.path.join(cert_dir, "key.pem")
    if os.path.exists(cert) and os.path.exists(key):
        return cert, key
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", key + ".tmp", "-out", cert + ".tmp"],
        check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    os.rename(key + ".tmp", key)
    os.rename(cert + ".tmp", cert)
    return cert, key


class Faults:
    def __init__(self, maildir):
        self.path = os.path.join(maildir, "fault")

    def read(self):
        try:
            with open(self.path, encoding="utf-8") as f:
                lines = f.read().splitlines()
        except FileNotFoundError:
            return {}
        faults = {}
        for line in lines:
            words = line.split()
            if not words or words[0].startswith("#"):
                continue
            faults.setdefault(words[0], []).append(words[1:])
        return faults

    @staticmethod
    def reply(args, default_text):
        code = args[0] if args else "451"
        if not re.fullmatch(r"[2-5][0-9][0-9]", code):
            code = "451"
        text = " ".join(args[1:]) or default_text
        return f"{code} {text}"


class Handler:
    def __init__(self, maildir, faults):
        self.maildir = maildir
        self.faults = faults
        self.counter = self._last_number()
        self.connections = 0

    def _last_number(self):
        numbers = [int(m.group(1)) for name in os.listdir(self.maildir)
                   if (m := re.fullmatch(r"([0-9]+)\.eml", name))]
        return max(numbers, default=0)

    def _write(self, name, data):
        tmp = os.path.join(self.maildir, f".{name}.tmp")
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.rename(tmp, os.path.join(self.maildir, name))

    def store(self, server, session, envelope):
        self.counter += 1
        n = self.counter
        login = session.login_data
        meta = {
            "n": n,
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "auth_user": login.decode("utf-8", "replace") if isinstance(login, bytes) else login,
            "mail_options": list(envelope.mail_options),
            "connection": getattr(server, "connection_number", 0),
        }
        self._write(f"{n}.json", json.dumps(meta, indent=2).encode() + b"\n")
        self._write(f"{n}.eml", envelope.original_content)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        faults = self.faults.read()
        if "reply-mail" in faults:
            return Faults.reply(faults["reply-mail"][0], "Sender refused (test fault)")
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        for args in self.faults.read().get("reply-rcpt", []):
            if len(args) < 2 or args[1].lower() == address.lower():
                return Faults.reply(args[:1], "Recipient refused (test fault)")
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        faults = self.faults.read()
        if "stall-data" in faults:
            try:
                seconds = float(faults["stall-data"][0][0])
            except (IndexError, ValueError):
                seconds = 30.0
            await asyncio.sleep(max(0.0, min(seconds, MAX_STALL)))
        if "drop-after-data" in faults:
            server.transport.abort()
            return "421 dropped"  # never reaches the client
        if "reply-data" in faults:
            return Faults.reply(faults["reply-data"][0], "Message refused (test fault)")
        self.store(server, session, envelope)
        if "accept-then-drop" in faults:
            server.transport.abort()
        elif "close-after-data" in faults:
            # After the reply below has been written: close() flushes it first.
            asyncio.get_running_loop().call_soon(server.transport.close)
        return f"250 OK queued as {self.counter}"


class TestSMTP(SMTP):
    """Adds drop-connect, which needs to act before the greeting."""

    def __init__(self, handler, faults, **kwargs):
        super().__init__(handler, **kwargs)
        self._faults = faults
        self._dropped = False

    def connection_made(self, transport):
        # Called again with the TLS transport after STARTTLS: count TCP connections only.
        if self._original_transport is None:
            self.event_handler.connections += 1
            self.connection_number = self.event_handler.connections
        if self._original_transport is None and "drop-connect" in self._faults.read():
            self._dropped = True
            transport.abort()
            return
        super().connection_made(transport)

    def connection_lost(self, error):
        if not self._dropped:
            super().connection_lost(error)


def make_authenticator(user, password):
    def authenticator(server, session, envelope, mechanism, auth_data):
        if (isinstance(auth_data, LoginPassword)
                and auth_data.login == user.encode()
                and auth_data.password == password.encode()):
            return AuthResult(success=True, auth_data=auth_data)
        # handled=False: aiosmtpd answers 535 itself; handled=True would leave
        # the client waiting for a reply that never comes.
        return AuthResult(success=False, handled=False)
    return authenticator


async def serve(opts):
    cert, key = make_certificate(opts.cert_dir)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    user = os.environ.get("RESEAU_TEST_SMTP_USER", "reseau-test@example.org")
    password = os.environ.get("RESEAU_TEST_SMTP_PASSWORD", "secret")
    faults = Faults(opts.dir)
    handler = Handler(opts.dir, faults)
    loop = asyncio.get_running_loop()

    common = dict(
        hostname="localhost",
        data_size_limit=DATA_SIZE_LIMIT,
        timeout=SESSION_TIMEOUT,
        auth_required=True,
        authenticator=make_authenticator(user, password),
        loop=loop,
    )
    if opts.implicit_tls:
        # The transport is TLS from the start, so aiosmtpd's STARTTLS-based
        # "TLS required for AUTH" bookkeeping does not apply.
        def factory():
            return TestSMTP(handler, faults, auth_require_tls=False, **common)
        server = await loop.create_server(factory, "127.0.0.1", opts.port, ssl=context)
    else:
        def factory():
            return TestSMTP(handler, faults, tls_context=context, require_starttls=True,
                            auth_require_tls=True, **common)
        server = await loop.create_server(factory, "127.0.0.1", opts.port)

    stopped = loop.create_future()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda: stopped.done() or stopped.set_result(None))
    print(f"smtp_server.py: listening on 127.0.0.1:{opts.port}"
          f" ({'implicit TLS' if opts.implicit_tls else 'STARTTLS'})", file=sys.stderr, flush=True)
    async with server:
        await stopped
        server.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True, help="folder where messages land")
    parser.add_argument("--cert-dir", required=True)
    parser.add_argument("--implicit-tls", action="store_true")
    opts = parser.parse_args()
    os.makedirs(opts.dir, exist_ok=True)
    os.makedirs(opts.cert_dir, exist_ok=True)
    # aiosmtpd warns about AUTH without its own TLS tracking in implicit mode.
    warnings.simplefilter("ignore", UserWarning)
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    try:
        asyncio.run(serve(opts))
    except OSError as e:
        print(f"smtp_server.py: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
