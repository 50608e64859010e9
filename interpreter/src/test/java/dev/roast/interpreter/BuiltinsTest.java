package dev.roast.interpreter;

import org.junit.jupiter.api.Test;

/** Builtin functions, math, and operators on `any` values. Expected output checked against CPython 3.12 (Roast's deliberate differences aside, spec §13). */
class BuiltinsTest {
    @Test
    void builtinsAsCPython() {
        RoastRun.assertPrints("""
                print(int("42"), int("-7"), int(" 12 "), int("ff", 16), int("0x1f", 0), int(3.9), int(-3.9), int(True))
                print(float("1.5"), float(3), float("inf"), float("-0"), float(" 2e3 "), bool(0), bool(""), bool([0]), bool({}), bool(0.0), bool("x"))
                print(abs(-5), abs(-2.5), abs(3), round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234, -2), round(7.0), round(1.5, 0))
                print(str(3.0), str(1e-7), repr(2.0), str([1.0, "a"]), repr({"k": "v"}))
                import math
                print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.pi, math.fabs(-3), math.pow(2, 10), math.isnan(math.nan), math.isinf(math.inf))
                print(math.log(math.e), math.log(8, 2), math.exp(0), math.atan2(1, 1), math.sin(0), math.cos(0))
                print(len("abc"), len([1, 2]), len({"a": 1}), len(range(3)))
                def sq(v: int) -> int:
                    return v * v
                print(sorted([3, -4, 1], key=sq), sorted([3, -4, 1], key=abs))
                print(isinstance(1, int), isinstance(1.0, int), isinstance(True, int), isinstance("s", str), isinstance([], list))
                x: any = 5
                y: any = 2.5
                z: any = "s"
                print(x + y, x * 2, x / 2, x // 2, x % 3, x ** 2, -x, x - y, z * 3, z + "t", x > y, x == 5.0, x & 3, ~x)
                print(x == True, 1 == True, 0 == False, True == True)
                """, """
                42 -7 12 255 31 3 -3 1
                1.5 3.0 inf -0.0 2000.0 False False True False False True
                5 2.5 3 2 4 0 2.67 1200 7 2.0
                3.0 1e-07 2.0 [1.0, 'a'] {'k': 'v'}
                4.0 1.4142135623730951 2 3 -3 3.141592653589793 3.0 1024.0 True True
                1.0 3.0 1.0 0.7853981633974483 0.0 1.0
                3 2 1 3
                [1, 3, -4] [1, 3, -4]
                True False False True True
                7.5 10 2.5 2 2 25 -5 2.5 sss st True True 1 -6
                False False False True
                """);
    }

