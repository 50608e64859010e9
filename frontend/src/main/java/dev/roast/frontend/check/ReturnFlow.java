package dev.roast.frontend.check;

import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.ast.Stmt;
import java.util.List;

/** Can control fall off the end of a block? Decides E0069 for functions whose result is not None. */
final class ReturnFlow {
    private ReturnFlow() {}

    static boolean canCompleteNormally(List<Stmt> body) {
        for (Stmt s : body) if (!canComplete(s)) return false;
        return true;
    }

    private static boolean canComplete(Stmt s) {
        return switch (s) {
            case Stmt.Return r -> false;
            case Stmt.Raise r -> false;
            case Stmt.Assert a -> !(a.test() instanceof Expr.BoolLit b && !b.value());
            case Stmt.If i -> i.orElse().isEmpty() || canCompleteNormally(i.body()) || canCompleteNormally(i.orElse());
            case Stmt.While w -> !(alwaysTrue(w.test()) && !breaksOut(w.body()));
            default -> true;
        };
    }

    private static boolean alwaysTrue(Expr e) {
        return e instanceof Expr.BoolLit b && b.value() || e instanceof Expr.IntLit i && i.value() != 0;
    }

    /** Does a `break` in this loop body leave this loop (not a nested one)? */
    private static boolean breaksOut(List<Stmt> body) {
        for (Stmt s : body) {
            boolean found = switch (s) {
                case Stmt.Break b -> true;
                case Stmt.If i -> breaksOut(i.body()) || breaksOut(i.orElse());
                case Stmt.While w -> breaksOut(w.orElse());
                case Stmt.For f -> breaksOut(f.orElse());
                case Stmt.Try t -> breaksOut(t.body()) || t.handlers().stream().anyMatch(h -> breaksOut(h.body()))
                        || breaksOut(t.orElse()) || breaksOut(t.finalBody());
                case Stmt.With w -> breaksOut(w.body());
                default -> false;
            };
            if (found) return true;
        }
        return false;
    }

    /** Does the body contain `return <value>` (outside nested definitions)? */
    static boolean returnsValue(List<Stmt> body) {
        for (Stmt s : body) {
            boolean found = switch (s) {
                case Stmt.Return r -> r.value() != null;
                case Stmt.If i -> returnsValue(i.body()) || returnsValue(i.orElse());
                case Stmt.While w -> returnsValue(w.body()) || returnsValue(w.orElse());
                case Stmt.For f -> returnsValue(f.body()) || returnsValue(f.orElse());
                case Stmt.Try t -> returnsValue(t.body()) || t.handlers().stream().anyMatch(h -> returnsValue(h.body()))
                        || returnsValue(t.orElse()) || returnsValue(t.finalBody());
                case Stmt.With w -> returnsValue(w.body());
                default -> false;
            };
            if (found) return true;
        }
        return false;
    }
}
