package dev.roast.heap;

import static dev.roast.heap.Mem.ALL;
import static dev.roast.heap.Mem.getByte;
import static dev.roast.heap.Mem.getInt;
import static dev.roast.heap.Mem.getLong;
import static dev.roast.heap.Mem.putByte;
import static dev.roast.heap.Mem.putInt;
import static dev.roast.heap.Mem.putLong;

import dev.roast.values.PackedValue;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

    // ---- Searching. Indices are code point indices; a range is [start, end) with 0 ≤ start and end ≤ length
    // (checked), and start > end is an empty range. Widths are canonical, so a needle wider than the
    // haystack holds a code point the haystack cannot, and equal widths compare as bytes. Width-1 strings
    // (the common case) are searched eight bytes at a time. ----

    /** Index of the first {@code sub} wholly inside {@code s[start:end]}, or −1 (an empty {@code sub} is found at start). */
    public static int indexOf(long s, long sub, int start, int end) {
        checkRange(s, start, end);
        int m = length(sub), ws = width(s), wsub = width(sub);
        if (end - start < m || wsub > ws) return -1;
        if (m == 0) return start;
        if (ws == 1) {
            int[] first = new int[1];  // room for one match: the scan stops at it
            return scanBytes(s, sub, start, end, first, 0) == 0 ? -1 : first[0];
        }
        int head = rawAt(sub, wsub, 0);
        for (int i = start, last = end - m; i <= last; i++) {
            if (rawAt(s, ws, i) == head && matchesAt(s, ws, i, sub, wsub, m)) return i;
        }
        return -1;
    }

    /** Index of the last {@code sub} wholly inside {@code s[start:end]}, or −1 (an empty {@code sub} is found at end). */
    public static int lastIndexOf(long s, long sub, int start, int end) {
        checkRange(s, start, end);
        int m = length(sub), ws = width(s), wsub = width(sub);
        if (end - start < m || wsub > ws) return -1;
        if (m == 0) return end;
        int head = rawAt(sub, wsub, 0);
        for (int i = end - m; i >= start; i--) {
            if (rawAt(s, ws, i) == head && matchesAt(s, ws, i, sub, wsub, m)) return i;
        }
        return -1;
    }

    /** The number of non-overlapping {@code sub} in {@code s[start:end]} (an empty {@code sub} matches end − start + 1 times). */
    public static int countOf(long s, long sub, int start, int end) {
        checkRange(s, start, end);
        int m = length(sub);
        if (end - start < m) return 0;
        if (m == 0) return end - start + 1;
        if (width(s) == 1 && width(sub) == 1) return scanBytes(s, sub, start, end, null, 0);
        int count = 0;
        for (int i = indexOf(s, sub, start, end); i >= 0; i = indexOf(s, sub, i + m, end)) count++;
        return count;
    }

    /**
     * The starts of the first {@code max} non-overlapping {@code sub} in {@code s}, in order; an empty
     * {@code sub} matches at every index 0 … length (as {@code replace} and Python's empty-string search see it).
     */
    public static int[] matchStarts(long s, long sub, int max) {
        int n = length(s), m = length(sub);
        if (m == 0) {
            int[] at = new int[(int) Math.min(Math.max(max, 0), n + 1L)];
            Arrays.setAll(at, i -> i);
            return at;
        }
        if (max <= 0 || m > n || width(sub) > width(s)) return new int[0];
        int[] at = new int[Math.min(max, 16)];
        int k = 0;
        if (width(s) == 1) {
            int from = 0;
            while ((k = scanBytes(s, sub, from, n, at, k)) == at.length && k < max) {
                // Full before the end: double the array and resume after the last match.
                from = at[k - 1] + m;
                at = Arrays.copyOf(at, (int) Math.min(max, 2L * k));
            }
        } else {
            for (int i = indexOf(s, sub, 0, n); i >= 0 && k < max; i = indexOf(s, sub, i + m, n)) {
                if (k == at.length) at = Arrays.copyOf(at, (int) Math.min(max, 2L * k));
                at[k++] = i;
            }
        }
        return k == at.length ? at : Arrays.copyOf(at, k);
    }

    /** Whether {@code s} holds {@code sub} at index {@code at} (false when it would run past either end). */
    public static boolean regionMatches(long s, int at, long sub) {
        int m = length(sub), ws = width(s), wsub = width(sub);
        if (at < 0 || at > length(s) - m || wsub > ws) return false;
        return matchesAt(s, ws, at, sub, wsub, m);
    }

    /** Index of the first code point {@code cp} in {@code s[start:end]}, or −1. */
    public static int indexOfCodePoint(long s, int cp, int start, int end) {
        checkRange(s, start, end);
        int ws = width(s);
        if (cp < 0 || widthFor(cp) > ws) return -1;
        for (int i = start; i < end; i++) if (rawAt(s, ws, i) == cp) return i;
        return -1;
    }

    private static void checkRange(long s, int start, int end) {
        int n = length(s);
        if (start < 0 || end > n) throw new IndexOutOfBoundsException("range [" + start + ", " + end + ") of a string of " + n);
    }

    /** Whether the m code points of {@code sub} equal those of {@code s} from index i (w ≥ wsub, in bounds). */
    private static boolean matchesAt(long s, int w, long i, long sub, int wsub, int m) {
        if (w == wsub) {
            long p = s + DATA + i * w, q = sub + DATA, bytes = (long) m * w;
            if (bytes > 16) return MemorySegment.mismatch(ALL, p, p + bytes, ALL, q, q + bytes) < 0;
            for (long j = 0; j < bytes; j++) if (getByte(p + j) != getByte(q + j)) return false;  // short: skip the call's setup
            return true;
        }
        for (int j = 0; j < m; j++) if (rawAt(s, w, i + j) != rawAt(sub, wsub, j)) return false;
        return true;
    }

    private static final long ONES = 0x0101_0101_0101_0101L, HIGHS = 0x8080_8080_8080_8080L;

    /**
     * The non-overlapping matches of {@code sub} in {@code s[start:end]}, both width 1 and
     * 1 ≤ length(sub): with {@code out} null, their number; otherwise records their starts from
     * {@code out[k]} on until it is full and returns the new {@code k}. One pass over aligned words (the
     * object's zero padding makes the last one readable): each word yields every position of sub's first
     * byte at once (SWAR), and only those positions are compared in full.
     */
    private static int scanBytes(long s, long sub, int start, int end, int[] out, int k) {
        int m = length(sub), max = out == null ? Integer.MAX_VALUE : out.length;
        if (k >= max || end - start < m) return k;
        long base = s + DATA, q = sub + DATA;
        long limit = (length(s) + 7L) & ~7L;  // words starting below this offset lie inside the object
        long pattern = (getByte(q) & 0xFFL) * ONES;
        // The needle's first (up to) 8 bytes as a masked word (its own zero padding makes the word readable).
        long mask = m >= 8 ? -1L : (1L << (8 * m)) - 1, needle = getLong(q) & mask;
        long lastStart = end - m, next = start;  // candidates must lie in [next, lastStart]
        int count = k;
        for (long word = start & ~7L; word <= lastStart; word += 8) {
            for (long hits = zeroBytes(getLong(base + word) ^ pattern); hits != 0; hits &= hits - 1) {
                long i = word + (Long.numberOfTrailingZeros(hits) >>> 3);
                if (i > lastStart) return count;
                if (i < next) continue;
                // The first (up to) 8 bytes as one word settle most candidates; the rest only when they match.
                boolean match = m == 1 || (i + 8 <= limit
                        ? (getLong(base + i) & mask) == needle
                                && (m <= 8 || MemorySegment.mismatch(ALL, base + i + 8, base + i + m, ALL, q + 8, q + m) < 0)
                        : MemorySegment.mismatch(ALL, base + i, base + i + m, ALL, q, q + m) < 0);
                if (match) {
                    if (out != null) out[count] = (int) i;
                    if (++count == max) return count;
                    next = i + m;
                }
            }
        }
        return count;
    }

    /** The high bit of each zero byte of {@code x}, exactly (no borrow runs from one byte into the next). */
    private static long zeroBytes(long x) {
        return ~(((x & ~HIGHS) + ~HIGHS) | x) & HIGHS;
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

    /** Copies code points {@code [from, from + n)} of {@code src} (width ws) to index {@code at} of {@code dst} (width w, holding them all). */
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

    /** {@code str(v)}: the decimal digits, with a leading '-' when negative. */
    public static long ofLong(Heap heap, long v) {
        if (v >= 0 && v < 10) return heap.latin1Char('0' + (int) v);
        int n = v < 0 ? 1 : 0;
        for (long x = v; x != 0; x /= 10) n++;
        long s = alloc(heap, n, 1, true);
        long p = s + DATA + n;
        // Digits from the right, on the negated value so Long.MIN_VALUE needs no special case.
        for (long x = v < 0 ? v : -v; x != 0; x /= 10) putByte(--p, (byte) ('0' - x % 10));
        if (v < 0) putByte(--p, (byte) '-');
        return s;
    }

    /** {@code sep.join(list)} for a LIST whose items are all STR words (the caller checks): one allocation. */
    public static long join(Heap heap, long sep, long list) {
        long k = ListObj.length(list);
        if (k == 0) return heap.emptyStr();
        if (k == 1) return item(list, 0);
        int lsep = length(sep), w = width(sep);
        long n = (k - 1) * lsep;
        boolean ascii = isAscii(sep);
        for (long i = 0; i < k; i++) {
            long x = item(list, i);
            n += length(x);
            w = Math.max(w, width(x));
            ascii &= isAscii(x);
        }
        if (n == 0) return heap.emptyStr();
        long r = allocRooted(heap, n, w, ascii, sep, list);
        long at = 0;
        for (long i = 0; i < k; i++) {
            if (i > 0 && lsep > 0) {
                copyWidening(sep, width(sep), 0, lsep, r, w, at);
                at += lsep;
            }
            long x = item(list, i);
            int lx = length(x);
            copyWidening(x, width(x), 0, lx, r, w, at);
            at += lx;
        }
        return r;
    }

    private static long item(long list, long i) { return ListObj.get(list, i) & PackedValue.PAYLOAD_MASK; }

    /**
     * {@code s.replace(old, rep, count)}: at most {@code count} replacements, all when negative (the Python
     * count of 0 returns {@code s}). One search pass records the matches, then one allocation.
     */
    public static long replace(Heap heap, long s, long old, long rep, long count) {
        int n = length(s), lo = length(old), lr = length(rep);
        int max = count < 0 ? Integer.MAX_VALUE : (int) Math.min(count, Integer.MAX_VALUE);
        int[] at = matchStarts(s, old, max);
        int k = at.length;
        if (k == 0) return s;
        long len = n + (long) k * (lr - lo);
        if (len == 0) return heap.emptyStr();
        // The canonical width is that of the code points that stay and rep's: the removed ones may have been the widest.
        int ws = width(s), wr = width(rep), kept = keptBound(s, old, at);
        int w = Math.max(widthFor(kept), wr);
        long r = allocRooted(heap, len, w, kept < 0x80 && isAscii(rep), s, old, rep);
        long prev = 0, out = 0;
        for (int p : at) {
            copyWidening(s, ws, prev, p - prev, r, w, out);
            out += p - prev;
            copyWidening(rep, wr, 0, lr, r, w, out);
            out += lr;
            prev = p + lo;
        }
        copyWidening(s, ws, prev, n - prev, r, w, out);
        return r;
    }

    /**
     * A code point as wide as the widest of {@code s} outside the matches of {@code old} at {@code at}, and
     * ASCII exactly when they all are (all the result's width and flag need). Scans only when the matches
     * may have held the widest ones.
     */
    private static int keptBound(long s, long old, int[] at) {
        if (isAscii(s)) return 0;
        int ws = width(s);
        // An ASCII old removes no non-ASCII code point, a narrower old none of the widest: s's width and flag stay.
        if (isAscii(old) || width(old) < ws) return ws == 1 ? 0xFF : ws == 2 ? 0xFFFF : Character.MAX_CODE_POINT;
        return maxKept(s, at, length(old));
    }

    /** The largest code point of {@code s} outside the matches of length {@code lo} at {@code at} (0 if none). */
    private static int maxKept(long s, int[] at, int lo) {
        int w = width(s), max = 0, prev = 0;
        for (int p : at) {
            for (int i = prev; i < p; i++) max = Math.max(max, rawAt(s, w, i));
            prev = p + lo;
        }
        for (int i = prev, n = length(s); i < n; i++) max = Math.max(max, rawAt(s, w, i));
        return max;
    }

    /** {@code s.upper()} for an ASCII string. */
    public static long upperAscii(Heap heap, long s) { return asciiCase(heap, s, 'a'); }

    /** {@code s.lower()} for an ASCII string. */
    public static long lowerAscii(Heap heap, long s) { return asciiCase(heap, s, 'A'); }

    /** Flips the case of the 26 letters from {@code from}, eight bytes at a time (the zero padding stays zero). */
    private static long asciiCase(Heap heap, long s, int from) {
        if (!isAscii(s)) throw new IllegalArgumentException("not an ASCII string");
        int n = length(s);
        if (n == 0) return heap.emptyStr();
        if (n == 1) {
            int c = getByte(s + DATA);
            return heap.latin1Char(c >= from && c < from + 26 ? c ^ 0x20 : c);
        }
        long r = allocRooted(heap, n, 1, true, s);
        // Every byte is below 0x80, so adding up to 0x7F per byte never carries into the next one: the high
        // bit of (x + 0x80 − from) says byte ≥ from, that of (x + 0x80 − from − 26) says byte ≥ from + 26.
        long ge = (0x80L - from) * ONES, past = (0x80L - from - 26) * ONES;
        for (long off = 0, bytes = (n + 7L) & ~7L; off < bytes; off += 8) {
            long x = getLong(s + DATA + off);
            long letters = ((x + ge) ^ (x + past)) & HIGHS;
            putLong(r + DATA + off, x ^ (letters >>> 2));
        }
        return r;
    }

    /** {@link #alloc} with {@code keep} rooted across it (it may collect). */
    private static long allocRooted(Heap heap, long n, int w, boolean ascii, long... keep) {
        HandleScope hs = heap.handles();
        int m = hs.mark();
        try {
            for (long a : keep) hs.pushAddress(a);
            return alloc(heap, n, w, ascii);
        } finally {
            hs.reset(m);
        }
    }
}
