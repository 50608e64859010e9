"""Running a program: under Roast (batched in one JVM, or one `roast vm` process each) and under CPython.

Every run has a time limit that ends in SIGKILL of the run's whole process
group (machine code may spin and never look at a signal), and nothing is left
behind: each process is the leader of its own group, and kill_all() ends every
group still alive (the fuzzer calls it on any exit, Ctrl-C included).

Batching: a `roast vm` process spends ~0.2 s starting the JVM, more than most
generated programs take to run. A BatchWorker keeps one JVM (RoastBatch.java)
that runs command line after command line through dev.roast.vm.Main.run, the
launcher's own entry point, so each program still gets a fresh compile and a
fresh Vm.run; only the JVM is shared. A program that runs over its time limit
or brings the JVM down costs that JVM: it is killed, the program is reported
as timed out or crashed, and the next program gets a new JVM.
"""

import os
import select
import signal
import subprocess
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]          # the repository
HARNESS_SRC = Path(__file__).with_name("RoastBatch.java")
JAR = ROOT / "vm" / "target" / "roast.jar"
# The launcher's JVM options (./roast, `jvm=(...)`), less its AOT cache, which belongs to `-jar roast.jar`.
JVM_OPTIONS = ["-XX:+UseSerialGC", "-Xms16m", "-Xmx1g", "-XX:MaxTrivialSize=24", "--enable-native-access=ALL-UNNAMED",
               "--sun-misc-unsafe-memory-access=allow"]


class Outcome:
    """What one run gave. status is None when it did not finish (timed_out, or crashed: the batch JVM died)."""

    def __init__(self, status, stdout, stderr, timed_out=False, crashed=False, seconds=0.0):
        self.status, self.stdout, self.stderr = status, stdout, stderr
        self.timed_out, self.crashed, self.seconds = timed_out, crashed, seconds

    def describe(self):
        if self.timed_out:
            return f"killed after {self.seconds:.1f} s (time limit)"
        if self.crashed:
            return "the JVM died"
        if self.status < 0:
            try:
                return f"killed by {signal.Signals(-self.status).name}"
            except ValueError:
                return f"killed by signal {-self.status}"
        return f"exit {self.status}"


_groups = set()            # process groups alive, for kill_all()
_groups_lock = threading.Lock()
_stopping = threading.Event()


class Stopped(Exception):
    """kill_all() has run: no new process may start (a worker thread still running must just end)."""


def _check_stopping():
    if _stopping.is_set():
        raise Stopped()


def _started(proc):
    with _groups_lock:
        _groups.add(proc.pid)
        late = _stopping.is_set()
    if late:  # started while kill_all() ran
        _kill(proc)
        raise Stopped()


def _kill(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()
    with _groups_lock:
        _groups.discard(proc.pid)


def kill_all():
    _stopping.set()
    with _groups_lock:
        groups = list(_groups)
        _groups.clear()
    for pgid in groups:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def run_process(argv, timeout, cwd=None, env=None):
    """Runs argv in its own process group; SIGKILLs the group after `timeout` seconds."""
    _check_stopping()
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            cwd=cwd, env=env, start_new_session=True)
    _started(proc)
    try:
        out, err = proc.communicate(timeout=timeout)
        timed_out = False
    except BaseException as e:  # the time limit, or Ctrl-C: kill while the process is not yet reaped
        _kill(proc)
        if not isinstance(e, subprocess.TimeoutExpired):
            raise
        out, err = proc.communicate()
        timed_out = True
    with _groups_lock:
        _groups.discard(proc.pid)
    return Outcome(None if timed_out else proc.returncode, out.decode("utf-8", "replace"),
                   err.decode("utf-8", "replace"), timed_out=timed_out, seconds=time.monotonic() - start)


def find_java():
    """The JDK the launcher would use (scripts/find-jdk.sh)."""
    script = f". '{ROOT}/scripts/find-jdk.sh' && roast_find_jdk && printf %s \"$ROAST_JAVA_HOME\""
    got = subprocess.run(["bash", "-c", script], capture_output=True, text=True)
    if got.returncode != 0:
        raise SystemExit(f"fuzz: {got.stderr.strip() or 'no JDK found'}")
    return Path(got.stdout)


