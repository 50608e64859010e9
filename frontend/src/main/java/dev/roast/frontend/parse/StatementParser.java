package dev.roast.frontend.parse;

import static dev.roast.frontend.lex.TokenKind.*;

import dev.roast.frontend.ast.BinaryOp;
import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.ast.Expr.Name;
import dev.roast.frontend.ast.Expr.Param;
import dev.roast.frontend.ast.Stmt;
import dev.roast.frontend.ast.Stmt.*;
import dev.roast.frontend.diag.ErrorCode;
import dev.roast.frontend.lex.Token;
import dev.roast.frontend.lex.TokenKind;
import dev.roast.frontend.parse.TokenStream.ParseError;
import dev.roast.frontend.source.Span;
import java.util.ArrayList;
import java.util.List;

/** Recursive descent over Python 3.12's statements, with recovery at statement boundaries. */
final class StatementParser extends ExpressionParser {

    StatementParser(TokenStream ts) {
        super(ts);
    }

    List<Stmt> module() {
        var body = new ArrayList<Stmt>();
        while (!ts.at(EOF)) {
            body.addAll(statements());
            ts.accept(DEDENT); // only after an unbalanced layout; keeps the loop moving
        }
        return body;
    }

    /** The statements of a block, up to its DEDENT (or the end of the file). */
    private List<Stmt> statements() {
        var out = new ArrayList<Stmt>();
        int strayIndents = 0;
        while (true) {
            switch (ts.kind()) {
                case EOF -> { return out; }
                case DEDENT -> {
                    if (strayIndents == 0) return out;
                    strayIndents--;
                    ts.next();
                }
                case INDENT -> {
                    // Reported once; the over-indented lines are parsed as part of this block.
                    ts.next();
                    strayIndents++;
                    ts.reportUnlessLexerDid(ErrorCode.INDENTATION, ts.peek().span(), "unexpected indent");
                }
                default -> statement(out);
            }
        }
    }

    private void statement(List<Stmt> out) {
        int start = ts.index();
        int outerNesting = nesting;
        Context outerContext = ctx;
        try {
            switch (ts.kind()) {
                case IF -> out.add(ifStatement());
                case WHILE -> out.add(whileStatement());
                case FOR -> out.add(forStatement(null));
                case TRY -> out.add(tryStatement());
                case WITH -> out.add(withStatement(null));
                case DEF -> out.add(functionDef(new ArrayList<>(), null));
                case CLASS -> out.add(classDef(new ArrayList<>()));
                case AT -> out.add(decorated());
                case ASYNC -> out.add(asyncStatement(new ArrayList<>()));
                default -> {
                    if (atMatchStatement()) out.add(matchStatement());
                    else simpleStatements(out);
                }
            }
        } catch (ParseError e) {
            nesting = outerNesting;
            ctx = outerContext;
            ts.recover(start);
        }
    }

    /** The body after a compound statement's ':' — an indented block, or simple statements on the same line. */
    private List<Stmt> block(String what, Token header) {
        if (!ts.accept(NEWLINE)) {
            var out = new ArrayList<Stmt>();
            simpleStatements(out);
            return out;
        }
        if (!ts.at(INDENT)) {
            throw ts.fail(ErrorCode.INDENTATION, ts.peek().span(),
                    "expected an indented block after " + what + " on line " + ts.line(header.start()));
        }
        nest(); // before the INDENT, so that recovery skips the block that is too deep
        ts.next();
        List<Stmt> body = statements();
        nesting--;
        ts.accept(DEDENT);
        return body;
    }

    private List<Stmt> loopBody(String what, Token header) {
        Context outer = ctx;
        ctx = ctx.loop();
        try {
            return block(what, header);
        } finally {
            ctx = outer;
        }
    }

    private List<Stmt> bodyIn(Context context, String what, Token header) {
        Context outer = ctx;
        ctx = context;
        try {
            return block(what, header);
        } finally {
            ctx = outer;
        }
    }

