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

from .expressions import Expressions
from .faults import choose_fault
from .model import (BIG, FUNCTION_LINES, PROGRAM_LINES, PROGRAM_UNITS, SMALL, Budget, ClassInfo, Ctx, Sig, Var, indent,
                    is_list)
from .statements import Statements

# Known Roast bugs, by the construct that shows them. By default the generator writes these constructs like any
# other: a fuzzer that hides bugs is no use. `test-suite/fuzz --avoid-known-bugs` steers around them, to look for
# other bugs while one is being fixed. Remove an entry when its bug is fixed.
KNOWN_BUGS = {
    # Names of constructs that expose an open bug, each with a comment saying which; none is open now.
    # (Fixed: "subclass-new-methods", new methods in a subclass overwrote inherited vtable slots.)
}


class Generator(Expressions, Statements):
    """One program: its random source, what it has defined so far, and the definitions (classes, functions)."""

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
        for _ in range(self.r.randint(1, 3)):
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


def generate(seed, avoid_known_bugs=False):
    """The program for `seed` (a string such as '7-123'), as text."""
    return Generator(seed, avoid_known_bugs).generate()
