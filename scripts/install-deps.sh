#!/usr/bin/env bash
# Installs what nhachan needs to build, test and run its demo on Debian: the C libraries it
# links (libcurl, SQLite), the loopback test servers (aiosmtpd, openssl) and poppler for PDFs.
# Safe to run again: it installs only what is missing.
set -euo pipefail

apt_packages=(libcurl4-openssl-dev libsqlite3-dev openssl python3 python3-pip poppler-utils unzip ca-certificates)
missing=()
for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "installing: ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python=${NHACHAN_PYTHON:-python3}
if ! "$python" -c "import aiosmtpd" 2>/dev/null; then
    echo "installing aiosmtpd for $python" >&2
    "$python" -m pip install --quiet aiosmtpd 2>/dev/null \
        || "$python" -m pip install --quiet --break-system-packages aiosmtpd
fi
