package dev.roast.frontend.parse;

import static dev.roast.frontend.lex.TokenKind.*;

import dev.roast.frontend.ast.BinaryOp;
import dev.roast.frontend.ast.CompareOp;
import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.ast.Expr.*;
import dev.roast.frontend.ast.Stmt.TypeParam;
import dev.roast.frontend.ast.UnaryOp;
import dev.roast.frontend.diag.Diagnostic;
import dev.roast.frontend.diag.ErrorCode;
import dev.roast.frontend.lex.Token;
import dev.roast.frontend.lex.TokenKind;
import dev.roast.frontend.parse.TokenStream.ParseError;
import dev.roast.frontend.source.Span;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent over Python 3.12's expression grammar, one method per precedence level
 * (lambda, conditional, or, and, not, comparison, then binary operators by precedence climbing,
 * unary, power, await, primary, atom). Statement parsing builds on it.
 */
class ExpressionParser {
    /** Nesting beyond this is reported rather than risking the Java stack (CPython allows 200 brackets). */
    private static final int MAX_NESTING = 200;

    protected final TokenStream ts;
    protected Context ctx = Context.TOP_LEVEL;
    protected int nesting;

    ExpressionParser(TokenStream ts) {
        this.ts = ts;
    }

    static boolean startsExpression(TokenKind k) {
        return switch (k) {
            case NAME, INT, FLOAT, STRING, FSTRING_START, LPAR, LSQB, LBRACE, MINUS, PLUS, TILDE, NOT, LAMBDA, AWAIT,
                 ELLIPSIS, TRUE, FALSE, NONE -> true;
            default -> false;
        };
    }

    static boolean startsStarExpression(TokenKind k) {
        return k == STAR || startsExpression(k);
    }

    protected void nest() {
        if (++nesting > MAX_NESTING) throw ts.fail("too many nested parentheses, blocks or operators");
    }

    // ---- expression lists ----

    /** {@code star_expressions}: one expression, or a tuple of them without parentheses ({@code return a, *b}). */
    Expr starExpressions() {
        int start = ts.start();
        Expr first = starExpression();
        if (!ts.at(COMMA)) return first;
        var elements = listOf(first);
        while (ts.accept(COMMA) && startsStarExpression(ts.kind())) elements.add(starExpression());
        return new TupleLit(elements, false, ts.from(start));
    }

    Expr starExpression() {
        return ts.at(STAR) ? starred() : expression();
    }

    Expr starNamedExpression() {
        return ts.at(STAR) ? starred() : namedExpression();
    }

    private Expr starred() {
        Token star = ts.next();
        Expr value = bitwiseOr();
        return new Starred(value, ts.from(star.start()));
    }

    /** Assignment targets of {@code for} and comprehensions: parsed above comparisons, so {@code in} ends them. */
    Expr targets() {
        int start = ts.start();
        Expr first = target();
        if (!ts.at(COMMA)) return first;
        var elements = listOf(first);
        while (ts.accept(COMMA) && startsStarExpression(ts.kind())) elements.add(target());
        return new TupleLit(elements, false, ts.from(start));
    }

    Expr target() {
        return ts.at(STAR) ? starred() : bitwiseOr();
    }

    /** A statement's value may not be a lone {@code *x}. */
    void noBareStarred(Expr e) {
        if (e instanceof Starred s) ts.report(ErrorCode.SYNTAX, s.span(), "can't use starred expression here");
    }

    // ---- precedence levels ----

    /** {@code named_expression}: {@code name := value} or an expression. */
    Expr namedExpression() {
        if (ts.at(NAME) && ts.kind(1) == COLONEQUAL) {
            Token name = ts.next();
            ts.next();
            Expr value = expression();
            return new NamedExpr(new Name(name.text(), name.span()), value, ts.from(name.start()));
        }
        Expr e = expression();
        if (ts.at(COLONEQUAL)) {
            ts.report(ErrorCode.BAD_TARGET, e.span(), "cannot use assignment expressions with " + Targets.describe(e));
            ts.next();
            expression();
        }
        return e;
    }

    Expr expression() {
        nest();
        Expr e = ts.at(LAMBDA) ? lambda() : conditional();
        nesting--;
        return e;
    }