def build(java_home, roast):
    """Builds roast.jar if stale (through the launcher) and the batch harness if stale; returns its class dir."""
    got = subprocess.run([str(roast), "--version"], capture_output=True, text=True)
    if got.returncode != 0:
        raise SystemExit(f"fuzz: `{roast} --version` failed:\n{got.stderr}")
    classes = ROOT / "test-suite" / "target" / "fuzz-harness"
    made = classes / "RoastBatch.class"
    if not made.exists() or made.stat().st_mtime < max(HARNESS_SRC.stat().st_mtime, JAR.stat().st_mtime):
        classes.mkdir(parents=True, exist_ok=True)
        got = subprocess.run([str(java_home / "bin" / "javac"), "-d", str(classes), "-cp", str(JAR),
                              str(HARNESS_SRC)], capture_output=True, text=True)
        if got.returncode != 0:
            raise SystemExit(f"fuzz: compiling {HARNESS_SRC.name} failed:\n{got.stdout}{got.stderr}")
    return classes


class BatchWorker:
    """One JVM running RoastBatch, restarted whenever a run kills it. Not thread-safe: one per thread."""

    def __init__(self, java_home, classes, plant=None):
        self.argv = [str(java_home / "bin" / "java")] + JVM_OPTIONS
        self.argv += os.environ.get("ROAST_JAVA_OPTS", "").split()
        if plant:
            self.argv.append(f"-Dfuzz.plant={plant}")
        self.argv += ["-cp", f"{JAR}{os.pathsep}{classes}", "RoastBatch"]
        self.proc = None
        self.log = None

    def _start(self, workdir):
        _check_stopping()
        self.log = open(Path(workdir) / f"harness-{threading.get_ident()}.log", "wb")
        # in the work directory: that is where a crashing JVM leaves its hs_err_pid*.log
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log,
                                     cwd=workdir, start_new_session=True)
        _started(self.proc)

    def stop(self):
        if self.proc:
            _kill(self.proc)
            self.proc = None
        if self.log:
            self.log.close()
            self.log = None

    def run(self, args, prefix, timeout):
        """Runs `roast ARGS...`; its output goes through PREFIX.stdout/.stderr/.status. Returns an Outcome."""
        prefix = Path(prefix)
        for suffix in (".stdout", ".stderr", ".status"):
            prefix.with_name(prefix.name + suffix).unlink(missing_ok=True)
        if self.proc is None:
            self._start(prefix.parent)
        start = time.monotonic()
        try:
            self.proc.stdin.write(("\t".join([str(prefix)] + list(args)) + "\n").encode())
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass
        line = self._read_line(start + timeout)
        seconds = time.monotonic() - start
        read = lambda s: prefix.with_name(prefix.name + s).read_text("utf-8", "replace") \
            if prefix.with_name(prefix.name + s).exists() else ""
        if line == b"done\n":
            return Outcome(int(read(".status").strip()), read(".stdout"), read(".stderr"), seconds=seconds)
        timed_out = line is None
        self.stop()
        return Outcome(None, read(".stdout"), read(".stderr"), timed_out=timed_out, crashed=not timed_out,
                       seconds=seconds)

    def _read_line(self, deadline):
        """The harness's next line; b'' if it died, None at the deadline."""
        fd = self.proc.stdout.fileno()
        data = b""
        while not data.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(fd, 1)
            if not chunk:
                return b""
            data += chunk
        return data


def find_cpython():
    """CPython 3.12, the oracle: $ROAST_PYTHON, python3.12 on PATH, or pyenv's 3.12.x (as test-suite/regen-expected)."""
    candidates = []
    if os.environ.get("ROAST_PYTHON"):
        candidates.append(os.environ["ROAST_PYTHON"])
    for d in os.environ.get("PATH", "").split(os.pathsep):
        candidates.append(os.path.join(d, "python3.12"))
    pyenv = Path.home() / ".pyenv" / "versions"
    if pyenv.is_dir():
        candidates += [str(p / "bin" / "python3") for p in sorted(pyenv.glob("3.12*"), reverse=True)]
    for c in candidates:
        if not os.access(c, os.X_OK):
            continue
        got = subprocess.run([c, "-c", "import sys, platform; print(sys.version_info[:2] == (3, 12) and "
                                       "platform.python_implementation() == 'CPython')"],
                             capture_output=True, text=True)
        if got.stdout.strip() == "True":
            return c
    return None
