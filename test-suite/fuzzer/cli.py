"""test-suite/fuzz: the command line, the run over many programs, and its progress line."""

import argparse
import random
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

from . import configs as configs_mod
from . import compare, reducer, report, runner
from .generator import generate
from .session import Session

CI_SEED = 1
CI_COUNT = 300
HELLO = 'print("hello")\n'


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="test-suite/fuzz",
        description="Differential fuzzer: random well-typed [core] Roast programs, run in every configuration "
                    "of `roast vm` and under CPython 3.12; any difference is saved and reported (exit 1).")
    p.add_argument("--seed", type=int, help="the batch's seed (default: a random one, printed)")
    p.add_argument("--count", type=int, default=100, help="programs to generate (default 100)")
    p.add_argument("--start", type=int, default=0, help="index of the first program (default 0)")
    p.add_argument("--only", help="comma-separated program indexes to run (with --seed)")
    p.add_argument("--ci", action="store_true",
                   help=f"the fixed CI batch: --seed={CI_SEED} --count={CI_COUNT} --no-reduce")
    p.add_argument("--configs", default=",".join(configs_mod.DEFAULT),
                   help="configurations to compare, the reference first: names from fuzzer/configs.py or "
                        "NAME=FLAGS (default: %(default)s)")
    p.add_argument("--jobs", type=int, default=2, help="programs run in parallel (default 2)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds per run before SIGKILL (default 10)")
    p.add_argument("--per-process", action="store_true",
                   help="run every program in its own `roast vm` process (default: batches in one JVM, "
                        "differences confirmed per process)")
    p.add_argument("--roast", default=str(runner.ROOT / "roast"), help="the roast launcher (default: the repository's)")
    p.add_argument("--no-cpython", action="store_true", help="compare Roast's configurations only")
    p.add_argument("--no-reduce", action="store_true", help="do not reduce failing programs")
    p.add_argument("--reduce-time", type=float, default=120.0, help="seconds to spend reducing one failure")
    p.add_argument("--max-failures", type=int, default=10, help="stop after this many failing programs")
    p.add_argument("--out", default=str(runner.ROOT / "test-suite" / "target" / "fuzz-failures"),
                   help="where failing programs are saved (default: %(default)s)")
    p.add_argument("--avoid-known-bugs", action="store_true",
                   help="do not generate the constructs of fuzzer/generator.py's KNOWN_BUGS (to look for other bugs)")
    p.add_argument("--print", metavar="SEED-N", dest="print_program", help="print program N of SEED and exit")
    p.add_argument("--self-test", action="store_true", help="test the fuzzer itself and exit")
    p.add_argument("--plant", help=argparse.SUPPRESS)  # self-test: batch runs with this flag print one more line
    a = p.parse_args(argv)
    if a.ci:  # fixed programs; no reducing (it may take minutes): the report says how to rerun one
        a.seed, a.count, a.start, a.no_reduce = CI_SEED, CI_COUNT, 0, True
    return a


def main(argv):
    a = parse_args(argv)
    if a.print_program:
        sys.stdout.write(generate(a.print_program, a.avoid_known_bugs))
        return 0
    if a.self_test:
        from . import selftest
        return selftest.run(a)
    try:
        configs = configs_mod.parse(a.configs)
    except ValueError as e:
        print(f"fuzz: {e}", file=sys.stderr)
        return 2
    if not configs:
        print("fuzz: no configuration to run", file=sys.stderr)
        return 2
    python = None
    if not a.no_cpython:
        python = runner.find_cpython()
        if python is None and a.ci:  # the tiers are still compared with each other; say loudly what is missing
            print("fuzz: WARNING: CPython 3.12 (the oracle) not found, comparing Roast's configurations only "
                  "(set ROAST_PYTHON or `pyenv install 3.12`)", file=sys.stderr)
        elif python is None:
            print("fuzz: CPython 3.12 (the oracle) not found: set ROAST_PYTHON, install it (pyenv install 3.12), "
                  "or run with --no-cpython", file=sys.stderr)
            return 2
    if len(configs) < 2 and python is None:
        print("fuzz: one configuration and no CPython: nothing to compare", file=sys.stderr)
        return 2
    seed = a.seed if a.seed is not None else random.SystemRandom().randrange(1, 10 ** 6)
    indexes = [int(x) for x in a.only.split(",")] if a.only else list(range(a.start, a.start + a.count))

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    workdir = Path(tempfile.mkdtemp(prefix="roast-fuzz-"))
    session = None
    try:
        java_home = runner.find_java()
        classes = runner.build(java_home, a.roast)
        session = Session(configs, a.roast, python, a.timeout, workdir, a.per_process, java_home, classes, a.plant)
        refused = probe(session)
        if refused:
            for line in refused:
                print(f"fuzz: {line}", file=sys.stderr)
            print("fuzz: every configuration must run (see test-suite/fuzzer/configs.py); --configs=interp "
                  "compares the interpreter with CPython alone", file=sys.stderr)
            return 2
        return run_batch(a, session, seed, indexes, Path(a.out))
    finally:
        if session:
            session.close()
        runner.kill_all()
        shutil.rmtree(workdir, ignore_errors=True)


def probe(session):
    """Each configuration must run a hello program: a refused flag is an error, never a silent skip."""
    path = session.write("probe-hello", HELLO)
    refused = []
    for name, flags in session.configs:
        o = session.run_roast(path, flags, name, session.per_process)
        if o.status != 0 or not o.stdout.startswith("hello\n"):  # (a planted difference may follow, --self-test)
            refused.append(f"configuration '{name}' (roast vm {' '.join(flags)}) does not run a hello program: "
                           f"{o.describe()}: {compare.tail(o.stderr, 1)}")
    if not session.per_process:
        session.worker().stop()  # this thread's JVM: the programs run on the worker threads' own
    return refused


