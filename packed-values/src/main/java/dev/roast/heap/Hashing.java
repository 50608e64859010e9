package dev.roast.heap;

import dev.roast.values.PackedValue;

/**
 * Dict-key hashing and equality, as Python's with Roast's one difference (spec §13 item 8).
 *
 * <ul>
 *   <li>Numbers (inline ints, boxed ints, floats) hash with CPython's numeric hash exactly (reduction
 *       modulo 2^61 − 1), so equal numbers of either type hash alike and are the same key:
 *       {@code {1: 'a'}[1.0]}, and {@code 0.0}, {@code -0.0} and {@code 0} are one key.</li>
 *   <li>Bools hash as 0 and 1 like Python's but are never equal to an int or float: True and 1 are
 *       different keys.</li>
 *   <li>Strings by content ({@link Str#hash}).</li>
 *   <li>None, instances, exceptions, functions, cells, ranges, iterators: by identity (the word).</li>
 *   <li>Bound methods: equal when receiver word and function id are both equal (as CPython).</li>
 *   <li>Lists and dicts: {@link UnhashableKey}.</li>
 *   <li>NaN: Roast has one NaN word and no float identity, so a NaN key is found by an identical word
 *       (CPython's identity check in dict lookup, applied to the value); its hash is 0.</li>
 * </ul>
 */
public final class Hashing {
    private Hashing() {}

    /** CPython's hash modulus, 2^61 − 1, and its bit count. */
    public static final long MODULUS = (1L << 61) - 1;
    private static final int BITS = 61;
    /** CPython's hash of +inf (sys.hash_info.inf); −inf hashes to its negation. */
    public static final long INF_HASH = 314_159;
    /** Hash of None: any constant will do; this is CPython 3.12's. */
    public static final long NONE_HASH = 0xFCA8_6420L;

    /** The key hash of any value word; never −1. */
    public static long hash(long key) {
        if (PackedValue.isInt(key)) return hashInt(PackedValue.asInt(key));
        if (PackedValue.isDouble(key)) return hashDouble(PackedValue.asDouble(key));
        if (PackedValue.isPointer(key)) {
            long a = key & PackedValue.PAYLOAD_MASK;
            return switch (Header.kind(a)) {
                case ObjectKind.STR -> Str.hash(a);
                case ObjectKind.BOXED_INT -> hashInt(BoxedInt.value(a));
                case ObjectKind.LIST -> throw new UnhashableKey("list");
                case ObjectKind.DICT -> throw new UnhashableKey("dict");
                case ObjectKind.BOUND_METHOD -> {
                    long h = hashIdentity(Mem.getLong(a + BoundMethod.RECEIVER)) ^ mix(BoundMethod.functionId(a));
                    yield h == -1 ? -2 : h;
                }
                default -> hashIdentity(key);
            };
        }
        if (key == PackedValue.TRUE) return 1;
        if (key == PackedValue.FALSE) return 0;
        if (key == PackedValue.NONE) return NONE_HASH;
        throw new IllegalArgumentException("not a value: " + PackedValue.toDebugString(key));
    }

    /** Key equality: identical words, equal numbers, equal strings, equal bound methods. */
    public static boolean equal(long a, long b) {
        if (a == b) return true;
        boolean an = isNumber(a), bn = isNumber(b);
        if (an || bn) return an && bn && numbersEqual(a, b);
        if (!PackedValue.isPointer(a) || !PackedValue.isPointer(b)) return false;
        long pa = a & PackedValue.PAYLOAD_MASK, pb = b & PackedValue.PAYLOAD_MASK;
        int ka = Header.kind(pa);
        if (ka != Header.kind(pb)) return false;
        return switch (ka) {
            case ObjectKind.STR -> Str.equals(pa, pb);
            case ObjectKind.BOUND_METHOD -> Mem.getLong(pa + BoundMethod.RECEIVER) == Mem.getLong(pb + BoundMethod.RECEIVER)
                    && BoundMethod.functionId(pa) == BoundMethod.functionId(pb);
            default -> false;
        };
    }

    /** Whether a word is an int (inline or boxed) or a float. */
    public static boolean isNumber(long v) {
        if (Long.compareUnsigned(v, PackedValue.POINTER_TAG_BITS) < 0) return true;  // double or inline int
        return PackedValue.isPointer(v) && Header.kind(v & PackedValue.PAYLOAD_MASK) == ObjectKind.BOXED_INT;
    }

    private static boolean numbersEqual(long a, long b) {
        boolean ad = PackedValue.isDouble(a), bd = PackedValue.isDouble(b);
        if (ad && bd) return PackedValue.asDouble(a) == PackedValue.asDouble(b);
        if (ad) return intEqualsDouble(BoxedInt.toLong(b), PackedValue.asDouble(a));
        if (bd) return intEqualsDouble(BoxedInt.toLong(a), PackedValue.asDouble(b));
        return BoxedInt.toLong(a) == BoxedInt.toLong(b);
    }

    /** Exact int–float equality (no rounding of the int: 2^53 + 1 != 2.0^53). */
    public static boolean intEqualsDouble(long i, double d) {
        return d >= -0x1p63 && d < 0x1p63 && (long) d == i && (double) (long) d == d;
    }

    /** CPython's hash of an int in 64 bits: sign × (|i| mod 2^61 − 1), −1 becoming −2. */
    public static long hashInt(long i) {
        long a = i < 0 ? -i : i;  // Long.MIN_VALUE stays itself: 2^63 read as unsigned
        long x = Long.compareUnsigned(a, MODULUS) < 0 ? a : Long.remainderUnsigned(a, MODULUS);
        if (i < 0) x = -x;
        return x == -1 ? -2 : x;
    }

    /** CPython's {@code _Py_HashDouble}: an integral float hashes like the int; inf ±314159; NaN 0 here. */
    public static long hashDouble(double v) {
        if (Double.isInfinite(v)) return v > 0 ? INF_HASH : -INF_HASH;
        if (Double.isNaN(v)) return 0;
        if (v == 0) return 0;
        // frexp: v = m × 2^e with 0.5 ≤ |m| < 1.
        int e = Math.getExponent(v);
        double scaled = v;
        int bias = 0;
        if (e < Double.MIN_EXPONENT) {  // subnormal: scale into the normal range first
            scaled = v * 0x1p54;
            bias = 54;
            e = Math.getExponent(scaled);
        }
        double m = Math.scalb(scaled, -(e + 1));
        e = e + 1 - bias;
        long sign = 1;
        if (m < 0) {
            sign = -1;
            m = -m;
        }
        long x = 0;
        while (m != 0) {
            x = ((x << 28) & MODULUS) | x >>> (BITS - 28);
            m *= 268435456.0;  // 2^28
            e -= 28;
            long y = (long) m;
            m -= y;
            x += y;
            if (x >= MODULUS) x -= MODULUS;
        }
        e = e >= 0 ? e % BITS : BITS - 1 - ((-1 - e) % BITS);
        x = ((x << e) & MODULUS) | x >>> (BITS - e);
        x = x * sign;
        return x == -1 ? -2 : x;
    }

    /** CPython's pointer hash: the word's address rotated right by 4 (its low bits are always zero). */
    static long hashIdentity(long word) {
        long h = Long.rotateRight(word & PackedValue.PAYLOAD_MASK, 4);
        if (!PackedValue.isPointer(word)) h = mix(word);
        return h == -1 ? -2 : h;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xFF51_AFD7_ED55_8CCDL;
        x ^= x >>> 33;
        return x == -1 ? -2 : x;
    }
}
