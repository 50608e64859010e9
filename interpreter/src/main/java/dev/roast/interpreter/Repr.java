package dev.roast.interpreter;

import dev.roast.heap.BoxedInt;
import dev.roast.heap.Header;
import dev.roast.heap.ObjectKind;
import dev.roast.heap.Str;
import dev.roast.runtime.format.FloatRepr;
import dev.roast.runtime.format.StrRepr;
import dev.roast.values.PackedValue;

/** Python's `str()` and `repr()` of a value, as Java text. */
final class Repr {
    private Repr() {}

    static String str(long v) {
        if (PackedValue.isPointer(v) && Header.kind(PackedValue.asPointer(v)) == ObjectKind.STR) {
            return Str.toJavaString(PackedValue.asPointer(v));
        }
        return repr(v);
    }

    static String repr(long v) {
        if (PackedValue.isInt(v)) return Long.toString(PackedValue.asInt(v));
        if (PackedValue.isDouble(v)) return FloatRepr.repr(PackedValue.asDouble(v));
        if (v == PackedValue.TRUE) return "True";
        if (v == PackedValue.FALSE) return "False";
        if (v == PackedValue.NONE) return "None";
        long a = PackedValue.asPointer(v);
        return switch (Header.kind(a)) {
            case ObjectKind.STR -> StrRepr.repr(Str.toJavaString(a));
            case ObjectKind.BOXED_INT -> Long.toString(BoxedInt.value(a));
            default -> throw new UnsupportedOperationException("str() of " + ObjectKind.name(Header.kind(a)) + " is not implemented in the interpreter yet");
        };
    }
}
