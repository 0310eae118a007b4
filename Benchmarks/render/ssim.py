#!/usr/bin/env python3
"""SSIM between two RGB PNGs (or two folders of frame-XXXXX.png), on Rec. 601 luma.

Usage: ssim.py A.png B.png        -> prints the SSIM
       ssim.py DIR_A DIR_B        -> one line per common frame file, then the median
Needs only numpy; PNGs are decoded here (8-bit RGB/RGBA, non-interlaced, as both renderers write).
"""
import os
import struct
import sys
import zlib

import numpy as np


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or interlace != 0 or color not in (2, 6):
                raise ValueError(f"{path}: only 8-bit non-interlaced RGB/RGBA is supported")
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    out = np.zeros((height, stride), dtype=np.uint8)
    prev = np.zeros(stride, dtype=np.int32)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = np.frombuffer(raw, dtype=np.uint8, count=stride, offset=y * (stride + 1) + 1).astype(np.int32)
        cur = np.zeros(stride, dtype=np.int32)
        if f == 0:
            cur = line
        elif f == 2:
            cur = (line + prev) & 255
        else:
            for x in range(stride):
                a = cur[x - channels] if x >= channels else 0
                b = prev[x]
                c = prev[x - channels] if x >= channels else 0
                if f == 1:
                    p = a
                elif f == 3:
                    p = (a + b) // 2
                else:
                    pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                    p = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                cur[x] = (line[x] + p) & 255
        out[y] = cur
        prev = cur
    rgb = out.reshape(height, width, channels)[:, :, :3].astype(np.float64)
    return rgb


def luma(rgb):
    return 0.299 * rgb[:, :, 0] + 0.587 * rgb[:, :, 1] + 0.114 * rgb[:, :, 2]


def blur(img, sigma=1.5, radius=5):
    x = np.arange(-radius, radius + 1)
    k = np.exp(-(x ** 2) / (2 * sigma ** 2))
    k /= k.sum()
    img = np.apply_along_axis(lambda r: np.convolve(r, k, mode="valid"), 1, img)
    return np.apply_along_axis(lambda c: np.convolve(c, k, mode="valid"), 0, img)


def ssim(a, b):
    if a.shape != b.shape:
        raise ValueError(f"size differs: {a.shape} vs {b.shape}")
    x, y = luma(a), luma(b)
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    mx, my = blur(x), blur(y)
    sxx = blur(x * x) - mx * mx
    syy = blur(y * y) - my * my
    sxy = blur(x * y) - mx * my
    m = ((2 * mx * my + c1) * (2 * sxy + c2)) / ((mx * mx + my * my + c1) * (sxx + syy + c2))
    return float(m.mean())


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    a, b = argv[1], argv[2]
    if os.path.isdir(a):
        names = sorted(set(n for n in os.listdir(a) if n.endswith(".png")) & set(os.listdir(b)))
        scores = []
        for n in names:
            s = ssim(read_png(os.path.join(a, n)), read_png(os.path.join(b, n)))
            scores.append(s)
            print(f"{n} {s:.4f}")
        if scores:
            print(f"median {float(np.median(scores)):.4f}")
    else:
        print(f"{ssim(read_png(a), read_png(b)):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
