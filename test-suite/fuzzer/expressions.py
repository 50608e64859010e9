"""The generator's expressions: int (with a bound on their magnitude), float, bool, any, and calls.

Every method returns the expression's text, parenthesized wherever it could
meet an operator of another precedence; int expressions also return a bound
(|value| <= bound < INT_LIMIT), `any` ones a bound and what is known of their
run-time type: 'int', 'float', or 'num' for either.
"""

from .model import BIG_LITERALS, BIG_MODULI, FLOAT_LITERALS, INT_LIMIT, LIST_CAP, SMALL, SMALL_MODULI, elem, is_list


class Expressions:
    def int_literal(self):
        k = self.r.random()
        if k < 0.55:
            v = self.r.randint(-10, 100)
        elif k < 0.8:
            v = self.r.randint(-100000, 1000000)
        elif k < 0.9:
            v = self.r.randint(-(SMALL - 1), SMALL - 1)
        else:
            v = self.pick(BIG_LITERALS) * self.pick([1, 1, -1])
        return self.int_text(v), abs(v)

    def int_text(self, v):
        """Mostly decimal; sometimes hex, binary, octal or with separators (spec §2)."""
        k = self.r.random()
        sign, a = ("-" if v < 0 else ""), abs(v)
        if k < 0.06:
            text = hex(a)
        elif k < 0.09:
            text = bin(a)
        elif k < 0.11:
            text = oct(a)
        elif k < 0.16 and a >= 1000:
            text = f"{a:_}"
        else:
            text = str(a)
        return f"({sign}{text})" if sign else text

    def wrap_int(self, code, bound, limit):
        """`code` re-bounded below `limit` with a modulus (floor semantics: the result has M's sign)."""
        if bound < limit:
            return code, bound
        moduli = [m for m in SMALL_MODULI + BIG_MODULI if m <= limit]
        m = self.pick(moduli)
        if self.chance(0.15):
            return f"(({code}) % -{m})", m
        if self.chance(0.25):
            h = m // 2
            return f"(({code}) % {m} - {h})", m
        return f"(({code}) % {m})", m

    def int_expr(self, ctx, budget, depth=0):
        """A random int expression; returns (code, bound)."""
        leaf = depth >= 3 or self.chance(0.25 + 0.2 * depth)
        if leaf:
            return self.int_leaf(ctx, budget)
        kind = self.weighted([(5, "arith"), (2, "divmod"), (1, "unary"), (1, "shift"), (1, "bits"), (1, "pow"),
                              (1, "minmax"), (1, "cond"), (2, "call"), (1, "len"), (1, "sum"), (1, "strlen")])
        if kind == "arith":
            a, ba = self.int_expr(ctx, budget, depth + 1)
            b, bb = self.int_expr(ctx, budget, depth + 1)
            op = self.pick(["+", "-", "*", "+", "-"])
            if op != "*":
                a, ba = self.wrap_int(a, ba, INT_LIMIT // 2)
                b, bb = self.wrap_int(b, bb, INT_LIMIT // 2)
            else:
                while ba * bb >= INT_LIMIT:
                    if ba >= bb:
                        a, ba = self.wrap_int(a, ba, max(2, INT_LIMIT // max(bb, 1) // 2) if bb < SMALL else SMALL)
                    else:
                        b, bb = self.wrap_int(b, bb, max(2, INT_LIMIT // max(ba, 1) // 2) if ba < SMALL else SMALL)
                return f"({a} * {b})", ba * bb
            return f"({a} {op} {b})", ba + bb
        if kind == "divmod":
            a, ba = self.int_expr(ctx, budget, depth + 1)
            d, bd = self.int_divisor(ctx, budget, depth + 1)
            if self.chance(0.5):
                return f"({a} // {d})", ba
            return f"({a} % {d})", bd
        if kind == "unary":
            a, ba = self.wrap_int(*self.int_expr(ctx, budget, depth + 1), INT_LIMIT // 2)
            op = self.pick(["-", "~", "abs", "+"])
            if op == "abs":
                return f"abs({a})", ba
            return f"{op}({a})", ba + 1
        if kind == "shift":
            a, ba = self.int_expr(ctx, budget, depth + 1)
            if self.chance(0.5):
                k = self.pick([0, 1, 3, 7, 13, 31, 47, 48, 63, 64, 70])
                return f"(({a}) >> {k})", ba
            k = self.r.randint(0, 12)
            a, ba = self.wrap_int(a, ba, INT_LIMIT >> (k + 1))
            return f"(({a}) << {k})", ba << k
        if kind == "bits":
            a, ba = self.wrap_int(*self.int_expr(ctx, budget, depth + 1), INT_LIMIT // 4)
            b, bb = self.wrap_int(*self.int_expr(ctx, budget, depth + 1), INT_LIMIT // 4)
            op = self.pick(["&", "|", "^"])
            return f"(({a}) {op} ({b}))", 1 << max(ba, bb, 1).bit_length()
        if kind == "pow":
            a, ba = self.int_expr(ctx, budget, depth + 1)
            k = self.pick([0, 1, 2, 2, 3])
            if k >= 2:
                a, ba = self.wrap_int(a, ba, 1 << (61 // k))
            return f"(({a}) ** {k})", max(ba ** k, 1)
        if kind == "minmax":
            a, ba = self.int_expr(ctx, budget, depth + 1)
            b, bb = self.int_expr(ctx, budget, depth + 1)
            return f"{self.pick(['min', 'max'])}({a}, {b})", max(ba, bb)
        if kind == "cond":
            c = self.bool_expr(ctx, budget, depth + 1)
            a, ba = self.int_expr(ctx, budget, depth + 1)
            b, bb = self.int_expr(ctx, budget, depth + 1)
            return f"({a} if {c} else {b})", max(ba, bb)
        if kind == "call":
            got = self.call_expr(ctx, budget, "int", depth)
            if got:
                return got[0], got[1]
        if kind == "len":
            lists = ctx.vars(lambda v: is_list(v.type))
            if lists:
                return f"len({self.pick(lists).name})", LIST_CAP + 8
        if kind == "sum":
            lists = ctx.vars(lambda v: v.type == "list[int]")
            if lists:
                v = self.pick(lists)
                return f"sum({v.name})", v.bound * (LIST_CAP + 8)
        if kind == "strlen":  # the length of a number's text: a small int, and a string allocated (GC pressure)
            if self.chance(0.5):
                return f"len(str({self.float_expr(ctx, budget, depth + 1)}))", 30
            a, _ = self.int_expr(ctx, budget, depth + 1)
            return f"len(str({a}))", 30
        return self.int_leaf(ctx, budget)

    def int_leaf(self, ctx, budget):
        options = [(3, "lit")]
        ints = ctx.vars(lambda v: v.type == "int")
        lists = ctx.vars(lambda v: v.type == "list[int]")
        objs = self.objects_with(ctx, "int")
        if ints:
            options.append((10, "var"))
        if lists:
            options.append((3, "index"))
        if objs:
            options.append((3, "field"))
        if ctx.cls:
            options.append((1, "const"))
        kind = self.weighted(options)
        if kind == "var":
            v = self.pick(ints)
            return v.name, max(v.bound, 1)
        if kind == "index":
            v = self.pick(lists)
            return self.index_expr(ctx, budget, v), v.bound
        if kind == "field":
            code, f = self.pick(objs)
            return code, f.bound
        if kind == "const" and ctx.cls:
            consts = self.class_constants(ctx.cls)
            if consts:
                name, value = self.pick(consts)
                return f"self.{name}", abs(value) + 1
        return self.int_literal()

    def int_divisor(self, ctx, budget, depth):
        """A non-zero int divisor: (code, bound of its magnitude)."""
        if self.chance(0.5):
            v = self.pick([1, 2, 3, 7, 10, 16, 97, 1000, -1, -3, -8, 65536, 1 << 40])
            return (f"({v})" if v < 0 else str(v)), abs(v)
        a, ba = self.wrap_int(*self.int_expr(ctx, budget, depth), INT_LIMIT // 2)
        if self.chance(0.5):
            return f"(({a}) | 1)", ba + 1
        return f"(abs({a}) + 1)", ba + 1

    def index_expr(self, ctx, budget, v):
        """A valid index into the non-empty list `v`: fixed ends, modulo its length, or negative."""
        k = self.r.random()
        if k < 0.2:
            return f"{v.name}[0]"
        if k < 0.4:
            return f"{v.name}[-1]"
        i, _ = self.int_expr(ctx, budget, 2)
        if k < 0.75:
            return f"{v.name}[({i}) % len({v.name})]"
        return f"{v.name}[-1 - ({i}) % len({v.name})]"

    def float_literal(self):
        return self.pick(FLOAT_LITERALS) if self.chance(0.7) else repr(round(self.r.uniform(-1000, 1000), self.r.randint(0, 6)))

    def float_expr(self, ctx, budget, depth=0):
        if depth >= 3 or self.chance(0.25 + 0.2 * depth):
            return self.float_leaf(ctx, budget)
        kind = self.weighted([(5, "arith"), (2, "mixed"), (2, "div"), (1, "floordiv"), (1, "unary"), (1, "minmax"),
                              (1, "sqrt"), (1, "round"), (1, "cond"), (2, "call"), (1, "convert"), (1, "sum")])
        if kind == "arith":
            a = self.float_expr(ctx, budget, depth + 1)
            b = self.float_expr(ctx, budget, depth + 1)
            return f"({a} {self.pick(['+', '-', '*'])} {b})"
        if kind == "mixed":  # int and float operands: the int converts, exactly as in Python
            a = self.float_expr(ctx, budget, depth + 1)
            b, _ = self.int_expr(ctx, budget, depth + 1)
            op = self.pick(["+", "-", "*"])
            return f"({a} {op} {b})" if self.chance(0.5) else f"({b} {op} {a})"
        if kind == "div":
            if self.chance(0.4):  # int / int is a float, correctly rounded even past 2**53
                a, _ = self.int_expr(ctx, budget, depth + 1)
                d, _ = self.int_divisor(ctx, budget, depth + 1)
                return f"({a} / {d})"
            a = self.float_expr(ctx, budget, depth + 1)
            return f"({a} / {self.float_divisor(ctx, budget, depth + 1)})"
        if kind == "floordiv":
            a = self.float_expr(ctx, budget, depth + 1)
            return f"({a} {self.pick(['//', '%'])} {self.float_divisor(ctx, budget, depth + 1)})"
        if kind == "unary":
            a = self.float_expr(ctx, budget, depth + 1)
            return f"-({a})" if self.chance(0.6) else f"abs({a})"
        if kind == "minmax":
            a = self.float_expr(ctx, budget, depth + 1)
            b = self.float_expr(ctx, budget, depth + 1)
            return f"{self.pick(['min', 'max'])}({a}, {b})"
        if kind == "sqrt":
            self.uses_math = True
            return f"math.sqrt(abs({self.float_expr(ctx, budget, depth + 1)}))"
        if kind == "round":
            return f"round({self.float_expr(ctx, budget, depth + 1)}, {self.r.randint(0, 4)})"
        if kind == "cond":
            c = self.bool_expr(ctx, budget, depth + 1)
            return f"({self.float_expr(ctx, budget, depth + 1)} if {c} else {self.float_expr(ctx, budget, depth + 1)})"
        if kind == "call":
            got = self.call_expr(ctx, budget, "float", depth)
            if got:
                return got[0]
        if kind == "convert":
            a, _ = self.int_expr(ctx, budget, depth + 1)
            return f"float({a})"
        if kind == "sum":
            lists = ctx.vars(lambda v: v.type == "list[float]")
            if lists:
                return f"sum({self.pick(lists).name})"
        return self.float_leaf(ctx, budget)

    def float_leaf(self, ctx, budget):
        options = [(3, "lit")]
        floats = ctx.vars(lambda v: v.type == "float")
        lists = ctx.vars(lambda v: v.type == "list[float]")
        objs = self.objects_with(ctx, "float")
        if floats:
            options.append((10, "var"))
        if lists:
            options.append((3, "index"))
        if objs:
            options.append((3, "field"))
        kind = self.weighted(options)
        if kind == "var":
            return self.pick(floats).name
        if kind == "index":
            return self.index_expr(ctx, budget, self.pick(lists))
        if kind == "field":
            return self.pick(objs)[0]
        return self.float_literal()

    def float_divisor(self, ctx, budget, depth):
        """Never zero (x*x >= 0, so x*x + 0.5 >= 0.5; inf and nan stay inf and nan: no error in Python)."""
        if self.chance(0.4):
            return self.pick(["2.0", "0.5", "3.0", "1e-5", "7.25", "(-4.0)", "1e10"])
        x = self.float_leaf(ctx, budget)
        return f"({x} * {x} + 0.5)"

    def bool_expr(self, ctx, budget, depth=0):
        if depth >= 3 or self.chance(0.2 + 0.2 * depth):
            return self.bool_leaf(ctx, budget, depth)
        kind = self.weighted([(6, "compare"), (2, "andor"), (1, "not"), (1, "chain"), (1, "in"), (1, "call"),
                              (1, "listeq"), (1, "anycmp")])
        if kind == "compare":
            return self.comparison(ctx, budget, depth + 1)
        if kind == "andor":
            a = self.bool_expr(ctx, budget, depth + 1)
            b = self.bool_expr(ctx, budget, depth + 1)
            return f"({a} {self.pick(['and', 'or'])} {b})"
        if kind == "not":
            return f"not ({self.bool_expr(ctx, budget, depth + 1)})"
        if kind == "chain":
            a, _ = self.int_expr(ctx, budget, depth + 1)
            b, _ = self.int_expr(ctx, budget, depth + 1)
            c, _ = self.int_expr(ctx, budget, depth + 1)
            return f"({a} {self.pick(['<', '<='])} {b} {self.pick(['<', '<=', '!='])} {c})"
        if kind == "in":
            lists = ctx.vars(lambda v: v.type == "list[int]")
            if lists:
                a, _ = self.int_expr(ctx, budget, depth + 1)
                return f"({a} {self.pick(['in', 'not in'])} {self.pick(lists).name})"
        if kind == "call":
            got = self.call_expr(ctx, budget, "bool", depth)
            if got:
                return got[0]
        if kind == "listeq":
            lists = ctx.vars(lambda v: v.type in ("list[int]", "list[float]"))
            if len(lists) >= 2:
                a, b = self.pick(lists), self.pick(lists)
                if a.type == b.type:
                    return f"({a.name} {self.pick(['==', '!='])} {b.name})"
        if kind == "anycmp":
            anys = ctx.vars(lambda v: v.type == "any")
            if anys:
                b, _ = self.int_expr(ctx, budget, depth + 1) if self.chance(0.5) else (self.float_expr(ctx, budget, depth + 1), 0)
                return f"({self.pick(anys).name} {self.pick(['<', '>=', '==', '!='])} {b})"
        return self.comparison(ctx, budget, depth + 1)

    def comparison(self, ctx, budget, depth):
        op = self.pick(["<", "<=", ">", ">=", "==", "!="])
        k = self.r.random()
        if k < 0.55:
            a, _ = self.int_expr(ctx, budget, depth)
            b, _ = self.int_expr(ctx, budget, depth)
        elif k < 0.8:
            a, b = self.float_expr(ctx, budget, depth), self.float_expr(ctx, budget, depth)
        else:  # int against float: Python compares exactly, also past 2**53
            a, _ = self.int_expr(ctx, budget, depth)
            b = self.float_expr(ctx, budget, depth)
            if self.chance(0.5):
                a, b = b, a
        return f"({a} {op} {b})"

    def bool_leaf(self, ctx, budget, depth):
        options = [(1, "lit"), (4, "cmp")]
        bools = ctx.vars(lambda v: v.type == "bool")
        objs = self.objects_with(ctx, "bool")
        if bools:
            options.append((6, "var"))
        if objs:
            options.append((2, "field"))
        kind = self.weighted(options)
        if kind == "var":
            return self.pick(bools).name
        if kind == "field":
            return self.pick(objs)[0]
        if kind == "cmp":
            return self.comparison(ctx, budget, 3)
        return self.pick(["True", "False"])

    def any_expr(self, ctx, budget, depth=0):
        if depth >= 3 or self.chance(0.3 + 0.2 * depth):
            return self.any_leaf(ctx, budget)
        kind = self.weighted([(4, "arith"), (1, "divmod"), (1, "unary"), (1, "minmax"), (2, "cond"), (2, "call")])
        if kind == "arith":
            a, ba, da = self.any_expr(ctx, budget, depth + 1)
            b, bb, db = self.any_or_typed(ctx, budget, depth + 1)
            op = self.pick(["+", "-", "*"])
            if op == "*":
                a, ba = self.wrap_int(a, ba, SMALL)
                b, bb = self.wrap_int(b, bb, SMALL)
                return f"({a} * {b})", ba * bb, join_dyn(da, db)
            return f"({a} {op} {b})", ba + bb, join_dyn(da, db)
        if kind == "divmod":  # by a literal: valid for ints and floats alike
            a, ba, da = self.any_expr(ctx, budget, depth + 1)
            d = self.pick([2, 3, 7, 10, 97])
            if self.chance(0.5):
                return f"({a} // {d})", ba, da
            return f"({a} % {d})", d, da
        if kind == "unary":
            a, ba, da = self.any_expr(ctx, budget, depth + 1)
            return (f"-({a})" if self.chance(0.5) else f"abs({a})"), ba, da
        if kind == "minmax":
            a, ba, da = self.any_expr(ctx, budget, depth + 1)
            b, bb, db = self.any_or_typed(ctx, budget, depth + 1)
            # min(1, 2.5) is the int 1: only operands of one run-time type give a known one
            return f"{self.pick(['min', 'max'])}({a}, {b})", max(ba, bb), da if da == db else "num"
        if kind == "cond":  # an int on one side and a float on the other: static type any (spec §3, joins)
            c = self.bool_expr(ctx, budget, depth + 1)
            a, ba = self.int_expr(ctx, budget, depth + 1)
            a, ba = self.wrap_int(a, ba, SMALL)
            b = self.float_expr(ctx, budget, depth + 1)
            if self.chance(0.5):
                return f"({a} if {c} else {b})", ba, "num"
            return f"({b} if {c} else {a})", ba, "num"
        if kind == "call":
            got = self.call_expr(ctx, budget, "any", depth)
            if got:
                return got
        return self.any_leaf(ctx, budget)

    def any_or_typed(self, ctx, budget, depth):
        k = self.r.random()
        if k < 0.5:
            return self.any_expr(ctx, budget, depth)
        if k < 0.8:
            a, ba = self.int_expr(ctx, budget, depth)
            a, ba = self.wrap_int(a, ba, SMALL)
            return a, ba, "int"
        return self.float_expr(ctx, budget, depth), 0, "float"

    def any_leaf(self, ctx, budget):
        anys = ctx.vars(lambda v: v.type == "any")
        lists = ctx.vars(lambda v: v.type == "list[any]")
        options = [(2, "int"), (1, "float")]
        if anys:
            options.append((8, "var"))
        if lists:
            options.append((2, "index"))
        kind = self.weighted(options)
        if kind == "var":
            v = self.pick(anys)
            return v.name, max(v.bound, 1), v.dyn
        if kind == "index":
            v = self.pick(lists)
            return self.index_expr(ctx, budget, v), v.bound, "num"
        if kind == "float":
            return self.float_literal(), 0, "float"
        code, bound = self.int_leaf(ctx, budget)
        code, bound = self.wrap_int(code, bound, SMALL)
        return code, bound, "int"

    def expr_of(self, ctx, budget, t, bound=SMALL, depth=0):
        """An expression of exactly type t that fits `bound` (for ints and any); returns code. For int and float,
        sometimes an `any` variable known to hold exactly that type: a typed place checks it at run time."""
        if t in ("int", "float") and self.chance(0.15):
            known = ctx.vars(lambda v: v.type == "any" and v.dyn == t and v.bound <= bound)
            if known:
                return self.pick(known).name
        if t == "int":
            code, b = self.int_expr(ctx, budget, depth)
            return self.wrap_int(code, b, bound)[0]
        if t == "float":
            return self.float_expr(ctx, budget, depth)
        if t == "bool":
            return self.bool_expr(ctx, budget, depth)
        if t == "any":
            code, b, _ = self.any_expr(ctx, budget, depth)
            return self.wrap_int(code, b, bound)[0]
        if is_list(t):
            same = ctx.vars(lambda v: v.type == t)
            if same and (depth >= 2 or self.chance(0.4)):
                return self.pick(same).name
            return self.list_literal(ctx, budget, elem(t), bound, depth + 1)
        # a class: an existing object of it (or of a subclass), or a new one
        objs = ctx.vars(lambda v: self.is_subclass(v.type, t))
        if objs and (depth >= 2 or self.chance(0.5)):
            return self.pick(objs).name
        return self.new_object(ctx, budget, self.pick([c for c in self.classes if self.is_subclass(c.name, t)]), depth + 1)

    def list_literal(self, ctx, budget, et, bound, depth=0):
        n = self.r.randint(1, 6 if depth < 2 else 2)
        items = [self.expr_of(ctx, budget, et, bound, depth + 1) for _ in range(n)]
        return "[" + ", ".join(items) + "]"

    def new_object(self, ctx, budget, cls, depth=0):
        init = self.init_sig(cls)
        args = [self.expr_of(ctx, budget, t, b, depth + 1) for _, t, b, _ in init.params[1:]]
        return f"{cls.name}({', '.join(args)})"

    def call_expr(self, ctx, budget, ret, depth):
        """A call of a function or method returning `ret`, if one fits the budget: (code, bound, dyn) or None."""
        if depth >= 3:
            return None
        options = []
        for f in self.callables(ctx):
            if f.ret == ret and budget.can(f.units + 1, f.lines):
                options.append((None, f))
        for obj_code, cls in self.objects(ctx):
            for m in self.all_methods(cls):
                if m.ret == ret and budget.can(m.units + 1, m.lines):
                    options.append((obj_code, m))
        if ctx.cls:
            for m in self.all_methods(ctx.cls):
                if m.ret == ret and m is not ctx.sig and m.name in ctx.cls.callable_methods and budget.can(m.units + 1, m.lines):
                    options.append(("self", m))
        if not options:
            return None
        target, f = self.pick(options)
        budget.take(f.units, f.lines)
        code = self.call_code(ctx, budget, target, f, depth)
        return code, max(f.ret_bound, 1), f.ret_dyn

    def callables(self, ctx):
        """Top-level functions, and the nested functions and lambdas in scope."""
        return ctx.callables + [v.sig for v in ctx.vars(lambda v: v.type == "fn")]

    def call_code(self, ctx, budget, target, f, depth=0):
        args = []
        for name, t, b, dyn in f.params:
            if name == "self":
                continue
            if f.kind == "rec" and name == "n":
                args.append(self.depth_arg(ctx, budget, f.depth))
            elif t == "any":
                a, ba, _ = self.any_or_typed(ctx, budget, depth + 1)
                args.append(self.wrap_int(a, ba, b)[0])
            else:
                args.append(self.expr_of(ctx, budget, t, b, depth + 1))
        callee = f.name if target is None else f"{target}.{f.name}"
        return f"{callee}({', '.join(args)})"

    def depth_arg(self, ctx, budget, depth):
        if self.chance(0.4):
            return str(self.r.randint(0, depth))
        a, _ = self.int_expr(ctx, budget, 2)
        return f"({a}) % {depth + 1}"


def join_dyn(a, b):
    if a == b:
        return a
    if "float" in (a, b) and "num" not in (a, b):
        return "float"
    return "num"
