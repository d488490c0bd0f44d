#!/usr/bin/env bash
# Installs what policy-site needs from Debian's packages, only if it is missing.
#   scripts/setup.sh build   – the C libraries the generator links (cmark-gfm, mimalloc) and pkg-config
#   scripts/setup.sh test    – also the browser, web server, Java and Python tools the tests use
#   scripts/setup.sh bench   – also Hugo and GNU time, for `make bench`
set -euo pipefail
need=(libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev pkg-config)
if [ "${1:-build}" = "bench" ]; then
  need+=(hugo time)
fi
if [ "${1:-build}" = "test" ]; then
  need+=(chromium chromium-driver nginx-light default-jre-headless python3-venv poppler-utils)
fi
missing=()
for pkg in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# nginx (full) also provides what the tests need.
if printf '%s\n' "${missing[@]}" | grep -qx nginx-light && command -v nginx >/dev/null; then
  missing=("${missing[@]/nginx-light}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then SUDO=sudo; else
      echo "error: these Debian packages are missing and this user cannot install them: ${missing[*]}" >&2
      echo "       ask an administrator to run: apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
