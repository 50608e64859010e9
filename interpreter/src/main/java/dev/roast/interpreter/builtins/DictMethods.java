package dev.roast.interpreter.builtins;

import dev.roast.frontend.hir.BuiltinMethod;
import dev.roast.heap.DictObj;
import dev.roast.heap.HandleScope;
import dev.roast.heap.Heap;
import dev.roast.interpreter.PyError;
import dev.roast.interpreter.values.Context;
import dev.roast.interpreter.values.Dicts;
import dev.roast.interpreter.values.Items;
import dev.roast.interpreter.values.Kinds;
import dev.roast.interpreter.values.Views;
import dev.roast.values.PackedValue;

/** The methods of dict (spec §9). */
public final class DictMethods {
    private DictMethods() {}

    public static long call(Context c, BuiltinMethod m, long self, Args a) {
        Heap heap = c.heap();
        long d = Kinds.addr(self);
        String name = m.pyName;
        if (m != BuiltinMethod.DICT_UPDATE) a.onlyKeywords(name);
        switch (m) {
            case DICT_GET -> {
                a.count(name, 1, 2);
                long v = Dicts.get(c, d, a.get(0));
                return v != PackedValue.UNBOUND ? v : a.get(1, PackedValue.NONE);
            }
            case DICT_KEYS -> {
                a.count(name, 0, 0);
                return Views.keys(heap, d);
            }
            case DICT_VALUES -> {
                a.count(name, 0, 0);
                return Views.values(heap, d);
            }
            case DICT_POP -> {
                a.count(name, 1, 2);
                long v = Dicts.remove(c, d, a.get(0));
                if (v != PackedValue.UNBOUND) return v;
                if (a.count() == 2) return a.get(1);
                throw Items.keyError(c, a.get(0));
            }
            case DICT_SETDEFAULT -> {
                a.count(name, 1, 2);
                long v = Dicts.get(c, d, a.get(0));
                if (v != PackedValue.UNBOUND) return v;
                long dflt = a.get(1, PackedValue.NONE);
                Dicts.put(c, d, a.get(0), dflt);
                return dflt;
            }
            case DICT_UPDATE -> {
                a.count(name, 0, 1);
                if (a.count() == 1) {
                    long other = a.get(0);
                    if (!Kinds.isDict(other)) {
                        throw new PyError("TypeError", "'" + Kinds.typeName(c, other) + "' object is not iterable");
                    }
                    long o = Kinds.addr(other);
                    for (long p = DictObj.nextLive(o, 0); p >= 0; p = DictObj.nextLive(o, p + 1)) {
                        Dicts.put(c, d, DictObj.keyAt(o, p), DictObj.valueAt(o, p));
                    }
                }
                if (a.keywordNames().length > 0) {
                    HandleScope hs = heap.handles();
                    int mark = hs.mark();
                    try {
                        for (int k = 0; k < a.keywordNames().length; k++) {
                            long key = PackedValue.ofPointer(dev.roast.heap.Str.of(heap, a.keywordNames()[k]));
                            Dicts.put(c, d, key, a.keywords()[k]);
                        }
                    } finally {
                        hs.reset(mark);
                    }
                }
            }
            case DICT_COPY -> {
                a.count(name, 0, 0);
                return PackedValue.ofPointer(DictObj.copy(heap, d));
            }
            case DICT_CLEAR -> {
                a.count(name, 0, 0);
                DictObj.clear(d);
            }
            default -> throw new PyError("NotImplementedError", "dict." + name + " is not supported yet");
        }
        return PackedValue.NONE;
    }
}
