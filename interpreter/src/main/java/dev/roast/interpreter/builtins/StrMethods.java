package dev.roast.interpreter.builtins;

import dev.roast.frontend.hir.BuiltinMethod;
import dev.roast.heap.HandleScope;
import dev.roast.heap.Heap;
import dev.roast.heap.ListObj;
import dev.roast.heap.Str;
import dev.roast.interpreter.PyError;
import dev.roast.interpreter.values.Context;
import dev.roast.interpreter.values.Iteration;
import dev.roast.interpreter.values.Kinds;
import dev.roast.interpreter.values.Strings;
import dev.roast.values.PackedValue;
import java.util.Locale;

/** The methods of str (spec §9) with Python's behaviour. */
public final class StrMethods {
    private StrMethods() {}

    public static long call(Context c, BuiltinMethod m, long self, Args a) {
        Heap heap = c.heap();
        long s = Kinds.addr(self);
        String name = m.pyName;
        return switch (m) {
            case STR_SPLIT -> split(c, s, a.onlyKeywords(name, "sep", "maxsplit").count(name, 0, 2));
            case STR_JOIN -> join(c, s, a.count(name, 1, 1).get(0));
            case STR_STRIP, STR_LSTRIP, STR_RSTRIP -> strip(c, m, s, a.count(name, 0, 1));
            case STR_STARTSWITH, STR_ENDSWITH -> {
                a.count(name, 1, 3);
                int[] cps = Strings.codePoints(s);
                int start = Strings.clampStart(a.count() > 1 && a.get(1) != PackedValue.NONE ? Args.intArg(c, a.get(1), name) : 0, cps.length);
                int end = Strings.clampEnd(a.count() > 2 && a.get(2) != PackedValue.NONE ? Args.intArg(c, a.get(2), name) : cps.length, cps.length);
                if (!Kinds.isStr(a.get(0))) {
                    throw new PyError("TypeError", name + " first arg must be str or a tuple of str, not " + Kinds.typeName(c, a.get(0)));
                }
                int[] p = Strings.codePoints(Kinds.addr(a.get(0)));
                if (end - start < p.length || start > cps.length) yield PackedValue.FALSE;
                int at = m == BuiltinMethod.STR_STARTSWITH ? start : end - p.length;
                for (int j = 0; j < p.length; j++) if (cps[at + j] != p[j]) yield PackedValue.FALSE;
                yield PackedValue.TRUE;
            }
            case STR_FIND, STR_COUNT, STR_INDEX -> {
                a.count(name, 1, 3);
                int[] cps = Strings.codePoints(s);
                long startArg = a.count() > 1 && a.get(1) != PackedValue.NONE ? Args.intArg(c, a.get(1), name) : 0;
                long endArg = a.count() > 2 && a.get(2) != PackedValue.NONE ? Args.intArg(c, a.get(2), name) : cps.length;
                int start = Strings.clampStart(startArg, cps.length), end = Strings.clampEnd(endArg, cps.length);
                Args.strArg(c, a.get(0), "");
                int[] sub = Strings.codePoints(Kinds.addr(a.get(0)));
                if (m == BuiltinMethod.STR_COUNT) {
                    if (start > cps.length || end - start < sub.length) yield PackedValue.ofInt(0);
                    if (sub.length == 0) yield PackedValue.ofInt(end - start + 1);
                    int n = 0;
                    for (int i = Strings.find(cps, sub, start, end); i >= 0; i = Strings.find(cps, sub, i + sub.length, end)) n++;
                    yield PackedValue.ofInt(n);
                }
                int i = start > cps.length ? -1 : Strings.find(cps, sub, start, end);
                if (i < 0 && m == BuiltinMethod.STR_INDEX) throw new PyError("ValueError", "substring not found");
                yield PackedValue.ofInt(i);
            }
            case STR_REPLACE -> replace(c, s, a.count(name, 2, 3));
            case STR_UPPER -> Strings.word(heap, Str.toJavaString(s).toUpperCase(Locale.ROOT));
            case STR_LOWER -> Strings.word(heap, Str.toJavaString(s).toLowerCase(Locale.ROOT));
            case STR_ISDIGIT, STR_ISALPHA, STR_ISSPACE -> {
                a.count(name, 0, 0);
                int n = Str.length(s);
                boolean all = n > 0;
                for (int i = 0; i < n && all; i++) {
                    int cp = Str.codePointAt(s, i);
                    all = m == BuiltinMethod.STR_ISDIGIT ? Strings.isDigit(cp)
                            : m == BuiltinMethod.STR_ISALPHA ? Character.isLetter(cp) : Strings.isSpace(cp);
                }
                yield PackedValue.ofBool(all);
            }
            default -> throw new PyError("NotImplementedError", "str." + name + " is not supported yet");
        };
    }

