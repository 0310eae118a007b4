#!/bin/sh
# Crash / GL-error / class sweep of every MilkDrop 1 preset in Debian's set with `aivj render` (release build),
# the test WAV, 60 s per preset; resumable, prints the summary table at the end (see md1_sweep.py).
#   Benchmarks/render/md1-sweep.sh [OUT_DIR] [extra md1_sweep.py run options, e.g. --ref all --limit 500]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-/tmp/md1-sweep}
[ $# -gt 0 ] && shift
mkdir -p "$out"
[ -x "$here/../../.build/release/aivj" ] || (cd "$here/../.." && swift build -c release)
[ -f /tmp/pmref/test-128bpm.wav ] || { echo "md1-sweep: /tmp/pmref/test-128bpm.wav is missing (make -C projectm-ref test-128bpm.wav)" >&2; exit 1; }
python3 "$here/md1_sweep.py" run "$out/sweep.jsonl" "$out/frames" --timeout 60 "$@"
python3 "$here/md1_sweep.py" summary "$out/sweep.jsonl"
