package dev.roast.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roast.frontend.Frontend;
import dev.roast.frontend.source.SourceFile;
import dev.roast.mir.emit.BytecodeCompiler;
import dev.roast.mir.lower.HirLowering;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Classes, closures, function values and raising (ObjectOps), run through the whole pipeline. */
class ObjectOpsTest {
    private record Outcome(int status, String out, String err) {}

    private static Outcome run(String src) {
        var r = Frontend.compile(new SourceFile("t.roast", src));
        assertTrue(r.ok(), () -> dev.roast.frontend.diag.DiagnosticRenderer.render(r.diagnostics()));
        var code = BytecodeCompiler.compile(HirLowering.lower(r.module()));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Vm.run(r.module(), code, new Vm.Options(64L << 20, 1000, false, List.of("t.roast")), out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOutput(String expected, String src) {
        var o = run(src);
        assertEquals(0, o.status(), o.err());
        assertEquals(expected, o.out());
    }

    /** Runs a program that fails; checks stdout and the whole of stderr. */
    private static void assertFails(String out, String err, String src) {
        var o = run(src);
        assertEquals(1, o.status(), o.err());
        assertEquals(out, o.out());
        assertEquals(err, o.err());
    }

    @Test
    void inheritanceVirtualMethodsSuperAndStaticMethods() {
        assertOutput("""
                dog ... 4
                tweety ... 2
                bird 2
                """, """
                class Animal:
                    def __init__(self, name: str):
                        self.name = name
                    def speak(self) -> str:
                        return "..."
                    def legs(self) -> int:
                        return 4

                class Bird(Animal):
                    def __init__(self, name: str, wings: int):
                        super().__init__(name)
                        self.wings = wings
                    def speak(self) -> str:
                        return super().speak()
                    def legs(self) -> int:
                        return 2
                    @staticmethod
                    def kind() -> str:
                        return "bird"

                def show(x: Animal) -> None:
                    print(x.name, x.speak(), x.legs())

                show(Animal("dog"))
                b = Bird("tweety", 2)
                show(b)
                print(Bird.kind(), b.wings)
                """);
    }

    @Test
    void classConstantsReadThroughClassAndInstanceWithSubclassOverrides() {
        assertOutput("""
                1 10 1 10 1
                5 10 5 5
                """, """
                class Base:
                    K: int = 1
                    def get(self) -> int:
                        return self.K
                class Sub(Base):
                    K: int = 10
                class Sub2(Base):
                    pass
                print(Base().get(), Sub().get(), Sub2().get(), Sub.K, Sub2.K)
                Base.K = 5
                print(Base().get(), Sub().get(), Sub2().get(), Sub2.K)
                """);
    }

    @Test
    void closuresCountersLambdasAndBoundMethodsAsValues() {
        assertOutput("""
                1 2 3 1
                42 10 2
                7 8
                5
                """, """
                from typing import Callable

                def make_counter() -> Callable[[], int]:
                    n = 0
                    def inc() -> int:
                        nonlocal n
                        n += 1
                        return n
                    return inc

                c = make_counter()
                d = make_counter()
                print(c(), c(), c(), d())
                double: Callable[[int], int] = lambda x: x * 2
                def apply(g: Callable[[int], int], v: int) -> int:
                    return g(v)
                print(double(21), apply(double, 5), apply(lambda y: y + 1, 1))

                class Acc:
                    def __init__(self, start: int):
                        self.total = start
                    def add(self, n: int) -> int:
                        self.total += n
                        return self.total
                a = Acc(5)
                f = a.add
                print(f(2), f(1))
                def later():
                    def g() -> int:
                        return x
                    x = 5
                    return g
                print(later()())
                """);
    }

    @Test
    void strAndReprInPrintAndFStrings() {
        assertOutput("""
                $12.34 Money(1234)
                [$12.34] #news <Plain object>
                [Money(5), #tech]
                ValueError('bad')  KeyError('k') k
                <class '__main__.Money'> <class 'ValueError'>
                """, """
                class Money:
                    def __init__(self, cents: int):
                        self.cents = cents
                    def __str__(self) -> str:
                        return f"${self.cents // 100}.{self.cents % 100}"
                    def __repr__(self) -> str:
                        return f"Money({self.cents})"
                class Tag:
                    def __init__(self, label: str):
                        self.label = label
                    def __repr__(self) -> str:
                        return "#" + self.label
                class Plain:
                    pass
                m = Money(1234)
                print(m, repr(m))
                print(f"[{m}]", Tag("news"), Plain())
                print([Money(5), Tag("tech")])
                print(repr(ValueError("bad")), str(ValueError()), repr(KeyError("k")), str(ValueError("k")))
                print(Money, ValueError)
                """);
    }

    @Test
    void isinstanceWithClassesAndBuiltinTypes() {
        assertOutput("True True False True False\nTrue False True True True\n", """
                class A:
                    pass
                class B(A):
                    pass
                class E(ValueError):
                    pass
                b = B()
                x: any = True
                print(isinstance(b, A), isinstance(b, B), isinstance(A(), B), isinstance(E(), ValueError), isinstance(E(), KeyError))
                print(isinstance(x, bool), isinstance(x, int), isinstance(3, int), isinstance("s", str), isinstance(1.5, float))
                """);
    }

    @Test
    void dynamicAttributesAndCallsOnAnyReceivers() {
        assertOutput("""
                2 4
                tweety 7
                """, """
                class A:
                    def __init__(self, name: str):
                        self.name = name
                    def legs(self) -> int:
                        return 4
                class B(A):
                    def legs(self) -> int:
                        return 2
                def legs(o):
                    return o.legs()
                def name(o):
                    return o.name
                def set_name(o, v) -> None:
                    o.name = v
                b = B("x")
                set_name(b, "tweety")
                print(legs(b), legs(A("a")))
                k = 7
                print(name(b), k)
                """);
    }

    @Test
    void userExceptionsPrintATraceback() {
        assertFails("before\n", """
                Traceback (most recent call last):
                  File "t.roast", line 9, in <module>
                  File "t.roast", line 7, in fail
                  File "t.roast", line 6, in fail
                AppError: boom 2
                """, """
                class AppError(Exception):
                    pass

                def fail(n: int) -> int:
                    if n == 0:
                        raise AppError("boom " + "2")
                    return fail(n - 1)
                print("before")
                fail(1)
                """.replace("\"boom \" + \"2\"", "\"boom 2\""));
    }

    @Test
    void exceptionsWithTheirOwnInitAndStr() {
        assertFails("3\n", """
                Traceback (most recent call last):
                  File "t.roast", line 11, in <module>
                Failure: failed with code 3
                """, """
                class Failure(Exception):
                    def __init__(self, code: int):
                        super().__init__("code")
                        self.code = code
                    def __str__(self) -> str:
                        return "failed with code 3"

                e = Failure(3)
                print(e.code)
                x = 1
                raise e
                """);
    }

    @Test
    void anExceptionsOwnInitKeepsItsArgumentsAsTheMessage() {
        assertFails("", "Traceback (most recent call last):\n  File \"t.roast\", line 5, in <module>\nCodeError: 42\n", """
                class CodeError(Exception):
                    def __init__(self, code: int):
                        self.code = code
                e = CodeError(42)
                raise e
                """);
        assertFails("", "Traceback (most recent call last):\n  File \"t.roast\", line 4, in <module>\nPair: (1, 'a')\n", """
                class Pair(Exception):
                    def __init__(self, a: int, b: str):
                        self.a = a
                raise Pair(1, "a")
                """);
        assertFails("", "Traceback (most recent call last):\n  File \"t.roast\", line 5, in <module>\nQuiet\n", """
                class Quiet(Exception):
                    def __init__(self, a: int):
                        super().__init__()
                        self.a = a
                raise Quiet(1)
                """);
    }

    @Test
    void raisingAClassKeyErrorAndAssertions() {
        assertFails("", "Traceback (most recent call last):\n  File \"t.roast\", line 3, in <module>\nOops\n", """
                class Oops(Exception):
                    pass
                raise Oops
                """);
        assertFails("", "Traceback (most recent call last):\n  File \"t.roast\", line 1, in <module>\nKeyError: 'k'\n", """
                raise KeyError("k")
                """);
        assertFails("", "Traceback (most recent call last):\n  File \"t.roast\", line 2, in <module>\nAssertionError: x is 1\n", """
                x = 1
                assert x == 2, "x is 1"
                """);
        assertFails("", "Traceback (most recent call last):\n  File \"t.roast\", line 1, in <module>\nAssertionError\n", """
                assert 1 == 2
                """);
    }

    @Test
    void freeVariablesNotYetAssigned() {
        assertFails("", """
                Traceback (most recent call last):
                  File "t.roast", line 7, in <module>
                  File "t.roast", line 4, in f
                  File "t.roast", line 3, in g
                NameError: cannot access free variable 'y' where it is not associated with a value in enclosing scope
                """, """
                def f() -> int:
                    def g() -> int:
                        return y
                    v = g()
                    y = 1
                    return v
                f()
                """);
    }

    @Test
    void callingNoneAndWrongArgumentCounts() {
        assertFails("", """
                Traceback (most recent call last):
                  File "t.roast", line 3, in <module>
                  File "t.roast", line 2, in call
                TypeError: 'NoneType' object is not callable
                """, """
                def call(g) -> None:
                    g()
                call(None)
                """);
        assertFails("", """
                Traceback (most recent call last):
                  File "t.roast", line 3, in <module>
                  File "t.roast", line 2, in call
                TypeError: <lambda>() missing 1 required positional argument: 'x'
                """, """
                def call(g) -> None:
                    g()
                call(lambda x: x)
                """);
        assertFails("", """
                Traceback (most recent call last):
                  File "t.roast", line 5, in <module>
                  File "t.roast", line 4, in get
                AttributeError: 'C' object has no attribute 'missing'
                """, """
                class C:
                    pass
                def get(o) -> None:
                    o.missing
                get(C())
                """);
    }
}
