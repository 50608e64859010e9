package dev.roast.frontend.check;

import dev.roast.frontend.ast.BinaryOp;
import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.diag.ErrorCode;
import dev.roast.frontend.hir.Variable;
import dev.roast.frontend.types.ClassInfo;
import dev.roast.frontend.types.Type;
import java.util.ArrayList;
import java.util.List;

/** Turns an annotation (an expression, as Python parses it) into a {@link Type}, or reports E0412/E0100. */
final class AnnotationResolver {
    private final CheckState state;
    /** Type parameters of the generic def being declared ([full]): read as `any` to avoid knock-on errors. */
    final List<String> typeVariables = new ArrayList<>();

    AnnotationResolver(CheckState state) {
        this.state = state;
    }

    /** Resolves an annotation; on error reports it and returns `any` so checking can go on. */
    Type resolve(Expr e) {
        return switch (e) {
            case Expr.NoneLit n -> Type.NONE;
            case Expr.StrLit s -> forwardReference(s);
            case Expr.Name n -> named(n.id(), e);
            case Expr.Attribute a when a.object() instanceof Expr.Name m && m.id().equals("typing") -> named(a.name(), e);
            case Expr.Index i -> generic(i);
            case Expr.Binary b when b.op() == BinaryOp.BIT_OR -> notYet(e, "union types ('X | None')");
            default -> unknown(e, "this is not a type");
        };
    }

    private Type forwardReference(Expr.StrLit s) {
        String text = s.value().strip();
        if (!text.isEmpty() && Character.isJavaIdentifierStart(text.charAt(0)) && text.chars().allMatch(Character::isJavaIdentifierPart)) {
            return named(text, s);
        }
        return notYet(s, "string annotations other than a plain class name");
    }

    private Type named(String name, Expr at) {
        return switch (name) {
            case "int" -> Type.INT;
            case "float" -> Type.FLOAT;
            case "bool" -> Type.BOOL;
            case "str" -> Type.STR;
            case "None" -> Type.NONE;
            case "any", "Any", "object" -> Type.ANY;
            case "list", "List" -> new Type.ListOf(Type.ANY);
            case "dict", "Dict" -> new Type.DictOf(Type.ANY, Type.ANY);
            case "Callable" -> unknown(at, "'Callable' needs its parameter and result types: Callable[[A, B], R]");
            case "tuple", "Tuple", "set", "Set", "Optional", "Union" -> notYet(at, "the type '" + name + "'");
            default -> {
                if (typeVariables.contains(name)) yield Type.ANY;
                ClassInfo c = classNamed(name);
                yield c != null ? new Type.Instance(c) : unknown(at, "unknown type '" + name + "'");
            }
        };
    }

    ClassInfo classNamed(String name) {
        Variable v = state.moduleScope.variables.get(name);
        if (v != null && v.definedClass() != null) return v.definedClass();
        return state.builtinClasses.get(name);
    }

    private Type generic(Expr.Index i) {
        String head = switch (i.object()) {
            case Expr.Name n -> n.id();
            case Expr.Attribute a when a.object() instanceof Expr.Name m && m.id().equals("typing") -> a.name();
            default -> null;
        };
        List<Expr> args = i.index() instanceof Expr.TupleLit t && !t.parenthesized() ? t.elements() : List.of(i.index());
        if (head == null) return unknown(i, "this is not a type");
        return switch (head) {
            case "list", "List" -> args.size() == 1 ? new Type.ListOf(resolve(args.get(0)))
                    : unknown(i, "'list' takes one type argument");
            case "dict", "Dict" -> args.size() == 2 ? new Type.DictOf(resolve(args.get(0)), resolve(args.get(1)))
                    : unknown(i, "'dict' takes two type arguments");
            case "Callable" -> callable(i, args);
            case "tuple", "Tuple", "set", "Set", "Optional", "Union", "type", "Type" -> notYet(i, "the type '" + head + "[...]'");
            default -> unknown(i, "'" + head + "' is not a generic type");
        };
    }

    private Type callable(Expr.Index i, List<Expr> args) {
        if (args.size() != 2 || !(args.get(0) instanceof Expr.ListLit ps)) {
            return unknown(i, "write a function type as Callable[[A, B], R]");
        }
        var params = new ArrayList<Type>();
        for (Expr p : ps.elements()) params.add(resolve(p));
        return new Type.Function(List.copyOf(params), resolve(args.get(1)));
    }

    private Type unknown(Expr at, String message) {
        state.diags.error(ErrorCode.UNKNOWN_TYPE, at.span(), message);
        return Type.ANY;
    }

    private Type notYet(Expr at, String what) {
        state.diags.error(ErrorCode.NOT_SUPPORTED_YET, at.span(), what + " is not supported yet");
        return Type.ANY;
    }
}