    private static long split(Context c, long s, Args a) {
        Heap heap = c.heap();
        long sepWord = a.count() > 0 ? a.get(0) : a.keyword("sep");
        long maxWord = a.count() > 1 ? a.get(1) : a.keyword("maxsplit");
        long max = maxWord == PackedValue.UNBOUND ? -1 : Args.intArg(c, maxWord, "maxsplit");
        if (max < 0) max = Long.MAX_VALUE;
        int[] cps = Strings.codePoints(s);
        HandleScope hs = heap.handles();
        int mark = hs.mark();
        try {
            long list = ListObj.alloc(heap, 0);
            hs.pushAddress(list);
            if (sepWord == PackedValue.UNBOUND || sepWord == PackedValue.NONE) {
                int i = 0, n = cps.length;
                long splits = 0;
                while (true) {
                    while (i < n && Strings.isSpace(cps[i])) i++;
                    if (i >= n) break;
                    if (splits >= max) {
                        int e = n;
                        while (e > i && Strings.isSpace(cps[e - 1])) e--;
                        ListObj.append(heap, list, Strings.word(heap, cps, i, e));
                        break;
                    }
                    int j = i;
                    while (j < n && !Strings.isSpace(cps[j])) j++;
                    ListObj.append(heap, list, Strings.word(heap, cps, i, j));
                    splits++;
                    i = j;
                }
            } else {
                Args.strArg(c, sepWord, "");
                int[] sep = Strings.codePoints(Kinds.addr(sepWord));
                if (sep.length == 0) throw new PyError("ValueError", "empty separator");
                int i = 0;
                long splits = 0;
                while (splits < max) {
                    int j = Strings.find(cps, sep, i, cps.length);
                    if (j < 0) break;
                    ListObj.append(heap, list, Strings.word(heap, cps, i, j));
                    i = j + sep.length;
                    splits++;
                }
                ListObj.append(heap, list, Strings.word(heap, cps, i, cps.length));
            }
            return PackedValue.ofPointer(list);
        } finally {
            hs.reset(mark);
        }
    }

    private static long join(Context c, long s, long iterable) {
        HandleScope hs = c.heap().handles();
        int mark = hs.mark();
        try {
            long items = Iteration.toList(c, iterable);
            hs.pushAddress(items);
            var sb = new StringBuilder();
            String sep = Str.toJavaString(s);
            for (long i = 0; i < ListObj.length(items); i++) {
                long x = ListObj.get(items, i);
                if (!Kinds.isStr(x)) {
                    throw new PyError("TypeError", "sequence item " + i + ": expected str instance, " + Kinds.typeName(c, x) + " found");
                }
                if (i > 0) sb.append(sep);
                sb.append(Strings.text(x));
            }
            return Strings.word(c.heap(), sb.toString());
        } finally {
            hs.reset(mark);
        }
    }

    private static long strip(Context c, BuiltinMethod m, long s, Args a) {
        int[] cps = Strings.codePoints(s);
        long charsWord = a.count() > 0 ? a.get(0) : PackedValue.NONE;
        int[] chars = null;
        if (charsWord != PackedValue.NONE) {
            Args.strArg(c, charsWord, m.pyName + " arg must be None or str");
            chars = Strings.codePoints(Kinds.addr(charsWord));
        }
        int i = 0, j = cps.length;
        if (m != BuiltinMethod.STR_RSTRIP) while (i < j && strippable(cps[i], chars)) i++;
        if (m != BuiltinMethod.STR_LSTRIP) while (j > i && strippable(cps[j - 1], chars)) j--;
        if (i == 0 && j == cps.length) return PackedValue.ofPointer(s);
        return Strings.word(c.heap(), cps, i, j);
    }

    private static boolean strippable(int cp, int[] chars) {
        if (chars == null) return Strings.isSpace(cp);
        for (int x : chars) if (x == cp) return true;
        return false;
    }

    private static long replace(Context c, long s, Args a) {
        Args.strArg(c, a.get(0), "replace() argument 1");
        Args.strArg(c, a.get(1), "replace() argument 2");
        long count = a.count() > 2 ? Args.intArg(c, a.get(2), "count") : -1;
        if (count < 0) count = Long.MAX_VALUE;
        int[] cps = Strings.codePoints(s), old = Strings.codePoints(Kinds.addr(a.get(0)));
        String rep = Strings.text(a.get(1));
        var sb = new StringBuilder();
        long done = 0;
        if (old.length == 0) {
            for (int i = 0; i <= cps.length; i++) {
                if (done < count) { sb.append(rep); done++; }
                if (i < cps.length) sb.appendCodePoint(cps[i]);
            }
            return Strings.word(c.heap(), sb.toString());
        }
        int i = 0;
        while (done < count) {
            int j = Strings.find(cps, old, i, cps.length);
            if (j < 0) break;
            for (int k = i; k < j; k++) sb.appendCodePoint(cps[k]);
            sb.append(rep);
            i = j + old.length;
            done++;
        }
        if (done == 0) return PackedValue.ofPointer(s);
        for (int k = i; k < cps.length; k++) sb.appendCodePoint(cps[k]);
        return Strings.word(c.heap(), sb.toString());
    }
}