    @Test
    void runtimeErrorsHaveCPythonsTypeAndMessage() {
        RoastRun.assertRaises("xs = [1, 2]\nprint(xs[5])\n", "IndexError: list index out of range");
        RoastRun.assertRaises("xs = [1, 2]\nxs[-3] = 1\n", "IndexError: list assignment index out of range");
        RoastRun.assertRaises("xs: list[int] = []\nxs.pop()\n", "IndexError: pop from empty list");
        RoastRun.assertRaises("xs = [1]\nxs.pop(4)\n", "IndexError: pop index out of range");
        RoastRun.assertRaises("xs = [1, 2]\nprint(xs.index(3))\n", "ValueError: 3 is not in list");
        RoastRun.assertRaises("xs = [1, 2]\nxs.remove(3)\n", "ValueError: list.remove(x): x not in list");
        RoastRun.assertRaises("d = {\"a\": 1}\nprint(d[\"b\"])\n", "KeyError: 'b'");
        RoastRun.assertRaises("d = {\"a\": 1}\nd.pop(\"zz\")\n", "KeyError: 'zz'");
        RoastRun.assertRaises("s = \"abc\"\nprint(s[10])\n", "IndexError: string index out of range");
        RoastRun.assertRaises("print(\",\".join([\"a\", 1]))\n", "TypeError: sequence item 1: expected str instance, int found");
        RoastRun.assertRaises("x: any = 1\ny: any = \"s\"\nprint(x + y)\n", "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
        RoastRun.assertRaises("x: any = None\nprint(x[0])\n", "TypeError: 'NoneType' object is not subscriptable");
        RoastRun.assertRaises("x: any = 5\nprint(x[0])\n", "TypeError: 'int' object is not subscriptable");
        RoastRun.assertRaises("x: any = 5\nfor q in x:\n    print(q)\n", "TypeError: 'int' object is not iterable");
        RoastRun.assertRaises("print(int(\"abc\"))\n", "ValueError: invalid literal for int() with base 10: 'abc'");
        RoastRun.assertRaises("print(int(\"12\", 1))\n", "ValueError: int() base must be >= 2 and <= 36, or 0");
        RoastRun.assertRaises("print(range(1, 2, 0))\n", "ValueError: range() arg 3 must not be zero");
        RoastRun.assertRaises("print(max([]))\n", "ValueError: max() iterable argument is empty");
        RoastRun.assertRaises("import math\nprint(math.sqrt(-1))\n", "ValueError: math domain error");
        RoastRun.assertRaises("import math\nprint(math.log(0))\n", "ValueError: math domain error");
        RoastRun.assertRaises("print(chr(-1))\n", "ValueError: chr() arg not in range(0x110000)");
        RoastRun.assertRaises("print(ord(\"ab\"))\n", "TypeError: ord() expected a character, but string of length 2 found");
        RoastRun.assertRaises("x: any = 1\ny: any = \"a\"\nprint(x < y)\n", "TypeError: '<' not supported between instances of 'int' and 'str'");
        RoastRun.assertRaises("d = {\"a\": 1, \"b\": 2}\nfor k in d:\n    d[k + \"x\"] = 1\n", "RuntimeError: dictionary changed size during iteration");
        RoastRun.assertRaises("x: any = [1]\ny: any = {}\ny[x] = 1\n", "TypeError: unhashable type: 'list'");
        RoastRun.assertRaises("x: any = \"abc\"\nx[0] = \"z\"\n", "TypeError: 'str' object does not support item assignment");
        RoastRun.assertRaises("print(sum([2**62, 2**62]))\n", "OverflowError: integer overflow");
        RoastRun.assertRaises("print(abs(-9223372036854775807 - 1))\n", "OverflowError: integer overflow");
        RoastRun.assertRaises("x: any = True\nprint(x + 1)\n", "TypeError: unsupported operand type(s) for +: 'bool' and 'int'");
        RoastRun.assertRaises("x: any = \"a\"\nprint(-x)\n", "TypeError: bad operand type for unary -: 'str'");
        RoastRun.assertRaises("print(float(\"x1\"))\n", "ValueError: could not convert string to float: 'x1'");
        RoastRun.assertRaises("print(int(float(\"inf\")))\n", "OverflowError: cannot convert float infinity to integer");
        RoastRun.assertRaises("print(int(float(\"nan\")))\n", "ValueError: cannot convert float NaN to integer");
        RoastRun.assertRaises("x: any = 1\nprint(f\"{x:s}\")\n", "ValueError: Unknown format code 's' for object of type 'int'");
        RoastRun.assertRaises("print(round(float(\"inf\")))\n", "OverflowError: cannot convert float infinity to integer");
        RoastRun.assertRaises("x: any = [1]\nprint(x * \"a\")\n", "TypeError: can't multiply sequence by non-int of type 'str'");
        RoastRun.assertRaises("x: any = \"a\"\nprint(x * 1.5)\n", "TypeError: can't multiply sequence by non-int of type 'float'");
        RoastRun.assertRaises("d = {\"a\": 1}\ndel d[\"q\"]\n", "KeyError: 'q'");
        RoastRun.assertRaises("xs = [1]\ndel xs[3]\n", "IndexError: list assignment index out of range");
        RoastRun.assertRaises("x: any = 3\nprint(len(x))\n", "TypeError: object of type 'int' has no len()");
        RoastRun.assertRaises("x: any = 3.5\nprint(x & 1)\n", "TypeError: unsupported operand type(s) for &: 'float' and 'int'");
        RoastRun.assertRaises("x: any = 0\nprint(1 / x)\n", "ZeroDivisionError: division by zero");
        RoastRun.assertRaises("x: any = 0.0\nprint(1 % x)\n", "ZeroDivisionError: float modulo");
        RoastRun.assertRaises("x: any = 2\nprint(x ** -1)\n", "ValueError: negative exponent -1 for an int power (Roast keeps int ** int an int; use a float base)");
    }

    @Test
    void builtinsAsValues() {
        RoastRun.assertPrints("""
                words = ["ccc", "a", "bb"]
                print(sorted(words, key=len))
                f = len
                print(f("abcd"), f, isinstance(3, int), isinstance("x", str), isinstance(2.0, float), isinstance(True, int))
                def g(v: int) -> int:
                    return v
                print(g)
                """, """
                ['a', 'bb', 'ccc']
                4 <built-in function len> True True True False
                <function g>
                """);
    }

    @Test
    void anyValuesAreCheckedWhereAStaticTypeIsExpected() {
        RoastRun.assertRaises("""
                x: any = 5
                y: float = x
                z: any = [1]
                w: list[int] = z
                n: any = None
                s: str = n
                print(y, w, s)
                q: any = "s"
                i: int = q
                """, "TypeError: expected int, got str");
        RoastRun.assertPrints("x: any = 5\ny: float = x\nprint(y)\n", "5.0\n");
    }
}
