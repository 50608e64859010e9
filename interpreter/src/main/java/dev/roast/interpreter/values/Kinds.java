package dev.roast.interpreter.values;

import dev.roast.heap.BoxedInt;
import dev.roast.heap.Header;
import dev.roast.heap.Heap;
import dev.roast.heap.IteratorObj;
import dev.roast.heap.ObjectKind;
import dev.roast.values.PackedValue;

/** What a value word is: its heap kind, Python type name, and int helpers (inline and boxed ints alike). */
public final class Kinds {
    private Kinds() {}

    /** The heap kind of a POINTER word, or -1 for every other word. */
    public static int kind(long v) {
        return PackedValue.isPointer(v) ? Header.kind(v & PackedValue.PAYLOAD_MASK) : -1;
    }

    public static long addr(long v) { return v & PackedValue.PAYLOAD_MASK; }

    public static boolean isStr(long v) { return kind(v) == ObjectKind.STR; }

    public static boolean isList(long v) { return kind(v) == ObjectKind.LIST; }

    public static boolean isDict(long v) { return kind(v) == ObjectKind.DICT; }

    /** An int (inline or boxed); never a bool. */
    public static boolean isInt(long v) { return PackedValue.isInt(v) || kind(v) == ObjectKind.BOXED_INT; }

    public static boolean isFloat(long v) { return PackedValue.isDouble(v); }

    /** An int or a float (not a bool). */
    public static boolean isNumber(long v) { return isFloat(v) || isInt(v); }

    public static long intValue(long v) {
        return PackedValue.isInt(v) ? PackedValue.asInt(v) : BoxedInt.value(addr(v));
    }

    /** The int's word: inline when it fits, else boxed (allocates). */
    public static long intWord(Heap heap, long i) {
        return PackedValue.fitsInline(i) ? PackedValue.ofInt(i) : PackedValue.ofPointer(BoxedInt.alloc(heap, i));
    }

    /** An int or float as a double (ints convert). */
    public static double toDouble(long v) {
        return isFloat(v) ? PackedValue.asDouble(v) : (double) intValue(v);
    }

    /** Python's type name: int, float, bool, str, NoneType, list, dict, range, function, the class name... */
    public static String typeName(Context c, long v) {
        if (PackedValue.isInt(v)) return "int";
        if (PackedValue.isDouble(v)) return "float";
        if (PackedValue.isBool(v)) return "bool";
        if (!PackedValue.isPointer(v)) return "NoneType";
        long a = addr(v);
        return switch (Header.kind(a)) {
            case ObjectKind.BOXED_INT -> "int";
            case ObjectKind.STR -> "str";
            case ObjectKind.LIST -> "list";
            case ObjectKind.DICT -> "dict";
            case ObjectKind.RANGE -> "range";
            case ObjectKind.INSTANCE, ObjectKind.EXCEPTION -> c.className(a);
            case ObjectKind.FUNCTION -> BuiltinRefs.isRef(v) ? "builtin_function_or_method" : "function";
            case ObjectKind.BOUND_METHOD -> "method";
            case ObjectKind.ITERATOR -> IteratorObj.what(a) == IteratorObj.DICT_VALUES ? "dict_values" : "dict_keys";
            default -> ObjectKind.name(Header.kind(a)).toLowerCase();
        };
    }

    /** Python truthiness. */
    public static boolean truth(long v) {
        if (v == PackedValue.TRUE) return true;
        if (v == PackedValue.FALSE || v == PackedValue.NONE) return false;
        if (PackedValue.isInt(v)) return PackedValue.asInt(v) != 0;
        if (PackedValue.isDouble(v)) return PackedValue.asDouble(v) != 0.0;
        long a = addr(v);
        return switch (Header.kind(a)) {
            case ObjectKind.STR -> dev.roast.heap.Str.length(a) != 0;
            case ObjectKind.LIST -> dev.roast.heap.ListObj.length(a) != 0;
            case ObjectKind.DICT -> dev.roast.heap.DictObj.size(a) != 0;
            case ObjectKind.RANGE -> dev.roast.heap.RangeObj.length(a) != 0;
            case ObjectKind.BOXED_INT -> true;
            case ObjectKind.ITERATOR -> Views.length(a) != 0;
            default -> true;
        };
    }
}
