"""The `roast vm` configurations the fuzzer compares: the one place that lists them.

Spec §12: whatever tier runs a function, a program's output, exceptions,
tracebacks and exit status are identical. The three configurations cover the
interpreter alone, the baseline JIT compiling every function before its first
call, and the tiered VM with a threshold low enough that almost everything is
compiled, much of it on a loop back-edge (on-stack replacement).

The first configuration named is the reference the others are compared with.
"""

CONFIGS = {
    "interp": ["--max-tier=interp"],
    "baseline": ["--max-tier=baseline", "--jit-threshold=0"],
    "tiered": ["--jit-threshold=2"],
    # Not in DEFAULT: the tiered VM in the smallest heap, so that collections happen while machine code runs
    # (generated programs allocate a few MB at most, far below the default 8 MB between collections).
    "tiered-gc": ["--jit-threshold=2", "--max-heap=1m"],
}

DEFAULT = ["interp", "baseline", "tiered"]


def parse(spec):
    """`--configs` value -> [(name, flags)]. Items are names from CONFIGS, or NAME=FLAGS for an ad-hoc
    configuration (flags separated by spaces), e.g. `interp,t8=--jit-threshold=8`."""
    out = []
    for item in [s.strip() for s in spec.split(",") if s.strip()]:
        if "=" in item and not item.startswith("-") and item.split("=", 1)[0] not in CONFIGS:
            name, flags = item.split("=", 1)
            out.append((name, flags.split()))
        elif item in CONFIGS:
            out.append((item, list(CONFIGS[item])))
        else:
            raise ValueError(f"unknown configuration '{item}' (known: {', '.join(CONFIGS)}; or NAME=FLAGS)")
    names = [n for n, _ in out]
    if len(set(names)) != len(names):
        raise ValueError(f"a configuration is named twice in '{spec}'")
    return out
