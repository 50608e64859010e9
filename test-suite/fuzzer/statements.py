"""The generator's statements, each generated against the budget of its block (model.Budget)."""

from .model import (BIG, BIG_MODULI, FUNCTION_LINES, INT_LIMIT, LIST_CAP, SMALL, SMALL_MODULI, Budget, Ctx, Sig, Var,
                    elem, indent, is_list)


class Statements:
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

    def place_fault(self, ctx, budget):
        lines = self.fault.lines(self, ctx, budget)
        if lines:
            self.fault_placed = True
        return lines