    private void colon() {
        if (ts.accept(COLON)) return;
        if (ts.at(EQUAL)) throw ts.fail("invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        throw ts.fail("expected ':'");
    }

    // ---- simple statements ----

    private void simpleStatements(List<Stmt> out) {
        Stmt last;
        do {
            last = simpleStatement();
            out.add(last);
        } while (ts.accept(SEMI) && !ts.at(NEWLINE) && !ts.at(EOF));
        if (ts.accept(NEWLINE) || ts.at(EOF)) return;
        if (!startsExpression(ts.kind())) throw ts.fail("invalid syntax");
        if (last instanceof ExprStmt(Name(String id, _), _) && id.equals("print")) {
            throw ts.fail("Missing parentheses in call to 'print'. Did you mean print(...)?");
        }
        throw ts.fail("invalid syntax. Perhaps you forgot a comma?");
    }

    private Stmt simpleStatement() {
        Token t = ts.peek();
        return switch (t.kind()) {
            case PASS -> {
                ts.next();
                yield new Pass(t.span());
            }
            case BREAK -> {
                ts.next();
                if (!ctx.inLoop()) ts.report(ErrorCode.OUTSIDE_CONTEXT, t.span(), "'break' outside loop");
                yield new Break(t.span());
            }
            case CONTINUE -> {
                ts.next();
                if (!ctx.inLoop()) ts.report(ErrorCode.OUTSIDE_CONTEXT, t.span(), "'continue' not properly in loop");
                yield new Continue(t.span());
            }
            case RETURN -> returnStatement();
            case RAISE -> raiseStatement();
            case GLOBAL -> new Global(declaredNames(), ts.from(t.start()));
            case NONLOCAL -> {
                if (ctx.scope() == Context.Scope.MODULE) {
                    ts.report(ErrorCode.OUTSIDE_CONTEXT, t.span(), "nonlocal declaration not allowed at module level");
                }
                yield new Nonlocal(declaredNames(), ts.from(t.start()));
            }
            case DEL -> deleteStatement();
            case ASSERT -> assertStatement();
            case IMPORT -> importStatement();
            case FROM -> fromImport();
            case NAME -> "type".equals(t.text()) && ts.kind(1) == NAME ? typeAlias() : expressionStatement();
            default -> expressionStatement();
        };
    }

    private Stmt returnStatement() {
        Token kw = ts.next();
        if (!ctx.inFunction()) ts.report(ErrorCode.OUTSIDE_CONTEXT, kw.span(), "'return' outside function");
        Expr value = startsStarExpression(ts.kind()) ? starExpressions() : null;
        noBareStarred(value);
        return new Return(value, ts.from(kw.start()));
    }

    private Stmt raiseStatement() {
        Token kw = ts.next();
        Expr exception = null;
        Expr cause = null;
        if (startsExpression(ts.kind())) {
            exception = expression();
            if (ts.accept(FROM)) cause = expression();
        }
        return new Raise(exception, cause, ts.from(kw.start()));
    }

    /** The names after {@code global} or {@code nonlocal}, at the keyword. */
    private List<Name> declaredNames() {
        ts.next();
        var names = new ArrayList<Name>();
        do {
            Token n = ts.expect(NAME, "invalid syntax");
            names.add(new Name(n.text(), n.span()));
        } while (ts.accept(COMMA));
        return names;
    }

    private Stmt deleteStatement() {
        Token kw = ts.next();
        var targets = new ArrayList<Expr>();
        do {
            Expr target = starExpression();
            Targets.check(target, Targets.Use.DEL, ts);
            targets.add(target);
        } while (ts.accept(COMMA) && startsStarExpression(ts.kind()));
        return new Delete(targets, ts.from(kw.start()));
    }

    private Stmt assertStatement() {
        Token kw = ts.next();
        Expr test = expression();
        Expr message = ts.accept(COMMA) ? expression() : null;
        return new Assert(test, message, ts.from(kw.start()));
    }

    private Stmt importStatement() {
        Token kw = ts.next();
        if (!ts.at(NAME)) throw ts.fail("Expected one or more names after 'import'");
        var names = new ArrayList<ImportName>();
        do {
            int start = ts.start();
            String name = dottedName();
            names.add(new ImportName(name, alias(), ts.from(start)));
        } while (ts.accept(COMMA));
        return new Import(names, ts.from(kw.start()));
    }

    private Stmt fromImport() {
        Token kw = ts.next();
        int level = 0;
        for (boolean dots = true; dots; ) {
            if (ts.accept(DOT)) level++;
            else if (ts.accept(ELLIPSIS)) level += 3;
            else dots = false;
        }
        String module = ts.at(NAME) || level == 0 ? dottedName() : null;
        ts.expect(IMPORT, "expected 'import'");
        var names = new ArrayList<ImportName>();
        if (ts.at(STAR)) {
            Token star = ts.next();
            names.add(new ImportName("*", null, star.span()));
        } else if (ts.accept(LPAR)) {
            while (!ts.at(RPAR)) {
                names.add(importedName());
                if (!ts.accept(COMMA)) break;
            }
            close(RPAR);
            if (names.isEmpty()) throw ts.fail("Expected one or more names after 'import'");
        } else {
            if (!ts.at(NAME)) throw ts.fail("Expected one or more names after 'import'");
            names.add(importedName());
            while (ts.accept(COMMA)) {
                if (!ts.at(NAME)) throw ts.fail("trailing comma not allowed without surrounding parentheses");
                names.add(importedName());
            }
        }
        return new ImportFrom(module, level, names, ts.from(kw.start()));
    }

    private ImportName importedName() {
        Token name = ts.expect(NAME, "invalid syntax");
        return new ImportName(name.text(), alias(), ts.from(name.start()));
    }

    private String alias() {
        return ts.accept(AS) ? ts.expect(NAME, "invalid syntax").text() : null;
    }

    private String dottedName() {
        var name = new StringBuilder(ts.expect(NAME, "invalid syntax").text());
        while (ts.accept(DOT)) name.append('.').append(ts.expect(NAME, "invalid syntax").text());
        return name.toString();
    }

    /** {@code type X[T] = value}, at the soft keyword. */
    private Stmt typeAlias() {
        Token kw = ts.next();
        Token name = ts.next();
        var typeParams = ts.at(LSQB) ? typeParams() : new ArrayList<TypeParam>();
        ts.expect(EQUAL, "expected '='");
        Expr value = expression();
        return new TypeAlias(new Name(name.text(), name.span()), typeParams, value, ts.from(kw.start()));
    }

    /** An expression statement, or an assignment of one of the three kinds. */
    private Stmt expressionStatement() {
        int start = ts.start();
        Expr first = valueExpression();
        TokenKind k = ts.kind();
        if (k == COLON) return annotatedAssignment(first, start);
        if (k == EQUAL) return assignment(first, start);
        BinaryOp op = augmentedOperator(k);
        if (op != null) {
            ts.next();
            Targets.check(first, Targets.Use.AUGMENTED, ts);
            Expr value = valueExpression();
            noBareStarred(value);
            return new AugAssign(first, op, value, ts.from(start));
        }
        noBareStarred(first);
        return new ExprStmt(first, ts.from(start));
    }

    /** What may stand on either side of '=': a yield expression or star_expressions. */
    private Expr valueExpression() {
        return ts.at(YIELD) ? yieldExpression() : starExpressions();
    }

    private Stmt assignment(Expr first, int start) {
        var targets = listOf(first);
        Expr value;
        while (true) {
            ts.next(); // '='
            Expr e = valueExpression();
            if (!ts.at(EQUAL)) {
                value = e;
                break;
            }
            targets.add(e);
        }
        for (Expr target : targets) Targets.check(target, Targets.Use.ASSIGN, ts);
        noBareStarred(value);
        return new Assign(targets, value, ts.from(start));
    }

    private Stmt annotatedAssignment(Expr target, int start) {
        ts.next(); // ':'
        Targets.check(target, Targets.Use.ANNOTATED, ts);
        Expr annotation = expression();
        Expr value = null;
        if (ts.accept(EQUAL)) {
            value = valueExpression();
            noBareStarred(value);
        }
        return new AnnAssign(target, annotation, value, ts.from(start));
    }

    private static BinaryOp augmentedOperator(TokenKind k) {
        return switch (k) {
            case PLUSEQUAL -> BinaryOp.ADD;
            case MINEQUAL -> BinaryOp.SUB;
            case STAREQUAL -> BinaryOp.MUL;
            case SLASHEQUAL -> BinaryOp.DIV;
            case DOUBLESLASHEQUAL -> BinaryOp.FLOOR_DIV;
            case PERCENTEQUAL -> BinaryOp.MOD;
            case DOUBLESTAREQUAL -> BinaryOp.POW;
            case ATEQUAL -> BinaryOp.MATMUL;
            case AMPEREQUAL -> BinaryOp.BIT_AND;
            case VBAREQUAL -> BinaryOp.BIT_OR;
            case CIRCUMFLEXEQUAL -> BinaryOp.BIT_XOR;
            case LSHIFTEQUAL -> BinaryOp.LSHIFT;
            case RSHIFTEQUAL -> BinaryOp.RSHIFT;
            default -> null;
        };
    }

    // ---- compound statements ----

    private Stmt ifStatement() {
        record Clause(Token keyword, Expr test, List<Stmt> body) {}
        var clauses = new ArrayList<Clause>();
        do {
            Token kw = ts.next(); // if / elif
            Expr test = namedExpression();
            colon();
            clauses.add(new Clause(kw, test, block("'" + kw.kind().text + "' statement", kw)));
        } while (ts.at(ELIF));
        List<Stmt> orElse = elseClause();
        // Built from the last elif outwards, so that long elif chains need no recursion.
        int end = ts.lastEnd();
        Stmt result = null;
        for (int i = clauses.size() - 1; i >= 0; i--) {
            Clause c = clauses.get(i);
            result = new If(c.test(), c.body(), orElse, i > 0, new Span(c.keyword().start(), end));
            orElse = listOf(result);
        }
        return result;
    }

    private List<Stmt> elseClause() {
        if (!ts.at(ELSE)) return new ArrayList<>();
        Token kw = ts.next();
        colon();
        return block("'else' statement", kw);
    }

    private Stmt whileStatement() {
        Token kw = ts.next();
        Expr test = namedExpression();
        colon();
        List<Stmt> body = loopBody("'while' statement", kw);
        List<Stmt> orElse = elseClause();
        return new While(test, body, orElse, ts.from(kw.start()));
    }

    private Stmt forStatement(Token async) {
        Token kw = ts.next();
        Expr target = targets();
        Targets.check(target, Targets.Use.FOR, ts);
        ts.expect(IN, "expected 'in'");
        Expr iter = starExpressions();
        colon();
        List<Stmt> body = loopBody("'for' statement", kw);
        List<Stmt> orElse = elseClause();
        return new For(target, iter, body, orElse, async != null, ts.from((async != null ? async : kw).start()));
    }

    private Stmt tryStatement() {
        Token kw = ts.next();
        colon();
        List<Stmt> body = block("'try' statement", kw);
        var handlers = new ArrayList<ExceptHandler>();
        Boolean star = null;
        while (ts.at(EXCEPT)) {
            Token except = ts.next();
            boolean isStar = ts.accept(STAR);
            if (star == null) star = isStar;
            else if (star != isStar) {
                ts.report(ErrorCode.SYNTAX, except.span(), "cannot have both 'except' and 'except*' on the same 'try'");
            }
            handlers.add(exceptHandler(except, isStar));
        }
        for (int i = 0; i < handlers.size() - 1; i++) {
            if (handlers.get(i).type() == null) {
                int at = handlers.get(i).span().start();
                ts.report(ErrorCode.SYNTAX, new Span(at, at + "except".length()), "default 'except:' must be last");
            }
        }
        List<Stmt> orElse = handlers.isEmpty() ? new ArrayList<>() : elseClause();
        List<Stmt> finalBody = new ArrayList<>();
        if (ts.at(FINALLY)) {
            Token f = ts.next();
            colon();
            finalBody = block("'finally' statement", f);
        } else if (handlers.isEmpty()) {
            throw ts.fail("expected 'except' or 'finally' block");
        }
        return new Try(body, handlers, orElse, finalBody, Boolean.TRUE.equals(star), ts.from(kw.start()));
    }

    private ExceptHandler exceptHandler(Token except, boolean isStar) {
        Expr type = null;
        String name = null;
        if (!ts.at(COLON)) {
            type = expression();
            if (ts.at(COMMA)) throw ts.fail("multiple exception types must be parenthesized");
            if (ts.accept(AS)) name = ts.expect(NAME, "invalid syntax").text();
        } else if (isStar) {
            throw ts.fail("expected one or more exception types");
        }
        colon();
        List<Stmt> body = block(isStar ? "'except*' statement" : "'except' statement", except);
        return new ExceptHandler(type, name, body, ts.from(except.start()));
    }

    private Stmt withStatement(Token async) {
        Token kw = ts.next();
        var items = new ArrayList<WithItem>();
        if (ts.at(LPAR) && parenthesizedWithItems()) {
            ts.next();
            while (!ts.at(RPAR)) {
                items.add(withItem());
                if (!ts.accept(COMMA)) break;
            }
            close(RPAR);
        } else {
            do items.add(withItem()); while (ts.accept(COMMA));
        }
        colon();
        List<Stmt> body = block("'with' statement", kw);
        return new With(items, body, async != null, ts.from((async != null ? async : kw).start()));
    }

    /** Whether `with (` opens a list of items rather than an expression: its matching ')' is followed by ':'. */
    private boolean parenthesizedWithItems() {
        int depth = 0;
        for (int i = 0; ; i++) {
            switch (ts.kind(i)) {
                case LPAR, LSQB, LBRACE -> depth++;
                case RPAR, RSQB, RBRACE -> {
                    if (--depth == 0) return ts.kind(i + 1) == COLON;
                }
                case NEWLINE, EOF -> { return false; }
                default -> {}
            }
        }
    }

    private WithItem withItem() {
        int start = ts.start();
        Expr context = expression();
        Expr target = null;
        if (ts.accept(AS)) {
            target = target();
            Targets.check(target, Targets.Use.WITH, ts);
        }
        return new WithItem(context, target, ts.from(start));
    }

    private Stmt decorated() {
        var decorators = new ArrayList<Expr>();
        while (ts.accept(AT)) {
            decorators.add(namedExpression());
            if (!ts.accept(NEWLINE)) throw ts.fail("invalid syntax");
        }
        return switch (ts.kind()) {
            case DEF -> functionDef(decorators, null);
            case CLASS -> classDef(decorators);
            case ASYNC -> asyncStatement(decorators);
            default -> throw ts.fail("expected 'def' or 'class' after a decorator");
        };
    }

    private Stmt asyncStatement(List<Expr> decorators) {
        Token async = ts.next();
        return switch (ts.kind()) {
            case DEF -> functionDef(decorators, async);
            case FOR -> {
                if (!decorators.isEmpty()) throw ts.fail("invalid syntax");
                yield forStatement(async);
            }
            case WITH -> {
                if (!decorators.isEmpty()) throw ts.fail("invalid syntax");
                yield withStatement(async);
            }
            default -> throw ts.fail("expected 'def', 'for' or 'with' after 'async'");
        };
    }

    private Stmt functionDef(List<Expr> decorators, Token async) {
        Token kw = ts.next();
        Token name = ts.expect(NAME, "expected a function name");
        var typeParams = ts.at(LSQB) ? typeParams() : new ArrayList<TypeParam>();
        ts.expect(LPAR, "expected '('");
        List<Param> params = parameters(RPAR, true);
        close(RPAR);
        Expr returns = ts.accept(ARROW) ? expression() : null;
        colon();
        List<Stmt> body = bodyIn(Context.FUNCTION_BODY, "function definition", kw);
        return new FunctionDef(name.text(), name.span(), typeParams, params, returns, body, decorators, async != null,
                ts.from((async != null ? async : kw).start()));
    }

    private Stmt classDef(List<Expr> decorators) {
        Token kw = ts.next();
        Token name = ts.expect(NAME, "expected a class name");
        var typeParams = ts.at(LSQB) ? typeParams() : new ArrayList<TypeParam>();
        List<Expr.Arg> bases = new ArrayList<>();
        if (ts.accept(LPAR)) {
            bases = arguments();
            close(RPAR);
        }
        colon();
        List<Stmt> body = bodyIn(Context.CLASS_BODY, "class definition", kw);
        return new ClassDef(name.text(), name.span(), typeParams, bases, body, decorators, ts.from(kw.start()));
    }

    // ---- match ----

    /**
     * `match` is a soft keyword: the statement form is a logical line that starts with `match`,
     * continues with an expression, and ends with ':' — which no other statement can.
     */
    private boolean atMatchStatement() {
        Token t = ts.peek();
        if (!t.is(NAME) || !"match".equals(t.text()) || !startsStarExpression(ts.kind(1))) return false;
        for (int i = 2; ; i++) {
            TokenKind k = ts.kind(i);
            if (k == NEWLINE || k == EOF) return ts.kind(i - 1) == COLON;
        }
    }

    /** Reports `match` as unsupported, then skips its cases. */
    private Stmt matchStatement() {
        Token kw = ts.next();
        ts.report(ErrorCode.NOT_SUPPORTED, kw.span(), "the 'match' statement is not supported");
        int start = ts.start();
        Expr subject = starNamedExpression();
        if (ts.at(COMMA)) {
            var elements = listOf(subject);
            while (ts.accept(COMMA) && startsStarExpression(ts.kind())) elements.add(starNamedExpression());
            subject = new Expr.TupleLit(elements, false, ts.from(start));
        }
        colon();
        ts.expect(NEWLINE, "invalid syntax");
        if (!ts.at(INDENT)) {
            throw ts.fail(ErrorCode.INDENTATION, ts.peek().span(),
                    "expected an indented block after 'match' statement on line " + ts.line(kw.start()));
        }
        ts.skipBlock();
        return new Match(subject, ts.from(kw.start()));
    }
}
