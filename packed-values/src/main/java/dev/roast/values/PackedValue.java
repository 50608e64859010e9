package dev.roast.values;

/**
 * The VM's value word: every Roast value as one NaN-boxed {@code long}, the same bits in the
 * interpreter, in machine code, on the value stack and in object fields.
 *
 * <p>Values are never Java objects; this class is only static methods and constants over the raw
 * word. A word is classified by its top 16 bits (its <em>tag</em>) alone, so each of the 2^64 words
 * has exactly one {@link Kind}:
 *
 * <pre>
 *  word (hex)                                    kind     meaning
 *  0000_0000_0000_0000 … 7FEF_FFFF_FFFF_FFFF     DOUBLE   +0.0 and the positive finite doubles
 *  7FF0_0000_0000_0000                           DOUBLE   +infinity
 *  7FF8_0000_0000_0000                           DOUBLE   NaN: the one canonical NaN
 *  7FF0_…_0001 … 7FFF_FFFF_FFFF_FFFF (others)    DOUBLE   other NaNs: never stored (see below)
 *  8000_0000_0000_0000 … FFEF_FFFF_FFFF_FFFF     DOUBLE   −0.0 and the negative finite doubles
 *  FFF0_0000_0000_0000                           DOUBLE   −infinity
 *  FFF0_…_0001 … FFFB_FFFF_FFFF_FFFF             DOUBLE   negative NaNs: never stored
 *  FFFC_pppp_pppp_pppp                           INT      p: the int, 48-bit two's complement
 *  FFFD_aaaa_aaaa_aaaa                           POINTER  a: an off-heap address, 1 … 2^48−1
 *  FFFE_0000_0000_0000                           BOOL     False
 *  FFFE_0000_0000_0001                           BOOL     True
 *  FFFF_FFFF_FFFF_FFFF  (= −1L)                  NONE     None
 * </pre>
 *
 * <p>A word the encoders below never produce (a NaN other than the canonical one, a pointer with
 * address 0, a bool or None tag with another payload) is <em>non-canonical</em>: it never exists at
 * run time, and {@link #isCanonical} tells it apart. The tag still gives it a kind, so that
 * {@link #kind} is total and no check below needs a second test.
 *
 * <p>The checks, as machine code should emit them (the Java below uses exactly these):
 *
 * <pre>
 *  is double       unsigned v &lt; 0xFFFC_0000_0000_0000     (or v &gt;&gt;&gt; 48 &lt; 0xFFFC)
 *  is int          v &gt;&gt;&gt; 48 == 0xFFFC                      (or v &gt;&gt; 48 == −4, an imm8)
 *  is pointer      v &gt;&gt;&gt; 48 == 0xFFFD
 *  is bool         v &gt;&gt;&gt; 48 == 0xFFFE                      (canonical: v == TRUE || v == FALSE)
 *  is None         v &gt;&gt;&gt; 48 == 0xFFFF                      (canonical: v == −1, cmp r, −1)
 *  int payload     (v &lt;&lt; 16) &gt;&gt; 16                         shl 16; sar 16
 *  fits inline     (i &lt;&lt; 16) &gt;&gt; 16 == i
 *  encode int      (i &amp; 0xFFFF_FFFF_FFFF) | 0xFFFC_0000_0000_0000
 *  address         v &amp; 0xFFFF_FFFF_FFFF                    (or v − 0xFFFD_0000_0000_0000)
 *  encode pointer  a | 0xFFFD_0000_0000_0000
 *  bool value      v &amp; 1                                   test r, 1
 *  encode double   d != d ? 0x7FF8_0000_0000_0000 : bits(d)  ucomisd x, x; jp → canonical
 *  decode double   the word's bits as they are               movq xmm, r
 * </pre>
 *
 * <p>Why the tags sit at the very top: the tagged kinds fill the tag space with no hole, so "is
 * double" is one unsigned compare and every word has a kind. The 0xFFF8…0xFFFB tags between the
 * doubles and the first tag are NaNs: x86's default NaN (0xFFF8_0000_0000_0000, what SSE arithmetic
 * and a negated canonical NaN give) lands there, so a double that missed canonicalisation is still
 * a double, never a forged int or pointer. Every double must still go through {@link #ofDouble}
 * (one NaN keeps identity and hashing simple); the margin is safety, not licence. INT sits next to
 * DOUBLE, so "is a number" is one compare too (unsigned v &lt; 0xFFFD_0000_0000_0000), and None is
 * all ones so machine code tests it with a one-byte immediate.
 *
 * <p>Ints: an int that fits in 48 bits is always inline; only the others are boxed (a heap object
 * reached by a pointer). One representation per int value keeps int equality simple.
 *
 * <p>Int arithmetic: {@link #addExact48}, {@link #subExact48} and {@link #mulExact48} take two
 * ints (any 64-bit values: an inline payload or a boxed one) and return the exact result when it
 * fits inline, else the sentinel {@link #NOT_INLINE}. The sentinel is {@link Long#MIN_VALUE}, which
 * is outside the inline range and so never a real result; it costs no allocation, no exception (a
 * thrown exception would make C2 deoptimise a hot loop that overflows often) and no second return
 * value. The rare slow path recomputes with {@link Math}'s exact operations:
 *
 * <pre>{@code
 * long r = PackedValue.addExact48(x, y);
 * if (r != PackedValue.NOT_INLINE) push(PackedValue.ofInt(r));
 * else push(box(Math.addExact(x, y)));  // ArithmeticException -> OverflowError: integer overflow
 * }</pre>
 *
 * <p>Every method is a few bytecodes so that C2 inlines it; the decoders do not check their argument's
 * kind (the caller has tested the tag): even an {@code assert} made them too big for C2's trivial-size
 * inlining, which the launcher widens so that the dispatch loop's helpers inline past C2's node budget
 * (docs/architecture.md, "Dispatch").
 */
