#!/usr/bin/env bash
# Installs every package Waymark needs to build, test and run on Debian 12 (bookworm).
# Safe to run more than once: apt-get skips what is already installed.
set -euo pipefail

packages=(
    # toolchain
    cmake ninja-build g++ ccache pkg-config git
    # Qt 6.4 as Debian ships it
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
    libqt6opengl6-dev libgl-dev libvulkan-dev
    # storage and fragments
    libsqlite3-dev sqlite3 libboost-dev libboost-serialization-dev
    # data import: CSV parsing, encoding detection, XLSX workbooks
    libcsv-dev libuchardet-dev liborcus-dev zlib1g-dev
    # fonts so that offscreen rendering and screenshots have real glyphs
    fontconfig fonts-dejavu-core fonts-noto-core
    # running the GUI headless for screenshots
    xvfb xauth imagemagick
)

if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "setup-debian.sh: run as root or install sudo" >&2
    exit 1
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup-debian.sh: all ${#packages[@]} packages are installed"
    exit 0
fi

echo "setup-debian.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
