#!/usr/bin/env python3
"""Render MilkDrop 1 presets with `aivj render` and projectm-ref; classify both by pm_sweep's rules and
compare frame 120 with SSIM.

Usage: sweep.py LIST_FILE N SEED OUTDIR [--audio silence|FILE.wav] [--md1-only] [--no-rand] [--no-ref]
One JSON line per preset, then a summary line. Classes (frames 60, 120, 150, 180; 320x180, 30 fps, mesh 48x36):
black: max mean luma < 0.02; flat: max std < 0.01 and max consecutive mean abs diff < 0.002;
static: max consecutive mean abs diff < 0.001; ok otherwise; crash / timeout.
AIVJ (default .build/release/aivj) and PROJECTM_REF override the two renderers.
"""
import json, os, random, subprocess, sys
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ssim import read_png, ssim

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
AIVJ = os.environ.get('AIVJ', os.path.join(ROOT, '.build', 'release', 'aivj'))
REF = os.environ.get('PROJECTM_REF', '/tmp/pmref/projectm-ref')
CAPTURES = (60, 120, 150, 180)


def classify(paths):
    a = [read_png(p) / 255.0 for p in paths]
    lum = [float((x @ np.array([0.299, 0.587, 0.114])).mean()) for x in a]
    std = [float(x.std()) for x in a]
    motion = [float(np.abs(a[i] - a[i - 1]).mean()) for i in range(1, len(a))]
    if max(lum) < 0.02:
        return 'black', lum
    if max(std) < 0.01 and max(motion) < 0.002:
        return 'flat', lum
    if max(motion) < 0.001:
        return 'static', lum
    return 'ok', lum


def is_md1(path):
    try:
        text = open(path, 'rb').read().decode('latin-1')
    except OSError:
        return False
    return 'warp_1=' not in text and 'comp_1=' not in text


def uses_rand(path):
    text = open(path, 'rb').read().decode('latin-1').lower()
    return 'rand(' in text


def render(tool, preset, out, audio):
    cmd = [tool, '--preset', preset, '--width', '320', '--height', '180', '--frames', '181', '--fps', '30',
           '--audio', audio, '--mesh', '48x36', '--capture', ','.join(map(str, CAPTURES)), '--out', out]
    if tool == REF:
        cmd += ['--quiet', '--datadir', os.path.dirname(preset)]
    else:
        cmd = [tool, 'render'] + cmd[1:]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return 'timeout', None, ''
    if r.returncode != 0:
        return 'crash', None, r.stderr.strip().splitlines()[-1:] or ['']
    frames = [os.path.join(out, f'frame-{k:05d}.png') for k in CAPTURES]
    c, lum = classify(frames)
    return c, lum, json.loads(r.stdout.strip().splitlines()[-1]).get('fps')


def main():
    args = sys.argv[1:]
    audio = 'silence'
    if '--audio' in args:
        i = args.index('--audio'); audio = args[i + 1]; del args[i:i + 2]
    md1 = '--md1-only' in args
    no_rand = '--no-rand' in args
    use_ref = '--no-ref' not in args
    args = [a for a in args if not a.startswith('--')]
    lst, n, seed, out = args[0], int(args[1]), int(args[2]), args[3]
    files = [l.rstrip('\n') for l in open(lst) if l.strip()]
    if md1:
        files = [f for f in files if is_md1(f)]
    if no_rand:
        files = [f for f in files if not uses_rand(f)]
    random.Random(seed).shuffle(files)
    files = files[:n]
    ours, theirs, scores, worse = {}, {}, [], []
    for i, p in enumerate(files):
        d = os.path.join(out, f'{i:05d}')
        c1, _, fps1 = render(AIVJ, p, os.path.join(d, 'aivj'), audio)
        line = {'i': i, 'preset': p, 'aivj': c1, 'aivj_fps': fps1}
        ours[c1] = ours.get(c1, 0) + 1
        if use_ref:
            c2, _, fps2 = render(REF, p, os.path.join(d, 'ref'), audio)
            theirs[c2] = theirs.get(c2, 0) + 1
            line.update({'ref': c2, 'ref_fps': fps2})
            if c1 not in ('crash', 'timeout') and c2 not in ('crash', 'timeout'):
                s = ssim(read_png(os.path.join(d, 'aivj', 'frame-00120.png')), read_png(os.path.join(d, 'ref', 'frame-00120.png')))
                line['ssim120'] = round(s, 4)
                scores.append(s)
            if c1 == 'black' and c2 != 'black':
                worse.append(p)
        print(json.dumps(line), flush=True)
    print(json.dumps({'summary_aivj': ours, 'summary_ref': theirs, 'n': len(files), 'audio': audio,
                      'median_ssim120': float(np.median(scores)) if scores else None,
                      'black_for_us_only': worse}), flush=True)


if __name__ == '__main__':
    main()
