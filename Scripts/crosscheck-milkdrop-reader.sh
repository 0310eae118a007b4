#!/usr/bin/env bash
# Compares MilkPreset's reading of every preset in a folder with an emulation of MilkDrop 2's own reader
# (Scripts/crosscheck/milkdrop_reader.py): every code block and every value MilkDrop reads.
#
#   Scripts/crosscheck-milkdrop-reader.sh [PRESET_DIR]     (default /usr/share/projectM/presets)
#
# Needs python3. Not part of CI; see docs/presets.md for the last result.
set -euo pipefail
cd "$(dirname "$0")/.."
presets="${1:-/usr/share/projectM/presets}"
out=.build/crosscheck
swift build -c release --target MilkPreset --scratch-path "$out" >/dev/null
swiftc -O -I "$out/release/Modules" Scripts/crosscheck/dump.swift "$out"/release/MilkPreset.build/*.o -o "$out/dump"
find "$presets" -iname '*.milk' -print0 | sort -z | xargs -0 "$out/dump" > "$out/ours.jsonl"
python3 Scripts/crosscheck/milkdrop_reader.py "$out/ours.jsonl"
