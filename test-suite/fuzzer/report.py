"""A failing program on disk: everything needed to look at it again without the fuzzer.

DIR/SEED-N/
    program.roast         the program as generated
    reduced.roast         a smaller program with the same problem (when the reducer found one)
    CONFIG.stdout/.stderr/.status, cpython.stdout/...   what each run gave
    problems.txt          the problems, a short diff, and the commands that rerun it
"""

import difflib
import shlex



def save(directory, name, text, problems, runs, oracle, configs, roast, python, crash_logs=()):
    d = directory / name
    d.mkdir(parents=True, exist_ok=True)
    for old in d.iterdir():
        old.unlink()
    (d / "program.roast").write_text(text)
    for log in crash_logs:  # hs_err_pid*.log of JVMs that crashed on this program (or, rarely, a neighbour)
        log.replace(d / log.name)
    outcomes = list(runs) + ([("cpython", oracle)] if oracle is not None else [])
    for who, o in outcomes:
        (d / f"{who}.stdout").write_text(o.stdout)
        (d / f"{who}.stderr").write_text(o.stderr)
        (d / f"{who}.status").write_text(o.describe() + "\n")
    summary = [f"program {name}"] + [f"  {p.kind}: {p.text}" for p in problems] + [""]
    summary += diff_lines(runs, oracle) + ["", "rerun:"]
    for who, flags in configs:
        summary.append("  " + " ".join(shlex.quote(w) for w in [str(roast), "vm"] + flags + [str(d / "program.roast")]))
    if python:
        summary.append(f"  {shlex.quote(python)} {shlex.quote(str(d / 'program.roast'))}")
    (d / "problems.txt").write_text("\n".join(summary) + "\n")
    return d


def diff_lines(runs, oracle, limit=24):
    """A short unified diff of the first pair that differs: a config against the reference, else against CPython."""
    ref_name, ref = runs[0]
    pairs = [(ref_name, ref, name, o) for name, o in runs[1:]]
    if oracle is not None:
        pairs += [("cpython", oracle, name, o) for name, o in runs]
    for a_name, a, b_name, b in pairs:
        for what in ("stdout", "stderr"):
            x, y = getattr(a, what), getattr(b, what)
            if what == "stderr" and a_name == "cpython":
                continue  # tracebacks differ in layout; problems.txt says which types differ
            if x != y:
                d = list(difflib.unified_diff(x.splitlines(), y.splitlines(), f"{a_name}.{what}", f"{b_name}.{what}",
                                              lineterm="", n=1))
                return d[:limit] + (["  ..."] if len(d) > limit else [])
        if a.status != b.status:
            return [f"exit status: {a_name} {a.describe()}, {b_name} {b.describe()}"]
    return []
