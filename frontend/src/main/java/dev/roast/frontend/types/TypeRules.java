package dev.roast.frontend.types;

import java.util.List;

/** The relations between types: subtyping, assignability (spec §3) and joins. */
public final class TypeRules {
    private TypeRules() {}

    /**
     * May a value of type {@code from} be used where {@code to} is expected
     * without any conversion? `any` is consistent with everything (gradual typing).
     */
    public static boolean isSubtype(Type from, Type to) {
        if (from.equals(to) || from == Type.ANY || to == Type.ANY) return true;
        if (from == Type.NONE) return to.isReference();
        return switch (to) {
            case Type.Instance(ClassInfo base) -> from instanceof Type.Instance(ClassInfo c) && c.isSubclassOf(base);
            case Type.ListOf(Type e) -> from instanceof Type.ListOf(Type fe) && consistent(fe, e);
            case Type.DictOf(Type k, Type v) ->
                    from instanceof Type.DictOf(Type fk, Type fv) && consistent(fk, k) && consistent(fv, v);
            case Type.View(Type.ViewKind kind, Type e) ->
                    from instanceof Type.View(Type.ViewKind fk, Type fe) && fk == kind && consistent(fe, e);
            case Type.Function(List<Type> params, Type result) -> from instanceof Type.Function f
                    && f.params().size() == params.size()
                    && allSubtypes(params, f.params())
                    && isSubtype(f.result(), result);
            default -> false;
        };
    }

    /** Subtyping plus the one implicit conversion: int where float is expected (spec §3, §13 item 6). */
    public static boolean isAssignable(Type from, Type to) {
        return isSubtype(from, to) || (from == Type.INT && to == Type.FLOAT);
    }

    /** Container element types are invariant, except that `any` matches anything. */
    private static boolean consistent(Type a, Type b) {
        return a.equals(b) || a == Type.ANY || b == Type.ANY;
    }

    private static boolean allSubtypes(List<Type> from, List<Type> to) {
        for (int i = 0; i < from.size(); i++) if (!isSubtype(from.get(i), to.get(i))) return false;
        return true;
    }

    /**
     * The common type of the parts of a literal, conditional or `and`/`or`:
     * the same type, the nearest common base class, or `any` (joins never convert).
     * None joins with a reference type as that type.
     */
    public static Type join(Type a, Type b) {
        if (a.equals(b)) return a;
        if (a == Type.NONE && b.isReference()) return b;
        if (b == Type.NONE && a.isReference()) return a;
        if (a instanceof Type.Instance(ClassInfo ca) && b instanceof Type.Instance(ClassInfo cb)) {
            for (ClassInfo c = ca; c != null; c = c.base()) if (cb.isSubclassOf(c)) return new Type.Instance(c);
        }
        return Type.ANY;
    }

    /** Can values of these two types ever compare with `<` and friends? */
    public static boolean orderable(Type a, Type b) {
        if (a == Type.ANY || b == Type.ANY) return true;
        if (a.isNumeric() && b.isNumeric()) return true;
        if (a == Type.STR && b == Type.STR) return true;
        if (a == Type.BOOL && b == Type.BOOL) return true;
        if (a instanceof Type.ListOf(Type ea) && b instanceof Type.ListOf(Type eb)) {
            return orderable(ea, eb);
        }
        return false;
    }

    /** The element type produced by iterating a value of this type, or null if it is not iterable. */
    public static Type elementOf(Type t) {
        return switch (t) {
            case Type.ListOf(Type e) -> e;
            case Type.View(Type.ViewKind k, Type e) -> e;
            case Type.DictOf(Type k, Type v) -> k;
            case Type.Prim p when p == Type.STR -> Type.STR;
            case Type.Prim p when p == Type.ANY -> Type.ANY;
            default -> null;
        };
    }
}
