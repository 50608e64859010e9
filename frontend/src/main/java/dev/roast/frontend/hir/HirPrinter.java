package dev.roast.frontend.hir;

import dev.roast.frontend.types.ClassInfo;
import dev.roast.frontend.types.Type;
import java.util.List;

/**
 * Prints a checked module readably (`roast dis --hir`): every function with
 * its frame, every statement, and every expression as one line with its
 * static type after a colon, names with their resolution in brackets.
 */
public final class HirPrinter {
    private final StringBuilder out = new StringBuilder();
    private final HModule module;

    private HirPrinter(HModule module) {
        this.module = module;
    }

    public static String print(HModule module) {
        var p = new HirPrinter(module);
        p.module();
        return p.out.toString();
    }

    private void line(int depth, String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }

    private String where(dev.roast.frontend.source.Span span) {
        return module.file().name() + ":" + module.file().line(span.start());
    }

    private void module() {
        line(0, "module " + module.file().name());
        line(0, "globals:");
        for (Variable v : module.globals()) line(1, "[global " + v.index() + "] " + v.name() + ": " + typeOf(v));
        for (ClassInfo c : module.classes()) classInfo(c);
        function(module.main());
        for (FunctionInfo f : module.functions()) function(f);
    }

    private static String typeOf(Variable v) {
        if (v.definedFunction() != null) return v.definedFunction().type() + " (def " + v.definedFunction().qualifiedName() + ")";
        if (v.definedClass() != null) return "type[" + v.definedClass().name() + "] (class)";
        return String.valueOf(v.type());
    }

    private void classInfo(ClassInfo c) {
        out.append('\n');
        line(0, "class " + c.name() + (c.base() != null ? "(" + c.base().name() + ")" : "") + "  " + where(c.span())
                + "  [" + c.fieldCount() + " fields, vtable " + c.vtableSize() + "]");
        for (ClassInfo.Field f : c.fields()) line(1, "field " + f.name() + ": " + f.type() + " [slot " + f.slot() + "]");
        for (ClassInfo.Constant k : c.ownConstants().values()) line(1, "constant " + k.name() + ": " + k.type());
        for (ClassInfo.Method m : c.ownMethods().values()) {
            line(1, "method " + m.name() + ": " + m.signature() + (m.isStatic() ? " [static]" : " [vtable " + m.vtableSlot() + "]"));
        }
    }

    private void function(FunctionInfo f) {
        out.append('\n');
        var sig = new StringBuilder();
        for (Variable p : f.params()) {
            if (!sig.isEmpty()) sig.append(", ");
            sig.append(p.name()).append(": ").append(p.type());
        }
        line(0, switch (f.kind()) {
            case MODULE -> "code <module>";
            case LAMBDA -> "lambda " + f.qualifiedName() + "(" + sig + ") -> " + f.result();
            case STATIC_METHOD -> "static def " + f.qualifiedName() + "(" + sig + ") -> " + f.result();
            default -> "def " + f.qualifiedName() + "(" + sig + ") -> " + f.result();
        } + "  " + where(f.span()));
        if (f.kind() != FunctionInfo.Kind.MODULE) {
            var frame = new StringBuilder();
            for (Variable v : f.params()) frame.append(" ").append(slot(v));
            for (Variable v : f.locals()) frame.append(" ").append(slot(v));
            line(1, "frame:" + (frame.isEmpty() ? " -" : frame));
            if (!f.captured().isEmpty()) {
                var caps = new StringBuilder();
                for (int i = 0; i < f.captured().size(); i++) {
                    Variable v = f.captured().get(i);
                    caps.append(" ").append(i).append("=").append(v.owner().qualifiedName()).append(".").append(v.name());
                }
                line(1, "captures:" + caps);
            }
        }
        block(1, f.body());
    }

    private static String slot(Variable v) {
        return v.index() + "=" + v.name() + ":" + v.type() + (v.isCell() ? "(cell)" : "");
    }

    private void block(int depth, List<HStmt> body) {
        if (body.isEmpty()) line(depth, "pass");
        for (HStmt s : body) stmt(depth, s);
    }

