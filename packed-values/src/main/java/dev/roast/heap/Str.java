package dev.roast.heap;

import static dev.roast.heap.Mem.ALL;
import static dev.roast.heap.Mem.getByte;
import static dev.roast.heap.Mem.getInt;
import static dev.roast.heap.Mem.getLong;
import static dev.roast.heap.Mem.putByte;
import static dev.roast.heap.Mem.putInt;
import static dev.roast.heap.Mem.putLong;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * STR objects: immutable strings of code points stored at a fixed width per string, the smallest of 1, 2
 * or 4 bytes that holds every code point (as CPython's PEP 393), so indexing is O(1).
 *
 * <pre>
 *  +0   header (kind STR)
 *  +8   length in code points (int32)
 *  +12  width: bytes per code point, 1, 2 or 4 (byte)
 *  +13  flags (byte): bit 0 = every code point is ASCII
 *  +14  zero (2 bytes)
 *  +16  cached hash (int64; 0 = not computed yet)
 *  +24  the code points, little-endian at that width; the bytes after the last one, up to the object's
 *       end, are zero (hashing reads whole words)
 * </pre>
 *
 * The width is canonical (the smallest that fits), so equal strings have equal widths and equal bytes.
 * Addresses in, addresses out; a method that allocates roots its string arguments itself.
 */
public final class Str {
    private Str() {}

    public static final int LENGTH = 8, WIDTH = 12, FLAGS = 13, HASH = 16, DATA = 24;
    /** Flag bit: every code point is below 0x80. */
    public static final int FLAG_ASCII = 1;

    // ---- Reading. ----

    public static int length(long s) { return getInt(s + LENGTH); }

    public static int width(long s) { return getByte(s + WIDTH); }

    public static boolean isAscii(long s) { return (getByte(s + FLAGS) & FLAG_ASCII) != 0; }

    /** The code point at index {@code i} (0 ≤ i &lt; length, checked). */
    public static int codePointAt(long s, int i) {
        java.util.Objects.checkIndex(i, length(s));
        return rawAt(s, width(s), i);
    }

    private static int rawAt(long s, int w, long i) {
        long p = s + DATA;
        return switch (w) {
            case 1 -> getByte(p + i) & 0xFF;
            case 2 -> Mem.getChar(p + 2 * i);
            default -> getInt(p + 4 * i);
        };
    }

    private static void rawPut(long s, int w, long i, int cp) {
        long p = s + DATA;
        switch (w) {
            case 1 -> putByte(p + i, (byte) cp);
            case 2 -> Mem.putChar(p + 2 * i, (char) cp);
            default -> putInt(p + 4 * i, cp);
        }
    }

    /** The string as a Java string (unpaired surrogates stay as they are). */
    public static String toJavaString(long s) {
        int n = length(s);
        long p = s + DATA;
        switch (width(s)) {
            case 1 -> {
                byte[] b = new byte[n];
                MemorySegment.copy(ALL, ValueLayout.JAVA_BYTE, p, b, 0, n);
                return new String(b, StandardCharsets.ISO_8859_1);
            }
            case 2 -> {
                char[] c = new char[n];
                MemorySegment.copy(ALL, Mem.CHAR, p, c, 0, n);
                return new String(c);
            }
            default -> {
                int[] cps = new int[n];
                MemorySegment.copy(ALL, Mem.INT, p, cps, 0, n);
                return new String(cps, 0, n);
            }
        }
    }

    /** Equality by content. */
    public static boolean equals(long a, long b) {
        if (a == b) return true;
        int n = length(a);
        if (n != length(b)) return false;
        int w = width(a);
        if (w != width(b)) return false;  // widths are canonical: different widths, different contents
        long ha = getLong(a + HASH), hb = getLong(b + HASH);
        if (ha != 0 && hb != 0 && ha != hb) return false;
        long bytes = (long) n * w;
        return MemorySegment.mismatch(ALL, a + DATA, a + DATA + bytes, ALL, b + DATA, b + DATA + bytes) < 0;
    }

    /** Lexicographic order by code point (Python's {@code <} on str): negative, zero or positive. */
    public static int compare(long a, long b) {
        if (a == b) return 0;
        int la = length(a), lb = length(b), n = Math.min(la, lb);
        int wa = width(a), wb = width(b);
        if (wa == wb) {
            long bytes = (long) n * wa;
            long off = MemorySegment.mismatch(ALL, a + DATA, a + DATA + bytes, ALL, b + DATA, b + DATA + bytes);
            if (off >= 0) {
                long i = off / wa;
                return Integer.compare(rawAt(a, wa, i), rawAt(b, wb, i));
            }
        } else {
            for (int i = 0; i < n; i++) {
                int c = Integer.compare(rawAt(a, wa, i), rawAt(b, wb, i));
                if (c != 0) return c;
            }
        }
        return Integer.compare(la, lb);
    }

    /**
     * The string's hash, computed on first use and cached in the object: never 0 (which means "not yet")
     * nor −1 (which Python's {@code hash} never returns). Not CPython's (which is randomised per process
     * anyway); a word-at-a-time multiply–rotate mix with a final avalanche over the canonical bytes.
     */
    public static long hash(long s) {
        long h = getLong(s + HASH);
        return h != 0 ? h : computeHash(s);
    }

    private static long computeHash(long s) {
        int n = length(s);
        long bytes = (long) n * width(s);
        long h = 0x243F_6A88_85A3_08D3L ^ (n * 0x9E37_79B9_7F4A_7C15L);
        for (long p = s + DATA, end = p + bytes; p < end; p += 8) {  // the zero padding completes the last word
            h ^= getLong(p) * 0x9E37_79B9_7F4A_7C15L;
            h = Long.rotateLeft(h, 31) * 0xBF58_476D_1CE4_E5B9L;
        }
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        h *= 0xC4CE_B9FE_1A85_EC53L;
        h ^= h >>> 33;
        if (h == 0 || h == -1) h = 2;
        putLong(s + HASH, h);
        return h;
    }

    // ---- Making strings. ----

    /** The smallest width holding code point {@code maxCp}. */
    static int widthFor(int maxCp) { return maxCp < 0x100 ? 1 : maxCp < 0x1_0000 ? 2 : 4; }

    /** A new string of {@code n} zero code points at width {@code w}; the caller fills it in canonically. */
    private static long alloc(Heap heap, long n, int w, boolean ascii) {
        if (n > Integer.MAX_VALUE) throw new HeapExhausted("string too long: " + n + " code points", n * w, heap.maxBytes());
        long s = heap.allocate(ObjectKind.STR, DATA + n * w);
        putInt(s + LENGTH, (int) n);
        putByte(s + WIDTH, (byte) w);
        putByte(s + FLAGS, (byte) (ascii ? FLAG_ASCII : 0));
        return s;
    }

    static long allocEmpty(Heap heap) { return alloc(heap, 0, 1, true); }

    static long allocLatin1Char(Heap heap, int c) {
        long s = alloc(heap, 1, 1, c < 0x80);
        putByte(s + DATA, (byte) c);
        return s;
    }

    /** The string of a Java string's code points (a valid surrogate pair is one code point). */
    public static long of(Heap heap, String text) {
        int n = text.length();
        int max = 0;
        for (int i = 0; i < n; i++) max = Math.max(max, text.charAt(i));
        if (max < 0x100) {
            if (n == 0) return heap.emptyStr();
            if (n == 1) return heap.latin1Char(max);
            long s = alloc(heap, n, 1, max < 0x80);
            MemorySegment.copy(text.getBytes(StandardCharsets.ISO_8859_1), 0, ALL, ValueLayout.JAVA_BYTE, s + DATA, n);
            return s;
        }
        int cps = text.codePointCount(0, n);
        if (cps == n) {  // no surrogate pairs: every char is one BMP code point
            long s = alloc(heap, n, 2, false);
            MemorySegment.copy(text.toCharArray(), 0, ALL, Mem.CHAR, s + DATA, n);
            return s;
        }
        int[] points = text.codePoints().toArray();
        return ofCodePoints(heap, points, 0, points.length);
    }

    /** The string of {@code codePoints[from..to)} (each 0 … 0x10FFFF). */
    public static long ofCodePoints(Heap heap, int[] codePoints, int from, int to) {
        int max = 0;
        for (int i = from; i < to; i++) {
            int cp = codePoints[i];
            if (cp < 0 || cp > Character.MAX_CODE_POINT) throw new IllegalArgumentException("not a code point: " + cp);
            max = Math.max(max, cp);
        }
        int n = to - from;
        if (n == 0) return heap.emptyStr();
        if (n == 1 && max < 0x100) return heap.latin1Char(max);
        int w = widthFor(max);
        long s = alloc(heap, n, w, max < 0x80);
        if (w == 4) MemorySegment.copy(codePoints, from, ALL, Mem.INT, s + DATA, n);
        else for (int i = 0; i < n; i++) rawPut(s, w, i, codePoints[from + i]);
        return s;
    }

    /** The one-code-point string {@code chr(cp)}; shared objects below 256. */
    public static long ofCodePoint(Heap heap, int cp) {
        if (cp < 0 || cp > Character.MAX_CODE_POINT) throw new IllegalArgumentException("not a code point: " + cp);
        if (cp < 0x100) return heap.latin1Char(cp);
        int w = widthFor(cp);
        long s = alloc(heap, 1, w, false);
        rawPut(s, w, 0, cp);
        return s;
    }

    /** {@code s[i]} as a string (0 ≤ i &lt; length, checked). */
    public static long charAt(Heap heap, long s, int i) { return ofCodePoint(heap, codePointAt(s, i)); }

    /** {@code a + b}. Returns an operand itself when the other is empty. */
    public static long concat(Heap heap, long a, long b) {
        int la = length(a), lb = length(b);
        if (la == 0) return b;
        if (lb == 0) return a;
        int wa = width(a), wb = width(b), w = Math.max(wa, wb);
        HandleScope hs = heap.handles();
        int m = hs.mark();
        long r;
        try {
            hs.pushAddress(a);
            hs.pushAddress(b);
            r = alloc(heap, (long) la + lb, w, isAscii(a) && isAscii(b));
        } finally {
            hs.reset(m);
        }
        copyWidening(a, wa, 0, la, r, w, 0);
        copyWidening(b, wb, 0, lb, r, w, la);
        return r;
    }

    /** Copies code points {@code [from, from + n)} of {@code src} to index {@code at} of {@code dst} (w ≥ ws). */
    private static void copyWidening(long src, int ws, long from, long n, long dst, int w, long at) {
        if (ws == w) {
            Mem.copy(src + DATA + from * w, dst + DATA + at * w, n * w);
        } else {
            for (long i = 0; i < n; i++) rawPut(dst, w, at + i, rawAt(src, ws, from + i));
        }
    }

    /** {@code s[start:end]} for 0 ≤ start ≤ end ≤ length (checked); the result has its own canonical width. */
    public static long substring(Heap heap, long s, int start, int end) {
        int len = length(s);
        java.util.Objects.checkFromToIndex(start, end, len);
        int n = end - start;
        if (n == len) return s;
        if (n == 0) return heap.emptyStr();
        int ws = width(s);
        if (n == 1) return ofCodePoint(heap, rawAt(s, ws, start));
        int max = 0;
        boolean ascii = isAscii(s);
        if (ws > 1 || !ascii) {
            for (int i = start; i < end; i++) max = Math.max(max, rawAt(s, ws, i));
            ascii = max < 0x80;
        }
        int w = ws == 1 ? 1 : widthFor(max);
        HandleScope hs = heap.handles();
        int m = hs.mark();
        long r;
        try {
            hs.pushAddress(s);
            r = alloc(heap, n, w, ascii);
        } finally {
            hs.reset(m);
        }
        if (w == ws) Mem.copy(s + DATA + (long) start * w, r + DATA, (long) n * w);
        else for (int i = 0; i < n; i++) rawPut(r, w, i, rawAt(s, ws, start + i));
        return r;
    }

    /** {@code s * times} (times ≤ 0 gives the empty string). */
    public static long repeat(Heap heap, long s, long times) {
        int len = length(s);
        if (times <= 0 || len == 0) return heap.emptyStr();
        if (times == 1) return s;
        long n = times > Integer.MAX_VALUE ? Long.MAX_VALUE : len * times;  // too long either way past int
        int w = width(s);
        HandleScope hs = heap.handles();
        int m = hs.mark();
        long r;
        try {
            hs.pushAddress(s);
            r = alloc(heap, n, w, isAscii(s));
        } finally {
            hs.reset(m);
        }
        long chunk = (long) len * w;
        Mem.copy(s + DATA, r + DATA, chunk);
        // Double the filled prefix each step: log2(times) copies.
        for (long filled = chunk, total = n * w; filled < total; ) {
            long c = Math.min(filled, total - filled);
            Mem.copy(r + DATA, r + DATA + filled, c);
            filled += c;
        }
        return r;
    }
}
