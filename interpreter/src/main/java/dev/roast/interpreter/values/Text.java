package dev.roast.interpreter.values;

import dev.roast.heap.BoxedInt;
import dev.roast.heap.DictObj;
import dev.roast.heap.Header;
import dev.roast.heap.IteratorObj;
import dev.roast.heap.ListObj;
import dev.roast.heap.ObjectKind;
import dev.roast.heap.RangeObj;
import dev.roast.heap.Str;
import dev.roast.runtime.format.FloatRepr;
import dev.roast.runtime.format.StrRepr;
import dev.roast.values.PackedValue;

import java.util.Map;

/** Python's `str()`, `repr()` and `ascii()` of any value, as Java text. */
public final class Text {
    private Text() {}

    public static String str(Context c, long v) {
        if (Kinds.isStr(v)) return Str.toJavaString(Kinds.addr(v));
        int k = Kinds.kind(v);
        if (k == ObjectKind.INSTANCE || k == ObjectKind.EXCEPTION) return c.instanceText(v, false);
        return repr(c, v);
    }

    public static String repr(Context c, long v) {
        var sb = new StringBuilder();
        repr(c, v, sb, null);
        return sb.toString();
    }

    /** `ascii()`: repr with every non-ASCII character escaped. */
    public static String ascii(Context c, long v) {
        String r = repr(c, v);
        var sb = new StringBuilder(r.length());
        r.codePoints().forEach(cp -> {
            if (cp < 0x80) sb.append((char) cp);
            else if (cp < 0x100) sb.append(String.format("\\x%02x", cp));
            else if (cp < 0x10000) sb.append(String.format("\\u%04x", cp));
            else sb.append(String.format("\\U%08x", cp));
        });
        return sb.toString();
    }

    private static void repr(Context c, long v, StringBuilder sb, Map<Long, Boolean> active) {
        if (PackedValue.isInt(v)) { sb.append(PackedValue.asInt(v)); return; }
        if (PackedValue.isDouble(v)) { sb.append(FloatRepr.repr(PackedValue.asDouble(v))); return; }
        if (v == PackedValue.TRUE) { sb.append("True"); return; }
        if (v == PackedValue.FALSE) { sb.append("False"); return; }
        if (!PackedValue.isPointer(v)) { sb.append("None"); return; }
        long a = Kinds.addr(v);
        switch (Header.kind(a)) {
            case ObjectKind.STR -> sb.append(StrRepr.repr(Str.toJavaString(a)));
            case ObjectKind.BOXED_INT -> sb.append(BoxedInt.value(a));
            case ObjectKind.LIST -> {
                if (active == null) active = new java.util.HashMap<>();
                if (active.putIfAbsent(a, Boolean.TRUE) != null) { sb.append("[...]"); return; }
                sb.append('[');
                for (long i = 0; i < ListObj.length(a); i++) {
                    if (i > 0) sb.append(", ");
                    repr(c, ListObj.get(a, i), sb, active);
                }
                sb.append(']');
                active.remove(a);
            }
            case ObjectKind.DICT -> {
                if (active == null) active = new java.util.HashMap<>();
                if (active.putIfAbsent(a, Boolean.TRUE) != null) { sb.append("{...}"); return; }
                sb.append('{');
                boolean first = true;
                for (long p = DictObj.nextLive(a, 0); p >= 0; p = DictObj.nextLive(a, p + 1)) {
                    if (!first) sb.append(", ");
                    first = false;
                    repr(c, DictObj.keyAt(a, p), sb, active);
                    sb.append(": ");
                    repr(c, DictObj.valueAt(a, p), sb, active);
                }
                sb.append('}');
                active.remove(a);
            }
            case ObjectKind.RANGE -> {
                sb.append("range(").append(RangeObj.start(a)).append(", ").append(RangeObj.stop(a));
                if (RangeObj.step(a) != 1) sb.append(", ").append(RangeObj.step(a));
                sb.append(')');
            }
            case ObjectKind.ITERATOR -> {
                long d = Views.dict(a);
                sb.append(Views.isValues(a) ? "dict_values([" : "dict_keys([");
                boolean first = true;
                for (long p = DictObj.nextLive(d, 0); p >= 0; p = DictObj.nextLive(d, p + 1)) {
                    if (!first) sb.append(", ");
                    first = false;
                    repr(c, Views.isValues(a) ? DictObj.valueAt(d, p) : DictObj.keyAt(d, p), sb, active);
                }
                sb.append("])");
            }
            case ObjectKind.INSTANCE, ObjectKind.EXCEPTION -> sb.append(c.instanceText(v, true));
            case ObjectKind.FUNCTION, ObjectKind.BOUND_METHOD -> sb.append(c.functionText(v));
            default -> sb.append('<').append(ObjectKind.name(Header.kind(a)).toLowerCase()).append(" object>");
        }
    }

    /** Unused guard so IteratorObj stays referenced for readers of this class. */
    static int viewKind(long a) { return IteratorObj.what(a); }
}
