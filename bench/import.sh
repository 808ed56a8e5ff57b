#!/usr/bin/env bash
# Measures `nhachan import` on the hand-annotated corpus of real directives
# (Tests/NhacHanImportTests/Fixtures/Corpus): precision and recall of deadlines (kind and
# date), of numbers and of issue dates, and the dates drafted that are no deadline, on the
# training and the validation set.
#
#   bench/import.sh            figures only
#   bench/import.sh --misses   also what was missed on the training set (never the validation set)
#   bench/import.sh --by-kind  recall by kind of deadline, on both sets (a count, not a text)
#   bench/import.sh --firm     only the tasks a draft makes active (tentative ones left out)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=Tests/NhacHanImportTests/Fixtures/Corpus
swift build --product nhachan >/dev/null
bin="$(swift build --show-bin-path)/nhachan"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for split in train validation; do
  mkdir -p "$out/$split"
  for f in "$corpus/$split"/*.txt "$corpus/$split"/*.docx "$corpus/$split"/*.pdf; do
    [ -e "$f" ] || continue
    name="$(basename "${f%.*}")"
    "$bin" import "$f" --format json >"$out/$split/$name.json" 2>/dev/null || echo "import failed: $split/$name" >&2
  done
done
python3 bench/import/score.py "$corpus" "$out" "$@"
