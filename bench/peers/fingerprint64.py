"""FarmHash Fingerprint64 (farmhashna::Hash64) and recur's split rule, for the Python peers.

Recur splits a training snapshot into fitting and validation rows with
    bucket = ABS(MOD(Fingerprint64(key), 100)),  validation <=> bucket < round(share * 100)
(docs/design/fingerprint-splitting.md). A peer that must fit on exactly recur's fitting rows needs the
same hash. This is a plain-Python rendering of the published algorithm, the same one
src/Recur.Core/Hashing/Fingerprint64.cs implements; `python3 fingerprint64.py` checks it against the
golden vectors in tests/data/golden/fingerprint64.tsv.
"""
import os
import sys

M64 = (1 << 64) - 1
K0 = 0xC3A5C85C97CB3127
K1 = 0xB492B66FBE98F273
K2 = 0x9AE16A3B2F90404F
SEED = 81


def _fetch64(b, i):
    return int.from_bytes(b[i:i + 8], "little")


def _fetch32(b, i):
    return int.from_bytes(b[i:i + 4], "little")


def _rot(v, s):
    return v if s == 0 else ((v >> s) | (v << (64 - s))) & M64


def _shift_mix(v):
    return v ^ (v >> 47)


def _len16(u, v, mul):
    a = ((u ^ v) * mul) & M64
    a ^= a >> 47
    b = ((v ^ a) * mul) & M64
    b ^= b >> 47
    return (b * mul) & M64


def _len0to16(b, n):
    if n >= 8:
        mul = K2 + n * 2
        a = (_fetch64(b, 0) + K2) & M64
        c = _fetch64(b, n - 8)
        return _len16((_rot(c, 37) * mul + a) & M64, ((_rot(a, 25) + c) * mul) & M64, mul)
    if n >= 4:
        mul = K2 + n * 2
        return _len16(n + (_fetch32(b, 0) << 3), _fetch32(b, n - 4), mul)
    if n > 0:
        y = b[0] + (b[n >> 1] << 8)
        z = n + (b[n - 1] << 2)
        return (_shift_mix(((y * K2) ^ (z * K0)) & M64) * K2) & M64
    return K2


def _len17to32(b, n):
    mul = K2 + n * 2
    a = (_fetch64(b, 0) * K1) & M64
    c = _fetch64(b, 8)
    d = (_fetch64(b, n - 8) * mul) & M64
    e = (_fetch64(b, n - 16) * K2) & M64
    return _len16((_rot((a + c) & M64, 43) + _rot(d, 30) + e) & M64,
                  (a + _rot((c + K2) & M64, 18) + d) & M64, mul)


def _len33to64(b, n):
    mul = K2 + n * 2
    a = (_fetch64(b, 0) * K2) & M64
    c = _fetch64(b, 8)
    d = (_fetch64(b, n - 8) * mul) & M64
    e = (_fetch64(b, n - 16) * K2) & M64
    y = (_rot((a + c) & M64, 43) + _rot(d, 30) + e) & M64
    z = _len16(y, (a + _rot((c + K2) & M64, 18) + d) & M64, mul)
    f = (_fetch64(b, 16) * mul) & M64
    g = _fetch64(b, 24)
    h = ((y + _fetch64(b, n - 32)) * mul) & M64
    i = ((z + _fetch64(b, n - 24)) * mul) & M64
    return _len16((_rot((f + g) & M64, 43) + _rot(h, 30) + i) & M64,
                  (f + _rot((g + a) & M64, 18) + h) & M64, mul)


def _weak32(b, i, a, c):
    w, x, y, z = _fetch64(b, i), _fetch64(b, i + 8), _fetch64(b, i + 16), _fetch64(b, i + 24)
    a = (a + w) & M64
    c = _rot((c + a + z) & M64, 21)
    first = a
    a = (a + x + y) & M64
    c = (c + _rot(a, 44)) & M64
    return (a + z) & M64, (c + first) & M64


def hash_bytes(b):
    """Fingerprint64 of the bytes, as an unsigned 64-bit integer."""
    n = len(b)
    if n <= 16:
        return _len0to16(b, n)
    if n <= 32:
        return _len17to32(b, n)
    if n <= 64:
        return _len33to64(b, n)
    x = SEED
    y = (SEED * K1 + 113) & M64
    z = (_shift_mix((y * K2 + 113) & M64) * K2) & M64
    v0 = v1 = w0 = w1 = 0
    x = (x * K2 + _fetch64(b, 0)) & M64
    end = ((n - 1) // 64) * 64
    last = end + ((n - 1) & 63) - 63
    s = 0
    while True:
        x = (_rot((x + y + v0 + _fetch64(b, s + 8)) & M64, 37) * K1) & M64
        y = (_rot((y + v1 + _fetch64(b, s + 48)) & M64, 42) * K1) & M64
        x ^= w1
        y = (y + v0 + _fetch64(b, s + 40)) & M64
        z = (_rot((z + w0) & M64, 33) * K1) & M64
        v0, v1 = _weak32(b, s, (v1 * K1) & M64, (x + w0) & M64)
        w0, w1 = _weak32(b, s + 32, (z + w1) & M64, (y + _fetch64(b, s + 16)) & M64)
        z, x = x, z
        s += 64
        if s == end:
            break
    mul = K1 + ((z & 0xFF) << 1)
    s = last
    w0 = (w0 + ((n - 1) & 63)) & M64
    v0 = (v0 + w0) & M64
    w0 = (w0 + v0) & M64
    x = (_rot((x + y + v0 + _fetch64(b, s + 8)) & M64, 37) * mul) & M64
    y = (_rot((y + v1 + _fetch64(b, s + 48)) & M64, 42) * mul) & M64
    x ^= (w1 * 9) & M64
    y = (y + v0 * 9 + _fetch64(b, s + 40)) & M64
    z = (_rot((z + w0) & M64, 33) * mul) & M64
    v0, v1 = _weak32(b, s, (v1 * mul) & M64, (x + w0) & M64)
    w0, w1 = _weak32(b, s + 32, (z + w1) & M64, (y + _fetch64(b, s + 16)) & M64)
    z, x = x, z
    return _len16((_len16(v0, w0, mul) + _shift_mix(y) * K0 + z) & M64,
                  (_len16(v1, w1, mul) + x) & M64, mul)


def fingerprint64(text):
    """FARM_FINGERPRINT(text): the hash of its UTF-8 bytes as a signed 64-bit integer."""
    h = hash_bytes(text.encode("utf-8"))
    return h - (1 << 64) if h >= 1 << 63 else h


def is_validation(key, share=0.2):
    """Recur's rule. ABS of a remainder that keeps the dividend's sign (C#'s %) is |h| mod 100."""
    return abs(fingerprint64(key)) % 100 < round(share * 100)


def row_key(values):
    """A whole-row split key: every column's text in table order, joined by U+001F (missing -> '')."""
    return "\x1f".join(values)


if __name__ == "__main__":
    golden = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "data", "golden", "fingerprint64.tsv")
    checked = 0
    with open(golden, encoding="utf-8", newline="") as f:
        for number, line in enumerate(f, 1):
            text, expected = line.rstrip("\n").rsplit("\t", 1)
            got = fingerprint64(text)
            if got != int(expected):
                sys.exit(f"{golden}: line {number}: {text!r} gives {got}, expected {expected}")
            checked += 1
    print(f"fingerprint64: {checked} golden vectors match")
