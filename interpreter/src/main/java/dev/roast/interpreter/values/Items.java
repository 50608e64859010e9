package dev.roast.interpreter.values;

import dev.roast.heap.DictObj;
import dev.roast.heap.Heap;
import dev.roast.heap.ListObj;
import dev.roast.heap.ObjectKind;
import dev.roast.heap.RangeObj;
import dev.roast.heap.Str;
import dev.roast.interpreter.PyError;
import dev.roast.values.PackedValue;

/** `x[i]`, `x[i] = v` and `del x[i]` on lists, strs, dicts, ranges and `any` values. */
public final class Items {
    private Items() {}

    public static long get(Context c, long obj, long index) {
        return switch (Kinds.kind(obj)) {
            case ObjectKind.LIST -> getList(c, Kinds.addr(obj), index);
            case ObjectKind.STR -> getStr(c, Kinds.addr(obj), index);
            case ObjectKind.DICT -> getDict(c, Kinds.addr(obj), index);
            case ObjectKind.RANGE -> getRange(c, Kinds.addr(obj), index);
            default -> throw new PyError("TypeError", "'" + Kinds.typeName(c, obj) + "' object is not subscriptable");
        };
    }

    public static void set(Context c, long obj, long index, long value) {
        switch (Kinds.kind(obj)) {
            case ObjectKind.LIST -> setList(c, Kinds.addr(obj), index, value);
            case ObjectKind.DICT -> setDict(c, Kinds.addr(obj), index, value);
            default -> {
                if (obj == PackedValue.NONE || Kinds.isNumber(obj) || PackedValue.isBool(obj)) {
                    throw new PyError("TypeError", "'" + Kinds.typeName(c, obj) + "' object is not subscriptable");
                }
                throw new PyError("TypeError", "'" + Kinds.typeName(c, obj) + "' object does not support item assignment");
            }
        }
    }

    public static void delete(Context c, long obj, long index) {
        switch (Kinds.kind(obj)) {
            case ObjectKind.LIST -> {
                long list = Kinds.addr(obj);
                long i = normalize(c, index, ListObj.length(list), "list", "list assignment index out of range");
                ListObj.pop(list, i);
            }
            case ObjectKind.DICT -> {
                long v = Dicts.remove(c, Kinds.addr(obj), index);
                if (v == PackedValue.UNBOUND) throw keyError(c, index);
            }
            default -> {
                if (obj == PackedValue.NONE || Kinds.isNumber(obj) || PackedValue.isBool(obj)) {
                    throw new PyError("TypeError", "'" + Kinds.typeName(c, obj) + "' object is not subscriptable");
                }
                throw new PyError("TypeError", "'" + Kinds.typeName(c, obj) + "' object doesn't support item deletion");
            }
        }
    }

    public static long getList(Context c, long list, long index) {
        return ListObj.get(list, normalize(c, index, ListObj.length(list), "list", "list index out of range"));
    }

    public static void setList(Context c, long list, long index, long value) {
        ListObj.set(list, normalize(c, index, ListObj.length(list), "list", "list assignment index out of range"), value);
    }

    public static long getStr(Context c, long s, long index) {
        int i = (int) normalize(c, index, Str.length(s), "string", "string index out of range");
        int cp = Str.codePointAt(s, i);
        Heap heap = c.heap();
        return PackedValue.ofPointer(cp < 0x100 ? heap.latin1Char(cp) : Str.ofCodePoint(heap, cp));
    }

    public static long getDict(Context c, long d, long key) {
        long v = Dicts.get(c, d, key);
        if (v == PackedValue.UNBOUND) throw keyError(c, key);
        return v;
    }

    public static void setDict(Context c, long d, long key, long value) {
        Dicts.put(c, d, key, value);
    }

    public static long getRange(Context c, long r, long index) {
        long i = normalize(c, index, RangeObj.length(r), "range object", "range object index out of range");
        return Kinds.intWord(c.heap(), RangeObj.get(r, i));
    }

    public static PyError keyError(Context c, long key) {
        return new PyError("KeyError", Text.repr(c, key));
    }

    /** A Python index (negative counts from the end) checked against {@code length}. */
    public static long normalize(Context c, long index, long length, String what, String outOfRange) {
        if (!Kinds.isInt(index)) {
            String t = what.equals("string") ? "string" : what.equals("range object") ? "range" : what;
            throw new PyError("TypeError", t + " indices must be integers" + (t.equals("range") ? " or slices" : " or slices")
                    + ", not " + Kinds.typeName(c, index));
        }
        long i = Kinds.intValue(index);
        if (i < 0) i += length;
        if (i < 0 || i >= length) throw new PyError("IndexError", outOfRange);
        return i;
    }
}
