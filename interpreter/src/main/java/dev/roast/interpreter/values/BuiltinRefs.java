package dev.roast.interpreter.values;

import dev.roast.frontend.hir.Builtin;
import dev.roast.heap.FunctionObj;
import dev.roast.heap.Header;
import dev.roast.heap.Heap;
import dev.roast.heap.ObjectKind;
import dev.roast.values.PackedValue;

/**
 * A builtin function used as a value (`key=len`, `isinstance(x, int)`): a FUNCTION object with no
 * cells whose function id is {@code -1 - builtin.ordinal()} (real functions have ids ≥ 0).
 */
public final class BuiltinRefs {
    private BuiltinRefs() {}

    public static long alloc(Heap heap, Builtin b) {
        return PackedValue.ofPointer(FunctionObj.alloc(heap, -1L - b.ordinal(), 0));
    }

    public static boolean isRef(long v) {
        return PackedValue.isPointer(v) && Header.kind(v & PackedValue.PAYLOAD_MASK) == ObjectKind.FUNCTION
                && FunctionObj.functionId(v & PackedValue.PAYLOAD_MASK) < 0;
    }

    /** The builtin a word refers to, or null if it is not a builtin ref. */
    public static Builtin builtinOf(long v) {
        if (!isRef(v)) return null;
        return Builtin.values()[(int) (-1L - FunctionObj.functionId(v & PackedValue.PAYLOAD_MASK))];
    }
}
