#!/usr/bin/env bash
# Fuzzes the preset reader and writer with libFuzzer, starting from real presets.
#
#   Scripts/fuzz-preset.sh [SECONDS] [PRESET_DIR]
#
# Builds MilkPreset with -sanitize=fuzzer into .build/fuzz, links Scripts/fuzz/PresetFuzz.swift against it, and runs
# libFuzzer for SECONDS (default 60) on mutations of every 10th .milk file of PRESET_DIR (default the Debian
# projectM presets) plus our test fixtures. Any crash, or a preset that does not write back unchanged, stops the
# run and leaves the input in .build/fuzz/artifacts. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
presets="${2:-/usr/share/projectM/presets}"
out=.build/fuzz

swift build -c release --target MilkPreset --scratch-path "$out" -Xswiftc -sanitize=fuzzer >/dev/null
swiftc -O -sanitize=fuzzer -parse-as-library -I "$out/release/Modules" \
    Scripts/fuzz/PresetFuzz.swift "$out"/release/MilkPreset.build/*.o -o "$out/preset-fuzz"

seeds="$out/seeds"
rm -rf "$seeds" && mkdir -p "$seeds" "$out/artifacts" "$out/corpus"
if [ -d "$presets" ]; then
    find "$presets" -iname '*.milk' -print0 | sort -z | awk -v RS='\0' 'NR % 10 == 0' |
        while IFS= read -r file; do cp "$file" "$seeds/$(printf '%s' "$file" | md5sum | cut -c1-16).milk"; done
fi
cp Tests/Fixtures/MilkPreset/*.milk "$seeds/"
echo "seeds: $(ls "$seeds" | wc -l) files; fuzzing for ${seconds}s" >&2

SWIFT_BACKTRACE=enable=no "$out/preset-fuzz" "$out/corpus" "$seeds" -max_total_time="$seconds" -max_len=262144 -rss_limit_mb=1024 \
    -timeout=10 -artifact_prefix="$out/artifacts/" -print_final_stats=1
