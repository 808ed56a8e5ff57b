#!/usr/bin/env bash
# Transport benchmark: nhachan's Swift transports next to a minimal C program on libcurl,
# both against the same local sinks in the same run.
#   webhooks: N signed POSTs to a C epoll HTTP/1.1 keep-alive sink (bench/transports/sinks)
#   email:    M messages to Postfix's smtp-sink (apt-get install postfix; daemon left stopped)
# Usage: bench/transports.sh [WEBHOOKS=20000] [EMAILS=5000]
# SCRATCH_PATH=.build-perf builds (and keeps results) in another scratch directory.
set -euo pipefail
cd "$(dirname "$0")/.."
WEBHOOKS=${1:-20000}
EMAILS=${2:-5000}
PER_HOST=8
TOTAL=64
BATCH=${BATCH:-500}  # messages per SMTP connection; built per batch, so memory stays flat
SECRET=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
SCRATCH=${SCRATCH_PATH:-.build}
OUT=$SCRATCH/bench-transports
mkdir -p "$OUT"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need smtp-sink && [ ! -x /usr/sbin/smtp-sink ]; then
    echo "installing postfix for smtp-sink (its daemon is stopped and disabled afterwards)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y postfix >/dev/null
    (systemctl stop postfix; systemctl disable postfix; postfix stop) >/dev/null 2>&1 || true
fi
SMTP_SINK=$(command -v smtp-sink || echo /usr/sbin/smtp-sink)
dpkg -s libcurl4-openssl-dev libssl-dev >/dev/null 2>&1 || apt-get install -y libcurl4-openssl-dev libssl-dev >/dev/null

gcc -O2 -o "$OUT/http_sink" bench/transports/sinks/http_sink.c
gcc -O2 -o "$OUT/transports_c" bench/peers/transports.c -lcurl -lcrypto -Wno-deprecated-declarations
swift build -c release --scratch-path "$SCRATCH" --product bench-transports >/dev/null
SWIFT_BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/bench-transports"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

"$OUT/http_sink" 0 >"$OUT/http_sink.out" &
PIDS+=($!)
SMTP_PORT=$(free_port)
"$SMTP_SINK" -u nobody 127.0.0.1:"$SMTP_PORT" 256 &
PIDS+=($!)
for _ in $(seq 50); do [ -s "$OUT/http_sink.out" ] && break; sleep 0.1; done
HTTP_PORT=$(awk '{print $2}' "$OUT/http_sink.out")
sleep 0.3
HOOK="http://127.0.0.1:$HTTP_PORT/hook"
MAIL="smtp://127.0.0.1:$SMTP_PORT"

echo "webhooks: $WEBHOOKS to $HOOK (per host $PER_HOST, in flight $TOTAL); emails: $EMAILS to $MAIL (batches of $BATCH)"
run() { "$@" | tee -a "$OUT/results.txt"; }
: >"$OUT/results.txt"
run "$OUT/transports_c" webhooks "$WEBHOOKS" "$HOOK" "$SECRET" "$PER_HOST" "$TOTAL"
run "$SWIFT_BIN" webhooks "$WEBHOOKS" "$HOOK" "$SECRET" "$PER_HOST" "$TOTAL"
"$SWIFT_BIN" message "$OUT/message.eml"
run "$OUT/transports_c" email "$EMAILS" "$MAIL" "$OUT/message.eml"
run "$SWIFT_BIN" email "$EMAILS" "$MAIL" "$BATCH"

awk '
/^RESULT/ {
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    rate[v["client"] "," v["kind"]] = v["rate"]; rss[v["client"] "," v["kind"]] = v["maxrss_kb"]
}
END {
    printf "\n%-9s %12s %12s %10s %14s %14s\n", "kind", "swift msg/s", "C msg/s", "swift/C", "swift RSS MiB", "C RSS MiB"
    split("webhooks email", kinds, " ")
    for (k = 1; k <= 2; k++) {
        kind = kinds[k]
        printf "%-9s %12d %12d %10.2f %14.1f %14.1f\n", kind, rate["swift," kind], rate["c," kind],
            rate["swift," kind] / rate["c," kind], rss["swift," kind] / 1024, rss["c," kind] / 1024
    }
}' "$OUT/results.txt"
