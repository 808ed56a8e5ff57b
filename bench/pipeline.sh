#!/usr/bin/env bash
# Pipeline benchmark: the whole product path of one `nhachan tick` (load a YAML config of N
# units, plan, enqueue N emails and N signed webhooks in the SQLite outbox, claim, render,
# send, record) next to a minimal C libcurl program sending the same 2N messages
# (bench/pipeline/peer.c), both against the same loopback sinks in the same run:
#   email:    Postfix's smtp-sink (apt-get install postfix; its daemon is left stopped)
#   webhooks: the C epoll HTTP/1.1 keep-alive sink of bench/transports/sinks/http_sink.c
# The peer's bytes are those nhachan sent in a one-unit capture run first (same sizes).
# Usage: bench/pipeline.sh [--state postgres] [--nodes K] [N ...]   (default: 1000 5000 20000)
#   --state postgres adds, for each N, the same work on a fresh PostgreSQL (Debian's, started
#   here, fsync on) with 1..K nodes (default K=3): K `nhachan tick` at once on one database,
#   sharing the queue, timed until the last exits; every row next to SQLite and the C peer.
# Environment: PEER_BATCH=100 makes the peer mimic nhachan's batches of 100 deliveries
#   (one SMTP connection and a barrier per batch; default 0: streaming, the floor);
#   PERF=1 records `perf record -g` of each tick into .build/bench-pipeline/perf-N.data;
#   TIMEOUT=600 bounds each run (seconds).
# Figures are kept in .build/bench-pipeline/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE=sqlite
NODES=3
SIZES=()
while [ $# -gt 0 ]; do
    case "$1" in
        --state) STATE=$2; shift 2 ;;
        --nodes) NODES=$2; shift 2 ;;
        *) SIZES+=("$1"); shift ;;
    esac
done
case "$STATE" in sqlite|postgres) ;; *) echo "--state sqlite|postgres" >&2; exit 2 ;; esac
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 5000 20000)
PER_HOST=8      # webhooks.max_per_host default
TOTAL=64        # WebhookTransport.Settings.maxConcurrentRequests default
PEER_BATCH=${PEER_BATCH:-0}
TIMEOUT=${TIMEOUT:-600}
SECRET=bench-pipeline-secret-8c1f0e4d2b  # as bench/pipeline/gen_config.py writes it
OUT=.build/bench-pipeline
mkdir -p "$OUT"

TMP=$(mktemp -d /tmp/nhachan-pipeline.XXXXXX)
PIDS=()
source bench/pg.sh
cleanup() {
    pg_stop
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need() { command -v "$1" >/dev/null 2>&1; }
apt_install() { DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >/dev/null 2>&1; }
[ -x /usr/bin/time ] || apt_install time
dpkg -s libcurl4-openssl-dev libssl-dev >/dev/null 2>&1 || apt_install libcurl4-openssl-dev libssl-dev
if ! need smtp-sink && [ ! -x /usr/sbin/smtp-sink ]; then
    echo "installing postfix for smtp-sink (its daemon is stopped and disabled afterwards)" >&2
    apt_install postfix || true
    (systemctl stop postfix; systemctl disable postfix; postfix stop) >/dev/null 2>&1 || true
fi
SMTP_SINK=$(command -v smtp-sink || echo /usr/sbin/smtp-sink)
SINK_NOTE=""
if [ ! -x "$SMTP_SINK" ]; then
    SMTP_SINK=""
    python3 -c 'import aiosmtpd' 2>/dev/null || { echo "neither smtp-sink nor aiosmtpd available" >&2; exit 1; }
    SINK_NOTE="NOTE: smtp-sink unavailable; emails went to aiosmtpd's Sink handler (Python, slower than smtp-sink: the figures are sink-bound)"
fi

echo "building nhachan (release) ..." >&2
swift build -c release --product nhachan >&2
NHACHAN="$(swift build -c release --show-bin-path)/nhachan"
gcc -O2 -o "$TMP/http_sink" bench/transports/sinks/http_sink.c
gcc -O2 -o "$TMP/peer" bench/pipeline/peer.c -lcurl -lcrypto -lpthread -Wno-deprecated-declarations

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 100); do (: >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done; return 1; }

