package dev.roast.interpreter;

import org.junit.jupiter.api.Test;

/** Strings: operators, methods, f-strings, repr. Expected output checked against CPython 3.12 (Roast's deliberate differences aside, spec §13). */
class StringOpsTest {
    @Test
    void stringsAsCPython() {
        RoastRun.assertPrints("""
                s = "Hello, World"
                print(s + "!", s * 2, "ab" * 0, s[0], s[-1], len(s))
                print("  a b\\tc\\n ".split(), "a,b,,c".split(","), "a b c".split(" ", 1), "".split(), "x".split(","))
                print(",".join(["a", "b", "c"]), "".join([]), "-".join("xyz"))
                print("  hi  ".strip(), "xxhixx".strip("x"), "  hi".lstrip(), "hi  ".rstrip() + "|", "\\u00a0 x \\u3000".strip())
                print(s.startswith("Hell"), s.endswith("ld"), s.startswith("World"), s.find("o"), s.find("o", 5), s.find("zz"), s.find("o", 5, 8))
                print(s.replace("l", "L"), s.replace("l", "L", 2), "abc".replace("", "-"), s.upper(), s.lower(), "ß".upper(), "ΑΣ".lower())
                print("123".isdigit(), "12a".isdigit(), "".isdigit(), "²".isdigit(), "abc".isalpha(), "ab1".isalpha(), " \\t".isspace(), "\\u00a0".isspace(), "".isspace())
                print("banana".count("a"), "banana".count("an"), "banana".count(""), "banana".count("a", 2), "aaaa".count("aa"))
                print("a" in "abc", "z" not in "abc", "" in "abc", "abc" < "abd", "b" > "abc", "a" == "a", "a" != "b", "abc" <= "abc")
                x = 42
                y = 3.14159
                name = "Bob"
                print(f"{x} {y:.2f} {name!r} {x:>5} {x:05d} {y:10.3e} {name:<6}| {True} {None} {[1, 'a']} {x:x} {x:,} {1234567.891:,.2f}")
                print(f"{'é'!a} {name:^9} {-x:+d} {y!s:>10} {0.1 + 0.2}")
                print(repr("it's"), repr('say "hi"'), repr("a\\nb\\\\"), str(12), str(1.5), str(True), repr(None))
                for ch in "héllo€":
                    print(ch, end=" ")
                print()
                print(ord("a"), ord("€"), chr(65), chr(8364), hex(255), hex(-255), bin(10), bin(-3))
                """, """
                Hello, World! Hello, WorldHello, World  H d 12
                ['a', 'b', 'c'] ['a', 'b', '', 'c'] ['a', 'b c'] [] ['x']
                a,b,c  x-y-z
                hi hi hi hi| x
                True True False 4 8 -1 -1
                HeLLo, WorLd HeLLo, World -a-b-c- HELLO, WORLD hello, world SS ας
                True False False True True False True True False
                3 2 7 2 2
                True True True True True True True True
                42 3.14 'Bob'    42 00042  3.142e+00 Bob   | True None [1, 'a'] 2a 42 1,234,567.89
                '\\xe9'    Bob    -42    3.14159 0.30000000000000004
                "it's" 'say "hi"' 'a\\nb\\\\' 12 1.5 True None
                h é l l o €\s
                97 8364 A € 0xff -0xff 0b1010 -0b11
                """);
    }

}
