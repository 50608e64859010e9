package dev.roast.heap;

import static org.junit.jupiter.api.Assertions.*;

import dev.roast.values.PackedValue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** STR layout, width selection, indexing, equality, ordering, hashing and the allocating operations. */
class StrTest {
    private final Heap heap = new Heap(64L << 20);

    @AfterEach
    void close() { heap.close(); }

    private static final String ASCII = "hello, world", LATIN1 = "café ÿ", BMP = "naïve € ☃ 中文",
            ASTRAL = "a😀b𝄞", EMOJI_ONLY = "😀";

    @Test
    void layoutAtDocumentedOffsets() {
        long s = Str.of(heap, "abc€");
        assertEquals(ObjectKind.STR, Header.kind(s));
        assertEquals(4, Mem.getInt(s + 8), "+8 length");
        assertEquals(2, Mem.getByte(s + 12), "+12 width");
        assertEquals(0, Mem.getByte(s + 13), "+13 flags: not ASCII");
        assertEquals(0, Mem.getLong(s + 16), "+16 hash not computed yet");
        assertEquals('a', Mem.getChar(s + 24));
        assertEquals('€', Mem.getChar(s + 24 + 6));
        assertEquals(24 + 8, Header.size(s));
        long h = Str.hash(s);
        assertEquals(h, Mem.getLong(s + 16), "hash cached at +16");
        long t = Str.of(heap, "abc");
        assertEquals(1, Mem.getByte(t + 13), "ASCII flag");
        assertEquals('c', Mem.getByte(t + 26));
    }

    @Test
    void widthIsTheSmallestThatHoldsEveryCodePoint() {
        assertWidth(ASCII, 1, true);
        assertWidth(LATIN1, 1, false);
        assertWidth(BMP, 2, false);
        assertWidth(ASTRAL, 4, false);
        assertWidth(EMOJI_ONLY, 4, false);
        assertWidth("", 1, true);
        assertWidth("\u00ff", 1, false);
        assertWidth("\u0100", 2, false);
        assertWidth("\uffff", 2, false);
        assertWidth("\ud800", 2, false);  // a lone surrogate is a BMP code point of its own
        assertWidth("\ud800x", 2, false);
    }

