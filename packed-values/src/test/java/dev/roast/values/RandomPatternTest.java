package dev.roast.values;

import static dev.roast.values.PackedValue.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.roast.values.PackedValue.Kind;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties over millions of seeded random words, doubles, ints and addresses. */
class RandomPatternTest {
    static final int N = 1_000_000;
    static final Kind[] TAGGED = {Kind.INT, Kind.POINTER, Kind.BOOL, Kind.NONE};

    /** The layout restated independently of the implementation: the top 14 bits all set means tagged. */
    static Kind reference(long v) {
        return (v >> 50) == -1 ? TAGGED[(int) ((v >>> 48) & 3)] : Kind.DOUBLE;
    }

    /** Random words, weighted so that every tag and every constant's neighbourhood is well covered. */
    static long word(SplittableRandom rnd) {
        long payload = switch (rnd.nextInt(4)) {
            case 0 -> new long[] {0, 1, 2, PAYLOAD_MASK, PAYLOAD_MASK - 1, 0x8000_0000_0000L, 0x7FFF_FFFF_FFFFL}[rnd.nextInt(7)];
            default -> rnd.nextLong() & PAYLOAD_MASK;
        };
        return switch (rnd.nextInt(5)) {
            case 0, 1 -> rnd.nextLong();                                     // uniform: almost all doubles
            case 2 -> ((0xFFF0L + rnd.nextInt(16)) << 48) | payload;         // the negative-NaN and tag region
            case 3 -> ((0x7FF0L + rnd.nextInt(16)) << 48) | payload;         // the positive-NaN region
            default -> new long[] {TRUE, FALSE, NONE, CANONICAL_NAN, DOUBLE_LIMIT, POINTER_TAG_BITS,
                    0xFFF0_0000_0000_0000L, 0x7FF0_0000_0000_0000L, 0}[rnd.nextInt(9)] + rnd.nextLong(-2, 3);
        };
    }

    @Test
    void kindIsTotalAndConsistentAndDecodingRoundTrips() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0001L);
        int[] seen = new int[Kind.values().length];
        int nonCanonical = 0;
        for (int n = 0; n < N; n++) {
            long v = word(rnd);
            Kind k = kind(v);
            assertNotNull(k);
            assertEquals(reference(v), k, () -> Long.toHexString(v));
            boolean[] is = {isDouble(v), isInt(v), isPointer(v), isBool(v), isNone(v)};
            for (Kind each : Kind.values()) assertEquals(each == k, is[each.ordinal()], () -> Long.toHexString(v));
            seen[k.ordinal()]++;

            boolean canonical = isCanonical(v);
            if (!canonical) nonCanonical++;
            // Decoding then encoding gives the word back; a non-canonical word gives its kind's canonical word.
            switch (k) {
                case DOUBLE -> {
                    double d = asDouble(v);
                    assertEquals(!canonical, Double.isNaN(d) && v != CANONICAL_NAN);
                    assertEquals(canonical ? v : CANONICAL_NAN, ofDouble(d));
                }
                case INT -> {
                    assertTrue(canonical);
                    assertTrue(fitsInline(asInt(v)));
                    assertEquals(v, ofInt(asInt(v)));
                }
                case POINTER -> {
                    long a = asPointer(v);
                    assertEquals(canonical, a != 0);
                    if (canonical) assertEquals(v, ofPointer(a));
                    else assertThrows(IllegalArgumentException.class, () -> ofPointer(a));
                }
                case BOOL -> {
                    assertEquals(canonical, ofBool(asBool(v)) == v);
                    assertEquals(canonical, v == TRUE || v == FALSE);
                }
                case NONE -> assertEquals(canonical, v == NONE);
            }
            assertNotNull(toDebugString(v));
        }
        for (Kind k : Kind.values()) assertTrue(seen[k.ordinal()] > 1_000, k + " seen " + seen[k.ordinal()]);
        assertTrue(nonCanonical > 1_000, "non-canonical words seen " + nonCanonical);
    }

    @Test
    void everyDoubleEncodesAsItselfOrTheCanonicalNan() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0002L);
        int nans = 0;
        for (int n = 0; n < N; n++) {
            double d = switch (rnd.nextInt(5)) {
                case 0 -> Double.longBitsToDouble(rnd.nextLong());                                 // any bits, ~1/2000 NaN
                case 1 -> Double.longBitsToDouble((rnd.nextLong() & 0x800F_FFFF_FFFF_FFFFL) | 0x7FF0_0000_0000_0001L);  // NaN, any sign and payload
                case 2 -> Double.longBitsToDouble(rnd.nextLong() & 0x800F_FFFF_FFFF_FFFFL);       // subnormal or zero
                case 3 -> Math.scalb(rnd.nextDouble() - 0.5, rnd.nextInt(-1080, 1030));            // any magnitude
                default -> (double) rnd.nextLong(INLINE_MIN, INLINE_MAX + 1);                      // int-valued
            };
            long v = ofDouble(d);
            assertTrue(isDouble(v));
            assertEquals(Kind.DOUBLE, kind(v));
            assertTrue(isCanonical(v));
            if (Double.isNaN(d)) {
                nans++;
                assertEquals(CANONICAL_NAN, v);
            } else {
                assertEquals(Double.doubleToRawLongBits(d), v);
                assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(asDouble(v)));
            }
        }
        assertTrue(nans > 100_000, "NaNs seen " + nans);
    }

    @Test
    void everyIntEitherFitsAndRoundTripsOrIsRejected() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0003L);
        int fit = 0;
        for (int n = 0; n < N; n++) {
            long i = switch (rnd.nextInt(3)) {
                case 0 -> rnd.nextLong();
                case 1 -> rnd.nextLong(INLINE_MIN, INLINE_MAX + 1);
                default -> (rnd.nextBoolean() ? INLINE_MIN : INLINE_MAX) + rnd.nextLong(-1000, 1001);
            };
            boolean fits = i >= -(1L << 47) && i < (1L << 47);
            assertEquals(fits, fitsInline(i), () -> Long.toString(i));
            if (fits) {
                fit++;
                long v = ofInt(i);
                assertTrue(isInt(v));
                assertEquals(i, asInt(v));
            } else if (n % 64 == 0) {  // a sample: each rejection builds a message and a stack trace
                assertThrows(IllegalArgumentException.class, () -> ofInt(i));
            }
        }
        assertTrue(fit > N / 3 && fit < N, "fitting ints " + fit);
    }

    @Test
    void everyAddressEitherRoundTripsOrIsRejected() {
        SplittableRandom rnd = new SplittableRandom(0x5EED_0004L);
        for (int n = 0; n < N; n++) {
            long a = rnd.nextBoolean() ? rnd.nextLong(1, 1L << 48) : rnd.nextLong();
            if (a > 0 && a < (1L << 48)) {
                long v = ofPointer(a);
                assertTrue(isPointer(v));
                assertEquals(a, asPointer(v));
            } else if (n % 64 == 0) {  // a sample, as above
                assertThrows(IllegalArgumentException.class, () -> ofPointer(a));
            }
        }
    }
}