    private void stmt(int d, HStmt s) {
        switch (s) {
            case HStmt.ExprStmt e -> { line(d, "expr"); expr(d + 1, e.expr()); }
            case HStmt.Assign a -> {
                line(d, "assign");
                for (HStmt.Target t : a.targets()) target(d + 1, t);
                expr(d + 1, a.value());
            }
            case HStmt.AugAssign a -> {
                line(d, "aug-assign " + a.op().symbol + "= : " + a.targetType() + " -> " + a.resultType());
                target(d + 1, a.target());
                expr(d + 1, a.value());
            }
            case HStmt.If i -> {
                line(d, "if");
                expr(d + 1, i.test());
                line(d, "then");
                block(d + 1, i.then());
                if (!i.orElse().isEmpty()) {
                    line(d, "else");
                    block(d + 1, i.orElse());
                }
            }
            case HStmt.While w -> {
                line(d, "while");
                expr(d + 1, w.test());
                line(d, "do");
                block(d + 1, w.body());
            }
            case HStmt.ForRange f -> {
                line(d, "for-range");
                target(d + 1, f.target());
                expr(d + 1, f.start());
                expr(d + 1, f.stop());
                expr(d + 1, f.step());
                line(d, "do");
                block(d + 1, f.body());
            }
            case HStmt.ForEach f -> {
                line(d, "for-each : " + f.elementType());
                target(d + 1, f.target());
                expr(d + 1, f.iterable());
                line(d, "do");
                block(d + 1, f.body());
            }
            case HStmt.Break b -> line(d, "break");
            case HStmt.Continue c -> line(d, "continue");
            case HStmt.Return r -> {
                line(d, "return");
                if (r.value() != null) expr(d + 1, r.value());
            }
            case HStmt.Def def -> {
                line(d, "def " + def.function().qualifiedName());
                target(d + 1, def.target());
            }
            case HStmt.ClassDef c -> {
                line(d, "class " + c.cls().name());
                target(d + 1, c.target());
                block(d + 1, c.constantInits());
            }
            case HStmt.Assert a -> {
                line(d, "assert");
                expr(d + 1, a.test());
                if (a.message() != null) expr(d + 1, a.message());
            }
            case HStmt.Raise r -> { line(d, "raise"); expr(d + 1, r.exception()); }
            case HStmt.DeleteItem del -> { line(d, "del-item"); expr(d + 1, del.object()); expr(d + 1, del.index()); }
        }
    }

    private void target(int d, HStmt.Target t) {
        switch (t) {
            case HStmt.StoreVar v -> line(d, "store " + v.name() + " [" + v.binding().describe() + "]");
            case HStmt.SetField f -> { line(d, "set-field " + f.field().name() + " [slot " + f.field().slot() + "] : " + f.field().type()); expr(d + 1, f.object()); }
            case HStmt.SetConstant k -> {
                line(d, "set-constant " + k.constant().owner().name() + "." + k.constant().name() + " : " + k.constant().type());
                if (k.receiver() != null) expr(d + 1, k.receiver());
            }
            case HStmt.SetItem i -> { line(d, "set-item"); expr(d + 1, i.object()); expr(d + 1, i.index()); }
            case HStmt.SetAttrDynamic a -> { line(d, "set-attr-dynamic " + a.name()); expr(d + 1, a.object()); }
        }
    }

