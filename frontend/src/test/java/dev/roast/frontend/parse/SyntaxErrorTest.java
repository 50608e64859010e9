package dev.roast.frontend.parse;

import static dev.roast.frontend.parse.Parsing.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.roast.frontend.ast.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntaxErrorTest {

    static void error(String text, String expected) {
        Parsed p = parse(text);
        assertEquals(List.of(expected), p.messages(), text);
    }

    @Test
    void missingColonIsReportedAtTheEndOfTheLine() {
        error("if x\n    pass\n", "1:5 E0001 expected ':'");
        error("while x  # comment\n    pass\n", "1:8 E0001 expected ':'");
        error("def f(a: int) -> int\n    return a\n", "1:21 E0001 expected ':'");
        error("class C\n    pass\n", "1:8 E0001 expected ':'");
        error("for x in y\n    pass\n", "1:11 E0001 expected ':'");
        error("if x = 1:\n    pass\n", "1:6 E0001 invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }

    @Test
    void unexpectedTokens() {
        error("x = \n", "1:4 E0001 invalid syntax");
        error("x = = 1\n", "1:5 E0001 unexpected token '='");
        error("else:\n    pass\n", "1:1 E0001 unexpected token 'else'");
        error("def check(n):\n    print(n)\n    else:\n        pass\n", "3:5 E0001 unexpected token 'else'");
        error("x = [1, 2 3]\n", "1:11 E0001 invalid syntax. Perhaps you forgot a comma?");
        error("x = 1 2\n", "1:7 E0001 invalid syntax. Perhaps you forgot a comma?");
        error("print \"hello\"\n", "1:7 E0001 Missing parentheses in call to 'print'. Did you mean print(...)?");
        error("print(1 +)\n", "1:10 E0001 unexpected token ')'");
        error("for x y:\n    pass\n", "1:7 E0001 expected 'in'");
        error("x = a if b\n", "1:11 E0001 expected 'else' after 'if' expression");
        error("from m\n", "1:7 E0001 expected 'import'");
        error("from m import a,\n", "1:17 E0001 trailing comma not allowed without surrounding parentheses");
        error("import\n", "1:7 E0001 Expected one or more names after 'import'");
        error("x := 1\n", "1:3 E0001 invalid syntax");
        error("try:\n    pass\nx = 1\n", "3:1 E0001 expected 'except' or 'finally' block");
        error("try:\n    pass\nexcept A, B:\n    pass\n", "3:9 E0001 multiple exception types must be parenthesized");
        error("@deco\nx = 1\n", "2:1 E0001 expected 'def' or 'class' after a decorator");
        error("f(a.b=1)\n", "1:3 E0001 expression cannot contain assignment, perhaps you meant \"==\"?");
        error("x = *a\n", "1:5 E0001 can't use starred expression here");
        error("print((*a))\n", "1:8 E0001 cannot use starred expression here");
    }

    @Test
    void bracketsTheLexerMatches() {
        error("x = (1, 2\n", "1:5 E0001 '(' was never closed");
        error("x = (1 +\n  2\nprint(x)\n", "1:5 E0001 '(' was never closed");
        error("x = 1)\n", "1:6 E0001 unmatched ')'");
        error("x = [1, 2)\n", "1:10 E0001 closing parenthesis ')' does not match opening parenthesis '['");
    }

    @Test
    void indentation() {
        error("x = 1\n    y = 2\n", "2:5 E0003 unexpected indent");
        error("if x:\npass\n", "2:1 E0003 expected an indented block after 'if' statement on line 1");
        error("def f():\n", "2:1 E0003 expected an indented block after function definition on line 1");
        error("def f():\n    if x:\n    return 1\n", "3:5 E0003 expected an indented block after 'if' statement on line 2");
        error("for x in y:\n# comment\nz = 1\n", "3:1 E0003 expected an indented block after 'for' statement on line 1");
        error("class C:\nx = 1\n", "2:1 E0003 expected an indented block after class definition on line 1");
        error("if a:\n    pass\nelse:\nx\n", "4:1 E0003 expected an indented block after 'else' statement on line 3");
        error("def f():\n        x = 1\n    return x\n", "3:5 E0003 unindent does not match any outer indentation level");
        error("if x:\n\tpass\n", "2:1 E0002 tab character in indentation");
    }

    @Test
    void invalidTargets() {
        error("1 = x\n", "1:1 E0010 cannot assign to literal here. Maybe you meant '==' instead of '='?");
        error("f() = 2\n", "1:1 E0010 cannot assign to function call here. Maybe you meant '==' instead of '='?");
        error("a, 1 = x\n", "1:4 E0010 cannot assign to literal");
        error("a + 1 += 2\n", "1:1 E0010 'expression' is an illegal expression for augmented assignment");
        error("a, b += 1\n", "1:1 E0010 'tuple' is an illegal expression for augmented assignment");
        error("del f()\n", "1:5 E0010 cannot delete function call");
        error("for 1 in x: pass\n", "1:5 E0010 cannot assign to literal");
        error("[x for 1 in y]\n", "1:8 E0010 cannot assign to literal");
        error("with a as f(): pass\n", "1:11 E0010 cannot assign to function call");
        error("*a = b\n", "1:1 E0010 starred assignment target must be in a list or tuple");
        error("*a, *b = c\n", "1:5 E0010 multiple starred expressions in assignment");
        error("a, b: int = 1, 2\n", "1:1 E0010 only single target (not tuple) can be annotated");
        error("f(): int\n", "1:1 E0010 illegal target for annotation");
        error("None = 1\n", "1:1 E0010 cannot assign to None here. Maybe you meant '==' instead of '='?");
        error("x = y = f() = 3\n", "1:9 E0010 cannot assign to function call here. Maybe you meant '==' instead of '='?");
        error("(a.b := 1)\n", "1:2 E0010 cannot use assignment expressions with attribute");
        error("x = lambda: 1 = 2\n", "1:5 E0010 cannot assign to lambda here. Maybe you meant '==' instead of '='?");
    }

    @Test
    void statementsOutsideTheirContext() {
        error("return 1\n", "1:1 E0011 'return' outside function");
        error("break\n", "1:1 E0011 'break' outside loop");
        error("if x:\n    continue\n", "2:5 E0011 'continue' not properly in loop");
        error("nonlocal x\n", "1:1 E0011 nonlocal declaration not allowed at module level");
        error("x = yield 1\n", "1:5 E0011 'yield' outside function");
        error("await f()\n", "1:1 E0011 'await' outside function");
        error("for x in y:\n    def f():\n        break\n", "3:9 E0011 'break' outside loop");
        error("while x:\n    class C:\n        continue\n", "3:9 E0011 'continue' not properly in loop");
        error("def f():\n    class C:\n        return 1\n", "3:9 E0011 'return' outside function");
        error("while x:\n    pass\nelse:\n    break\n", "4:5 E0011 'break' outside loop");
        error("for x in y:\n    f(lambda: (yield))\nbreak\n", "3:1 E0011 'break' outside loop");
        assertEquals(List.of(), parse("def f():\n    for x in y:\n        if x:\n            break\n        continue\n    return\n").errors());
        assertEquals(List.of(), parse("def f():\n    nonlocal x\n").errors(), "a missing binding is the checker's business");
        assertEquals(List.of(), parse("f = lambda: (yield)\n").errors());
    }

    @Test
    void parameterLists() {
        error("def f(a, a): pass\n", "1:10 E0012 duplicate argument 'a' in function definition");
        error("def f(a=1, b): pass\n", "1:12 E0012 parameter without a default follows parameter with a default");
        error("def greet(greeting: str = \"Hello\", name: str) -> str: pass\n",
                "1:36 E0012 parameter without a default follows parameter with a default");
        error("lambda a, *, a: 0\n", "1:14 E0012 duplicate argument 'a' in function definition");
        assertEquals(List.of(), parse("def f(a=1, *, b, c=2, d): pass\n").errors(), "keyword-only may mix");
        assertEquals(List.of(), parse("def f(a=1, *args): pass\n").errors());
        error("def f(*, **k): pass\n", "1:7 E0001 named arguments must follow bare *");
        error("def f(*): pass\n", "1:7 E0001 named arguments must follow bare *");
        error("def f(/, a): pass\n", "1:7 E0001 at least one argument must precede /");
        error("def f(a, /, b, /): pass\n", "1:16 E0001 / may appear only once");
        error("def f(*a, /): pass\n", "1:11 E0001 / must be ahead of *");
        error("def f(*a, *b): pass\n", "1:11 E0001 * argument may appear only once");
        error("def f(**k, a): pass\n", "1:12 E0001 arguments cannot follow var-keyword argument");
        error("def f(*a=1): pass\n", "1:9 E0001 var-positional argument cannot have default value");
        error("def f(1): pass\n", "1:7 E0001 expected a parameter name");
    }

    @Test
    void callArguments() {
        error("f(a=1, b)\n", "1:8 E0001 positional argument follows keyword argument");
        error("f(**k, a)\n", "1:8 E0001 positional argument follows keyword argument unpacking");
        error("f(**k, *a)\n", "1:8 E0001 iterable argument unpacking follows keyword argument unpacking");
        error("f(x for x in y, 1)\n", "1:3 E0001 Generator expression must be parenthesized");
        error("f(1, x for x in y)\n", "1:6 E0001 Generator expression must be parenthesized");
    }

    @Test
    void unsupportedLiteralsAndStatements() {
        error("x = b\"RIFF\"\n", "1:5 E0101 bytes literals are not supported");
        error("x = 1j\n", "1:5 E0101 complex numbers are not supported");
        error("match x:\n    case 1:\n        pass\n", "1:1 E0101 the 'match' statement is not supported");
    }

    @Test
    void unsupportedFeaturesStillParse() {
        // Reported later by the checker; the parser only builds the tree.
        Parsed p = clean("""
                @decorator
                class A(B, C, metaclass=M):
                    async def f(self, *args, **kwargs):
                        async with x as y:
                            async for a in b:
                                await a
                        del self.x
                        yield 1
                        yield from g()
                    with lock:
                        pass
                    type T = int
                x = [y async for y in z] if False else None
                """);
        assertEquals("""
                @decorator
                class A(B, C, metaclass=M):
                  async def f(self, *args, **kwargs):
                    async with x as y:
                      async for a in b:
                        (await a)
                    del self.x
                    (yield 1)
                    (yield from g())
                  with lock:
                    pass
                  type T = int
                x = ([y async for y in z] if False else None)
                """, p.printed());
    }

    @Test
    void recoveryReportsIndependentErrors() {
        Parsed p = parse("""
                x = = 1
                y = 2
                if z
                    w = 3
                def f(:
                    return 1
                v = $
                class C:
                    def m(self) -> int
                        return 1
                    def n(self):
                        return 2
                u = [1, 2
                """);
        assertEquals(List.of("1:5 E0001", "3:5 E0001", "5:6 E0001", "7:5 E0008", "9:23 E0001", "13:5 E0001"), p.errors());
        assertEquals("y = 2\nclass C:\n  def n(self):\n    return 2\n", p.printed());
    }

    @Test
    void recoveryInsideBlocks() {
        Parsed p = parse("""
                def f():
                    a = (
                    b = 1
                    return b
                def g():
                    c = 1 +
                    return c
                """);
        assertEquals(List.of("2:9 E0001", "6:12 E0001"), p.errors());
        assertEquals(2, p.body().size());
        assertEquals(1, ((Stmt.FunctionDef) p.body().get(1)).body().size());
    }

    @Test
    void errorsAreCapped() {
        var sb = new StringBuilder();
        for (int i = 0; i < 80; i++) sb.append("x").append(i).append(" = = 1\n");
        Parsed p = parse(sb.toString());
        assertEquals(80, p.diags().count());
        assertEquals(30, p.diags().truncated());
    }
}
