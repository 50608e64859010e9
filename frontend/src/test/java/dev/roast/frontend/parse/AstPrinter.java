package dev.roast.frontend.parse;

import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.ast.Expr.*;
import dev.roast.frontend.ast.Stmt;
import dev.roast.frontend.ast.Stmt.*;
import java.util.List;
import java.util.stream.Collectors;

/** Prints a syntax tree as fully parenthesised Python-like text, so tests can assert shapes compactly. */
final class AstPrinter {
    private AstPrinter() {}

    static String expr(Expr e) {
        return switch (e) {
            case Name n -> n.id();
            case IntLit i -> Long.toString(i.value());
            case FloatLit f -> Double.toString(f.value());
            case StrLit s -> quote(s.value());
            case BoolLit b -> b.value() ? "True" : "False";
            case NoneLit n -> "None";
            case Ellipsis el -> "...";
            case FString f -> "f<" + f.parts().stream().map(AstPrinter::part).collect(Collectors.joining()) + ">";
            case Binary b -> "(" + expr(b.left()) + " " + b.op().symbol + " " + expr(b.right()) + ")";
            case Unary u -> "(" + u.op().symbol + (u.op() == dev.roast.frontend.ast.UnaryOp.NOT ? " " : "")
                    + expr(u.operand()) + ")";
            case Compare c -> {
                var sb = new StringBuilder("(").append(expr(c.left()));
                for (int i = 0; i < c.ops().size(); i++) {
                    sb.append(' ').append(c.ops().get(i).symbol).append(' ').append(expr(c.rights().get(i)));
                }
                yield sb.append(')').toString();
            }
            case Logical l -> "(" + expr(l.left()) + (l.isAnd() ? " and " : " or ") + expr(l.right()) + ")";
            case Conditional c -> "(" + expr(c.then()) + " if " + expr(c.test()) + " else " + expr(c.orElse()) + ")";
            case Lambda l -> "(lambda" + (l.params().isEmpty() ? "" : " " + params(l.params())) + ": " + expr(l.body()) + ")";
            case Call c -> expr(c.callee()) + "(" + c.args().stream().map(AstPrinter::arg).collect(Collectors.joining(", ")) + ")";
            case Attribute a -> expr(a.object()) + "." + a.name();
            case Index i -> expr(i.object()) + "[" + (i.index() instanceof TupleLit t && !t.parenthesized()
                    ? join(t.elements()) + (t.elements().size() == 1 ? "," : "") : expr(i.index())) + "]";
            case Slice s -> opt(s.lower()) + ":" + opt(s.upper()) + (s.step() != null ? ":" + expr(s.step()) : "");
            case ListLit l -> "[" + join(l.elements()) + "]";
            case TupleLit t -> "(" + join(t.elements()) + (t.elements().size() == 1 ? ",)" : ")");
            case SetLit s -> "{" + join(s.elements()) + "}";
            case DictLit d -> {
                var sb = new StringBuilder("{");
                for (int i = 0; i < d.keys().size(); i++) {
                    if (i > 0) sb.append(", ");
                    if (d.keys().get(i) == null) sb.append("**").append(expr(d.values().get(i)));
                    else sb.append(expr(d.keys().get(i))).append(": ").append(expr(d.values().get(i)));
                }
                yield sb.append('}').toString();
            }
            case Comprehension c -> {
                String element = c.kind() == ComprehensionKind.DICT ? expr(c.element()) + ": " + expr(c.value()) : expr(c.element());
                String clauses = c.generators().stream().map(AstPrinter::clause).collect(Collectors.joining());
                yield switch (c.kind()) {
                    case LIST -> "[" + element + clauses + "]";
                    case SET, DICT -> "{" + element + clauses + "}";
                    case GENERATOR -> "(" + element + clauses + ")";
                };
            }
            case Starred s -> "*" + expr(s.value());
            case Yield y -> "(yield" + (y.from() ? " from" : "") + (y.value() != null ? " " + expr(y.value()) : "") + ")";
            case Await a -> "(await " + expr(a.value()) + ")";
            case NamedExpr n -> "(" + n.target().id() + " := " + expr(n.value()) + ")";
        };
    }