    private void expr(int d, HExpr e) {
        String t = " : " + e.type();
        switch (e) {
            case HExpr.IntConst i -> line(d, "int " + i.value() + t);
            case HExpr.FloatConst f -> line(d, "float " + f.value() + t);
            case HExpr.StrConst s -> line(d, "str " + quote(s.value()) + t);
            case HExpr.BoolConst b -> line(d, "bool " + (b.value() ? "True" : "False") + t);
            case HExpr.NoneConst n -> line(d, "None" + t);
            case HExpr.FString f -> {
                line(d, "f-string" + t);
                for (HExpr.FPart p : f.parts()) {
                    switch (p) {
                        case HExpr.FText x -> line(d + 1, "text " + quote(x.text()));
                        case HExpr.FField x -> {
                            line(d + 1, "field" + (x.conversion() != 0 ? " !" + x.conversion() : ""));
                            expr(d + 2, x.value());
                            if (x.spec() != null) {
                                line(d + 2, "spec");
                                expr(d + 3, x.spec());
                            }
                        }
                    }
                }
            }
            case HExpr.Load l -> line(d, "load " + l.name() + " [" + l.binding().describe() + "]" + t);
            case HExpr.Binary b -> { line(d, "binary " + b.op().symbol + t); expr(d + 1, b.left()); expr(d + 1, b.right()); }
            case HExpr.Unary u -> { line(d, "unary " + u.op().symbol + t); expr(d + 1, u.operand()); }
            case HExpr.Compare c -> {
                var ops = new StringBuilder();
                c.ops().forEach(o -> ops.append(' ').append(o.symbol));
                line(d, "compare" + ops + t);
                expr(d + 1, c.left());
                c.rights().forEach(r -> expr(d + 1, r));
            }
            case HExpr.Logical l -> { line(d, (l.isAnd() ? "and" : "or") + t); expr(d + 1, l.left()); expr(d + 1, l.right()); }
            case HExpr.Conditional c -> { line(d, "if-else" + t); expr(d + 1, c.test()); expr(d + 1, c.then()); expr(d + 1, c.orElse()); }
            case HExpr.Lambda l -> line(d, "lambda " + l.function().qualifiedName() + t);
            case HExpr.Call c -> { line(d, "call" + t); expr(d + 1, c.callee()); c.args().forEach(a -> expr(d + 1, a)); }
            case HExpr.CallFunction c -> { line(d, "call-function " + c.function().qualifiedName() + t); c.args().forEach(a -> expr(d + 1, a)); }
            case HExpr.CallMethod c -> {
                line(d, "call-method " + c.method().owner().name() + "." + c.method().name() + " [vtable " + c.method().vtableSlot() + "]" + t);
                expr(d + 1, c.receiver());
                c.args().forEach(a -> expr(d + 1, a));
            }
            case HExpr.CallSuper c -> {
                line(d, "call-super " + c.method().owner().name() + "." + c.method().name() + t);
                expr(d + 1, c.self());
                c.args().forEach(a -> expr(d + 1, a));
            }
            case HExpr.CallDynamic c -> { line(d, "call-dynamic ." + c.name() + t); expr(d + 1, c.receiver()); c.args().forEach(a -> expr(d + 1, a)); }
            case HExpr.CallBuiltin c -> {
                line(d, "call-builtin " + c.builtin().displayName() + t);
                c.args().forEach(a -> expr(d + 1, a));
                keywords(d + 1, c.keywords());
            }
            case HExpr.CallBuiltinMethod c -> {
                line(d, "call-builtin-method " + c.method().receiver.name().toLowerCase() + "." + c.method().pyName + t);
                expr(d + 1, c.receiver());
                c.args().forEach(a -> expr(d + 1, a));
                keywords(d + 1, c.keywords());
            }
            case HExpr.New n -> {
                line(d, "new " + n.cls().name() + (n.init() != null ? " [init " + n.init().owner().name() + ".__init__]" : "") + t);
                n.args().forEach(a -> expr(d + 1, a));
            }
            case HExpr.GetField g -> { line(d, "get-field " + g.field().name() + " [slot " + g.field().slot() + "]" + t); expr(d + 1, g.object()); }
            case HExpr.GetConstant g -> {
                line(d, "get-constant " + g.constant().owner().name() + "." + g.constant().name() + t);
                if (g.receiver() != null) expr(d + 1, g.receiver());
            }
            case HExpr.GetAttrDynamic g -> { line(d, "get-attr-dynamic ." + g.name() + t); expr(d + 1, g.object()); }
            case HExpr.BoundMethod b -> { line(d, "bound-method " + b.method().owner().name() + "." + b.method().name() + t); expr(d + 1, b.receiver()); }
            case HExpr.ModuleConstant m -> line(d, "module-constant " + m.module() + "." + m.name() + t);
            case HExpr.BuiltinRef b -> line(d, "builtin " + b.builtin().displayName() + t);
            case HExpr.Index i -> { line(d, "index" + t); expr(d + 1, i.object()); expr(d + 1, i.index()); }
            case HExpr.ListDisplay l -> { line(d, "list" + t); l.elements().forEach(x -> expr(d + 1, x)); }
            case HExpr.DictDisplay m -> {
                line(d, "dict" + t);
                for (int i = 0; i < m.keys().size(); i++) { expr(d + 1, m.keys().get(i)); expr(d + 2, m.values().get(i)); }
            }
            case HExpr.Coerce c -> {
                String kind = c.value().type() == Type.ANY ? "check" : "convert";
                line(d, kind + " " + c.value().type() + " -> " + c.type() + t);
                expr(d + 1, c.value());
            }
        }
    }

    private void keywords(int d, List<HExpr.Keyword> kws) {
        for (HExpr.Keyword k : kws) {
            line(d, "keyword " + k.name() + "=");
            expr(d + 1, k.value());
        }
    }

    private static String quote(String s) {
        var b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
