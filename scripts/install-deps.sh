#!/usr/bin/env bash
# Installs what nhachan needs to build, test and run its demo on Debian: the C libraries it
# links (libcurl, SQLite, libxlsxwriter), the loopback test servers (aiosmtpd, openssl),
# poppler for PDFs, and for the web face's tests headless Chromium with its driver (Selenium)
# and independent parsers of iCalendar, Prometheus text and XLSX.
# Safe to run again: it installs only what is missing.
set -euo pipefail

apt_packages=(libcurl4-openssl-dev libsqlite3-dev libxlsxwriter-dev openssl python3 python3-pip poppler-utils unzip ca-certificates
    chromium chromium-driver postgresql)
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
python_modules=(aiosmtpd:aiosmtpd selenium:selenium icalendar:icalendar prometheus_client:prometheus-client openpyxl:openpyxl)
for entry in "${python_modules[@]}"; do
    module=${entry%%:*} package=${entry#*:}
    if ! "$python" -c "import $module" 2>/dev/null; then
        echo "installing $package for $python" >&2
        "$python" -m pip install --quiet "$package" 2>/dev/null \
            || "$python" -m pip install --quiet --break-system-packages "$package"
    fi
done
