"""test-suite/fuzz --self-test: the fuzzer's own checks (a fuzzer that never fails proves nothing).

- the same seed gives the same program, also in another process with other string hashing;
- the comparison rules and the reducer on small made-up cases;
- a run over a few programs passes;
- a planted difference is found and saved, both in the batch JVM (where the
  confirmation with real `roast vm` processes marks it batch-only) and with
  one process per run (through a fake launcher that prints one more line);
- a configuration roast refuses stops the fuzzer (exit 2), it is not skipped;
- a program that never ends is killed at its time limit, with nothing left behind.
"""

import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from . import compare, reducer, runner
from .generator import generate

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"ok   {name}")
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f"\n{textwrap.indent(detail.strip(), '  ')}" if detail else ""))


def fuzz(*args):
    got = subprocess.run([sys.executable, str(FUZZ)] + list(args), capture_output=True, text=True, timeout=600)
    return got.returncode, got.stdout + got.stderr


def run(a):
    c = Checks()
    tmp = Path(tempfile.mkdtemp(prefix="roast-fuzz-selftest-"))

    # determinism
    first = [generate(f"77-{i}") for i in range(20)]
    c.check("same seed, same programs", first == [generate(f"77-{i}") for i in range(20)])
    code = "import sys; sys.path.insert(0, sys.argv[1]); from fuzzer.generator import generate; " \
           "sys.stdout.write(''.join(generate(f'77-{i}') for i in range(20)))"
    other = subprocess.run([sys.executable, "-c", code, str(FUZZ.parent)], capture_output=True, text=True,
                           env=dict(os.environ, PYTHONHASHSEED="12345"))
    c.check("same programs in another process (other string hashes)", other.stdout == "".join(first))
    c.check("different seeds, different programs", generate("77-0") != generate("78-0"))

    # comparison rules and reducer
    ok = runner.Outcome(0, "1\n", "")
    c.check("compare: equal runs agree", compare.check("", [("a", ok), ("b", ok)], ok) == [])
    other_out = runner.Outcome(0, "2\n", "")
    c.check("compare: a config's stdout differs",
            [p.kind for p in compare.check("", [("a", ok), ("b", other_out)], ok)] == ["difference", "difference"])
    tb = lambda t: runner.Outcome(1, "1\n", f"Traceback (most recent call last):\n  File \"x\", line 1\n{t}: boom\n")
    c.check("compare: only the exception type is compared with CPython",
            compare.check("", [("a", tb("ValueError"))], tb("ValueError")) == [] and
            compare.check("", [("a", tb("ValueError"))], tb("IndexError")) != [])
    overflow = "# fuzz program\n# fault: overflow\n"
    c.check("compare: an OverflowError needs a prefix of CPython's output",
            compare.check(overflow, [("a", tb("OverflowError"))], runner.Outcome(0, "1\n2\n", "")) == [] and
            compare.check(overflow, [("a", tb("OverflowError"))], runner.Outcome(0, "3\n", "")) != [] and
            compare.check("", [("a", tb("OverflowError"))], runner.Outcome(0, "1\n2\n", "")) != [])
    c.check("compare: exit 2 is a generator bug",
            [p.kind for p in compare.check("", [("a", runner.Outcome(2, "", "error[E0308]"))], ok)] == ["generator"])
    text = "a = 1\nif a:\n    b = 2\n    c = 3\nd = 4\nprint(a, d)\n"
    reduced = reducer.reduce(text, lambda t: "d = 4" in t and "print(a, d)" in t and "a = 1" in t, 10)
    c.check("reducer: deletes what the failure does not need", reduced == "a = 1\nd = 4\nprint(a, d)\n", reduced)

    # end to end
    # (the interpreter alone and no known bug: this checks the fuzzer, whatever state the JIT is in)
    status, out = fuzz("--configs=interp", "--avoid-known-bugs", "--seed=5", "--count=6", f"--out={tmp}/clean")
    c.check("a clean run passes (exit 0)", status == 0, out)

    twin = "twin=--max-tier=interp --max-depth=999"
    status, out = fuzz(f"--configs=interp,{twin}", "--plant=--max-depth=999", "--no-cpython", "--seed=5",
                       "--count=2", "--no-reduce", f"--out={tmp}/planted")
    saved = tmp / "planted" / "5-0"
    c.check("batch: a planted difference fails the run (exit 1)", status == 1, out)
    c.check("batch: ... is saved with its outputs",
            (saved / "program.roast").exists() and "planted difference" in (saved / "twin.stdout").read_text("utf-8")
            if saved.exists() else False, out)
    c.check("batch: ... and is reported as batch-only", "batch-only" in out, out)

    fake = tmp / "fake-roast"
    fake.write_text(f"#!/usr/bin/env bash\n\"{runner.ROOT}/roast\" \"$@\"\nstatus=$?\n"
                    "case \" $* \" in *' --max-depth=999 '*) echo planted ;; esac\nexit $status\n")
    fake.chmod(0o755)
    status, out = fuzz(f"--configs=interp,{twin}", "--per-process", f"--roast={fake}", "--no-cpython", "--seed=5",
                       "--count=1", "--no-reduce", f"--out={tmp}/planted2")
    c.check("per process: a planted difference fails the run (exit 1)",
            status == 1 and "twin and interp differ in stdout" in out, out)

    status, out = fuzz("--configs=interp,bogus=--no-such-flag", "--count=1", f"--out={tmp}/bogus")
    c.check("a refused configuration stops the fuzzer (exit 2)", status == 2 and "bogus" in out, out)

    # time limits
    java = runner.find_java()
    classes = runner.build(java, runner.ROOT / "roast")
    spin = tmp / "spin.roast"
    spin.write_text("x = 0\nwhile True:\n    x = (x + 1) % 7\n")
    worker = runner.BatchWorker(java, classes)
    o = worker.run(["vm", "--max-tier=interp", str(spin)], tmp / "spin", 1.5)
    pid = worker.proc.pid if worker.proc else None
    c.check("batch: a spinning program is killed at its time limit", o.timed_out and worker.proc is None, o.describe())
    after = worker.run(["vm", "--max-tier=interp", str(FUZZ.parents[1] / "examples" / "hello.roast")], tmp / "hi", 30)
    c.check("batch: the next program gets a new JVM", after.status == 0 and after.stdout == "hello, world\n",
            after.describe() + after.stderr)
    worker.stop()
    o = runner.run_process([str(runner.ROOT / "roast"), "vm", "--max-tier=interp", str(spin)], 1.5, cwd=tmp)
    c.check("per process: a spinning program is killed at its time limit", o.timed_out, o.describe())
    left = subprocess.run(["pgrep", "-f", str(spin)], capture_output=True, text=True).stdout.split()
    c.check("no process left behind", not left, f"still running: {left} (first batch JVM was {pid})")

    runner.kill_all()
    subprocess.run(["rm", "-rf", str(tmp)])
    print(f"fuzz self-test: {c.passed} passed, {c.failed} failed")
    return 0 if c.failed == 0 else 1