# 1. Capture one real email and one real webhook body from a one-unit tick.
mkdir -p "$TMP/capture"
python3 bench/pipeline/capture.py "$TMP/capture" >"$TMP/capture/ports" &
CAPTURE=$!
PIDS+=($CAPTURE)
for _ in $(seq 100); do [ -s "$TMP/capture/ports" ] && break; sleep 0.05; done
read -r _ CAP_SMTP CAP_HTTP <"$TMP/capture/ports"
NOW=$(python3 bench/pipeline/gen_config.py "$TMP/capture" 1 "$CAP_SMTP" "$CAP_HTTP")
"$NHACHAN" tick -c "$TMP/capture/nhachan.yaml" --now "$NOW" >"$TMP/capture/tick.out" 2>&1 || { cat "$TMP/capture/tick.out" >&2; exit 1; }
wait "$CAPTURE" || { echo "capture run got no email or no webhook:" >&2; cat "$TMP/capture/tick.out" >&2; exit 1; }
MESSAGE="$TMP/capture/message.eml"
BODY="$TMP/capture/webhook.body"

# 2. The sinks, shared by nhachan and the peer.
"$TMP/http_sink" 0 >"$TMP/http_sink.out" &
PIDS+=($!)
SMTP_PORT=$(free_port)
if [ -n "$SMTP_SINK" ]; then
    if [ "$(id -u)" = 0 ]; then "$SMTP_SINK" -u nobody 127.0.0.1:"$SMTP_PORT" 256 & else "$SMTP_SINK" 127.0.0.1:"$SMTP_PORT" 256 & fi
else
    python3 -m aiosmtpd -n -c aiosmtpd.handlers.Sink -l 127.0.0.1:"$SMTP_PORT" &
fi
PIDS+=($!)
for _ in $(seq 100); do [ -s "$TMP/http_sink.out" ] && break; sleep 0.05; done
HTTP_PORT=$(awk '{print $2}' "$TMP/http_sink.out")
wait_port "$SMTP_PORT" && wait_port "$HTTP_PORT" || { echo "sinks did not start" >&2; exit 1; }

echo "nhachan: $NHACHAN; email $(wc -c <"$MESSAGE") bytes to smtp://127.0.0.1:$SMTP_PORT" \
    "(${SMTP_SINK:-aiosmtpd}), webhook body $(wc -c <"$BODY") bytes to http://127.0.0.1:$HTTP_PORT/hook/i;" \
    "webhooks per host $PER_HOST, in flight $TOTAL; peer batch ${PEER_BATCH} (0: streaming); tick --now $NOW"
[ -z "$SINK_NOTE" ] || echo "$SINK_NOTE"

[ "$STATE" = sqlite ] || pg_start "$TMP/pg"

