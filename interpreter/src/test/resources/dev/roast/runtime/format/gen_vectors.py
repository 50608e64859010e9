#!/usr/bin/env python3
"""Generates the number formatting and parsing test vectors from CPython 3.12.

Run with CPython 3.12 from this directory:

    ~/.pyenv/versions/3.12.1/bin/python3 gen_vectors.py

Output is deterministic (fixed seeds, gzip without timestamps). Every file is gzipped UTF-8
text, one vector per line, fields separated by tabs. Fields are escaped: a backslash is
written as two, and every control character, U+0085, U+2028, U+2029 and lone surrogate as
\\uXXXX. An outcome field is "=" followed by the result, or "!" followed by
"ExceptionType: message".

  repr.txt.gz     repr(x); the input is the double the text reads back as
  format.txt.gz   kind value spec outcome   (kind: i int, b bool, f float, s str)
  round.txt.gz    r1 x outcome | r2 x n outcome | ri m n outcome
  parse.txt.gz    int text base outcome | float text outcome

Roast's ints are 64-bit: where CPython returns an int outside [-2**63, 2**63), the vector
expects Roast's "OverflowError: integer overflow" (spec section 13).
"""
import gzip
import math
import random
import struct
import sys
from decimal import Decimal, getcontext
from fractions import Fraction

assert sys.version_info[:2] == (3, 12), "generate with CPython 3.12"

INT_MIN, INT_MAX = -2**63, 2**63 - 1
OVERFLOW = "!OverflowError: integer overflow"


def esc(s):
    out = []
    for ch in s:
        c = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif c < 0x20 or c == 0x7F or c in (0x85, 0x2028, 0x2029) or 0xD800 <= c <= 0xDFFF:
            out.append("\\u%04x" % c)
        else:
            out.append(ch)
    return "".join(out)


def write(name, lines):
    lines = sorted(lines)  # sorted lines compress better; the order does not matter
    data = ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
    with open(name, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(data)
    print(f"{name}: {len(lines)} vectors, {len(data)} bytes raw", file=sys.stderr)


def outcome(fn):
    try:
        return "=" + fn()
    except Exception as e:  # noqa: BLE001 - we record whatever CPython raises
        return "!" + type(e).__name__ + ": " + str(e)


def int_outcome(fn):
    try:
        v = fn()
    except Exception as e:  # noqa: BLE001
        return "!" + type(e).__name__ + ": " + str(e)
    if not INT_MIN <= v <= INT_MAX:
        return OVERFLOW
    return "=" + str(v)


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b & 0xFFFFFFFFFFFFFFFF))[0]


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


# ---------------------------------------------------------------- doubles

def random_finite(rng):
    while True:
        x = from_bits(rng.getrandbits(64))
        if math.isfinite(x):
            return x


def nice_decimal(rng):
    digits = rng.randint(1, 17)
    mant = rng.randrange(10 ** (digits - 1), 10 ** digits)
    exp = rng.choice([rng.randint(-30, 30), rng.randint(-30, 30), rng.randint(-330, 310)])
    x = float(f"{mant}e{exp}")
    return -x if rng.random() < 0.3 else x


