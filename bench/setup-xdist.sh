#!/usr/bin/env bash
# Unpacks Debian's pytest-xdist and execnet into bench/out/xdist, to put on PYTHONPATH for the
# interpreter Salvo uses (PyPI is not reachable here; Debian's packages work with pytest 9).
set -euo pipefail
out="$(cd "$(dirname "$0")" && pwd)/out/xdist"
if [ -f "$out/.done" ]; then echo "$out"; exit 0; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download python3-pytest-xdist python3-execnet >/dev/null 2>&1) || {
  apt-get update -qq >/dev/null && (cd "$work" && apt-get download python3-pytest-xdist python3-execnet >/dev/null)
}
mkdir -p "$out"
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
cp -r "$work"/root/usr/lib/python3/dist-packages/. "$out/"
touch "$out/.done"
echo "$out"