    private Expr conditional() {
        int start = ts.start();
        Expr then = disjunction();
        if (!ts.accept(IF)) return then;
        Expr test = disjunction();
        if (!ts.accept(ELSE)) throw ts.fail("expected 'else' after 'if' expression");
        Expr orElse = expression();
        return new Conditional(test, then, orElse, ts.from(start));
    }

    Expr disjunction() {
        int start = ts.start();
        Expr left = conjunction();
        while (ts.accept(OR)) left = new Logical(false, left, conjunction(), ts.from(start));
        return left;
    }

    private Expr conjunction() {
        int start = ts.start();
        Expr left = inversion();
        while (ts.accept(AND)) left = new Logical(true, left, inversion(), ts.from(start));
        return left;
    }

    private Expr inversion() {
        if (!ts.at(NOT)) return comparison();
        Token not = ts.next();
        nest();
        Expr operand = inversion();
        nesting--;
        return new Unary(UnaryOp.NOT, operand, ts.from(not.start()));
    }

    private Expr comparison() {
        int start = ts.start();
        Expr left = bitwiseOr();
        CompareOp op = compareOperator();
        if (op == null) return left;
        var ops = new ArrayList<CompareOp>();
        var rights = new ArrayList<Expr>();
        for (; op != null; op = compareOperator()) {
            ops.add(op);
            rights.add(bitwiseOr());
        }
        return new Compare(left, ops, rights, ts.from(start));
    }

    /** Consumes a comparison operator if one comes next. */
    private CompareOp compareOperator() {
        CompareOp op = switch (ts.kind()) {
            case LESS -> CompareOp.LT;
            case LESSEQUAL -> CompareOp.LE;
            case GREATER -> CompareOp.GT;
            case GREATEREQUAL -> CompareOp.GE;
            case EQEQUAL -> CompareOp.EQ;
            case NOTEQUAL -> CompareOp.NE;
            case IN -> CompareOp.IN;
            case NOT -> ts.kind(1) == IN ? CompareOp.NOT_IN : null;
            case IS -> ts.kind(1) == NOT ? CompareOp.IS_NOT : CompareOp.IS;
            default -> null;
        };
        if (op == null) return null;
        ts.next();
        if (op == CompareOp.NOT_IN || op == CompareOp.IS_NOT) ts.next();
        return op;
    }

    Expr bitwiseOr() {
        return binary(1);
    }

    /** Left-associative binary operators at or above {@code minPrecedence}, by precedence climbing. */
    private Expr binary(int minPrecedence) {
        int start = ts.start();
        Expr left = factor();
        while (true) {
            BinaryOp op = binaryOperator(ts.kind());
            if (op == null || precedence(op) < minPrecedence) return left;
            ts.next();
            Expr right = binary(precedence(op) + 1);
            left = new Binary(op, left, right, ts.from(start));
        }
    }

    private static BinaryOp binaryOperator(TokenKind k) {
        return switch (k) {
            case VBAR -> BinaryOp.BIT_OR;
            case CIRCUMFLEX -> BinaryOp.BIT_XOR;
            case AMPER -> BinaryOp.BIT_AND;
            case LSHIFT -> BinaryOp.LSHIFT;
            case RSHIFT -> BinaryOp.RSHIFT;
            case PLUS -> BinaryOp.ADD;
            case MINUS -> BinaryOp.SUB;
            case STAR -> BinaryOp.MUL;
            case SLASH -> BinaryOp.DIV;
            case DOUBLESLASH -> BinaryOp.FLOOR_DIV;
            case PERCENT -> BinaryOp.MOD;
            case AT -> BinaryOp.MATMUL;
            default -> null;
        };
    }

    private static int precedence(BinaryOp op) {
        return switch (op) {
            case BIT_OR -> 1;
            case BIT_XOR -> 2;
            case BIT_AND -> 3;
            case LSHIFT, RSHIFT -> 4;
            case ADD, SUB -> 5;
            default -> 6;
        };
    }

    private Expr factor() {
        UnaryOp op = switch (ts.kind()) {
            case MINUS -> UnaryOp.NEG;
            case PLUS -> UnaryOp.POS;
            case TILDE -> UnaryOp.INVERT;
            default -> null;
        };
        if (op == null) return power();
        Token sign = ts.next();
        if (op == UnaryOp.NEG && (ts.at(INT) || ts.at(FLOAT)) && !continuesPrimary(ts.kind(1))) {
            return negativeLiteral(sign);
        }
        nest();
        Expr operand = factor();
        nesting--;
        return new Unary(op, operand, ts.from(sign.start()));
    }