def repr_values():
    rng = random.Random(1001)
    vals = []
    vals += [random_finite(rng) for _ in range(36000)]
    vals += [nice_decimal(rng) for _ in range(36000)]
    vals += [short_decimal(rng) for _ in range(3000)]
    # powers of two, all of them, and their neighbours
    for e in range(-1074, 1024):
        p = math.ldexp(1.0, e)
        vals += [p, math.nextafter(p, 0), math.nextafter(p, math.inf)]
    # powers of ten and their neighbours
    for e in range(-323, 309):
        p = float(f"1e{e}")
        vals += [p, math.nextafter(p, 0), math.nextafter(p, math.inf), p * 3, p * 7]
    # subnormals
    vals += [from_bits(rng.getrandbits(52)) for _ in range(3000)]
    vals += [from_bits(i) for i in range(1, 200)]
    vals += [from_bits((1 << 52) - i) for i in range(1, 200)]
    # integers, around 2**53 and the exponent thresholds 1e16 and 1e-4
    vals += [float(rng.randrange(0, 2 ** 53)) for _ in range(2000)]
    vals += [float(rng.randrange(2 ** 53, 2 ** 64)) for _ in range(2000)]
    vals += [float(2 ** 53 + i) for i in range(-100, 100)]
    for t in (1e16, 1e-4, 1e-5, 1e15, 1e17, 1e22, 1e23):
        x = t
        for _ in range(50):
            x = math.nextafter(x, 0)
            vals.append(x)
        x = t
        for _ in range(50):
            x = math.nextafter(x, math.inf)
            vals.append(x)
    # seventeen-digit decimals and random values in ordinary ranges
    for _ in range(4000):
        vals.append(float("%.16e" % rng.uniform(1, 10)) * 10.0 ** rng.randint(-20, 20))
    for _ in range(4000):
        vals.append(rng.uniform(-1000, 1000))
    vals += [0.1 * i for i in range(1000)]
    vals += [i / 7 for i in range(1, 1000)]
    vals += [2.0 ** 63, 2.0 ** 64, 1.7976931348623157e308, 2.2250738585072014e-308, 5e-324,
             0.1 + 0.2, 1 / 3, 2 / 3, 100.0, 123456789012345680.0, 9007199254740993.0]
    seen = set()
    out = []
    for x in vals:
        b = bits(x)
        if b not in seen:
            seen.add(b)
            out.append(x)
    return out


def gen_repr():
    lines = [esc(repr(x)) for x in repr_values()]
    lines += ["0.0", "-0.0", "inf", "-inf", "nan"]
    write("repr.txt.gz", lines)


# ---------------------------------------------------------------- format

FILLS = [" ", "*", "0", "x", "_", ",", "=", "<", "{", "}", "€", "😀", "é", "1", ".", "\t"]
FLOAT_TYPES = ["", "", "e", "E", "f", "F", "g", "G", "n", "%"]
INT_TYPES = ["", "", "d", "b", "o", "x", "X", "n", "c", "e", "f", "g", "%", "E", "F", "G"]


def rand_spec(rng, types, precision_odds):
    s = ""
    r = rng.random()
    if r < 0.25:
        s += rng.choice(FILLS) + rng.choice("<>^=")
    elif r < 0.45:
        s += rng.choice("<>^=")
    if rng.random() < 0.3:
        s += rng.choice("+- ")
    if rng.random() < 0.08:
        s += "z"
    if rng.random() < 0.2:
        s += "#"
    if rng.random() < 0.2:
        s += "0"
    if rng.random() < 0.55:
        s += str(rng.choice([rng.randint(0, 12), rng.randint(0, 40)]))
    if rng.random() < 0.2:
        s += rng.choice([",", "_", ",", "_", ",_", "_,"])
    if rng.random() < precision_odds:
        r = rng.random()
        s += "." + str(rng.randint(0, 6) if r < 0.5 else rng.randint(0, 17) if r < 0.92 else rng.randint(0, 60))
    s += rng.choice(types)
    return s


def garbage_spec(rng):
    alphabet = "<>^=+- z#0123456789,_.eEfFgGnsdbcoxX%aé😀"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))


def short_decimal(rng):
    digits = rng.randint(1, 8)
    x = float(f"{rng.randrange(10 ** digits)}e{rng.randint(-12, 12) - digits}")
    return -x if rng.random() < 0.3 else x


def halfway_float(rng):
    # values exactly representable with a 5 just past a rounding position
    m = rng.randint(0, 10 ** 6)
    k = rng.randint(1, 12)
    x = (2 * m + 1) / 2 ** k
    return -x if rng.random() < 0.3 else x


def format_float_value(rng):
    r = rng.random()
    if r < 0.12:
        return random_finite(rng)
    if r < 0.45:
        return short_decimal(rng)
    if r < 0.72:
        return halfway_float(rng)
    if r < 0.82:
        return rng.uniform(-1e6, 1e6)
    if r < 0.95:
        return float(rng.randint(-10 ** 18, 10 ** 18)) / rng.choice([1, 10, 100, 1000, 3])
    return rng.choice([0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, 1.7976931348623157e308,
                       1e16, 1e-5, 0.5, 1.5, 2.5, -0.5, 2.675, 0.125, 0.375, 1e22, 1e23])


