package dev.roast.heap;

import static org.junit.jupiter.api.Assertions.*;

import dev.roast.values.PackedValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The searching and building primitives that work on a string's bytes in place (indexOf, countOf,
 * matchStarts, regionMatches, replace, join, ofLong, ASCII case mapping), checked against a plain
 * code-point model at every width, across widths, at the edges of the 8-byte words the fast paths read,
 * and with collections running inside their allocations.
 */
class StrOpsTest {
    private final Heap heap = new Heap(64L << 20);

    @AfterEach
    void close() { heap.close(); }

    /** Haystacks of width 1 (ASCII and Latin-1), 2 and 4, with repeats so needles occur several times. */
    private static final String[] HAYSTACKS = {
        "", "a", "aaaa", "abcabcab", "hello, world, hello", "item-1,item-22,item-333,item-4444,", "café ÿ café",
        "x\u0000y\u0000\u0000z", "naïve € ☃ € 中文 €", "ΩΩ€Ω", "a😀b😀😀c𝄞", "😀", "€a€ab€abc€",
        "\u00ff\u0100\u00ff"
    };

    /** Needles of every width, some absent from every haystack, some spanning a word boundary. */
    private static final String[] NEEDLES = {
        "", "a", "b", "ab", "abc", "item", "item-333,", "hello", ", ", "é", "ÿ", "café", "€", "€a", "Ω", "😀", "😀😀",
        "b😀", "𝄞", "\u0000", "\u0000z", "x\u0000y", "中文 €", "zzzzzzzzzz", "hello, world, hello!", "\u0100"
    };

    private long str(String t) {
        long s = Str.of(heap, t);
        heap.handles().pushAddress(s);  // the test heap never fills up, but keep the discipline anyway
        return s;
    }

    private static int[] cps(String t) { return t.codePoints().toArray(); }

    // ---- A plain model: Python's semantics over code point arrays. ----

    private static boolean at(int[] s, int i, int[] sub) {
        if (i < 0 || i + sub.length > s.length) return false;
        for (int j = 0; j < sub.length; j++) if (s[i + j] != sub[j]) return false;
        return true;
    }

    private static int modelFind(int[] s, int[] sub, int start, int end) {
        for (int i = start; i + sub.length <= end; i++) if (at(s, i, sub)) return i;
        return -1;
    }

    private static int modelRfind(int[] s, int[] sub, int start, int end) {
        for (int i = end - sub.length; i >= start; i--) if (at(s, i, sub)) return i;
        return -1;
    }

    private static int modelCount(int[] s, int[] sub, int start, int end) {
        if (end - start < sub.length) return 0;
        if (sub.length == 0) return end - start + 1;
        int n = 0;
        for (int i = modelFind(s, sub, start, end); i >= 0; i = modelFind(s, sub, i + sub.length, end)) n++;
        return n;
    }

    private static String modelReplace(String s, String old, String rep, int count) {
        int[] c = cps(s), o = cps(old);
        var sb = new StringBuilder();
        int done = 0, i = 0;
        if (o.length == 0) {
            for (int k = 0; k <= c.length; k++) {
                if (done < count) { sb.append(rep); done++; }
                if (k < c.length) sb.appendCodePoint(c[k]);
            }
            return sb.toString();
        }
        while (done < count) {
            int j = modelFind(c, o, i, c.length);
            if (j < 0) break;
            for (int k = i; k < j; k++) sb.appendCodePoint(c[k]);
            sb.append(rep);
            i = j + o.length;
            done++;
        }
        for (int k = i; k < c.length; k++) sb.appendCodePoint(c[k]);
        return sb.toString();
    }

    /** Same content, canonical width and ASCII flag as the string built directly from the text. */
    private void assertStr(String expected, long actual) {
        heap.handles().pushAddress(actual);  // making the expected string may collect
        long e = Str.of(heap, expected);
        assertEquals(expected, Str.toJavaString(actual));
        assertEquals(Str.width(e), Str.width(actual), () -> "width of " + expected);
        assertEquals(Str.isAscii(e), Str.isAscii(actual), () -> "ASCII flag of " + expected);
        assertTrue(Str.equals(e, actual));
        assertEquals(Str.hash(e), Str.hash(actual));
    }

    // ---- Searching. ----