    /** Whether a literal followed by this token is only the start of its operand ({@code -2 ** 2} is {@code -(2 ** 2)}). */
    private static boolean continuesPrimary(TokenKind k) {
        return k == DOUBLESTAR || k == LPAR || k == LSQB || k == DOT;
    }

    /** Folds {@code -literal} into one literal, so that {@code -9223372036854775808} fits. */
    private Expr negativeLiteral(Token sign) {
        Token literal = ts.next();
        Span span = new Span(sign.start(), literal.end());
        if (literal.is(FLOAT)) return new FloatLit(-literal.floatValue(), span);
        return intLiteral(literal.intValue().negate(), span);
    }

    private Expr intLiteral(BigInteger value, Span span) {
        if (value.bitLength() < 64) return new IntLit(value.longValue(), span);
        ts.report(new Diagnostic(ErrorCode.INT_TOO_LARGE, "integer literal does not fit in 64 bits", span)
                .withNote("int is a signed 64-bit integer: -9223372036854775808 to 9223372036854775807"));
        return new IntLit(0, span);
    }

    private Expr power() {
        int start = ts.start();
        Expr base = awaitPrimary();
        if (!ts.accept(DOUBLESTAR)) return base;
        nest();
        Expr exponent = factor();
        nesting--;
        return new Binary(BinaryOp.POW, base, exponent, ts.from(start));
    }

    private Expr awaitPrimary() {
        if (!ts.at(AWAIT)) return primary();
        Token await = ts.next();
        if (!ctx.inFunction()) ts.report(ErrorCode.OUTSIDE_CONTEXT, await.span(), "'await' outside function");
        Expr value = primary();
        return new Await(value, ts.from(await.start()));
    }

    private Expr primary() {
        int start = ts.start();
        Expr e = atom();
        while (true) {
            switch (ts.kind()) {
                case DOT -> {
                    ts.next();
                    Token name = ts.expect(NAME, "invalid syntax");
                    e = new Attribute(e, name.text(), name.span(), ts.from(start));
                }
                case LPAR -> {
                    ts.next();
                    List<Arg> args = arguments();
                    close(RPAR);
                    e = new Call(e, args, ts.from(start));
                }
                case LSQB -> {
                    ts.next();
                    Expr index = subscript();
                    close(RSQB);
                    e = new Index(e, index, ts.from(start));
                }
                default -> {
                    return e;
                }
            }
        }
    }

    private Expr atom() {
        Token t = ts.peek();
        return switch (t.kind()) {
            case NAME -> {
                ts.next();
                yield new Name(t.text(), t.span());
            }
            case INT -> {
                ts.next();
                yield intLiteral(t.intValue(), t.span());
            }
            case FLOAT -> {
                ts.next();
                yield new FloatLit(t.floatValue(), t.span());
            }
            case TRUE, FALSE -> {
                ts.next();
                yield new BoolLit(t.is(TRUE), t.span());
            }
            case NONE -> {
                ts.next();
                yield new NoneLit(t.span());
            }
            case ELLIPSIS -> {
                ts.next();
                yield new Ellipsis(t.span());
            }
            case STRING, FSTRING_START -> strings();
            case LPAR -> parenthesized();
            case LSQB -> list();
            case LBRACE -> braces();
            default -> throw unexpected();
        };
    }

    /** The error for a token that cannot start (or continue) what is being parsed. */
    ParseError unexpected() {
        Token t = ts.peek();
        return switch (t.kind()) {
            case NEWLINE, EOF, INDENT, DEDENT -> ts.fail("invalid syntax");
            default -> ts.fail("unexpected token " + ts.describe(t));
        };
    }

    /** Consumes a closing bracket, or reports what stands in its place. */
    void close(TokenKind closer) {
        if (ts.accept(closer)) return;
        throw ts.fail(startsExpression(ts.kind()) ? "invalid syntax. Perhaps you forgot a comma?" : "invalid syntax");
    }

    // ---- displays ----

    private boolean atComprehension() {
        return ts.at(FOR) || (ts.at(ASYNC) && ts.kind(1) == FOR);
    }

