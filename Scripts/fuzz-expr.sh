#!/usr/bin/env bash
# Fuzzes the expression compiler and evaluators with libFuzzer, starting from real preset code.
#
#   Scripts/fuzz-expr.sh [SECONDS] [PRESET_DIR]
#
# Builds MilkExpression with -sanitize=fuzzer into .build/fuzz-expr, links Scripts/fuzz/ExprFuzz.swift against it,
# and runs libFuzzer for SECONDS (default 60) on random input and mutations of code lines taken from every 20th
# .milk file of PRESET_DIR (default the Debian projectM presets). A crash, a hang (10 s), or a difference between
# the fast and the reference evaluator stops the run and leaves the input in .build/fuzz-expr/artifacts.
# Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
presets="${2:-/usr/share/projectM/presets}"
out=.build/fuzz-expr

swift build -c release --target MilkExpression --scratch-path "$out" -Xswiftc -sanitize=fuzzer >/dev/null
swiftc -O -sanitize=fuzzer -parse-as-library -I "$out/release/Modules" \
    Scripts/fuzz/ExprFuzz.swift "$out"/release/MilkExpression.build/*.o -o "$out/expr-fuzz"

seeds="$out/seeds"
rm -rf "$seeds" && mkdir -p "$seeds" "$out/artifacts" "$out/corpus"
if [ -d "$presets" ]; then
    # The code of each chosen preset, one seed file per preset: `key=code` lines reduced to the code.
    find "$presets" -iname '*.milk' -print0 | sort -z | awk -v RS='\0' 'NR % 20 == 0' |
        while IFS= read -r file; do
            grep -aiE '^(per_frame|per_pixel|wave_[0-9]+_|shape_[0-9]+_)[a-z_]*[0-9]+=' "$file" | sed 's/^[^=]*=//' \
                > "$seeds/$(printf '%s' "$file" | md5sum | cut -c1-16).eel" || true
        done
fi
printf 'x = if(y > 0, sin(x), megabuf(x)[2] += loop(3, y *= 2)); while(x -= 1; x > 0)' > "$seeds/handwritten.eel"
echo "seeds: $(ls "$seeds" | wc -l) files; fuzzing for ${seconds}s" >&2

SWIFT_BACKTRACE=enable=no "$out/expr-fuzz" "$out/corpus" "$seeds" -max_total_time="$seconds" -max_len=16384 \
    -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$out/artifacts/" -print_final_stats=1
