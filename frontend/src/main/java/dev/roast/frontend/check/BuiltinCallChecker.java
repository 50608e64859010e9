package dev.roast.frontend.check;

import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.diag.ErrorCode;
import dev.roast.frontend.hir.Binding;
import dev.roast.frontend.hir.Builtin;
import dev.roast.frontend.hir.BuiltinMethod;
import dev.roast.frontend.hir.HExpr;
import dev.roast.frontend.types.Type;
import dev.roast.frontend.types.TypeRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The typing rules of the built-in functions (spec §9), `math` and `sys` (§11), and the str/list/dict methods. */
final class BuiltinCallChecker {
    private final ExprChecker ex;

    BuiltinCallChecker(ExprChecker ex) {
        this.ex = ex;
    }

    /** A call's arguments split into positional expressions and keyword arguments (checked against {@code allowed}). */
    private record Args(List<Expr> positional, Map<String, Expr> keywords) {}

    private Args split(Expr.Call c, String display, Set<String> allowed) {
        var pos = new ArrayList<Expr>();
        var kw = new LinkedHashMap<String, Expr>();
        for (Expr.Arg a : c.args()) {
            switch (a.kind()) {
                case POSITIONAL -> pos.add(a.value());
                case KEYWORD -> {
                    if (a.keyword().equals("file") && display.equals("print")) {
                        ex.notYet(a.span(), "print(file=...)");
                    } else if (!allowed.contains(a.keyword()) || kw.containsKey(a.keyword())) {
                        ex.diags.error(ErrorCode.BAD_KEYWORD, a.span(), kw.containsKey(a.keyword())
                                ? "keyword argument '" + a.keyword() + "' repeated"
                                : "'" + display + "' has no keyword argument '" + a.keyword() + "'");
                    } else {
                        kw.put(a.keyword(), a.value());
                    }
                }
                case STAR, DOUBLE_STAR -> ex.notYet(a.span(), "argument unpacking with '*' and '**'");
            }
        }
        return new Args(pos, kw);
    }

    private boolean arity(Expr.Call c, Args args, int min, int max, String display) {
        int n = args.positional().size();
        if (n >= min && n <= max) return true;
        String expected = min == max ? CallChecker.count(min) : max == Integer.MAX_VALUE ? "at least " + CallChecker.count(min)
                : n < min ? "at least " + CallChecker.count(min) : "at most " + CallChecker.count(max);
        ex.diags.error(ErrorCode.ARGUMENT_COUNT, c.span(), "'" + display + "' takes " + expected + " but " + n
                + (n == 1 ? " was" : " were") + " given");
        for (Expr e : args.positional()) ex.infer(e);
        return false;
    }

    private HExpr done(Builtin b, List<HExpr> args, List<HExpr.Keyword> kws, Type t, Expr.Call c) {
        return new HExpr.CallBuiltin(b, List.copyOf(args), List.copyOf(kws), t, c.span());
    }