    @Test
    void indexOfLastIndexOfAndCountOfMatchTheModelForEveryRange() {
        for (String h : HAYSTACKS) {
            long s = str(h);
            int[] hc = cps(h);
            for (String nd : NEEDLES) {
                long sub = str(nd);
                int[] nc = cps(nd);
                for (int start = 0; start <= hc.length; start++) {
                    for (int end = 0; end <= hc.length; end++) {
                        String what = "'" + h + "' / '" + nd + "' [" + start + ", " + end + ")";
                        assertEquals(modelFind(hc, nc, start, end), Str.indexOf(s, sub, start, end), what);
                        assertEquals(modelRfind(hc, nc, start, end), Str.lastIndexOf(s, sub, start, end), what);
                        assertEquals(modelCount(hc, nc, start, end), Str.countOf(s, sub, start, end), what);
                    }
                }
            }
        }
    }

    @Test
    void regionMatchesAtEveryIndexIncludingOutside() {
        for (String h : HAYSTACKS) {
            long s = str(h);
            int[] hc = cps(h);
            for (String nd : NEEDLES) {
                long sub = str(nd);
                int[] nc = cps(nd);
                for (int i = -2; i <= hc.length + 2; i++) {
                    assertEquals(at(hc, i, nc), Str.regionMatches(s, i, sub), "'" + h + "' at " + i + " '" + nd + "'");
                }
            }
        }
    }

    @Test
    void matchStartsAreTheNonOverlappingMatchesUpToMax() {
        for (String h : HAYSTACKS) {
            long s = str(h);
            int[] hc = cps(h);
            for (String nd : NEEDLES) {
                long sub = str(nd);
                int[] nc = cps(nd);
                List<Integer> all = new ArrayList<>();
                if (nc.length == 0) {
                    for (int i = 0; i <= hc.length; i++) all.add(i);
                } else {
                    for (int i = modelFind(hc, nc, 0, hc.length); i >= 0; i = modelFind(hc, nc, i + nc.length, hc.length)) all.add(i);
                }
                for (int max : new int[] {0, 1, 2, 3, Integer.MAX_VALUE}) {
                    int[] expected = all.subList(0, Math.min(max, all.size())).stream().mapToInt(Integer::intValue).toArray();
                    assertArrayEquals(expected, Str.matchStarts(s, sub, max), "'" + h + "' / '" + nd + "' max " + max);
                }
            }
        }
    }