wall_s() { python3 -c "print(($2 - $1) / 1e9)"; }
maxrss_mb() { awk -F: '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$1"; }
cpu_s() { awk -F: '/User time/ {u = $2} /System time/ {s = $2} END {printf "user %.2fs sys %.2fs", u, s}' "$1"; }

ROWS=()
FAILED=0
for N in "${SIZES[@]}"; do
    D="$TMP/n$N"
    mkdir -p "$D"
    python3 bench/pipeline/gen_config.py "$D" "$N" "$SMTP_PORT" "$HTTP_PORT" >/dev/null
    # 3. nhachan, the whole path, once.
    PREFIX=()
    [ "${PERF:-0}" = 1 ] && PREFIX=(perf record -g -F 999 -o "$OUT/perf-$N.data" --)
    t0=$(date +%s%N)
    status=0
    timeout "$TIMEOUT" /usr/bin/time -v -o "$D/nhachan.time" "${PREFIX[@]}" "$NHACHAN" tick -c "$D/nhachan.yaml" --now "$NOW" \
        >"$D/tick.out" 2>"$D/tick.err" || status=$?
    t1=$(date +%s%N)
    sent=$(grep -o 'đã gửi [0-9]*' "$D/tick.out" | grep -o '[0-9]*$' || echo 0)
    if [ "$status" != 0 ] || [ "$sent" != $((2 * N)) ]; then
        echo "N=$N: nhachan tick exit $status, sent $sent of $((2 * N)):" >&2
        cat "$D/tick.out" "$D/tick.err" >&2
        FAILED=1
    fi
    n_wall=$(wall_s "$t0" "$t1")
    n_rss=$(maxrss_mb "$D/nhachan.time")
    # 4. the C peer, the same 2N messages to the same sinks.
    t0=$(date +%s%N)
    status=0
    timeout "$TIMEOUT" /usr/bin/time -v -o "$D/peer.time" "$TMP/peer" "$N" "smtp://127.0.0.1:$SMTP_PORT" "$MESSAGE" \
        "http://127.0.0.1:$HTTP_PORT/hook" "$SECRET" "$BODY" "$PER_HOST" "$TOTAL" "$PEER_BATCH" >"$D/peer.out" 2>&1 || status=$?
    t1=$(date +%s%N)
    if [ "$status" != 0 ]; then echo "N=$N: peer exit $status:" >&2; cat "$D/peer.out" >&2; FAILED=1; fi
    p_wall=$(wall_s "$t0" "$t1")
    p_rss=$(maxrss_mb "$D/peer.time")
    row=$(python3 -c "
n, nw, pw = $N, $n_wall, $p_wall
print(f'| {n} | {2*n/nw:,.0f} | {2*n/pw:,.0f} | {pw/nw:.3f} | $n_rss | $p_rss | {nw:.2f} | {pw:.2f} |')")
    ROWS+=("$row")
    echo "N=$N: nhachan ${n_wall}s ($(cpu_s "$D/nhachan.time")), sent $sent; peer ${p_wall}s ($(cpu_s "$D/peer.time"))" >&2
    # 5. the same work on PostgreSQL, 1..NODES nodes sharing one queue.
    if [ "$STATE" = postgres ]; then
        for K in $(seq 1 "$NODES"); do
            P="$TMP/n$N-pg$K"
            mkdir -p "$P"
            python3 bench/pipeline/gen_config.py "$P" "$N" "$SMTP_PORT" "$HTTP_PORT" "$(pg_createdb "n${N}k$K")" >/dev/null
            t0=$(date +%s%N)
            NODE_PIDS=()
            for i in $(seq 1 "$K"); do
                timeout "$TIMEOUT" "$NHACHAN" tick -c "$P/nhachan.yaml" --now "$NOW" >"$P/tick-$i.out" 2>"$P/tick-$i.err" &
                NODE_PIDS+=($!)
            done
            for pid in "${NODE_PIDS[@]}"; do wait "$pid" || { echo "N=$N K=$K: a node failed:" >&2; cat "$P"/tick-*.err >&2; FAILED=1; }; done
            t1=$(date +%s%N)
            sent=$(cat "$P"/tick-*.out | grep -o 'đã gửi [0-9]*' | grep -o '[0-9]*$' | awk '{s += $1} END {print s + 0}')
            [ "$sent" = $((2 * N)) ] || { echo "N=$N K=$K: sent $sent of $((2 * N))" >&2; FAILED=1; }
            k_wall=$(wall_s "$t0" "$t1")
            ROWS+=("$(python3 -c "
n, kw, pw = $N, $k_wall, $p_wall
print(f'| {n} on PostgreSQL, $K node(s) | {2*n/kw:,.0f} | {2*n/pw:,.0f} | {pw/kw:.3f} | | | {kw:.2f} | {pw:.2f} |')")")
            echo "N=$N on PostgreSQL with $K node(s): ${k_wall}s, sent $sent" >&2
        done
    fi
done

{
    echo
    echo "| N | nhachan deliveries/s | peer deliveries/s | ratio (nhachan/peer) | nhachan peak RSS MB | peer peak RSS MB | nhachan s | peer s |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${ROWS[@]}"
    [ -z "$SINK_NOTE" ] || echo "$SINK_NOTE"
} | tee "$OUT/results.md"
exit $FAILED