public final class PackedValue {
    private PackedValue() {}

    /** What a word holds; {@link #kind} gives every word exactly one. */
    public enum Kind { DOUBLE, INT, POINTER, BOOL, NONE }

    // ---- Layout: the constants machine code needs to emit the checks above. ----

    /** The tag is the word's top 16 bits: {@code v >>> TAG_SHIFT}. */
    public static final int TAG_SHIFT = 48;
    /** The 48 payload bits below the tag. */
    public static final long PAYLOAD_MASK = 0x0000_FFFF_FFFF_FFFFL;

    /** Tags (the top 16 bits) of the tagged kinds; everything below {@link #INT_TAG} is a double. */
    public static final int INT_TAG = 0xFFFC, POINTER_TAG = 0xFFFD, BOOL_TAG = 0xFFFE, NONE_TAG = 0xFFFF;

    /** The first word that is not a double: a word is a double iff it is unsigned-below this. */
    public static final long DOUBLE_LIMIT = 0xFFFC_0000_0000_0000L;
    /** The int tag in place, to OR onto a 48-bit payload. */
    public static final long INT_TAG_BITS = 0xFFFC_0000_0000_0000L;
    /** The pointer tag in place, to OR onto an address. */
    public static final long POINTER_TAG_BITS = 0xFFFD_0000_0000_0000L;

    /** The one NaN word: Java's (and the JVM's) canonical NaN bits. */
    public static final long CANONICAL_NAN = 0x7FF8_0000_0000_0000L;
    /** False and True; they differ only in the low bit, which is the bool's value. */
    public static final long FALSE = 0xFFFE_0000_0000_0000L, TRUE = 0xFFFE_0000_0000_0001L;
    /** None: all ones, so that machine code compares with a sign-extended one-byte immediate. */
    public static final long NONE = 0xFFFF_FFFF_FFFF_FFFFL;

    /**
     * Marks an unassigned field, cell, local or missing dict entry; never a value. A non-canonical word
     * under the bool tag that no encoder produces, so it can never be confused with a real value:
     * test it with {@code v == UNBOUND} before classifying a word that may hold it ({@link #kind} says
     * BOOL, {@link #isCanonical} says false). Not a pointer, so the GC ignores it.
     */
    public static final long UNBOUND = 0xFFFE_0000_0000_0002L;

    /** The inline int range, −2^47 … 2^47−1. */
    public static final long INLINE_MIN = -(1L << 47), INLINE_MAX = (1L << 47) - 1;
    /** What the {@code *Exact48} helpers return when the exact result does not fit inline. */
    public static final long NOT_INLINE = Long.MIN_VALUE;

    // ---- Classification. ----

    /** Kind tests, by tag alone: exactly one is true for any word. */
    public static boolean isDouble(long v) { return Long.compareUnsigned(v, DOUBLE_LIMIT) < 0; }

    public static boolean isInt(long v) { return v >>> TAG_SHIFT == INT_TAG; }

    public static boolean isPointer(long v) { return v >>> TAG_SHIFT == POINTER_TAG; }

    public static boolean isBool(long v) { return v >>> TAG_SHIFT == BOOL_TAG; }

    public static boolean isNone(long v) { return v >>> TAG_SHIFT == NONE_TAG; }

    /** The kind of any word (total: defined for all 2^64 words, consistent with the is-tests). */
    public static Kind kind(long v) {
        if (isDouble(v)) return Kind.DOUBLE;
        if (isInt(v)) return Kind.INT;
        if (isPointer(v)) return Kind.POINTER;
        if (isBool(v)) return Kind.BOOL;
        return Kind.NONE;  // the only tag left above DOUBLE_LIMIT is NONE_TAG
    }

    /** Whether an encoder can produce this word; the VM never holds any other (for checks and tests). */
    public static boolean isCanonical(long v) {
        return switch (kind(v)) {
            case DOUBLE -> v == CANONICAL_NAN || !Double.isNaN(Double.longBitsToDouble(v));
            case INT -> true;  // every payload is an int
            case POINTER -> (v & PAYLOAD_MASK) != 0;
            case BOOL -> v == FALSE || v == TRUE;
            case NONE -> v == NONE;
        };
    }