    private void notStarredElement(Expr e) {
        if (e instanceof Starred s) {
            ts.report(ErrorCode.SYNTAX, s.span(), "iterable unpacking cannot be used in comprehension");
        }
    }

    private Expr parenthesized() {
        Token open = ts.next();
        if (ts.accept(RPAR)) return new TupleLit(new ArrayList<>(), true, ts.from(open.start()));
        if (ts.at(YIELD)) {
            Expr y = yieldExpression();
            close(RPAR);
            return y;
        }
        Expr first = starNamedExpression();
        if (atComprehension()) {
            notStarredElement(first);
            var generators = forClauses();
            close(RPAR);
            return new Comprehension(ComprehensionKind.GENERATOR, first, null, generators, ts.from(open.start()));
        }
        if (!ts.at(COMMA)) {
            close(RPAR);
            if (first instanceof Starred s) ts.report(ErrorCode.SYNTAX, s.span(), "cannot use starred expression here");
            return first;
        }
        var elements = listOf(first);
        while (ts.accept(COMMA) && !ts.at(RPAR)) elements.add(starNamedExpression());
        close(RPAR);
        return new TupleLit(elements, true, ts.from(open.start()));
    }

    private Expr list() {
        Token open = ts.next();
        var elements = new ArrayList<Expr>();
        if (!ts.at(RSQB)) {
            Expr first = starNamedExpression();
            if (atComprehension()) {
                notStarredElement(first);
                var generators = forClauses();
                close(RSQB);
                return new Comprehension(ComprehensionKind.LIST, first, null, generators, ts.from(open.start()));
            }
            elements.add(first);
            while (ts.accept(COMMA) && !ts.at(RSQB)) elements.add(starNamedExpression());
        }
        close(RSQB);
        return new ListLit(elements, ts.from(open.start()));
    }

    /** {@code {}}: a dict or set display, or a dict or set comprehension. */
    private Expr braces() {
        Token open = ts.next();
        var keys = new ArrayList<Expr>();
        var values = new ArrayList<Expr>();
        if (ts.accept(RBRACE)) return new DictLit(keys, values, ts.from(open.start()));
        if (ts.at(DOUBLESTAR)) return dictEntries(open, keys, values);
        Expr first = starNamedExpression();
        if (ts.accept(COLON)) {
            if (first instanceof Starred s) {
                ts.report(ErrorCode.SYNTAX, s.span(), "cannot use a starred expression in a dictionary key");
            }
            Expr value = expression();
            if (atComprehension()) {
                var generators = forClauses();
                close(RBRACE);
                return new Comprehension(ComprehensionKind.DICT, first, value, generators, ts.from(open.start()));
            }
            keys.add(first);
            values.add(value);
            if (!ts.accept(COMMA)) {
                close(RBRACE);
                return new DictLit(keys, values, ts.from(open.start()));
            }
            return dictEntries(open, keys, values);
        }
        if (atComprehension()) {
            notStarredElement(first);
            var generators = forClauses();
            close(RBRACE);
            return new Comprehension(ComprehensionKind.SET, first, null, generators, ts.from(open.start()));
        }
        var elements = listOf(first);
        while (ts.accept(COMMA) && !ts.at(RBRACE)) elements.add(starNamedExpression());
        close(RBRACE);
        return new SetLit(elements, ts.from(open.start()));
    }

    /** The remaining entries of a dict display, positioned at an entry or the closing brace. */
    private Expr dictEntries(Token open, List<Expr> keys, List<Expr> values) {
        while (!ts.at(RBRACE)) {
            if (ts.accept(DOUBLESTAR)) {
                keys.add(null);
                values.add(bitwiseOr());
            } else {
                keys.add(expression());
                ts.expect(COLON, "expected ':'");
                values.add(expression());
            }
            if (!ts.accept(COMMA)) break;
        }
        close(RBRACE);
        return new DictLit(keys, values, ts.from(open.start()));
    }

    private List<ComprehensionFor> forClauses() {
        var clauses = new ArrayList<ComprehensionFor>();
        while (atComprehension()) {
            int start = ts.start();
            boolean isAsync = ts.accept(ASYNC);
            ts.next(); // for
            Expr target = targets();
            Targets.check(target, Targets.Use.FOR, ts);
            ts.expect(IN, "expected 'in'");
            Expr iter = disjunction();
            var conditions = new ArrayList<Expr>();
            while (ts.accept(IF)) conditions.add(disjunction());
            clauses.add(new ComprehensionFor(target, iter, conditions, isAsync, ts.from(start)));
        }
        return clauses;
    }

