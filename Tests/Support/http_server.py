#!/usr/bin/env python3
"""Loopback webhook receiver for nhachan's delivery tests.

Binds 127.0.0.1 on a free port (HTTPS with --cert/--key), prints "PORT <n>" once
listening, verifies each request's Standard Webhooks signature with Python's own hmac
(code independent of the Swift signer) and appends one JSON line per request to --out.

--replies is a comma-separated list applied to successive requests, the last one repeating:
"200", "500,200", "429/120" (status 429 with Retry-After: 120), "400", "404", "hang",
"200@50" (status 200 after 50 ms); in a Retry-After value, %2C stands for a comma
("429/Sun%2C 06 Nov 999999999999999 08:49:37 GMT")
(read the request, never answer). Stops on SIGTERM or stdin EOF.
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import signal
import ssl
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=0, help="port to bind (default: a free one)")
    p.add_argument("--ignore-stdin", action="store_true", help="run until SIGTERM even when stdin is closed")
    p.add_argument("--out", required=True)
    p.add_argument("--secret", help="Standard Webhooks secret (whsec_<base64> or raw)")
    p.add_argument("--replies", default="200")
    p.add_argument("--cert")
    p.add_argument("--key")
    return p.parse_args()


def secret_key(secret):
    if secret.startswith("whsec_"):
        return base64.b64decode(secret[len("whsec_"):])
    return secret.encode()


def verify(secret, msg_id, timestamp, body, header):
    if not (secret and msg_id and timestamp and header):
        return False
    signed = msg_id.encode() + b"." + timestamp.encode() + b"." + body
    expected = base64.b64encode(hmac.new(secret_key(secret), signed, hashlib.sha256).digest()).decode()
    for part in header.split(" "):
        version, _, signature = part.partition(",")
        if version == "v1" and hmac.compare_digest(signature, expected):
            return True
    return False


def main():
    # A thread of the Swift test process may have spawned us with SIGTERM blocked.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    args = parse_args()
    replies = args.replies.split(",")
    lock = threading.Lock()
    counter = {"n": 0}
    out = open(args.out, "a", encoding="utf-8")
    stopping = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            with lock:
                reply = replies[min(counter["n"], len(replies) - 1)]
                counter["n"] += 1
                record = {
                    "path": self.path,
                    "peer_port": self.client_address[1],
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "body": body.decode("utf-8", "replace"),
                    "signature_valid": verify(args.secret, self.headers.get("webhook-id"),
                                              self.headers.get("webhook-timestamp"), body,
                                              self.headers.get("webhook-signature")),
                    "reply": reply,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                out.flush()
            if reply == "hang":
                stopping.wait()
                return
            reply, _, delay = reply.partition("@")  # "200@50": answer 200 after 50 ms
            if delay:
                time.sleep(int(delay) / 1000)
            status, _, retry_after = reply.partition("/")
            payload = b'{"ok":true}' if status.startswith("2") else b'{"error":"test refusal"}'
            self.send_response(int(status))
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            if retry_after:
                self.send_header("Retry-After", urllib.parse.unquote(retry_after))
            self.end_headers()
            self.wfile.write(payload)

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(f"PORT {server.server_address[1]}", flush=True)

    def stop(*_):
        stopping.set()
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)

    def watch_stdin():
        while os.read(sys.stdin.fileno(), 4096):
            pass
        stop()

    if not args.ignore_stdin:
        threading.Thread(target=watch_stdin, daemon=True).start()
    server.serve_forever(poll_interval=0.1)


if __name__ == "__main__":
    main()
