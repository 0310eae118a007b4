#!/usr/bin/env python3
"""Crash / GL-error / class sweep of every MilkDrop 1 preset (no warp_/comp_ shaders) in a preset folder.

Usage:
  md1_sweep.py run JSONL OUTDIR [--audio FILE.wav|silence] [--timeout S] [--seed N] [--limit N]
                               [--ref none|notok|all] [--root DIR]
  md1_sweep.py summary JSONL          -> a Markdown table of the figures
  md1_sweep.py recheck OLD_JSONL NEW_JSONL OUTDIR [--ref none|notok|all]
                                      -> renders again only the presets not `ok` in OLD_JSONL (after a fix)

`run` renders each preset with `aivj render` (181 frames, 320x180, 30 fps, mesh 48x36, captures 60, 120,
150, 180) in a seeded random order, so a run stopped early is still a fair sample, and appends one JSON line
per preset as it goes; rerunning with the same JSONL resumes where it stopped. Each render gets `--timeout`
seconds (default 60, as pm_sweep). Results: `crash` (killed by a signal), `glerror` (exit status with a
`GL:` message), `error` (other non-zero exit), `timeout`, or a class by pm_sweep's rules (sweep.classify).
`--ref notok` (default) also renders with projectm-ref the presets that are not `ok` for us, so every
"black for us, not for projectM" preset is named; `--ref all` renders every preset with both.
Frames are kept only for presets that are not `ok` (OUTDIR/<index>/{aivj,ref}/).
"""
import json, os, random, shutil, subprocess, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep import AIVJ, REF, CAPTURES, classify, is_md1

ROOT_PRESETS = '/usr/share/projectM/presets'


def render(tool, preset, out, audio, timeout):
    """Renders one preset; returns (status, detail, fps). status is a class or crash/glerror/error/timeout."""
    if os.path.isdir(out):
        shutil.rmtree(out)
    args = ['--preset', preset, '--width', '320', '--height', '180', '--frames', '181', '--fps', '30',
            '--audio', audio, '--mesh', '48x36', '--capture', ','.join(map(str, CAPTURES)), '--out', out]
    cmd = [tool, 'render'] + args if tool == AIVJ else [tool] + args + ['--quiet', '--datadir', os.path.dirname(preset)]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, errors='replace', timeout=timeout)
    except subprocess.TimeoutExpired:
        return 'timeout', f'over {timeout} s', None
    last = (r.stderr.strip().splitlines() or [''])[-1][:300]
    if r.returncode < 0:
        return 'crash', f'signal {-r.returncode}: {last}', None
    if r.returncode != 0:
        return ('glerror' if 'GL:' in r.stderr else 'error'), last, None
    try:
        frames = [os.path.join(out, f'frame-{k:05d}.png') for k in CAPTURES]
        c, lum = classify(frames)
    except (OSError, ValueError) as e:
        return 'error', f'captures: {e}', None
    try:
        fps = json.loads(r.stdout.strip().splitlines()[-1]).get('fps')
    except (ValueError, IndexError):
        fps = None
    return c, f'max luma {max(lum):.4f}', fps


def md1_presets(root):
    files = []
    for d, _, names in os.walk(root):
        files += [os.path.join(d, n) for n in names if n.lower().endswith('.milk')]
    return sorted(f for f in files if is_md1(f))


