#!/usr/bin/env python3
"""Records what nhachan really sends, so the C peer sends messages of the same size.

Usage: capture.py OUTDIR
Prints "ports SMTP_PORT HTTP_PORT", then serves SMTP and HTTP on loopback until it has
one email (OUTDIR/message.eml, the DATA bytes) and one webhook (OUTDIR/webhook.body,
OUTDIR/webhook.path), or until 120 s have passed. Accepts every message it gets.
"""
import os
import socket
import sys
import threading

out = sys.argv[1]
done = {"email": threading.Event(), "hook": threading.Event()}


def listener():
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    return s


def lines(conn):
    buf = b""
    while True:
        while b"\r\n" not in buf:
            chunk = conn.recv(65536)
            if not chunk:
                return
            buf += chunk
        line, buf = buf.split(b"\r\n", 1)
        yield line


def smtp(conn):
    conn.sendall(b"220 capture ESMTP\r\n")
    it = lines(conn)
    for line in it:
        verb = line[:4].upper()
        if verb in (b"EHLO", b"HELO"):
            conn.sendall(b"250-capture\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
        elif verb == b"DATA":
            conn.sendall(b"354 go\r\n")
            data = []
            for body in it:
                if body == b".":
                    break
                data.append(body[1:] if body.startswith(b"..") else body)
            if not done["email"].is_set():
                with open(os.path.join(out, "message.eml"), "wb") as f:
                    f.write(b"\r\n".join(data) + b"\r\n")
                done["email"].set()
            conn.sendall(b"250 2.0.0 queued\r\n")
        elif verb == b"QUIT":
            conn.sendall(b"221 bye\r\n")
            break
        else:
            conn.sendall(b"250 ok\r\n")
    conn.close()


def http(conn):
    buf = b""
    while True:
        while b"\r\n\r\n" not in buf:
            chunk = conn.recv(65536)
            if not chunk:
                conn.close()
                return
            buf += chunk
        head, buf = buf.split(b"\r\n\r\n", 1)
        request, *headers = head.split(b"\r\n")
        length = 0
        for h in headers:
            k, _, v = h.partition(b":")
            if k.strip().lower() == b"content-length":
                length = int(v)
        while len(buf) < length:
            buf += conn.recv(65536)
        body, buf = buf[:length], buf[length:]
        if not done["hook"].is_set():
            with open(os.path.join(out, "webhook.body"), "wb") as f:
                f.write(body)
            with open(os.path.join(out, "webhook.path"), "wb") as f:
                f.write(request.split(b" ")[1])
            done["hook"].set()
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 11\r\nContent-Type: application/json\r\n\r\n{\"ok\":true}")


def serve(sock, handler):
    while True:
        conn, _ = sock.accept()
        threading.Thread(target=handler, args=(conn,), daemon=True).start()


s, h = listener(), listener()
print("ports", s.getsockname()[1], h.getsockname()[1], flush=True)
threading.Thread(target=serve, args=(s, smtp), daemon=True).start()
threading.Thread(target=serve, args=(h, http), daemon=True).start()
ok = done["email"].wait(120) and done["hook"].wait(120)
sys.exit(0 if ok else 1)