    HExpr call(Builtin b, Expr.Call c, Type hint) {
        String name = b.displayName();
        Set<String> allowedKw = switch (b) {
            case PRINT -> Set.of("sep", "end", "flush");
            case SORTED -> Set.of("key", "reverse");
            default -> Set.of();
        };
        Args a = split(c, name, allowedKw);
        List<Expr> p = a.positional();
        var args = new ArrayList<HExpr>();
        var kws = new ArrayList<HExpr.Keyword>();
        switch (b) {
            case PRINT -> {
                for (Expr e : p) args.add(ex.infer(e));
                for (var k : a.keywords().entrySet()) {
                    Type t = k.getKey().equals("flush") ? Type.BOOL : Type.STR;
                    kws.add(new HExpr.Keyword(k.getKey(), ex.check(k.getValue(), t, () -> "print's '" + k.getKey() + "'")));
                }
                return done(b, args, kws, Type.NONE, c);
            }
            case LEN -> {
                if (!arity(c, a, 1, 1, name)) return ExprChecker.poison(c.span());
                HExpr x = ex.infer(p.get(0));
                Type t = x.type();
                if (!(t == Type.STR || t == Type.ANY || t instanceof Type.ListOf || t instanceof Type.DictOf || t instanceof Type.View)) {
                    ex.diags.error(ErrorCode.MISMATCHED_TYPES, p.get(0).span(), "object of type '" + t + "' has no len()");
                }
                return done(b, List.of(x), kws, Type.INT, c);
            }
            case RANGE -> {
                if (!arity(c, a, 1, 3, name)) return ExprChecker.poison(c.span());
                for (int i = 0; i < p.size(); i++) args.add(ex.check(p.get(i), Type.INT, CallChecker.argument(i, "range()")));
                return done(b, args, kws, new Type.View(Type.ViewKind.RANGE, Type.INT), c);
            }
            case STR -> {
                if (!arity(c, a, 0, 1, name)) return ExprChecker.poison(c.span());
                for (Expr e : p) args.add(ex.infer(e));
                return done(b, args, kws, Type.STR, c);
            }
            case REPR -> {
                if (!arity(c, a, 1, 1, name)) return ExprChecker.poison(c.span());
                return done(b, List.of(ex.infer(p.get(0))), kws, Type.STR, c);
            }
            case INT, FLOAT -> {
                int max = b == Builtin.INT ? 2 : 1;
                if (!arity(c, a, 0, max, name)) return ExprChecker.poison(c.span());
                if (p.size() == 2) {
                    args.add(ex.check(p.get(0), Type.STR, "int() with a base"));
                    args.add(ex.check(p.get(1), Type.INT, "the base of int()"));
                } else if (p.size() == 1) {
                    HExpr x = ex.infer(p.get(0));
                    if (!(x.type() == Type.ANY || x.type().isNumeric() || x.type() == Type.STR || x.type() == Type.BOOL)) {
                        ex.diags.error(ErrorCode.MISMATCHED_TYPES, p.get(0).span(), name + "() argument must be a number or a str, not '" + x.type() + "'");
                    }
                    args.add(x);
                }
                return done(b, args, kws, b == Builtin.INT ? Type.INT : Type.FLOAT, c);
            }
            case BOOL -> {
                if (!arity(c, a, 0, 1, name)) return ExprChecker.poison(c.span());
                for (Expr e : p) args.add(ex.infer(e));
                return done(b, args, kws, Type.BOOL, c);
            }
            case ABS -> {
                if (!arity(c, a, 1, 1, name)) return ExprChecker.poison(c.span());
                HExpr x = ex.infer(p.get(0));
                if (!(x.type().isNumeric() || x.type() == Type.ANY)) {
                    ex.diags.error(ErrorCode.MISMATCHED_TYPES, p.get(0).span(), "bad operand type for abs(): '" + x.type() + "'");
                }
                return done(b, List.of(x), kws, x.type().isNumeric() ? x.type() : Type.ANY, c);
            }
            case MIN, MAX -> {
                if (!arity(c, a, 1, Integer.MAX_VALUE, name)) return ExprChecker.poison(c.span());
                if (p.size() == 1) {
                    HExpr xs = ex.infer(p.get(0));
                    Type e = iterableElement(xs, p.get(0));
                    return done(b, List.of(xs), kws, e, c);
                }
                Type joined = null;
                for (Expr e : p) {
                    HExpr x = ex.infer(e);
                    if (joined != null && !TypeRules.orderable(joined, x.type())) {
                        ex.diags.error(ErrorCode.MISMATCHED_TYPES, e.span(), "cannot compare '" + x.type() + "' with '" + joined + "' in " + name + "()");
                    }
                    args.add(x);
                    joined = joined == null ? x.type() : TypeRules.join(joined, x.type());
                }
                return done(b, args, kws, joined, c);
            }
            case SUM -> {
                if (!arity(c, a, 1, 2, name)) return ExprChecker.poison(c.span());
                HExpr xs = ex.infer(p.get(0));
                Type e = iterableElement(xs, p.get(0));
                args.add(xs);
                Type start = Type.INT;
                if (p.size() == 2) {
                    HExpr s = ex.infer(p.get(1));
                    args.add(s);
                    start = s.type();
                }
                Type result;
                if (e == Type.ANY || start == Type.ANY) result = Type.ANY;
                else if (e.isNumeric() && start.isNumeric()) result = e == Type.FLOAT || start == Type.FLOAT ? Type.FLOAT : Type.INT;
                else {
                    ex.diags.error(ErrorCode.MISMATCHED_TYPES, p.get(0).span(), "sum() needs int or float values, found '" + e + "'");
                    result = Type.ANY;
                }
                return done(b, args, kws, result, c);
            }
            case ORD -> {
                if (!arity(c, a, 1, 1, name)) return ExprChecker.poison(c.span());
                return done(b, List.of(ex.check(p.get(0), Type.STR, "ord()")), kws, Type.INT, c);
            }
            case CHR, HEX, BIN -> {
                if (!arity(c, a, 1, 1, name)) return ExprChecker.poison(c.span());
                return done(b, List.of(ex.check(p.get(0), Type.INT, name + "()")), kws, Type.STR, c);
            }
            case ISINSTANCE -> {
                if (!arity(c, a, 2, 2, name)) return ExprChecker.poison(c.span());
                args.add(ex.infer(p.get(0)));
                args.add(classArgument(p.get(1)));
                return done(b, args, kws, Type.BOOL, c);
            }
            case SORTED -> {
                if (!arity(c, a, 1, 1, name)) return ExprChecker.poison(c.span());
                HExpr xs = ex.infer(p.get(0));
                Type e = iterableElement(xs, p.get(0));
                sortKeywords(a, e, kws);
                return done(b, List.of(xs), kws, new Type.ListOf(e), c);
            }
            case LIST -> {
                if (!arity(c, a, 0, 1, name)) return ExprChecker.poison(c.span());
                if (p.isEmpty()) return done(b, args, kws, hint instanceof Type.ListOf ? hint : new Type.ListOf(Type.ANY), c);
                HExpr xs = ex.infer(p.get(0));
                return done(b, List.of(xs), kws, new Type.ListOf(iterableElement(xs, p.get(0))), c);
            }
            case DICT -> {
                if (!arity(c, a, 0, 1, name)) return ExprChecker.poison(c.span());
                if (p.isEmpty()) return done(b, args, kws, hint instanceof Type.DictOf ? hint : new Type.DictOf(Type.ANY, Type.ANY), c);
                HExpr d = ex.infer(p.get(0));
                if (!(d.type() instanceof Type.DictOf || d.type() == Type.ANY)) {
                    ex.diags.error(ErrorCode.MISMATCHED_TYPES, p.get(0).span(), "dict() copies a dict, found '" + d.type() + "'");
                }
                return done(b, List.of(d), kws, d.type() instanceof Type.DictOf ? d.type() : new Type.DictOf(Type.ANY, Type.ANY), c);
            }
            case ROUND -> {
                if (!arity(c, a, 1, 2, name)) return ExprChecker.poison(c.span());
                HExpr x = ex.infer(p.get(0));
                if (!(x.type().isNumeric() || x.type() == Type.ANY)) {
                    ex.diags.error(ErrorCode.MISMATCHED_TYPES, p.get(0).span(), "round() needs a number, found '" + x.type() + "'");
                }
                args.add(x);
                Type result;
                if (p.size() == 2) {
                    args.add(ex.check(p.get(1), Type.INT, "the digits of round()"));
                    result = x.type().isNumeric() ? x.type() : Type.ANY;
                } else {
                    result = x.type() == Type.ANY ? Type.ANY : Type.INT;
                }
                return done(b, args, kws, result, c);
            }
            case SYS_EXIT -> {
                // Any value, as in Python: an int is the exit status, None is 0, anything else is printed.
                if (!arity(c, a, 0, 1, name)) return ExprChecker.poison(c.span());
                for (Expr e : p) args.add(ex.infer(e));
                return done(b, args, kws, Type.NONE, c);
            }
            default -> {
                if ("math".equals(b.module)) return math(b, c, a);
                return ex.notYet(c.callee().span(), "the builtin '" + name + "'");
            }
        }
    }

