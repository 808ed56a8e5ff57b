#!/usr/bin/env bash
# The demo district: validate it, then show what nhachan will send during the March 2024 campaign.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/debug/nhachan
config=examples/demo/nhachan.yaml
echo "== nhachan check"
$bin check -c "$config" --now 2024-03-01
echo
echo "== nhachan plan --unit xa-binh-chau (March-April 2024)"
$bin plan -c "$config" --now 2024-03-01 --to 2024-04-30 --unit xa-binh-chau
echo
echo "== nhachan holidays --year 2025"
$bin holidays --year 2025
