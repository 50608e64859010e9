package dev.roast.interpreter;

import org.junit.jupiter.api.Test;

/** Lists, dicts, ranges, iteration and their methods. Expected output checked against CPython 3.12 (Roast's deliberate differences aside, spec §13). */
class ContainerOpsTest {
    @Test
    void listsAsCPython() {
        RoastRun.assertPrints("""
                xs = [3, 1, 2]
                xs.append(5)
                xs.insert(0, 9)
                xs.insert(-1, 7)
                xs.insert(100, 8)
                print(xs, len(xs), xs[0], xs[-1])
                print(xs.pop(), xs.pop(0), xs)
                xs.extend([4, 4])
                xs.extend([11, 12])
                print(xs, xs.index(4), xs.count(4))
                xs.remove(4)
                print(xs)
                xs.reverse()
                print(xs)
                ys = [5, 3, 8, 1]
                ys.sort()
                print(ys)
                ys.sort(reverse=True)
                print(ys)
                words = ["banana", "Apple", "cherry", "kiwi", "fig"]
                print(sorted(words), sorted(words, key=len), sorted(words, key=len, reverse=True))
                print(sorted([3.5, 1, 2.25, -7]), sorted("hello"), sorted({"b": 1, "a": 2}))
                zs = ys.copy()
                zs.clear()
                print(zs, ys, [1, 2] + [3], [0] * 3, 2 * [1, 2], [] * 5)
                a = [1, 2]
                b = a
                a += [3]
                a *= 2
                print(a, b, a is b, a == b, [1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9])
                print(1 in a, 9 in a, 9 not in a, [1] in [[1], [2]])
                del a[0]
                del a[-1]
                print(a)
                a[0] = 100
                a[-1] = 200
                print(a)
                nested = [[1, 2], [3, [4, 5]], []]
                print(nested, nested[1][1][0], str(nested))
                print(list(range(5)), list(range(10, 0, -3)), list("abc"), list({"x": 1, "y": 2}), list())
                r = range(1, 10, 2)
                print(r, range(5), len(r), r[2], r[-1], 3 in r, 4 in r, list(r))
                t = 0
                for v in [1, 2, 3]:
                    t += v
                print(t, sum([1, 2, 3]), sum([0.1] * 10), sum([1, 2.5]), sum([]), sum([1e100, 1.0, -1e100]))
                print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("hello"))
                print([1, 2.0, "x", None, True], [1.0, 2.5e-10, 1e16, float("inf")])
                """, """
                [9, 3, 1, 2, 7, 5, 8] 7 9 8
                8 9 [3, 1, 2, 7, 5]
                [3, 1, 2, 7, 5, 4, 4, 11, 12] 5 2
                [3, 1, 2, 7, 5, 4, 11, 12]
                [12, 11, 4, 5, 7, 2, 1, 3]
                [1, 3, 5, 8]
                [8, 5, 3, 1]
                ['Apple', 'banana', 'cherry', 'fig', 'kiwi'] ['fig', 'kiwi', 'Apple', 'banana', 'cherry'] ['banana', 'cherry', 'Apple', 'kiwi', 'fig']
                [-7, 1, 2.25, 3.5] ['e', 'h', 'l', 'l', 'o'] ['a', 'b']
                [] [8, 5, 3, 1] [1, 2, 3] [0, 0, 0] [1, 2, 1, 2] []
                [1, 2, 3, 1, 2, 3] [1, 2, 3, 1, 2, 3] True True True True True True
                True False True True
                [2, 3, 1, 2]
                [100, 3, 1, 200]
                [[1, 2], [3, [4, 5]], []] 4 [[1, 2], [3, [4, 5]], []]
                [0, 1, 2, 3, 4] [10, 7, 4, 1] ['a', 'b', 'c'] ['x', 'y'] []
                range(1, 10, 2) range(0, 5) 5 5 9 True False [1, 3, 5, 7, 9]
                6 6 1.0 3.5 0 1.0
                1 3 2 o
                [1, 2.0, 'x', None, True] [1.0, 2.5e-10, 1e+16, inf]
                """);
    }

    @Test
    void dictsAsCPython() {
        RoastRun.assertPrints("""
                d = {"a": 1, "b": 2}
                d["c"] = 3
                print(d, len(d), d["a"], "a" in d, "z" in d, d.get("z"), d.get("z", 0), d.get("a", 0))
                print(d.keys(), d.values(), list(d.keys()), list(d.values()))
                for k in d:
                    print(k, d[k])
                for v in d.values():
                    print(v)
                print(d.pop("a"), d.pop("zz", -1), d)
                print(d.setdefault("b", 99), d.setdefault("q", 7), d)
                d.update({"b": 20, "n": 1})
                print(d)
                e = d.copy()
                e.clear()
                print(e, d, len(e))
                del d["q"]
                print(d, d == {"b": 20, "c": 3, "n": 1}, d != {})
                m = {1: "one", 2.5: "x", True: "t", "s": [1, 2]}
                print(m, m[1], m[1.0], m[True])
                print(dict(), dict(d), {})
                cnt: dict[str, int] = {}
                for w in "the cat the dog the".split():
                    cnt[w] = cnt.get(w, 0) + 1
                print(cnt, sorted(cnt, key=lambda k: cnt[k]))
                print(3 in d.values(), "b" in d.keys(), len(d.keys()))
                """, """
                {'a': 1, 'b': 2, 'c': 3} 3 1 True False None 0 1
                dict_keys(['a', 'b', 'c']) dict_values([1, 2, 3]) ['a', 'b', 'c'] [1, 2, 3]
                a 1
                b 2
                c 3
                1
                2
                3
                1 -1 {'b': 2, 'c': 3}
                2 7 {'b': 2, 'c': 3, 'q': 7}
                {'b': 20, 'c': 3, 'q': 7, 'n': 1}
                {} {'b': 20, 'c': 3, 'q': 7, 'n': 1} 0
                {'b': 20, 'c': 3, 'n': 1} True True
                {1: 'one', 2.5: 'x', True: 't', 's': [1, 2]} one one t
                {} {'b': 20, 'c': 3, 'n': 1} {}
                {'the': 3, 'cat': 1, 'dog': 1} ['cat', 'dog', 'the']
                True True 3
                """);
    }


