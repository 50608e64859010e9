"""Deliberate failures: a generated program may end in an uncaught exception or sys.exit.

Each fault is a few statements placed at a random point of the program. Inside
a loop it fires at one chosen iteration (a divisor `(i - K)` that is zero only
there, or `if i == K:`), so that with a low JIT threshold the exception leaves
compiled code after the loop has run hot; elsewhere it fires the first time it
runs. A fault in a function nobody calls never fires, and the program simply
ends normally: that is fine, every run must still agree.

All faults but `overflow` fail the same way in CPython. `overflow` makes an int
grow past 64 bits, where Roast raises OverflowError and CPython goes on with a
big integer (spec §13 item 1): the comparison then only asks that what Roast
printed before failing is the beginning of what CPython prints (see compare.py).
"""

KINDS = ["zerodiv", "zerodiv-float", "index", "recursion", "any-type", "none-attr", "assert", "raise", "exit",
         "overflow"]


class Fault:
    def __init__(self, kind):
        self.kind = kind

    def lines(self, gen, ctx, budget, force=False):
        """The fault's statements at this point, or None if it does not fit here (then it goes elsewhere)."""
        trigger = self.trigger(gen, ctx)
        k = self.kind
        if k == "zerodiv":
            a, _ = gen.int_expr(ctx, budget, 1)
            op = gen.pick(["//", "%"])
            return [f"{gen.fresh()} = ({a}) {op} {self.zero(gen, ctx, trigger)}"]
        if k == "zerodiv-float":
            return [f"{gen.fresh()} = ({gen.float_expr(ctx, budget, 1)}) / {self.zero(gen, ctx, trigger)}"]
        if k == "index":
            lists = ctx.vars(lambda v: v.type.startswith("list["))
            if lists:
                xs = gen.pick(lists).name
                index = gen.pick([f"len({xs})", f"len({xs}) + 3", f"-len({xs}) - 1"])
                return self.guarded(trigger, [f"print({xs}[{index}])"])
            name = gen.fresh()
            return [f"{name} = [1, 2, 3]"] + self.guarded(trigger, [f"print({name}[{gen.pick([3, -4, 100])}])"])
        if k == "recursion":
            f = gen.fresh("r")
            if not any(line.startswith(f"def {f}(") for line in gen.extra_defs):
                gen.extra_defs += [f"def {f}(n: int) -> int:", f"    return {f}(n + 1) + 1", ""]
            return self.guarded(trigger, [f"print({f}(0))"])
        if k == "any-type":
            name = gen.fresh()
            a, _ = gen.int_expr(ctx, budget, 1)
            return [f"{name}: any = None"] + self.guarded(trigger, [f"print({name} {gen.pick(['+', '*', '<', '//'])} {a})"])
        if k == "none-attr":
            classes = [c for c in gen.classes if gen.all_fields(c)]
            if not classes:
                return self.kind_fallback(gen, ctx, budget, force)
            c = gen.pick(classes)
            name = gen.fresh("o")
            field = gen.pick(list(gen.all_fields(c)))
            return [f"{name}: {c.name} = None"] + self.guarded(trigger, [f"print({name}.{field})"])
        if k == "assert":
            if trigger:
                i, value = trigger
                return [f"assert {i} != {value}, \"fuzz assertion at {value}\""]
            return [f"assert {gen.bool_expr(ctx, budget, 1)}"]
        if k == "raise":
            error = gen.pick(["ValueError", "RuntimeError", "FuzzError"])
            if error == "FuzzError":
                gen.needs_error_class = True
            a, _ = gen.int_expr(ctx, budget, 2)
            return self.guarded(trigger, [f"raise {error}(\"fuzz \" + str({a}))"])
        if k == "exit":
            gen.uses_sys = True
            return self.guarded(trigger, [f"sys.exit({gen.pick([0, 1, 3, 7, 42])})"])
        if k == "overflow":
            v, j = gen.fresh(), gen.fresh("j")
            start = gen.pick(["1125899906842597", "3", "(-7)", "140737488355328"])
            # CPython goes on after the overflow, maybe many times if the fault sits in a loop, so its numbers must
            # stay cheap: growth by a factor for at most 100 steps, by a constant for longer (past 2**63 at ~8200),
            # but only outside loops (seed 2026 program 4273 ran 9000 steps 6628 times: minutes in CPython)
            if not ctx.loops and gen.chance(0.3):
                step, n = f"{v} + 1125899906842597", gen.pick([100, 9000])
            else:
                step = gen.pick([f"{v} * 3 + {j}", f"{v} * -5 - 1", f"{v} * 7 - {j}"])
                n = gen.pick([20, 40, 100])
            return [f"{v} = {start}", f"for {j} in range({n}):", f"    {v} = {step}", f"print({v} % 1000)"]
        raise AssertionError(k)

    def kind_fallback(self, gen, ctx, budget, force):
        self.kind = "zerodiv"
        return self.lines(gen, ctx, budget, force)

    def trigger(self, gen, ctx):
        """(loop variable, value at one of its iterations) of the innermost counted loop, or None."""
        loops = [loop for loop in ctx.loops if loop is not None]
        if not loops:
            return None
        name, first, step, n = loops[-1]
        return name, first + step * gen.r.randrange(max(n, 1))

    def zero(self, gen, ctx, trigger):
        """A divisor that is zero at the trigger (always, without one)."""
        if trigger:
            i, value = trigger
            return f"({i} - ({value}))"
        ints = ctx.vars(lambda v: v.type == "int")
        if ints:
            x = gen.pick(ints).name
            return f"({x} - {x})"
        return "0"

    @staticmethod
    def guarded(trigger, lines):
        if not trigger:
            return lines
        i, value = trigger
        return [f"if {i} == {value}:"] + ["    " + line for line in lines]


def choose_fault(gen):
    weights = [(3, "zerodiv"), (2, "zerodiv-float"), (2, "index"), (2, "recursion"), (2, "any-type"),
               (1, "none-attr"), (1, "assert"), (2, "raise"), (1, "exit"), (2, "overflow")]
    return Fault(gen.weighted(weights))