    private void assertWidth(String text, int width, boolean ascii) {
        long s = Str.of(heap, text);
        assertEquals(width, Str.width(s), text);
        assertEquals(ascii, Str.isAscii(s), text);
        assertEquals(text.codePointCount(0, text.length()), Str.length(s));
        assertEquals(text, Str.toJavaString(s));
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) assertEquals(cps[i], Str.codePointAt(s, i));
        assertThrows(IndexOutOfBoundsException.class, () -> Str.codePointAt(s, cps.length));
    }

    @Test
    void astralIndexingIsByCodePoint() {
        long s = Str.of(heap, ASTRAL);
        assertEquals(4, Str.length(s));
        assertEquals(0x1F600, Str.codePointAt(s, 1));
        assertEquals('b', Str.codePointAt(s, 2));
        assertEquals(0x1D11E, Str.codePointAt(s, 3));
        assertEquals("😀", Str.toJavaString(Str.charAt(heap, s, 1)));
    }

    @Test
    void equalityAndHashingByContent() {
        for (String t : new String[] {"", ASCII, LATIN1, BMP, ASTRAL, "x".repeat(1000), "€".repeat(33)}) {
            long a = Str.of(heap, t), b = Str.of(heap, t);
            assertTrue(Str.equals(a, b), t);
            assertEquals(Str.hash(a), Str.hash(b), t);
            assertEquals(0, Str.compare(a, b));
            assertNotEquals(0, Str.hash(a));
            assertNotEquals(-1, Str.hash(a));
        }
        assertFalse(Str.equals(Str.of(heap, "ab"), Str.of(heap, "ac")));
        assertFalse(Str.equals(Str.of(heap, "ab"), Str.of(heap, "abc")));
        assertFalse(Str.equals(Str.of(heap, "a\u0000"), Str.of(heap, "a")));
        assertNotEquals(Str.hash(Str.of(heap, "a\u0000")), Str.hash(Str.of(heap, "a")));
        // Same text built different ways has one canonical form.
        long built = Str.concat(heap, Str.of(heap, "na"), Str.substring(heap, Str.of(heap, "ïve€"), 0, 3));
        assertEquals(1, Str.width(built));
        assertTrue(Str.equals(built, Str.of(heap, "naïve")));
        assertEquals(Str.hash(built), Str.hash(Str.of(heap, "naïve")));
    }

    @Test
    void hashesSpreadOverSimilarStrings() {
        java.util.Set<Long> hashes = new java.util.HashSet<>();
        for (int i = 0; i < 20_000; i++) hashes.add(Str.hash(Str.of(heap, "key" + i)) & 0xFFFF);
        assertTrue(hashes.size() > 15_000, "low 16 bits of 20k hashes take " + hashes.size() + " values");
    }

    @Test
    void orderingIsByCodePoint() {
        String[] words = {"", "a", "ab", "abc", "b", "é", "€", "😀", "\uffff", "a😀", "aé"};
        for (String x : words) {
            for (String y : words) {
                int expected = Integer.signum(compareCodePoints(x, y));
                assertEquals(expected, Integer.signum(Str.compare(Str.of(heap, x), Str.of(heap, y))), x + " vs " + y);
            }
        }
    }

    private static int compareCodePoints(String x, String y) {
        int[] a = x.codePoints().toArray(), b = y.codePoints().toArray();
        return java.util.Arrays.compare(a, b);
    }

    @Test
    void concatWidensAndKeepsFlags() {
        String[] parts = {"", ASCII, LATIN1, BMP, ASTRAL};
        for (String x : parts) {
            for (String y : parts) {
                long c = Str.concat(heap, Str.of(heap, x), Str.of(heap, y));
                long expected = Str.of(heap, x + y);
                assertEquals(x + y, Str.toJavaString(c));
                assertEquals(Str.width(expected), Str.width(c));
                assertEquals(Str.isAscii(expected), Str.isAscii(c));
                assertTrue(Str.equals(c, expected));
                assertEquals(Str.hash(expected), Str.hash(c));
            }
        }
    }

    @Test
    void substringNarrowsToItsOwnWidth() {
        long s = Str.of(heap, "ab€😀cd");
        assertEquals("€😀", Str.toJavaString(Str.substring(heap, s, 2, 4)));
        assertEquals(4, Str.width(Str.substring(heap, s, 2, 4)));
        assertEquals(2, Str.width(Str.substring(heap, s, 1, 3)));
        long ab = Str.substring(heap, s, 0, 2);
        assertEquals(1, Str.width(ab));
        assertTrue(Str.isAscii(ab));
        assertTrue(Str.equals(ab, Str.of(heap, "ab")));
        assertEquals(heap.emptyStr(), Str.substring(heap, s, 3, 3));
        assertEquals(s, Str.substring(heap, s, 0, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> Str.substring(heap, s, 4, 7));
        long lat = Str.of(heap, "xéy");
        assertTrue(Str.isAscii(Str.substring(heap, Str.concat(heap, lat, Str.of(heap, "zz")), 2, 5)));
    }

    @Test
    void singleLatin1CharactersAreShared() {
        assertEquals(heap.latin1Char('a'), Str.of(heap, "a"));
        assertEquals(heap.latin1Char(0xE9), Str.ofCodePoint(heap, 0xE9));
        assertEquals(heap.emptyStr(), Str.of(heap, ""));
        assertEquals("\u0100", Str.toJavaString(Str.ofCodePoint(heap, 0x100)));
        assertThrows(IllegalArgumentException.class, () -> Str.ofCodePoint(heap, 0x110000));
        heap.collect();  // the shared strings are the heap's own roots
        assertEquals("a", Str.toJavaString(heap.latin1Char('a')));
    }

    @Test
    void repeat() {
        assertEquals("ab".repeat(7), Str.toJavaString(Str.repeat(heap, Str.of(heap, "ab"), 7)));
        assertEquals("€😀".repeat(100), Str.toJavaString(Str.repeat(heap, Str.of(heap, "€😀"), 100)));
        assertEquals(heap.emptyStr(), Str.repeat(heap, Str.of(heap, "ab"), 0));
        assertEquals(heap.emptyStr(), Str.repeat(heap, Str.of(heap, "ab"), -3));
        assertThrows(HeapExhausted.class, () -> Str.repeat(heap, Str.of(heap, "ab"), 1L << 40));
    }

    @Test
    void ofCodePointsMatchesOfString() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int round = 0; round < 500; round++) {
            int n = rnd.nextInt(20);
            int[] cps = new int[n];
            int range = new int[] {0x80, 0x100, 0x800, 0x1_0000, 0x11_0000}[rnd.nextInt(5)];
            for (int i = 0; i < n; i++) {
                int cp;
                do cp = rnd.nextInt(range); while (cp >= 0xD800 && cp < 0xE000);
                cps[i] = cp;
            }
            String text = new String(cps, 0, n);
            long a = Str.ofCodePoints(heap, cps, 0, n), b = Str.of(heap, text);
            assertTrue(Str.equals(a, b), text);
            assertEquals(Str.width(b), Str.width(a));
            assertEquals(Str.hash(a), Str.hash(b));
            assertEquals(text, Str.toJavaString(a));
            if (n > 0) {
                int i = rnd.nextInt(n), j = i + rnd.nextInt(n - i + 1);
                long sub = Str.substring(heap, a, i, j);
                assertTrue(Str.equals(sub, Str.ofCodePoints(heap, cps, i, j)));
            }
        }
    }

    @Test
    void stringsSurviveCollectionWhenRooted() {
        long s = Str.of(heap, BMP);
        heap.handles().push(PackedValue.ofPointer(s));
        for (int i = 0; i < 100_000; i++) Str.of(heap, "garbage " + i);
        heap.collect();
        assertEquals(BMP, Str.toJavaString(s));
        heap.handles().pop();
    }
}
