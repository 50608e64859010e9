package dev.roast.frontend.parse;

import static dev.roast.frontend.parse.Parsing.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.roast.frontend.ast.BinaryOp;
import dev.roast.frontend.ast.Expr;
import dev.roast.frontend.ast.Expr.ParamKind;
import dev.roast.frontend.ast.Stmt;
import dev.roast.frontend.ast.Stmt.*;
import dev.roast.frontend.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementTest {

    static <T extends Stmt> T only(Class<T> type, String text) {
        Parsed p = clean(text);
        assertEquals(1, p.body().size());
        return assertInstanceOf(type, p.body().getFirst());
    }

    @Test
    void assignments() {
        assertEquals("a = b = 1\n", stmts("a = b = 1\n"));
        assertEquals("(a, b) = (b, a)\n", stmts("a, b = b, a\n"));
        assertEquals("[a, *b] = c\n", stmts("[a, *b] = c\n"));
        assertEquals("x = (1, 2)\n", stmts("x = 1, 2\n"));
        assertEquals("x.y[0] = z\n", stmts("x.y[0] = z\n"));
        assertEquals("x: int\n", stmts("x: int\n"));
        assertEquals("x: float = 0\n", stmts("x: float = 0\n"));
        assertEquals("self.x: list[int] = []\n", stmts("self.x: list[int] = []\n"));
        assertEquals("x += 1\nx **= 2\nx //= 3\nx >>= 1\nx @= m\n", stmts("x += 1\nx **= 2\nx //= 3\nx >>= 1\nx @= m\n"));
        assertEquals(BinaryOp.BIT_XOR, only(AugAssign.class, "x ^= 1\n").op());
        Assign chain = only(Assign.class, "a = b = c = 0\n");
        assertEquals(3, chain.targets().size());
        assertEquals("(a, b) = c\n", stmts("(a, b) = c\n"));
        assertEquals("x = 1\ny = 2\nz = 3\n", stmts("x = 1; y = 2; z = 3;\n"));
    }

    @Test
    void ifElifElse() {
        String src = """
                if a:
                    x = 1
                elif b:
                    x = 2
                elif c:
                    pass
                else:
                    x = 3
                """;
        assertEquals("""
                if a:
                  x = 1
                elif b:
                  x = 2
                elif c:
                  pass
                else:
                  x = 3
                """, stmts(src));
        If top = only(If.class, src);
        assertFalse(top.isElif());
        If elif = assertInstanceOf(If.class, top.orElse().getFirst());
        assertTrue(elif.isElif());
        assertEquals(1, top.orElse().size());
        assertEquals("if x: pass\n".length() - 1, only(If.class, "if x: pass\n").span().end());
        assertEquals("if (n := len(a)):\n  pass\n", stmts("if n := len(a):\n    pass\n"));
    }

    @Test
    void loops() {
        assertEquals("""
                while (i < n):
                  i += 1
                  continue
                else:
                  break_out = True
                for (i, (j, k)) in enumerate(xs):
                  break
                else:
                  pass
                for x in (*a, *b):
                  pass
                for x, in y:
                  pass
                """.replace("for x, in y", "for (x,) in y"), stmts("""
                while i < n:
                    i += 1
                    continue
                else:
                    break_out = True
                for i, (j, k) in enumerate(xs):
                    break
                else:
                    pass
                for x in *a, *b:
                    pass
                for x, in y:
                    pass
                """));
        For f = only(For.class, "for x in y: pass\n");
        assertFalse(f.isAsync());
    }

    @Test
    void functionDefinitions() {
        assertEquals("""
                @staticmethod
                @cache(1)
                def f(a, b: int=1, *args: str, c, d=2, **kw: float) -> bool:
                  return True
                """.replace("def f(a, b: int=1, *args: str, c, d=2, **kw: float)",
                        "def f(a, b: int=1, *args: str, kw:c, kw:d=2, **kw: float)"), stmts("""
                @staticmethod
                @cache(1)
                def f(a, b: int = 1, *args: str, c, d=2, **kw: float) -> bool:
                    return True
                """));
        FunctionDef f = only(FunctionDef.class, "def f(a, b, /, c, *, d): pass\n");
        assertEquals(List.of(ParamKind.POSITIONAL_ONLY, ParamKind.POSITIONAL_ONLY, ParamKind.POSITIONAL, ParamKind.KEYWORD_ONLY),
                f.params().stream().map(Expr.Param::kind).toList());
        FunctionDef generic = only(FunctionDef.class, "def first[T](xs: list[T]) -> T:\n    return xs[0]\n");
        assertEquals("T", generic.typeParams().getFirst().name());
        assertEquals("def first[T](xs: list[T]) -> T:\n  return xs[0]\n", stmts("def first[T](xs: list[T]) -> T:\n    return xs[0]\n"));
        assertEquals("def f[T: int, U: (int, str), *Ts, **P]():\n  pass\n", stmts("def f[T: int, U: (int, str), *Ts, **P](): pass\n"));
        FunctionDef async = only(FunctionDef.class, "async def f():\n    await g()\n");
        assertTrue(async.isAsync());
        assertEquals(0, async.span().start(), "an async def starts at 'async'");
        assertEquals("def f():\n  def g():\n    nonlocal x\n    x = 1\n  return g\n",
                stmts("def f():\n    def g():\n        nonlocal x\n        x = 1\n    return g\n"));
    }

    @Test
    void classDefinitions() {
        assertEquals("class A:\n  x: int = 0\n  def m(self):\n    return self.x\n",
                stmts("class A:\n    x: int = 0\n    def m(self):\n        return self.x\n"));
        ClassDef c = only(ClassDef.class, "@dataclass\nclass Box[T](Base, Mixin, metaclass=Meta):\n    item: T\n");
        assertEquals("Box", c.name());
        assertEquals(3, c.bases().size());
        assertEquals(Expr.ArgKind.KEYWORD, c.bases().get(2).kind());
        assertEquals("metaclass", c.bases().get(2).keyword());
        assertEquals(1, c.decorators().size());
        assertEquals("T", c.typeParams().getFirst().name());
        assertEquals("class E(Exception):\n  pass\n", stmts("class E(Exception): pass\n"));
        assertTrue(only(ClassDef.class, "class A(): pass\n").bases().isEmpty());
    }

    @Test
    void simpleStatements() {
        assertEquals("""
                pass
                global a, b
                assert (x > 0), 'positive'
                assert x
                raise
                raise ValueError('bad')
                raise E() from err
                del x, y[0], z.w
                del (a, b)
                """, stmts("""
                pass
                global a, b
                assert x > 0, "positive"
                assert x
                raise
                raise ValueError("bad")
                raise E() from err
                del x, y[0], z.w
                del (a, b)
                """));
        Global g = only(Global.class, "global a, b\n");
        assertEquals(List.of("a", "b"), g.names().stream().map(Expr.Name::id).toList());
        assertEquals(new Span(7, 8), g.names().getFirst().span());
        Delete d = only(Delete.class, "del x, y\n");
        assertEquals(2, d.targets().size());
    }

    @Test
    void returns() {
        String body = AstPrinter.stmts(only(FunctionDef.class, """
                def f():
                    return
                    return 1
                    return a, b
                    return *a, b
                """).body());
        assertEquals("return\nreturn 1\nreturn (a, b)\nreturn (*a, b)\n", body);
    }

    @Test
    void imports() {
        assertEquals("""
                import math
                import a.b as c, d
                from os import path as p, getenv
                from ..pkg.mod import (x as y, z)
                from . import sibling
                from ... import far
                from .... import farther
                from m import *
                from __future__ import annotations
                """.replace("(x as y, z)", "x as y, z"), stmts("""
                import math
                import a.b as c, d
                from os import path as p, getenv
                from ..pkg.mod import (x as y, z,)
                from . import sibling
                from ... import far
                from .... import farther
                from m import *
                from __future__ import annotations
                """));
        ImportFrom rel = only(ImportFrom.class, "from ..pkg.mod import x\n");
        assertEquals(2, rel.level());
        assertEquals("pkg.mod", rel.module());
        ImportFrom dot = only(ImportFrom.class, "from . import x\n");
        assertEquals(1, dot.level());
        assertNull(dot.module());
        ImportName star = only(ImportFrom.class, "from m import *\n").names().getFirst();
        assertEquals("*", star.name());
        Import imp = only(Import.class, "import a.b.c as d\n");
        assertEquals("a.b.c", imp.names().getFirst().name());
        assertEquals("d", imp.names().getFirst().asName());
        assertEquals(new Span(7, 17), imp.names().getFirst().span());
    }

    @Test
    void tryStatements() {
        String src = """
                try:
                    risky()
                except (ValueError, KeyError) as e:
                    print(e)
                except OSError:
                    pass
                except:
                    raise
                else:
                    ok()
                finally:
                    done()
                """;
        assertEquals("""
                try:
                  risky()
                except (ValueError, KeyError) as e:
                  print(e)
                except OSError:
                  pass
                except:
                  raise
                else:
                  ok()
                finally:
                  done()
                """, stmts(src));
        Try t = only(Try.class, src);
        assertEquals(3, t.handlers().size());
        assertEquals("e", t.handlers().getFirst().name());
        assertNull(t.handlers().get(2).type());
        assertFalse(t.isStar());
        Try star = only(Try.class, "try:\n    f()\nexcept* ValueError:\n    pass\n");
        assertTrue(star.isStar());
        assertEquals("try:\n  f()\nfinally:\n  g()\n", stmts("try:\n    f()\nfinally:\n    g()\n"));
    }

    @Test
    void withStatements() {
        assertEquals("""
                with open(p) as f:
                  pass
                with open(a) as f, open(b) as g:
                  pass
                with open(a) as f, open(b) as g:
                  pass
                with (a, b) as c:
                  pass
                with a, b:
                  pass
                with lock:
                  pass
                with f() as (a, b):
                  pass
                """, stmts("""
                with open(p) as f:
                    pass
                with open(a) as f, open(b) as g:
                    pass
                with (open(a) as f,
                      open(b) as g,):
                    pass
                with (a, b) as c:
                    pass
                with (a, b):
                    pass
                with lock: pass
                with f() as (a, b):
                    pass
                """));
        With w = only(With.class, "with open(p) as f:\n    pass\n");
        assertEquals(new Span(5, 17), w.items().getFirst().span());
        With async = assertInstanceOf(With.class, ((FunctionDef) clean("async def f():\n    async with a: pass\n")
                .body().getFirst()).body().getFirst());
        assertTrue(async.isAsync());
    }

    @Test
    void typeAliasAndSoftKeywords() {
        TypeAlias t = only(TypeAlias.class, "type Pair[T] = tuple[T, T]\n");
        assertEquals("Pair", t.name().id());
        assertEquals(1, t.typeParams().size());
        assertEquals("type IntList = list[int]\n", stmts("type IntList = list[int]\n"));
        // Soft keywords stay names everywhere else.
        assertEquals("type = 3\nmatch = type(x)\nmatch.group(1)\nprint(match, type)\ncase = _\nmatch[0]: int = 1\n",
                stmts("type = 3\nmatch = type(x)\nmatch.group(1)\nprint(match, type)\ncase = _\nmatch[0]: int = 1\n"));
    }

    @Test
    void matchIsReportedAndSkipped() {
        Parsed p = parse("""
                def describe(code: int) -> None:
                    match code:
                        case 200:
                            print("ok")
                        case _:
                            return
                    x = 1
                y = 2
                """);
        assertEquals(List.of("2:5 E0101"), p.errors());
        assertEquals("the 'match' statement is not supported", p.diags().sorted().getFirst().message());
        FunctionDef f = (FunctionDef) p.body().getFirst();
        Match m = assertInstanceOf(Match.class, f.body().getFirst());
        assertEquals("code", ((Expr.Name) m.subject()).id());
        assertEquals(new Span(p.file().lineStart(2) + 4, p.file().text().indexOf("return") + 6), m.span());
        assertInstanceOf(Assign.class, f.body().get(1));
        assertEquals(2, p.body().size());
        assertEquals(List.of("1:1 E0101"), parse("match (a, b):\n    case (1, 2): pass\n").errors());
        assertEquals(List.of("1:1 E0101"), parse("match -x, *y:\n    case _: pass\n").errors());
    }

    @Test
    void expressionStatementsAndDocstrings() {
        assertEquals("'doc'\nf(x)\n...\n(yield)\n", AstPrinter.stmts(only(FunctionDef.class,
                "def f():\n    \"\"\"doc\"\"\"\n    f(x)\n    ...\n    yield\n").body()));
    }

    @Test
    void statementSpans() {
        Parsed p = clean("""
                @deco
                def f(self, *args, **kw) -> int:
                    if x:
                        return 1   # trailing comment
                    return 2

                x = 1  # comment
                """);
        FunctionDef f = (FunctionDef) p.body().getFirst();
        assertEquals("2:1", p.where(f.span()), "a decorated def starts at 'def'");
        assertTrue(p.text(f.span()).endsWith("return 2"));
        assertEquals("f", p.text(f.nameSpan()));
        assertEquals("deco", p.text(f.decorators().getFirst().span()));
        assertEquals("self", p.text(f.params().get(0).span()));
        assertEquals("*args", p.text(f.params().get(1).span()));
        assertEquals("**kw", p.text(f.params().get(2).span()));
        If i = (If) f.body().getFirst();
        assertEquals("if x:\n        return 1", p.text(i.span()));
        assertEquals("return 1", p.text(i.body().getFirst().span()));
        assertEquals("x = 1", p.text(p.body().get(1).span()));
        ClassDef c = (ClassDef) clean("class C(B):\n    pass\n").body().getFirst();
        assertEquals(new Span(6, 7), c.nameSpan());
    }
}
