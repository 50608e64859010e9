"""The implementations a comparison runs: Roast in each tier configuration, and the anchors of
../shared/bench/README.md. Each knows how to run one program, or that it has nothing to run it with."""

import os
import shutil
from dataclasses import dataclass, field

import runner

# Roast's tier configurations, in the order tiers are built. A configuration roast refuses (a tier whose
# issue has not landed) is skipped with roast's own message; the default policy is shown once a JIT exists.
ROAST_CONFIGS = [
    ("roast-interp", ["--max-tier=interp"]),
    ("roast-baseline", ["--max-tier=baseline"]),
    ("roast", []),
]


@dataclass
class Impl:
    """One column of the comparison."""
    name: str
    kind: str                      # "roast" or "anchor"
    command: object                # program name -> argv, or None when it has no such program
    version: str = ""
    note: str = ""                 # why it is missing, when it is
    available: bool = True
    stats: bool = False            # accepts --stats=FILE (roast)
    colour: str = "#888888"
    extra: dict = field(default_factory=dict)


def _version(argv):
    try:
        p = runner.run(argv, 30)
    except OSError:
        return ""
    text = (p.stdout.decode("utf-8", "replace") + "\n" + p.stderr).strip().splitlines()
    return text[0].strip() if text else ""


def roast_impls(root, bench, timeout):
    """The Roast configurations roast accepts today (probed with hello)."""
    roast = os.path.join(root, "roast")
    hello = os.path.join(bench, "programs", "hello.roast")
    # The first call may build roast and its start-up cache: not a measurement.
    first = runner.run([roast, "vm", hello], max(timeout, 900))
    if first.status != 0:
        raise SystemExit("bench/compare: roast does not run hello:\n" + first.stderr_tail())
    version = _version([roast, "--version"])
    impls = []
    colours = {"roast-interp": "#d62728", "roast-baseline": "#ff7f0e", "roast": "#8c2d04"}
    for name, flags in ROAST_CONFIGS:
        p = runner.run([roast, "vm", *flags, hello], timeout)
        ok = p.status == 0
        note = "" if ok else (p.stderr.strip().splitlines() or ["refused"])[0].removeprefix("roast: ")
        impl = Impl(name, "roast", None, version=version, note=note, available=ok, colour=colours[name])
        impl.extra["flags"] = flags
        impls.append(impl)
    jits = [i for i in impls if i.available and i.name not in ("roast-interp", "roast")]
    default = impls[-1]
    if default.available and not jits:
        default.available = False
        default.note = "the default policy is the interpreter alone until a JIT tier exists"
    stats_probe = os.path.join(root, "bench", "results", "tmp", "probe-stats.json")
    os.makedirs(os.path.dirname(stats_probe), exist_ok=True)
    p = runner.run([roast, "vm", "--max-tier=interp", "--stats=" + stats_probe, hello], timeout)
    for impl in impls:
        impl.stats = p.status == 0
        flags = impl.extra["flags"]
        impl.command = (lambda flags: lambda prog, stats=None: [roast, "vm", *flags,
                                                                 *(["--stats=" + stats] if stats else []),
                                                                 os.path.join(bench, "programs", prog + ".roast")])(flags)
    return impls


def anchor_impls(bench, build_dir):
    """CPython, PyPy (the same .roast files), LuaJIT with and without its JIT, Lua 5.4, Node and C -O2 on the
    anchors/ programs. A missing interpreter is a note, never a failure."""
    programs = os.path.join(bench, "programs")
    anchors = os.path.join(bench, "anchors")

    def has_anchor(ext):
        return lambda prog: os.path.exists(os.path.join(anchors, prog + ext))

    specs = [
        ("python3", "#1f77b4", ["python3", "--version"],
         lambda p: ["python3", os.path.join(programs, p + ".roast")]),
        ("pypy3", "#17becf", ["pypy3", "-c", "import sys; print(sys.version.replace(chr(10), ' '))"],
         lambda p: ["pypy3", os.path.join(programs, p + ".roast")]),
        ("luajit -joff", "#bcbd22", ["luajit", "-v"],
         lambda p: ["luajit", "-joff", os.path.join(anchors, p + ".lua")] if has_anchor(".lua")(p) else None),
        ("luajit", "#2ca02c", ["luajit", "-v"],
         lambda p: ["luajit", os.path.join(anchors, p + ".lua")] if has_anchor(".lua")(p) else None),
        ("lua5.4", "#9467bd", ["lua5.4", "-v"],
         lambda p: ["lua5.4", os.path.join(anchors, p + ".lua")] if has_anchor(".lua")(p) else None),
        ("node", "#7f7f7f", ["node", "--version"],
         lambda p: ["node", os.path.join(anchors, p + ".js")] if has_anchor(".js")(p) else None),
    ]
    impls = []
    for name, colour, version_argv, command in specs:
        exe = version_argv[0]
        if shutil.which(exe) is None:
            impls.append(Impl(name, "anchor", None, note=f"{exe} not found", available=False, colour=colour))
            continue
        impls.append(Impl(name, "anchor", command, version=_version(version_argv), colour=colour))
    impls.append(_c_impl(anchors, build_dir))
    return impls


def _c_impl(anchors, build_dir):
    colour = "#000000"
    if shutil.which("gcc") is None:
        return Impl("C -O2", "anchor", None, note="gcc not found", available=False, colour=colour)
    os.makedirs(build_dir, exist_ok=True)
    built = {}
    for f in sorted(os.listdir(anchors)) if os.path.isdir(anchors) else []:
        if not f.endswith(".c"):
            continue
        exe = os.path.join(build_dir, f[:-2])
        p = runner.run(["gcc", "-O2", "-o", exe, os.path.join(anchors, f), "-lm"], 120)
        if p.status == 0:
            built[f[:-2]] = exe
    return Impl("C -O2", "anchor", lambda prog: [built[prog]] if prog in built else None,
                version=_version(["gcc", "--version"]), colour=colour)
