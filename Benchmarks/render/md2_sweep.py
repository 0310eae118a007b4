#!/usr/bin/env python3
"""Class sweep of every MilkDrop 2 preset (with warp_/comp_ shaders) in a preset folder, ours and projectM's.

Usage:
  md2_sweep.py run JSONL OUTDIR [--audio FILE.wav|silence] [--timeout S] [--seed N] [--limit N]
                               [--ref none|notok|all] [--root DIR]
  md2_sweep.py summary JSONL          -> a Markdown table of the figures, and every preset black for us only

The same renders, order, resuming and classes as md1_sweep.py (181 frames, 320x180, 30 fps, mesh 48x36,
captures 60/120/150/180, pm_sweep's classes), on the presets md1_sweep leaves out. `--ref` defaults to `all` here,
so both renderers' ok-rates come from the same presets.
"""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import md1_sweep
from sweep import is_md1

ROOT_PRESETS = md1_sweep.ROOT_PRESETS


def md2_presets(root):
    files = []
    for d, _, names in os.walk(root):
        files += [os.path.join(d, n) for n in names if n.lower().endswith('.milk')]
    return sorted(f for f in files if not is_md1(f))


def summary(jsonl):
    rows = [json.loads(l) for l in open(jsonl) if l.strip()]
    if not rows:
        print('no rows'); return
    kinds = ['ok', 'black', 'flat', 'static', 'crash', 'glerror', 'error', 'timeout']
    paired = [r for r in rows if 'ref' in r]
    ours = {k: sum(1 for r in paired if r['aivj'] == k) for k in kinds}
    theirs = {k: sum(1 for r in paired if r['ref'] == k) for k in kinds}
    print(f'{len(rows)} of {rows[0]["of"]} MilkDrop 2 presets rendered (seeded order), {len(paired)} by both renderers.\n')
    print('| renderer | ' + ' | '.join(kinds) + ' | ok-rate |')
    print('|---|' + '---|' * (len(kinds) + 1))
    for name, counts in (('aivj', ours), ('projectm-ref 3.1.12', theirs)):
        rate = 100.0 * counts['ok'] / max(len(paired), 1)
        print(f'| {name} | ' + ' | '.join(str(counts[k]) for k in kinds) + f' | {rate:.1f}% |')
    md1_sweep.print_details(rows, [r for r in paired if r['aivj'] != r['ref'] and 'ok' in (r['aivj'], r['ref'])])

if __name__ == '__main__':
    md1_sweep.md1_presets = md2_presets
    if len(sys.argv) >= 3 and sys.argv[1] == 'summary':
        summary(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1] == 'run':
        args = sys.argv[2:]
        if '--ref' not in args:
            args += ['--ref', 'all']
        md1_sweep.run(args)
    else:
        print(__doc__); sys.exit(2)
