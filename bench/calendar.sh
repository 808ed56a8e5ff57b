#!/usr/bin/env bash
# Builds the Swift calendar benchmark (release) and its C peer, runs both on the same
# table and queries, and prints the Swift/C ratio of each per-query cost.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product bench-calendar >&2
mkdir -p .build
cc -O2 -o .build/calendar-peer bench/peers/calendar.c
dump=$(mktemp)
trap 'rm -f "$dump"' EXIT
swift_out=$(.build/release/bench-calendar --dump "$dump")
c_out=$(.build/calendar-peer "$dump")
printf '%s\n%s\n' "$swift_out" "$c_out"
for metric in isWorkingDay_ns addingWorkingDays_ns; do
    s=$(awk -v m="$metric" '$2 == m { print $3 }' <<<"$swift_out")
    c=$(awk -v m="$metric" '$2 == m { print $3 }' <<<"$c_out")
    awk -v m="$metric" -v s="$s" -v c="$c" 'BEGIN { printf "ratio %s swift/c %.2f\n", m, s / c }'
done
sw=$(awk '$2 == "checksum" { print $3, $4 }' <<<"$swift_out")
cs=$(awk '$2 == "checksum" { print $3, $4 }' <<<"$c_out")
[ "$sw" = "$cs" ] && echo "checksums agree" || { echo "checksums differ: swift $sw, c $cs" >&2; exit 1; }
