#!/bin/sh
# Installs the Debian packages that building and testing arsred need, only
# those that are missing, so `make run` and `make test` work on a fresh
# Debian 12 machine. Run as root (or with sudo available).
set -eu

packages="build-essential cmake pkg-config libpoppler-glib-dev libcairo2-dev \
libpcre2-dev libjansson-dev libcmocka-dev poppler-utils python3 python3-jsonschema sqlite3 valgrind \
qpdf time parallel \
clang libclang-rt-14-dev"

missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "arsred: installing missing packages:$missing" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
