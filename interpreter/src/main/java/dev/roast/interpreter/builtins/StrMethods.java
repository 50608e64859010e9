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
import java.util.function.IntPredicate;

/**
 * The methods of str (spec §9) with Python's behaviour. They work on the strings' bytes in place through
 * the {@link Str} primitives; only case mapping of non-ASCII text goes through Java strings.
 */
public final class StrMethods {
    private StrMethods() {}

    /** Calls str method {@code m} on {@code self}. */
    public static long call(Context c, BuiltinMethod m, long self, Args a) {
        long s = Kinds.addr(self);
        String name = m.pyName;
        return switch (m) {
            case STR_SPLIT -> split(c, s, a.onlyKeywords(name, "sep", "maxsplit").count(name, 0, 2));
            case STR_JOIN -> join(c, s, a.count(name, 1, 1).get(0));
            case STR_STRIP, STR_LSTRIP, STR_RSTRIP -> strip(c, m, s, a.count(name, 0, 1));
            case STR_STARTSWITH, STR_ENDSWITH -> PackedValue.ofBool(tailMatch(c, m, s, a.count(name, 1, 3)));
            case STR_FIND, STR_COUNT, STR_INDEX -> PackedValue.ofInt(search(c, m, s, a.count(name, 1, 3)));
            case STR_REPLACE -> replace(c, s, a.count(name, 2, 3));
            case STR_UPPER -> caseMap(c, s, true);
            case STR_LOWER -> caseMap(c, s, false);
            case STR_ISDIGIT, STR_ISALPHA, STR_ISSPACE -> {
                a.count(name, 0, 0);
                IntPredicate p = m == BuiltinMethod.STR_ISDIGIT ? Strings::isDigit
                        : m == BuiltinMethod.STR_ISALPHA ? Character::isLetter : Strings::isSpace;
                yield PackedValue.ofBool(all(s, p));
            }
            default -> throw new PyError("NotImplementedError", "str." + name + " is not supported yet");
        };
    }

    /** The address of a str argument; TypeError "{what} must be str, not T" otherwise. */
    private static long strAddr(Context c, long v, String what) {
        if (!Kinds.isStr(v)) throw new PyError("TypeError", (what.isEmpty() ? "" : what + " ") + "must be str, not " + Kinds.typeName(c, v));
        return Kinds.addr(v);
    }

    /** Optional positional argument {@code i} as a slice bound: absent or None gives {@code dflt}. */
    private static long boundArg(Context c, Args a, int i, long dflt, String name) {
        return a.count() > i && a.get(i) != PackedValue.NONE ? Args.intArg(c, a.get(i), name) : dflt;
    }

    private static boolean tailMatch(Context c, BuiltinMethod m, long s, Args a) {
        String name = m.pyName;
        int n = Str.length(s);
        int start = Strings.clampStart(boundArg(c, a, 1, 0, name), n);
        int end = Strings.clampEnd(boundArg(c, a, 2, n, name), n);
        if (!Kinds.isStr(a.get(0))) {
            throw new PyError("TypeError", name + " first arg must be str or a tuple of str, not " + Kinds.typeName(c, a.get(0)));
        }
        long p = Kinds.addr(a.get(0));
        int len = Str.length(p);
        if (end - start < len || start > n) return false;
        return Str.regionMatches(s, m == BuiltinMethod.STR_STARTSWITH ? start : end - len, p);
    }

    /** find, index and count. */
    private static int search(Context c, BuiltinMethod m, long s, Args a) {
        String name = m.pyName;
        int n = Str.length(s);
        int start = Strings.clampStart(boundArg(c, a, 1, 0, name), n);
        int end = Strings.clampEnd(boundArg(c, a, 2, n, name), n);
        long sub = strAddr(c, a.get(0), "");
        if (m == BuiltinMethod.STR_COUNT) return start > n ? 0 : Str.countOf(s, sub, start, end);
        int i = start > n ? -1 : Strings.find(s, sub, start, end);
        if (i < 0 && m == BuiltinMethod.STR_INDEX) throw new PyError("ValueError", "substring not found");
        return i;
    }

    private static long split(Context c, long s, Args a) {
        Heap heap = c.heap();
        long sepWord = a.count() > 0 ? a.get(0) : a.keyword("sep");
        long maxWord = a.count() > 1 ? a.get(1) : a.keyword("maxsplit");
        long max = maxWord == PackedValue.UNBOUND ? -1 : Args.intArg(c, maxWord, "maxsplit");
        if (max < 0) max = Long.MAX_VALUE;
        boolean whitespace = sepWord == PackedValue.UNBOUND || sepWord == PackedValue.NONE;
        if (!whitespace && !Kinds.isStr(sepWord)) throw new PyError("TypeError", "must be str or None, not " + Kinds.typeName(c, sepWord));
        HandleScope hs = heap.handles();
        int mark = hs.mark();
        try {
            hs.pushAddress(s);
            long list = whitespace ? splitWhitespace(heap, s, max) : splitOn(heap, s, Kinds.addr(sepWord), max);
            return PackedValue.ofPointer(list);
        } finally {
            hs.reset(mark);
        }
    }