    private static String clause(ComprehensionFor f) {
        return (f.isAsync() ? " async" : "") + " for " + expr(f.target()) + " in " + expr(f.iter())
                + f.conditions().stream().map(c -> " if " + expr(c)).collect(Collectors.joining());
    }

    private static String part(FPart p) {
        return switch (p) {
            case FText t -> t.text().replace("{", "{{").replace("}", "}}");
            case FField f -> "{" + expr(f.expr()) + (f.selfDoc() ? "=" : "") + (f.conversion() != 0 ? "!" + f.conversion() : "")
                    + (f.spec() != null ? ":" + f.spec().parts().stream().map(AstPrinter::part).collect(Collectors.joining()) : "")
                    + "}";
        };
    }

    private static String arg(Arg a) {
        return switch (a.kind()) {
            case POSITIONAL -> expr(a.value());
            case KEYWORD -> a.keyword() + "=" + expr(a.value());
            case STAR -> "*" + expr(a.value());
            case DOUBLE_STAR -> "**" + expr(a.value());
        };
    }

    static String params(List<Param> params) {
        return params.stream().map(p -> {
            String prefix = switch (p.kind()) {
                case VARARGS -> "*";
                case KWARGS -> "**";
                case KEYWORD_ONLY -> "kw:";
                case POSITIONAL_ONLY -> "po:";
                case POSITIONAL -> "";
            };
            return prefix + p.name() + (p.annotation() != null ? ": " + expr(p.annotation()) : "")
                    + (p.defaultValue() != null ? "=" + expr(p.defaultValue()) : "");
        }).collect(Collectors.joining(", "));
    }

    private static String join(List<Expr> es) {
        return es.stream().map(AstPrinter::expr).collect(Collectors.joining(", "));
    }

    private static String opt(Expr e) {
        return e == null ? "" : expr(e);
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("'", "\\'") + "'";
    }

    /** Statements, one per line, nested bodies indented by two spaces. */
    static String stmts(List<Stmt> body) {
        var sb = new StringBuilder();
        for (Stmt s : body) stmt(s, "", sb);
        return sb.toString();
    }

