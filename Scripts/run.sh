#!/usr/bin/env bash
# Installs what is missing, builds AIVJ in release mode and runs the main job.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
swift build -c release --product aivj
exec .build/release/aivj "$@"
