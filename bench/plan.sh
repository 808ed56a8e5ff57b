#!/usr/bin/env bash
# Plans a synthetic province (3,000 units, 1,000 directives of 100-700 units, 5 stages: ~2M
# reminders) at 10%, 50% and 100% of its size with the Swift planner and with the C peer, on the
# same input in the same run, and prints the rates, memory and the Swift/C ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product bench-plan >&2
mkdir -p .build
cc -O2 -o .build/plan-peer bench/peers/plan.c
input=$(mktemp)
trap 'rm -f "$input"' EXIT
for scale in 10 50 100; do
    swift_out=$(.build/release/bench-plan "$scale" --dump "$input")
    c_out=$(.build/plan-peer "$input" 2>/dev/null)
    printf '%s\n%s\n' "$swift_out" "$c_out"
    s=$(awk '$2 == "reminders_per_second" { print $3 }' <<<"$swift_out")
    c=$(awk '$2 == "reminders_per_second" { print $3 }' <<<"$c_out")
    awk -v s="$s" -v c="$c" -v k="$scale" 'BEGIN { printf "ratio scale=%s%% swift/c reminders_per_second %.2f\n\n", k, s / c }'
done