def format_int_value(rng):
    r = rng.random()
    if r < 0.3:
        return rng.randint(-1000, 1000)
    if r < 0.6:
        return rng.randint(-10 ** rng.randint(1, 18), 10 ** rng.randint(1, 18))
    if r < 0.8:
        return rng.randint(INT_MIN, INT_MAX)
    if r < 0.9:
        return rng.randint(0, 0x10FFFF)
    return rng.choice([0, 1, -1, INT_MIN, INT_MAX, 2 ** 53 + 1, -(2 ** 53) - 1, 0xD800, 0x10FFFF, 0x110000, 65])


def rand_str(rng):
    alphabet = "abcXYZ 019-_.'\"\\é€😀\u0301\n"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))


def gen_format():
    rng = random.Random(2002)
    lines = []
    for _ in range(30000):
        x = format_float_value(rng)
        spec = garbage_spec(rng) if rng.random() < 0.03 else rand_spec(rng, FLOAT_TYPES, 0.6)
        lines.append("f\t" + repr(x) + "\t" + esc(spec) + "\t" + esc(outcome(lambda: format(x, spec))))
    for _ in range(19000):
        n = format_int_value(rng)
        spec = garbage_spec(rng) if rng.random() < 0.03 else rand_spec(rng, INT_TYPES, 0.08)
        lines.append("i\t" + str(n) + "\t" + esc(spec) + "\t" + esc(outcome(lambda: format(n, spec))))
    for _ in range(1000):
        b = rng.random() < 0.5
        spec = rand_spec(rng, INT_TYPES, 0.05) if rng.random() < 0.9 else ""
        lines.append("b\t" + str(b) + "\t" + esc(spec) + "\t" + esc(outcome(lambda: format(b, spec))))
    for _ in range(2500):
        s = rand_str(rng)
        spec = garbage_spec(rng) if rng.random() < 0.1 else rand_spec(rng, ["", "", "s", "s", "d"], 0.4)
        lines.append("s\t" + esc(s) + "\t" + esc(spec) + "\t" + esc(outcome(lambda: format(s, spec))))
    write("format.txt.gz", lines)


# ---------------------------------------------------------------- round

def gen_round():
    rng = random.Random(3003)
    lines = []
    xs = []
    for _ in range(3000):
        r = rng.random()
        if r < 0.3:
            x = rng.randint(-10 ** 6, 10 ** 6) + 0.5
        elif r < 0.6:
            x = rng.uniform(-1e6, 1e6)
        elif r < 0.8:
            x = nice_decimal(rng)
        else:
            x = random_finite(rng)
        xs.append(x)
    xs += [math.inf, -math.inf, math.nan, 0.0, -0.0, -0.4, 0.5, 1.5, 2.5, -2.5, 2.0 ** 63, -(2.0 ** 63),
           2.0 ** 63 - 1024, 9.3e18, -9.3e18, 1e300]
    for x in xs:
        lines.append("r1\t" + repr(x) + "\t" + int_outcome(lambda: round(x)))
    for _ in range(7000):
        r = rng.random()
        if r < 0.4:
            x = halfway_float(rng) * 10.0 ** rng.randint(-3, 3)
            n = rng.randint(-3, 12)
        elif r < 0.7:
            x = nice_decimal(rng)
            n = rng.randint(-20, 20)
        elif r < 0.9:
            x = random_finite(rng)
            n = rng.randint(-330, 340)
        else:
            x = rng.uniform(-1e3, 1e3)
            n = rng.randint(-4, 17)
        lines.append("r2\t" + repr(x) + "\t" + str(n) + "\t" + outcome(lambda: repr(round(x, n))))
    for x, n in [(1.7976931348623157e308, -308), (-1.7976931348623157e308, -308), (2.675, 2), (0.125, 2),
                 (1e300, 10 ** 18), (1e-300, -(10 ** 18)), (-1e-300, -(10 ** 18)), (math.inf, 2), (math.nan, 2),
                 (5e-324, 323), (5e-324, 324), (1.5, 0), (2.5, 0), (-0.5, 0), (0.0, 3), (-0.0, -3)]:
        lines.append("r2\t" + repr(x) + "\t" + str(n) + "\t" + outcome(lambda: repr(round(x, n))))
    for _ in range(3000):
        m = format_int_value(rng)
        if rng.random() < 0.3:
            m = rng.randint(-10 ** 6, 10 ** 6) * 10 ** rng.randint(0, 12) + 5 * 10 ** rng.randint(0, 5)
            m = max(INT_MIN, min(INT_MAX, m))
        n = rng.randint(-21, 3)
        lines.append("ri\t" + str(m) + "\t" + str(n) + "\t" + int_outcome(lambda: round(m, n)))
    for m in (INT_MAX, INT_MIN, 5 * 10 ** 18, -5 * 10 ** 18, 5 * 10 ** 18 + 1, 4999999999999999999):
        for n in (-1, -2, -18, -19, -20, -100, 0, 5):
            lines.append("ri\t" + str(m) + "\t" + str(n) + "\t" + int_outcome(lambda: round(m, n)))
    write("round.txt.gz", lines)


