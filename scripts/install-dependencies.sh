#!/usr/bin/env bash
# Installs the Debian packages datalint builds against (and, with --test, what its tests drive), skipping
# the package manager entirely when everything is already there.
set -euo pipefail

build_packages=(
  pkg-config
  libjansson-dev libsqlite3-dev libxxhash-dev zlib1g-dev
  libvectorscan-dev libpcre2-dev libutf8proc-dev libpsl-dev libphonenumber-dev libcld2-dev
)
test_packages=(neovim gzip chromium)

wanted=("${build_packages[@]}")
if [[ "${1:-}" == "--test" ]]; then wanted+=("${test_packages[@]}"); fi

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "datalint: installing ${missing[*]}" >&2
  sudo_prefix=()
  if [[ $(id -u) -ne 0 ]]; then sudo_prefix=(sudo); fi
  "${sudo_prefix[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_prefix[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
