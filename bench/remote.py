#!/usr/bin/env python3
"""Benchmark for workers on other hosts: the same suite of fast tests on `-w 2` here, on two ssh
workers in network namespaces (`--tx ssh=h1 --tx ssh=h2`), and under pytest-xdist's
`--dist load --tx ssh=h1 --tx ssh=h2` (Debian's xdist and execnet) on the same hosts.

Every run uses Debian's /usr/bin/python3 (where xdist and execnet are installed) on both sides,
and the suite's own directory on the shared filesystem (no copy), so the difference between the
local and the ssh figures is the remote path itself: the connection, the bootstrap and each
test's messages over ssh. The per-test overhead is (ssh - local) / tests, fixed costs included.

Needs root (namespaces), sshd and rsync: `apt-get install openssh-server rsync python3-pytest-xdist`.

usage: bench/remote.py [--rounds 5] [--files 40] [--tests 50]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import salvo_jar
from hosts import Hosts

PYTHON = "/usr/bin/python3"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def timed(cmd, cwd):
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit("benchmark command failed (%d): %s\n%s" % (done.returncode, " ".join(cmd), done.stderr.decode()[-3000:]))
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--tests", type=int, default=50, help="tests per file")
    parser.add_argument("--jar", default=salvo_jar.DEFAULT_JAR)
    args = parser.parse_args()
    launcher = salvo_jar.launcher(args.jar)
    tests = args.files * args.tests
    root = tempfile.mkdtemp(prefix="salvo-bench-remote-")
    try:
        write(os.path.join(root, "pytest.ini"), "[pytest]\ntestpaths = tests\n")
        for n in range(args.files):
            write(os.path.join(root, "tests", "test_fast_%03d.py" % n),
                  "import pytest\n\n\n@pytest.mark.parametrize('i', range(%d))\n"
                  "def test_fast(i):\n    assert i >= 0\n" % args.tests)
        with Hosts(2) as hosts:
            cfg = "//ssh_config=" + hosts.ssh_config
            store = os.path.join(root, ".salvo")
            runs = {
                "salvo -w 2 (here)": [launcher, "run", "--isolation", "persistent", "-w", "2", "--store", store,
                                      "--python", PYTHON],
                "salvo --tx 2 ssh": [launcher, "run", "--store", store, "--python", PYTHON,
                                     "--tx", "ssh=h1" + cfg, "--tx", "ssh=h2" + cfg],
                "xdist --tx 2 ssh": [PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--dist", "load",
                                     "--tx", "ssh=h1//python=%s//chdir=%s%s" % (PYTHON, root, cfg),
                                     "--tx", "ssh=h2//python=%s//chdir=%s%s" % (PYTHON, root, cfg)],
            }
            print("%d tests in %d files, python %s, hosts in network namespaces, %d rounds"
                  % (tests, args.files, PYTHON, args.rounds))
            for cmd in runs.values():
                timed(cmd, root)  # warm-up: page cache, Salvo's history, the hosts' first logins
            times = {name: [] for name in runs}
            for r in range(args.rounds):
                line = []
                for name, cmd in runs.items():
                    times[name].append(timed(cmd, root))
                    line.append("%s %.2fs" % (name, times[name][-1]))
                print("  round %d: %s" % (r + 1, ", ".join(line)), flush=True)
            med = {name: statistics.median(t) for name, t in times.items()}
            for name, m in med.items():
                print("%-20s median %.2fs" % (name, m))
            here, ssh, xd = med["salvo -w 2 (here)"], med["salvo --tx 2 ssh"], med["xdist --tx 2 ssh"]
            print("ratio salvo ssh / salvo here %.2f; salvo ssh / xdist ssh %.2f" % (ssh / here, ssh / xd))
            print("remote path overhead per test: %.3f ms ((ssh - here) / %d tests, fixed costs included)"
                  % ((ssh - here) * 1000 / tests, tests))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
