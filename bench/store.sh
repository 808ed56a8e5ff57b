#!/usr/bin/env bash
# Claim-and-complete micro-benchmark of the store alone (bench/store/main.swift): N deliveries
# enqueued, then claimed in batches of 250 and recorded sent, on an SQLite file and on a fresh
# PostgreSQL (fsync on), then on PostgreSQL again while another session holds a transaction
# open for the whole run (old snapshots keep dead rows alive: the known weakness of SKIP LOCKED
# queues). Prints each rate and the ratios. Usage: bench/store.sh [N] (default 50000).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-50000}
source bench/pg.sh
TMP=$(mktemp -d /tmp/nhachan-bench-store.XXXXXX)
HOLDER=""
cleanup() { [ -z "$HOLDER" ] || kill "$HOLDER" 2>/dev/null || true; pg_stop; rm -rf "$TMP"; }
trap cleanup EXIT
swift build -c release --product bench-store >&2
BENCH="$(swift build -c release --show-bin-path)/bench-store"
pg_start "$TMP/pg"
rate() { awk '{for (i = 1; i < NF; i++) if ($i == "claim_complete_per_s") print $(i + 1)}' <<<"$1"; }

sqlite=$("$BENCH" --sqlite "$TMP/state.db" --deliveries "$N")
echo "$sqlite"
pg=$("$BENCH" --postgres "$(pg_createdb plain)" --deliveries "$N")
echo "$pg"
# Another session: a transaction that has taken a snapshot and stays open for the whole run.
held_url=$(pg_createdb held)
mkfifo "$TMP/holder"
pg_psql -d held <"$TMP/holder" >/dev/null &
HOLDER=$!
exec 3>"$TMP/holder"
echo "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT txid_current(); SELECT count(*) FROM pg_class;" >&3
sleep 1
held=$("$BENCH" --postgres "$held_url" --deliveries "$N")
echo "$held (a transaction held open in another session)"
open_xacts=$(pg_psql -d held -c "SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'")
exec 3>&-
echo "sessions idle in transaction during the run: $open_xacts"
awk -v s="$(rate "$sqlite")" -v p="$(rate "$pg")" -v h="$(rate "$held")" 'BEGIN {
    printf "ratio postgres/sqlite %.2f\n", p / s
    printf "ratio held/postgres %.2f (%.0f%% slower with a transaction held open)\n", h / p, (1 - h / p) * 100
}'
