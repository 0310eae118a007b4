#!/usr/bin/env python3
"""Emulates how MilkDrop 2 reads a .milk file and compares it with what MilkPreset read.

MilkDrop 2 (vis_milk2/state.cpp) scans a preset once into a list of lines (_GetLineByName): a line's name runs to
the first CR, LF, space or '='; only lines ending their name at a space or '=' are listed; the scan reads each
listed line's rest with fgets(..., 252), so longer lines are split and the rest is scanned as a new line; a 0xFF
byte reads as EOF. Lookups try the line after the one last returned, then search from the top (first match), with
case-sensitive names. CState::Import asks for keys in a fixed order; ReadCode reads prefix1, prefix2, ... up to the
first missing number (or 32 KB), dropping one leading backtick per line.

Usage: milkdrop_reader.py DUMP.jsonl   (DUMP from dump.swift: one JSON object per preset with its file, code blocks
and the written text). Prints every difference and a summary line.
"""
import json, re, struct, sys

MAX_BIGSTRING_LEN = 32768
GENERAL = ("fRating fDecay fGammaAdj fVideoEchoZoom fVideoEchoAlpha nVideoEchoOrientation bRedBlueStereo bBrighten "
           "bDarken bSolarize bInvert fShader b1n b2n b3n b1x b2x b3x b1ed").split()
WAVE = ("nWaveMode bAdditiveWaves bWaveDots bWaveThick bModWaveAlphaByVolume bMaximizeWaveColor fWaveAlpha fWaveScale "
        "fWaveSmoothing fWaveParam fModWaveAlphaStart fModWaveAlphaEnd wave_r wave_g wave_b wave_x wave_y "
        "nMotionVectorsX nMotionVectorsY mv_dx mv_dy mv_l mv_r mv_g mv_b bMotionVectorsOn mv_a").split()
WAVECODE = "enabled samples sep bSpectrum bUseDots bDrawThick bAdditive scaling smoothing r g b a".split()
SHAPECODE = ("enabled sides additive thickOutline textured num_inst x y rad ang tex_ang tex_zoom r g b a r2 g2 b2 a2 "
             "border_r border_g border_b border_a").split()
MOTION = ("zoom rot cx cy dx dy warp sx sy bTexWrap bDarkenCenter fWarpAnimSpeed fWarpScale fZoomExponent ob_size "
          "ob_r ob_g ob_b ob_a ib_size ib_r ib_g ib_b ib_a").split()
INTS = {"MILKDROP_PRESET_VERSION", "PSVERSION", "PSVERSION_WARP", "PSVERSION_COMP", "nVideoEchoOrientation",
        "nWaveMode", "samples", "sep", "sides", "num_inst"}
BOOLS = {"bRedBlueStereo", "bBrighten", "bDarken", "bSolarize", "bInvert", "bAdditiveWaves", "bWaveDots",
         "bWaveThick", "bModWaveAlphaByVolume", "bMaximizeWaveColor", "bTexWrap", "bDarkenCenter", "bSpectrum",
         "bUseDots", "bDrawThick", "bAdditive", "enabled", "additive", "thickOutline", "textured"}


class LineList:
    """MilkDrop's scanned line list and lookup cursor for one file."""

    def __init__(self, data):
        self.data = data
        self.names = []
        self.cursor = 0
        pos, n = 0, len(data)

        def getc():
            nonlocal pos
            if pos >= n:
                pos += 1
                return -1
            c = data[pos]
            pos += 1
            return -1 if c == 0xFF else c

        while True:
            name = bytearray()
            while True:
                ch = getc()
                if len(name) < 125:
                    name.append(0 if ch == -1 else ch)
                if ch in (13, 10, 32, 61, -1):
                    break
            if ch == -1:
                break
            if ch in (32, 61):
                self.names.append((bytes(name[:-1]).split(b"\0")[0], pos))
                count = 0
                while count < 251 and pos < n:
                    c = data[pos]
                    pos += 1
                    count += 1
                    if c == 10:
                        break
            while True:
                ch = getc()
                if ch not in (13, 10):
                    break
            if ch == -1:
                break
            pos -= 1

    def get(self, key, max_chars=255):
        wanted = key.encode()
        if not (0 <= self.cursor < len(self.names) and self.names[self.cursor][0] == wanted):
            for i, (name, _) in enumerate(self.names):
                if name == wanted:
                    self.cursor = i
                    break
            else:
                return None
        p = self.names[self.cursor][1]
        out = bytearray()
        while len(out) < max_chars - 3 and p < len(self.data):
            c = self.data[p]
            p += 1
            if c in (13, 10, 0xFF):
                break
            out.append(c)
        self.cursor += 1
        return bytes(out).split(b"\0")[0]

    def code(self, prefix):
        lines, number, used = [], 1, 0
        while True:
            value = self.get(f"{prefix}{number}", MAX_BIGSTRING_LEN - 1)
            if value is None or len(value) >= MAX_BIGSTRING_LEN - 1 - used - 1:
                return lines
            lines.append(value[1:] if value[:1] == b"`" else value)
            used += len(value) + 1
            number += 1


