"""Whether the runs of one program agree, and if not, what kind of problem it is.

* Roast's configurations must agree exactly: stdout, stderr (tracebacks
  included, spec §12) and exit status, byte for byte.
* CPython 3.12 is the oracle (the compatibility rule): stdout and exit status
  must be what CPython gives and, for an uncaught exception, the last stderr
  line must name the same exception type. Only the type: messages are
  CPython's "where practical" and traceback layouts differ (spec §9, as the
  runtime-error suite compares them).
* The one deliberate difference a program may contain is the `overflow` fault
  (spec §13 item 1): when Roast stops with OverflowError there, CPython carries
  on with a big integer, so what Roast printed must only be the beginning of
  what CPython prints.

A problem has a kind: `generator` (the program is not what the generator
promises: Roast refuses it with exit 2, or CPython fails it with a NameError,
or it runs too long everywhere), `crash` (an internal error, a Java stack
trace, a dead JVM), `timeout`, or `difference`.
"""

JVM_FATAL = "A fatal error has been detected by the Java Runtime Environment"

# CPython errors that mean the program itself is wrong, not Roast.
GENERATOR_ERRORS = ("NameError", "UnboundLocalError", "SyntaxError", "IndentationError", "TabError")


class Problem:
    def __init__(self, kind, text):
        self.kind, self.text = kind, text

    def __repr__(self):
        return f"{self.kind}: {self.text}"


def exception_type(stderr):
    """The type on the last line of a traceback ('ZeroDivisionError'), or '' if there is none."""
    lines = stderr.strip().splitlines()
    if not lines:
        return ""
    return lines[-1].split(":", 1)[0].strip()


def check(program, runs, oracle):
    """runs: [(config name, Outcome)], the reference first; oracle: CPython's Outcome or None.
    Returns the list of problems (empty: all agree)."""
    problems = []
    for name, o in runs:
        if o.crashed:
            problems.append(Problem("crash", f"{name}: the JVM died ({tail(o.stderr)})"))
        elif o.timed_out:
            problems.append(Problem("timeout", f"{name}: {o.describe()}"))
        elif o.status == 2:
            problems.append(Problem("generator", f"{name}: roast refused the program (exit 2):\n{tail(o.stderr, 12)}"))
        elif o.status == 70 or "internal error" in o.stderr or "\tat " in o.stderr:
            problems.append(Problem("crash", f"{name}: internal error (exit {o.status}):\n{tail(o.stderr, 12)}"))
        elif o.status < 0 or o.status >= 128 or JVM_FATAL in o.stdout or JVM_FATAL in o.stderr:
            problems.append(Problem("crash", f"{name}: the JVM crashed ({o.describe()})"))
    if oracle is not None:
        if oracle.timed_out:
            problems.append(Problem("generator", f"cpython: {oracle.describe()} (programs must be quick)"))
        elif oracle.status == 1 and exception_type(oracle.stderr) in GENERATOR_ERRORS:
            problems.append(Problem("generator", f"cpython: {tail(oracle.stderr, 1)}"))
    if any(p.kind in ("generator", "crash") for p in problems):
        return problems

    ref_name, ref = runs[0]
    for name, o in runs[1:]:
        if o.timed_out or ref.timed_out:
            continue  # already reported
        for what in ("status", "stdout", "stderr"):
            if getattr(o, what) != getattr(ref, what):
                problems.append(Problem("difference", f"{name} and {ref_name} differ in {what}"))
    if oracle is None or oracle.timed_out:
        return problems
    for name, o in runs:
        if o.timed_out:
            continue
        if may_overflow(program) and o.status == 1 and exception_type(o.stderr) == "OverflowError":
            if not oracle.stdout.startswith(o.stdout):
                problems.append(Problem("difference", f"{name} stopped with OverflowError, but its stdout is not "
                                                      f"the beginning of cpython's"))
            continue
        if o.status != oracle.status:
            problems.append(Problem("difference", f"{name} exits {o.status}, cpython {oracle.status}"))
        if o.stdout != oracle.stdout:
            problems.append(Problem("difference", f"{name} and cpython differ in stdout"))
        if o.status == 1 and oracle.status == 1 and exception_type(o.stderr) != exception_type(oracle.stderr):
            problems.append(Problem("difference", f"{name} raises {exception_type(o.stderr) or '(nothing)'}, "
                                                  f"cpython {exception_type(oracle.stderr)}"))
        if o.status != 1 and o.stderr != oracle.stderr:
            problems.append(Problem("difference", f"{name} and cpython differ in stderr"))
    return problems


def may_overflow(program):
    return "\n# fault: overflow\n" in program


def tail(text, n=3):
    lines = text.strip().splitlines()
    return "\n".join(lines[-n:]) if lines else "(nothing on stderr)"
