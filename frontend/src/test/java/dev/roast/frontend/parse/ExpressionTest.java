package dev.roast.frontend.parse;

import static dev.roast.frontend.parse.Parsing.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.ast.Expr.*;
import dev.roast.frontend.ast.Stmt;
import dev.roast.frontend.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionTest {

    @Test
    void precedenceFromLowestToHighest() {
        assertEquals("(lambda: (a if b else c))", show("lambda: a if b else c"));
        assertEquals("(a if (b or c) else d)", show("a if b or c else d"));
        assertEquals("(a or (b and c))", show("a or b and c"));
        assertEquals("((a and (not b)) or c)", show("a and not b or c"));
        assertEquals("(not (a == b))", show("not a == b"));
        assertEquals("((a | b) < (c ^ d))", show("a | b < c ^ d"));
        assertEquals("(a | (b ^ (c & (d << (e + (f * (g ** h)))))))", show("a | b ^ c & d << e + f * g ** h"));
        assertEquals("(((((a * b) / c) // d) % e) @ f)", show("a * b / c // d % e @ f"));
        assertEquals("((-a) * b)", show("-a * b"));
        assertEquals("((~x) + 1)", show("~x + 1"));
        assertEquals("(-a.b)", show("-a.b"));
        assertEquals("(+f(x)[0])", show("+f(x)[0]"));
    }

    @Test
    void associativity() {
        assertEquals("((a - b) - c)", show("a - b - c"));
        assertEquals("((a / b) * c)", show("a / b * c"));
        assertEquals("((a << b) >> c)", show("a << b >> c"));
        assertEquals("(a ** (b ** c))", show("a ** b ** c"));
        assertEquals("((a or b) or c)", show("a or b or c"));
        assertEquals("((a and b) and c)", show("a and b and c"));
        assertEquals("(a if b else (c if d else e))", show("a if b else c if d else e"));
        assertEquals("(not (not a))", show("not not a"));
    }

    @Test
    void powerBindsTighterThanUnaryOnItsLeft() {
        assertEquals("(-(2 ** 2))", show("-2 ** 2"));
        assertEquals("(-(x ** 2))", show("-x ** 2"));
        assertEquals("(2 ** -1)", show("2 ** -1"));
        assertEquals("(2 ** (-x))", show("2 ** -x"));
        assertEquals("(a ** (-(b ** c)))", show("a ** -b ** c"));
    }

    @Test
    void comparisonsChain() {
        Compare c = assertInstanceOf(Compare.class, expr("a < b <= c != d"));
        assertEquals(3, c.ops().size());
        assertEquals("(a not in b is not c in d is e)", show("a not in b is not c in d is e"));
        assertEquals("(a > b >= c == d)", show("a > b >= c == d"));
    }

    @Test
    void integerLiteralsAndFolding() {
        assertEquals(Long.MAX_VALUE, assertInstanceOf(IntLit.class, expr("9223372036854775807")).value());
        IntLit min = assertInstanceOf(IntLit.class, expr("-9223372036854775808"));
        assertEquals(Long.MIN_VALUE, min.value());
        assertEquals(new Span(0, 20), min.span(), "the span includes the minus sign");
        IntLit spaced = assertInstanceOf(IntLit.class, expr("- 7"));
        assertEquals(-7, spaced.value());
        assertEquals(new Span(0, 3), spaced.span());
        assertEquals("(-5)", show("-(5)"), "a parenthesised literal is not folded");
        assertEquals("(--5)", show("--5"), "only the minus next to the literal folds");
        assertEquals("(-5 + 3)", show("-5 + 3"));
        assertEquals("(3 - -5)", show("3 - -5"));
        assertEquals("(+5)", show("+5"));
        assertEquals(255, assertInstanceOf(IntLit.class, expr("0xff")).value());
        assertEquals(-255, assertInstanceOf(IntLit.class, expr("-0xff")).value());
        assertEquals(1_000_000, assertInstanceOf(IntLit.class, expr("1_000_000")).value());
    }

    @Test
    void integerLiteralsOutside64Bits() {
        assertEquals(List.of("1:1 E0006"), parse("9223372036854775808\n").errors());
        Parsed negated = parse("x = -9223372036854775809\n");
        assertEquals(List.of("1:5 E0006"), negated.errors());
        assertEquals("-9223372036854775809", negated.text(negated.diags().sorted().getFirst().span()));
        assertEquals(List.of("1:3 E0006"), parse("-(9223372036854775808)\n").errors(), "not folded: the literal alone");
        assertEquals(List.of("1:5 E0006"), parse("x = 0x1_0000_0000_0000_0000\n").errors());
    }

    @Test
    void floatLiteralsFold() {
        FloatLit f = assertInstanceOf(FloatLit.class, expr("-1.5"));
        assertEquals(-1.5, f.value());
        assertEquals(new Span(0, 4), f.span());
        assertEquals(-0.0, assertInstanceOf(FloatLit.class, expr("-0.0")).value());
        assertEquals(1e-3, assertInstanceOf(FloatLit.class, expr("1e-3")).value());
        assertEquals("(-(1.5 ** 2.0))", show("-1.5 ** 2.0"));
    }

    @Test
    void otherLiterals() {
        assertEquals(true, assertInstanceOf(BoolLit.class, expr("True")).value());
        assertEquals(false, assertInstanceOf(BoolLit.class, expr("False")).value());
        assertInstanceOf(NoneLit.class, expr("None"));
        assertInstanceOf(Ellipsis.class, expr("..."));
        assertEquals("x", assertInstanceOf(Name.class, expr("x")).id());
    }

    @Test
    void adjacentStringsConcatenate() {
        StrLit s = assertInstanceOf(StrLit.class, expr("'a' \"b\" '''c'''"));
        assertEquals("abc", s.value());
        assertEquals(new Span(0, 15), s.span());
        StrLit multiline = assertInstanceOf(StrLit.class, expr("('a'\n 'b')"));
        assertEquals("ab", multiline.value());
        assertEquals("", assertInstanceOf(StrLit.class, expr("''")).value());
    }

    @Test
    void displays() {
        assertEquals("[]", show("[]"));
        assertEquals("[1, *a, b]", show("[1, *a, b,]"));
        assertEquals("()", show("()"));
        assertEquals("(1,)", show("(1,)"));
        assertEquals("(1, 2)", show("(1, 2)"));
        assertTrue(assertInstanceOf(TupleLit.class, expr("(1, 2)")).parenthesized());
        assertEquals("{}", show("{}"));
        assertInstanceOf(DictLit.class, expr("{}"));
        assertEquals("{'a': 1, **b, c: d}", show("{'a': 1, **b, c: d,}"));
        DictLit d = assertInstanceOf(DictLit.class, expr("{**a}"));
        assertNull(d.keys().getFirst());
        assertEquals("{1, *a}", show("{1, *a}"));
        assertInstanceOf(SetLit.class, expr("{1}"));
        assertEquals("x", show("(x)"), "parentheses alone make no node");
        assertEquals("((a, b),)", show("((a, b),)"));
    }

    @Test
    void comprehensions() {
        assertEquals("[x for x in xs if x if y for z in x]", show("[x for x in xs if x if y for z in x]"));
        assertEquals("{k: v for (k, v) in d.items()}", show("{k: v for k, v in d.items()}"));
        assertEquals("{x for x in s}", show("{x for x in s}"));
        assertEquals("(x for x in s)", show("(x for x in s)"));
        assertEquals("[(a if b else c) for x in y]", show("[a if b else c for x in y]"));
        assertEquals("[x for x in (lambda: y)()]", show("[x for x in (lambda: y)()]"));
        Comprehension c = assertInstanceOf(Comprehension.class, expr("[x * 2 for x, in pairs]"));
        assertEquals(ComprehensionKind.LIST, c.kind());
        assertInstanceOf(TupleLit.class, c.generators().getFirst().target());
        var f = clean("async def f():\n    return [x async for x in y]\n");
        var ret = (Stmt.Return) ((Stmt.FunctionDef) f.body().getFirst()).body().getFirst();
        assertTrue(((Comprehension) ret.value()).generators().getFirst().isAsync());
    }

    @Test
    void callsAndArguments() {
        assertEquals("f()", show("f()"));
        assertEquals("f(a, b=1, *c, **d)", show("f(a, b=1, *c, **d,)"));
        assertEquals("f(k=1, *a)", show("f(k=1, *a)"), "unpacking may follow a keyword");
        assertEquals("sum((x for x in xs))", show("sum(x for x in xs)"));
        assertEquals("f((y := 3))", show("f(y := 3)"));
        Call call = assertInstanceOf(Call.class, expr("print(x, end='')"));
        Arg end = call.args().get(1);
        assertEquals(ArgKind.KEYWORD, end.kind());
        assertEquals("end", end.keyword());
        assertEquals(new Span(9, 15), end.span());
        assertEquals("f(x)(y)[z].w", show("f(x)(y)[z].w"));
    }

    @Test
    void subscriptsAndSlices() {
        assertEquals("a[1]", show("a[1]"));
        assertEquals("a[1:2]", show("a[1:2]"));
        assertEquals("a[::2]", show("a[::2]"));
        assertEquals("a[:]", show("a[:]"));
        assertEquals("a[1:]", show("a[1:]"));
        assertEquals("a[:-1]", show("a[:-1]"));
        assertEquals("a[1:2, 3]", show("a[1:2, 3]"));
        assertEquals("d[a, b]", show("d[a, b]"));
        assertEquals("d[a,]", show("d[a,]"));
        assertEquals("d[*a,]", show("d[*a]"));
        Index i = assertInstanceOf(Index.class, expr("d[a, b]"));
        assertFalse(assertInstanceOf(TupleLit.class, i.index()).parenthesized());
        Slice s = assertInstanceOf(Slice.class, assertInstanceOf(Index.class, expr("a[::]")).index());
        assertNull(s.lower());
        assertNull(s.upper());
        assertNull(s.step());
        assertEquals("list[int]", show("list[int]"));
        assertEquals("dict[str, list[int]]", show("dict[str, list[int]]"));
    }

    @Test
    void lambdas() {
        assertEquals("(lambda: 0)", show("lambda: 0"));
        assertEquals("(lambda x, y=1, *a, kw:k, **kw: x)", show("lambda x, y=1, *a, k, **kw: x"));
        assertEquals("(lambda x: (lambda y: (x + y)))", show("lambda x: lambda y: x + y"));
        Lambda l = assertInstanceOf(Lambda.class, expr("lambda a, /, b, *, c: a"));
        assertEquals(List.of(ParamKind.POSITIONAL_ONLY, ParamKind.POSITIONAL, ParamKind.KEYWORD_ONLY),
                l.params().stream().map(Param::kind).toList());
    }

    @Test
    void walrusStarredYieldAwait() {
        assertEquals("(y := f(x))", show("(y := f(x))"));
        NamedExpr n = assertInstanceOf(NamedExpr.class, expr("(y := 1)"));
        assertEquals(new Span(1, 7), n.span());
        String body = AstPrinter.stmts(((Stmt.FunctionDef) clean("""
                async def f():
                    x = yield
                    y = yield 1, 2
                    z = yield from g()
                    await h()
                    w = (yield)
                    return await a ** 2
                """).body().getFirst()).body());
        assertEquals("""
                x = (yield)
                y = (yield (1, 2))
                z = (yield from g())
                (await h())
                w = (yield)
                return ((await a) ** 2)
                """, body);
        assertEquals("(a, *b) = c\n", stmts("a, *b = c\n"));
        assertEquals("print(*args)\n", stmts("print(*args)\n"));
    }

    @Test
    void typeAnnotationsAreExpressions() {
        var p = clean("x: dict[str, list[int]] | None = None\ny: Callable[[int, str], bool]\nz: 'Node'\n");
        assertEquals("""
                x: (dict[str, list[int]] | None) = None
                y: Callable[[int, str], bool]
                z: 'Node'
                """, p.printed());
    }

    @Test
    void expressionSpans() {
        Binary b = assertInstanceOf(Binary.class, expr("a + b * c"));
        assertEquals(new Span(0, 9), b.span());
        assertEquals(new Span(4, 9), b.right().span());
        Binary paren = assertInstanceOf(Binary.class, expr("(a) + b"));
        assertEquals(new Span(0, 7), paren.span(), "covers the parenthesis too");
        Call c = assertInstanceOf(Call.class, expr("foo(1, 2)"));
        assertEquals(new Span(0, 9), c.span());
        Attribute a = assertInstanceOf(Attribute.class, expr("obj.name"));
        assertEquals(new Span(0, 8), a.span());
        assertEquals(new Span(4, 8), a.nameSpan());
        Index i = assertInstanceOf(Index.class, expr("xs[i + 1]"));
        assertEquals(new Span(0, 9), i.span());
        Call method = assertInstanceOf(Call.class, expr("a.b(c).d(e)"));
        assertEquals(new Span(0, 11), method.span());
        assertEquals(new Span(0, 8), method.callee().span());
        TupleLit t = assertInstanceOf(TupleLit.class, expr("1, 2"));
        assertEquals(new Span(0, 4), t.span());
        Comprehension comp = assertInstanceOf(Comprehension.class, expr("[x for x in y if x]"));
        assertEquals(new Span(0, 19), comp.span());
        assertEquals(new Span(3, 18), comp.generators().getFirst().span());
        Conditional cond = assertInstanceOf(Conditional.class, expr("a if b else c"));
        assertEquals(new Span(0, 13), cond.span());
        Lambda lam = assertInstanceOf(Lambda.class, expr("lambda x: x"));
        assertEquals(new Span(0, 11), lam.span());
        assertEquals(new Span(7, 8), lam.params().getFirst().span());
        Compare cmp = assertInstanceOf(Compare.class, expr("a not in b"));
        assertEquals(new Span(0, 10), cmp.span());
        Unary not = assertInstanceOf(Unary.class, expr("not x"));
        assertEquals(new Span(0, 5), not.span());
        Expr multiline = expr("f(a,\n  b)");
        assertEquals(new Span(0, 9), multiline.span());
    }
}
