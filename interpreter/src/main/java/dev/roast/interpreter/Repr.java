package dev.roast.interpreter;

import dev.roast.interpreter.values.Text;

/** Python's `str()` and `repr()` of a value, as Java text (the work is in {@code values.Text}). */
final class Repr {
    private Repr() {}

    static String str(Runtime rt, long v) { return Text.str(rt.values, v); }

    static String repr(Runtime rt, long v) { return Text.repr(rt.values, v); }

    /** As {@link #str(Runtime, long)} with the current runtime (the VM is single-threaded). */
    static String str(long v) { return Text.str(ValueOps.current, v); }

    static String repr(long v) { return Text.repr(ValueOps.current, v); }
}
