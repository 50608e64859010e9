"""What the generator knows while it writes a program: limits, names in scope, functions, budgets.

Types are strings: 'int', 'float', 'bool', 'any', 'list[T]', a class name, and
'fn' for a nested function or lambda in scope.
"""

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


def indent(lines):
    return ["    " + l if l else l for l in lines]
