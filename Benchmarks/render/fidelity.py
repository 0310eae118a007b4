#!/usr/bin/env python3
"""Fidelity against projectM 3.1.12: median SSIM of frame 120, with `--audio silence` and with the test WAV.

Usage: fidelity.py OUTDIR [--list FILE] [--cache DIR] [--audio silence,wav] [--jobs N] [-- AIVJ_RENDER_ARGS…]

The presets are the 100 MilkDrop 1 presets without `rand` in fidelity-presets.txt (relative to Debian's
/usr/share/projectM/presets; drawn with seed 7 from every MD1 preset without `rand`, as sweep.py does).
Each is rendered by `aivj render` and projectm-ref at 320x180, 30 fps, mesh 48x36, 121 frames; the SSIM of
frame 120 (ssim.py, luma) is taken. projectm-ref's frames never change, so they are kept in the cache
(default /tmp/aivj-fidelity-ref) and rendered only once. Arguments after `--` go to `aivj render` (e.g.
`--compat projectm`). Writes OUTDIR/<audio>.jsonl (one line per preset, worst first) and prints one JSON
line per audio and a final line with both medians.
"""
import hashlib, json, os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ssim import read_png, ssim
from sweep import AIVJ, REF

HERE = os.path.dirname(os.path.abspath(__file__))
PRESETS = '/usr/share/projectM/presets'
WAV = '/tmp/pmref/test-128bpm.wav'
FRAME = 120


def render(tool, preset, out, audio, extra):
    target = os.path.join(out, f'frame-{FRAME:05d}.png')
    args = ['--preset', preset, '--width', '320', '--height', '180', '--frames', str(FRAME + 1), '--fps', '30',
            '--audio', audio, '--mesh', '48x36', '--capture', str(FRAME), '--out', out]
    cmd = [tool] + args + ['--quiet', '--datadir', os.path.dirname(preset)] if tool == REF else [tool, 'render'] + args + extra
    r = subprocess.run(cmd, capture_output=True, text=True, errors='replace', timeout=120)
    if r.returncode != 0 or not os.path.exists(target):
        raise RuntimeError(f'{os.path.basename(tool)} failed on {preset}: {r.stderr.strip()[-200:]}')
    return target


def one(preset, audio, name, out, cache, extra):
    key = hashlib.sha1(f'{preset}|{audio}'.encode()).hexdigest()[:16]
    ref_dir = os.path.join(cache, name, key)
    ref = os.path.join(ref_dir, f'frame-{FRAME:05d}.png')
    if not os.path.exists(ref):
        render(REF, preset, ref_dir, audio, [])
    ours = render(AIVJ, preset, os.path.join(out, name, key), audio, extra)
    return {'preset': os.path.relpath(preset, PRESETS), 'key': key, 'ssim120': round(ssim(read_png(ours), read_png(ref)), 4)}


def main():
    args = sys.argv[1:]
    extra = []
    if '--' in args:
        i = args.index('--'); extra = args[i + 1:]; args = args[:i]
    opts = {'--list': os.path.join(HERE, 'fidelity-presets.txt'), '--cache': '/tmp/aivj-fidelity-ref',
            '--audio': 'silence,wav', '--jobs': '2'}
    pos = []
    while args:
        a = args.pop(0)
        if a in opts:
            opts[a] = args.pop(0)
        else:
            pos.append(a)
    out = pos[0]
    presets = [os.path.join(PRESETS, l.strip()) for l in open(opts['--list']) if l.strip()]
    medians = {}
    for name in opts['--audio'].split(','):
        audio = WAV if name == 'wav' else name
        with ThreadPoolExecutor(int(opts['--jobs'])) as pool:
            rows = list(pool.map(lambda p: one(p, audio, name, out, opts['--cache'], extra), presets))
        rows.sort(key=lambda r: r['ssim120'])
        with open(os.path.join(out, f'{name}.jsonl'), 'w') as f:
            for r in rows:
                f.write(json.dumps(r) + '\n')
        medians[name] = float(np.median([r['ssim120'] for r in rows]))
        print(json.dumps({'audio': name, 'n': len(rows), 'median_ssim120': round(medians[name], 4),
                          'worst': [r['preset'] for r in rows[:5]]}), flush=True)
    print(json.dumps({'median_ssim120': {k: round(v, 4) for k, v in medians.items()}, 'aivj_args': extra}))


if __name__ == '__main__':
    main()
