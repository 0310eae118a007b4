#!/usr/bin/env bash
# Soak test of the show (not CI): MINUTES of show time at 30 fps in record mode, a pair change every 5 s,
# every frame rendered, composited and read back but not written. Reports RSS growth, GL errors and live GL
# objects (GraphicsCore's counters: created − deleted).
#
# Usage: Scripts/soak.sh [MINUTES=60] [OUT=/tmp/aivj-soak] [SIZE=1280x720] [PACK]
#   AIVJ=path/to/aivj to use another build (default: .build/release/aivj, built when missing).
# Pass: RSS growth < 5 % (from the first sample after the first minute to the end), no more live GL objects at
# the last sample on a pair change than after the first minute (samples every 300 frames fall on pair changes,
# so each holds the same layers), nothing alive after teardown, and no GL error (the recorder stops at the first).
set -euo pipefail
minutes=${1:-60}
out=${2:-${TMPDIR:-/tmp}/aivj-soak}
size=${3:-1280x720}
pack=${4:-}
aivj=${AIVJ:-.build/release/aivj}
[ -x "$aivj" ] || swift build -c release --product aivj
rm -rf "$out"
frames=$((minutes * 60 * 30))
args=(record --out "$out" --frames "$frames" --fps 30 --size "$size" --switch-every 5 --discard-frames --stats-every 300)
[ -n "$pack" ] && args+=(--pack "$pack")
start=$(date +%s)
status=0
"$aivj" "${args[@]}" > "$out.summary.json" || status=$?
end=$(date +%s)
python3 - "$out/stats.jsonl" "$out.summary.json" "$status" "$((end - start))" "$minutes" <<'PY'
import json, sys
stats_path, summary_path, status, wall, minutes = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
lines = [json.loads(l) for l in open(stats_path) if l.strip()]
summary = json.load(open(summary_path)) if status == 0 else None
base = next((l for l in lines if l["time"] >= 60), lines[0])
# The last sample on a pair change (every 300th frame), so it holds the same set of layers as the base.
last = [l for l in lines if l["frame"] % 300 == 0][-1]
after_base = [l for l in lines if l["time"] > base["time"]] or lines
growth = 100.0 * (last["rssKB"] - base["rssKB"]) / base["rssKB"]
peak = max(l["rssKB"] for l in lines)
leaked = {k: last["gl"][k] - base["gl"][k] for k in last["gl"]}

after = summary["glObjectsAfter"] if summary else None
report = {
    "showMinutes": float(minutes), "framesRendered": lines[-1]["frame"] + 1, "wallSeconds": wall,
    "fps": round((lines[-1]["frame"] + 1) / wall, 1) if wall else None,
    "rssBaseKB": base["rssKB"], "rssBaseAtSeconds": base["time"], "rssEndKB": last["rssKB"], "rssPeakKB": peak,
    "rssGrowthPercent": round(growth, 2),
    "glLiveAtBase": base["gl"], "glLiveAtEnd": last["gl"], "glLiveGrowth": leaked, "glAliveAfterTeardown": after,
    "glErrors": 0 if status == 0 else "the run stopped (see its error)", "exitStatus": status,
    "pairChanges": summary["picks"] if summary else None,
    "advanceMsMean": round(sum(l["meanFrameMs"] for l in after_base) / len(after_base), 2),
    "advanceMsSlowest": round(max(l["slowestFrameMs"] for l in after_base), 1),
    "advanceMsSlowestMedianPer10s": sorted(l["slowestFrameMs"] for l in after_base)[len(after_base) // 2],
}
ok = status == 0 and growth < 5 and all(v <= 0 for v in leaked.values()) and after and all(v == 0 for v in after.values())
report["pass"] = bool(ok)
print(json.dumps(report, indent=1))
sys.exit(0 if ok else 1)
PY