def scan_int(raw):
    m = re.match(rb"\s*([+-]?\d+)", raw or b"")
    return int(m.group(1)) if m else None


def scan_float(raw):
    m = re.match(rb"\s*([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)", raw or b"")
    if not m:
        m = re.match(rb"\s*([+-]?)inf", raw or b"", re.I)
        return None if not m else float("-inf") if m.group(1) == b"-" else float("inf")
    return as_float32(float(m.group(1)))


def as_float32(x):
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        return float("inf") if x > 0 else float("-inf")


def milkdrop_read(data):
    """Returns ({key: raw value bytes or None}, {block prefix: [line bytes]}) in CState::Import's order."""
    lines = LineList(data)
    values, blocks = {}, {}
    values["MILKDROP_PRESET_VERSION"] = lines.get("MILKDROP_PRESET_VERSION")
    version = scan_int(values["MILKDROP_PRESET_VERSION"])
    version = 100 if version is None else version
    header = ["PSVERSION"] if version == 200 else ["PSVERSION_WARP", "PSVERSION_COMP"] if version > 200 else []
    for key in header + GENERAL + WAVE:
        values[key] = lines.get(key)
    for i in range(4):
        for field in WAVECODE:
            values[f"wavecode_{i}_{field}"] = lines.get(f"wavecode_{i}_{field}")
        for part in ("init", "per_frame", "per_point"):
            blocks[f"wave_{i}_{part}"] = lines.code(f"wave_{i}_{part}")
    for i in range(4):
        for field in SHAPECODE:
            values[f"shapecode_{i}_{field}"] = lines.get(f"shapecode_{i}_{field}")
        for part in ("init", "per_frame"):
            blocks[f"shape_{i}_{part}"] = lines.code(f"shape_{i}_{part}")
    for key in MOTION:
        values[key] = lines.get(key)
    for prefix in ("per_frame_init_", "per_frame_", "per_pixel_", "warp_", "comp_"):
        blocks[prefix] = lines.code(prefix)
    return values, blocks


def decode(line):
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")


def main():
    files = block_differences = value_differences = 0
    for text in open(sys.argv[1], encoding="utf-8"):
        ours = json.loads(text)
        data = open(ours["file"], "rb").read()
        if data[:3] == b"\xef\xbb\xbf":
            data = data[3:]
        files += 1
        values, blocks = milkdrop_read(data)
        for prefix, lines in blocks.items():
            if [decode(x) for x in lines] != ours["blocks"][prefix]:
                block_differences += 1
                print(f"{ours['file']}: block {prefix}: MilkDrop {len(lines)} lines, ours {len(ours['blocks'][prefix])}")
        written = {}
        for line in ours["text"].split("\n"):
            if "=" in line:
                key, value = line.split("=", 1)
                written.setdefault(key, value)
        for key, raw in values.items():
            if key == "bMotionVectorsOn" or key not in written:
                continue
            field = key.split("_", 2)[2] if key.startswith(("wavecode_", "shapecode_")) else key
            if field in BOOLS or field in INTS:
                expected = scan_int(raw)
                if expected is not None and field in BOOLS:
                    expected = int(expected != 0)
                got = int(written[key]) if expected is not None else None
            else:
                expected = scan_float(raw)
                got = as_float32(float(written[key])) if expected is not None else None
            if expected is not None and got != expected:
                value_differences += 1
                print(f"{ours['file']}: {key}: MilkDrop {raw!r}, ours {written[key]}")
    print(f"files {files}, block differences {block_differences}, value differences {value_differences}")


if __name__ == "__main__":
    main()