    private HExpr math(Builtin b, Expr.Call c, Args a) {
        int min = switch (b) {
            case MATH_ATAN2, MATH_POW -> 2;
            default -> 1;
        };
        int max = b == Builtin.MATH_LOG ? 2 : min;
        if (!arity(c, a, min, max, b.displayName())) return ExprChecker.poison(c.span());
        var args = new ArrayList<HExpr>();
        List<Expr> p = a.positional();
        for (int i = 0; i < p.size(); i++) args.add(ex.check(p.get(i), Type.FLOAT, CallChecker.argument(i, b.displayName() + "()")));
        Type result = switch (b) {
            case MATH_FLOOR, MATH_CEIL -> Type.INT;
            case MATH_ISNAN, MATH_ISINF -> Type.BOOL;
            default -> Type.FLOAT;
        };
        return done(b, args, List.of(), result, c);
    }

    private Type iterableElement(HExpr xs, Expr at) {
        Type e = TypeRules.elementOf(xs.type());
        if (e == null) {
            ex.diags.error(ErrorCode.NOT_ITERABLE, at.span(), "'" + xs.type() + "' is not iterable");
            return Type.ANY;
        }
        return e;
    }

    private void sortKeywords(Args a, Type element, List<HExpr.Keyword> kws) {
        Expr key = a.keywords().get("key");
        if (key != null && !(key instanceof Expr.NoneLit)) {
            kws.add(new HExpr.Keyword("key", ex.check(key, new Type.Function(List.of(element), Type.ANY), "the sort key")));
        }
        Expr reverse = a.keywords().get("reverse");
        if (reverse != null) kws.add(new HExpr.Keyword("reverse", ex.check(reverse, Type.BOOL, "'reverse'")));
    }

