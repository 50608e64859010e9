"""Runs one command to completion under a time limit and measures it: wall time, peak RSS, stdout, status."""

import os
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass


@dataclass
class Run:
    """One finished (or killed) process: what the comparison needs of it."""
    wall: float          # seconds, from fork to exit
    peak_rss_kb: int     # the process's own high-water mark (ru_maxrss)
    status: int          # exit status; -N when killed by signal N
    timed_out: bool
    stdout: bytes
    stderr: str

    def stderr_tail(self, lines=3):
        return "\n".join(self.stderr.strip().splitlines()[-lines:])


# The kernel charges a child with the peak RSS of the process it was forked from (this Python, ~25 MB) until
# it execs, so a small program's own peak is only seen by a small parent: GNU time's fork of it.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run(argv, timeout, cwd=None, env=None):
    """Runs argv in its own process group; at the time limit the whole group gets SIGKILL (generated
    machine code can spin where SIGTERM is ignored). Nothing of the group outlives the call."""
    rss_file = None
    if GNU_TIME:
        fd, rss_file = tempfile.mkstemp(prefix="roast-rss-")
        os.close(fd)
        argv = [GNU_TIME, "-f", "%M", "-o", rss_file, *argv]
    try:
        r = _run(argv, timeout, cwd, env)
        if rss_file:
            r.peak_rss_kb = _read_kb(rss_file, r.peak_rss_kb)
        return r
    finally:
        if rss_file:
            os.unlink(rss_file)


def _read_kb(path, fallback):
    try:
        with open(path) as f:
            lines = f.read().split()
        return int(lines[-1]) if lines else fallback
    except (OSError, ValueError):
        return fallback


def _run(argv, timeout, cwd, env):
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out_w, stderr=err_w, cwd=cwd, env=env,
                            start_new_session=True)
    os.close(out_w)
    os.close(err_w)
    chunks = {out_r: [], err_r: []}

    def drain(fd):
        while True:
            b = os.read(fd, 1 << 16)
            if not b:
                break
            chunks[fd].append(b)
        os.close(fd)

    readers = [threading.Thread(target=drain, args=(fd,), daemon=True) for fd in (out_r, err_r)]
    for t in readers:
        t.start()
    killed = threading.Event()

    def kill():
        killed.set()
        _kill_group(proc.pid)

    timer = threading.Timer(timeout, kill)
    timer.start()
    try:
        _, wait_status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
        wall = time.perf_counter() - start
        _kill_group(proc.pid)  # whatever the program left running
    proc.returncode = os.waitstatus_to_exitcode(wait_status)
    for t in readers:
        t.join(timeout=5)
    stderr = b"".join(chunks[err_r]).decode("utf-8", "replace")
    return Run(wall=wall, peak_rss_kb=usage.ru_maxrss, status=proc.returncode, timed_out=killed.is_set(),
               stdout=b"".join(chunks[out_r]), stderr=stderr)


def _kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
