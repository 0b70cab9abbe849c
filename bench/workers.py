#!/usr/bin/env python3
"""Benchmark for persistent workers: Salvo against pytest-xdist, same interpreter, same suites.

Suites (generated in a temporary directory):
  small    FILES files of 5 fast tests each (pytest start-up and collection dominate)
  heavy    40 files, each importing its own module that burns ~0.2 s of CPU at import
  skewed   sleep-based tests with a long tail (200 x 0.05 s, 20 x 0.5 s, 6 x 2 s, 2 x 4 s)

For each suite, interleaved over ROUNDS rounds: `salvo run --isolation persistent -w 2`
and `python -m pytest -n 2` (xdist from Debian's python3-pytest-xdist, see setup-xdist.sh).
Salvo keeps its store between rounds, so from the second round on it schedules with history;
the skewed suite's figures are taken from rounds with history only, and its makespan (the
run's own start-to-end time from .salvo/last_run.json) is compared with the lower bound
max(longest test, total / workers).

usage: bench/workers.py [--suites small,heavy,skewed] [--rounds 5] [--files 200]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import salvo_jar

HERE = os.path.dirname(os.path.abspath(__file__))
SKEW = [(200, 0.05), (20, 0.5), (6, 2.0), (2, 4.0)]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def small_suite(root, files):
    for n in range(files):
        write(os.path.join(root, "tests", "test_small_%03d.py" % n),
              "import pytest\n\n\n@pytest.mark.parametrize('i', range(5))\n"
              "def test_fast(i):\n    assert sum(range(i + 10)) > 0\n")


def heavy_suite(root, files=40):
    for n in range(files):
        write(os.path.join(root, "tests", "heavy_%03d.py" % n),
              "import time\n\n_end = time.process_time() + 0.2\nwhile time.process_time() < _end:\n    pass\n"
              "VALUE = %d\n" % n)
        write(os.path.join(root, "tests", "test_heavy_%03d.py" % n),
              "import heavy_%03d\n\n\ndef test_a():\n    assert heavy_%03d.VALUE == %d\n\n\n"
              "def test_b():\n    assert True\n" % (n, n, n))


def skewed_suite(root):
    tests = [d for count, d in SKEW for _ in range(count)]
    per_file = 10
    for f in range(0, len(tests), per_file):
        body = "import time\n"
        for i, d in enumerate(tests[f:f + per_file]):
            body += "\n\ndef test_%d():\n    time.sleep(%s)\n" % (i, d)
        write(os.path.join(root, "tests", "test_skew_%03d.py" % (f // per_file)), body)


def skewed_bound(workers):
    total = sum(c * d for c, d in SKEW)
    return max(max(d for _, d in SKEW), total / workers)


def timed(cmd, cwd, env=None):
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit("benchmark command failed (%d): %s\n%s" % (done.returncode, " ".join(cmd), done.stderr.decode()[-3000:]))
    return elapsed


def salvo_makespan(store):
    """The run's own start-to-end time as Salvo recorded it (without the JVM's start-up)."""
    with open(os.path.join(store, "last_run.json")) as f:
        return json.load(f)["wallSeconds"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--suites", default="small,heavy,skewed")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    salvo_jar.add_arguments(parser)
    args = parser.parse_args()
    launcher = salvo_jar.launcher(args.jar)
    xdist = subprocess.run([os.path.join(HERE, "setup-xdist.sh")], check=True, capture_output=True,
                           text=True).stdout.strip()
    xdist_env = dict(os.environ, PYTHONPATH=xdist + os.pathsep + os.environ.get("PYTHONPATH", ""))
    print("python %s, pytest-xdist from %s, %d workers, %d rounds" % (args.python, xdist, args.workers, args.rounds))

    builders = {"small": lambda r: small_suite(r, args.files), "heavy": heavy_suite, "skewed": skewed_suite}
    for suite in args.suites.split(","):
        root = tempfile.mkdtemp(prefix="salvo-bench-%s-" % suite)
        try:
            write(os.path.join(root, "pytest.ini"), "[pytest]\ntestpaths = tests\n")
            builders[suite](root)
            store = os.path.join(root, ".salvo")
            salvo_cmd = [launcher, "run", "--isolation", "persistent", "-w", str(args.workers),
                         "--store", store, "--python", args.python]
            xdist_cmd = [args.python, "-m", "pytest", "-n", str(args.workers), "-q", "-p", "no:cacheprovider"]
            timed(salvo_cmd, root)  # warm-up: gives Salvo its history, and both the page cache
            salvo, xd, spans = [], [], []
            for r in range(args.rounds):
                salvo.append(timed(salvo_cmd, root))
                spans.append(salvo_makespan(store))
                xd.append(timed(xdist_cmd, root, xdist_env))
                print("  %s round %d: salvo %.2fs (makespan %.2fs), xdist %.2fs" % (suite, r + 1, salvo[-1], spans[-1], xd[-1]),
                      flush=True)
            ms, mx = statistics.median(salvo), statistics.median(xd)
            print("%s: medians salvo %.2fs, pytest -n %d %.2fs, ratio salvo/xdist %.2f" % (suite, ms, args.workers, mx, ms / mx))
            if suite == "skewed":
                bound = skewed_bound(args.workers)
                span = statistics.median(spans)
                print("skewed: salvo makespan (with history) %.2fs, lower bound %.2fs, ratio %.3f; wall incl. JVM %.2fs (%.3f)"
                      % (span, bound, span / bound, ms, ms / bound))
        finally:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
