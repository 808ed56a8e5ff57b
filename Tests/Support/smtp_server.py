#!/usr/bin/env python3
"""Loopback SMTP receiver for nhachan's delivery tests (aiosmtpd).

Binds 127.0.0.1 on a free port, prints "PORT <n>" on stdout once listening, and appends
one JSON object per line to --out for every accepted message and every refusal, so the
Swift test can assert on exactly what crossed the wire. Stops on SIGTERM or stdin EOF.
"""
import argparse
import email
import email.policy
import asyncio
import json
import os
import signal
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=0, help="port to bind (default: a free one)")
    p.add_argument("--ignore-stdin", action="store_true", help="run until SIGTERM even when stdin is closed")
    p.add_argument("--out", required=True, help="JSON-lines file to append to")
    p.add_argument("--cert", help="PEM certificate chain (enables TLS)")
    p.add_argument("--key", help="PEM private key")
    p.add_argument("--implicit-tls", action="store_true", help="smtps: TLS from the first byte")
    p.add_argument("--no-starttls", action="store_true", help="do not offer STARTTLS")
    p.add_argument("--auth", help="USER:PASSWORD required before MAIL")
    p.add_argument("--fail-mail", type=int, help="reply this code to MAIL FROM (e.g. 421)")
    p.add_argument("--slow-data", type=float, help="wait this many seconds before answering the end of DATA")
    p.add_argument("--fail-data", type=int, help="reply this code at the end of DATA (e.g. 451)")
    p.add_argument("--reject-rcpt", action="append", default=[], help="550 for this address")
    p.add_argument("--defer-rcpt", action="append", default=[], help="451 for this address")
    return p.parse_args()


def decode_message(raw):
    """Decodes the message with Python's email package: an implementation independent of
    the Swift encoder, so that a round trip proves the encoding, not just symmetry."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    parts = {}
    for part in message.walk():
        if part.get_content_maintype() == "text":
            parts[part.get_content_type()] = {
                "content": part.get_content().replace("\r\n", "\n"),
                "charset": part.get_content_charset(),
                "transfer_encoding": part.get("Content-Transfer-Encoding"),
            }
    return {
        "subject": str(message["Subject"]),
        "from": str(message["From"]),
        "to": str(message["To"]) if message["To"] else None,
        "cc": str(message["Cc"]) if message["Cc"] else None,
        "message_id": message["Message-ID"],
        "date": message["Date"],
        "auto_submitted": message["Auto-Submitted"],
        "mime_version": message["MIME-Version"],
        "content_type": message.get_content_type(),
        "header_names": list(message.keys()),
        "text": parts.get("text/plain", {}).get("content"),
        "html": parts.get("text/html", {}).get("content"),
        "text_encoding": parts.get("text/plain", {}).get("transfer_encoding"),
        "defects": [str(d) for d in message.defects],
        "max_line_octets": max(len(line) for line in raw.split(b"\r\n")),
    }


class Recorder:
    def __init__(self, args):
        self.args = args
        self.out = open(args.out, "a", encoding="utf-8")

    def write(self, record):
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.out.flush()

    def base(self, session, envelope):
        return {
            "peer_port": session.peer[1] if session.peer else None,
            "tls": session.ssl is not None or self.args.implicit_tls,
            "auth_user": session.auth_data,
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
        }

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.args.fail_mail:
            self.write({"event": "refused", "stage": "MAIL", "code": self.args.fail_mail, **self.base(session, envelope)})
            return f"{self.args.fail_mail} {self.args.fail_mail // 100}.3.2 Service not available, try later"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.args.reject_rcpt:
            self.write({"event": "refused", "stage": "RCPT", "code": 550, "address": address, **self.base(session, envelope)})
            return "550 5.1.1 No such user here"
        if address in self.args.defer_rcpt:
            self.write({"event": "refused", "stage": "RCPT", "code": 451, "address": address, **self.base(session, envelope)})
            return "451 4.2.1 Mailbox busy, try later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        record = self.base(session, envelope)
        if self.args.slow_data:
            self.write({"event": "slow", "stage": "DATA", **record})
            await asyncio.sleep(self.args.slow_data)
        if self.args.fail_data:
            self.write({"event": "refused", "stage": "DATA", "code": self.args.fail_data, **record})
            return f"{self.args.fail_data} 4.3.0 Temporary failure, try later"
        record["event"] = "message"
        record["data"] = envelope.original_content.decode("utf-8", "replace")
        record.update(decode_message(envelope.original_content))
        self.write(record)
        return "250 2.0.0 Queued"


def main():
    # A thread of the Swift test process may have spawned us with SIGTERM blocked.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    args = parse_args()
    recorder = Recorder(args)
    context = None
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        if not args.auth or not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        user, password = args.auth.split(":", 1)
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        recorder.write({"event": "auth", "mechanism": mechanism, "ok": ok, "user": auth_data.login.decode()})
        return AuthResult(success=ok, handled=False, auth_data=auth_data.login.decode())

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)

    def factory():
        return SMTP(
            recorder,
            hostname="nhachan-test",
            tls_context=None if (args.implicit_tls or args.no_starttls) else context,
            require_starttls=bool(context) and not args.implicit_tls and not args.no_starttls,
            auth_required=bool(args.auth),
            auth_require_tls=not args.implicit_tls and not args.no_starttls,
            authenticator=authenticator if args.auth else None,
            loop=loop,
        )

    server = loop.run_until_complete(
        loop.create_server(factory, "127.0.0.1", args.port, ssl=context if args.implicit_tls else None)
    )
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)

    stop = loop.create_future()
    loop.add_signal_handler(signal.SIGTERM, lambda: stop.done() or stop.set_result(None))

    def on_stdin():  # the test closed our stdin (or died): stop
        if not os.read(sys.stdin.fileno(), 4096) and not stop.done():
            stop.set_result(None)

    if not args.ignore_stdin:
        loop.add_reader(sys.stdin.fileno(), on_stdin)
    loop.run_until_complete(stop)
    server.close()
    loop.close()


if __name__ == "__main__":
    main()
