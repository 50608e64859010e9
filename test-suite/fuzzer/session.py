"""Runs one program in every configuration and under CPython, and judges the runs (compare.py).

A difference seen in the batch JVM is confirmed with one `roast vm` process
per configuration, the way a user runs Roast: the saved outputs are those of
the real launcher, and a difference that only the batch shows is reported as
such (state leaking from one Vm.run to the next in a JVM is a bug too).
"""

import threading
from pathlib import Path

from . import compare, runner


class Session:
    def __init__(self, configs, roast, python, timeout, workdir, per_process=False, java_home=None, classes=None,
                 plant=None):
        self.configs = configs          # [(name, flags)]
        self.roast = Path(roast)        # the launcher, for per-process runs
        self.python = python            # CPython 3.12 or None
        self.timeout = timeout
        self.workdir = Path(workdir)
        self.per_process = per_process
        self.java_home, self.classes, self.plant = java_home, classes, plant
        self.local = threading.local()
        self.workers = []
        self.lock = threading.Lock()

    def worker(self):
        w = getattr(self.local, "worker", None)
        if w is None:
            w = runner.BatchWorker(self.java_home, self.classes, self.plant)
            self.local.worker = w
            with self.lock:
                self.workers.append(w)
        return w

    def close(self):
        for w in self.workers:
            w.stop()

    def write(self, name, text):
        path = self.workdir / f"{name}.roast"
        path.write_text(text)
        return path

    def run_roast(self, path, flags, config, per_process):
        if per_process:
            return runner.run_process([str(self.roast), "vm"] + flags + [str(path)], self.timeout, cwd=self.workdir)
        prefix = path.with_name(f"{path.stem}.{config}")
        return self.worker().run(["vm"] + flags + [str(path)], prefix, self.timeout)

    def run_all(self, path, per_process):
        runs = [(name, self.run_roast(path, flags, name, per_process)) for name, flags in self.configs]
        oracle = runner.run_process([self.python, str(path)], self.timeout, cwd=self.workdir) if self.python else None
        return runs, oracle

    def check(self, name, text, confirm=True):
        """Runs and judges the program: (problems, runs, oracle). Batch differences are confirmed per process."""
        path = self.write(name, text)
        per_process = self.per_process
        runs, oracle = self.run_all(path, per_process)
        problems = compare.check(text, runs, oracle)
        if problems and confirm and not per_process and not all(p.kind == "generator" for p in problems):
            runs2, oracle2 = self.run_all(path, True)
            problems2 = compare.check(text, runs2, oracle2)
            if not problems2:
                problems = [compare.Problem("batch-only", f"only in the batch JVM: {p.kind}: {p.text}")
                            for p in problems]
            else:
                problems, runs, oracle = problems2, runs2, oracle2
        return problems, runs, oracle

    def crash_logs(self):
        """The JVM crash reports (hs_err_pid*.log) written so far; whoever saves a failure takes them."""
        return sorted(self.workdir.glob("hs_err_pid*.log"))

    def cleanup(self, name):
        for p in self.workdir.glob(f"{name}.*"):
            p.unlink(missing_ok=True)
