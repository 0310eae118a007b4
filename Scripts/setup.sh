#!/usr/bin/env bash
# Installs the Debian packages AIVJ builds, tests and runs with, only those that are missing.
# Idempotent and quiet when everything is present; needs root (or sudo) when something is missing.
set -euo pipefail

PACKAGES=(
  pkg-config
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev
  libasound2-dev alsa-utils
  libfftw3-dev
  libegl-dev libegl-mesa0 libgl-dev libopengl-dev libgles-dev libgl1-mesa-dri mesa-utils
  libpng-dev libwebp-dev
  libsndfile1-dev
  xvfb xauth fonts-dejavu-core
  projectm-data libprojectm-dev
  sox ffmpeg
  python3-numpy python3-pil
  glslang-tools
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