    // ---- calls and subscripts ----

    /** Call arguments after the '(' up to (not including) the ')'; also a class's bases. */
    List<Arg> arguments() {
        var args = new ArrayList<Arg>();
        boolean keyword = false;
        boolean keywordUnpacking = false;
        while (!ts.at(RPAR)) {
            int start = ts.start();
            Arg arg;
            if (ts.accept(STAR)) {
                arg = new Arg(null, expression(), ArgKind.STAR, ts.from(start));
                if (keywordUnpacking) {
                    ts.report(ErrorCode.SYNTAX, arg.span(), "iterable argument unpacking follows keyword argument unpacking");
                }
            } else if (ts.accept(DOUBLESTAR)) {
                arg = new Arg(null, expression(), ArgKind.DOUBLE_STAR, ts.from(start));
                keywordUnpacking = true;
            } else if (ts.at(NAME) && ts.kind(1) == EQUAL) {
                Token name = ts.next();
                ts.next();
                arg = new Arg(name.text(), expression(), ArgKind.KEYWORD, ts.from(start));
                keyword = true;
            } else {
                arg = new Arg(null, positionalArgument(args.isEmpty()), ArgKind.POSITIONAL, ts.from(start));
                if (keywordUnpacking) {
                    ts.report(ErrorCode.SYNTAX, arg.span(), "positional argument follows keyword argument unpacking");
                } else if (keyword) {
                    ts.report(ErrorCode.SYNTAX, arg.span(), "positional argument follows keyword argument");
                }
            }
            args.add(arg);
            if (!ts.accept(COMMA)) break;
        }
        return args;
    }