def run(args, only=None):
    opts = {'--audio': '/tmp/pmref/test-128bpm.wav', '--timeout': '60', '--seed': '1', '--limit': '0',
            '--ref': 'notok', '--root': ROOT_PRESETS}
    pos = []
    i = 0
    while i < len(args):
        if args[i] in opts:
            opts[args[i]] = args[i + 1]; i += 2
        else:
            pos.append(args[i]); i += 1
    jsonl, outdir = pos
    files = md1_presets(opts['--root'])
    random.Random(int(opts['--seed'])).shuffle(files)
    if int(opts['--limit']) > 0:
        files = files[:int(opts['--limit'])]
    if only is not None:
        files = [f for f in files if f in only]
    done = set()
    if os.path.exists(jsonl):
        for line in open(jsonl):
            try:
                done.add(json.loads(line)['preset'])
            except (ValueError, KeyError):
                pass
    timeout = float(opts['--timeout'])
    with open(jsonl, 'a') as log:
        for index, preset in enumerate(files):
            if preset in done:
                continue
            d = os.path.join(outdir, f'{index:05d}')
            start = time.time()
            status, detail, fps = render(AIVJ, preset, os.path.join(d, 'aivj'), opts['--audio'], timeout)
            line = {'i': index, 'of': len(files), 'preset': preset, 'aivj': status, 'detail': detail, 'fps': fps,
                    'wall': round(time.time() - start, 2)}
            if opts['--ref'] == 'all' or (opts['--ref'] == 'notok' and status != 'ok'):
                rs, rd, rfps = render(REF, preset, os.path.join(d, 'ref'), opts['--audio'], timeout)
                line.update({'ref': rs, 'ref_detail': rd})
            if status == 'ok' and line.get('ref', 'ok') == 'ok':
                shutil.rmtree(d, ignore_errors=True)
            log.write(json.dumps(line) + '\n')
            log.flush()


def summary(jsonl):
    rows = [json.loads(l) for l in open(jsonl) if l.strip()]
    if not rows:
        print('no rows'); return
    ours, theirs, both = {}, {}, 0
    for r in rows:
        ours[r['aivj']] = ours.get(r['aivj'], 0) + 1
        if 'ref' in r:
            theirs[r['ref']] = theirs.get(r['ref'], 0) + 1
            both += 1
    kinds = ['ok', 'black', 'flat', 'static', 'crash', 'glerror', 'error', 'timeout']
    print(f'{len(rows)} of {rows[0]["of"]} MilkDrop 1 presets rendered (seeded order), '
          f'projectm-ref run on {both} of them (those not ok for us, unless --ref all).\n')
    print('| renderer | ' + ' | '.join(kinds) + ' |')
    print('|---|' + '---|' * len(kinds))
    print('| aivj | ' + ' | '.join(str(ours.get(k, 0)) for k in kinds) + ' |')
    print(f'| projectm-ref (on the {both}) | ' + ' | '.join(str(theirs.get(k, 0)) for k in kinds) + ' |')
    print_details(rows, [r for r in rows if r['aivj'] != 'ok' and 'ref' in r and r['ref'] != r['aivj']])


def print_details(rows, disagreeing):
    """Prints the median fps, our failures and the presets whose class differs, grouped by (ours, projectM's)."""
    fps = sorted(r['fps'] for r in rows if r.get('fps'))
    if fps:
        print(f'\nmedian aivj fps (181 frames, 320x180, loop only): {fps[len(fps) // 2]:.1f}')
    bad = [r for r in rows if r['aivj'] in ('crash', 'glerror', 'error', 'timeout')]
    if bad:
        print('\nFailures:\n')
        for r in bad:
            print(f'- `{os.path.relpath(r["preset"], ROOT_PRESETS)}`: {r["aivj"]}, {r["detail"]}')
    pairs = {}
    for r in disagreeing:
        pairs.setdefault((r['aivj'], r['ref']), []).append(r['preset'])
    for (a, b), names in sorted(pairs.items()):
        print(f'\n{a} for us, {b} for projectM ({len(names)}):\n')
        for n in sorted(names):
            print(f'- `{os.path.relpath(n, ROOT_PRESETS)}`')

if __name__ == '__main__':
    if len(sys.argv) >= 3 and sys.argv[1] == 'summary':
        summary(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1] == 'run':
        run(sys.argv[2:])
    elif len(sys.argv) >= 5 and sys.argv[1] == 'recheck':
        old = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
        run(sys.argv[3:], only={r['preset'] for r in old if r['aivj'] != 'ok'})
    else:
        print(__doc__); sys.exit(2)