    /** The second argument of isinstance: a class, or a built-in type name. */
    private HExpr classArgument(Expr e) {
        if (e instanceof Expr.Name n && ex.resolve(n.id()) instanceof Binding.Builtin) {
            Builtin b = switch (n.id()) {
                case "int" -> Builtin.INT;
                case "float" -> Builtin.FLOAT;
                case "bool" -> Builtin.BOOL;
                case "str" -> Builtin.STR;
                case "list" -> Builtin.LIST;
                case "dict" -> Builtin.DICT;
                default -> null;
            };
            if (b != null) return new HExpr.BuiltinRef(b, new Type.BuiltinFunction(n.id()), n.span());
        }
        if (e instanceof Expr.TupleLit t) return ex.notYet(t.span(), "tuples of classes in isinstance()");
        HExpr c = ex.infer(e);
        if (!(c.type() instanceof Type.ClassObject || c.type() == Type.ANY)) {
            ex.diags.error(ErrorCode.MISMATCHED_TYPES, e.span(), "isinstance() needs a class as its second argument, found '" + c.type() + "'");
        }
        return c;
    }

    // ---- methods of str, list and dict ----

    HExpr method(HExpr recv, BuiltinMethod.Receiver kind, Expr.Attribute attr, Expr.Call c, Type hint) {
        BuiltinMethod m = BuiltinMethod.find(kind, attr.name());
        if (m == null) {
            for (Expr.Arg arg : c.args()) ex.infer(arg.value());
            return ex.noAttribute(recv.type(), attr);
        }
        String display = kind.name().toLowerCase() + "." + m.pyName;
        if (!m.core) return ex.notYet(attr.nameSpan(), "the method '" + display + "'");
        Args a = split(c, display, m == BuiltinMethod.LIST_SORT ? Set.of("key", "reverse") : Set.of());
        List<Expr> p = a.positional();
        var args = new ArrayList<HExpr>();
        var kws = new ArrayList<HExpr.Keyword>();
        Type elem = recv.type() instanceof Type.ListOf(Type e) ? e : Type.ANY;
        Type key = recv.type() instanceof Type.DictOf(Type k, Type v) ? k : Type.ANY;
        Type value = recv.type() instanceof Type.DictOf(Type k, Type v) ? v : Type.ANY;
        Type result;
        switch (m) {
            case STR_SPLIT -> {
                if (!arity(c, a, 0, 2, display)) return ExprChecker.poison(c.span());
                if (p.size() >= 1) args.add(ex.check(p.get(0), Type.STR, "the separator"));
                if (p.size() == 2) args.add(ex.check(p.get(1), Type.INT, "maxsplit"));
                result = new Type.ListOf(Type.STR);
            }
            case STR_JOIN -> {
                if (!arity(c, a, 1, 1, display)) return ExprChecker.poison(c.span());
                HExpr xs = ex.infer(p.get(0));
                Type e = iterableElement(xs, p.get(0));
                if (e != Type.STR && e != Type.ANY) {
                    ex.diags.error(ErrorCode.MISMATCHED_TYPES, p.get(0).span(), "str.join() needs strings, found '" + xs.type() + "'");
                }
                args.add(xs);
                result = Type.STR;
            }
            case STR_STRIP, STR_LSTRIP, STR_RSTRIP -> {
                if (!arity(c, a, 0, 1, display)) return ExprChecker.poison(c.span());
                if (p.size() == 1) args.add(ex.check(p.get(0), Type.STR, "the characters to strip"));
                result = Type.STR;
            }
            case STR_STARTSWITH, STR_ENDSWITH -> {
                if (!arity(c, a, 1, 1, display)) return ExprChecker.poison(c.span());
                args.add(ex.check(p.get(0), Type.STR, display + "()"));
                result = Type.BOOL;
            }
            case STR_FIND, STR_COUNT -> {
                if (!arity(c, a, 1, 3, display)) return ExprChecker.poison(c.span());
                args.add(ex.check(p.get(0), Type.STR, display + "()"));
                for (int i = 1; i < p.size(); i++) args.add(ex.check(p.get(i), Type.INT, "a position"));
                result = Type.INT;
            }
            case STR_REPLACE -> {
                if (!arity(c, a, 2, 3, display)) return ExprChecker.poison(c.span());
                args.add(ex.check(p.get(0), Type.STR, "the old text"));
                args.add(ex.check(p.get(1), Type.STR, "the new text"));
                if (p.size() == 3) args.add(ex.check(p.get(2), Type.INT, "the count"));
                result = Type.STR;
            }
            case STR_UPPER, STR_LOWER -> {
                if (!arity(c, a, 0, 0, display)) return ExprChecker.poison(c.span());
                result = Type.STR;
            }
            case STR_ISDIGIT, STR_ISALPHA, STR_ISSPACE -> {
                if (!arity(c, a, 0, 0, display)) return ExprChecker.poison(c.span());
                result = Type.BOOL;
            }
            case LIST_APPEND, LIST_REMOVE -> {
                if (!arity(c, a, 1, 1, display)) return ExprChecker.poison(c.span());
                args.add(ex.check(p.get(0), elem, () -> "an element of '" + recv.type() + "'"));
                result = Type.NONE;
            }
            case LIST_POP -> {
                if (!arity(c, a, 0, 1, display)) return ExprChecker.poison(c.span());
                if (p.size() == 1) args.add(ex.check(p.get(0), Type.INT, "a list index"));
                result = elem;
            }
            case LIST_INSERT -> {
                if (!arity(c, a, 2, 2, display)) return ExprChecker.poison(c.span());
                args.add(ex.check(p.get(0), Type.INT, "a list index"));
                args.add(ex.check(p.get(1), elem, () -> "an element of '" + recv.type() + "'"));
                result = Type.NONE;
            }
            case LIST_EXTEND -> {
                if (!arity(c, a, 1, 1, display)) return ExprChecker.poison(c.span());
                HExpr xs = ex.infer(p.get(0));
                Type e = iterableElement(xs, p.get(0));
                if (!TypeRules.isSubtype(e, elem)) {
                    ex.diags.error(ErrorCode.MISMATCHED_TYPES, p.get(0).span(), "cannot extend '" + recv.type() + "' with '" + xs.type() + "'");
                }
                args.add(xs);
                result = Type.NONE;
            }
            case LIST_INDEX, LIST_COUNT -> {
                if (!arity(c, a, 1, 1, display)) return ExprChecker.poison(c.span());
                args.add(ex.check(p.get(0), elem, () -> "an element of '" + recv.type() + "'"));
                result = Type.INT;
            }
            case LIST_REVERSE, LIST_CLEAR -> {
                if (!arity(c, a, 0, 0, display)) return ExprChecker.poison(c.span());
                result = Type.NONE;
            }
            case LIST_SORT -> {
                if (!arity(c, a, 0, 0, display)) return ExprChecker.poison(c.span());
                sortKeywords(a, elem, kws);
                result = Type.NONE;
            }
            case LIST_COPY, DICT_COPY -> {
                if (!arity(c, a, 0, 0, display)) return ExprChecker.poison(c.span());
                result = recv.type();
            }
            case DICT_GET -> {
                if (!arity(c, a, 1, 2, display)) return ExprChecker.poison(c.span());
                args.add(ex.check(p.get(0), key, () -> "a key of '" + recv.type() + "'"));
                if (p.size() == 2) {
                    args.add(ex.check(p.get(1), value, "the default of get()"));
                    result = value;
                } else {
                    // get(k) may give None, which int/float/bool values can never hold.
                    result = value.isReference() ? value : Type.ANY;
                }
            }
            case DICT_KEYS, DICT_VALUES -> {
                if (!arity(c, a, 0, 0, display)) return ExprChecker.poison(c.span());
                result = m == BuiltinMethod.DICT_KEYS ? new Type.View(Type.ViewKind.DICT_KEYS, key) : new Type.View(Type.ViewKind.DICT_VALUES, value);
            }
            case DICT_POP -> {
                if (!arity(c, a, 1, 2, display)) return ExprChecker.poison(c.span());
                args.add(ex.check(p.get(0), key, () -> "a key of '" + recv.type() + "'"));
                if (p.size() == 2) args.add(ex.check(p.get(1), value, "the default of pop()"));
                result = value;
            }
            case DICT_SETDEFAULT -> {
                if (!arity(c, a, 2, 2, display)) return ExprChecker.poison(c.span());
                args.add(ex.check(p.get(0), key, () -> "a key of '" + recv.type() + "'"));
                args.add(ex.check(p.get(1), value, () -> "a value of '" + recv.type() + "'"));
                result = value;
            }
            case DICT_UPDATE -> {
                if (!arity(c, a, 1, 1, display)) return ExprChecker.poison(c.span());
                args.add(ex.check(p.get(0), recv.type(), "update()"));
                result = Type.NONE;
            }
            case DICT_CLEAR -> {
                if (!arity(c, a, 0, 0, display)) return ExprChecker.poison(c.span());
                result = Type.NONE;
            }
            default -> {
                return ex.notYet(attr.nameSpan(), "the method '" + display + "'");
            }
        }
        return new HExpr.CallBuiltinMethod(recv, m, List.copyOf(args), List.copyOf(kws), result, c.span());
    }
}