class Progress:
    """Counts, and a status line on stderr: redrawn in place on a terminal, every 30 s otherwise."""

    def __init__(self, total):
        self.total, self.done, self.failed = total, 0, 0
        self.start = time.monotonic()
        self.last = self.start
        self.tty = sys.stderr.isatty()
        self.lock = threading.Lock()

    def line(self):
        elapsed = time.monotonic() - self.start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        eta = (self.total - self.done) / rate if rate > 0 else 0.0
        return (f"fuzz: {self.done}/{self.total} programs, {self.failed} failing, {rate:.1f} programs/s, "
                f"{elapsed:.0f} s elapsed" + (f", ~{eta:.0f} s left" if self.done < self.total else ""))

    def tick(self, failed):
        with self.lock:
            self.done += 1
            self.failed += failed
            now = time.monotonic()
            if self.tty and now - self.last > 0.5:
                sys.stderr.write("\r" + self.line() + "\033[K")
                sys.stderr.flush()
                self.last = now
            elif not self.tty and now - self.last > 30 and self.done < self.total:
                print(self.line(), file=sys.stderr, flush=True)
                self.last = now

    def say(self, text):
        with self.lock:
            if self.tty:
                sys.stderr.write("\r\033[K")
            print(text, file=sys.stderr, flush=True)


def run_batch(a, session, seed, indexes, out_dir):
    names = ", ".join(n for n, _ in session.configs) + (" + cpython" if session.python else "")
    mode = "one process per run" if session.per_process else "batched JVMs"
    print(f"fuzz: seed {seed}, {len(indexes)} programs, configurations {names}, {mode}, {a.jobs} jobs",
          file=sys.stderr, flush=True)
    progress = Progress(len(indexes))
    failures = []
    todo = list(indexes)
    lock = threading.Lock()
    stop = threading.Event()

    errors = []

    def work():
        try:
            work_on()
        except runner.Stopped:
            pass
        except BaseException as e:  # a bug of the fuzzer: the run must not end as if all went well
            import traceback
            errors.append(traceback.format_exc())
            stop.set()

    def work_on():
        while not stop.is_set():
            with lock:
                if not todo:
                    return
                i = todo.pop(0)
            name = f"{seed}-{i}"
            text = generate(name, a.avoid_known_bugs)
            problems, runs, oracle = session.check(name, text)
            if problems:
                d = report.save(out_dir, name, text, problems, runs, oracle, session.configs, session.roast,
                                session.python, session.crash_logs())
                reduced = None
                if not a.no_reduce and not all(p.kind in ("generator", "batch-only") for p in problems):
                    reduced = reduce_failure(session, name, text, problems, a.reduce_time)
                    if reduced:
                        (d / "reduced.roast").write_text(reduced)
                with lock:
                    failures.append((name, problems, d))
                    if len(failures) >= a.max_failures:
                        stop.set()
                progress.say(describe_failure(name, problems, runs, oracle, d, reduced))
            session.cleanup(name)
            progress.tick(1 if problems else 0)

    threads = [threading.Thread(target=work, daemon=True) for _ in range(max(1, a.jobs))]
    for t in threads:
        t.start()
    try:
        for t in threads:
            while t.is_alive():
                t.join(0.5)
    except KeyboardInterrupt:
        stop.set()
        progress.say("fuzz: interrupted")
        return 130
    progress.say(progress.line().replace(", ~0 s left", ""))
    if errors:
        print(f"fuzz: internal error of the fuzzer:\n{errors[0]}", file=sys.stderr)
        return 2
    if failures:
        kinds = {}
        for _, problems, _ in failures:
            for k in sorted({p.kind for p in problems}):
                kinds[k] = kinds.get(k, 0) + 1
        print(f"fuzz: FAILED: {len(failures)} program(s) ({', '.join(f'{n} {k}' for k, n in kinds.items())}); "
              f"saved under {out_dir}", file=sys.stderr)
        if stop.is_set() and len(failures) >= a.max_failures:
            print(f"fuzz: stopped after {a.max_failures} failures (--max-failures)", file=sys.stderr)
        return 1
    print(f"fuzz: ok, no differences (seed {seed})", file=sys.stderr)
    return 0


def describe_failure(name, problems, runs, oracle, d, reduced):
    lines = [f"fuzz: program {name} fails:"] + [f"  {p.kind}: {p.text}" for p in problems]
    lines += ["  " + l for l in report.diff_lines(runs, oracle)]
    lines.append(f"  saved in {d}" + (f" (reduced: {len(reduced.splitlines())} lines, reduced.roast)" if reduced else
                                       f"; reduce it with: test-suite/fuzz --seed={name.split('-')[0]} "
                                       f"--only={name.split('-')[1]}"))
    return "\n".join(lines)


def reduce_failure(session, name, text, problems, seconds):
    """A smaller program with one of the same problems, or None."""
    wanted = {(p.kind, p.text) for p in problems if p.kind not in ("generator", "batch-only")}
    tries = [0]

    def still_fails(candidate):
        tries[0] += 1
        got = session.check(f"{name}-r", candidate, confirm=False)[0]
        session.cleanup(f"{name}-r")
        if any(p.kind == "generator" for p in got):
            return False
        return any((p.kind, p.text) in wanted for p in got)

    reduced = reducer.reduce(text, still_fails, seconds)
    return reduced if reduced != text else None
