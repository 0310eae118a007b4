#!/bin/sh
# Class sweep of every MilkDrop 2 preset in Debian's set (738 with warp/comp shaders) with `aivj render`
# (release build) and projectm-ref, the test WAV, 60 s per preset; resumable; prints the summary at the end.
#   Benchmarks/render/md2-sweep.sh [OUT_DIR] [extra md2_sweep.py run options, e.g. --limit 200 --ref notok]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-/tmp/md2-sweep}
[ $# -gt 0 ] && shift
mkdir -p "$out"
[ -x "$here/../../.build/release/aivj" ] || (cd "$here/../.." && swift build -c release)
[ -f /tmp/pmref/test-128bpm.wav ] || { echo "md2-sweep: /tmp/pmref/test-128bpm.wav is missing (make -C projectm-ref test-128bpm.wav)" >&2; exit 1; }
python3 "$here/md2_sweep.py" run "$out/sweep.jsonl" "$out/frames" --timeout 60 "$@"
python3 "$here/md2_sweep.py" summary "$out/sweep.jsonl"
