"""Random well-typed [core] Roast programs that are also in CPython's common subset.

A program is a pure function of its seed string: every choice comes from one
random.Random(seed), and nothing iterates a set or depends on hashing, so the
same seed gives the same text on any Python 3.

Three rules keep a program's output the same in Roast and CPython (spec, the
compatibility rule and §13), and the generator is built around them:

* No int ever leaves 64 bits (Roast raises OverflowError where CPython makes a
  big int). Every int-valued expression carries a static bound on its
  magnitude; a combination that could pass INT_LIMIT wraps an operand in
  `% M` first, and every int variable, field, list element and return value has
  an invariant bound that each assignment re-establishes with `% M`. So loops
  need no analysis: whatever a loop does, every read sees a bounded value.
  (The one exception is the deliberate overflow fault, which CPython survives.)
* Types are exact: a float-typed place only ever receives a float expression
  (an int reaching it would print as `0.0` in Roast and `0` in CPython, §13.6),
  bool is never used as a number, and an `any` value reaches a typed place
  only when its run-time type is known to be exactly that type.
* Nothing divides by zero unless a fault says so: divisors are non-zero
  literals, `(x | 1)`, or `(x * x + 0.5)` (never zero, possibly inf or nan,
  which Python divides by without an error).

Programs terminate quickly because every block is generated against a budget
of estimated statement executions (a loop of n iterations gives its body 1/n
of what is left, a call costs what its function was measured to cost), and
printed lines have a budget of their own.
"""

import random

from .faults import choose_fault

INT_LIMIT = 1 << 62        # no int intermediate reaches this magnitude (Roast's int is 64-bit)
SMALL = 1 << 31            # the bound of an ordinary int variable
BIG = 1 << 50              # the bound of a "big" one: past the 48 bits a packed value may hold inline
LIST_CAP = 100             # appends are guarded by `if len(xs) < LIST_CAP`
PROGRAM_UNITS = 100_000    # estimated statement executions of a whole program (a few ms to 0.2 s in CPython)
PROGRAM_LINES = 200        # estimated printed lines of a whole program
FUNCTION_LINES = 2         # printed lines per call of a function

SMALL_MODULI = [7, 10, 97, 256, 1000, 4096, 65536, 1000003, 2147483647]
BIG_MODULI = [1 << 47, (1 << 48) - 59, (1 << 49) + 3, 1125899906842597]
BIG_LITERALS = [(1 << 47) - 1, 1 << 47, (1 << 47) + 1, (1 << 48) - 1, 1 << 48, (1 << 49) + 7,
                1125899906842597, 140737488355328 * 3, 281474976710655 * 2]
FLOAT_LITERALS = ["0.5", "1.5", "2.0", "3.25", "0.1", "1e-3", "2.5e-8", "1e16", "123456.789", "-0.0",
                  "-7.5", "1e300", "6.02e23", "0.3", ".5", "1_000.5", "4.0", "100.0", "-2.75"]

# Known Roast bugs, by the construct that shows them. By default the generator writes these constructs like any
# other: a fuzzer that hides bugs is no use. `test-suite/fuzz --avoid-known-bugs` steers around them, to look for
# other bugs while one is being fixed. Remove an entry when its bug is fixed.
KNOWN_BUGS = {
    # A subclass's own new methods get vtable slots counted from 0, as if the base class had no methods, and so
    # replace inherited ones (wrong results, or a SIGSEGV when the arities differ): subclasses only override.
    "subclass-new-methods",
}


def is_list(t):
    return t.startswith("list[")


def elem(t):
    return t[5:-1]


class Var:
    """A name in scope: its static type; for ints (and int elements) the invariant bound; for `any`,
    what is known of its run-time type ('int', 'float', or 'num' for either); whether it is a module global;
    for a nested function or lambda (type 'fn'), its Sig."""

    def __init__(self, name, type, bound=0, dyn=None, assignable=True, is_global=False, sig=None):
        self.name, self.type, self.bound, self.dyn, self.assignable = name, type, bound, dyn, assignable
        self.is_global, self.sig = is_global, sig


class Sig:
    """A function or method: parameters [(name, type, bound, dyn)], return type and bound, and what one
    call costs (statement executions, printed lines)."""

    def __init__(self, name, params, ret, ret_bound=0, kind="fn"):
        self.name, self.params, self.ret, self.ret_bound, self.kind = name, params, ret, ret_bound, kind
        self.units, self.lines = 1, 0
        self.ret_dyn = "num"


