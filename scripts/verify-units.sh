#!/usr/bin/env bash
# Checks every systemd unit in deploy/ with `systemd-analyze verify`: section and key names,
# values, dependencies, and that each timer's service is in deploy/ too. Exits non-zero on any
# problem, printed as deploy/FILE:LINE: MESSAGE.
#
# verify also wants every Exec*= binary to exist, and nhachan is not installed where this runs:
# the units are checked as copies in a temporary folder, each missing absolute Exec*= binary
# replaced by /bin/true (same line numbers, same arguments). Installs the `systemd` package when
# systemd-analyze is missing (apt-get, as root or through sudo).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
deploy="$root/deploy"

if ! command -v systemd-analyze >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "verify-units: installing systemd (for systemd-analyze)" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq systemd >/dev/null
fi

shopt -s nullglob
units=("$deploy"/*.service "$deploy"/*.timer "$deploy"/*.socket "$deploy"/*.path "$deploy"/*.target "$deploy"/*.slice)
if [ ${#units[@]} -eq 0 ]; then
    echo "verify-units: no unit file in $deploy" >&2
    exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

failed=0
copies=()
for unit in "${units[@]}"; do
    name=$(basename "$unit")
    n=0
    while IFS= read -r line || [ -n "$line" ]; do
        n=$((n + 1))
        if [[ $line =~ ^(Exec[A-Za-z]+=)([-@:+!|]*)(/[^[:space:]]*)(.*)$ ]] && [ ! -x "${BASH_REMATCH[3]}" ]; then
            echo "verify-units: deploy/$name:$n: ${BASH_REMATCH[3]} is not installed here; checked as /bin/true" >&2
            line="${BASH_REMATCH[1]}${BASH_REMATCH[2]}/bin/true${BASH_REMATCH[4]}"
        fi
        printf '%s\n' "$line"
    done <"$unit" >"$tmp/$name"
    copies+=("$tmp/$name")

    # A timer must start a unit that ships beside it (Unit=, or the service of the same name).
    if [[ $name == *.timer ]]; then
        target=$(sed -n 's/^[[:space:]]*Unit[[:space:]]*=[[:space:]]*\([^[:space:]]*\).*/\1/p' "$unit" | tail -n 1)
        target=${target:-${name%.timer}.service}
        if [ ! -f "$deploy/$target" ]; then
            echo "deploy/$name: error: starts $target, which is not in deploy/" >&2
            failed=1
        fi
    fi
done

options=(--man=no)
if systemd-analyze verify --help 2>/dev/null | grep -q -- '--recursive-errors'; then
    # Only our units' problems count, not those of the system units they depend on.
    options+=(--recursive-errors=no)
fi

status=0
output=$(cd "$tmp" && SYSTEMD_LOG_COLOR=0 systemd-analyze verify "${options[@]}" "${copies[@]}" 2>&1) || status=$?
output=${output//$tmp/deploy}
if [ -n "$output" ]; then
    printf '%s\n' "$output" >&2
fi

# Some versions only warn (exit 0) about what they ignore: any line about our units fails too.
names=$(for unit in "${units[@]}"; do basename "$unit"; done)
if [ "$status" -ne 0 ] || grep -qF -e deploy/ -e "$names" <<<"$output"; then
    failed=1
fi

if [ "$failed" -ne 0 ]; then
    echo "verify-units: FAILED ($(systemd-analyze --version | head -n 1))" >&2
    exit 1
fi
echo "verify-units: ${#units[@]} units OK: $(echo $names)"