    private Expr positionalArgument(boolean first) {
        int start = ts.start();
        Expr value = namedExpression();
        if (atComprehension()) {
            var generators = forClauses();
            value = new Comprehension(ComprehensionKind.GENERATOR, value, null, generators, ts.from(start));
            if (!first || ts.at(COMMA)) {
                ts.report(ErrorCode.SYNTAX, value.span(), "Generator expression must be parenthesized");
            }
        } else if (ts.at(EQUAL)) {
            throw ts.fail(ErrorCode.SYNTAX, value.span(), "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
        return value;
    }

    private Expr subscript() {
        int start = ts.start();
        Expr first = sliceItem();
        if (!ts.at(COMMA)) {
            // `a[*b]` indexes with a tuple, as in Python 3.11+.
            return first instanceof Starred ? new TupleLit(listOf(first), false, ts.from(start)) : first;
        }
        var items = listOf(first);
        while (ts.accept(COMMA) && !ts.at(RSQB)) items.add(sliceItem());
        return new TupleLit(items, false, ts.from(start));
    }

    private Expr sliceItem() {
        if (ts.at(STAR)) return starred();
        int start = ts.start();
        Expr lower = ts.at(COLON) ? null : namedExpression();
        if (!ts.accept(COLON)) return lower;
        Expr upper = startsExpression(ts.kind()) ? expression() : null;
        Expr step = ts.accept(COLON) && startsExpression(ts.kind()) ? expression() : null;
        return new Slice(lower, upper, step, ts.from(start));
    }

    // ---- yield and lambda ----

    Expr yieldExpression() {
        Token kw = ts.next();
        if (!ctx.inFunction()) ts.report(ErrorCode.OUTSIDE_CONTEXT, kw.span(), "'yield' outside function");
        if (ts.accept(FROM)) {
            Expr value = expression();
            return new Yield(value, true, ts.from(kw.start()));
        }
        Expr value = startsStarExpression(ts.kind()) ? starExpressions() : null;
        return new Yield(value, false, ts.from(kw.start()));
    }

    private Expr lambda() {
        Token kw = ts.next();
        List<Param> params = parameters(COLON, false);
        ts.expect(COLON, "expected ':'");
        Context outer = ctx;
        ctx = Context.FUNCTION_BODY;
        try {
            Expr body = expression();
            return new Lambda(params, body, ts.from(kw.start()));
        } finally {
            ctx = outer;
        }
    }

    // ---- parameters ----

    /** The parameters of a def (up to ')', with annotations) or a lambda (up to ':'). */
    List<Param> parameters(TokenKind closer, boolean annotated) {
        var params = new ArrayList<Param>();
        var names = new HashSet<String>();
        boolean slash = false;
        boolean star = false;
        boolean kwargs = false;
        boolean defaults = false;
        Token bareStar = null;
        while (!ts.at(closer)) {
            if (kwargs) throw ts.fail("arguments cannot follow var-keyword argument");
            Token t = ts.peek();
            if (ts.accept(SLASH)) {
                if (slash) throw ts.fail(ErrorCode.SYNTAX, t.span(), "/ may appear only once");
                if (star) throw ts.fail(ErrorCode.SYNTAX, t.span(), "/ must be ahead of *");
                if (params.isEmpty()) throw ts.fail(ErrorCode.SYNTAX, t.span(), "at least one argument must precede /");
                params.replaceAll(p -> new Param(p.name(), p.annotation(), p.defaultValue(), ParamKind.POSITIONAL_ONLY, p.span()));
                slash = true;
            } else if (ts.accept(STAR)) {
                if (star) throw ts.fail(ErrorCode.SYNTAX, t.span(), "* argument may appear only once");
                star = true;
                if (ts.at(NAME)) params.add(parameter(t, ParamKind.VARARGS, annotated, names));
                else bareStar = t;
            } else if (ts.accept(DOUBLESTAR)) {
                params.add(parameter(t, ParamKind.KWARGS, annotated, names));
                kwargs = true;
            } else {
                Param p = parameter(null, star ? ParamKind.KEYWORD_ONLY : ParamKind.POSITIONAL, annotated, names);
                if (!star && p.defaultValue() != null) {
                    defaults = true;
                } else if (!star && defaults) {
                    ts.report(ErrorCode.BAD_PARAMETERS, p.span(), "parameter without a default follows parameter with a default");
                }
                params.add(p);
                bareStar = null;
            }
            if (!ts.accept(COMMA)) break;
        }
        if (bareStar != null) ts.report(ErrorCode.SYNTAX, bareStar.span(), "named arguments must follow bare *");
        return params;
    }

    private Param parameter(Token star, ParamKind kind, boolean annotated, Set<String> names) {
        Token name = ts.expect(NAME, "expected a parameter name");
        var span = new Span(star != null ? star.start() : name.start(), name.end());
        Expr annotation = null;
        if (annotated && ts.accept(COLON)) annotation = kind == ParamKind.VARARGS ? starExpression() : expression();
        Expr defaultValue = null;
        if (ts.at(EQUAL)) {
            if (kind == ParamKind.VARARGS) throw ts.fail("var-positional argument cannot have default value");
            if (kind == ParamKind.KWARGS) throw ts.fail("var-keyword argument cannot have default value");
            ts.next();
            defaultValue = expression();
        }
        if (!names.add(name.text())) {
            ts.report(ErrorCode.BAD_PARAMETERS, span, "duplicate argument '" + name.text() + "' in function definition");
        }
        return new Param(name.text(), annotation, defaultValue, kind, span);
    }

    /** PEP 695 type parameters {@code [T, U: bound, *Ts, **P]}, at the '['. */
    List<TypeParam> typeParams() {
        Token open = ts.next();
        var params = new ArrayList<TypeParam>();
        while (!ts.at(RSQB)) {
            int start = ts.start();
            // TypeParam has no kind; the star prefix keeps a TypeVarTuple/ParamSpec recognisable.
            String prefix = ts.accept(STAR) ? "*" : ts.accept(DOUBLESTAR) ? "**" : "";
            Token name = ts.expect(NAME, "expected a type parameter name");
            Expr bound = prefix.isEmpty() && ts.accept(COLON) ? expression() : null;
            params.add(new TypeParam(prefix + name.text(), bound, ts.from(start)));
            if (!ts.accept(COMMA)) break;
        }
        close(RSQB);
        if (params.isEmpty()) ts.report(ErrorCode.SYNTAX, ts.from(open.start()), "Type parameter list cannot be empty");
        return params;
    }

    // ---- strings and f-strings ----

    /** Adjacent string literals, concatenated: a StrLit, or one FString if any of them is an f-string. */
    private Expr strings() {
        int start = ts.start();
        var parts = new Parts();
        boolean formatted = false;
        while (ts.at(STRING) || ts.at(FSTRING_START)) {
            if (ts.at(STRING)) {
                Token t = ts.next();
                parts.text(t.text(), t.span());
            } else {
                formatted = true;
                fstring(parts);
            }
        }
        Span span = ts.from(start);
        return formatted ? new FString(parts.finish(), span) : new StrLit(parts.pendingText(), span);
    }

    private void fstring(Parts parts) {
        ts.next(); // FSTRING_START
        while (true) {
            Token t = ts.peek();
            switch (t.kind()) {
                case FSTRING_MIDDLE -> {
                    ts.next();
                    parts.text(t.text(), t.span());
                }
                case LBRACE -> field(parts);
                case FSTRING_END -> {
                    ts.next();
                    return;
                }
                default -> throw ts.fail("invalid syntax"); // only an ERROR token, already reported
            }
        }
    }

    /** A replacement field {@code {expr=!c:spec}}, at its '{'. */
    private void field(Parts parts) {
        Token open = ts.next();
        Token first = ts.peek();
        if (!startsStarExpression(first.kind()) && !first.is(YIELD)) {
            if (first.is(RBRACE) || first.is(EXCLAMATION) || first.is(COLON) || first.is(EQUAL)) {
                throw ts.fail(ErrorCode.BAD_FSTRING, open.span(),
                        "f-string: valid expression required before '" + first.kind().text + "'");
            }
            throw unexpected();
        }
        Expr e = first.is(YIELD) ? yieldExpression() : starExpressions();
        boolean selfDoc = false;
        if (ts.accept(EQUAL)) {
            // `{x = }` prints its own source text, spaces included, before the value.
            selfDoc = true;
            int textEnd = ts.start();
            parts.text(ts.source(open.end(), textEnd), new Span(open.end(), textEnd));
        }
        char conversion = ts.at(EXCLAMATION) ? conversion() : 0;
        FString spec = ts.at(COLON) ? formatSpec() : null;
        Token closing = ts.expect(RBRACE, "f-string: expecting '}'");
        if (selfDoc && conversion == 0 && spec == null) conversion = 'r';
        parts.field(new FField(e, conversion, spec, selfDoc, new Span(open.start(), closing.end())));
    }

    private char conversion() {
        Token bang = ts.next();
        Token name = ts.peek();
        if (!name.is(NAME)) throw ts.fail("f-string: missing conversion character");
        if (name.start() != bang.end()) {
            throw ts.fail("f-string: conversion type must come right after the exclamation mark");
        }
        String c = name.text();
        if (!c.equals("r") && !c.equals("s") && !c.equals("a")) {
            throw ts.fail("f-string: invalid conversion character '" + c + "': expected 's', 'r', or 'a'");
        }
        ts.next();
        return c.charAt(0);
    }

    private FString formatSpec() {
        Token colon = ts.next();
        var parts = new Parts();
        while (!ts.at(RBRACE)) {
            Token t = ts.peek();
            switch (t.kind()) {
                case FSTRING_MIDDLE -> {
                    ts.next();
                    parts.text(t.text(), t.span());
                }
                case LBRACE -> field(parts);
                default -> throw ts.fail("f-string: expecting '}'");
            }
        }
        return new FString(parts.finish(), new Span(colon.end(), ts.start()));
    }

    /** Collects f-string parts, merging adjacent text into one FText as Python does. */
    private static final class Parts {
        private final List<FPart> parts = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int textStart = -1;
        private int textEnd;

        void text(String s, Span span) {
            if (textStart < 0) textStart = span.start();
            text.append(s);
            textEnd = span.end();
        }

        void field(FField f) {
            flush();
            parts.add(f);
        }

        String pendingText() {
            return text.toString();
        }

        List<FPart> finish() {
            flush();
            return parts;
        }

        private void flush() {
            if (!text.isEmpty()) parts.add(new FText(text.toString(), new Span(textStart, textEnd)));
            text.setLength(0);
            textStart = -1;
        }
    }

    static <T> ArrayList<T> listOf(T first) {
        var list = new ArrayList<T>();
        list.add(first);
        return list;
    }
}
