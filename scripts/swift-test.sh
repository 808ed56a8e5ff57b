#!/usr/bin/env bash
# Runs the built Swift Testing suites within a time limit: `scripts/swift-test.sh SECONDS ARGS...`
# (ARGS as `swift test` takes them: --filter, --skip). The test binary is run directly, not
# through `swift test`, which holds its output back: a run that hangs is killed with what it
# printed, and the tests that started and never ended are named.
set -uo pipefail
limit=$1
shift
binary=$(ls -d .build/debug/*PackageTests.xctest | head -1)
log=$(mktemp)
NO_COLOR=1 timeout -k 20 "$limit" "$binary" --testing-library swift-testing "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ "$status" = 124 ] || [ "$status" = 137 ]; then
    echo "error: the tests ($*) did not end within $limit s; started and never ended:"
    python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
lines = re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines()
ended = [l[2:] for l in lines if l.startswith(("✔ Test ", "✘ Test "))]
for line in lines:
    if line.startswith("◇ Test ") and line.endswith(" started."):
        name = line[2:-len(" started.")]
        if name != "run" and not any(e.startswith(name + " ") for e in ended):
            print("  " + name)
PY
fi
rm -f "$log"
exit "$status"