    /** {@code s.split(sep, max)}: finds every separator first, so the list is allocated once at its final size. */
    private static long splitOn(Heap heap, long s, long sep, long max) {
        int m = Str.length(sep);
        if (m == 0) throw new PyError("ValueError", "empty separator");
        int[] at = Str.matchStarts(s, sep, (int) Math.min(max, Integer.MAX_VALUE));
        long list = ListObj.alloc(heap, at.length + 1);
        HandleScope hs = heap.handles();
        int mark = hs.mark();
        try {
            hs.pushAddress(list);
            int i = 0;
            for (int j : at) {
                ListObj.append(heap, list, PackedValue.ofPointer(Str.substring(heap, s, i, j)));
                i = j + m;
            }
            ListObj.append(heap, list, PackedValue.ofPointer(Str.substring(heap, s, i, Str.length(s))));
            return list;
        } finally {
            hs.reset(mark);
        }
    }

    /** {@code s.split(None, max)}: the runs of non-whitespace; after {@code max} splits, the rest from the next run on. */
    private static long splitWhitespace(Heap heap, long s, long max) {
        int n = Str.length(s);
        long list = ListObj.alloc(heap, 0);
        HandleScope hs = heap.handles();
        int mark = hs.mark();
        try {
            hs.pushAddress(list);
            long splits = 0;
            for (int i = 0; ; ) {
                while (i < n && Strings.isSpace(Str.codePointAt(s, i))) i++;
                if (i >= n) break;
                int j = splits >= max ? n : i;  // past maxsplit the rest is one piece, trailing whitespace and all
                while (j < n && !Strings.isSpace(Str.codePointAt(s, j))) j++;
                ListObj.append(heap, list, PackedValue.ofPointer(Str.substring(heap, s, i, j)));
                splits++;
                i = j;
            }
            return list;
        } finally {
            hs.reset(mark);
        }
    }

    private static long join(Context c, long s, long iterable) {
        HandleScope hs = c.heap().handles();
        int mark = hs.mark();
        try {
            hs.pushAddress(s);
            long items = Iteration.toList(c, iterable);
            hs.pushAddress(items);
            for (long i = 0, n = ListObj.length(items); i < n; i++) {
                long x = ListObj.get(items, i);
                if (!Kinds.isStr(x)) {
                    throw new PyError("TypeError", "sequence item " + i + ": expected str instance, " + Kinds.typeName(c, x) + " found");
                }
            }
            return PackedValue.ofPointer(Str.join(c.heap(), s, items));
        } finally {
            hs.reset(mark);
        }
    }

    private static long strip(Context c, BuiltinMethod m, long s, Args a) {
        long charsWord = a.count() > 0 ? a.get(0) : PackedValue.NONE;
        IntPredicate strippable = Strings::isSpace;
        if (charsWord != PackedValue.NONE) {
            if (!Kinds.isStr(charsWord)) throw new PyError("TypeError", m.pyName + " arg must be None or str");
            long chars = Kinds.addr(charsWord);
            int nc = Str.length(chars);
            strippable = cp -> Str.indexOfCodePoint(chars, cp, 0, nc) >= 0;
        }
        int i = 0, j = Str.length(s);
        if (m != BuiltinMethod.STR_RSTRIP) while (i < j && strippable.test(Str.codePointAt(s, i))) i++;
        if (m != BuiltinMethod.STR_LSTRIP) while (j > i && strippable.test(Str.codePointAt(s, j - 1))) j--;
        return PackedValue.ofPointer(Str.substring(c.heap(), s, i, j));  // s itself when nothing was stripped
    }

    private static long replace(Context c, long s, Args a) {
        long old = strAddr(c, a.get(0), "replace() argument 1");
        long rep = strAddr(c, a.get(1), "replace() argument 2");
        long count = a.count() > 2 ? Args.intArg(c, a.get(2), "count") : -1;
        return PackedValue.ofPointer(Str.replace(c.heap(), s, old, rep, count));
    }

    /** upper/lower: ASCII strings map their bytes directly; others need Java's full Unicode case mapping (ß → SS). */
    private static long caseMap(Context c, long s, boolean upper) {
        Heap heap = c.heap();
        if (Str.isAscii(s)) return PackedValue.ofPointer(upper ? Str.upperAscii(heap, s) : Str.lowerAscii(heap, s));
        String text = Str.toJavaString(s);
        return Strings.word(heap, upper ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT));
    }

    /** isdigit/isalpha/isspace: true when non-empty and every code point satisfies {@code p}. */
    private static boolean all(long s, IntPredicate p) {
        int n = Str.length(s);
        for (int i = 0; i < n; i++) if (!p.test(Str.codePointAt(s, i))) return false;
        return n > 0;
    }
}