class ClassInfo:
    def __init__(self, name, base):
        self.name, self.base = name, base
        self.fields = {}     # name -> Var (bound, type)
        self.methods = {}    # name -> Sig
        self.constants = {}  # name -> int value


class Budget:
    """What is left for one execution of a block: estimated statement executions and printed lines."""

    def __init__(self, units, lines):
        self.units, self.lines = units, lines

    def take(self, units, lines=0):
        self.units -= units
        self.lines -= lines

    def can(self, units, lines=0):
        return self.units >= units and self.lines >= lines


class Ctx:
    """Where code is being generated: scopes of variables, enclosing loops, the function (if any)."""

    def __init__(self, sig=None, cls=None, callable_sigs=(), writable_globals=()):
        self.scopes = [[]]
        self.loops = []          # (loop variable or None, first value, iterations)
        self.sig = sig           # the function being generated (None at top level)
        self.cls = cls           # the class whose method is being generated
        self.callables = list(callable_sigs)
        self.writable_globals = list(writable_globals)
        self.inner = False       # generating a nested function (which gets no nested functions of its own)

    def vars(self, pred=lambda v: True):
        return [v for scope in self.scopes for v in scope if pred(v)]

    def add(self, var):
        self.scopes[-1].append(var)


class Generator:
    def __init__(self, seed, avoid_known_bugs=False):
        self.seed = seed
        self.avoid = KNOWN_BUGS if avoid_known_bugs else set()
        self.r = random.Random(seed)
        self.counter = 0
        self.classes = []      # ClassInfo, in definition order
        self.functions = []    # Sig of top-level functions, in definition order
        self.globals = []      # Var of module globals usable from functions
        self.fault = None      # the deliberate failure still to place, if any
        self.fault_placed = False
        self.uses_sys = False
        self.uses_math = False
        self.uses_callable = False
        self.needs_error_class = False
        self.extra_defs = []   # functions a fault needs (e.g. unbounded recursion)

    # ---- names and small choices ----

    def fresh(self, prefix="v"):
        self.counter += 1
        return f"{prefix}{self.counter}"

    def chance(self, p):
        return self.r.random() < p

    def pick(self, xs):
        return xs[self.r.randrange(len(xs))]

    def weighted(self, options):
        """options: [(weight, value)]; zero weights are skipped."""
        total = sum(w for w, _ in options)
        x = self.r.random() * total
        for w, v in options:
            x -= w
            if x < 0 and w > 0:
                return v
        return [v for w, v in options if w > 0][-1]

    # ---- int expressions: (code, bound) with bound < INT_LIMIT ----

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

    # ---- float expressions: code ----

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

    # ---- bool expressions ----

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

    # ---- any expressions: (code, bound, dyn) with dyn in 'int', 'float', 'num' ----

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

    # ---- any type by name ----

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

    # ---- calls ----

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

    # ---- classes ----

    def is_subclass(self, name, base):
        while name is not None:
            if name == base:
                return True
            c = self.class_named(name)
            name = c.base if c else None
        return False

    def class_named(self, name):
        for c in self.classes:
            if c.name == name:
                return c
        return None

    def all_fields(self, cls):
        chain = []
        while cls is not None:
            chain.append(cls)
            cls = self.class_named(cls.base) if cls.base else None
        fields = {}
        for c in reversed(chain):
            fields.update(c.fields)
        return fields

    def all_methods(self, cls):
        chain = []
        while cls is not None:
            chain.append(cls)
            cls = self.class_named(cls.base) if cls.base else None
        methods = {}
        for c in reversed(chain):
            methods.update(c.methods)
        return [m for name, m in methods.items() if name != "__init__"]

    def class_constants(self, cls):
        out = []
        while cls is not None:
            out += list(cls.constants.items())
            cls = self.class_named(cls.base) if cls.base else None
        return out

    def init_sig(self, cls):
        while "__init__" not in cls.methods:
            cls = self.class_named(cls.base)
        return cls.methods["__init__"]

    def objects(self, ctx):
        """(code, class) of every object variable in scope. Not in a method: there, a method not generated yet
        (or one being overridden) could be called on an object of the class itself and recurse forever."""
        if ctx.cls:
            return []
        out = []
        for v in ctx.vars(lambda v: self.class_named(v.type) is not None):
            out.append((v.name, self.class_named(v.type)))
        return out

    def objects_with(self, ctx, t):
        """(code, field Var) of every field of type t reachable from scope."""
        out = []
        for code, cls in self.objects(ctx):
            for name, f in self.all_fields(cls).items():
                if f.type == t:
                    out.append((f"{code}.{name}", f))
        if ctx.cls and ctx.sig is not None and ctx.sig.name != "__init__":
            for name, f in self.all_fields(ctx.cls).items():
                if f.type == t:
                    out.append((f"self.{name}", f))
        return out

    # ---- statements ----

    def block(self, ctx, budget, min_stmts=1, max_stmts=6):
        """Lines of a block (at least one statement), generated against `budget`."""
        ctx.scopes.append([])
        lines = []
        n = self.r.randint(min_stmts, max_stmts)
        for _ in range(n):
            if not budget.can(1):
                break
            lines += self.statement(ctx, budget)
        if not lines:
            lines = ["pass"]
        ctx.scopes.pop()
        return lines

    def statement(self, ctx, budget):
        budget.take(1)
        if self.fault and not self.fault_placed and self.chance(0.04):
            lines = self.place_fault(ctx, budget)
            if lines:
                return lines
        in_loop = bool(ctx.loops)
        options = [(6, "decl"), (4, "assign"), (3, "aug"), (3, "if"), (3, "for"), (1, "while"),
                   (3 if ctx.sig else 8, "print"), (2, "list"), (2, "field"), (2, "callstmt"), (1, "foreach"),
                   (2 if in_loop else 0, "break"), (1 if ctx.sig and ctx.sig.ret != "None" else 0, "return"),
                   (2 if ctx.writable_globals else 0, "global"),
                   (1 if ctx.sig and not ctx.cls and not ctx.inner else 0, "closure"), (0.4 if not ctx.cls else 0, "lambda")]
        kind = self.weighted(options)
        out = getattr(self, "stmt_" + kind)(ctx, budget)
        return out if out else self.stmt_decl(ctx, budget)

    def stmt_decl(self, ctx, budget):
        name = self.fresh()
        t = self.weighted([(8, "int"), (4, "float"), (3, "bool"), (2, "any"), (2, "list[int]"), (1, "list[float]"),
                           (1, "list[any]"), (2 if self.classes else 0, "obj")])
        if t == "obj":
            cls = self.pick(self.classes)
            declared = cls.base if cls.base and self.chance(0.5) else cls.name
            code = self.new_object(ctx, budget, cls)
            ctx.add(Var(name, declared))
            annotation = f": {declared}" if declared != cls.name else ""
            return [f"{name}{annotation} = {code}"]
        if t == "int":
            bound = BIG if self.chance(0.15) else SMALL
            code, b = self.int_expr(ctx, budget)
            code, b = self.wrap_int(code, b, bound)
            ctx.add(Var(name, "int", bound))
            return [f"{name} = {code}" if self.chance(0.8) else f"{name}: int = {code}"]
        if t == "float":
            code = self.float_expr(ctx, budget)
            ctx.add(Var(name, "float"))
            return [f"{name} = {code}" if self.chance(0.7) else f"{name}: float = {code}"]
        if t == "bool":
            code = self.bool_expr(ctx, budget)
            ctx.add(Var(name, "bool"))
            return [f"{name} = {code}"]
        if t == "any":
            code, b, dyn = self.any_expr(ctx, budget)
            code, b = self.wrap_int(code, b, SMALL)
            ctx.add(Var(name, "any", SMALL, dyn=dyn))
            return [f"{name}: any = {code}"]
        bound = SMALL
        if t == "list[int]" and self.chance(0.3):  # a bigger block for the collector: up to LIST_CAP elements
            code = f"list(range({self.r.randint(0, LIST_CAP)}))"
        else:
            code = self.list_literal(ctx, budget, elem(t), bound)
        ctx.add(Var(name, t, bound, dyn="num" if t == "list[any]" else None))
        return [f"{name}: {t} = {code}" if self.chance(0.7) or t == "list[any]" else f"{name} = {code}"]

    def assignable(self, ctx):
        return ctx.vars(lambda v: v.assignable and (v.type in ("int", "float", "bool", "any") or is_list(v.type)))

    def stmt_assign(self, ctx, budget):
        targets = self.assignable(ctx)
        if not targets:
            return None
        v = self.pick(targets)
        if v.type == "any" and v.dyn in ("int", "float"):  # keep what is known of its run-time type true
            return [f"{v.name} = {self.expr_of(ctx, budget, v.dyn, v.bound)}"]
        return [f"{v.name} = {self.expr_of(ctx, budget, v.type, v.bound)}"]

    def stmt_aug(self, ctx, budget):
        targets = ctx.vars(lambda v: v.assignable and v.type in ("int", "float", "any"))
        if not targets:
            return None
        v = self.pick(targets)
        if v.type == "float":
            op = self.pick(["+=", "-=", "*=", "/="])
            rhs = self.float_divisor(ctx, budget, 1) if op == "/=" else self.float_expr(ctx, budget, 1)
            return [f"{v.name} {op} {rhs}"]
        if v.type == "any":
            if v.dyn == "int":  # an int stays an int only with an int added
                rhs, b = self.int_expr(ctx, budget, 1)
            else:  # float + anything numeric is a float; 'num' knows nothing anyway
                rhs, b, _ = self.any_or_typed(ctx, budget, 1)
            rhs, b = self.wrap_int(rhs, b, SMALL)
            return [f"{v.name} += {rhs}", f"{v.name} %= {self.pick(SMALL_MODULI)}"]
        # ints: the operation, then the modulus that restores the variable's bound
        op = self.pick(["+=", "-=", "*=", "//=", "%=", "^=", "|=", "&="])
        if op in ("//=", "%="):
            d, bd = self.int_divisor(ctx, budget, 1)
            return [f"{v.name} {op} {d}"] + ([f"{v.name} %= {self.mod_for(v.bound)}"] if bd >= v.bound else [])
        rhs, b = self.int_expr(ctx, budget, 1)
        limit = SMALL if op == "*=" else v.bound
        rhs, b = self.wrap_int(rhs, b, limit)
        if op == "*=" and v.bound > SMALL:
            return [f"{v.name} = ({v.name} % {SMALL}) * {rhs}", f"{v.name} %= {self.mod_for(v.bound)}"]
        return [f"{v.name} {op} {rhs}", f"{v.name} %= {self.mod_for(v.bound)}"]

    def mod_for(self, bound):
        return self.pick([m for m in SMALL_MODULI + BIG_MODULI if m <= bound])

    def stmt_if(self, ctx, budget):
        lines = [f"if {self.bool_expr(ctx, budget)}:"]
        lines += indent(self.block(ctx, budget, 1, 4))
        for _ in range(self.weighted([(3, 0), (1, 1), (1, 2)])):
            lines += [f"elif {self.bool_expr(ctx, budget)}:"] + indent(self.block(ctx, budget, 1, 3))
        if self.chance(0.5):
            lines += ["else:"] + indent(self.block(ctx, budget, 1, 3))
        return lines

    def loop_count(self, budget):
        """Iterations of a new loop: mostly few, sometimes thousands (on-stack replacement), within budget."""
        most = budget.units // 3
        if most < 2:
            return 0
        n = self.weighted([(5, self.r.randint(1, 12)), (3, self.r.randint(20, 300)), (2, self.r.randint(1000, 5000)),
                           (1, self.r.randint(0, 1))])
        return min(n, most)

    def loop_body(self, ctx, budget, n, loop_var):
        inner = Budget(budget.units // max(n, 1), budget.lines // max(n, 1))
        before = (inner.units, inner.lines)
        ctx.loops.append(loop_var)
        body = self.block(ctx, inner, 1, 5)
        ctx.loops.pop()
        budget.take((before[0] - inner.units) * max(n, 1), (before[1] - inner.lines) * max(n, 1))
        return body

    def stmt_for(self, ctx, budget):
        n = self.loop_count(budget)
        if n == 0 and budget.units < 3:
            return None
        name = self.fresh("i")
        k = self.r.random()
        if k < 0.5:
            header, first, step = f"range({n})", 0, 1
        elif k < 0.8:
            a = self.r.randint(-50, 50)
            header, first, step = f"range({a}, {a + n})", a, 1
        else:
            step = self.pick([2, 3, -1, -2, -7])
            a = self.r.randint(-20, 20)
            end = a + step * n
            header, first = f"range({a}, {end}, {step})", a
        ctx.scopes.append([Var(name, "int", 60 + 7 * n + 20, assignable=False)])
        body = self.loop_body(ctx, budget, n, (name, first, step, n))
        ctx.scopes.pop()
        return [f"for {name} in {header}:"] + indent(body)

    def stmt_foreach(self, ctx, budget):
        lists = ctx.vars(lambda v: is_list(v.type))
        if not lists or budget.units < 3 * LIST_CAP:
            return None
        v = self.pick(lists)
        name = self.fresh("e")
        et = elem(v.type)
        ctx.scopes.append([Var(name, et, v.bound, dyn="num" if et == "any" else None, assignable=False)])
        body = self.loop_body(ctx, budget, LIST_CAP + 8, None)
        ctx.scopes.pop()
        return [f"for {name} in {v.name}:"] + indent(body)

    def stmt_while(self, ctx, budget):
        n = self.loop_count(budget)
        if n == 0:
            return None
        name = self.fresh("w")
        counter = Var(name, "int", n + 1, assignable=False)
        ctx.scopes.append([counter])
        body = self.loop_body(ctx, budget, n, (name, 1, 1, n))
        ctx.scopes.pop()
        ctx.add(counter)
        # the counter moves first, so `continue` and `break` anywhere in the body are safe
        return [f"{name} = 0", f"while {name} < {n}:", f"    {name} += 1"] + indent(body)

    def stmt_break(self, ctx, budget):
        return [f"if {self.bool_expr(ctx, budget, 1)}:", f"    {self.pick(['break', 'continue'])}"]

    def stmt_return(self, ctx, budget):
        return [f"if {self.bool_expr(ctx, budget, 1)}:", f"    return {self.return_value(ctx, budget)}"]

    def return_value(self, ctx, budget):
        sig = ctx.sig
        if sig.ret == "any":
            code, b, _ = self.any_expr(ctx, budget)
            return self.wrap_int(code, b, sig.ret_bound)[0]
        return self.expr_of(ctx, budget, sig.ret, sig.ret_bound)

    def stmt_print(self, ctx, budget):
        if not budget.can(0, 1):
            return None
        budget.take(0, 1)
        args = []
        for _ in range(self.r.randint(1, 4)):
            t = self.weighted([(4, "int"), (3, "float"), (2, "bool"), (2, "any"), (1, "list"), (1, "fstring")])
            if t == "list":
                lists = ctx.vars(lambda v: is_list(v.type))
                args.append(self.pick(lists).name if lists else self.float_expr(ctx, budget))
            elif t == "fstring":
                args.append(self.fstring(ctx, budget))
            elif t == "any":
                args.append(self.any_expr(ctx, budget)[0])
            else:
                args.append(self.expr_of(ctx, budget, t, INT_LIMIT))
        k = self.r.random()
        if k < 0.08:
            args.append(f"sep={self.pick(['', ', ', ' | '])!r}")
        elif k < 0.14:
            args.append(f"end={self.pick(['', ' ', ';'])!r}")
        return [f"print({', '.join(args)})"]

    def fstring(self, ctx, budget):
        parts = []
        for i in range(self.r.randint(1, 3)):
            t = self.pick(["int", "float", "bool"])
            code = self.expr_of(ctx, budget, t, INT_LIMIT)
            spec = ""
            if t == "int":
                spec = self.pick(["", "", ":d", ":5d", ":x", ":o", ":b", ":,", ":>8", ":<6", ":+d"])
            elif t == "float":
                spec = self.pick(["", "", ":.3f", ":10.2f", ":e", ":.2e", ":g", ":.4g", ":,.2f", ":.0f", ":.1%"])
            parts.append(f"a{i}={{{code}{spec}}}")
        return f"f'{' '.join(parts)}'"  # generated expressions hold no quotes

    def stmt_list(self, ctx, budget):
        lists = ctx.vars(lambda v: is_list(v.type))
        if not lists:
            return None
        v = self.pick(lists)
        et = elem(v.type)
        k = self.r.random()
        if k < 0.45:
            return [f"if len({v.name}) < {LIST_CAP}:", f"    {v.name}.append({self.expr_of(ctx, budget, et, v.bound)})"]
        if k < 0.55:
            return [f"if len({v.name}) > 1:", f"    {v.name}.pop()"]
        target = self.index_expr(ctx, budget, v)
        return [f"{target} = {self.expr_of(ctx, budget, et, v.bound)}"]

    def stmt_field(self, ctx, budget):
        options = []
        for t in ("int", "float", "bool"):
            options += [(code, f) for code, f in self.objects_with(ctx, t)]
        if not options:
            return None
        code, f = self.pick(options)
        if f.type == "int" and self.chance(0.5):
            rhs, _ = self.wrap_int(*self.int_expr(ctx, budget, 1), f.bound)
            return [f"{code} += {rhs}", f"{code} %= {self.mod_for(f.bound)}"]
        return [f"{code} = {self.expr_of(ctx, budget, f.type, f.bound)}"]

    def stmt_callstmt(self, ctx, budget):
        options = [(None, f) for f in self.callables(ctx) if budget.can(f.units + 1, f.lines)]
        for obj_code, cls in self.objects(ctx):
            options += [(obj_code, m) for m in self.all_methods(cls) if budget.can(m.units + 1, m.lines)]
        if not options:
            return None
        target, f = self.pick(options)
        budget.take(f.units, f.lines)
        return [self.call_code(ctx, budget, target, f)]

    def stmt_closure(self, ctx, budget):
        """A nested function: it reads the enclosing function's variables and may rebind some (`nonlocal`)."""
        name = self.fresh("h")
        params = [(self.fresh("x"), self.pick(["int", "int", "float"]), SMALL, None) for _ in range(self.r.randint(0, 2))]
        ret = self.pick(["int", "int", "float", "bool"])
        sig = Sig(name, params, ret, SMALL if ret == "int" else 0, kind="inner")
        candidates = ctx.vars(lambda v: v.assignable and not v.is_global and v.type in ("int", "float", "any"))
        rebound = [v for v in candidates if self.chance(0.3)][:2]
        inner = Ctx(sig, None, ctx.callables, [])
        inner.inner = True
        for v in ctx.vars():
            inner.add(Var(v.name, v.type, v.bound, v.dyn, assignable=v in rebound, sig=v.sig))
        for pname, t, b, _ in params:
            inner.add(Var(pname, t, b))
        units = self.pick([20, 80, 300])
        inner_budget = Budget(units, FUNCTION_LINES)
        lines = [f"nonlocal {', '.join(v.name for v in rebound)}"] if rebound else []
        lines += self.block(inner, inner_budget, 1, 4)
        lines.append(f"return {self.return_value(inner, inner_budget)}")
        sig.units = max(1, units - inner_budget.units)
        sig.lines = FUNCTION_LINES - inner_budget.lines
        ctx.add(Var(name, "fn", sig=sig))
        params_text = ", ".join(f"{n}: {t}" for n, t, _, _ in params)
        return [f"def {name}({params_text}) -> {ret}:"] + indent(lines)

    def stmt_lambda(self, ctx, budget):
        """`h: Callable[[int], T] = lambda x: ...`: the parameter's type comes from the annotation (spec §3)."""
        name, x = self.fresh("h"), self.fresh("x")
        ret = self.pick(["int", "int", "float", "bool"])
        sig = Sig(name, [(x, "int", SMALL, None)], ret, SMALL if ret == "int" else 0, kind="lambda")
        ctx.scopes.append([Var(x, "int", SMALL, assignable=False)])
        body = self.expr_of(ctx, Budget(0, 0), ret, SMALL, 1)  # no calls: a lambda is one cheap expression
        ctx.scopes.pop()
        sig.units, sig.lines = 1, 0
        ctx.add(Var(name, "fn", sig=sig))
        self.uses_callable = True
        return [f"{name}: Callable[[int], {ret}] = lambda {x}: {body}"]

    def stmt_global(self, ctx, budget):
        g = self.pick(ctx.writable_globals)
        return [f"{g.name} = {self.expr_of(ctx, budget, g.type, g.bound)}"]

    # ---- faults (a deliberate uncaught exception, or sys.exit) ----

    def place_fault(self, ctx, budget):
        lines = self.fault.lines(self, ctx, budget)
        if lines:
            self.fault_placed = True
        return lines

    # ---- definitions ----

    def gen_class(self, index, base):
        cls = ClassInfo(f"C{index}", base.name if base else None)
        cls.callable_methods = set()
        init_params = [("self", "self", 0, None)]
        body = []
        if self.chance(0.3):
            k = self.r.randint(-5, 50)
            cls.constants[f"K{index}"] = k
            body.append(f"K{index}: int = {k}")
        # __init__: parameters become fields, plus a few computed ones
        ctx = Ctx()
        init_lines = []
        if base:
            base_init = self.init_sig(base)
            args = []
            for name, t, b, _ in base_init.params[1:]:
                pname = self.fresh("p")
                init_params.append((pname, t, b, None))
                ctx.add(Var(pname, t, b))
                args.append(pname)
            init_lines.append(f"super().__init__({', '.join(args)})")
        for _ in range(self.r.randint(1 if not base else 0, 3)):
            t = self.pick(["int", "int", "float", "bool"])
            pname = self.fresh("p")
            bound = SMALL
            init_params.append((pname, t, bound, None))
            ctx.add(Var(pname, t, bound))
        budget = Budget(50, 0)
        for _ in range(self.r.randint(1, 4)):
            fname = f"f{self.fresh('')}"
            t = self.pick(["int", "int", "float", "bool", "list[int]"])
            code = self.expr_of(ctx, budget, t, SMALL)
            annotation = f": {t}" if t.startswith("list") or self.chance(0.3) else ""
            init_lines.append(f"self.{fname}{annotation} = {code}")
            cls.fields[fname] = Var(fname, t, SMALL)
        init = Sig("__init__", init_params, "None", kind="method")
        init.units = 10 + (50 - budget.units)
        cls.methods["__init__"] = init
        params_text = ", ".join(["self"] + [f"{n}: {t}" for n, t, _, _ in init_params[1:]])
        body += [f"def __init__({params_text}) -> None:"] + indent(init_lines)
        self.classes.append(cls)
        # methods: overrides of the base's (same signature) and new ones
        todo = []
        if base:
            todo += [m for m in self.all_methods(base) if self.chance(0.6)]
        for _ in range(0 if base and "subclass-new-methods" in self.avoid else self.r.randint(1, 3)):
            ret = self.pick(["int", "int", "float", "bool", "None"])
            params = [("self", "self", 0, None)]
            for _ in range(self.r.randint(0, 2)):
                params.append((self.fresh("a"), self.pick(["int", "float", "int"]), SMALL, None))
            todo.append(Sig(f"m{self.fresh('')}", params, ret, SMALL if ret == "int" else 0, kind="method"))
        for proto in todo:
            sig = Sig(proto.name, proto.params, proto.ret, proto.ret_bound, kind="method")
            if proto.kind == "method" and proto in self.all_methods(base) if base else False:
                # an override may cost no more than what callers of the base method were told
                body += [""] + self.gen_body(sig, cls, units=proto.units, max_lines=proto.lines)
                sig.units, sig.lines = proto.units, proto.lines
            else:
                body += [""] + self.gen_body(sig, cls)
            cls.methods[sig.name] = sig
            cls.callable_methods.add(sig.name)
        header = f"class {cls.name}({cls.base}):" if cls.base else f"class {cls.name}:"
        return [header] + indent(body)

    def gen_body(self, sig, cls=None, recursive=False, units=None, max_lines=FUNCTION_LINES):
        """`def` lines of a function or method, measuring its cost into sig.units and sig.lines."""
        writable = [g for g in self.globals if self.chance(0.3)] if cls is None else []
        callables = [f for f in self.functions] if cls is None else []
        ctx = Ctx(sig, cls, callables, writable)
        for g in self.globals:  # readable everywhere; assignable where the function says `global`
            ctx.add(Var(g.name, g.type, g.bound, assignable=g in writable, is_global=True))
        for name, t, b, dyn in sig.params:
            if name != "self":
                ctx.add(Var(name, t, b, dyn=dyn, assignable=not (recursive and name == "n")))
        if units is None:
            units = self.pick([30, 80, 200, 600, 2000, 6000])
        budget = Budget(units, max_lines)
        lines = []
        if writable:
            lines.append("global " + ", ".join(g.name for g in writable))
        if recursive:
            lines += [f"if n <= 0:", f"    return {self.return_value(ctx, Budget(5, 0))}"]
        lines += self.block(ctx, budget, 1, 6)
        if recursive:
            rest = f"{sig.name}({', '.join(['n - 1'] + [self.expr_of(ctx, budget, t, b) for n, t, b, _ in sig.params[1:]])})"
            if sig.ret == "int":
                other, bo = self.int_expr(ctx, budget, 1)
                other, bo = self.wrap_int(other, bo, SMALL)
                lines.append(f"return ({rest} {self.pick(['+', '-', '^'])} {other}) % {self.mod_for(SMALL)}")
            elif sig.ret == "float":
                lines.append(f"return {rest} {self.pick(['+', '-', '*'])} {self.float_expr(ctx, budget, 1)}")
            else:
                lines.append(f"return {rest} {self.pick(['and', 'or'])} {self.bool_expr(ctx, budget, 1)}")
        elif sig.ret != "None":
            lines.append(f"return {self.return_value(ctx, budget)}")
        sig.units = max(1, units - budget.units)
        sig.lines = max_lines - budget.lines
        if recursive:
            sig.units *= sig.depth + 1
            sig.lines *= sig.depth + 1
        params_text = ", ".join(n if n == "self" or t == "any" and sig.kind == "any" else f"{n}: {t}"
                                for n, t, _, _ in sig.params)
        ret_text = "" if sig.kind == "any" else f" -> {sig.ret}"
        return [f"def {sig.name}({params_text}){ret_text}:"] + indent(lines)

    def gen_function(self, index):
        name = f"f{index}"
        kind = self.weighted([(6, "fn"), (2, "rec"), (2, "any")])
        if kind == "any":
            params = [(self.fresh("a"), "any", SMALL, "num") for _ in range(self.r.randint(1, 3))]
            sig = Sig(name, params, "any", SMALL, kind="any")
            lines = self.gen_body(sig)
        else:
            params = []
            if kind == "rec":
                params.append(("n", "int", 64, None))
            param_types = ["int", "int", "float", "bool", "list[int]", "list[float]", "any"]
            param_types += [c.name for c in self.classes]
            for _ in range(self.r.randint(0, 3)):
                t = self.pick(param_types)
                params.append((self.fresh("a"), t, SMALL, "num" if t == "any" else None))
            ret = self.pick(["int", "int", "float", "bool", "None"] if kind == "fn" else ["int", "int", "float", "bool"])
            sig = Sig(name, params, ret, SMALL if ret in ("int",) else 0, kind=kind)
            if kind == "rec":
                sig.depth = self.pick([5, 10, 20, 40])
            lines = self.gen_body(sig, recursive=(kind == "rec"))
            if any(t == "any" for _, t, _, _ in params):
                # a typed function with an unannotated parameter
                i = [n for n, t, _, _ in params if t == "any"][0]
                lines[0] = lines[0].replace(f"{i}: any", i)
        self.functions.append(sig)
        return lines

    def generate(self):
        r = self.r
        self.fault = choose_fault(self) if self.chance(0.3) else None
        out_globals = []
        for i in range(r.randint(0, 3)):
            t = self.pick(["int", "int", "float"])
            code, b = self.int_literal() if t == "int" else (self.float_literal(), 0)
            self.globals.append(Var(f"g{i}", t, SMALL if b < SMALL else BIG))
            out_globals.append(f"g{i} = {code}" if t == "int" else f"g{i}: float = {code}")
        defs = []
        for i in range(self.weighted([(2, 0), (3, 1), (2, 2), (1, 3)])):
            base = self.pick(self.classes) if self.classes and self.chance(0.5) else None
            defs += self.gen_class(i, base) + [""]
        for i in range(r.randint(1, 6)):
            defs += self.gen_function(i) + [""]
        ctx = Ctx(None, None, self.functions, self.globals)
        for g in self.globals:
            g.is_global = True
            ctx.add(g)
        budget = Budget(PROGRAM_UNITS, PROGRAM_LINES)
        main = []
        for _ in range(r.randint(6, 16)):
            if budget.can(1):
                main += self.statement(ctx, budget)
        if self.fault and not self.fault_placed:
            main += self.fault.lines(self, ctx, Budget(10, 2), force=True)
        # a last look at everything top-level code can see
        finals = [v.name for v in ctx.vars(lambda v: v.type in ("int", "float", "bool", "any") or is_list(v.type))]
        if finals:
            main.append(f"print({', '.join(finals[-8:])})")
        header = [f"# fuzz program {self.seed} (test-suite/fuzz)"]
        if self.fault:
            header.append(f"# fault: {self.fault.kind}")
        imports = []
        if self.uses_math:
            imports.append("import math")
        if self.uses_sys:
            imports.append("import sys")
        if self.uses_callable:
            imports.append("from typing import Callable")
        prelude = []
        if self.needs_error_class:
            prelude += ["class FuzzError(Exception):", "    pass", ""]
        text = header + imports + out_globals + [""] + prelude + defs + self.extra_defs + main
        return "\n".join(text) + "\n"


def join_dyn(a, b):
    if a == b:
        return a
    if "float" in (a, b) and "num" not in (a, b):
        return "float"
    return "num"


def indent(lines):
    return ["    " + l if l else l for l in lines]


def generate(seed, avoid_known_bugs=False):
    """The program for `seed` (a string such as '7-123'), as text."""
    return Generator(seed, avoid_known_bugs).generate()
