package dev.roast.frontend.hir;

import dev.roast.frontend.ast.BinaryOp;
import dev.roast.frontend.ast.CompareOp;
import dev.roast.frontend.ast.UnaryOp;
import dev.roast.frontend.source.Span;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.frontend.types.Type;
import java.util.List;

/**
 * A typed, resolved expression. Every node carries its static type; names
 * carry their binding; calls say what they call. Implicit conversions
 * (int to float, `any` to a static type) are explicit {@link Coerce} nodes.
 */
public sealed interface HExpr {
    Type type();

    Span span();

    record IntConst(long value, Span span) implements HExpr {
        public Type type() { return Type.INT; }
    }

    record FloatConst(double value, Span span) implements HExpr {
        public Type type() { return Type.FLOAT; }
    }

    record StrConst(String value, Span span) implements HExpr {
        public Type type() { return Type.STR; }
    }

    record BoolConst(boolean value, Span span) implements HExpr {
        public Type type() { return Type.BOOL; }
    }

    record NoneConst(Span span) implements HExpr {
        public Type type() { return Type.NONE; }
    }

    /** An f-string: text and formatted fields, concatenated. */
    record FString(List<FPart> parts, Span span) implements HExpr {
        public Type type() { return Type.STR; }
    }

    /** A piece of an f-string. */
    sealed interface FPart {}

    record FText(String text) implements FPart {}

    /** `{value!conversion:spec}`; conversion is 0, 'r', 's' or 'a'; spec is null or an f-string. */
    record FField(HExpr value, char conversion, HExpr spec) implements FPart {}

    /** A read of a variable, builtin or module by name. */
    record Load(String name, Binding binding, Type type, Span span) implements HExpr {}

    /** Operands already coerced: both int, both float, or otherwise as the op's rule says (str + str, list * int, any ...). */
    record Binary(BinaryOp op, HExpr left, HExpr right, Type type, Span span) implements HExpr {}

    record Unary(UnaryOp op, HExpr operand, Type type, Span span) implements HExpr {}

    /** A comparison chain `left ops[0] rights[0] ...`, each operand evaluated once. */
    record Compare(HExpr left, List<CompareOp> ops, List<HExpr> rights, Span span) implements HExpr {
        public Type type() { return Type.BOOL; }
    }

    /** `and`/`or`, returning an operand as Python does. */
    record Logical(boolean isAnd, HExpr left, HExpr right, Type type, Span span) implements HExpr {}

    record Conditional(HExpr test, HExpr then, HExpr orElse, Type type, Span span) implements HExpr {}

    /** A lambda, creating a closure over {@code function}'s captured variables. */
    record Lambda(FunctionInfo function, Span span) implements HExpr {
        public Type type() { return function.type(); }
    }

    /** A call of a function value (a closure, lambda, bound method, or `any`). */
    record Call(HExpr callee, List<HExpr> args, Type type, Span span) implements HExpr {}

    /** A direct call of a module-level def or a static method: no closure, target known statically. */
    record CallFunction(FunctionInfo function, List<HExpr> args, Type type, Span span) implements HExpr {}

    /** A virtual method call on an instance of a user class. */
    record CallMethod(HExpr receiver, ClassInfo.Method method, List<HExpr> args, Type type, Span span) implements HExpr {}

    /** `super().m(args)`: a non-virtual call of the base class's method with `self`. */
    record CallSuper(ClassInfo.Method method, HExpr self, List<HExpr> args, Type type, Span span) implements HExpr {}

    /** `receiver.name(args)` on an `any` receiver: resolved at run time. */
    record CallDynamic(HExpr receiver, String name, List<HExpr> args, Span span) implements HExpr {
        public Type type() { return Type.ANY; }
    }

    /** A call of a built-in function or `math` function, with keyword arguments where the builtin has them. */
    record CallBuiltin(Builtin builtin, List<HExpr> args, List<Keyword> keywords, Type type, Span span) implements HExpr {}

    /** A call of a str/list/dict method. */
    record CallBuiltinMethod(HExpr receiver, BuiltinMethod method, List<HExpr> args, List<Keyword> keywords, Type type,
                             Span span) implements HExpr {}

    /** A keyword argument of a builtin (`end=`, `key=`, `reverse=`). */
    record Keyword(String name, HExpr value) {}

    /** `C(args)`: allocate an instance and run `__init__` (the nearest one up the base chain, if any). */
    record New(ClassInfo cls, ClassInfo.Method init, List<HExpr> args, Span span) implements HExpr {
        public Type type() { return new Type.Instance(cls); }
    }

    record GetField(HExpr object, ClassInfo.Field field, Span span) implements HExpr {
        public Type type() { return field.type(); }
    }

    /** `C.K` or `obj.K`: a class constant, looked up from the receiver's class (receiver null for `C.K`). */
    record GetConstant(HExpr receiver, ClassInfo.Constant constant, Span span) implements HExpr {
        public Type type() { return constant.type(); }
    }

    /** `obj.name` on an `any` object. */
    record GetAttrDynamic(HExpr object, String name, Span span) implements HExpr {
        public Type type() { return Type.ANY; }
    }

    /** `obj.m` without a call: a bound method value. */
    record BoundMethod(HExpr receiver, ClassInfo.Method method, Span span) implements HExpr {
        public Type type() { return method.signature(); }
    }

    /** A module's value that is not a function: `math.pi` and math's other constants, `sys.argv` (one list per run). */
    record ModuleConstant(String module, String name, Type type, Span span) implements HExpr {}

    /** A builtin or `math` function used as a value (`key=len`). */
    record BuiltinRef(Builtin builtin, Type type, Span span) implements HExpr {}

    /** `object[index]` on a list, str, dict, range or `any`. */
    record Index(HExpr object, HExpr index, Type type, Span span) implements HExpr {}

    record ListDisplay(List<HExpr> elements, Type type, Span span) implements HExpr {}

    record DictDisplay(List<HExpr> keys, List<HExpr> values, Type type, Span span) implements HExpr {}

    /**
     * An implicit conversion to {@code type}: int to float (spec §13 item 6), or
     * a value of static type `any` checked at run time to be a {@code type}.
     */
    record Coerce(HExpr value, Type type, Span span) implements HExpr {}
}