    @Test
    void matchStartsOfManyMatchesAtEveryWidth() {
        for (String unit : new String[] {"ab,", "é,", "€,", "😀,", ",,"}) {
            String h = unit.repeat(1000);
            long s = str(h), comma = str(","), pair = str(unit);
            int[] hc = cps(h);
            for (int max : new int[] {1, 16, 17, 33, 999, 1000, 1001, Integer.MAX_VALUE}) {
                int[] commas = Str.matchStarts(s, comma, max);
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < hc.length && expected.size() < max; i++) if (hc[i] == ',') expected.add(i);
                assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), commas, unit + " max " + max);
                int[] units = Str.matchStarts(s, pair, max);
                assertEquals(Math.min(max, 1000), units.length, unit);
                for (int k = 0; k < units.length; k++) assertEquals(k * hc.length / 1000, units[k], unit);
            }
        }
    }

    @Test
    void overlappingCandidatesAreSkippedNotDoubleCounted() {
        long s = str("aaaaaaaaaaaaaaaaaaaaa");  // 21: candidates in every byte of three words
        assertEquals(10, Str.countOf(s, str("aa"), 0, 21));
        assertEquals(7, Str.countOf(s, str("aaa"), 0, 21));
        assertArrayEquals(new int[] {0, 9}, Str.matchStarts(s, str("aaaaaaaaa"), 5));
        assertEquals(3, Str.countOf(s, str("aa"), 3, 10));
        assertEquals(12, Str.lastIndexOf(s, str("aaaaaaaaa"), 0, 21));
    }

    @Test
    void searchesAcrossWordBoundariesAndNearTheEnd() {
        var rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 3000; trial++) {
            int n = rnd.nextInt(0, 40);
            char[] alphabet = switch (trial % 3) {
                case 0 -> new char[] {'a', 'b'};
                case 1 -> new char[] {'a', 'b', 'é'};
                default -> new char[] {'a', '€', 'b'};
            };
            String h = randomText(rnd, alphabet, n), nd = randomText(rnd, alphabet, rnd.nextInt(0, 12));
            long s = str(h), sub = str(nd);
            int[] hc = cps(h), nc = cps(nd);
            int start = rnd.nextInt(0, n + 1), end = rnd.nextInt(0, n + 1);
            assertEquals(modelFind(hc, nc, start, end), Str.indexOf(s, sub, start, end), h + " / " + nd);
            assertEquals(modelCount(hc, nc, start, end), Str.countOf(s, sub, start, end), h + " / " + nd);
            assertEquals(modelRfind(hc, nc, start, end), Str.lastIndexOf(s, sub, start, end), h + " / " + nd);
        }
    }

    private static String randomText(SplittableRandom rnd, char[] alphabet, int n) {
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(alphabet[rnd.nextInt(alphabet.length)]);
        return sb.toString();
    }

    @Test
    void mixedWidthsNeverMatchAWiderNeedleAndDoMatchANarrowerOne() {
        long wide = str("a€b😀c");
        assertEquals(2, Str.indexOf(wide, str("b"), 0, 5));  // width-1 needle in a width-4 haystack
        assertEquals(1, Str.indexOf(wide, str("€b"), 0, 5));  // width-2 needle in a width-4 haystack
        assertEquals(-1, Str.indexOf(str("abc"), str("€"), 0, 3));
        assertEquals(-1, Str.indexOf(str("a€c"), str("😀"), 0, 3));
        assertTrue(Str.regionMatches(wide, 3, str("😀c")));
        assertFalse(Str.regionMatches(str("abc"), 0, str("ab€")));
        assertEquals(1, Str.countOf(str("xéx€"), str("é"), 0, 4));  // width-1 non-ASCII needle, width-2 haystack
    }

    @Test
    void emptyNeedlesAndEmptyRanges() {
        long s = str("abc"), empty = str("");
        assertEquals(0, Str.indexOf(s, empty, 0, 3));
        assertEquals(3, Str.indexOf(s, empty, 3, 3));
        assertEquals(-1, Str.indexOf(s, empty, 2, 1), "start past end");
        assertEquals(3, Str.lastIndexOf(s, empty, 0, 3));
        assertEquals(4, Str.countOf(s, empty, 0, 3));
        assertEquals(0, Str.countOf(s, empty, 2, 1));
        assertEquals(0, Str.indexOf(empty, empty, 0, 0));
        assertEquals(-1, Str.indexOf(empty, str("a"), 0, 0));
        assertTrue(Str.regionMatches(s, 3, empty));
        assertFalse(Str.regionMatches(s, 4, empty));
    }

    @Test
    void rangesOutsideTheStringAreRejected() {
        long s = str("abc"), sub = str("b");
        assertThrows(IndexOutOfBoundsException.class, () -> Str.indexOf(s, sub, -1, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> Str.indexOf(s, sub, 0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> Str.lastIndexOf(s, sub, 0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> Str.countOf(s, sub, -1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> Str.indexOfCodePoint(s, 'b', 0, 4));
    }

    @Test
    void indexOfCodePoint() {
        long s = str("aé€😀a");
        assertEquals(0, Str.indexOfCodePoint(s, 'a', 0, 5));
        assertEquals(4, Str.indexOfCodePoint(s, 'a', 1, 5));
        assertEquals(1, Str.indexOfCodePoint(s, 'é', 0, 5));
        assertEquals(3, Str.indexOfCodePoint(s, 0x1F600, 0, 5));
        assertEquals(-1, Str.indexOfCodePoint(s, 0x1F600, 0, 3));
        assertEquals(-1, Str.indexOfCodePoint(str("abc"), '€', 0, 3));
        assertEquals(-1, Str.indexOfCodePoint(str("abc"), 'a' + 0x100, 0, 3), "no truncation to the haystack's width");
    }

    // ---- Building. ----

    @Test
    void replaceMatchesTheModelWithCanonicalWidthAndFlags() {
        String[] reps = {"", "-", "é", "€€", "😀", "XYZ"};
        for (String h : HAYSTACKS) {
            long s = str(h);
            for (String old : NEEDLES) {
                long o = str(old);
                for (String rep : reps) {
                    long r = str(rep);
                    for (int count : new int[] {-1, 0, 1, 2}) {
                        String expected = modelReplace(h, old, rep, count < 0 ? Integer.MAX_VALUE : count);
                        assertStr(expected, Str.replace(heap, s, o, r, count));
                    }
                }
            }
        }
    }

    @Test
    void replaceNarrowsWhenTheWideCodePointsGo() {
        assertStr("axb", Str.replace(heap, str("aΩb"), str("Ω"), str("x"), -1));
        assertStr("ab", Str.replace(heap, str("a😀b"), str("😀"), str(""), -1));
        assertStr("aéb", Str.replace(heap, str("a😀b"), str("😀"), str("é"), -1));
        assertStr("a€b", Str.replace(heap, str("a😀b"), str("😀"), str("€"), -1));
        assertStr("", Str.replace(heap, str("ΩΩ"), str("Ω"), str(""), -1));
        assertStr("éΩ", Str.replace(heap, str("éΩ"), str("x"), str("😀"), -1));
        long s = str("unchanged");
        assertEquals(s, Str.replace(heap, s, str("zz"), str("y"), -1), "no match: the string itself");
        assertEquals(s, Str.replace(heap, s, str("u"), str("y"), 0), "count 0: the string itself");
    }

    @Test
    void joinConcatenatesWithTheSeparatorAtTheWidestWidth() {
        String[][] cases = {
            {}, {"a"}, {"", ""}, {"a", "b", "c"}, {"item-1", "", "item-22"}, {"a", "é"}, {"é", "€", "x"}, {"x", "😀"}, {"", "€", ""}
        };
        for (String sep : new String[] {"", ",", ", ", "é", "€", "😀"}) {
            long sp = str(sep);
            for (String[] items : cases) {
                long list = list(items);
                assertStr(String.join(sep, items), Str.join(heap, sp, list));
            }
        }
        long only = str("only");
        long list = ListObj.of(heap, PackedValue.ofPointer(only));
        heap.handles().pushAddress(list);
        assertEquals(only, Str.join(heap, str(","), list), "a single item is returned as it is");
    }

    private long list(String... items) {
        long[] words = Arrays.stream(items).mapToLong(t -> PackedValue.ofPointer(str(t))).toArray();
        long l = ListObj.of(heap, words);
        heap.handles().pushAddress(l);
        return l;
    }

    @Test
    void ofLongWritesTheDecimalDigits() {
        long[] values = {0, 1, 9, 10, 11, 99, 100, 255, 256, 1023, -1, -9, -10, -100, 123_456_789, -987_654_321,
            Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 1L << 47, -(1L << 47)};
        for (long v : values) assertStr(Long.toString(v), Str.ofLong(heap, v));
        var rnd = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            long v = rnd.nextLong() >> rnd.nextInt(64);
            assertEquals(Long.toString(v), Str.toJavaString(Str.ofLong(heap, v)));
        }
        assertEquals(heap.latin1Char('7'), Str.ofLong(heap, 7), "one digit: the shared string");
    }

    @Test
    void asciiCaseMappingAtEveryLengthAroundAWord() {
        var ascii = new StringBuilder();
        for (char c = 0; c < 128; c++) ascii.append(c);
        String all = ascii.toString();
        for (int from = 0; from < 128; from += 5) {
            for (int len = 0; from + len <= 128 && len < 40; len++) {
                String t = all.substring(from, from + len);
                long s = str(t);
                assertStr(t.toUpperCase(java.util.Locale.ROOT), Str.upperAscii(heap, s));
                assertStr(t.toLowerCase(java.util.Locale.ROOT), Str.lowerAscii(heap, s));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Str.upperAscii(heap, str("é")));
    }

    // ---- Collections inside the allocations: the operations root their own arguments. ----

    @Test
    void operationsSurviveCollectionsDuringTheirAllocation() {
        try (Heap small = new Heap(64L << 20, Heap.CHUNK)) {
            HandleScope hs = small.handles();
            for (int i = 0; i < 400; i++) {
                // The inputs are rooted only while they are made: each operation must root them itself. The
                // results are larger than a small block, so every allocation of one checks the GC threshold.
                String piece = (i % 3 == 0 ? "€" : i % 3 == 1 ? "é" : "a") + "piece-" + i + "-";
                int m = hs.mark();
                long s = Str.of(small, piece.repeat(300));
                hs.pushAddress(s);
                long old = Str.of(small, "piece");
                hs.pushAddress(old);
                long rep = Str.of(small, "PIECE!");
                hs.reset(m);
                long r = Str.replace(small, s, old, rep, -1);
                assertEquals(piece.replace("piece", "PIECE!").repeat(300), Str.toJavaString(r));

                long sep = Str.of(small, piece.repeat(20));
                hs.pushAddress(sep);
                long[] words = new long[50];
                for (int k = 0; k < words.length; k++) {
                    words[k] = PackedValue.ofPointer(Str.of(small, piece + k));
                    hs.push(words[k]);
                }
                long list = ListObj.of(small, words);
                hs.reset(m);
                long joined = Str.join(small, sep, list);
                var expected = new StringBuilder();
                for (int k = 0; k < words.length; k++) expected.append(k > 0 ? piece.repeat(20) : "").append(piece).append(k);
                assertEquals(expected.toString(), Str.toJavaString(joined));

                long big = Str.of(small, "abcxyz".repeat(1000));
                assertEquals("ABCXYZ".repeat(1000), Str.toJavaString(Str.upperAscii(small, big)));
            }
            small.collect();
            small.verify();
        }
    }
}