# ---------------------------------------------------------------- int() and float()

UNICODE_DIGIT_ZEROS = [0x660, 0x6F0, 0x966, 0xFF10, 0x1D7CE, 0xE50]
SPACES = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2003", "\u3000", "\u2028"]
DIGITS36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def unicode_digits(rng, s):
    zero = rng.choice(UNICODE_DIGIT_ZEROS)
    return "".join(chr(zero + ord(c) - 48) if c.isdigit() and rng.random() < 0.5 else c for c in s)


def to_base(n, base):
    if n == 0:
        return "0"
    out = []
    while n:
        n, d = divmod(n, base)
        out.append(DIGITS36[d])
    return "".join(reversed(out))


def underscores(rng, s):
    if len(s) < 2 or rng.random() < 0.6:
        return s
    out = s[0]
    for c in s[1:]:
        if rng.random() < 0.3:
            out += "_"
        out += c
    return out


def mutate(rng, s):
    ops = [
        lambda s: s + "_",
        lambda s: "_" + s,
        lambda s: s.replace("_", "__", 1) if "_" in s else s[:1] + "__" + s[1:],
        lambda s: s[:len(s) // 2] + " " + s[len(s) // 2:],
        lambda s: s + "\x00",
        lambda s: s + rng.choice("gz.!é😀"),
        lambda s: "",
        lambda s: " ",
        lambda s: "+-" + s,
        lambda s: "- " + s,
        lambda s: s + "e",
        lambda s: s.upper(),
        lambda s: s[: rng.randint(0, len(s))],
    ]
    return rng.choice(ops)(s)


def int_literal(rng):
    base = rng.choice([10, 10, 10, 0, 0, 2, 8, 16, 36, rng.randint(2, 36)])
    r = rng.random()
    if r < 0.6:
        n = rng.randint(-10 ** rng.randint(1, 19), 10 ** rng.randint(1, 19))
    elif r < 0.8:
        n = rng.randint(INT_MIN, INT_MAX)
    else:
        n = rng.choice([INT_MAX, INT_MIN, INT_MAX + 1, INT_MIN - 1, 2 ** 64, 10 ** 30, 0])
    b = base or rng.choice([10, 2, 8, 16])
    body = to_base(abs(n), b)
    if rng.random() < 0.3:
        body = body.upper()
    prefix = ""
    if base == 0 or (b in (2, 8, 16) and rng.random() < 0.5):
        prefix = {10: "", 2: "0b", 8: "0o", 16: "0x"}[b]
        if rng.random() < 0.2:
            prefix = prefix.upper()
        if prefix and rng.random() < 0.2:
            prefix += "_"
    sign = "-" if n < 0 else rng.choice(["", "", "+"])
    s = sign + prefix + underscores(rng, body)
    if b == 10 and rng.random() < 0.2:
        s = unicode_digits(rng, s)
    if rng.random() < 0.3:
        s = rng.choice(SPACES) + s + rng.choice(SPACES)
    if rng.random() < 0.25:
        s = mutate(rng, s)
    return s, base


def float_literal(rng):
    r = rng.random()
    if r < 0.3:
        s = repr(random_finite(rng))
    elif r < 0.55:
        s = repr(nice_decimal(rng))
    elif r < 0.65:
        mant = str(rng.randrange(10 ** rng.randint(1, 40)))
        pos = rng.randint(0, len(mant))
        s = mant[:pos] + "." + mant[pos:]
        if rng.random() < 0.6:
            s += rng.choice("eE") + rng.choice(["", "+", "-"]) + str(rng.randint(0, 400))
    elif r < 0.68:
        s = midpoint_literal(rng)
    elif r < 0.8:
        s = rng.choice(["+", "-", ""]) + "".join(
            c.upper() if rng.random() < 0.5 else c for c in rng.choice(["inf", "infinity", "nan"]))
    else:
        s = rng.choice(["1_000.5", "1e1_0", "0.000_1", "1_2_3", "12", ".5", "5.", "1e5", "1E-5", "-.5e+3",
                        "0", "00.00", "1e400", "-1e400", "1e-400", "0e999999999999999999999",
                        "1e99999999999999999999", "4.9e-324", "2.4703282292062328e-324",
                        "2.4703282292062327e-324", "1.7976931348623158e308", "1.7976931348623159e308"])
    if rng.random() < 0.3:
        s = underscores(rng, s) if "e" not in s.lower() and "n" not in s.lower() else s
    if rng.random() < 0.1:
        s = unicode_digits(rng, s)
    if rng.random() < 0.3:
        s = rng.choice(SPACES) + s + rng.choice(SPACES)
    if rng.random() < 0.25:
        s = mutate(rng, s)
    return s


def midpoint_literal(rng):
    x = abs(random_finite(rng)) if rng.random() < 0.2 else abs(short_decimal(rng)) or 1.0
    y = math.nextafter(x, math.inf)
    if not math.isfinite(y):
        return repr(x)
    mid = (Fraction(x) + Fraction(y)) / 2
    getcontext().prec = 800
    d = Decimal(mid.numerator) / Decimal(mid.denominator)
    tweak = rng.choice([0, 0, 1, -1])
    if tweak:
        d = d + tweak * Decimal(10) ** (d.adjusted() - 780)
    return format(d, "f") if -20 < d.adjusted() < 20 else str(d)


def gen_parse():
    rng = random.Random(4004)
    lines = []
    for _ in range(7500):
        s, base = int_literal(rng)
        lines.append("int\t" + esc(s) + "\t" + str(base) + "\t" + esc(int_outcome(lambda: int(s, base))))
    for s, base in [("1" * 4301, 10), ("1" * 4300, 10), ("1" * 5000, 7), ("1" * 5000, 16), ("0" * 5000, 0),
                    ("a" * 300, 10), ("é" * 300, 10), ("12", 1), ("12", 37), ("12", -1), ("0_7", 0),
                    ("07", 0), ("00", 0), ("0_0", 0), ("-0", 0), ("0x_1f", 0), ("0x__1f", 0), ("0b1", 16),
                    ("\x1c1", 10), ("1\x00", 10), ("\x851\u3000", 10), ("٣", 10), ("9223372036854775808", 10),
                    ("-9223372036854775808", 10), ("-9223372036854775809", 10), ("z", 36), ("Z", 36)]:
        lines.append("int\t" + esc(s) + "\t" + str(base) + "\t" + esc(int_outcome(lambda: int(s, base))))
    for _ in range(7500):
        s = float_literal(rng)
        lines.append("float\t" + esc(s) + "\t" + esc(outcome(lambda: repr(float(s)))))
    write("parse.txt.gz", lines)


if __name__ == "__main__":
    gen_repr()
    gen_format()
    gen_round()
    gen_parse()
