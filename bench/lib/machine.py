"""What a result was measured on: CPU, cores, kernel, JDK, the commit, the date."""

import datetime
import os
import platform
import subprocess


def describe(root, java_home):
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    jdk = ""
    if java_home:
        try:
            with open(os.path.join(java_home, "release")) as f:
                for line in f:
                    if line.startswith(("IMPLEMENTOR=", "JAVA_RUNTIME_VERSION=")):
                        jdk += line.split("=", 1)[1].strip().strip('"') + " "
        except OSError:
            pass
    commit = _git(root, "rev-parse", "--short", "HEAD")
    if commit and _git(root, "status", "--porcelain", "--untracked-files=no"):
        commit += " (with uncommitted changes)"
    return {
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "cpu": cpu or platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "kernel": platform.system() + " " + platform.release(),
        "jdk": jdk.strip() or "unknown",
        "commit": commit or "unknown",
    }


def _git(root, *args):
    try:
        p = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30)
        return p.stdout.strip() if p.returncode == 0 else ""
    except OSError:
        return ""