    // ---- Doubles. ----

    /** Encodes a double as its own bits; every NaN, whatever its sign and payload, becomes {@link #CANONICAL_NAN}. */
    public static long ofDouble(double d) {
        // d != d only for NaN; its payload could otherwise reach into the tag space.
        return d != d ? CANONICAL_NAN : Double.doubleToRawLongBits(d);
    }

    /** Decodes a double word: its bits, unchanged. */
    public static double asDouble(long v) {
        return Double.longBitsToDouble(v);
    }

    // ---- Inline ints. ----

    /** Whether an int fits inline (48-bit two's complement): sign-extending its low 48 bits gives it back. */
    public static boolean fitsInline(long i) { return (i << 16) >> 16 == i; }

    /** Encodes an inline int; throws if it does not fit, because such an int must be boxed by the caller. */
    public static long ofInt(long i) {
        if (!fitsInline(i)) throw notInline(i);
        return (i & PAYLOAD_MASK) | INT_TAG_BITS;
    }

    /** Decodes an inline int: sign-extends the 48-bit payload (the tag is shifted out). */
    public static long asInt(long v) {
        return (v << 16) >> 16;
    }

    // Kept out of ofInt so that its bytecode stays small enough to inline everywhere.
    private static IllegalArgumentException notInline(long i) {
        return new IllegalArgumentException(
                "int " + i + " does not fit inline (" + INLINE_MIN + " … " + INLINE_MAX + "); box it");
    }

    // ---- Inline int arithmetic: exact result if it fits inline, else NOT_INLINE. ----

    /** {@code a + b} if the exact sum fits inline, else {@link #NOT_INLINE}; exact for any 64-bit a and b. */
    public static long addExact48(long a, long b) {
        long r = a + b;
        // The sum wrapped past 64 bits iff both operands' signs differ from r's; a wrapped r may look
        // small (Long.MAX_VALUE + Long.MAX_VALUE == -2), so that must be caught as well.
        if (((a ^ r) & (b ^ r)) < 0 || !fitsInline(r)) r = NOT_INLINE;
        return r;  // (written as an assignment, not ?:, to stay within C2's 35-byte MaxInlineSize)
    }

    /** {@code a - b} if the exact difference fits inline, else {@link #NOT_INLINE}; exact for any 64-bit a and b. */
    public static long subExact48(long a, long b) {
        long r = a - b;
        // Wrapped iff a and b have different signs and r's sign differs from a's.
        if (((a ^ b) & (a ^ r)) < 0 || !fitsInline(r)) r = NOT_INLINE;
        return r;
    }

    /** {@code a * b} if the exact product fits inline, else {@link #NOT_INLINE}; exact for any 64-bit a and b. */
    public static long mulExact48(long a, long b) {
        long lo = a * b;
        // multiplyHigh is the top half of the 128-bit product (one x86 imul): the product fits in
        // 64 bits iff that half is lo's sign extension.
        if (Math.multiplyHigh(a, b) != (lo >> 63) || !fitsInline(lo)) lo = NOT_INLINE;
        return lo;
    }

    // ---- Pointers. ----

    /** Encodes an off-heap address; it must be non-zero and fit in 48 bits. */
    public static long ofPointer(long address) {
        if (address <= 0 || address > PAYLOAD_MASK) throw badAddress(address);
        return address | POINTER_TAG_BITS;
    }

    /** Decodes a pointer word to its address. */
    public static long asPointer(long v) {
        return v & PAYLOAD_MASK;
    }

    private static IllegalArgumentException badAddress(long address) {
        return new IllegalArgumentException(
                "address 0x" + Long.toHexString(address) + " is not a pointer: must be 1 … 0xffffffffffff");
    }

    // ---- Bool. ----

    /** Encodes a bool as {@link #TRUE} or {@link #FALSE}. */
    public static long ofBool(boolean b) { return b ? TRUE : FALSE; }

    /** Decodes a bool word: its low bit. */
    public static boolean asBool(long v) {
        return (v & 1) != 0;
    }

    // ---- Debugging. ----

    /** A human-readable form for logs, tests and debuggers: {@code int 42}, {@code float -0.0}, {@code ptr 0x1000}, {@code True}, {@code None}. */
    public static String toDebugString(long v) {
        if (!isCanonical(v)) return "<non-canonical " + kind(v) + " word 0x" + Long.toHexString(v) + ">";
        return switch (kind(v)) {
            case DOUBLE -> "float " + asDouble(v);
            case INT -> "int " + asInt(v);
            case POINTER -> "ptr 0x" + Long.toHexString(asPointer(v));
            case BOOL -> asBool(v) ? "True" : "False";
            case NONE -> "None";
        };
    }
}
