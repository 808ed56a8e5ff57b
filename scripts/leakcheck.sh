#!/usr/bin/env bash
# Runs the transports under AddressSanitizer and LeakSanitizer: nhachan built with
# -sanitize=address sends a test message on every channel and runs ticks against loopback
# receivers (delivered, then refused), and fails if LeakSanitizer reports anything.
# (valgrind 3.19 cannot read Swift 6.3's DWARF 5 nor run its async runtime, hence LSan.)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${NHACHAN_PYTHON:-python3}
swift build --scratch-path .build-asan --product nhachan -Xswiftc -sanitize=address >&2
bin=.build-asan/debug/nhachan
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
cp -r examples/demo "$work/demo"
cp -r examples/seeds "$work/seeds"
(
    cd "$work"
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=leakcheck CA" -keyout ca.key -out ca.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key -out server.csr 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1\n' > san.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 1 -extfile san.ext -out server.pem 2>/dev/null
)
port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
smtp_port=$(port); http_port=$(port)
sed -i "s|127.0.0.1:2525|127.0.0.1:$smtp_port|; s|127.0.0.1:18080|127.0.0.1:$http_port|g" "$work/demo/nhachan.yaml" "$work/demo/units.yaml"
sed -i "s|^  password_file: secrets/smtp.password.*|&\n  ca_file: $work/ca.pem|" "$work/demo/nhachan.yaml"
"$python" Tests/Support/smtp_server.py --port "$smtp_port" --out "$work/smtp.jsonl" --cert "$work/server.pem" --key "$work/server.key" \
    --auth "nhachan:$(cat examples/demo/secrets/smtp.password)" --ignore-stdin > "$work/smtp.log" 2>&1 &
pids+=($!)
"$python" Tests/Support/http_server.py --port "$http_port" --out "$work/http.jsonl" --ignore-stdin > "$work/http.log" 2>&1 &
pids+=($!)
sleep 1.5
export ASAN_OPTIONS=detect_leaks=1:exitcode=23
config=$work/demo/nhachan.yaml
"$bin" send-test -c "$config" --unit phong-gddt
"$bin" tick -c "$config" --now 2024-03-29T08:00
for pid in "${pids[@]}"; do kill "$pid"; done
pids=()
"$bin" tick -c "$config" --now 2024-04-02T08:00   # receivers gone: every delivery fails and is recorded
echo "leakcheck: no leak or memory error reported"
