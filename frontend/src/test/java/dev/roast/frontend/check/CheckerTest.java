package dev.roast.frontend.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roast.frontend.Frontend;
import dev.roast.frontend.diag.Diagnostic;
import dev.roast.frontend.diag.Diagnostics;
import dev.roast.frontend.hir.Binding;
import dev.roast.frontend.hir.FunctionInfo;
import dev.roast.frontend.hir.HExpr;
import dev.roast.frontend.hir.HModule;
import dev.roast.frontend.hir.HStmt;
import dev.roast.frontend.hir.HirPrinter;
import dev.roast.frontend.hir.Variable;
import dev.roast.frontend.source.SourceFile;
import dev.roast.frontend.types.ClassInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckerTest {
    private static HModule ok(String src) {
        var r = Frontend.compile(new SourceFile("t.roast", src));
        if (!r.ok()) {
            throw new AssertionError("unexpected errors:\n" + dev.roast.frontend.diag.DiagnosticRenderer.render(r.diagnostics()));
        }
        return r.module();
    }

    private static List<Diagnostic> errors(String src) {
        var r = Frontend.compile(new SourceFile("t.roast", src));
        assertFalse(r.ok(), "expected errors");
        return r.diagnostics().sorted();
    }

    /** "CODE@line:col" of the first error. */
    private static String firstError(String src) {
        var file = new SourceFile("t.roast", src);
        var r = Frontend.compile(file);
        assertFalse(r.ok(), "expected an error");
        Diagnostic d = r.diagnostics().sorted().get(0);
        return d.code().code() + "@" + file.line(d.span().start()) + ":" + file.column(d.span().start());
    }

    private static Variable global(HModule m, String name) {
        return m.globals().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private static FunctionInfo function(HModule m, String qualified) {
        return m.functions().stream().filter(f -> f.qualifiedName().equals(qualified)).findFirst().orElseThrow();
    }

    private static String type(HModule m, String name) {
        return String.valueOf(global(m, name).type());
    }

    // ---- inference and assignability ----

    @Test
    void variablesTakeTheTypeOfTheirFirstValue() {
        var m = ok("a = 1\nb = 2.5\nc = 'x'\nd = True\ne = [1, 2]\nf = {'k': 1.5}\ng = []\nh = {}\ni = None\n");
        assertEquals("int", type(m, "a"));
        assertEquals("float", type(m, "b"));
        assertEquals("str", type(m, "c"));
        assertEquals("bool", type(m, "d"));
        assertEquals("list[int]", type(m, "e"));
        assertEquals("dict[str, float]", type(m, "f"));
        assertEquals("list[any]", type(m, "g"));
        assertEquals("dict[any, any]", type(m, "h"));
        assertEquals("None", type(m, "i"));
    }

    @Test
    void joinsNeverConvert() {
        var m = ok("a = [1, 2.0]\nb = [1, 'x']\nc = 1 if a else 2.0\nd = 0 or 'x'\n");
        assertEquals("list[any]", type(m, "a"));
        assertEquals("list[any]", type(m, "b"));
        assertEquals("any", type(m, "c"));
        assertEquals("any", type(m, "d"));
    }

    @Test
    void annotationsForceConversionOfIntToFloat() {
        var m = ok("xs: list[float] = [1, 2.0]\nx: float = 0\n");
        var assign = (HStmt.Assign) m.main().body().get(0);
        var list = (HExpr.ListDisplay) assign.value();
        assertTrue(list.elements().get(0) instanceof HExpr.Coerce c && c.type().toString().equals("float"));
        assertTrue(list.elements().get(1) instanceof HExpr.FloatConst);
        var x = (HStmt.Assign) m.main().body().get(1);
        assertTrue(x.value() instanceof HExpr.Coerce);
    }

    @Test
    void laterAssignmentsMustFitTheFirstType() {
        assertEquals("E0308@2:5", firstError("x = 0\nx = 1.5\n"));
        assertEquals("E0308@1:10", firstError("x: int = 'a'\n"));
        assertEquals("E0308@1:10", firstError("x: int = None\n"));
    }

    @Test
    void boolIsNotInt() {
        assertEquals("E0308@1:5", firstError("x = True + 1\n"));
        assertEquals("E0308@3:3", firstError("def f(n: int) -> int:\n    return n + 1\nf(True)\n"));
    }

    @Test
    void mixedArithmeticIsFloatAndIntDivisionIsFloat() {
        var m = ok("a = 1 + 2.0\nb = 7 / 2\nc = 7 // 2\nd = 2 ** 10\ne = 10 ** -3\nf = -7 % 3\ng = 1 << 4\n");
        assertEquals("float", type(m, "a"));
        assertEquals("float", type(m, "b"));
        assertEquals("int", type(m, "c"));
        assertEquals("int", type(m, "d"));
        assertEquals("float", type(m, "e"));
        assertEquals("int", type(m, "f"));
        assertEquals("int", type(m, "g"));
    }

    @Test
    void stringAndListOperators() {
        var m = ok("a = 'x' * 3\nb = [0] * 4\nc = 'a' + 'b'\nd = [1] + [2]\ne = 'a' < 'b'\nf = 'a' in 'abc'\n");
        assertEquals("str", type(m, "a"));
        assertEquals("list[int]", type(m, "b"));
        assertEquals("str", type(m, "c"));
        assertEquals("list[int]", type(m, "d"));
        assertEquals("bool", type(m, "e"));
        assertEquals("bool", type(m, "f"));
        assertEquals("E0308@1:1", firstError("'a' + 1\n"));
        assertEquals("E0308@1:5", firstError("x = 'a' < 1\n"));
    }

    @Test
    void anyIsCheckedAtRunTime() {
        var m = ok("def f(x):\n    return x + 1\ny: int = f(2)\n");
        assertEquals("any", function(m, "f").params().get(0).type().toString());
        assertEquals("any", function(m, "f").result().toString());
        var assign = (HStmt.Assign) m.main().body().get(1);
        assertTrue(assign.value() instanceof HExpr.Coerce c && c.value().type().toString().equals("any"));
    }

    @Test
    void functionsWithoutReturnValueReturnNone() {
        var m = ok("def f(x: int):\n    print(x)\n");
        assertEquals("None", function(m, "f").result().toString());
        assertEquals("E0308@3:10", firstError("def f(x: int):\n    print(x)\ny: int = f(1)\n"));
    }

    @Test
    void readBeforeFirstAssignmentInProgramOrderIsInferredAhead() {
        var m = ok("def f(n: int) -> int:\n    i = 0\n    while i < n:\n        if i > 0:\n            print(last)\n        last = i * 2\n        i += 1\n    return i\n");
        var last = function(m, "f").locals().stream().filter(v -> v.name().equals("last")).findFirst().orElseThrow();
        assertEquals("int", last.type().toString());
    }

    @Test
    void noneRules() {
        ok("class N:\n    def __init__(self, next: 'N'):\n        self.next: N = next\nn = N(None)\nm: str = None\n");
        assertEquals("E0308@1:10", firstError("x: int = None\n"));
        assertEquals("E0308@1:12", firstError("x: float = None\n"));
        assertEquals("E0599@2:3", firstError("x = None\nx.foo()\n"));
    }

    // ---- names and scopes ----

    @Test
    void closuresCaptureCellsByReference() {
        var m = ok("""
                def counter() -> int:
                    n = 0
                    def bump() -> None:
                        nonlocal n
                        n += 1
                    def peek() -> int:
                        return n
                    bump()
                    bump()
                    return peek()
                print(counter())
                """);
        FunctionInfo counter = function(m, "counter");
        Variable n = counter.locals().stream().filter(v -> v.name().equals("n")).findFirst().orElseThrow();
        assertTrue(n.isCell());
        assertEquals(List.of(n), function(m, "counter.bump").captured());
        assertEquals(List.of(n), function(m, "counter.peek").captured());
    }

    @Test
    void captureThroughAnIntermediateFunction() {
        var m = ok("def a() -> int:\n    x = 1\n    def b() -> int:\n        def c() -> int:\n            return x\n        return c()\n    return b()\n");
        Variable x = function(m, "a").locals().get(0);
        assertEquals(List.of(x), function(m, "a.b").captured());
        assertEquals(List.of(x), function(m, "a.b.c").captured());
    }

    @Test
    void globalDeclarationsWriteTheModuleVariable() {
        var m = ok("count = 0\ndef bump() -> None:\n    global count\n    count += 1\nbump()\n");
        var aug = (HStmt.AugAssign) function(m, "bump").body().get(0);
        assertTrue(aug.target() instanceof HStmt.StoreVar s && s.binding() instanceof Binding.Global);
        assertTrue(function(m, "bump").locals().isEmpty());
    }

    @Test
    void nameErrors() {
        assertEquals("E0425@1:7", firstError("print(undefined_thing)\n"));
        assertEquals("E0429@3:18", firstError("def f() -> None:\n    def g() -> None:\n        nonlocal zz\n        zz = 1\n    g()\n"));
        assertEquals("E0429@3:12", firstError("def f() -> None:\n    print(x)\n    global x\n    x = 1\n"));
        assertEquals("E0428@3:5", firstError("def f() -> None:\n    pass\ndef f() -> None:\n    pass\n"));
        assertEquals("E0070@3:1", firstError("def f() -> None:\n    pass\nf = 3\n"));
    }

    // ---- calls ----

    @Test
    void callsAreResolvedStatically() {
        var m = ok("import math\ndef f(x: float) -> float:\n    return math.sqrt(x)\ng = lambda y: y\nprint(f(2), len('abc'), g(1))\n");
        var print = (HExpr.CallBuiltin) ((HStmt.ExprStmt) m.main().body().get(2)).expr();
        assertTrue(print.args().get(0) instanceof HExpr.CallFunction cf && cf.args().get(0) instanceof HExpr.Coerce);
        assertTrue(print.args().get(1) instanceof HExpr.CallBuiltin);
        assertTrue(print.args().get(2) instanceof HExpr.Call);
    }

    @Test
    void argumentErrors() {
        assertEquals("E0061@3:1", firstError("def f(a: int, b: int) -> int:\n    return a + b\nf(1)\n"));
        assertEquals("E0308@3:3", firstError("def f(a: int) -> int:\n    return a\nf('s')\n"));
        assertEquals("E0618@2:1", firstError("x = 5\nx()\n"));
        assertEquals("E0100@3:3", firstError("def f(a: int) -> int:\n    return a\nf(a=1)\n"));
        assertEquals("E0062@1:12", firstError("print('x', ends='')\n"));
    }

    @Test
    void sysArgvIsAListOfStrAndSysExitTakesAnyStatus() {
        var m = ok("import sys\na = sys.argv\nsys.argv.append('x')\nif len(a) > 2:\n    sys.exit(2)\nelif len(a) > 1:\n    sys.exit('bye')\nsys.exit()\n");
        assertEquals("list[str]", type(m, "a"));
        var assign = (HStmt.Assign) m.main().body().getFirst();
        assertTrue(assign.value() instanceof HExpr.ModuleConstant c && c.module().equals("sys") && c.name().equals("argv"));
        var exit = (HExpr.CallBuiltin) ((HStmt.ExprStmt) m.main().body().getLast()).expr();
        assertEquals(dev.roast.frontend.hir.Builtin.SYS_EXIT, exit.builtin());
        assertEquals("None", exit.type().toString());
        assertEquals("E0308@2:10", firstError("import sys\nx: int = sys.argv\n"));
        assertEquals("E0061@2:1", firstError("import sys\nsys.exit(1, 2)\n"));
    }

    @Test
    void otherSysMembersAreNotSupportedYetOrUnknown() {
        assertEquals("E0100@2:7", firstError("import sys\nprint(sys.stdin)\n"));
        assertEquals("E0100@2:1", firstError("import sys\nsys.stdout.write('x')\n"));
        assertEquals("E0100@1:1", firstError("from sys import argv\n"));
        assertEquals("E0100@1:1", firstError("import sys as s\n"));
        assertEquals("E0100@2:5", firstError("import sys\nf = sys.exit\n"));
        // math's constants belong to math alone.
        assertEquals("E0599@2:11", firstError("import sys\nprint(sys.pi)\n"));
        assertEquals("module 'sys' has no attribute 'pi'", errors("import sys\nprint(sys.pi)\n").get(0).message());
        assertEquals("E0599@2:5", firstError("import sys\nsys.foo()\n"));
        assertEquals("E0618@2:1", firstError("import sys\nsys.argv()\n"));
    }

    @Test
    void moduleValuesAreNotCallable() {
        // math.pi() used to pass the checker with no diagnostic and fail as an internal error.
        assertEquals("E0618@2:1", firstError("import math\nmath.pi()\n"));
        assertEquals("E0599@2:6", firstError("import math\nmath.argv()\n"));
    }

    @Test
    void lambdaParametersComeFromTheExpectedType() {
        var m = ok("from typing import Callable\ndef apply(f: Callable[[int], int], x: int) -> int:\n    return f(x)\nprint(apply(lambda v: v * 2, 3))\nws = ['bb', 'a']\nprint(sorted(ws, key=lambda w: len(w)))\n");
        var lambdas = m.functions().stream().filter(f -> f.kind() == FunctionInfo.Kind.LAMBDA).toList();
        assertEquals(2, lambdas.size());
        assertEquals("int", lambdas.get(0).params().get(0).type().toString());
        assertEquals("int", lambdas.get(0).result().toString());
        assertEquals("str", lambdas.get(1).params().get(0).type().toString());
    }

    // ---- classes ----

    @Test
    void classLayoutAndVirtualMethods() {
        var m = ok("""
                class Shape:
                    sides: int
                    def __init__(self, name: str):
                        self.name = name
                        self.sides = 0
                    def area(self) -> float:
                        return 0.0
                    def describe(self) -> str:
                        return self.name + ' ' + str(self.area())
                class Square(Shape):
                    def __init__(self, side: float):
                        super().__init__('square')
                        self.side = side
                    def area(self) -> float:
                        return self.side * self.side
                s: Shape = Square(2.0)
                print(s.describe())
                """);
        ClassInfo shape = m.classes().get(0), square = m.classes().get(1);
        assertEquals(List.of("sides", "name"), shape.fields().stream().map(ClassInfo.Field::name).toList());
        assertEquals(List.of("sides", "name", "side"), square.fields().stream().map(ClassInfo.Field::name).toList());
        assertEquals(2, square.field("side").slot());
        assertEquals("str", shape.field("name").type().toString());
        assertEquals("float", square.field("side").type().toString());
        assertEquals(shape.method("area").vtableSlot(), square.method("area").vtableSlot());
        assertTrue(square.isSubclassOf(shape));
    }

    @Test
    void subclassMethodsTakeSlotsAfterTheBases() {
        var m = ok("""
                class Base:
                    def get(self) -> int:
                        return 1
                    def put(self, x: int) -> None:
                        pass
                class Sub(Base):
                    def extra(self) -> int:
                        return 2
                    def get(self) -> int:
                        return 3
                class Leaf(Sub):
                    def last(self) -> int:
                        return 4
                """);
        ClassInfo base = m.classes().get(0), sub = m.classes().get(1), leaf = m.classes().get(2);
        assertEquals(0, base.method("get").vtableSlot());
        assertEquals(1, base.method("put").vtableSlot());
        assertEquals(2, sub.method("extra").vtableSlot());
        assertEquals(0, sub.method("get").vtableSlot());
        assertEquals(3, leaf.method("last").vtableSlot());
        assertEquals(List.of(2, 3, 4), List.of(base.vtableSize(), sub.vtableSize(), leaf.vtableSize()));
    }

    @Test
    void classErrors() {
        assertEquals("E0430@5:14", firstError("class P:\n    def __init__(self) -> None:\n        self.x = 1\n    def m(self) -> None:\n        self.y = 2\n"));
        assertEquals("E0599@4:11", firstError("class P:\n    def __init__(self) -> None:\n        self.x = 1\nprint(P().y)\n"));
        assertEquals("E0053@5:9", firstError("class A:\n    def m(self, x: int) -> int:\n        return x\nclass B(A):\n    def m(self, x: str) -> int:\n        return 1\n"));
        assertEquals("E0054@2:9", firstError("class A:\n    def __str__(self) -> int:\n        return 1\n"));
        assertEquals("E0614@3:9", firstError("class A:\n    def __init__(self) -> None:\n        super().__init__()\n"));
        assertEquals("E0101@3:12", firstError("class A:\n    pass\nclass B(A, A):\n    pass\n"));
    }

    @Test
    void staticMethodsAndClassConstants() {
        var m = ok("class C:\n    K: int = 3\n    @staticmethod\n    def twice(x: int) -> int:\n        return 2 * x\n    def k(self) -> int:\n        return self.K\nprint(C.K, C.twice(4), C().k())\n");
        ClassInfo c = m.classes().get(0);
        assertTrue(c.method("twice").isStatic());
        assertNotNull(c.constant("K"));
        assertTrue(HirPrinter.print(m).contains("get-constant C.K : int"));
    }

    @Test
    void exceptionsAreClasses() {
        ok("class AppError(Exception):\n    pass\ndef f(x: int) -> int:\n    if x < 0:\n        raise AppError('negative')\n    if x == 0:\n        raise ValueError('zero')\n    return x\nprint(f(1))\n");
        assertEquals("E0308@1:7", firstError("raise 5\n"));
    }

    // ---- control flow ----

    @Test
    void missingReturn() {
        assertEquals("E0069@1:5", firstError("def f(x: int) -> int:\n    if x > 0:\n        return 1\n"));
        ok("def f(x: int) -> int:\n    if x > 0:\n        return 1\n    else:\n        return 2\n");
        ok("def f(x: int) -> int:\n    while True:\n        if x > 3:\n            return x\n        x += 1\n");
        assertEquals("E0069@1:5", firstError("def f(x: int) -> int:\n    while True:\n        if x > 3:\n            break\n        x += 1\n"));
        ok("def f(x: int) -> int:\n    raise ValueError('no')\n");
    }

    @Test
    void loopsOverRangesAndContainers() {
        var m = ok("total = 0\nfor i in range(10):\n    total += i\nfor c in 'abc':\n    print(c)\nd = {'a': 1}\nfor k in d:\n    print(k)\n");
        assertTrue(m.main().body().get(1) instanceof HStmt.ForRange);
        assertTrue(m.main().body().get(2) instanceof HStmt.ForEach fe && fe.elementType().toString().equals("str"));
        assertEquals("E0277@1:10", firstError("for c in 5:\n    print(c)\n"));
    }

    // ---- unsupported features ----

    @Test
    void fullFeaturesAreNotSupportedYet() {
        assertEquals("E0100@1:5", firstError("x = (1, 2)\n"));
        assertEquals("E0100@1:5", firstError("x = {1, 2}\n"));
        assertEquals("E0100@1:5", firstError("x = [i for i in range(3)]\n"));
        assertEquals("E0100@1:1", firstError("try:\n    pass\nexcept ValueError:\n    pass\n"));
        assertEquals("E0100@2:9", firstError("s = 'abc'\nprint(s[1:2])\n"));
        assertEquals("E0100@1:1", firstError("import os\n"));
        assertEquals("E0100@1:5", firstError("for i, c in enumerate('ab'):\n    pass\n"));
    }

    @Test
    void excludedFeaturesAreNotSupportedInRoast() {
        assertEquals("E0101@2:5", firstError("def g() -> None:\n    yield 1\n"));
        assertEquals("E0101@1:7", firstError("def f(*args) -> None:\n    pass\n"));
        assertEquals("E0101@1:1", firstError("@property\ndef f() -> None:\n    pass\n"));
        assertEquals("E0101@1:1", firstError("eval('1')\n"));
        assertEquals("E0101@2:1", firstError("x = 1\ndel x\n"));
    }

    @Test
    void everyErrorOfAFileIsReportedUpToTheCap() {
        var src = new StringBuilder();
        for (int i = 0; i < 80; i++) src.append("x").append(i).append(": int = 'no'\n");
        var file = new SourceFile("t.roast", src.toString());
        var r = Frontend.compile(file);
        Diagnostics d = r.diagnostics();
        assertEquals(Diagnostics.CAP, d.sorted().size());
        assertEquals(30, d.truncated());
    }

    @Test
    void twoIndependentErrorsAreBothReported() {
        var list = errors("a: int = 'x'\nb: str = 1\n");
        assertEquals(2, list.size());
    }
}