    @Test
    void mixedValuesAsCPython() {
        RoastRun.assertPrints("""
                a: any = [1, 2]
                a.append(a)
                print(a)
                x: any = 9007199254740993
                print(x == 9007199254740992.0, x > 9007199254740992.0, 1 == 1.0, 0.5 < 1, -0.0 == 0, float("nan") == float("nan"))
                nan = float("nan")
                l = [nan]
                print(l == l, nan in l, [1.0] == [1], [1, [2, 3]] == [1, [2, 3]], {"a": [1]} == {"a": [1]}, {"a": 1} == {"a": 1.0})
                print(f"{True:>5}|{False}|{3.5:>8}|{'x'!r:>5}|{[1, 2]}|{None!s:>6}|{1e20}|{1/3:.3}|{255:#x}|{255:b}|{-1.5:e}|{0.000123:g}|{12345.678:,.1f}")
                pairs = [[2, "b"], [1, "a"], [2, "a"], [1, "b"]]
                def first(p: list[any]) -> any:
                    return p[0]
                print(sorted(pairs, key=first), sorted(pairs, key=first, reverse=True), sorted(pairs))
                print(sum([0.1, 0.2, 0.3]), sum([1e16, 1.0, -1e16]), sum([1, 2], 10), sum([0.5], 1), sum([1.5, 2, 3.25]))
                print(round(0.5), round(1.5), round(2.5), round(-1.5), round(0.125, 2), round(0.375, 2), round(-2.5), round(5, -1), round(15, -1), round(25, -1))
                def f(v: int) -> int:
                    return v
                print(len)
                class C:
                    pass
                print(repr("tab\\there"), "é" < "z", "Z" < "a", "abc" * 2 == "abcabc", max("apple", "banana"), min(3.5, 2, 7))
                d = {"x": 1, "y": 2}
                print("x" in d.keys(), 2 in d.values(), 5 in d.values(), len(d.values()), sorted(d.values(), reverse=True))
                ks = d.keys()
                d["z"] = 3
                print(list(ks), ks)
                print(int("  -0b101  ", 0), int("1_000"), float("1_0.5"), int(-0.9), int(2.5e15), 7 // 2, -7 // 2)
                print("a b  c".split(" "), "  lead".split(None, 1) if False else "x", "a\\nb\\r\\nc".split(), "one two three".split(" ", 1))
                print("xyzabc".lstrip("zyx"), "abcxyz".rstrip("zyx"), "Hello".find("l", -2), "Hello".find(""), "Hello".find("", 10), "hello".startswith(""))
                print(list(range(0)), list(range(-3)), list(range(3, -3, -2)), range(0, 10, 3)[-1], len(range(10, 0)), 9 in range(0, 10, 3))
                y: any = [3, 1, 2]
                y.sort()
                print(y, y.pop(), y)
                e: list[int] = []
                print(e, not e, not [0], bool(range(0)), [] == [], [] is [])
                """, """
                [1, 2, [...]]
                False True True True True False
                True True True True True True
                    1|False|     3.5|  'x'|[1, 2]|  None|1e+20|0.333|0xff|11111111|-1.500000e+00|0.000123|12,345.7
                [[1, 'a'], [1, 'b'], [2, 'b'], [2, 'a']] [[2, 'b'], [2, 'a'], [1, 'a'], [1, 'b']] [[1, 'a'], [1, 'b'], [2, 'a'], [2, 'b']]
                0.6 1.0 13 1.5 6.75
                0 2 2 -2 0.12 0.38 -2 0 20 20
                <built-in function len>
                'tab\\there' False True True banana 2
                True True False 2 [2, 1]
                ['x', 'y', 'z'] dict_keys(['x', 'y', 'z'])
                -5 1000 10.5 0 2500000000000000 3 -4
                ['a', 'b', '', 'c'] x ['a', 'b', 'c'] ['one', 'two three']
                abc abc 3 0 -1 True
                [] [] [3, 1, -1] 9 0 True
                [1, 2] 3 [1, 2]
                [] True False False True False
                """);
    }

    @Test
    void survivesCollectionsInASmallHeap() {
        var o = RoastRun.run("""
                def build(n: int) -> list[str]:
                    out: list[str] = []
                    for i in range(n):
                        s = "item" + str(i) + "é€"
                        out.append(s.upper() + f"{i:05d}" + repr([i, str(i)]))
                    return out

                def keyof(k: str) -> int:
                    return len(k)

                total = 0
                for r in range(40):
                    xs = build(2000)
                    d: dict[str, list[int]] = {}
                    for s in xs:
                        d[s] = [len(s), len(s) * 2]
                    ks = sorted(d.keys(), key=keyof)
                    words = " ".join(xs).split()
                    vals: list[int] = []
                    for v in d.values():
                        vals.append(v[1])
                    total += len(words) + len(ks) + sum(vals) + len(list("abc€" * 100))
                print(total)
                """, 8L << 20);
        org.junit.jupiter.api.Assertions.assertEquals("4629600\n", o.out(), o.err());
    }
}