    private static void stmt(Stmt s, String indent, StringBuilder out) {
        out.append(indent);
        String in = indent + "  ";
        switch (s) {
            case ExprStmt e -> out.append(expr(e.expr())).append('\n');
            case Assign a -> out.append(a.targets().stream().map(t -> expr(t) + " = ").collect(Collectors.joining()))
                    .append(expr(a.value())).append('\n');
            case AnnAssign a -> out.append(expr(a.target())).append(": ").append(expr(a.annotation()))
                    .append(a.value() != null ? " = " + expr(a.value()) : "").append('\n');
            case AugAssign a -> out.append(expr(a.target())).append(' ').append(a.op().symbol).append("= ")
                    .append(expr(a.value())).append('\n');
            case If i -> {
                out.append(i.isElif() ? "elif " : "if ").append(expr(i.test())).append(":\n");
                body(i.body(), in, out);
                if (i.orElse().size() == 1 && i.orElse().getFirst() instanceof If elif && elif.isElif()) {
                    stmt(elif, indent, out);
                } else if (!i.orElse().isEmpty()) {
                    out.append(indent).append("else:\n");
                    body(i.orElse(), in, out);
                }
            }
            case While w -> {
                out.append("while ").append(expr(w.test())).append(":\n");
                body(w.body(), in, out);
                orElse(w.orElse(), indent, out);
            }
            case For f -> {
                out.append(f.isAsync() ? "async for " : "for ").append(expr(f.target())).append(" in ")
                        .append(expr(f.iter())).append(":\n");
                body(f.body(), in, out);
                orElse(f.orElse(), indent, out);
            }
            case Break b -> out.append("break\n");
            case Continue c -> out.append("continue\n");
            case Pass p -> out.append("pass\n");
            case Return r -> out.append("return").append(r.value() != null ? " " + expr(r.value()) : "").append('\n');
            case FunctionDef f -> {
                for (Expr d : f.decorators()) out.append('@').append(expr(d)).append('\n').append(indent);
                out.append(f.isAsync() ? "async def " : "def ").append(f.name()).append(typeParams(f.typeParams()))
                        .append('(').append(params(f.params())).append(')')
                        .append(f.returns() != null ? " -> " + expr(f.returns()) : "").append(":\n");
                body(f.body(), in, out);
            }
            case ClassDef c -> {
                for (Expr d : c.decorators()) out.append('@').append(expr(d)).append('\n').append(indent);
                out.append("class ").append(c.name()).append(typeParams(c.typeParams()));
                if (!c.bases().isEmpty()) {
                    out.append('(').append(c.bases().stream().map(AstPrinter::arg).collect(Collectors.joining(", "))).append(')');
                }
                out.append(":\n");
                body(c.body(), in, out);
            }
            case Global g -> out.append("global ").append(g.names().stream().map(Name::id).collect(Collectors.joining(", "))).append('\n');
            case Nonlocal n -> out.append("nonlocal ").append(n.names().stream().map(Name::id).collect(Collectors.joining(", "))).append('\n');
            case Assert a -> out.append("assert ").append(expr(a.test())).append(a.message() != null ? ", " + expr(a.message()) : "").append('\n');
            case Raise r -> out.append("raise").append(r.exception() != null ? " " + expr(r.exception()) : "")
                    .append(r.cause() != null ? " from " + expr(r.cause()) : "").append('\n');
            case Try t -> {
                out.append("try:\n");
                body(t.body(), in, out);
                for (ExceptHandler h : t.handlers()) {
                    out.append(indent).append(t.isStar() ? "except*" : "except")
                            .append(h.type() != null ? " " + expr(h.type()) : "")
                            .append(h.name() != null ? " as " + h.name() : "").append(":\n");
                    body(h.body(), in, out);
                }
                orElse(t.orElse(), indent, out);
                if (!t.finalBody().isEmpty()) {
                    out.append(indent).append("finally:\n");
                    body(t.finalBody(), in, out);
                }
            }
            case Delete d -> out.append("del ").append(join(d.targets())).append('\n');
            case Import i -> out.append("import ").append(i.names().stream().map(AstPrinter::importName).collect(Collectors.joining(", "))).append('\n');
            case ImportFrom i -> out.append("from ").append(".".repeat(i.level())).append(i.module() == null ? "" : i.module())
                    .append(" import ").append(i.names().stream().map(AstPrinter::importName).collect(Collectors.joining(", "))).append('\n');
            case With w -> {
                out.append(w.isAsync() ? "async with " : "with ").append(w.items().stream()
                        .map(item -> expr(item.context()) + (item.target() != null ? " as " + expr(item.target()) : ""))
                        .collect(Collectors.joining(", "))).append(":\n");
                body(w.body(), in, out);
            }
            case Match m -> out.append("match ").append(expr(m.subject())).append(": ...\n");
            case TypeAlias t -> out.append("type ").append(t.name().id()).append(typeParams(t.typeParams())).append(" = ")
                    .append(expr(t.value())).append('\n');
        }
    }

    private static String importName(ImportName n) {
        return n.name() + (n.asName() != null ? " as " + n.asName() : "");
    }

    private static String typeParams(List<TypeParam> tps) {
        if (tps.isEmpty()) return "";
        return "[" + tps.stream().map(t -> t.name() + (t.bound() != null ? ": " + expr(t.bound()) : ""))
                .collect(Collectors.joining(", ")) + "]";
    }

    private static void body(List<Stmt> body, String indent, StringBuilder out) {
        for (Stmt s : body) stmt(s, indent, out);
    }

    private static void orElse(List<Stmt> orElse, String indent, StringBuilder out) {
        if (orElse.isEmpty()) return;
        out.append(indent).append("else:\n");
        body(orElse, indent + "  ", out);
    }
}
