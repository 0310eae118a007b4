#!/usr/bin/env bash
# Throughput of `aivj scan` at its defaults (30 fps, warmup 60, 3 captures every 30 frames, 224², WebP, synth audio,
# jobs = cores) against a loop over projectm-ref doing the same renders (121 frames at 224x224, 30 fps, synth audio,
# captures 60,90,120 as PNG), same presets, same parallelism, in the same run.
#
# usage: Benchmarks/scan/bench.sh [SAMPLE] [OUT]
#   SAMPLE  presets, an even sample of /usr/share/projectM/presets (default 40)
#   OUT     working folder (default /tmp/aivj-scan-bench)
# env: AIVJ (default .build/release/aivj), PMREF (a built projectm-ref; default: built from
#      ../shared/tools/projectm-ref into OUT/pmref), JOBS (default nproc), PRESETS (library root)
#
# Prints one JSON line. Wall-clock rates depend on what else the machine runs, so CPU seconds per preset
# (user + sys of each side and its children) are printed too.
set -euo pipefail
cd "$(dirname "$0")/../.."
SAMPLE=${1:-40}
OUT=${2:-/tmp/aivj-scan-bench}
AIVJ=${AIVJ:-.build/release/aivj}
JOBS=${JOBS:-$(nproc)}
PRESETS=${PRESETS:-/usr/share/projectM/presets}
[ -x "$AIVJ" ] || { echo "bench.sh: $AIVJ missing; run: swift build -c release --product aivj" >&2; exit 1; }
[ -d "$PRESETS" ] || { echo "bench.sh: $PRESETS: no such folder" >&2; exit 1; }
rm -rf "$OUT/lib" "$OUT/aivj" "$OUT/pm"
mkdir -p "$OUT/lib" "$OUT/pm"
if [ -z "${PMREF:-}" ]; then
  mkdir -p "$OUT/pmref"
  cp ../shared/tools/projectm-ref/* "$OUT/pmref/" 2>/dev/null || cp /work/shared/tools/projectm-ref/* "$OUT/pmref/"
  make -s -C "$OUT/pmref" projectm-ref >/dev/null
  PMREF="$OUT/pmref/projectm-ref"
fi

# An even sample: every k-th preset of the sorted list, linked into one flat folder.
mapfile -t ALL < <(find "$PRESETS" -iname '*.milk' | LC_ALL=C sort)
STEP=$(( ${#ALL[@]} / SAMPLE )); [ "$STEP" -ge 1 ] || STEP=1
n=0
for ((i = 0; i < ${#ALL[@]} && n < SAMPLE; i += STEP)); do
  ln -s "${ALL[$i]}" "$OUT/lib/$(printf '%04d' $n)-$(basename "${ALL[$i]}")"
  n=$((n + 1))
done

cpu() { awk '{ print $1 + $2 }' "$1"; }

# aivj scan at its defaults.
/usr/bin/time -f "%U %S" -o "$OUT/aivj.time" "$AIVJ" scan "$OUT/lib" --out "$OUT/aivj" --jobs "$JOBS" --json \
  > "$OUT/aivj.json" 2> "$OUT/aivj.err"
START=$(date +%s.%N)
# The baseline: one projectm-ref process per preset, JOBS at a time.
export PMREF OUT
/usr/bin/time -f "%U %S" -o "$OUT/pm.time" bash -c '
  find "$OUT/lib" -name "*.milk" -print0 | LC_ALL=C sort -z | xargs -0 -P '"$JOBS"' -I{} bash -c '"'"'
    d="$OUT/pm/$(basename "$1" .milk)"; mkdir -p "$d"
    timeout 60 "$PMREF" --preset "$1" --width 224 --height 224 --frames 121 --fps 30 --audio synth \
      --capture 60,90,120 --out "$d" --quiet > "$d/summary.json" 2>/dev/null || echo "{\"failed\":true}" > "$d/summary.json"
  '"'"' _ {}'
END=$(date +%s.%N)
PM_SECONDS=$(echo "$END - $START" | bc -l)
AIVJ_SECONDS=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["seconds"])' "$OUT/aivj.json")
PM_OK=$(cat "$OUT"/pm/*/summary.json | grep -vc "\"failed\"" || true)
python3 - "$n" "$JOBS" "$AIVJ_SECONDS" "$PM_SECONDS" "$(cpu "$OUT/aivj.time")" "$(cpu "$OUT/pm.time")" "$PM_OK" "$OUT/aivj.json" <<'PY'
import json, sys
n, jobs = int(sys.argv[1]), int(sys.argv[2])
a, p, acpu, pcpu, pm_ok = float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
summary = json.load(open(sys.argv[8]))
print(json.dumps({
    "presets": n, "jobs": jobs,
    "aivjScan": {"seconds": round(a, 2), "presetsPerSecond": round(n / a, 2), "cpuSecondsPerPreset": round(acpu / n, 3),
                 "ok": summary["ok"], "failed": summary["failed"]},
    "projectmRefLoop": {"seconds": round(p, 2), "presetsPerSecond": round(n / p, 2), "cpuSecondsPerPreset": round(pcpu / n, 3),
                        "rendered": pm_ok},
    "speedup": round(p / a, 2), "cpuRatio": round(pcpu / acpu, 2),
}))
PY
